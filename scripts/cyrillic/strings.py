"""The project's interface strings in Serbian Cyrillic, generated from the Serbian Latin ones.

    python -m scripts.cyrillic.strings          # check them (Latin left, placeholders, overrides)

Editors keep one Serbian text in overrides/strings/*.yml (`sr:`); the Cyrillic form of each key
is its transliteration, with `{placeholders}` left as they are. Two kinds of exceptions:
- a key may give its own `sr-Cyrl:` text where the transliteration is not what a Cyrillic reader
  should see (none needs it today; the check reports one that equals the transliteration);
- `VERBATIM_KEYS` are formats, not prose, and are copied: a Babel date pattern's letters are
  field codes (d. M. y), not words.
Material's own strings for the Cyrillic edition are overrides/partials/languages/sr-cyrl.html.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import Sequence

from scripts.cyrillic.check import latin_left_text
from scripts.cyrillic.text import transliterate
from scripts.problems import WARNING, Problem, display_path, exit_code, format_problems, main_exit
from scripts.ui_strings import STRINGS_DIR, _load

CYRILLIC = "sr-Cyrl"
VERBATIM_KEYS = frozenset({"translations.date-pattern"})
PLACEHOLDER = re.compile(r"\{(?!/?lat\})[A-Za-z_][A-Za-z0-9_]*\}")


def transliterate_string(text: str) -> str:
    """An interface string in Cyrillic, its {placeholders} untouched."""
    out, position = [], 0
    for match in PLACEHOLDER.finditer(text):
        out.append(transliterate(text[position : match.start()]))
        out.append(match.group())
        position = match.end()
    out.append(transliterate(text[position:]))
    return "".join(out)


def generated(key: str, latin: str) -> str:
    return latin if key in VERBATIM_KEYS else transliterate_string(latin)


def cyrillic_strings(strings_dir: Path = STRINGS_DIR) -> dict[str, str]:
    """Every key's Serbian Cyrillic text: its own `sr-Cyrl` if it has one, else generated from `sr`."""
    found, _ = _load(Path(strings_dir))
    return {key: values.get(CYRILLIC) or generated(key, values.get("sr", "")) for key, values in found.items()}


def check_cyrillic_strings(strings_dir: Path = STRINGS_DIR) -> list[Problem]:
    """Latin left in a Cyrillic string, a placeholder lost, an `sr-Cyrl` that changes nothing."""
    found, where = _load(Path(strings_dir))
    problems = []
    for key, values in found.items():
        latin = values.get("sr") or ""
        cyrillic = values.get(CYRILLIC) or generated(key, latin)
        path, line = where[key]

        def problem(message: str, severity: str = "error") -> None:
            problems.append(Problem(display_path(path), line, message, severity=severity, check="cyrillic-strings"))

        if key not in VERBATIM_KEYS:
            for _, word in latin_left_text(PLACEHOLDER.sub(" ", cyrillic)):
                problem(f"interface string '{key}' keeps '{word}' in Latin in Cyrillic: mark it {{lat}}{word}{{/lat}} or add '{CYRILLIC}: …'")
        if sorted(PLACEHOLDER.findall(cyrillic)) != sorted(PLACEHOLDER.findall(latin)):
            problem(f"interface string '{key}': '{CYRILLIC}' must have the placeholders of 'sr' ({', '.join(PLACEHOLDER.findall(latin)) or 'none'})")
        if values.get(CYRILLIC) and values[CYRILLIC] == generated(key, latin):
            problem(f"interface string '{key}': '{CYRILLIC}' is what the transliteration gives anyway: remove it", WARNING)
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check the Serbian Cyrillic interface strings generated from overrides/strings.")
    parser.add_argument("--strings-dir", type=Path, default=STRINGS_DIR)
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--print", action="store_true", help="print every key with its Cyrillic text")
    args = parser.parse_args(argv)
    if args.print:
        for key, text in cyrillic_strings(args.strings_dir).items():
            print(f"{key}: {text}")
    problems = check_cyrillic_strings(args.strings_dir)
    print(format_problems(problems, args.format))
    return exit_code(problems)


if __name__ == "__main__":
    main_exit(main)
