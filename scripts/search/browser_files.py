"""The search scripts a built site serves, made from overrides/assets/search/ at build time.

The sources there are written to be read (one file per job, comments); the site gets them
minified (rjsmin) and bundled, never as they are:

- `search.js`: the folding rules of folding.json as a script, and the engine (ENGINE_MODULES, in
  load order), which a page opened from disk runs;
- `worker.js`: the worker Material starts, search.js with the worker's own module after it (one
  file: loading search.js from it was one more round trip before the first result on a slow
  connection); `loader.js` (on every page: starts the worker only when the reader opens the
  search, and fetches the language's index for it meanwhile; file://);
- `text.js`: the folding rules and text.js alone, for the directory filter (the same folding).

The browser needs no lunr.js: the index is built at build time (scripts/search/index.py, with the
Python `lunr` package) and the engine only restores and ranks it. Its one lunr structure, the
automaton of the terms for typo matching, restore.js builds itself (lunr 2.3.9's loses terms).
"""

from __future__ import annotations

import json

import rjsmin

from scripts.search.folding import FOLDING_FILE

SOURCES = FOLDING_FILE.parent  # overrides/assets/search/
FOLDING_GLOBAL = "crchSearchFolding"  # the global text.js reads the rules from
TEXT_MODULE = "text.js"  # folding and tokenising: the directory filter needs it alone
ENGINE_MODULES = (TEXT_MODULE, "restore.js", "query.js", "results.js", "messages.js")  # in load order
WORKER_SCRIPT = "worker.js"
LOADER_SCRIPT = "loader.js"
ENTRY_SCRIPTS = (WORKER_SCRIPT, LOADER_SCRIPT)
BUNDLE = "search.js"
# The source files of overrides/assets/search/ that the site gets only minified and bundled.
BUNDLED_SOURCES = frozenset(ENGINE_MODULES + ENTRY_SCRIPTS + ("folding.json", "language.json"))


def minified(source: str) -> str:
    return rjsmin.jsmin(source).strip() + "\n"


def folding_script() -> str:
    rules = json.loads(FOLDING_FILE.read_text(encoding="utf-8"))
    return f"globalThis.{FOLDING_GLOBAL}={json.dumps(rules, ensure_ascii=False, separators=(',', ':'))};\n"


def browser_files() -> dict[str, str]:
    """{file name in the site's assets/search/: text} of every search script the site serves."""
    module = {name: minified((SOURCES / name).read_text(encoding="utf-8")) for name in ENGINE_MODULES + ENTRY_SCRIPTS}
    bundle = folding_script() + "".join(module[name] for name in ENGINE_MODULES)
    return {
        BUNDLE: bundle,
        WORKER_SCRIPT: bundle + module[WORKER_SCRIPT],
        TEXT_MODULE: folding_script() + module[TEXT_MODULE],
        LOADER_SCRIPT: module[LOADER_SCRIPT],
    }
