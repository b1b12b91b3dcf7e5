"""`make serve LANG=sr` builds one language only (static-i18n's build_only_locale): the real docs
build that way too, without a language switcher (static-i18n shows none for one language)."""

from __future__ import annotations

from tests.support.sites import ROOT, build, write_config


def test_the_real_docs_build_in_one_language(tmp_path):
    config = write_config(tmp_path, ROOT / "docs", tmp_path / "site", only_language="sr")
    result = build(config, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")  # the one language is at the root
    assert '<html lang="sr-Latn"' in home and "md-select__link" not in home
    assert not (tmp_path / "site" / "sr-cyrl").exists()  # a twin one folder deeper would break its links
