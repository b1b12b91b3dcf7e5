"""MkDocs hook: load the document model once per build and stop the build on schema problems."""

import project_path  # noqa: F401

from mkdocs.exceptions import PluginError

from scripts import build_hooks


def on_config(config):
    build_hooks.corpus(config)  # loads (or reuses) the corpus so later hooks share it


def on_pre_build(config):
    build_hooks.fail_on(build_hooks.schema_problems(config), "front matter")
