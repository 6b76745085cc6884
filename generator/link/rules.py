"""The rules that join the name keys of organisations, places and groups (people: `people.py`).

Each rule unions keys in the `Merger` with its reason. None of them joins an acronym to a
longer name that merely starts with it ("FBI" is not "FBI Hostage Rescue Team"): an acronym
joins only the name its letters spell out.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from generator.link.countries import country_of, subdivision_codes
from generator.link.mention_table import PLACE_TYPES, Group, MentionTable
from generator.link.merger import Merger
from generator.link.names import LEGAL_SUFFIXES, initials, key_is_acronym, name_key, strip_legal_suffix
from generator.link.people import DOMINANT_SHARE
from generator.model import AcronymDefinition

_VOWELISH = re.compile(r"[aeiouy]")


def _kind(groups: dict[str, Group], merger: Merger, key: str) -> str | None:
    group = groups.get(merger.find(key))
    return group.kind() if group is not None else None


def join_defined_acronyms(merger: Merger, definitions: dict[tuple[str, str], tuple[str, str, str]]) -> set[str]:
    """Acronyms a text defines ("Islamic State (IS)") join their expansion when defined one way only.

    `definitions` maps (acronym key, expansion key) to (acronym, expansion, defining article).
    Returns the acronyms (as written) that were joined, for finding their mentions the model missed.
    """
    expansions: dict[str, set[str]] = defaultdict(set)
    for short_key, long_key in definitions:
        expansions[short_key].add(_singular_words(long_key))
    joined: set[str] = set()
    for (short_key, long_key), (short, _long, article_id) in definitions.items():
        if len(expansions[short_key]) != 1:
            continue
        merger.union(
            long_key,
            short_key,
            f"acronym of {{other}}, defined in article {article_id}",
            mirror=f"expansion of {{other}}, defined in article {article_id}",
        )
        joined.add(short)
    return joined


def _singular_words(key: str) -> str:
    """A multi-word name with each word's plural "s" dropped: "National Institutes of Health" and
    "National Institute of Health" define "NIH" one way, not two."""
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in key.split())


def acronym_definitions(
    named: list[tuple[str, tuple[AcronymDefinition, ...]]],
) -> dict[tuple[str, str], tuple[str, str, str]]:
    """(acronym key, expansion key) -> (acronym, expansion, first article defining it), in corpus order."""
    found: dict[tuple[str, str], tuple[str, str, str]] = {}
    for article_id, acronyms in named:
        for acronym in acronyms:
            pair = (name_key(acronym.short), name_key(acronym.long))
            found.setdefault(pair, (acronym.short, acronym.long, article_id))
    return found


def join_countries(merger: Merger, groups: dict[str, Group]) -> None:
    """Names of one country join (US, U.S., United States, America; UK, Britain), from ISO 3166 and CLDR data.

    Only names whose mentions are places by vote (or untyped) join: "Jordan" the congressman
    is not the country. "The Americas" is a region, not the country.
    """
    by_country: dict[str, list[tuple[int, str]]] = defaultdict(list)
    names: dict[str, str] = {}
    for group in groups.values():
        if group.kind() not in (*PLACE_TYPES, None):
            continue
        for key, count in group.keys.items():
            country = country_of(key)
            if country is not None:
                by_country[country.code].append((-count, key))
                names[country.code] = country.official
    for code, keys in by_country.items():
        keys.sort()
        anchor = keys[0][1]
        for _, key in keys[1:]:
            reason = f"the same country as {{other}} (ISO 3166: {names[code]})"
            merger.union(anchor, key, reason)


def _country_head(words: list[str]) -> tuple[str, int] | None:
    """The country a multi-word name starts with, and how many words name it ("us air force" -> USA, 1)."""
    for size in range(min(5, len(words) - 1), 0, -1):
        head = " ".join(words[:size])
        country = country_of(head) or (country_of(head.upper()) if size == 1 and len(head) <= 3 else None)
        if country is not None:
            return country.code, size
    return None


def join_country_prefixed(merger: Merger, groups: dict[str, Group]) -> None:
    """Names that differ only in how they write the country they start with are one: "U.S. Air Force",
    "US Air Force" and "United States Air Force"; "U.S. Senate" and "United States Senate"."""
    variants: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key in sorted(merger.parent):
        words = key.split()
        if len(words) < 2 or _kind(groups, merger, key) in (*PLACE_TYPES, "PERSON"):
            continue
        head = _country_head(words)
        if head is not None:
            variants[(head[0], " ".join(words[head[1] :]))].append(key)
    for keys in variants.values():
        for key in keys[1:]:
            merger.union(keys[0], key, "{other}, with its country written another way")


def join_plurals(merger: Merger, groups: dict[str, Group], surnames: set[str]) -> None:
    """One-word plurals of groups of people join their singular ("Uighurs" -> "Uighur", "Democrats").

    Not places ("the Americas" are not America), two organisations ("Times" is not "Time") or
    a person's surname ("the Bidens" are a family, not Joe Biden).
    """
    for key in sorted(merger.parent):
        singular = key[:-1]
        if " " in key or len(key) <= 4 or not key.endswith("s") or singular not in merger.parent:
            continue
        kinds = {_kind(groups, merger, key), _kind(groups, merger, singular)}
        if (
            kinds & PLACE_TYPES
            or kinds == {"ORG"}
            or (singular in surnames and _kind(groups, merger, singular) == "PERSON")
        ):
            continue
        merger.union(singular, key, "plural of {other}", mirror="singular of {other}")


BESIDE_SHARE = 0.25  # a short company name joins a longer one named beside it in at least this share of its articles


def join_company_names(merger: Merger, groups: dict[str, Group], together: dict[tuple[str, str], set[str]]) -> None:
    """Organisations under a shorter name: "Apple Inc." is "Apple"; "Northrop" is "Northrop Grumman".

    A legal suffix (Inc., Corp., plc, Group, …) is dropped when the bare name is known.
    A one- or two-word organisation name (never an acronym: "FBI" is not "FBI Hostage
    Rescue Team") joins the longer organisation name it begins when the two are named in one
    article somewhere in the corpus and that name is the only one, or the clear one (`_clear_company`),
    it is named beside: "Ford" beside "Ford Motor Company" in 4 articles and beside "Ford Taurus",
    "Ford Australia" in one each is Ford Motor Company. The longer names must be named beside it in
    a quarter of its articles at least (`BESIDE_SHARE`): a subsidiary named once is not the company.
    """
    keys = sorted(merger.parent)
    for key in keys:
        bare = strip_legal_suffix(key)
        if bare != key and bare in merger.parent and _kind(groups, merger, key) == "ORG":
            merger.union(bare, key, "{other} with its legal suffix", mirror="{other} without its legal suffix")
    longer: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        words = key.split()
        if len(words) >= 2 and _kind(groups, merger, key) == "ORG":
            for size in (1, 2):
                if size < len(words):
                    longer[" ".join(words[:size])].add(key)
    for short in keys:
        if short not in longer or len(short) < 3 or key_is_acronym(short.split()[0]):
            continue
        if _kind(groups, merger, short) != "ORG":
            continue
        beside: dict[str, set[str]] = defaultdict(set)  # root of a longer name -> articles naming both
        head: dict[str, str] = {}
        for key in sorted(longer[short]):
            root = merger.find(key)
            if root != merger.find(short) and together.get((short, key)):
                beside[root] |= together[(short, key)]
                head.setdefault(root, key)
        counts = Counter({root: len(articles) for root, articles in beside.items()})
        total = len(set().union(*beside.values()))
        own = groups.get(merger.find(short))
        if own is not None and total < BESIDE_SHARE * len(own.articles):
            continue  # "Yukos USA", named beside "Yukos" in 1 of its 16 articles, is a part of it, not its full name
        target = _clear_company(counts, total)
        if target is None:
            continue
        if len(beside) == 1:
            merger.union(head[target], short, "short form of {other}", mirror="full name of {other}")
        else:
            why = f"short form of {{other}}, named beside it in {counts[target]} of {total} articles"
            merger.union(head[target], short, why + " naming a longer name it begins", mirror="full name of {other}")


def _clear_company(beside: Counter[str], total: int) -> str | None:
    """The longer name a short one is named beside (articles per name; `total` articles name any): the
    only one; or one with at least two articles, half of all and twice the next ("Apple Computer" 10,
    "Apple Corps" 3, three others 1 each)."""
    if len(beside) <= 1:
        return next(iter(beside), None)
    (top, count), (_, second) = beside.most_common(2)
    return top if count >= 2 and count >= 0.5 * total and count >= 2 * second else None


def join_initialisms(merger: Merger, table: MentionTable, acronym_keys: set[str], fixed: set[str]) -> None:
    """An acronym joins the only multi-word name its letters spell ("FBI": "Federal Bureau of Investigation").

    When several names fit ("NRA": National Rifle Association, National Restaurant Association),
    each mention goes to the one its own article names (the only route for an acronym typed PERSON:
    "IC" in an article naming the Intelligence Community), else to the one it is named beside in
    `DOMINANT_SHARE` of the articles naming it with one (two at least: "U.N." beside United Nations,
    never beside U.S. Navy), else, when at most one article names it with one and that one agrees,
    to the one that share of the articles naming any spells ("N.C." in "Durham, N.C." is North
    Carolina, named in 20 articles, beside Nevada City and Northern California, 1 each), unless
    the letters are the ISO 3166-2 code of another subdivision of the country the corpus names
    most ("LA" is Louisiana, not Los Angeles); else it stays apart. `fixed` keys (the alias file's) are never moved.
    """
    groups = table.groups(merger)
    by_initials: dict[str, list[str]] = defaultdict(list)
    for key in sorted(merger.parent):
        if len(key.split()) >= 2 and _kind(groups, merger, key) not in (None, "PERSON"):
            by_initials[initials(key)].append(key)
    several: dict[str, _Spellings] = {}
    states = subdivision_codes(_main_country(groups))
    for key in sorted(acronym_keys - fixed):
        spelled = by_initials.get(key, [])
        roots = {merger.find(k) for k in spelled}
        if merger.find(key) in roots or not roots:
            continue
        personal = _kind(groups, merger, key) == "PERSON"  # typed so, it joins only where its article spells it
        if len(roots) == 1 and not personal:
            merger.union(spelled[0], key, "initials of {other}", mirror="spelled out as {other}")
        elif key.lower() not in LEGAL_SUFFIXES:  # "Petróleos de Venezuela, S.A." names no Saudi Arabia
            spellings = _Spellings(merger, table, spelled, set() if personal else table.articles_of(key))
            if spellings.by_corpus and key in states and states[key] != spellings.head.get(spellings.dominant or ""):
                spellings.dominant = None  # "LA" in "(R-LA)" is Louisiana, whatever Los Angeles's articles say
            several[key] = spellings
    for entry in table.entries():
        found = several.get(entry.key)
        if found is not None:
            target, why = found.decide(entry.article)
            if target is not None and merger.allowed(entry.key, target):
                entry.key, entry.reason = target, why
                table.moved([entry])


def _main_country(groups: dict[str, Group]) -> str:
    """The ISO 3166 code of the country the corpus names most (its mentions, all forms)."""
    counts: Counter[str] = Counter()
    for group in groups.values():
        for key, count in group.keys.items():
            country = country_of(key)
            if country is not None:
                counts[country.code] += count
    return counts.most_common(1)[0][0] if counts else ""


class _Spellings:
    """The names one acronym spells, by group: the articles naming each and its most used key."""

    def __init__(self, merger: Merger, table: MentionTable, spelled: list[str], acronym_articles: set[str]) -> None:
        self.named: dict[str, set[str]] = defaultdict(set)  # root -> articles naming it by a spelling
        self.head: dict[str, str] = {}
        for spelling in sorted(spelled, key=lambda k: (-table.mentions_of(k), k)):
            root = merger.find(spelling)
            self.named[root] |= table.articles_of(spelling)
            self.head.setdefault(root, spelling)
        self.form = {root: table.form_of(key) for root, key in self.head.items()}
        beside = Counter({root: len(articles & acronym_articles) for root, articles in self.named.items()})
        corpus = Counter({root: len(articles) for root, articles in self.named.items()})
        self.dominant, self.most, self.total, self.where = _dominant_count(beside), 0, 0, "articles naming it with one"
        self.by_corpus = False  # the dominant one by the articles naming any spelling, not those naming it too
        if self.dominant is not None:
            self.most, self.total = beside[self.dominant], beside.total()
        elif (
            acronym_articles
            and beside.total() <= 1
            and (top := _dominant_count(corpus)) is not None
            and beside[top] == beside.total()
        ):
            self.dominant, self.most, self.total, self.where = top, corpus[top], corpus.total(), "articles naming one"
            self.by_corpus = True

    def decide(self, article: str) -> tuple[str | None, str]:
        """The key an acronym's mention in this article goes to, and why; None when it stays apart."""
        local = [root for root in self.named if article in self.named[root]]
        if len(local) == 1:
            return self.head[local[0]], f"initials of {self.form[local[0]]}, named in the same article"
        if local or self.dominant is None:
            return None, ""
        why = f"initials of {self.form[self.dominant]}, named in {self.most} of the {self.total} {self.where}"
        return self.head[self.dominant], why


def _dominant_count(counts: Counter[str]) -> str | None:
    """The key with at least two and `DOMINANT_SHARE` of all the counts, if any."""
    if not counts:
        return None
    top, most = counts.most_common(1)[0]
    return top if most >= 2 and most >= DOMINANT_SHARE * counts.total() else None


def join_spelling_variants(merger: Merger, groups: dict[str, Group]) -> None:
    """Names that differ in one vowel (Uyghur/Uighur) join, except people's names, acronyms and short words."""
    buckets: dict[tuple[str, int], list[str]] = defaultdict(list)
    for key in sorted(merger.parent):
        if len(key.replace(" ", "")) >= 5 and not key_is_acronym(key):
            buckets[(_VOWELISH.sub("*", key), len(key))].append(key)
    for keys in buckets.values():
        for i, first in enumerate(keys):
            for second in keys[i + 1 :]:
                differing = [p for p, (x, y) in enumerate(zip(first, second, strict=True)) if x != y]
                if len(differing) != 1 or differing[0] == len(first) - 1:
                    continue
                kinds = {_kind(groups, merger, k) for k in (first, second)}
                if "PERSON" in kinds:
                    continue
                merger.union(first, second, "spelling variant of {other}")
