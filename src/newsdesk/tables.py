"""Reading the data tables under `src/newsdesk/data/` (each folder says where its data came from in SOURCE.md).

Rules live in these files, not in code; every loader of a text table goes through here (`data_text`), and the line
lists skip blank and `#` comment lines the same way. Callers cache what they build from them (`functools.cache`).
The shipped knowledge base, a SQLite file, is opened by path (`entities/kb.py`).
"""

from __future__ import annotations

from functools import cache
from importlib import resources


def data_text(path: str) -> str:
    """The text of data file `path` (relative to `newsdesk/data/`)."""
    return resources.files("newsdesk").joinpath("data", path).read_text(encoding="utf-8")


def data_lines(path: str) -> list[str]:
    """The lines of data file `path`, without blank and `#` comment lines."""
    return [line for line in data_text(path).splitlines() if line.strip() and not line.startswith("#")]


def data_rows(path: str) -> list[list[str]]:
    """The tab-separated rows of data file `path`."""
    return [line.split("\t") for line in data_lines(path)]


def word_set(path: str) -> frozenset[str]:
    """A one-entry-per-line word list as a set."""
    return frozenset(line.strip() for line in data_lines(path))


@cache
def function_words() -> frozenset[str]:
    """spaCy's English stop words, as the copy desk's function-word table holds them (one source for all stages)."""
    return word_set("copyedit/function_words.txt")
