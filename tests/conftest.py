"""Shared fixtures. The model is real (never mocked) and loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from newsdesk.nlp import load_model
from newsdesk.pipeline import Pipeline, get_pipeline

REPO = Path(__file__).resolve().parents[1]
# The reference article, bundled (a byte-identical copy of ../shared/seed/article.txt, checked in test_article.py).
SEED = REPO / "examples" / "beijing_summit.txt"


def pytest_configure(config: pytest.Config) -> None:
    """Stop before testing old code: a module mypyc compiled (setup.py) shadows its source, so a source changed
    since the build would go untested. `make test` builds again first."""
    stale = [
        str(source.relative_to(REPO))
        for compiled in (REPO / "src").rglob("*.so")
        if (source := compiled.with_name(compiled.name.split(".")[0] + ".py")).exists()
        and compiled.stat().st_mtime < source.stat().st_mtime
    ]
    if stale:
        pytest.exit(
            f"compiled copies older than {', '.join(stale)}: run `make test` (it compiles them again), or "
            "delete them (`find src -name '*.so' -delete`) to test the pure Python",
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
