"""MkDocs hook: the directory and glossary tables, the document listings and the abbreviations."""

import project_path  # noqa: F401

from scripts.mkdocs_adapter import content as content_build


def on_pre_build(config):
    content_build.load_data(config)


def on_page_markdown(markdown, page, config, files):
    return content_build.page_markdown(markdown, page, config, files)
