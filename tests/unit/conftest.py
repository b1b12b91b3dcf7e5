"""Fixtures of the unit tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.translations import two_documents


@pytest.fixture
def docs(tmp_path, monkeypatch) -> Path:
    """Two documents, every translation confirmed: `a` written in sq, `b` written in en (cwd: tmp_path)."""
    return two_documents(tmp_path, monkeypatch)
