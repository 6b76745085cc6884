"""Country names and codes from maintained data: ISO 3166 (pycountry) and CLDR's English names (Babel).

Each country's forms are its ISO short, official and common names (a "Korea, Republic of"
turned into "Republic of Korea"), its CLDR English name ("Russia", "Myanmar (Burma)" as
both names), and two derived kinds: the initials of a multi-word name ("US", "USA", "UK",
"UAE", "DPRK"), and the place an official name is "of" ("United States of America" gives
"America"; "...of Great Britain and Northern Ireland" gives "Great Britain", which is also
called "Britain"). A derived form is dropped when it is also another country's form or the
name of a subdivision ("Northern Ireland" is part of the United Kingdom, not the country;
"Korea" names two countries). Two-letter ISO codes are not used: "IN", "ME", "PA" and "CA"
are words and US state abbreviations far more often than countries.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

import pycountry
from babel import Locale

from generator.link.names import initials, name_key


@dataclass(frozen=True)
class Country:
    code: str  # ISO 3166-1 alpha-3
    name: str  # the English name a reader knows (CLDR), e.g. "United States", "Russia"
    official: str  # ISO 3166-1 official name, or its short name when it has none


def _inverted(name: str) -> str:
    """ "Korea, Republic of" -> "Republic of Korea" (ISO lists some names inverted)."""
    head, _, tail = name.partition(", ")
    return f"{tail} {head}" if tail else name


def _named_parts(name: str) -> list[str]:
    """The places an official name is "of": "Great Britain", "Northern Ireland"; "Britain" for "Great Britain"."""
    if " of " not in name:
        return []
    tail = name.split(" of ", 1)[1]
    tail = re.sub(r"^the\s+", "", tail, flags=re.IGNORECASE)
    parts = [p.strip() for p in tail.split(" and ") if p.strip()]
    return parts + [p.split(" ", 1)[1] for p in parts if p.startswith("Great ") and " " in p]


def _cldr_names(english: dict[str, str], alpha_2: str) -> list[str]:
    name = english.get(alpha_2)
    if not name or " - " in name:
        return []
    inside = re.findall(r"\(([^)]+)\)", name)
    return [re.sub(r"\s*\([^)]*\)", "", name).strip(), *inside]


@lru_cache(maxsize=1)
def country_table() -> tuple[dict[str, Country], dict[str, str]]:
    """(countries by alpha-3 code, linking key of every unambiguous country form -> alpha-3 code)."""
    english = dict(Locale("en").territories)
    countries: dict[str, Country] = {}
    names: dict[str, set[str]] = defaultdict(set)  # key -> codes, from the countries' own names
    derived: dict[str, set[str]] = defaultdict(set)  # key -> codes, from initials and "of" parts
    for record in pycountry.countries:
        code = record.alpha_3
        own = [record.name, getattr(record, "official_name", None), getattr(record, "common_name", None)]
        own_names = [n for n in own if n]
        own_names += [_inverted(n) for n in own_names if ", " in n]
        cldr = _cldr_names(english, record.alpha_2)
        own_names += cldr
        countries[code] = Country(code, cldr[0] if cldr else record.name, own[1] or record.name)
        for form in own_names:
            names[name_key(form)].add(code)
        for form in own_names:
            for part in _named_parts(form):
                derived[name_key(part)].add(code)
            letters = initials(name_key(form).lower())
            if len(letters) >= 2:
                derived[letters].add(code)
    subdivisions = subdivision_keys()
    forms = {key: next(iter(codes)) for key, codes in names.items() if len(codes) == 1 and key}
    for key, codes in derived.items():
        if len(codes) == 1 and key not in names and key not in subdivisions:
            forms[key] = next(iter(codes))
    return countries, forms


@lru_cache(maxsize=1)
def subdivision_keys() -> frozenset[str]:
    """Linking keys of the names of ISO 3166-2 subdivisions (states, provinces, regions: "washington")."""
    return frozenset(name_key(re.sub(r"\s*\[.*\]", "", s.name)) for s in pycountry.subdivisions)


@lru_cache(maxsize=300)
def subdivision_codes(alpha_3: str) -> dict[str, str]:
    """A country's ISO 3166-2 subdivision codes without the country part, and the key of each one's
    name: {"LA": "louisiana", "NC": "north carolina", ...} for "USA"."""
    record = pycountry.countries.get(alpha_3=alpha_3) if alpha_3 else None
    if record is None:
        return {}
    found = pycountry.subdivisions.get(country_code=record.alpha_2) or []
    return {s.code.split("-", 1)[1]: name_key(re.sub(r"\s*\[.*\]", "", s.name)) for s in found}


def is_place_name(key: str) -> bool:
    """Whether a key names a country or a country's subdivision in the ISO 3166 data."""
    return country_of(key) is not None or key in subdivision_keys()


def country_of(key: str) -> Country | None:
    """The country a name key denotes ("US", "united states", "america", "britain"), or None."""
    countries, forms = country_table()
    code = forms.get(key)
    return countries[code] if code else None
