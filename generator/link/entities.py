"""Entity canonicalisation: every mention in the corpus resolved to one entity, with reasons.

Names are compared by a normalised key (case, accents, "the", possessives and
dots folded). Keys join, in this order, by:

1. the user's alias file (which can also keep names apart, rename and set types);
2. acronyms a text defines ("Islamic State (IS)", "…Movement, or ETIM");
3. within one article, a one-word name that is part of exactly one full person
   name given there ("Geng" → "Geng Shuang"; a "Li" elsewhere stays apart);
4. one-word plurals and their singular ("Uighurs" → "Uighur");
5. across the corpus, a one-word person name that is part of exactly one full
   person name in the whole corpus ("Clarke" → "Michael Clarke");
6. an undefined acronym whose letters are the initials of exactly one multi-word
   name ("US" → "United States");
7. spelling variants that differ in one vowel ("Uyghur"/"Uighur"), never for people.

Demonyms stay apart from their place ("Chinese" is not "China") but are recorded as
related. The type of an entity is the vote of its mentions (the model's errors are
outvoted), unless the alias file sets it. Every name records why it joined.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from generator.ingest.slug import SlugRegistry, slugify
from generator.link.aliases import AliasFile, AliasFileError
from generator.link.unionfind import DisjointSets
from generator.model import Article, ArticleAnalysis, Entity, LinkedMention, Mention

UNTYPED = ""  # label of a mention found by name rather than by the model: it casts no type vote
_CONNECTORS = {"of", "the", "and", "for", "de", "on", "in", "du", "des", "la", "le", "al"}
_VOWELISH = re.compile(r"[aeiouy]")
_LEGAL_SUFFIXES = {
    "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "plc", "llc", "lp",
    "group", "holdings", "ag", "sa", "spa", "nv", "bv", "gmbh", "se", "kk",
}  # fmt: skip


def normalise(name: str) -> str:
    """Comparison key of a name: "the U.S.'s" and "US" give the same key."""
    text = unicodedata.normalize("NFKD", name.replace("’", "'")).encode("ascii", "ignore").decode("ascii")
    text = text.lower().strip()
    text = re.sub(r"^the\s+", "", text)
    text = re.sub(r"'s?$", "", text)
    text = re.sub(r"\b(?:[a-z]\.){2,}", lambda m: m.group().replace(".", ""), text)  # U.S. Air Force -> us air force
    return re.sub(r"\s+", " ", text).strip(" .,-")


def _is_acronym(form: str) -> bool:
    letters = form.replace(".", "")
    return letters.isupper() and letters.isalpha() and 2 <= len(letters) <= 6


def _initials(key: str) -> str:
    return "".join(word[0] for word in key.split() if word not in _CONNECTORS and word[0].isalpha())


class _Merger(DisjointSets[str]):
    """Union-find over name keys that refuses joins the alias file forbids and remembers why keys joined."""

    def __init__(self, keep_apart: list[set[str]]) -> None:
        super().__init__()
        self.reasons: dict[str, str] = {}  # surface key -> reason, for names resolved within an article
        self.edges: dict[str, list[tuple[str, str]]] = defaultdict(list)  # key -> [(other key, why key joined other)]
        self.keep_apart = keep_apart

    def allowed(self, a: str, b: str) -> bool:
        root_a, root_b = self.find(a), self.find(b)
        for names in self.keep_apart:
            on_a = any(self.find(n) == root_a for n in names if n in self.parent)
            on_b = any(self.find(n) == root_b for n in names if n in self.parent)
            if on_a and on_b and root_a != root_b:
                return False
        return True

    def union(self, a: str, b: str, reason: str, mirror: str | None = None) -> bool:
        """Join b's group to a's. `reason` says why b is a's entity, `mirror` why a is b's ({other}: the other name)."""
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return True
        if not self.allowed(a, b):
            return False
        self.join(min(root_a, root_b), max(root_a, root_b))
        self.edges[b].append((a, reason))
        self.edges[a].append((b, mirror or reason))
        return True

    def explain(self, start: str, surface: dict[str, str]) -> dict[str, str]:
        """Why each key of start's group belongs with start: the rule on the path from start that reached it."""
        reasons = {start: "same name"}
        queue = [start]
        while queue:
            current = queue.pop(0)
            for other, _ in self.edges[current]:
                if other in reasons:
                    continue
                why = next(r for k, r in self.edges[other] if k == current)
                reasons[other] = why.format(other=surface.get(current, current))
                queue.append(other)
        return reasons


@dataclass
class _Group:
    forms: Counter[str] = field(default_factory=Counter)
    labels: Counter[str] = field(default_factory=Counter)
    articles: dict[str, None] = field(default_factory=dict)  # ordered set


