"""`make serve LANG=sr` builds one language only (static-i18n's build_only_locale): the real docs
build that way too, without a language switcher (static-i18n shows none for one language), the
language and its 404 page at the site root, and "Save for offline reading" saves that language, at the root."""

from __future__ import annotations

import json

from scripts.site import service_worker
from tests.support.sites import ROOT, build, write_config


def test_the_real_docs_build_in_one_language(tmp_path):
    config = write_config(tmp_path, ROOT / "docs", tmp_path / "site", only_language="sr")
    result = build(config, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")  # the one language is at the root
    assert '<html lang="sr-Latn"' in home and "md-select__link" not in home
    manifests = sorted(p.name for p in (tmp_path / "site" / service_worker.MANIFEST_DIR).iterdir())
    assert manifests == ["sr.json"], "the control asks for the built language's manifest"
    saved = json.loads((tmp_path / "site" / service_worker.MANIFEST_DIR / "sr.json").read_text(encoding="utf-8"))
    assert saved["tree"] == "" and "./" in [url for url, *_ in saved["files"]]
    not_found = (tmp_path / "site" / "404.html").read_text(encoding="utf-8")
    assert '<html lang="sr-Latn"' in not_found and not (tmp_path / "site" / "sr").exists()
    assert not (tmp_path / "site" / "sr-cyrl").exists()  # a twin one folder deeper would break its links
