"""MkDocs hook: what every page shows around its content, in the reader's language.

- `crch_t`, the templates' filter for the project's interface strings (overrides/strings/).
"""

import project_path  # noqa: F401

from jinja2 import pass_context

from scripts import build_hooks
from scripts.ui_strings import t


@pass_context
def crch_t(context, key: str) -> str:
    """`{{ "not-found.title" | crch_t | e }}`: a string in the language being built (not escaped)."""
    return t(key, build_hooks.current_language(context["config"]))


def on_env(env, config, files):
    env.filters["crch_t"] = crch_t
    return env
