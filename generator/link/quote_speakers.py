"""Quote speakers resolved to corpus entities, only where the text's words name that entity.

A quote's speaker (its name as written, or for "he said" the name the pronoun stands
for) is the entity of the mention that ends where the speaker's words end: "Geng Shuang"
is Geng Shuang, but "one Uighur militant" is a militant, not the Uighur people, and a
description ("a White House official") is no entity at all. A speaker must be someone
who can speak: a person, or an organisation, a country or a group speaking as one
("the Foreign Ministry said"); an entity that the corpus types as anything else (a
date, a work, a product, a law) is not a speaker, whatever one article's parse said.
"""

from __future__ import annotations

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
    speakers: dict[tuple[str, int], str] = {}
    for article in articles:
        for index, quote in enumerate(analyses[article.id].quotes):
            if quote.speaker_start is None or quote.speaker_end is None or quote.speaker_kind == "description":
                continue
            for mention in mentions.get(article.id, ()):
                if quote.speaker_start <= mention.start and mention.end == quote.speaker_end:
                    if type_of.get(mention.entity) in SPEAKING_TYPES:
                        speakers[(article.id, index)] = mention.entity
                    break
    return speakers


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
