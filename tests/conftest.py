"""Shared fixtures. Reference data lives in ../shared beside the repository, never inside it."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture
def shared() -> Path:
    """The read-only ../shared folder; tests that need it skip cleanly when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared (reference data) is not available")
    return SHARED


@pytest.fixture
def seed_article(shared: Path) -> Path:
    path = shared / "examples" / "seed-article.txt"
    if not path.is_file():
        pytest.skip("seed article not available")
    return path
