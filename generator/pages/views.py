"""What each page shows, computed from the Corpus: plain data for the templates."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass

from generator.analyse.keywords import fold_phrase
from generator.link.entities import normalise
from generator.model import Article, Corpus, Entity, LinkedMention, Quote, Source, Topic
from generator.pages.markdown import MD, escape, link, relative


def article_path(article: Article) -> str:
    return f"articles/{article.slug}.md"


def entity_path(entity: Entity) -> str:
    return f"entities/{entity.slug}.md"


def topic_path(topic: Topic) -> str:
    return f"topics/{topic.slug}.md"


def source_path(source: Source) -> str:
    return f"sources/{source.slug}.md"


PROVENANCE_NOTE = {
    "given": "given",
    "inferred": "read from the text",
    "derived": "derived from the text",
}


def provenance_note(article: Article, name: str) -> MD:
    """ " *(given)*", " *(read from the text)*", … or " *(unknown)*" for a metadata field."""
    how = article.provenance.get(name)
    if how is None:
        return MD("" if name == "author" else " *(unknown)*")
    return MD(f" *({PROVENANCE_NOTE[how]})*")


@dataclass(frozen=True)
class Lookup:
    """Indexes over the corpus that several pages need."""

    corpus: Corpus
    entities: dict[str, Entity]
    topics: dict[str, Topic]
    source_of_article: dict[str, Source]
    paged_entities: frozenset[str]
    entities_named: dict[str, frozenset[str]]  # normalised name -> ids of the paged entities called so

    @classmethod
    def build(cls, corpus: Corpus, entity_min_articles: int) -> Lookup:
        source_of = {aid: s for s in corpus.sources for aid in s.articles}
        paged = frozenset(e.id for e in corpus.entities if len(e.articles) >= entity_min_articles)
        named: dict[str, set[str]] = defaultdict(set)
        for entity in corpus.entities:
            if entity.id in paged:
                for name in (entity.name, *entity.aliases):
                    named[normalise(name)].add(entity.id)
        return cls(
            corpus,
            {e.id: e for e in corpus.entities},
            {t.id: t for t in corpus.topics},
            source_of,
            paged,
            {k: frozenset(v) for k, v in named.items()},
        )

    def keyword_link(self, keyword: str, from_page: str, article_ids: tuple[str, ...] | None = None) -> MD:
        """A keyword, linked to the entity page when it is an entity's name (the one these articles mention)."""
        candidates = self.entities_named.get(normalise(keyword), frozenset())
        if article_ids is not None and len(candidates) > 1:
            mentioned = {m.entity for a in article_ids for m in self.corpus.mentions[a]}
            candidates = candidates & mentioned
        if len(candidates) == 1:
            return link(keyword, from_page, entity_path(self.entities[next(iter(candidates))]))
        return escape(keyword)

    def entity_link(self, entity_id: str, from_page: str, text: str | None = None) -> MD:
        entity = self.entities[entity_id]
        label = text if text is not None else entity.name
        if entity_id in self.paged_entities:
            return link(label, from_page, entity_path(entity))
        return escape(label)

    def article_link(self, article_id: str, from_page: str) -> MD:
        article = self.corpus.article(article_id)
        return link(article.title, from_page, article_path(article))

    def source_link(self, article_id: str, from_page: str) -> MD:
        source = self.source_of_article[article_id]
        return link(source.name, from_page, source_path(source))

    def topic_link(self, article_id: str, from_page: str) -> MD:
        topic = self.topics[self.corpus.article_topic[article_id]]
        return link(topic.label, from_page, topic_path(topic))


def linked_text(text: str, mentions: tuple[LinkedMention, ...], lookup: Lookup, from_page: str, offset: int = 0) -> MD:
    """Escaped text with each mention (offsets relative to `offset`) linked to its entity page."""
    out: list[str] = []
    cursor = 0
    for mention in sorted(mentions, key=lambda m: m.start):
        start, end = mention.start - offset, mention.end - offset
        if start < cursor or start < 0 or end > len(text):
            continue
        out.append(escape(text[cursor:start], inline=True))
        out.append(lookup.entity_link(mention.entity, from_page, text[start:end]))
        cursor = end
    out.append(escape(text[cursor:], inline=True))
    return MD("".join(out))


def paragraphs(article: Article, lookup: Lookup, from_page: str) -> list[MD]:
    """The article text, paragraph by paragraph, with entity mentions linked."""
    mentions = lookup.corpus.mentions[article.id]
    result: list[MD] = []
    for match in re.finditer(r"[^\n]+", article.text):
        if not match.group().strip():
            continue
        inside = tuple(m for m in mentions if match.start() <= m.start and m.end <= match.end())
        result.append(linked_text(match.group(), inside, lookup, from_page, offset=match.start()))
    return result


def highlighted_sentence(article: Article, sentence_index: int, mention: LinkedMention, lookup: Lookup) -> MD:
    sentence = lookup.corpus.analyses[article.id].sentences[sentence_index]
    before = article.text[sentence.start : mention.start]
    after = article.text[mention.end : sentence.end]
    return MD(f"{escape(before)}**{escape(mention.text)}**{escape(after)}")