def _display_name(group: _Group, kind: str) -> str:
    """Prefer a spelled-out name over an acronym, a full name over a surname, then the commonest."""

    def rank(form: str) -> tuple[int, int, int, int, str]:
        words = len(form.split())
        return (not _is_acronym(form), words if kind == "PERSON" else 0, group.forms[form], -len(form), form)

    return max(group.forms, key=rank)


def _surname_targets(mentions: tuple[Mention, ...]) -> dict[str, str]:
    """One-word name (lower-cased) -> the single full person name in this article that it is part of."""
    owners: dict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        words = mention.text.split()
        if mention.label == "PERSON" and len(words) >= 2:
            for part in (words[0], words[-1]):
                owners[part.lower()].add(mention.text)
    return {part: next(iter(full)) for part, full in owners.items() if len(full) == 1}


def find_known_names(article: Article, analysis: ArticleAnalysis, names: set[str]) -> tuple[Mention, ...]:
    """The article's mentions, plus those the model missed of names the corpus knows to be entities.

    Known names come from the alias file and acronyms defined in the corpus. They
    match case-sensitively as whole words, not inside a run of capitals (an all-caps
    headline is not a list of acronyms). A known name that spans model mentions
    ("Islamic" + "State" inside "Islamic State group") replaces them.
    """
    mentions = list(analysis.mentions)
    if not names:
        return tuple(mentions)
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    pattern = re.compile(r"(?<![\w-])(?:" + alternatives + r")(?![\w-])")
    starts = [sentence.start for sentence in analysis.sentences]
    text = article.text
    for match in pattern.finditer(text):
        start, end = match.span()
        overlapping = [m for m in mentions if start < m.end and m.start < end]
        if any(m.start < start or m.end > end or (m.start, m.end) == (start, end) for m in overlapping):
            continue
        before = text[max(0, start - 12) : start].split()
        after = text[end : end + 12].split()
        neighbours = [w for w in (before[-1:] + after[:1]) if any(c.isalpha() for c in w)]
        if match.group().isupper() and any(w.isupper() and len(w) > 1 for w in neighbours):
            continue
        mentions = [m for m in mentions if m not in overlapping]
        sentence = max(bisect_right(starts, start) - 1, 0)
        mentions.append(Mention(match.group(), UNTYPED, start, end, sentence))
    return tuple(sorted(mentions, key=lambda m: m.start))


class _Resolved:
    """Each article's mentions with the key each resolved to."""

    def __init__(self) -> None:
        self.entries: dict[str, list[tuple[str, Mention]]] = {}

    def pairs_in_one_article(self) -> set[tuple[str, str]]:
        """(short key, long key) pairs where the long key starts with the short one, seen in one article."""
        pairs: set[tuple[str, str]] = set()
        for entries in self.entries.values():
            keys = {key for key, _ in entries}
            for key in keys:
                words = key.split()
                for size in (1, 2):
                    prefix = " ".join(words[:size])
                    if size < len(words) and prefix in keys:
                        pairs.add((prefix, key))
        return pairs

    def groups(self, merger: _Merger) -> dict[str, _Group]:
        groups: dict[str, _Group] = defaultdict(_Group)
        for article_id, entries in self.entries.items():
            for key, mention in entries:
                group = groups[merger.find(key)]
                group.forms[mention.text] += 1
                if mention.label != UNTYPED:
                    group.labels[mention.label] += 1
                group.articles[article_id] = None
        return groups


def _group_type(group: _Group | None) -> str | None:
    """The type by vote; a "person" that also occurs in the plural ("Uighurs") is a group of people."""
    if group is None or not group.labels:
        return None
    kind = group.labels.most_common(1)[0][0]
    if kind == "PERSON" and all(" " not in form for form in group.forms):
        keys = {normalise(form) for form in group.forms}
        if any(k.endswith("s") and k[:-1] in keys for k in keys):
            return "NORP"
    return kind


def _join_corpus_surnames(merger: _Merger, groups: dict[str, _Group]) -> None:
    """A one-word person name joins the only full person name in the corpus that contains it."""
    owners: dict[str, list[str]] = defaultdict(list)  # word -> full-name keys starting or ending with it
    for key in sorted(merger.parent):
        words = key.split()
        if len(words) >= 2 and _group_type(groups.get(merger.find(key))) == "PERSON":
            owners[words[0]].append(key)
            if words[-1] != words[0]:
                owners[words[-1]].append(key)
    for key in list(merger.parent):
        root = merger.find(key)
        group = groups.get(root)
        if " " in key or group is None or "PERSON" not in group.labels:
            continue
        if any(" " in normalise(form) for form in group.forms):
            continue  # already part of a full name's group
        candidates = {merger.find(k) for k in owners.get(key, ())} - {root}
        if len(candidates) == 1:
            target_root = candidates.pop()
            target = next(k for k in owners[key] if merger.find(k) == target_root)
            merger.union(
                target,
                key,
                "part of the name {other}, the only such person in the corpus",
                mirror="full name of {other}",
            )


