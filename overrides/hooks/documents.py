"""MkDocs hook: load the document model once per build, stop the build on schema problems, and
keep the project's build data (interface strings) out of the published site."""

import project_path  # noqa: F401

from scripts import build_hooks
from scripts.docs_tree import tree_problems


def on_config(config):
    build_hooks.fail_on(tree_problems(config["docs_dir"]), "docs folder")  # before anything reads docs/
    build_hooks.corpus(config)  # loads (or reuses) the corpus so later hooks share it


def on_pre_build(config):
    build_hooks.fail_on(build_hooks.schema_problems(config), "front matter")


def on_files(files, config):
    return build_hooks.without_build_data(files)


def on_page_context(context, page, config, nav):  # after mkdocs-static-i18n (priority 50) set the links
    build_hooks.make_alternates_relative(config)
    return context
