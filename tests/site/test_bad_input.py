"""Broken front matter and data files: `file:line: message` and the fix, in `make check`, `make build`
and `make serve`, never a traceback (issue 11, "Front matter and data files")."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.project import SETTINGS
from tests.support.sites import ROOT, build, page, write_config, write_data_files, write_docs

BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]\n" for previous, name in zip("abcdefgh", "bcdefghi"))
HOME = page("home", "Ballina")
GOOD = {"sq/index.md": HOME, "sr/index.md": page("home", "Početna", translation={"source": "sq", "status": "machine"}),
        "en/index.md": page("home", "Home", translation={"source": "sq", "status": "machine"})}
DIRECTORY = SETTINGS.directory_file

# (case, files to write over the good site, the message expected with its file and line)
CASES = [
    ("alias bomb in front matter", {"sq/index.md": "---\n" + BOMB + "---\n"},
     "docs/sq/index.md:2: YAML anchors (&a) are not allowed: remove it and write each value out"),
    ("alias bomb in a data file", {DIRECTORY: BOMB},
     f"docs/{DIRECTORY}:1: YAML anchors (&a) are not allowed: remove it and write each value out"),
    ("duplicate key in front matter", {"sq/index.md": HOME.replace("type: page\n", "type: page\ntitle: Again\n")},
     "docs/sq/index.md:5: 'title' is given twice (first on line 4): keep one"),
    ("duplicate key in a data file", {DIRECTORY: "municipalities: []\nmunicipalities: []\n"},
     f"docs/{DIRECTORY}:2: 'municipalities' is given twice (first on line 1): keep one"),
    ("misspelt field", {"sq/index.md": HOME.replace("type: page\n", "type: page\nunverifed: [issuer]\n")},
     "docs/sq/index.md:4: unknown field 'unverifed' (did you mean 'unverified'?): correct its name or remove it"),
    ("misspelt data-file key", {DIRECTORY: "municipalities:\n  - {sq: Deçan, sr: Dečane, ofice: mocr}\n"},
     f"docs/{DIRECTORY}:2: unknown key 'ofice' (did you mean 'office'?): use sq, sr, office, also, sr_form"),
    ("impossible date", {"sq/index.md": HOME.replace("last_reviewed: 2026-11-24", "last_reviewed: 2010-02-30")},
     "docs/sq/index.md:6: 'last_reviewed: 2010-02-30' is not a real date (day is out of range for month): "
     "correct it (YYYY-MM-DD, e.g. 2010-03-31)"),
    ("data file not UTF-8", {DIRECTORY: "municipalities:\n  - {sq: Deçan, sr: Decane, office: mocr}\n".encode("latin-1")},
     f"docs/{DIRECTORY}:2: docs/{DIRECTORY} is not UTF-8 text (byte 0xe7): save the file as UTF-8"),
    ("page not UTF-8", {"sq/index.md": HOME.replace("Ballina", "Ballinë").encode("cp1252")},
     "docs/sq/index.md:4: docs/sq/index.md is not UTF-8 text (byte 0xeb): save the file as UTF-8"),
    ("front matter not closed", {"sq/index.md": HOME.replace("\n---\n", "\n", 1).replace("# Ballina", "Ballina")},
     "docs/sq/index.md:1: the front matter has no closing '---' line: add one after its last field"),
    ("page for the Cyrillic edition", {"sr-cyrl/index.md": page("home", "Почетна")},
     "docs/sr-cyrl/index.md:1: the Српски (ћирилица) edition is generated at build time from docs/sr/ and has no "
     "pages of its own: edit docs/sr/index.md instead and remove docs/sr-cyrl/"),
    ("unpaired Cyrillic marker", {"sr/index.md": GOOD["sr/index.md"].replace("# Početna", "# Početna {lat}OSCE")},
     "docs/sr/index.md:12: the marker {lat} has no {/lat} in the same paragraph: write {lat}Name{/lat} around the "
     "words to keep in Latin"),
]


def write_case(tmp_path: Path, files: dict) -> Path:
    docs = write_docs(tmp_path / "docs", GOOD)
    write_data_files(docs)
    for rel_path, content in files.items():
        (docs / rel_path).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel_path).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return docs


def shown(output: str, tmp_path: Path) -> str:
    return output.replace(str(tmp_path) + "/", "")


@pytest.mark.parametrize("case, files, message", CASES, ids=[case[0] for case in CASES])
def test_make_check_names_file_line_and_fix(tmp_path, case, files, message):
    write_case(tmp_path, files)
    result = subprocess.run([sys.executable, "-m", "scripts.checks", "--docs-dir", "docs"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=120, env={"PYTHONPATH": str(ROOT), "PATH": ""})
    assert result.returncode == 1, result.stdout + result.stderr
    assert message in result.stdout and "Traceback" not in result.stdout + result.stderr, result.stdout + result.stderr


@pytest.mark.parametrize("case, files, message", CASES, ids=[case[0] for case in CASES])
def test_make_build_names_file_line_and_fix(tmp_path, case, files, message):
    docs = write_case(tmp_path, files)
    result = build(write_config(tmp_path, docs, tmp_path / "site"), tmp_path / "site")
    output = shown(result.stdout + result.stderr, tmp_path)
    assert result.returncode != 0 and not (tmp_path / "site").exists()
    assert message in output and "Traceback" not in output, output


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.parametrize("case, files, message", CASES[:2] + CASES[6:8], ids=[c[0] for c in CASES[:2] + CASES[6:8]])
def test_make_serve_names_file_line_and_fix(tmp_path, case, files, message):
    """`mkdocs serve` builds first: the same message, and it stops (no traceback, no half-served site)."""
    docs = write_case(tmp_path, files)
    config = write_config(tmp_path, docs, tmp_path / "site")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "serve", "--config-file", str(config),
                             "--dev-addr", f"127.0.0.1:{_free_port()}"], cwd=tmp_path, capture_output=True, text=True,
                            timeout=120, env={"NO_MKDOCS_2_WARNING": "1", "PATH": ""})
    output = shown(result.stdout + result.stderr, tmp_path)
    assert result.returncode != 0
    assert message in output and "Traceback" not in output, output


def test_a_byte_order_mark_is_accepted(tmp_path):
    docs = write_case(tmp_path, {"sq/index.md": "\ufeff" + HOME, DIRECTORY: (ROOT / "docs" / DIRECTORY).read_bytes()})
    (docs / DIRECTORY).write_bytes(b"\xef\xbb\xbf" + (docs / DIRECTORY).read_bytes())
    result = build(write_config(tmp_path, docs, tmp_path / "site"), tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "<h1" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