def _join_initialisms(merger: _Merger, groups: dict[str, _Group], acronym_keys: set[str]) -> None:
    """An acronym joins the only multi-word name whose initials it spells ("US" → "United States")."""
    by_initials: dict[str, set[str]] = defaultdict(set)
    by_key_initials: dict[str, list[str]] = defaultdict(list)
    for key in sorted(merger.parent):
        if len(key.split()) >= 2:
            root = merger.find(key)
            if _group_type(groups.get(root)) not in (None, "PERSON"):
                by_initials[_initials(key)].add(root)
                by_key_initials[_initials(key)].append(key)
    for key in sorted(acronym_keys):
        root = merger.find(key)
        if _group_type(groups.get(root)) == "PERSON":
            continue
        candidates = {merger.find(r) for r in by_initials.get(key.replace(" ", ""), ())} - {root}
        if len(candidates) == 1:
            target_root = candidates.pop()
            target = next(k for k in by_key_initials[key.replace(" ", "")] if merger.find(k) == target_root)
            merger.union(target, key, "initials of {other}", mirror="spelled out as {other}")


def _strip_legal_suffix(key: str) -> str:
    words = [w.strip(".,") for w in key.split()]
    while len(words) > 1 and words[-1] in _LEGAL_SUFFIXES:
        words.pop()
    return " ".join(words)


def _join_company_names(merger: _Merger, groups: dict[str, _Group], together: set[tuple[str, str]]) -> None:
    """Organisations under a shorter name: "Apple Inc." is "Apple"; "Northrop" is "Northrop Grumman".

    A legal suffix (Inc., Corp., plc, Group, …) is dropped when the bare name is known.
    A one- or two-word organisation name that begins exactly one longer organisation
    name joins it when the two appear in one article somewhere in the corpus.
    """
    keys = sorted(merger.parent)
    for key in keys:
        bare = _strip_legal_suffix(key)
        if bare != key and bare in merger.parent and _group_type(groups.get(merger.find(key))) == "ORG":
            merger.union(bare, key, "{other} with its legal suffix", mirror="{other} without its legal suffix")
    longer: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        words = key.split()
        if len(words) >= 2 and _group_type(groups.get(merger.find(key))) == "ORG":
            for size in (1, 2):
                if size < len(words):
                    longer[" ".join(words[:size])].add(key)
    for short in keys:
        if len(short) < 3 or _group_type(groups.get(merger.find(short))) != "ORG" or short not in longer:
            continue
        roots = {merger.find(k) for k in longer[short]} - {merger.find(short)}
        if len(roots) != 1:
            continue
        target_root = roots.pop()
        candidates = [k for k in longer[short] if merger.find(k) == target_root and (short, k) in together]
        if candidates:
            merger.union(candidates[0], short, "short form of {other}", mirror="full name of {other}")


def _join_spelling_variants(merger: _Merger, groups: dict[str, _Group]) -> None:
    """Names that differ in one vowel (Uyghur/Uighur) join, except people's names and short words."""
    buckets: dict[tuple[str, int], list[str]] = defaultdict(list)
    for key in sorted(merger.parent):
        if len(key.replace(" ", "")) >= 5:
            buckets[(_VOWELISH.sub("*", key), len(key))].append(key)
    for keys in buckets.values():
        for i, first in enumerate(keys):
            for second in keys[i + 1 :]:
                differing = [p for p, (x, y) in enumerate(zip(first, second, strict=True)) if x != y]
                if len(differing) != 1 or differing[0] == len(first) - 1:
                    continue
                kinds = {_group_type(groups.get(merger.find(k))) for k in (first, second)}
                if "PERSON" in kinds:
                    continue
                merger.union(first, second, "spelling variant of {other}")


def _related_demonyms(entities: list[Entity]) -> dict[str, set[str]]:
    """NORP entities and the place they are named after ("Chinese" ~ "China"): related, not merged."""
    places: dict[str, list[Entity]] = defaultdict(list)
    for entity in entities:
        if entity.type in ("GPE", "LOC") and " " not in entity.name and len(entity.name) >= 4:
            places[normalise(entity.name)[:4]].append(entity)
    related: dict[str, set[str]] = defaultdict(set)
    for entity in entities:
        key = normalise(entity.name)
        if entity.type != "NORP" or " " in key:
            continue
        for place in places.get(key[:4], []):
            place_key = normalise(place.name)
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


