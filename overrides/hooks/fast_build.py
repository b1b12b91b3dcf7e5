"""MkDocs hook: compiled templates shared by every language and every rebuild; note `mkdocs serve`."""

import project_path  # noqa: F401

from scripts import fast_build


def on_startup(command, dirty):
    fast_build.record_command(command)


def on_env(env, config, files):
    return fast_build.with_template_cache(env)
