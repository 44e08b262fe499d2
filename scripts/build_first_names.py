"""Build src/newsdesk/data/quotes/first_names.tsv (first name -> m/f, for he/she agreement) from Faker's name lists.

Run once after changing the source (the output is committed; Faker is a build-time input only, pinned in
requirements-bench.txt):

    .venv/bin/python scripts/build_first_names.py

Faker's person providers carry per-locale lists of male and female first names taken from national statistics. Only
locales whose lists are all ASCII are read (the table serves English copy). A name is `m` when more than twice as
many locales list it as male as list it as female, and vice versa; names used for both are left out, so a he/she is
never made to disagree with an ambiguous name.
"""

from __future__ import annotations

import collections
import importlib
import pkgutil
from pathlib import Path

import faker
import faker.providers.person

OUT = Path(__file__).resolve().parents[1] / "src" / "newsdesk" / "data" / "quotes" / "first_names.tsv"


def main() -> None:
    male: collections.Counter[str] = collections.Counter()
    female: collections.Counter[str] = collections.Counter()
    locales = []
    for module in pkgutil.iter_modules(faker.providers.person.__path__):
        provider = importlib.import_module(f"faker.providers.person.{module.name}").Provider
        men, women = set(getattr(provider, "first_names_male", ())), set(getattr(provider, "first_names_female", ()))
        if men and women and all(name.isascii() for name in men | women):
            locales.append(module.name)
            male.update(men)
            female.update(women)
    lines = [
        "# First name<TAB>gender (m/f), for he/she agreement. Built from Faker "
        f"{faker.VERSION} (MIT; names from national",
        f"# statistics) person providers whose name lists are ASCII: {', '.join(locales)};",
        "# a name listed male by more than twice as many locales as female is m, and vice versa; others are left out.",
        "# Build command: see SOURCE.md.",
    ]
    for name in sorted(male | female):
        gender = "m" if male[name] > 2 * female[name] else "f" if female[name] > 2 * male[name] else None
        if gender:
            lines.append(f"{name}\t{gender}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(lines) - 4} names from {len(locales)} locales")


if __name__ == "__main__":
    main()
