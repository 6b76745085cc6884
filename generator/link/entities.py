"""Entity canonicalisation: every mention in the corpus resolved to one entity, with reasons.

Names compare by a key (`names.name_key`: case, accents, "the", possessives, dots folded;
an all-capitals acronym keeps its case). Keys join, in this order, by:

1. the user's alias file (which can also keep names apart, rename and set types);
2. acronyms a text defines ("Islamic State (IS)", "…Movement, or ETIM");
3. names of one country, from ISO 3166 and CLDR data ("US", "U.S.", "America", "United States"),
   also at the start of a longer name ("U.S. Air Force" = "United States Air Force");
4. full names of one person written differently ("Donald J. Trump", "Bill Barr"/"William P. Barr");
5. short names of people, mention by mention ("Trump", "President Trump", "Mr Blair"): the full
   name in the same article, else the only or the dominant person of that name in the corpus,
   else left apart and marked ambiguous (`people.py`); a surname typed as a place or organisation
   follows when every article that names one of its people in full names the same one; a surname
   with a particle ("de Blasio") is one surname; a headline's "TRUMP" is the name "Trump";
6. one-word plurals and their singular ("Uighurs" → "Uighur"), never places or people;
7. organisations and their legal suffix or short form ("Apple Inc.", "Northrop" → "Northrop Grumman",
   "Ford" → "Ford Motor Company", the longer name it is clearly named beside);
8. an undefined acronym whose letters are the initials of exactly one multi-word name; of several,
   mention by mention the one its article names, else the one it is named beside or that dominates;
9. spelling variants that differ in one vowel ("Uyghur"/"Uighur"), never for people.

Demonyms stay apart from their place ("Chinese" is not "China") but are recorded as
related. The type of an entity is the vote of its mentions, where a title ("President",
"Sen.") makes a mention a person's and a legal suffix an organisation's, unless the alias
file sets it. Every name records why it joined.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace

from generator.ingest.slug import SlugRegistry, slugify
from generator.link.aliases import AliasFile, AliasFileError
from generator.link.countries import country_of
from generator.link.known_names import find_known_names, known_names
from generator.link.mention_table import (
    Group,
    MentionTable,
    entry_of,
    read_capitals,
    read_titles,
)
from generator.link.merger import Merger
from generator.link.names import (
    display_eligible,
    is_acronym,
    is_particle_surname,
    name_key,
    normalise,
    person_name,
    strip_legal_suffix,
    tidy_display,
)
from generator.link.people import join_name_variants, resolve_short_names
from generator.link.possessives import read_possessed
from generator.link.rules import (
    acronym_definitions,
    join_company_names,
    join_countries,
    join_country_prefixed,
    join_defined_acronyms,
    join_initialisms,
    join_plurals,
    join_spelling_variants,
)
from generator.model import Article, ArticleAnalysis, Entity, LinkedMention

__all__ = ["find_known_names", "link_entities", "normalise"]


class _AliasBinding:
    """What the alias file decides: joined keys, display names and types by key."""

    def __init__(self, merger: Merger, alias_file: AliasFile) -> None:
        self.display: dict[str, str] = {}
        self.forced_type: dict[str, str] = {}
        self.keys: set[str] = set()
        self.names: set[str] = set()
        for group in alias_file.groups:
            head = name_key(group.name)
            merger.add(head)
            self.keys.add(head)
            self.names.update((group.name, *group.aliases))
            for alias in group.aliases:
                self.keys.add(name_key(alias))
                if not merger.union(head, name_key(alias), f"alias file (line {group.line})"):
                    raise AliasFileError(
                        f"alias file line {group.line}: {alias!r} and {group.name!r} are also listed under keep_apart"
                    )
            self.display[head] = group.name
            if group.type:
                self.forced_type[head] = group.type


def _collect(articles: list[Article], analyses: dict[str, ArticleAnalysis], known: set[str]) -> MentionTable:
    table = MentionTable(articles)
    matcher = known_names(known)
    for article in articles:
        for mention in find_known_names(article, analyses[article.id], matcher):
            entry = entry_of(article, mention)
            if entry is not None:
                table.by_article[article.id].append(entry)
    read_capitals(table.entries())
    read_titles(table.entries())
    read_possessed(table.entries())
    return table


def _surnames(groups: dict[str, Group]) -> set[str]:
    """The surnames of the corpus's people: a plural of one ("the Bidens") is a family, not a group."""
    words: set[str] = set()
    for group in groups.values():
        if group.kind() == "PERSON":
            for key in group.keys:
                name = person_name(key)
                if name is not None:
                    words.add(name.surname)
    return words


