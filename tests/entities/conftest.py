from __future__ import annotations

import bz2
import gzip
import shutil
from pathlib import Path

import pytest
from spacy.language import Language

import newsdesk.entities
from newsdesk.entities.kb import KnowledgeBase, build_kb
from newsdesk.nlp import load_model
from newsdesk.pipeline import Pipeline

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "entities"
DUMP = FIXTURES / "wikidata_sample.json"


@pytest.fixture(scope="session")
def fixture_kb_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("kb") / "kb.sqlite"
    build_kb(DUMP, out, min_sitelinks=2, progress=False)
    return out


@pytest.fixture(scope="session")
def fixture_kb(fixture_kb_path: Path) -> KnowledgeBase:
    return KnowledgeBase(fixture_kb_path)


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The model and the entity components, as a user's own pipeline adds them."""
    return newsdesk.entities.add_pipes(load_model())


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline(stages=newsdesk.entities.STAGES)


@pytest.fixture(scope="session")
def linked_pipeline(fixture_kb_path: Path) -> Pipeline:
    pipe = Pipeline(stages=())
    newsdesk.entities.add_pipes(pipe.nlp, kb=str(fixture_kb_path))
    return pipe


def compressed(tmp: Path, kind: str) -> Path:
    """The fixture dump compressed as `kind` ('gz' or 'bz2') or copied plain ('json')."""
    if kind == "json":
        return Path(shutil.copy(DUMP, tmp / "dump.json"))
    opener = gzip.open if kind == "gz" else bz2.open
    out = tmp / f"dump.json.{kind}"
    with opener(out, "wb") as handle:
        handle.write(DUMP.read_bytes())
    return out
