"""Readers that turn files, directories and standard input into `Article`s.

`read_sources` never raises for a bad input: it yields an `InputError` in the article's place, so
one unreadable file does not stop a run of thousands.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsdesk.article import Article
from newsdesk.errors import InputError
from newsdesk.ingest.decode import DEFAULT_MAX_BYTES, decode
from newsdesk.ingest.text import parse_text

__all__ = ["DEFAULT_MAX_BYTES", "parse_text", "read_bytes", "read_sources"]


def read_bytes(data: bytes, *, source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Article]:
    """Parse one input's bytes into articles. Raises InputError if it cannot be read."""
    text = decode(data, source=source, max_bytes=max_bytes)
    return [parse_text(text, source=source)]


def _files(path: Path) -> Iterator[Path]:
    if path.is_dir():
        yield from sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
    else:
        yield path


def read_sources(paths: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | InputError]:
    """Articles from files, directories (recursively, in name order) and `-` (standard input)."""
    for name in paths:
        if name == "-":
            try:
                yield from read_bytes(sys.stdin.buffer.read(max_bytes + 1), source="<stdin>", max_bytes=max_bytes)
            except InputError as err:
                yield err
            continue
        root = Path(name)
        if not root.exists():
            yield InputError(name, "no such file or directory", code="ND101")
            continue
        for path in _files(root):
            try:
                with path.open("rb") as handle:
                    data = handle.read(max_bytes + 1)
                yield from read_bytes(data, source=str(path), max_bytes=max_bytes)
            except InputError as err:
                yield err
            except OSError as err:
                yield InputError(str(path), f"cannot be read ({err.strerror or err})", code="ND102")
