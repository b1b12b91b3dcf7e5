"""The Content-Security-Policy of deploy/nginx.conf, derived from a built site.

Scripts may run only from the site's own files and from the few small inline scripts Material
writes into every page; those are allowed one by one by their sha256 hash (never 'unsafe-inline').
Their text depends on the page's base URL (".", "..", "../..", "/" on 404.html), so the policy
allows each such script for every base URL up to MAX_DEPTH folders deep. This command lists the
hashes a built site needs and checks that the policy in deploy/nginx.conf allows every one of them.

    python -m scripts.site.csp site/            # print the policy; exit 1 if deploy/nginx.conf lacks a hash
    python -m scripts.site.csp site/ --write    # write the policy into deploy/nginx.conf
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Sequence

from scripts.checks.problems import WARNING, Problem, exit_code, format_problems
from scripts.model.project import ROOT, display_path

NGINX_CONF = ROOT / "deploy" / "nginx.conf"

# Types whose <script> the browser executes; others (application/json, application/ld+json) are data.
SCRIPT_TYPES = ("", "text/javascript", "application/javascript", "module")

# Every directive but script-src. style-src allows inline styles (not scripts): Material's
# JavaScript and Markdown's aligned table cells set style attributes, and a style cannot run code.
POLICY_WITHOUT_SCRIPTS = (
    ("default-src", "'self'"),
    ("style-src", "'self' 'unsafe-inline'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
    ("frame-ancestors", "'none'"),
)

# Material's first inline script holds the page's base URL: `__md_scope=new URL("../..",location)`.
BASE_URL_IN_SCRIPT = re.compile(r'new URL\("(\.|/|\.\.(?:/\.\.)*)",location\)')
MAX_DEPTH = 6
BASE_URLS = (".", "/", *("/".join([".."] * depth) for depth in range(1, MAX_DEPTH + 1)))

CSP_DIRECTIVE = re.compile(r'add_header\s+Content-Security-Policy\s+"([^"]*)"')
ADD_HEADER = re.compile(r'^\s*add_header\s+([A-Za-z-]+)\s+"([^"]*)"(?:\s+always)?\s*;', re.MULTILINE)


class _InlineScripts(HTMLParser):
    """Collects the text of every executable <script> without a src attribute."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self._current: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and "src" not in attrs and (attrs.get("type") or "").lower() in SCRIPT_TYPES:
            self._current = []

    def handle_data(self, data):
        if self._current is not None:
            self._current.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._current is not None:
            self.scripts.append("".join(self._current))
            self._current = None


def inline_scripts(html: str) -> list[str]:
    parser = _InlineScripts()
    parser.feed(html)
    return parser.scripts


def script_hash(script: str) -> str:
    """The CSP source expression that allows exactly this inline script."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def site_script_hashes(site_dir: Path) -> dict[str, str]:
    """{hash: first page (relative path) that needs it} over every HTML file of a built site."""
    hashes: dict[str, str] = {}
    for path in sorted(Path(site_dir).rglob("*.html")):
        for script in inline_scripts(path.read_text(encoding="utf-8")):
            hashes.setdefault(script_hash(script), path.relative_to(site_dir).as_posix())
    return hashes


def policy_hashes(site_dir: Path) -> set[str]:
    """The hashes the policy lists: the site's own, and each base-URL script for every base URL."""
    hashes = set(site_script_hashes(site_dir))
    for path in sorted(Path(site_dir).rglob("*.html")):
        for script in inline_scripts(path.read_text(encoding="utf-8")):
            found = BASE_URL_IN_SCRIPT.search(script)
            if found:
                hashes.update(script_hash(script.replace(found.group(0), f'new URL("{base}",location)'))
                              for base in BASE_URLS)
    return hashes


def policy(hashes: Sequence[str]) -> str:
    """The whole Content-Security-Policy header value for these inline-script hashes."""
    directives = [f"{name} {value}" for name, value in POLICY_WITHOUT_SCRIPTS]
    directives.insert(1, " ".join(["script-src", "'self'", *sorted(hashes)]))
    return "; ".join(directives)


def nginx_headers(conf_text: str) -> dict[str, str]:
    """The response headers an nginx conf adds with `add_header NAME "VALUE" [always];`."""
    return {name: value for name, value in ADD_HEADER.findall(conf_text)}


def allowed_hashes(csp: str) -> set[str]:
    for directive in csp.split(";"):
        name, *sources = directive.split()
        if name == "script-src":
            return {source for source in sources if source.startswith("'sha256-")}
    return set()


def check_conf(site_dir: Path, conf_path: Path = NGINX_CONF) -> list[Problem]:
    """Problems: an inline script of the site that the conf's policy does not allow (error), a hash
    the generated policy no longer has (warning), or other directives that differ (error)."""
    conf_text = conf_path.read_text(encoding="utf-8")
    where = display_path(conf_path)
    found = CSP_DIRECTIVE.search(conf_text)
    if not found:
        return [Problem(where, 1, 'no `add_header Content-Security-Policy "…" always;` line: run '
                        "`python -m scripts.site.csp site/ --write`", check="csp")]
    line = conf_text[: found.start()].count("\n") + 1
    needed = site_script_hashes(site_dir)
    allowed = allowed_hashes(found.group(1))
    fix = "run `python -m scripts.site.csp site/ --write` after a build"
    problems = [
        Problem(where, line, f"the policy does not allow the inline script {digest} of {page}: {fix}", check="csp")
        for digest, page in sorted(needed.items()) if digest not in allowed
    ]
    problems += [
        Problem(where, line, f"{digest} is allowed but the site no longer has that script: {fix}", WARNING, "csp")
        for digest in sorted(allowed - policy_hashes(site_dir))
    ]
    if not problems and found.group(1) != policy(list(allowed)):
        problems.append(Problem(where, line, f"the policy differs from the one scripts/csp.py generates: {fix}",
                                check="csp"))
    return problems


def write_conf(site_dir: Path, conf_path: Path = NGINX_CONF) -> str:
    """Replace the policy in the conf by the one the built site needs; returns it."""
    new_policy = policy(list(policy_hashes(site_dir)))
    text = conf_path.read_text(encoding="utf-8")
    conf_path.write_text(CSP_DIRECTIVE.sub(lambda _: f'add_header Content-Security-Policy "{new_policy}"', text),
                         encoding="utf-8")
    return new_policy


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", type=Path, help="a built site (e.g. site/)")
    parser.add_argument("--conf", type=Path, default=NGINX_CONF, help="the nginx conf (default: deploy/nginx.conf)")
    parser.add_argument("--write", action="store_true", help="write the policy into the conf")
    args = parser.parse_args(argv)
    if args.write:
        print(write_conf(args.site_dir, args.conf))
        return 0
    print(policy(list(policy_hashes(args.site_dir))))
    problems = check_conf(args.site_dir, args.conf)
    print(format_problems(problems))
    return exit_code(problems)


if __name__ == "__main__":
    raise SystemExit(main())
