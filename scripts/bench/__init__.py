"""Benchmarks against the plain Material + mkdocs-static-i18n set-up, and the synthetic corpus they build."""
