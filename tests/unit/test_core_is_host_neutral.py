"""The core is host-neutral: every module of scripts/ but the adapter imports with MkDocs, Material
and mkdocs-static-i18n blocked, and no module outside the adapter names them in an import.
A port to another static-site engine then rewrites scripts/mkdocs_adapter/ only (MIGRATING.md)."""

from __future__ import annotations

import ast
import subprocess
import sys

from tests.support.sites import ROOT

HOSTS = ("mkdocs", "material", "mkdocs_static_i18n")
ADAPTER = "scripts.mkdocs_adapter"
BLOCKED_IMPORT = f"""
import importlib, importlib.abc, sys
class Blocked(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {HOSTS!r}:
            raise ImportError("the core imported " + name)
sys.meta_path.insert(0, Blocked())
for module in sys.argv[1:]:
    importlib.import_module(module)
print("imported", len(sys.argv) - 1)
"""


def module_names() -> list[str]:
    names = []
    for path in sorted((ROOT / "scripts").rglob("*.py")):
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        if not name.endswith(".__main__"):
            names.append(name)
    return names


def core_modules() -> list[str]:
    return [name for name in module_names() if not (name == ADAPTER or name.startswith(ADAPTER + "."))]


def test_every_core_module_imports_without_the_host():
    core = core_modules()
    result = subprocess.run([sys.executable, "-c", BLOCKED_IMPORT, *core], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"imported {len(core)}"
    assert len(core) > 30


def test_the_blocker_stops_a_host_import():
    """The planted fault: the adapter needs the host, so importing it must fail under the blocker."""
    result = subprocess.run([sys.executable, "-c", BLOCKED_IMPORT, f"{ADAPTER}.plugin"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode != 0 and "the core imported mkdocs" in result.stderr


def test_only_the_adapter_names_the_host_in_an_import():
    offenders = []
    for name in core_modules():
        path = ROOT / (name.replace(".", "/") + ".py")
        if not path.exists():
            path = ROOT / name.replace(".", "/") / "__init__.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            imported = [alias.name for alias in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            offenders += [f"{name}: {module}" for module in imported if module.split(".")[0] in HOSTS]
    assert offenders == []
