"""Valid HTML on every page of a built site: the Nu HTML Checker, and ID references.

The Nu HTML Checker (vnu.jar from the pinned npm package vnu-jar, tests/node/; run with Debian's
Java) checks every page. Its only errors allowed are Material's own, the ones the plain Material +
static-i18n set-up has on every page too (tests/site/test_html_validity.py proves that on a plain
build): `autocomplete="off"` on the two hidden checkboxes that open the phone menu and the search.

vnu.jar 26 no longer reports an `aria-labelledby` (or `for`, `aria-controls`, …) that points at
no element (the online checker the site was first audited with did: five per page from the
compacted menu), so `id_reference_problems` checks every ID reference itself.

    python -m scripts.site.html_audit site/       # every error, `page:line: message`; exit 1 if any
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Sequence

from scripts.checks.problems import Problem, exit_code, format_problems
from scripts.model.project import NODE_TOOLS_DIR

VNU_JAR = NODE_TOOLS_DIR / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
INSTALL_HINT = "npm ci --prefix tests/node --omit=dev --ignore-scripts (make test and make audit do)"

# (message, the element it is on): errors in Material's own markup that plain Material has too.
MATERIAL_OWN_ERRORS = (
    (re.compile(r"^Attribute “autocomplete” is only allowed when the input type is"),
     re.compile(r'<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox"')),
)

# Attributes whose value names the id of another element of the page (IDREF / IDREFS).
ID_REFERENCES = ("for", "list", "form", "headers", "aria-labelledby", "aria-describedby", "aria-controls",
                 "aria-owns", "aria-activedescendant", "aria-details", "aria-errormessage", "aria-flowto")


@dataclass(frozen=True)
class NuMessage:
    page: str  # relative to the site folder
    line: int
    kind: str  # "error", "info" (warnings are "info" with subType "warning")
    message: str
    extract: str

    @property
    def is_material_own(self) -> bool:
        return any(message.search(self.message) and element.search(self.extract)
                   for message, element in MATERIAL_OWN_ERRORS)

    def problem(self) -> Problem:
        return Problem(self.page, self.line, f"Nu HTML Checker: {self.message}", check="nu")


def java() -> str:
    found = shutil.which("java")
    if not found:
        raise SystemExit("java is missing: apt-get install openjdk-17-jre-headless (make test does: requirements-system.txt)")
    return found


def nu_messages(site_dir: Path, jar: Path = VNU_JAR) -> list[NuMessage]:
    """Every message of the Nu HTML Checker on every HTML file under site_dir."""
    if not Path(jar).is_file():
        raise SystemExit(f"{jar} is missing: {INSTALL_HINT}")
    site_dir = Path(site_dir).resolve()
    result = subprocess.run([java(), "-jar", str(jar), "--format", "json", "--skip-non-html", "--exit-zero-always",
                             str(site_dir)], capture_output=True, text=True)
    try:
        report = json.loads(result.stderr or result.stdout)
    except json.JSONDecodeError:
        raise SystemExit(f"the Nu HTML Checker failed (exit {result.returncode}):\n{result.stderr[-2000:]}") from None
    messages = []
    for item in report.get("messages", []):
        url = item.get("url", "")
        page = Path(url.removeprefix("file:")).relative_to(site_dir).as_posix() if url.startswith("file:") else url
        messages.append(NuMessage(page, item.get("lastLine", 0), item.get("type", ""),
                                  item.get("message", ""), item.get("extract", "")))
    return messages


class _Ids(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.references: list[tuple[int, str, str, str]] = []  # (line, tag, attribute, id)

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            elif name in ID_REFERENCES and value and (name != "for" or tag in ("label", "output")):
                self.references += [(self.getpos()[0], tag, name, ref) for ref in value.split()]


def id_reference_problems(html: str, page: str) -> list[Problem]:
    """Every `for`, `aria-labelledby`, … of a page that names an id no element of the page has."""
    parser = _Ids()
    parser.feed(html)
    return [Problem(page, line, f'<{tag} {name}="{ref}">: no element of the page has id="{ref}"', check="idref")
            for line, tag, name, ref in parser.references if ref not in parser.ids]


def audit(site_dir: Path, jar: Path = VNU_JAR) -> tuple[list[Problem], list[NuMessage]]:
    """(problems, Material's own Nu errors) of a built site."""
    site_dir = Path(site_dir)
    messages = nu_messages(site_dir, jar)
    errors = [m for m in messages if m.kind == "error"]
    problems = [m.problem() for m in errors if not m.is_material_own]
    for path in sorted(site_dir.rglob("*.html")):
        problems += id_reference_problems(path.read_text(encoding="utf-8"), path.relative_to(site_dir).as_posix())
    return problems, [m for m in errors if m.is_material_own]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", type=Path, help="a built site (e.g. site/)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    args = parser.parse_args(argv)
    problems, material_own = audit(args.site_dir)
    print(format_problems(problems, args.format))
    if args.format == "text":
        pages = len({m.page for m in material_own})
        print(f"allowed: {len(material_own)} errors in Material's own markup on {pages} pages (as plain Material has)")
    return exit_code(problems)


if __name__ == "__main__":
    raise SystemExit(main())
