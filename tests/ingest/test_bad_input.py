"""Bad input: each refused with a one-line reason naming the file, the rest of the run still read."""

from __future__ import annotations

import io
import json
import os
import shutil
import sys
import tempfile
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsdesk.article import Article
from newsdesk.cli import app
from newsdesk.errors import InputError
from newsdesk.ingest import detect_format, read_bytes, read_sources
from newsdesk.ingest.decode import decode

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
GOOD = "Bridge Reopens After Repairs\nLEEDS, England – The bridge reopened on Monday.\nTraffic was light.\n"
ACCENTED = "Café owners in Zürich said the “naïve” plan – announced on Monday – would cost €5m. "


def _outcome(items: Iterator[Article | InputError]) -> dict[str, str]:
    """source -> "ok" or the refusal's reason."""
    return {item.source or "": item.reason if isinstance(item, InputError) else "ok" for item in items}


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """A directory with one good article and every kind of bad input."""
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b" \n\r\n\t ")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "image").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)  # not walked
    (tmp_path / "README.md").write_text("# Notes\n\nNot an article.\n", encoding="utf-8")  # not walked
    (tmp_path / "huge.txt").touch()
    os.truncate(tmp_path / "huge.txt", 50 * 1024 * 1024)  # sparse: 50 MB without writing them
    (tmp_path / "malformed.html").write_text("<html><body><script>x()</script><div><p></div>", encoding="utf-8")
    shutil.copy(FIXTURES / "feed_empty.xml", tmp_path / "feed_empty.xml")
    (tmp_path / "only_trailer.txt").write_text("Keywords: a, b\n", encoding="utf-8")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / ".hidden.txt").write_text(GOOD, encoding="utf-8")
    return tmp_path


def test_each_bad_input_is_refused_and_the_good_one_read(mixed: Path) -> None:
    outcome = _outcome(read_sources([str(mixed), str(mixed / "missing.txt")]))
    reasons = {Path(source).name: reason for source, reason in outcome.items()}
    assert reasons == {
        "good.txt": "ok",
        "empty.txt": "empty",
        "blank.txt": "empty",
        "binary.txt": "binary data, not text",
        "image": "binary data, not text",
        "huge.txt": "larger than the size limit of 20,971,520 bytes",
        "malformed.html": "HTML page with no article text (boilerplate only, or not a page)",
        "feed_empty.xml": "feed with no entries",
        "only_trailer.txt": "no article text (only a keyword trailer)",
        "dangling.txt": "cannot be read (No such file or directory)",
        "loop.txt": "cannot be read (Too many levels of symbolic links)",
        "missing.txt": "no such file or directory",
    }


def test_files_named_explicitly_are_read_whatever_their_extension(mixed: Path) -> None:
    outcome = _outcome(read_sources([str(mixed / "photo.png"), str(mixed / "README.md")]))
    assert list(outcome.values()) == ["binary data, not text", "ok"]


def test_every_refusal_is_one_line_naming_the_file(mixed: Path) -> None:
    for item in read_sources([str(mixed)]):
        if isinstance(item, InputError):
            assert "\n" not in str(item)
            assert str(item).startswith(f"{mixed}") and f": [{item.code}] {item.reason}" in str(item)


def test_oversized_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    huge.touch()
    os.truncate(huge, 50 * 1024 * 1024)
    tracemalloc.start()
    try:
        [error] = read_sources([str(huge)])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(error, InputError) and error.code == "ND103"
    assert peak < 1024 * 1024  # a read would have cost at least the 20 MB limit


def test_size_limit_is_configurable(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    [error] = read_sources([str(tmp_path / "a.txt")], max_bytes=10)
    assert isinstance(error, InputError) and "10 bytes" in error.reason
    [article] = read_sources([str(tmp_path / "a.txt")], max_bytes=len(GOOD.encode()))
    assert isinstance(article, Article)


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "cp1252", "utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_encodings_are_decoded(codec: str) -> None:
    assert decode(ACCENTED.encode(codec), source="x") == ACCENTED


def test_latin1_text_is_decoded() -> None:
    text = "Café owners in Zürich said the naïve plan would cost 5m francs, according to Société Générale. "
    assert decode(text.encode("latin-1"), source="x") == text


def test_cyrillic_legacy_encoding_is_not_forced_into_cp1252() -> None:
    text = "Москва заявила в понедельник, что переговоры продолжатся на следующей неделе."
    assert decode(text.encode("cp1251"), source="x") == text


def test_invalid_utf8_in_a_wire_story_is_read() -> None:
    # Mostly UTF-8 with stray cp1252 bytes is not UTF-8: the whole file is read as cp1252.
    data = GOOD.encode() + "The caf\xe9 was closed.\n".encode("cp1252")
    [article] = read_bytes(data, source="mixed.txt")
    assert article.paragraphs[-1] == "The café was closed."


def test_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(GOOD.encode("utf-16"))))
    [article] = read_sources(["-"])
    assert isinstance(article, Article)
    assert article.source == "<stdin>" and article.dateline == "Leeds, England"


def test_oversized_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(GOOD.encode() * 100)))
    [error] = read_sources(["-"], max_bytes=100)
    assert isinstance(error, InputError) and error.source == "<stdin>" and error.code == "ND103"


