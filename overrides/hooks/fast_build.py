"""MkDocs hook: compiled templates shared by every language and every rebuild; note `mkdocs serve`;
let each page's content go once it is written (see scripts/fast_build.py)."""

import project_path  # noqa: F401

from mkdocs.plugins import event_priority

from scripts.mkdocs_adapter import templates as fast_build


def on_startup(command, dirty):
    fast_build.record_command(command)


def on_env(env, config, files):
    return fast_build.with_template_cache(env)


@event_priority(-90)  # after every other hook's on_post_page (mkdocs-static-i18n's, at -100, reads no content)
def on_post_page(output, page, config):
    fast_build.release_page(page)
    return output
