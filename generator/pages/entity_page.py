"""The entity page (`entity.md`): one entity's names, mentions, quotes and neighbours."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import date

from generator.model import Article, Corpus, Entity, LinkedMention
from generator.pages.markdown import MD, escape
from generator.pages.paths import entity_path
from generator.pages.refs import ArticleRow, Ref, article_ref, article_rows, entity_ref, source_ref
from generator.pages.site import Site

PARTNERS = 10  # entities listed under "Appears with"
PICTURE_MIN_ARTICLES = 3  # entities named in fewer articles get the table of partners without the picture
MENTION_ARTICLES = 10  # articles whose sentences naming the entity are shown (the latest); the rest are listed
SENTENCES_PER_ARTICLE = 2
QUOTES_SHOWN = 15  # quotes said by the entity, and quotes naming it, shown on its page (the first found)


@dataclass(frozen=True)
class MentionsIn:
    """The sentences of one article that name the entity."""

    article: Ref
    source: Ref
    date: str
    sentences: tuple[MD, ...]  # each sentence, escaped, the mention in bold


@dataclass(frozen=True)
class QuoteSeen:
    text: str
    speaker: str | None  # as written in the article
    article: Ref
    source: str
    date: str


@dataclass(frozen=True)
class Partner:
    """An entity named with this one."""

    entity: Ref
    type: str
    sentences: int  # sentences naming both
    articles: int  # articles naming both


@dataclass(frozen=True)
class EntityPage:
    """Context of `entity.md`."""

    page: str
    entity: Entity  # name, type, aliases (most used first), alias_reasons, mention_count, articles
    sources: int  # sources whose articles name it
    first_seen: date | None  # earliest and latest dated article naming it
    last_seen: date | None
    related: tuple[Ref, ...]  # entities related but not the same (a demonym and its place)
    ambiguous: tuple[Ref, ...]  # the entities this short name may denote, when the articles do not tell which
    names_by_source: tuple[tuple[Ref, tuple[str, ...]], ...]  # source, the names it uses (most used first)
    mentions: tuple[MentionsIn, ...]  # the latest MENTION_ARTICLES articles naming it, latest first, undated last
    more_sentences: int  # sentences naming it in those articles beyond SENTENCES_PER_ARTICLE each
    other_articles: tuple[ArticleRow, ...]  # the further articles naming it, latest first
    spoken: tuple[QuoteSeen, ...]  # quotes it speaks (at most QUOTES_SHOWN)
    spoken_total: int
    about: tuple[QuoteSeen, ...]  # quotes that name it (at most QUOTES_SHOWN)
    about_total: int
    quotes_page: Ref | None  # its section of the quotes pages, when it speaks any
    neighbours: MD  # picture of the entities most often named with it ("" when none)
    partners: tuple[Partner, ...]  # most shared sentences first


def _highlighted(corpus: Corpus, article: Article, mention: LinkedMention) -> MD:
    sentence = corpus.analyses[article.id].sentences[mention.sentence]
    before = article.text[sentence.start : mention.start]
    after = article.text[mention.end : sentence.end]
    return MD(f"{escape(before)}**{escape(mention.text)}**{escape(after)}")


def latest_first(corpus: Corpus, article_ids: tuple[str, ...]) -> list[str]:
    """Latest dated article first, undated last (then by id, for a stable order)."""
    dated = sorted((a for a in article_ids if corpus.article(a).date), key=lambda a: (corpus.article(a).date, a))
    return [*reversed(dated), *sorted(a for a in article_ids if not corpus.article(a).date)]


def mentions_by_article(corpus: Corpus, entity: Entity, article_ids: list[str]) -> tuple[MentionsIn, ...]:
    """For each of these articles: the sentences naming the entity (mention in bold), in the order given."""
    rows: list[MentionsIn] = []
    for article_id in article_ids:
        article = corpus.article(article_id)
        seen: set[int] = set()
        sentences: list[MD] = []
        for mention in corpus.mentions[article_id]:
            if mention.entity != entity.id or mention.sentence in seen:
                continue
            seen.add(mention.sentence)
            sentences.append(_highlighted(corpus, article, mention))
        rows.append(
            MentionsIn(
                article_ref(corpus, article_id),
                source_ref(corpus.source_of(article_id)),
                article.date_label,
                tuple(sentences),
            )
        )
    return tuple(rows)


def names_by_source(corpus: Corpus, entity: Entity) -> tuple[tuple[Ref, tuple[str, ...]], ...]:
    used: dict[str, Counter[str]] = defaultdict(Counter)
    for article_id in entity.articles:
        source_id = corpus.index.source_of_article[article_id]
        for mention in corpus.mentions[article_id]:
            if mention.entity == entity.id:
                used[source_id][mention.text] += 1
    return tuple(
        (source_ref(corpus.source(sid)), tuple(n for n, _ in counts.most_common())) for sid, counts in used.items()
    )


def co_occurring(corpus: Corpus, entity: Entity, top: int = PARTNERS) -> tuple[Partner, ...]:
    """Entities sharing articles and sentences with this one, most shared sentences first."""
    sentences: Counter[str] = Counter()
    articles: Counter[str] = Counter()
    for article_id in entity.articles:
        mentions = corpus.mentions[article_id]
        own = {m.sentence for m in mentions if m.entity == entity.id}
        others_in_sentence = {(m.entity, m.sentence) for m in mentions if m.entity != entity.id and m.sentence in own}
        for other, _ in others_in_sentence:
            sentences[other] += 1
        for other in {m.entity for m in mentions if m.entity != entity.id}:
            articles[other] += 1
    ranked = sorted(articles, key=lambda e: (-sentences[e], -articles[e], corpus.entity(e).name))
    return tuple(Partner(entity_ref(corpus, e), corpus.entity(e).type, sentences[e], articles[e]) for e in ranked[:top])


def entity_quotes(corpus: Corpus, entity: Entity) -> tuple[tuple[QuoteSeen, ...], tuple[QuoteSeen, ...]]:
    """Quotes the entity speaks, and quotes that name it, each with its article."""
    spoken: list[QuoteSeen] = []
    about: list[QuoteSeen] = []
    for article_id in entity.articles:
        article = corpus.article(article_id)
        mentions = [m for m in corpus.mentions[article_id] if m.entity == entity.id]
        source = corpus.source_of(article_id).name
        for index, quote in enumerate(corpus.analyses[article_id].quotes):
            seen = QuoteSeen(quote.text, quote.speaker, article_ref(corpus, article_id), source, article.date_label)
            if corpus.quote_speakers.get((article_id, index)) == entity.id:
                spoken.append(seen)
            elif any(quote.start <= m.start and m.end <= quote.end for m in mentions):
                about.append(seen)
    return tuple(spoken), tuple(about)


def entity_page(site: Site, entity: Entity) -> EntityPage:
    corpus = site.corpus
    page = entity_path(entity)
    dated = sorted(d for d in (corpus.article(a).date for a in entity.articles) if d is not None)
    spoken, about = entity_quotes(corpus, entity)
    ordered = latest_first(corpus, entity.articles)
    shown = mentions_by_article(corpus, entity, ordered[:MENTION_ARTICLES])
    speaks = [g for g in corpus.quote_groups if g.speaker == entity.id]
    return EntityPage(
        page=page,
        entity=entity,
        sources=len({corpus.index.source_of_article[a] for a in entity.articles}),
        first_seen=dated[0] if dated else None,
        last_seen=dated[-1] if dated else None,
        related=tuple(entity_ref(corpus, r) for r in entity.related),
        ambiguous=tuple(entity_ref(corpus, e) for e in entity.ambiguous_with if e in corpus.index.entities),
        names_by_source=names_by_source(corpus, entity),
        mentions=tuple(replace(m, sentences=m.sentences[:SENTENCES_PER_ARTICLE]) for m in shown),
        more_sentences=sum(max(0, len(m.sentences) - SENTENCES_PER_ARTICLE) for m in shown),
        other_articles=article_rows(corpus, ordered[MENTION_ARTICLES:]),
        spoken=spoken[:QUOTES_SHOWN],
        spoken_total=len(spoken),
        about=about[:QUOTES_SHOWN],
        about_total=len(about),
        quotes_page=site.quotes.ref("all its quotes, with every wording", speaks[0].id) if speaks else None,
        neighbours=site.graph.neighbours_svg(entity, page) if len(entity.articles) >= PICTURE_MIN_ARTICLES else MD(""),
        partners=co_occurring(corpus, entity),
    )
