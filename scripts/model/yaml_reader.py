"""The one YAML reader: front matter, data files, interface strings and mkdocs.yml, with line numbers.

YAML as editors write it here is plain mappings, lists and scalars. This reader builds exactly that
from the parser's events (libyaml's when PyYAML has it), one event at a time, and so can refuse
what has no place in the project's files before anything is built from it:

- anchors and aliases (`&a`, `*a`): an "alias bomb" of nested aliases expands to billions of
  values; refused at the first anchor, so memory stays proportional to the file;
- a key given twice in one mapping (PyYAML keeps the last one silently);
- impossible dates (`2010-02-30`), which PyYAML reports as a bare ValueError;
- tags other than YAML's own scalar ones (and `!ENV`, only where asked: mkdocs.yml), merge keys
  (`<<`), mappings used as keys and more than one document in a file.

Values are what PyYAML's safe loader gives (dates as `datetime.date`, `yes` as True, ...): the same
resolver and constructors are used for scalars. Every key and list item gets its line in the file
(`Yaml.lines`, by path), so every message can name one. A file that is not UTF-8 is named in its
message; a UTF-8 byte-order mark is accepted.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

try:  # libyaml parses several times faster; the pure-Python parser gives the same events.
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader  # type: ignore[assignment]

BYTE_ORDER_MARK = "\ufeff"
YAML_TAG = "tag:yaml.org,2002:"
SCALAR_TAGS = {YAML_TAG + name for name in ("str", "int", "float", "bool", "null", "timestamp")}
COLLECTION_TAGS = {YAML_TAG + "map", YAML_TAG + "seq"}
ENV_TAG = "!ENV"  # mkdocs.yml: `!ENV [NAME, default]` is the variable's value, else the default
MERGE_TAG = YAML_TAG + "merge"

Path_ = tuple  # a value's place in the document: keys and list positions, e.g. ("relations", "amends", 0)


class YamlProblem(ValueError):
    """Why a text could not be read, at which line of the file, with the fix."""

    def __init__(self, line: int, message: str):
        super().__init__(f"line {line}: {message}")
        self.line = line
        self.message = message


@dataclass
class Yaml:
    """A document that was read: its value and the line of every key and list item in it."""

    value: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    first_line: int = 1  # the file line of the text's first line
    spans: dict[Path_, tuple[int, int]] = field(default_factory=dict)  # value -> (start, end) in the text
    key_columns: dict[Path_, int] = field(default_factory=dict)  # key -> its column
    flow: set[Path_] = field(default_factory=set)  # mappings and lists written in {…} / […]

    def line(self, *path: Any) -> int:
        """The line of the value at `path`, or of the nearest enclosing one that has a line."""
        for end in range(len(path), 0, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return self.first_line


def decode(data: bytes, shown: str) -> str:
    """A file's bytes as text: UTF-8, with a byte-order mark dropped. Raises YamlProblem naming the
    line of the first byte that is not UTF-8."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise YamlProblem(line, f"{shown} is not UTF-8 text (byte 0x{data[error.start]:02x}): "
                                "save the file as UTF-8") from None
    return text.removeprefix(BYTE_ORDER_MARK)


def read_file(path: Path, shown: str, subject: str = "", environment: bool = False) -> Yaml:
    """Read a whole YAML file (a data file, an interface-strings file, mkdocs.yml)."""
    return parse(decode(Path(path).read_bytes(), shown), subject=subject, environment=environment)


def parse(text: str, first_line: int = 1, subject: str = "", environment: bool = False) -> Yaml:
    """The single YAML document in `text` (None when empty). `first_line` is the file line of the
    text's first line; `subject` names the text in messages ("front matter"). Raises YamlProblem."""
    loader = SafeLoader(text)
    try:
        return _Builder(loader, first_line, subject, environment).document()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + first_line if mark is not None else first_line
        reason = error.problem or str(error)
        what = f"{subject} is not" if subject else "not"
        raise YamlProblem(line, f"{what} valid YAML ({reason}): check quotes, colons and indentation") from None
    finally:
        loader.dispose()


def _shown(path: Path_) -> str:
    return ".".join(str(part) for part in path)


def _tag(tag: str) -> str:
    return "!!" + tag[len(YAML_TAG):] if tag.startswith(YAML_TAG) else tag


@dataclass
class _Collection:
    """A mapping or list being built, and where it goes."""

    value: Any
    path: Path_
    start: int  # where it starts in the text
    tag: str | None = None
    key: Any = None  # a mapping's key waiting for its value
    expecting_key: bool = True
    key_lines: dict[Any, int] = field(default_factory=dict)


