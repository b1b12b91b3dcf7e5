"""Lighthouse (mobile) on the main page types, this project against plain Material + static-i18n.

Both sites are built from the same docs/ in one run (the project's with `make build`'s strict
build, the plain one with `scripts.bench.setups.write_plain_config`) and served by the same local
nginx (Debian's nginx-light) with gzip and nothing else, so only the sites differ. Lighthouse is
the pinned npm package in tests/node/ (`make bench-lighthouse` installs it), driving Debian's
Chromium (CHROME_PATH=/usr/bin/chromium) with its default mobile profile: a phone-sized screen,
a 4x slower CPU and a slow 4G link, simulated. Results: a table on stdout and
bench-results/bench-lighthouse.json. A benchmark, not a test: figures vary with the machine's load.

    python -m scripts.bench.lighthouse [--runs 3]
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Sequence

from scripts.bench.setups import write_plain_config
from scripts.model.documents import load_corpus
from scripts.model.project import DOCS_DIR, NODE_TOOLS_DIR, ROOT
from scripts.site.build import build_site
from scripts.tools import nginx

LIGHTHOUSE = NODE_TOOLS_DIR / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
                "--disable-background-networking --disable-component-update --disable-sync")
PAGE_TYPES = {  # page type: the ID of the document measured, in the default language
    "home": "home",
    "guide": "guide-education",
    "act": "law-03-l-047",
    "directory": "directory",
    "glossary": "glossary",
    "translation status": "translation-status",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = {"first-contentful-paint": "FCP ms", "largest-contentful-paint": "LCP ms",
           "total-blocking-time": "TBT ms", "cumulative-layout-shift": "CLS"}
GZIP = ("    gzip on;\n"
        "    gzip_types text/css application/javascript application/json text/xml application/xml image/svg+xml;\n")
SERVER = "    server {{ listen 127.0.0.1:{port}; root {root}; index index.html; }}\n"


def build_both(work: Path) -> dict[str, Path]:
    project = work / "project" / "site"
    if build_site(project, ROOT / "mkdocs.yml") != 0:
        raise SystemExit("the project's site does not build")
    plain_config = write_plain_config(work / "plain", ROOT / "docs", work / "plain" / "site")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(plain_config)], check=True, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return {"plain": work / "plain" / "site", "project": project}


def serve(sites: dict[str, Path], work: Path) -> tuple[subprocess.Popen, dict[str, str]]:
    """Both sites from one nginx with gzip and nothing else; (the process, each site's base URL)."""
    ports = {name: nginx.free_port() for name in sites}
    servers = "".join(SERVER.format(port=ports[name], root=root) for name, root in sites.items())
    process = nginx.start(nginx.write_conf(work, GZIP + servers), list(ports.values()), stderr=subprocess.DEVNULL)
    return process, {name: f"http://127.0.0.1:{port}/" for name, port in ports.items()}


def lighthouse(url: str, output: Path) -> dict:
    """One Lighthouse run: category scores (0-100), metrics, requests and bytes."""
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={output}",
                    f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"],
                   check=True, env=env)
    report = json.loads(output.read_text(encoding="utf-8"))
    audits = report["audits"]
    requests = audits["network-requests"]["details"]["items"]
    result = {category: round(report["categories"][category]["score"] * 100) for category in CATEGORIES}
    result.update({label: audits[audit]["numericValue"] for audit, label in METRICS.items()})
    result["requests"] = len(requests)
    result["failed requests"] = sum(1 for item in requests if (item.get("statusCode") or 0) >= 400)
    result["transfer KB"] = sum(item.get("transferSize") or 0 for item in requests) / 1024
    return result


def median_of(runs: list[dict]) -> dict:
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def table(results: dict[str, dict[str, dict]]) -> str:
    columns = [*CATEGORIES, *METRICS.values(), "requests", "failed requests", "transfer KB"]
    lines = ["| page | set-up | " + " | ".join(columns) + " |", "|---|---|" + "---:|" * len(columns)]
    for page_type in PAGE_TYPES:
        for setup in ("plain", "project"):
            row = results[page_type][setup]
            cells = [f"{row[c]:.2f}" if c == "CLS" else f"{row[c]:,.0f}" for c in columns]
            lines.append(f"| {page_type} | {setup} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1, help="runs per page and set-up; the median is reported")
    parser.add_argument("--output", type=Path, default=ROOT / "bench-results" / "bench-lighthouse.json")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        raise SystemExit(f"{LIGHTHOUSE} is missing: make bench-lighthouse installs it (npm ci --prefix tests/node)")
    with tempfile.TemporaryDirectory(prefix="bench-lighthouse-") as folder:
        work = Path(folder)
        sites = build_both(work)
        process, urls = serve(sites, work)
        corpus = load_corpus(DOCS_DIR)
        default = corpus.languages.default.code
        try:
            results = {}
            for page_type, doc_id in PAGE_TYPES.items():
                path = corpus.get(default, doc_id).site_path
                results[page_type] = {
                    setup: median_of([lighthouse(urls[setup] + path, work / f"report-{setup}-{run}.json")
                                      for run in range(args.runs)])
                    for setup in ("plain", "project")
                }
        finally:
            process.terminate()
            process.wait(timeout=10)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps({"date": datetime.date.today().isoformat(), "runs": args.runs,
                                       "results": results}, indent=2), encoding="utf-8")
    print(table(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
