from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from newsdesk.entities.kb import DEFAULT_KB, KnowledgeBase, build_kb, newsdesk_id, normalize, open_kb, resolve_kb
from newsdesk.errors import KBError

from .conftest import DUMP, compressed


@pytest.mark.parametrize("kind", ["json", "gz", "bz2"])
def test_build_from_each_dump_format(tmp_path: Path, kind: str) -> None:
    stats = build_kb(compressed(tmp_path, kind), tmp_path / "kb.sqlite", min_sitelinks=2, progress=False)
    # 20 items + 1 property + 1 broken line; the property, the broken line, the untyped item and the
    # person with one sitelink are skipped.
    assert stats.read == 21
    assert stats.kept == 18
    kb = KnowledgeBase(stats.path)
    assert kb.meta()["entities"] == "18"
    assert {c.id for c in kb.candidates("Georgia")} == {"Q230", "Q1428"}


def test_kb_records_types_aliases_priors_and_relations(fixture_kb: KnowledgeBase) -> None:
    (putin,) = fixture_kb.candidates("putin")
    assert (putin.id, putin.name, putin.label, putin.country) == ("Q7747", "Vladimir Putin", "PERSON", "Russia")
    assert "russia" in putin.context
    assert [c.id for c in fixture_kb.candidates("U.S.")] == ["Q30"]
    assert fixture_kb.candidates("artificial intelligence") == []
    georgia = {c.id: c for c in fixture_kb.candidates("Georgia")}
    assert georgia["Q230"].prior > georgia["Q1428"].prior
    assert "tbilisi" in georgia["Q230"].context and "atlanta" in georgia["Q1428"].context
    assert fixture_kb.candidates("gazprom")[0].label == "ORG"


def test_min_sitelinks_filters_unpopular_entities(tmp_path: Path) -> None:
    stats = build_kb(DUMP, tmp_path / "kb.sqlite", min_sitelinks=100, progress=False)
    kb = KnowledgeBase(stats.path)
    assert {c.id for c in kb.candidates("Georgia")} == {"Q230", "Q1428"}
    assert kb.candidates("Amman") == []


def test_build_refuses_bad_arguments(tmp_path: Path) -> None:
    # Coded errors, and still ValueErrors as before they had codes.
    with pytest.raises(KBError, match="no dump there") as missing:
        build_kb(tmp_path / "missing.json", tmp_path / "kb.sqlite", progress=False)
    assert missing.value.code == "ND152" and isinstance(missing.value, ValueError)
    with pytest.raises(ValueError, match="min_sitelinks"):
        build_kb(DUMP, tmp_path / "kb.sqlite", min_sitelinks=-1, progress=False)
    with pytest.raises(KBError, match="no knowledge base there") as no_kb:
        KnowledgeBase(tmp_path / "nothing.sqlite")
    assert no_kb.value.code == "ND150" and isinstance(no_kb.value, ValueError)


@pytest.mark.parametrize("content", [b"", b"\x00\x01 not sqlite", b"SQLite format 3\x00" + b"\x00" * 100])
def test_a_file_that_is_no_kb_is_refused_when_opened(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "kb.sqlite"
    path.write_bytes(content)
    with pytest.raises(KBError, match="not a newsdesk knowledge base") as info:
        KnowledgeBase(path)
    assert info.value.code == "ND151"


def test_an_empty_dump_is_refused_and_writes_nothing(tmp_path: Path) -> None:
    dump = tmp_path / "empty.json"
    dump.write_text("[\n]\n")
    with pytest.raises(KBError, match="no Wikidata entities in it") as info:
        build_kb(dump, tmp_path / "kb.sqlite", progress=False)
    assert info.value.code == "ND153"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.json"]


def test_a_failed_build_keeps_the_previous_kb(tmp_path: Path) -> None:
    out = tmp_path / "kb.sqlite"
    build_kb(DUMP, out, min_sitelinks=2, progress=False)
    before = out.read_bytes()
    with pytest.raises(KBError, match="none of its 21 entities kept"):
        build_kb(DUMP, out, min_sitelinks=100_000, progress=False)
    truncated = tmp_path / "dump.json.gz"
    truncated.write_bytes(gzip.compress(DUMP.read_bytes())[:200])
    with pytest.raises(KBError, match="cannot be read") as info:
        build_kb(truncated, out, progress=False)
    assert info.value.code == "ND152"
    assert out.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["dump.json.gz", "kb.sqlite"]
    assert KnowledgeBase(out).meta()["entities"] == "18"


def test_default_kb_is_small_and_knows_places_and_nationalities() -> None:
    assert DEFAULT_KB.stat().st_size < 20_000_000
    kb = open_kb()
    assert kb.candidates("Slovakia")[0].label == "GPE"
    assert kb.candidates("Chinese")[0].country == "China"
    assert {c.description for c in kb.candidates("Georgia")} >= {"state of the United States"}
    assert kb.candidates("Britain")[0].name == "United Kingdom"


def test_ids_and_normalization_are_stable() -> None:
    assert normalize("U.S.") == normalize("US") == "us"
    assert normalize("Kim Jong-un") == "kim jong un"
    assert newsdesk_id("Xi Jinping", "PERSON") == newsdesk_id("xi  jinping", "PERSON")
    assert newsdesk_id("Georgia", "GPE") != newsdesk_id("Georgia", "PERSON")


def test_kb_can_be_chosen_by_environment(fixture_kb_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSDESK_KB", str(fixture_kb_path))
    assert resolve_kb("").path == fixture_kb_path
    monkeypatch.delenv("NEWSDESK_KB")
    assert resolve_kb("").path == DEFAULT_KB


@pytest.mark.parametrize("folder_name", ["a#b c%20d", "why?mode=rwc"])
def test_kb_path_with_uri_characters(tmp_path: Path, folder_name: str) -> None:
    # `#`, `?` and `%` in a directory name must not end or garble the SQLite `file:` URI.
    folder = tmp_path / folder_name
    folder.mkdir()
    build_kb(DUMP, folder / "kb.sqlite", min_sitelinks=2, progress=False)
    kb = KnowledgeBase(folder / "kb.sqlite")
    assert kb.meta()["entities"] == "18"
    assert [c.id for c in kb.candidates("U.S.")] == ["Q30"]