def _join_all(merger: Merger, table: MentionTable, fixed: set[str]) -> dict[str, set[str]]:
    """Apply rules 3-9 in order; returns the ambiguous short names of people and their candidates."""
    join_countries(merger, table.groups(merger))
    join_country_prefixed(merger, table.groups(merger))
    join_name_variants(merger, table.groups(merger))
    ambiguous = resolve_short_names(merger, table, table.groups(merger), fixed)  # tells the table what moved
    groups = table.groups(merger)
    join_plurals(merger, groups, _surnames(groups))
    join_company_names(merger, table.groups(merger), table.pairs_in_one_article())
    acronym_keys = {e.key for e in table.entries() if is_acronym(e.surface)}
    join_initialisms(merger, table, acronym_keys, fixed)
    join_spelling_variants(merger, table.groups(merger))
    return ambiguous


def _display_name(group: Group, kind: str) -> str:
    """The most used full form: a person's full name, an organisation's spelled-out name, a country's own name.

    Forms with a possessive, edge punctuation or (for people) a title are not candidates;
    nor is a shortened form of another of the entity's names in real use ("Northrop"
    beside "Northrop Grumman"; "Apple" beside "Apple Inc." is not shortened).
    """
    if len(group.forms) == 1:  # most entities: the one form, whatever the rules below would weigh
        (form,) = group.forms
        return form if display_eligible(form, kind == "PERSON") else tidy_display(form)
    forms = [f for f in group.forms if display_eligible(f, kind == "PERSON")]
    if not forms:
        return tidy_display(max(group.forms, key=lambda f: (group.forms[f], -len(f), f)))
    if kind in ("GPE", "LOC"):
        country = next((c for k in sorted(group.keys, key=lambda k: -group.keys[k]) if (c := country_of(k))), None)
        own = [f for f in forms if country is not None and name_key(f) == name_key(country.name)]
        if own:
            return max(own, key=lambda f: (group.forms[f], f))
    if kind == "PERSON":
        full = [f for f in forms if len(name_key(f).split()) >= 2 and not is_particle_surname(name_key(f))] or forms
    else:
        keys = {f: name_key(f) for f in forms}
        full = [f for f in forms if not any(_shortens(f, g, keys, group.forms) for g in forms)]
    spelled = [f for f in full if not is_acronym(f)] or full or forms
    return max(spelled, key=lambda f: (group.forms[f], -len(f), f))


def _shortens(short: str, long: str, keys: dict[str, str], counts: Counter[str]) -> bool:
    """Whether `long` is `short` with more words (not a legal suffix), used often enough to be the name."""
    if long == short or not keys[long].startswith(keys[short] + " "):
        return False
    return strip_legal_suffix(keys[long]) != keys[short] and counts[long] >= max(2, counts[short] / 10)


def _alias_reasons(
    group: Group, table_reasons: dict[str, Counter[str]], explained: dict[str, str], start: str
) -> dict[str, str]:
    reasons: dict[str, str] = {}
    for alias in group.forms:
        key = name_key(alias)
        mention_reasons = table_reasons.get(alias)
        if key == start:
            reasons[alias] = "same name"
        elif mention_reasons:
            reasons[alias] = "; ".join(r for r, _ in mention_reasons.most_common(2))
        else:
            reasons[alias] = explained.get(key, "same entity")
    return reasons


def _related_demonyms(entities: list[Entity]) -> dict[str, set[str]]:
    """NORP entities and the place they are named after ("Chinese" ~ "China"): related, not merged.

    A place is known by every one-word name it has, not only the one it is shown under: "American" is
    named after "America", one of the names of the entity shown as "United States"."""
    places: dict[str, list[tuple[str, Entity]]] = defaultdict(list)
    for entity in entities:
        if entity.type not in ("GPE", "LOC"):
            continue
        for place_key in {normalise(name) for name in (entity.name, *entity.aliases)}:
            if " " not in place_key and len(place_key) >= 4:
                places[place_key[:4]].append((place_key, entity))
    related: dict[str, set[str]] = defaultdict(set)
    for entity in entities:
        if entity.type != "NORP":
            continue
        key = normalise(entity.name)
        if " " in key:
            continue
        for place_key, place in places.get(key[:4], []):
            common = len(_common_prefix(key, place_key))
            if place_key != key and common >= max(4, len(place_key) - 1):
                related[entity.id].add(place.id)
                related[place.id].add(entity.id)
    return related