def entity_mentions_by_article(entity: Entity, lookup: Lookup) -> list[tuple[Article, list[MD], list[str]]]:
    """For each article naming the entity: the sentences (mention in bold) and the names used."""
    rows = []
    for article_id in entity.articles:
        article = lookup.corpus.article(article_id)
        seen: set[int] = set()
        sentences: list[MD] = []
        names: Counter[str] = Counter()
        for mention in lookup.corpus.mentions[article_id]:
            if mention.entity != entity.id:
                continue
            names[mention.text] += 1
            if mention.sentence in seen:
                continue
            seen.add(mention.sentence)
            sentences.append(highlighted_sentence(article, mention.sentence, mention, lookup))
        rows.append((article, sentences, [n for n, _ in names.most_common()]))
    rows.sort(key=lambda row: (row[0].date is None, row[0].date or 0, row[0].id))  # type: ignore[operator]
    return rows


def names_by_source(entity: Entity, lookup: Lookup) -> list[tuple[Source, list[str]]]:
    used: dict[str, Counter[str]] = defaultdict(Counter)
    for article_id in entity.articles:
        source = lookup.source_of_article[article_id]
        for mention in lookup.corpus.mentions[article_id]:
            if mention.entity == entity.id:
                used[source.id][mention.text] += 1
    by_id = {s.id: s for s in lookup.corpus.sources}
    return [(by_id[sid], [n for n, _ in counts.most_common()]) for sid, counts in used.items()]


def co_occurring(entity: Entity, lookup: Lookup, top: int = 15) -> list[tuple[Entity, int, int]]:
    """Entities sharing articles and sentences with this one: (entity, shared sentences, shared articles)."""
    sentences: Counter[str] = Counter()
    articles: Counter[str] = Counter()
    for article_id in entity.articles:
        mentions = lookup.corpus.mentions[article_id]
        own = {m.sentence for m in mentions if m.entity == entity.id}
        others_in_sentence = {(m.entity, m.sentence) for m in mentions if m.entity != entity.id and m.sentence in own}
        for other, _ in others_in_sentence:
            sentences[other] += 1
        for other in {m.entity for m in mentions if m.entity != entity.id}:
            articles[other] += 1
    ranked = sorted(articles, key=lambda e: (-sentences[e], -articles[e], lookup.entities[e].name))
    return [(lookup.entities[e], sentences[e], articles[e]) for e in ranked[:top]]


def article_dates(article_ids: tuple[str, ...], corpus: Corpus) -> list:
    """The known dates of these articles, earliest first."""
    return sorted(d for d in (corpus.article(a).date for a in article_ids) if d is not None)


def sources_of(article_ids: tuple[str, ...], lookup: Lookup) -> list[Source]:
    """The distinct sources of these articles, most articles first."""
    counts = Counter(lookup.source_of_article[a].id for a in article_ids)
    by_id = {s.id: s for s in lookup.corpus.sources}
    return [by_id[sid] for sid, _ in counts.most_common()]


def topics_of(article_ids: tuple[str, ...], lookup: Lookup) -> list[Topic]:
    counts = Counter(lookup.corpus.article_topic[a] for a in article_ids)
    return [lookup.topics[tid] for tid, _ in counts.most_common()]


def entity_quotes(entity: Entity, lookup: Lookup) -> tuple[list[tuple[Article, Quote]], list[tuple[Article, Quote]]]:
    """Quotes the entity speaks, and quotes that name it, each with its article."""
    corpus = lookup.corpus
    spoken: list[tuple[Article, Quote]] = []
    about: list[tuple[Article, Quote]] = []
    for article_id in entity.articles:
        article = corpus.article(article_id)
        mentions = [m for m in corpus.mentions[article_id] if m.entity == entity.id]
        for index, quote in enumerate(corpus.analyses[article_id].quotes):
            if corpus.quote_speakers.get((article_id, index)) == entity.id:
                spoken.append((article, quote))
            elif any(quote.start <= m.start and m.end <= quote.end for m in mentions):
                about.append((article, quote))
    return spoken, about


TYPE_LABELS = {
    "PERSON": "People",
    "ORG": "Organisations",
    "GPE": "Countries, cities and states",
    "LOC": "Places",
    "NORP": "Nationalities, religious and political groups",
    "FAC": "Buildings and facilities",
    "EVENT": "Events",
    "PRODUCT": "Products",
    "WORK_OF_ART": "Works",
    "LAW": "Laws",
}


def anchor(heading: str) -> str:
    """The id Python-Markdown's toc extension gives a heading (its default slugify)."""
    value = unicodedata.normalize("NFKD", heading).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value).strip().lower()
    return re.sub(r"[-\s]+", "-", value)


def entities_by_type(corpus: Corpus) -> list[tuple[str, list[Entity]]]:
    """Entities grouped by type, the largest type first; within a type, most articles first."""
    groups: dict[str, list[Entity]] = defaultdict(list)
    for entity in corpus.entities:
        groups[entity.type].append(entity)
    for members in groups.values():
        members.sort(key=lambda e: (-len(e.articles), -e.mention_count, e.name))
    return sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))


def keyword_index(corpus: Corpus) -> list[tuple[str, list[str]]]:
    """Keyword (as first written) -> article ids carrying it, most shared first."""
    text_of: dict[str, str] = {}
    carriers: dict[str, list[str]] = defaultdict(list)
    for article in corpus.articles:
        for keyword in corpus.analyses[article.id].keywords:
            folded = fold_phrase(keyword.text)
            text_of.setdefault(folded, keyword.text)
            if article.id not in carriers[folded]:
                carriers[folded].append(article.id)
    ordered = sorted(carriers, key=lambda f: (-len(carriers[f]), text_of[f].lower()))
    return [(text_of[f], carriers[f]) for f in ordered]


__all__ = ["relative"]
