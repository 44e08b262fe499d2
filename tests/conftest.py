"""Shared fixtures. The model is real (never mocked) and loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from newsdesk.build import stale_sources
from newsdesk.nlp import load_model
from newsdesk.pipeline import Pipeline, get_pipeline

REPO = Path(__file__).resolve().parents[1]
# The reference article, bundled (a byte-identical copy of ../shared/seed/article.txt, checked in test_article.py).
SEED = REPO / "examples" / "beijing_summit.txt"


def pytest_configure(config: pytest.Config) -> None:
    """Stop before testing old code: compiled modules (setup.py) shadow their sources. `make test` builds first."""
    stale = stale_sources()
    if stale:
        pytest.exit(
            f"{', '.join(stale)} changed since the compiled modules were built: run `make test` (it builds them "
            "again), or delete them (`find src -name '*.so' -delete`) to test the pure Python",
            returncode=2,
        )


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """The default pipeline, as `newsdesk analyze` uses it."""
    return get_pipeline()


@pytest.fixture(scope="session")
def bare_nlp() -> Language:
    """The model alone, without newsdesk components, as a user's own `nlp` would be."""
    return load_model()