class _Builder:
    def __init__(self, loader: Any, first_line: int, subject: str, environment: bool):
        self.loader = loader
        self.first_line = first_line
        self.subject = subject
        self.environment = environment
        self.lines: dict[Path_, int] = {}
        self.spans: dict[Path_, tuple[int, int]] = {}
        self.key_columns: dict[Path_, int] = {}
        self.flow: set[Path_] = set()

    def line_of(self, event: Any) -> int:
        return event.start_mark.line + self.first_line

    def problem(self, event: Any, message: str) -> YamlProblem:
        return YamlProblem(self.line_of(event), message)

    def document(self) -> Yaml:
        events = self.loader
        events.get_event()  # StreamStart
        if events.check_event(yaml.StreamEndEvent):
            return Yaml(None, {}, self.first_line)
        events.get_event()  # DocumentStart
        value = self.value()
        events.get_event()  # DocumentEnd
        if not events.check_event(yaml.StreamEndEvent):
            extra = events.get_event()
            raise self.problem(extra, f"{self.subject or 'the file'} holds more than one YAML document: "
                                      "remove the second '---' (or '...') line")
        return Yaml(value, self.lines, self.first_line, self.spans, self.key_columns, self.flow)

    def value(self) -> Any:
        """The next node and everything inside it, without recursion (deep nesting cannot overflow)."""
        stack: list[_Collection] = []
        while True:
            event = self.loader.get_event()
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                done = stack.pop()
                self.spans[done.path] = (done.start, event.end_mark.index)
                value = self.finish(done, event)
            else:
                self.refuse_anchors(event)
                path = self.place(stack, event) if stack else ()
                if isinstance(event, yaml.ScalarEvent):
                    value = self.scalar(event, stack, path)
                    if not stack or not stack[-1].expecting_key or isinstance(stack[-1].value, list):
                        self.spans[path] = (event.start_mark.index, event.end_mark.index)
                else:
                    tag = event.tag
                    if tag not in (None, "!", ENV_TAG) and tag not in COLLECTION_TAGS or tag == ENV_TAG and not (
                            self.environment and isinstance(event, yaml.SequenceStartEvent)):
                        raise self.problem(event, f"the tag {_tag(tag)} is not allowed here: remove it")
                    empty = {} if isinstance(event, yaml.MappingStartEvent) else []
                    stack.append(_Collection(empty, path, event.start_mark.index, tag))
                    if event.flow_style:
                        self.flow.add(path)
                    continue
            if not stack:
                return value
            self.attach(stack[-1], value, event)

    def refuse_anchors(self, event: Any) -> None:
        if isinstance(event, yaml.AliasEvent):
            raise self.problem(event, f"YAML aliases (*{event.anchor}) are not allowed: write the value out")
        if getattr(event, "anchor", None):
            raise self.problem(event, f"YAML anchors (&{event.anchor}) are not allowed: remove it and write "
                                      "each value out")

    def place(self, stack: list[_Collection], event: Any) -> Path_:
        """The path the node of `event` takes in its parent (for a key: the path of its value)."""
        parent = stack[-1]
        if isinstance(parent.value, list):
            path = parent.path + (len(parent.value),)
            self.lines[path] = self.line_of(event)
            return path
        if parent.expecting_key:
            if not isinstance(event, yaml.ScalarEvent):
                raise self.problem(event, "a key must be plain text, not a list or mapping: write it as 'name: value'")
            return parent.path
        return parent.path + (parent.key,)

    def scalar(self, event: Any, stack: list[_Collection], path: Path_) -> Any:
        tag = event.tag
        if tag in (None, "!"):
            tag = self.loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag == ENV_TAG and self.environment:
            return os.environ.get(event.value)
        if tag == MERGE_TAG:
            raise self.problem(event, "merge keys ('<<') are not allowed: write the keys out")
        if tag not in SCALAR_TAGS:
            raise self.problem(event, f"the tag {_tag(tag)} is not allowed here: remove it")
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            return self.loader.yaml_constructors[tag](self.loader, node)
        except ValueError as error:  # a timestamp that is no date: 2010-02-30
            where = f"'{_shown(path)}: {event.value}'" if path else repr(event.value)
            raise self.problem(event, f"{where} is not a real date ({error}): correct it (YYYY-MM-DD, e.g. 2010-03-31)") from None

    def attach(self, parent: _Collection, value: Any, event: Any) -> None:
        if isinstance(parent.value, list):
            parent.value.append(value)
            return
        if parent.expecting_key:
            line = self.line_of(event)
            try:
                first = parent.key_lines.get(value)
            except TypeError:  # pragma: no cover - scalars are hashable
                first = None
            if first is not None:
                raise YamlProblem(line, f"'{_shown(parent.path + (value,))}' is given twice (first on line {first}): "
                                        "keep one")
            parent.key, parent.expecting_key = value, False
            parent.key_lines[value] = line
            self.lines[parent.path + (value,)] = line
            self.key_columns[parent.path + (value,)] = event.start_mark.column
            return
        parent.value[parent.key] = value
        parent.expecting_key = True

    def finish(self, done: _Collection, event: Any) -> Any:
        if done.tag == ENV_TAG:
            *names, default = done.value or [None]
            return next((os.environ[name] for name in names if os.environ.get(name)), default)
        return done.value


def is_date(value: Any) -> bool:
    """A calendar date as YAML writes it (2010-03-31), not a date with a time."""
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)