def link_entities(
    articles: list[Article], analyses: dict[str, ArticleAnalysis], alias_file: AliasFile | None = None
) -> tuple[tuple[Entity, ...], dict[str, tuple[LinkedMention, ...]]]:
    """All corpus entities (most mentioned first) and each article's mentions resolved to them."""
    alias_file = alias_file or AliasFile()
    merger = _Merger([{normalise(n) for n in entry.names} for entry in alias_file.keep_apart])
    forced_type: dict[str, str] = {}
    display: dict[str, str] = {}

    for group in alias_file.groups:
        head = normalise(group.name)
        merger.add(head)
        for alias in group.aliases:
            if not merger.union(head, normalise(alias), f"alias file (line {group.line})"):
                raise AliasFileError(
                    f"alias file line {group.line}: {alias!r} and {group.name!r} are also listed under keep_apart"
                )
        display[head] = group.name
        if group.type:
            forced_type[head] = group.type

    expansions: dict[str, set[str]] = defaultdict(set)
    definer: dict[tuple[str, str], str] = {}
    for article in articles:
        for acronym in analyses[article.id].acronyms:
            expansions[normalise(acronym.short)].add(normalise(acronym.long))
            definer.setdefault((acronym.short, acronym.long), article.id)
    defined = {short for (short, _long) in definer if len(expansions[normalise(short)]) == 1}
    for (short, long), article_id in definer.items():
        if short in defined:
            merger.union(
                normalise(long),
                normalise(short),
                f"acronym of {{other}}, defined in article {article_id}",
                mirror=f"expansion of {{other}}, defined in article {article_id}",
            )

    known_names = {a for g in alias_file.groups for a in (g.name, *g.aliases)} | defined
    resolved = _Resolved()
    acronym_keys: set[str] = set()
    for article in articles:
        mentions = find_known_names(article, analyses[article.id], known_names)
        surnames = _surname_targets(mentions)
        entries = []
        for mention in mentions:
            key = normalise(mention.text)
            if not key:
                continue
            target = surnames.get(mention.text.lower()) if " " not in mention.text else None
            if target is not None and target != mention.text and merger.allowed(key, normalise(target)):
                merger.reasons.setdefault(key, f"part of the name {target}, given in article {article.id}")
                key = normalise(target)
            if _is_acronym(mention.text):
                acronym_keys.add(key)
            merger.add(key)
            entries.append((key, mention))
        resolved.entries[article.id] = entries

    for key in sorted(merger.parent):
        if " " not in key and len(key) > 4 and key.endswith("s") and key[:-1] in merger.parent:
            merger.union(key[:-1], key, "plural of {other}", mirror="singular of {other}")

    _join_corpus_surnames(merger, resolved.groups(merger))
    _join_company_names(merger, resolved.groups(merger), resolved.pairs_in_one_article())
    _join_initialisms(merger, resolved.groups(merger), acronym_keys)
    _join_spelling_variants(merger, resolved.groups(merger))

    groups = resolved.groups(merger)
    surface: dict[str, str] = {}
    for group in groups.values():
        for form, _ in group.forms.most_common():
            surface.setdefault(normalise(form), form)
    forced = {merger.find(k): v for k, v in forced_type.items()}
    named = {merger.find(k): v for k, v in display.items()}
    slugs = SlugRegistry()
    entity_of_root: dict[str, Entity] = {}
    ordered = sorted(groups.items(), key=lambda item: (-sum(item[1].forms.values()), item[0]))
    for root, group in ordered:
        kind = forced.get(root) or _group_type(group) or "ORG"
        name = named.get(root) or _display_name(group, kind)
        slug = slugs.claim(slugify(name), root)
        aliases = tuple(form for form, _ in group.forms.most_common())
        start = normalise(name) if normalise(name) in merger.parent else root
        explained = merger.explain(start, surface)
        reasons = {}
        for alias in aliases:
            key = normalise(alias)
            reasons[alias] = merger.reasons.get(key) or explained.get(key, "same entity")
            if key == start:
                reasons[alias] = "same name"
        entity_of_root[root] = Entity(
            id=slug,
            slug=slug,
            name=name,
            type=kind,
            aliases=aliases,
            articles=tuple(group.articles),
            mention_count=sum(group.forms.values()),
            alias_reasons=reasons,
        )

    entities = [entity_of_root[root] for root, _ in ordered]
    related = _related_demonyms(entities)
    entities = [replace(e, related=tuple(sorted(related[e.id]))) if e.id in related else e for e in entities]
    linked: dict[str, tuple[LinkedMention, ...]] = {}
    for article in articles:
        linked[article.id] = tuple(
            LinkedMention(entity_of_root[merger.find(key)].id, m.text, m.start, m.end, m.sentence)
            for key, m in resolved.entries[article.id]
        )
    return tuple(entities), linked