def _common_prefix(a: str, b: str) -> str:
    size = 0
    while size < min(len(a), len(b)) and a[size] == b[size]:
        size += 1
    return a[:size]


def _ambiguity_note(names: list[str]) -> str:
    listed = ", ".join(names[:-1]) + f" or {names[-1]}" if len(names) > 1 else names[0]
    return f"ambiguous: may be {listed}; its articles name none of them or more than one, and none dominates"


def _build_entities(
    merger: Merger, table: MentionTable, aliases: _AliasBinding, ambiguous: dict[str, set[str]]
) -> tuple[list[Entity], dict[str, str]]:
    """The entities, most mentioned first, and the entity id of every group root."""
    groups = table.groups(merger)
    surface: dict[str, str] = {}
    mention_reasons: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for entry in table.entries():
        surface.setdefault(entry.key, entry.surface)
        if entry.reason:
            mention_reasons[merger.find(entry.key)][entry.surface][entry.reason] += 1
    forced = {merger.find(k): v for k, v in aliases.forced_type.items()}
    named = {merger.find(k): v for k, v in aliases.display.items()}
    slugs = SlugRegistry()
    ordered = sorted(groups.items(), key=lambda item: (-sum(item[1].forms.values()), item[0]))
    entities: list[Entity] = []
    id_of: dict[str, str] = {}
    for root, group in ordered:
        kind = forced.get(root) or group.entity_type() or "ORG"
        name = named.get(root) or _display_name(group, kind)
        slug = slugs.claim(slugify(name), root)
        start = name_key(name) if name_key(name) in group.keys else root
        reasons = _alias_reasons(group, mention_reasons[root], merger.explain(start, surface), start)
        id_of[root] = slug
        entities.append(
            Entity(
                id=slug,
                slug=slug,
                name=name,
                type=kind,
                aliases=tuple(form for form, _ in group.forms.most_common()),
                articles=tuple(group.articles),
                mention_count=sum(group.forms.values()),
                alias_reasons=reasons,
            )
        )
    return _with_ambiguity(entities, merger, ambiguous, id_of), id_of


def _with_ambiguity(
    entities: list[Entity], merger: Merger, ambiguous: dict[str, set[str]], id_of: dict[str, str]
) -> list[Entity]:
    """An entity for a short name that could not be decided lists the people it may be."""
    candidates: dict[str, set[str]] = defaultdict(set)
    for key, roots in ambiguous.items():
        own = id_of.get(merger.find(key))
        if own is not None:
            candidates[own].update(id_of[merger.find(r)] for r in roots if merger.find(r) in id_of)
    names = {e.id: e.name for e in entities}
    result = []
    for entity in entities:
        ids = sorted(candidates.get(entity.id, set()) - {entity.id}, key=lambda i: names[i])
        if ids:
            note = _ambiguity_note([names[i] for i in ids])
            reasons = {alias: note if why == "same name" else why for alias, why in entity.alias_reasons.items()}
            entity = replace(entity, ambiguous_with=tuple(ids), alias_reasons=reasons)
        result.append(entity)
    return result


def link_entities(
    articles: list[Article], analyses: dict[str, ArticleAnalysis], alias_file: AliasFile | None = None
) -> tuple[tuple[Entity, ...], dict[str, tuple[LinkedMention, ...]]]:
    """All corpus entities (most mentioned first) and each article's mentions resolved to them."""
    alias_file = alias_file or AliasFile()
    merger = Merger([{name_key(n) for n in entry.names} for entry in alias_file.keep_apart])
    aliases = _AliasBinding(merger, alias_file)
    definitions = acronym_definitions([(a.id, analyses[a.id].acronyms) for a in articles])
    defined = join_defined_acronyms(merger, definitions)
    table = _collect(articles, analyses, aliases.names | defined)
    ambiguous = _join_all(merger, table, aliases.keys)
    entities, id_of = _build_entities(merger, table, aliases, ambiguous)
    related = _related_demonyms(entities)
    entities = [replace(e, related=tuple(sorted(related[e.id]))) if e.id in related else e for e in entities]
    entity_of = {key: id_of[merger.find(key)] for key in table.keys()}
    linked = {
        article_id: tuple(
            LinkedMention(entity_of[e.key], e.surface, e.mention.start, e.mention.end, e.mention.sentence)
            for e in entries
        )
        for article_id, entries in table.by_article.items()
    }
    return tuple(entities), linked
