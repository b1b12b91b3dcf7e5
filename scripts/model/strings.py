"""Interface strings the project adds to the theme, in every language.

Each feature keeps its strings in overrides/strings/<feature>.yml as `key: {sq: …, sr: …, en: …}`.
`load_strings` reads them once (a build, a command); `Strings.t(key, language)` gives a text and
`Strings.missing(languages)` the keys that lack a language (a warning in the build, an error in
`make check`). A file that cannot be read (invalid YAML, a key given twice, an alias) is a problem
with its line, which stops the build.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from scripts.checks.problems import Problem, did_you_mean
from scripts.model.languages import Languages
from scripts.model.project import STRINGS_DIR, display_path
from scripts.model.yaml_reader import YamlProblem, read_file

CHECK = "ui-strings"
FALLBACK_LANGUAGE = "en"  # the text shown when a language's is missing (and reported)


@dataclass
class Strings:
    """Every key with its text per language, and where each key is written."""

    texts: dict[str, dict[str, str]] = field(default_factory=dict)
    where: dict[str, tuple[str, int]] = field(default_factory=dict)  # key -> (file as shown, line)
    language_lines: dict[tuple[str, str], int] = field(default_factory=dict)  # (key, language) -> line

    def t(self, key: str, language: str) -> str:
        """The text of `key` in `language` (English if missing, the key itself as a last resort)."""
        values = self.texts.get(key, {})
        return values.get(language) or values.get(FALLBACK_LANGUAGE) or key

    def missing(self, languages: Languages) -> list[Problem]:
        """A key without text in one of the languages, or with text in a language the site does not have."""
        problems = []
        for key, values in self.texts.items():
            shown, line = self.where[key]
            for code in languages.codes:
                if not isinstance(values.get(code), str) or not values[code].strip():
                    problems.append(Problem(shown, line, f"interface string '{key}' has no '{code}' text: "
                                                         f"add '{code}: …'", check=CHECK))
            for code in values:
                if code not in languages:
                    problems.append(Problem(shown, self.language_lines.get((key, code), line),
                                            f"interface string '{key}' has text in '{code}'"
                                            f"{did_you_mean(str(code), languages.codes)}, which is not a language "
                                            f"of the site: use {', '.join(languages.codes)}", check=CHECK))
        return problems


def load_strings(strings_dir: Path = STRINGS_DIR) -> tuple[Strings, list[Problem]]:
    """Every strings file of a folder, read once; and the problems that kept a file from being read."""
    strings = Strings()
    problems: list[Problem] = []
    for path in sorted(Path(strings_dir).glob("*.yml")):
        shown = display_path(path)
        try:
            data = read_file(path, shown)
        except YamlProblem as problem:
            problems.append(Problem(shown, problem.line, problem.message, check=CHECK))
            continue
        if data.value is None:
            continue
        if not isinstance(data.value, dict):
            problems.append(Problem(shown, 1, "a strings file must map each key to {sq: …, sr: …, en: …}", check=CHECK))
            continue
        for written, values in data.value.items():
            key = str(written)
            if key in strings.where:
                first, line = strings.where[key]
                problems.append(Problem(shown, data.line(written), f"interface string '{key}' is also defined in "
                                                                   f"{first}:{line}: keep one", check=CHECK))
                continue
            strings.texts[key] = values if isinstance(values, dict) else {}
            strings.where[key] = (shown, data.line(written))
            for code in strings.texts[key]:
                strings.language_lines[(key, str(code))] = data.line(written, code)
    return strings, problems
