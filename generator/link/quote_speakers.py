"""Quote speakers resolved to corpus entities, only where the text's words name that entity.

A quote's speaker (its name as written, or for "he said" the name the pronoun stands
for) is the entity of the mention that ends where the speaker's words end: "Geng Shuang"
is Geng Shuang, but "one Uighur militant" is a militant, not the Uighur people, and a
description ("a White House official") is no entity at all. A speaker must be someone
who can speak: a person, or an organisation, a country or a group speaking as one
("the Foreign Ministry said"); an entity that the corpus types as anything else (a
date, a work, a product, a law) is not a speaker, whatever one article's parse said.
A speaker whose words end with a person's full name after title words alone ("Host Jake Tapper",
"former CNN host Jake Tapper"), where the tagger spanned no mention, is that person when the corpus
knows exactly one person of that full name; "a Hillary Clinton aide", "the wife of John Smith" and
"Craig Zadan and Neil Meron" are not.
"""

from __future__ import annotations

import re

from generator.link.names import known_given_name
from generator.link.quote_groups import shared_phrases, split_groups
from generator.model import Article, ArticleAnalysis, Entity, LinkedMention, PhraseGroup, QuoteGroup

SPEAKING_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})


def link_quote_speakers(
    articles: list[Article],
    analyses: dict[str, ArticleAnalysis],
    mentions: dict[str, tuple[LinkedMention, ...]],
    entities: tuple[Entity, ...] | list[Entity],
) -> dict[tuple[str, int], str]:
    """(article id, quote index) -> the entity id of the quote's speaker, where one is named."""
    type_of = {e.id: e.type for e in entities}
    full_names = _people_by_full_name(entities)
    speakers: dict[tuple[str, int], str] = {}
    for article in articles:
        for index, quote in enumerate(analyses[article.id].quotes):
            if quote.speaker_start is None or quote.speaker_end is None:
                continue
            found = None
            if quote.speaker_kind != "description":
                for mention in mentions.get(article.id, ()):
                    if quote.speaker_start <= mention.start and mention.end == quote.speaker_end:
                        found = mention.entity if type_of.get(mention.entity) in SPEAKING_TYPES else ""
                        break
            if found is None and quote.speaker:
                found = _titled_full_name(quote.speaker, full_names)
            if found:
                speakers[(article.id, index)] = found
    return speakers


_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*\.?")
_NOT_A_TITLE = {"of", "for", "and", "or", "nor", "with", "by", "from", "to", "at", "in", "on", "&", "who", "whose"}


def _people_by_full_name(entities: tuple[Entity, ...] | list[Entity]) -> dict[tuple[str, ...], str | None]:
    """Each full name (two words or more) of a person entity, its name or an alias, to that entity; None when
    two people share it."""
    found: dict[tuple[str, ...], str | None] = {}
    for entity in entities:
        if entity.type != "PERSON":
            continue
        for name in {entity.name, *entity.aliases}:
            words = tuple(_WORD.findall(name))
            if len(words) >= 2 and all(w[:1].isupper() for w in words):
                found[words] = entity.id if found.get(words, entity.id) == entity.id else None
    return found


def _titled_full_name(speaker: str, full_names: dict[tuple[str, ...], str | None]) -> str | None:
    """The person whose full name ends the speaker's words after title words alone ("Host Jake Tapper"):
    nothing before the name that makes the phrase someone else ("of", "and", a possessive, a comma)."""
    if "," in speaker or "'s " in speaker or "’s " in speaker or any(ch in speaker for ch in "&/+"):
        return None  # "Craig Zadan & Neil Meron" said it together: not Meron alone
    words = _WORD.findall(speaker)
    for size in range(len(words), 1, -1):
        name = tuple(words[-size:])
        if name not in full_names:
            continue
        before = words[:-size]
        if full_names[name] is None or any(w.lower() in _NOT_A_TITLE for w in before):
            return None  # two people of that name; or "the wife of John Smith"
        if before and known_given_name(before[-1].lower()):
            return None  # "Sarah Jessica Parker" is not the corpus's Jessica Parker
        return full_names[name]
    return None


def link_quotes(
    articles: list[Article],
    analyses: dict[str, ArticleAnalysis],
    mentions: dict[str, tuple[LinkedMention, ...]],
    entities: tuple[Entity, ...] | list[Entity],
) -> tuple[dict[tuple[str, int], str], tuple[QuoteGroup, ...], tuple[PhraseGroup, ...]]:
    """Everything the corpus knows about quotes: speakers as entities, quote groups, phrases."""
    speakers = link_quote_speakers(articles, analyses, mentions, entities)
    groups, short_shared = split_groups(articles, analyses, speakers)
    return speakers, groups, shared_phrases(articles, analyses, short_shared)