def _read_as_nobody(root: Path) -> dict[str, str]:
    """`read_sources` outcome for a user without root's power to read anything (forked, setuid nobody)."""
    if os.geteuid() != 0:
        return _outcome(read_sources([str(root)]))
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        status = 1
        try:
            os.close(read_end)
            os.setgid(65534)
            os.setuid(65534)
            os.write(write_end, json.dumps(_outcome(read_sources([str(root)]))).encode())
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        data = pipe.read()
    _, status = os.waitpid(pid, 0)
    assert status == 0
    outcome: dict[str, str] = json.loads(data)
    return outcome


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and setuid to drop root's rights")
def test_unreadable_file_and_folder_in_a_directory() -> None:
    # tmp_path lies in a root-only folder, so the tree goes where user nobody can reach it.
    root = Path(tempfile.mkdtemp(prefix="newsdesk-unreadable-"))
    try:
        root.chmod(0o755)
        (root / "good.txt").write_text(GOOD, encoding="utf-8")
        (root / "secret.txt").write_text(GOOD, encoding="utf-8")
        (root / "secret.txt").chmod(0o000)
        (root / "locked").mkdir(mode=0o000)
        outcome = _read_as_nobody(root)
    finally:
        (root / "locked").chmod(0o755)
        shutil.rmtree(root)
    assert outcome == {
        str(root / "good.txt"): "ok",
        str(root / "locked"): "cannot be read (Permission denied)",
        str(root / "secret.txt"): "cannot be read (Permission denied)",
    }


def test_cli_reports_each_refusal_on_one_line_and_exits_2(mixed: Path) -> None:
    result = CliRunner().invoke(app, ["analyze", str(mixed), "--format", "jsonl"])
    assert result.exit_code == 2
    [line] = result.stdout.splitlines()
    assert json.loads(line)["headline"] == "Bridge Reopens After Repairs"
    errors = result.stderr.splitlines()
    assert len(errors) == 10
    assert all(e.startswith(f"newsdesk: error: {mixed}") for e in errors)


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"<?xml version='1.0'?><rss version='2.0'><channel></channel></rss>", "feed"),
        (b"<!-- saved page -->\n<!DOCTYPE html><html><body></body></html>", "html"),
        (b"<?xml version='1.0'?><catalog><book>Dune</book></catalog>", "feed"),
        (b'{"text": "Body."}\n', "jsonl"),
        (b"{braces} open this wire story\nand go on.", "text"),
        (GOOD.encode(), "text"),
    ],
)
def test_format_is_sniffed_without_an_extension(data: bytes, kind: str) -> None:
    assert detect_format(decode(data, source="x"), source="download") == kind


def test_xml_that_is_no_feed_is_refused_naming_the_file() -> None:
    with pytest.raises(InputError, match="not an RSS or Atom feed"):
        read_bytes(b"<?xml version='1.0'?><catalog><book>Dune</book></catalog>", source="books.xml")


def test_the_readme_snippet_gives_pipe_only_articles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`read_sources` yields InputErrors among the articles; the README's Python snippet leaves them out."""
    import newsdesk

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    block = readme[readme.index("```python\n") : readme.index("```\n", readme.index("```python\n"))]
    snippet = block[block.index("from newsdesk.ingest import read_sources") :]
    (tmp_path / "stories").mkdir()
    (tmp_path / "stories" / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "stories" / "empty.txt").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    done: list[object] = []
    exec(snippet.replace("...", "done.append(a)"), {"newsdesk": newsdesk, "done": done})
    assert [a.headline for a in done] == ["Bridge Reopens After Repairs"]  # type: ignore[attr-defined]


def test_a_file_name_that_is_not_utf8_is_printable(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / os.fsdecode(b"b\xff.txt")).write_text(GOOD, encoding="utf-8")
    [article] = read_sources([str(folder)])
    assert isinstance(article, Article) and article.source == f"{folder}/b\\xff.txt"
    article.model_dump_json()  # a lone surrogate in the name raised PydanticSerializationError


@pytest.mark.parametrize(
    ("good", "expected"),
    [
        ("She said “no” to the plan.", "She said “no” to the plan."),  # read as Mac Roman: ‚Äúno‚Äù
        ("The café in München opened.", "The café in München opened."),  # read as cp1250: cafĂ©
    ],
)
def test_utf8_with_more_stray_cp1252_bytes_than_utf8_characters(good: str, expected: str) -> None:
    data = good.encode() + b" It\x92s over, we\x92re done, they\x92re gone, you\x92re out.\n"
    assert decode(data, source="x") == f"{expected} It’s over, we’re done, they’re gone, you’re out.\n"


def test_legacy_text_whose_bytes_happen_to_be_utf8_stays_legacy() -> None:
    # cp1251 `Ві` is C2 B3, a valid UTF-8 sequence, among hundreds of bytes that are not.
    text = "Він сказав, що переговори продовжаться наступного тижня. Він заявив про це «ДНР» у понеділок."
    assert decode(text.encode("cp1251"), source="x") == text


def test_word_manual_line_breaks_are_line_breaks_not_binary() -> None:
    [article] = read_bytes(GOOD.replace("\n", "\x0b").encode(), source="word.txt")
    assert article.headline == "Bridge Reopens After Repairs" and article.paragraphs == [
        "The bridge reopened on Monday.",
        "Traffic was light.",
    ]
    [article] = read_bytes(GOOD.replace("\nTraffic", "\x0c\x0cTraffic").encode(), source="page.txt")
    assert article.paragraphs[-1] == "Traffic was light."
