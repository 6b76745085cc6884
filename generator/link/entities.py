"""Entity canonicalisation: every mention in the corpus resolved to one entity, with reasons.

Names are compared by a normalised key (case, accents, "the", possessives and
dots folded). Keys are joined by: the user's alias file; acronyms a text defines
("Islamic State (IS)"); simple plurals of one-word names ("Uighurs" → "Uighur").
Within one article, a one-word mention that is the surname (or family name) of
exactly one full name given there is resolved to that person. The type of an
entity is the vote of its mentions, unless the alias file sets it.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from generator.ingest.slug import SlugRegistry, slugify
from generator.link.aliases import AliasGroup
from generator.model import Article, ArticleAnalysis, Entity, LinkedMention, Mention

UNTYPED = ""  # label of a mention found by name rather than by the model: it casts no type vote


def normalise(name: str) -> str:
    """Comparison key of a name: "the U.S.'s" and "US" give the same key."""
    text = unicodedata.normalize("NFKD", name.replace("’", "'")).encode("ascii", "ignore").decode("ascii")
    text = text.lower().strip()
    text = re.sub(r"^the\s+", "", text)
    text = re.sub(r"'s?$", "", text)
    if re.fullmatch(r"(?:[a-z]\.){2,}[a-z]?\.?", text):
        text = text.replace(".", "")
    return re.sub(r"\s+", " ", text).strip(" .,-")


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self.parent[max(root_a, root_b)] = min(root_a, root_b)


@dataclass
class _Group:
    forms: Counter[str] = field(default_factory=Counter)
    labels: Counter[str] = field(default_factory=Counter)
    articles: dict[str, None] = field(default_factory=dict)  # ordered set
    person_forms: Counter[str] = field(default_factory=Counter)


def _is_acronym(form: str) -> bool:
    letters = form.replace(".", "")
    return letters.isupper() and len(letters) <= 6


def _display_name(group: _Group, kind: str) -> str:
    """Prefer a spelled-out name over an acronym, a full name over a surname, then the commonest."""

    def rank(form: str) -> tuple[int, int, int, int]:
        words = len(form.split())
        return (not _is_acronym(form), words if kind == "PERSON" else 0, group.forms[form], len(form))

    return max(group.forms, key=rank)


def _surname_targets(mentions: list[tuple[str, str]]) -> dict[str, str]:
    """One-word name -> the single full person name in this article that it is part of."""
    owners: dict[str, set[str]] = defaultdict(set)
    for text, label in mentions:
        words = text.split()
        if label == "PERSON" and len(words) >= 2:
            for part in (words[0], words[-1]):
                owners[part.lower()].add(text)
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


def link_entities(
    articles: list[Article], analyses: dict[str, ArticleAnalysis], alias_groups: list[AliasGroup]
) -> tuple[tuple[Entity, ...], dict[str, tuple[LinkedMention, ...]]]:
    """All corpus entities (most mentioned first) and each article's mentions resolved to them."""
    union = _UnionFind()
    reasons: dict[str, str] = {}
    forced_type: dict[str, str] = {}
    display: dict[str, str] = {}

    for group in alias_groups:
        head = normalise(group.name)
        union.find(head)
        for alias in group.aliases:
            union.union(head, normalise(alias))
            reasons.setdefault(alias, f"alias file (line {group.line})")
        display[head] = group.name
        if group.type:
            forced_type[head] = group.type

    expansions: dict[str, set[str]] = defaultdict(set)
    definer: dict[tuple[str, str], str] = {}
    for article in articles:
        for acronym in analyses[article.id].acronyms:
            expansions[normalise(acronym.short)].add(normalise(acronym.long))
            definer.setdefault((acronym.short, acronym.long), article.id)
    for (short, long), article_id in definer.items():
        if len(expansions[normalise(short)]) == 1:
            union.union(normalise(long), normalise(short))
            reasons.setdefault(short, f"acronym of {long}, defined in article {article_id}")

    known_names = {a for g in alias_groups for a in (g.name, *g.aliases)}
    known_names |= {short for (short, _long) in definer if len(expansions[normalise(short)]) == 1}

    # Resolve each mention to a key; surnames resolve within their article.
    resolved: dict[str, list[tuple[str, object]]] = {}
    for article in articles:
        analysis = analyses[article.id]
        mentions = find_known_names(article, analysis, known_names)
        surnames = _surname_targets([(m.text, m.label) for m in mentions])
        entries = []
        for mention in mentions:
            key = normalise(mention.text)
            if not key:
                continue
            target = surnames.get(mention.text.lower()) if " " not in mention.text else None
            if target is not None and target != mention.text:
                reasons.setdefault(mention.text, f"part of the name {target}, given in article {article.id}")
                key = normalise(target)
            union.find(key)
            entries.append((key, mention))
        resolved[article.id] = entries

    # One-word plurals join their singular when the corpus has it ("Uighurs" -> "Uighur").
    for key in list(union.parent):
        if " " not in key and len(key) > 4 and key.endswith("s") and key[:-1] in union.parent:
            union.union(key[:-1], key)

    groups: dict[str, _Group] = defaultdict(_Group)
    for article in articles:
        for key, mention in resolved[article.id]:
            group = groups[union.find(key)]
            group.forms[mention.text] += 1  # type: ignore[attr-defined]
            if mention.label != UNTYPED:  # type: ignore[attr-defined]
                group.labels[mention.label] += 1  # type: ignore[attr-defined]
            group.articles[article.id] = None

    slugs = SlugRegistry()
    entity_of_root: dict[str, Entity] = {}
    ordered = sorted(groups.items(), key=lambda item: (-sum(item[1].forms.values()), item[0]))
    for root, group in ordered:
        kind = next((forced_type[k] for k in forced_type if union.find(k) == root), None)
        kind = kind or (group.labels.most_common(1)[0][0] if group.labels else "ORG")
        name = next((display[k] for k in display if union.find(k) == root), None) or _display_name(group, kind)
        slug = slugs.claim(slugify(name), root)
        aliases = tuple(form for form, _ in group.forms.most_common())
        entity_of_root[root] = Entity(
            id=slug,
            slug=slug,
            name=name,
            type=kind,
            aliases=aliases,
            articles=tuple(group.articles),
            mention_count=sum(group.forms.values()),
            alias_reasons={
                alias: reasons.get(alias, "same name" if normalise(alias) == normalise(name) else "same entity")
                for alias in aliases
            },
        )

    linked: dict[str, tuple[LinkedMention, ...]] = {}
    for article in articles:
        linked[article.id] = tuple(
            LinkedMention(entity_of_root[union.find(key)].id, m.text, m.start, m.end, m.sentence)  # type: ignore[attr-defined]
            for key, m in resolved[article.id]
        )
    return tuple(entity_of_root[root] for root, _ in ordered), linked
