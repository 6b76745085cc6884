"""People across the corpus: one person under all the forms of their name.

Full names that are one name written differently join: a middle name or initial
("Donald J. Trump" = "Donald Trump"), a nickname of the given name ("Bill Barr" = "William
P. Barr", from the `nicknames` data), the surname first ("Trump Donald"). A suffix keeps
people apart ("Donald Trump Jr." is not his father).

A short name (a surname, a given name, either with a title: "Trump", "President Trump",
"Mr Blair", "Bernie") is decided mention by mention: it is the full name given in its own
article when exactly one full name there contains it; otherwise, across the corpus, the
only person whose name contains it, or the dominant one (at least `DOMINANT_SHARE` of the
articles naming any such person). When none of that holds it stays apart, and its entity
is listed as ambiguous between its candidates ("Clinton": Hillary or Bill).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from generator.link.countries import is_place_name
from generator.link.mention_table import PLACE_TYPES, Entry, Group, MentionTable
from generator.link.merger import Merger
from generator.link.names import (
    NAME_SUFFIXES,
    PersonName,
    given_name_sex,
    has_legal_suffix,
    is_particle_surname,
    key_is_acronym,
    known_given_name,
    middles_agree,
    person_name,
    same_given_name,
    strip_legal_suffix,
)

DOMINANT_SHARE = 0.8  # a short name goes to its most named person only when that person has this share


def _variant_reason(a: PersonName, b: PersonName) -> str:
    """Why name b is another form of name a ({other} is a's form)."""
    if a.given != b.given and len(a.given) > 1 and len(b.given) > 1:
        return "the name {other}, another form of the given name"
    return "the name {other} with or without a middle name or initial"


def join_name_variants(merger: Merger, groups: dict[str, Group]) -> None:
    """Full person names that differ only by middle names or initials, a nickname or the word order join.

    Within one surname (and suffix), a name joins the group of names it agrees with, most
    used first; a name that agrees with two groups ("J. Smith": John or Jane) stays apart.
    """
    buckets: dict[tuple[str, str], list[tuple[int, str, PersonName]]] = defaultdict(list)
    person_keys: set[str] = set()
    for group in groups.values():
        if group.kind() != "PERSON":
            continue
        for key, count in group.keys.items():
            name = person_name(key) if " " in key and not key_is_acronym(key) else None
            if name is not None:
                buckets[(name.surname, name.suffix)].append((-count, key, name))
                person_keys.add(key)
    for items in buckets.values():
        clusters: list[list[tuple[str, PersonName]]] = []
        for _, key, name in sorted(items):
            fits = [
                c
                for c in clusters
                if all(same_given_name(name.given, n.given) and middles_agree(name.middles, n.middles) for _, n in c)
            ]
            if len(fits) == 1:
                head_key, head = fits[0][0]
                if merger.union(head_key, key, _variant_reason(head, name), mirror=_variant_reason(name, head)):
                    fits[0].append((key, name))
            elif not fits:
                clusters.append([(key, name)])
    by_words: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for key in sorted(person_keys):
        by_words[tuple(sorted(key.split()))].append(key)
    for keys in by_words.values():
        for key in keys[1:]:
            merger.union(keys[0], key, "the name {other}, in another order")


@dataclass
class _People:
    """The corpus's full-name people: who carries which surname and given name, and how many articles name them."""

    by_surname: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    by_given: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    articles: Counter[str] = field(default_factory=Counter)  # root -> articles naming the person in full
    present: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # article -> roots named in full
    head: dict[str, str] = field(default_factory=dict)  # root -> its most used full-name key
    name: dict[str, str] = field(default_factory=dict)  # root -> its most used full name as written
    sex: dict[str, str] = field(default_factory=dict)  # root -> "m"/"f" when its given name says so without doubt

    def candidates(self, key: str, titled: bool) -> set[str]:
        """Roots of the people a one-word name (or "surname jr") may be: by surname first, else by given name.

        A name with a title ("President Trump", "Mr Blair") is a surname: never a given name.
        """
        words = key.split()
        if is_particle_surname(key):
            return set(self.by_surname.get(key, ()))
        if len(words) == 2 and words[1] in NAME_SUFFIXES:
            return {r for r in self.by_surname.get(words[0], ()) if r in self.by_surname.get(f"{words[1]}:", ())}
        if len(words) != 1:
            return set()
        return set(self.by_surname.get(key, ())) or (set() if titled else set(self.by_given.get(key, ())))


def _index_people(merger: Merger, table: MentionTable, groups: dict[str, Group]) -> _People:
    people = _People()
    for root, group in groups.items():
        if group.kind() != "PERSON":
            continue
        full = {k: c for k, c in group.keys.items() if person_name(k) is not None and not key_is_acronym(k)}
        if not full:
            continue
        people.head[root] = max(full, key=lambda k: (full[k], k))
        head = person_name(people.head[root])
        people.sex[root] = given_name_sex(head.given) if head else ""
        for key in full:
            name = person_name(key)
            assert name is not None
            people.by_surname[name.surname].add(root)
            people.by_surname[name.surname.split()[-1]].add(root)  # "Blasio", the model's span of "de Blasio"
            people.by_given[name.given].add(root)
            if name.suffix:
                people.by_surname[f"{name.suffix}:"].add(root)
        spelled = [f for f in group.forms if " " in f]
        people.name[root] = max(spelled, key=lambda f: (group.forms[f], f)) if spelled else people.head[root]
    person_root: dict[str, str] = {}  # key -> the root of the full-name person it names, "" if none
    for article_id, entries in table.by_article.items():
        for entry in entries:
            person = person_root.get(entry.key)
            if person is None:
                found = merger.find(entry.key)
                named = found in people.head and person_name(entry.key) is not None
                person = person_root[entry.key] = found if named else ""
            if person:
                people.present[article_id].add(person)
    for roots in people.present.values():
        people.articles.update(roots)
    return people


def _dominant(people: _People, candidates: set[str]) -> tuple[str | None, str]:
    """The person a short name means across the corpus, and why; (None, "") when no one clearly does.

    The only candidate must be a credible person: named in two articles, or with a given
    name from the `nicknames` data ("Enter Zoom", the model's reading of "Enter Zoom.", is not).
    """
    if len(candidates) == 1:
        root = next(iter(candidates))
        name = person_name(people.head[root])
        if people.articles[root] < 2 and not (name and known_given_name(name.given)):
            return None, ""
        return root, "the only such person in the corpus"
    counts = {root: people.articles[root] for root in candidates}
    total = sum(counts.values())
    top = max(sorted(counts), key=lambda r: counts[r])
    if total and counts[top] >= DOMINANT_SHARE * total:
        return top, f"the person most articles name so ({counts[top]} of {total} articles naming one)"
    return None, ""


def _decide(people: _People, local: set[str], candidates: set[str]) -> tuple[str | None, str]:
    """The person one short-name mention denotes, and why; None when it is ambiguous."""
    if len(local) == 1:
        return next(iter(local)), "part of the name {name}, given in the same article"
    target, why = _dominant(people, local or candidates)
    if target is None or (local and target not in local):
        return None, ""
    return target, "part of the name {name}, " + why


def resolve_short_names(
    merger: Merger, table: MentionTable, groups: dict[str, Group], fixed: set[str]
) -> dict[str, set[str]]:
    """Move each short person name's mention to the full name it denotes; return the ambiguous ones.

    A short name is a person's when most of its mentions are (typed PERSON, titled, or
    resolved in their article); then even its mentions typed otherwise follow ("Fauci" typed
    ORG). `fixed` keys (the alias file's) are never moved. The result maps a short name's
    key to the roots of the people it may be, where that could not be decided.
    """
    people = _index_people(merger, table, groups)
    companies = {strip_legal_suffix(k) for g in groups.values() for k in g.keys if has_legal_suffix(k)}
    pending: list[tuple[Entry, set[str], set[str]]] = []
    evidence: Counter[str] = Counter()
    skip: dict[str, bool] = {}  # key -> whether its mentions are no short name to resolve
    for article_id, entries in table.by_article.items():
        spelled: dict[str, bool] = {}  # root -> whether this article's text holds its full name
        for entry in entries:
            key = entry.key
            if key not in skip:  # "Twitter" beside "Twitter Inc." is the company, not "part of the name Will Twitter"
                skip[key] = (
                    key in fixed or key in companies or key_is_acronym(key) or person_name(key) is not None
                ) or any(" " in k for k in groups[merger.find(key)].keys if k != key and k not in fixed)
            if skip[key]:
                continue  # a full name, fixed, or already joined to a full name's group (an acronym, a country)
            candidates = people.candidates(key, entry.titled) - {merger.find(key)}
            if entry.gender:  # "Mrs. de Blasio" is not Bill de Blasio
                candidates = {r for r in candidates if people.sex[r] in ("", entry.gender)}
            if candidates:
                local = candidates & people.present.get(article_id, set())
                if not local:  # the text names one in full where the model spanned no name ("Host Jake Tapper asked")
                    for root in candidates - spelled.keys():
                        spelled[root] = _spells(table.texts[article_id], people.name[root])
                    local = {root for root in candidates if spelled[root]}
                pending.append((entry, candidates, local))
                evidence[key] += entry.label == "PERSON" or entry.titled or len(local) == 1
    ambiguous: dict[str, set[str]] = defaultdict(set)
    moved: list[tuple[Entry, str]] = []
    beside = _always_beside(pending)
    for entry, candidates, local in pending:
        key = entry.key
        personal = evidence[key] >= 0.5 * groups[merger.find(key)].keys[key] or key in beside
        if not personal and not (entry.label == "PERSON" and len(local) == 1):
            continue  # mostly not a person's name ("Washington" the city beside George Washington)
        place = groups[merger.find(key)].kind() in PLACE_TYPES and key not in beside
        if entry.label in PLACE_TYPES and (place or len(local) != 1):
            continue
        target, why = _decide(people, local, candidates)
        if target is None:
            ambiguous[key] |= local or candidates
        elif merger.allowed(key, people.head[target]):
            moved.append((entry, key))
            entry.key, entry.label = people.head[target], "PERSON"
            entry.reason = why.format(name=people.name[target])
    _undo_other_sex(moved)
    table.moved([entry for entry, _ in moved])
    return ambiguous


def _spells(text: str, name: str) -> bool:
    """Whether the text holds the name as whole words: `(?<!\\w)name(?!\\w)`, by `str.find` (a pattern of each
    name would be compiled anew for almost every article: there are more names than `re` caches)."""
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        if not (at > 0 and _word_character(text[at - 1])) and not (end < len(text) and _word_character(text[end])):
            return True
        at = text.find(name, at + 1)
    return False


def _word_character(ch: str) -> bool:
    """What `\\w` matches in a `str` pattern."""
    return ch.isalnum() or ch == "_"


def _always_beside(pending: list[tuple[Entry, set[str], set[str]]]) -> set[str]:
    """Short names the model types otherwise that are a person's surname wherever the corpus says whose.

    "Amash" typed GPE, "Ocasio-Cortez" typed ORG: every article that names a person of that
    name in full names one, always the same one, and those are two articles or more and at
    least half of the name's articles; never a country's or a subdivision's name
    ("Washington" beside George Washington, "Jordan" beside Michael Jordan). Only the
    mentions in those articles join (a place-typed one elsewhere stays apart).
    """
    people: dict[str, set[str]] = defaultdict(set)
    named: dict[str, set[str]] = defaultdict(set)  # key -> articles naming one of its people in full
    articles: dict[str, set[str]] = defaultdict(set)
    for entry, _, local in pending:
        people[entry.key].update(local if len(local) <= 1 else {""})
        articles[entry.key].add(entry.article)
        if local:
            named[entry.key].add(entry.article)
    return {
        key
        for key, roots in people.items()
        if len(roots) == 1
        and "" not in roots
        and len(named[key]) >= max(2, len(articles[key]) / 2)
        and not is_place_name(key)
    }


def _undo_other_sex(moved: list[tuple[Entry, str]]) -> None:
    """A person called both "Mr X" and "Mrs X" is two people: the rarer title's mentions go back to their short name."""
    sexes: dict[str, Counter[str]] = defaultdict(Counter)
    for entry, _ in moved:
        if entry.gender:
            sexes[entry.key][entry.gender] += 1
    for entry, short in moved:
        counts = sexes.get(entry.key)
        if entry.gender and counts and len(counts) == 2 and counts[entry.gender] <= min(counts.values()):
            entry.key, entry.reason = short, None
