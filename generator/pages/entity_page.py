"""The entity page (`entity.md`): one entity's names, mentions, quotes and neighbours."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

from generator.model import Article, Corpus, Entity, LinkedMention
from generator.pages.markdown import MD, escape
from generator.pages.paths import entity_path
from generator.pages.refs import Ref, article_ref, entity_ref, source_ref
from generator.pages.site import Site

PARTNERS = 10  # entities listed under "Appears with"
PICTURE_MIN_ARTICLES = 3  # entities named in fewer articles get the table of partners without the picture
MENTION_ARTICLES = 5  # articles whose first sentence naming the entity is shown (the most central); the rest linked
QUOTES_SHOWN = 15  # quotes said by the entity, and quotes naming it, shown on its page (the first found)


@dataclass(frozen=True)
class MentionsIn:
    """One article naming the entity: its first sentence that does, and how often it is named there."""

    article: Ref
    source: Ref
    date: str
    sentence: MD  # escaped, the mention in bold
    mentions: int  # mentions of the entity in the article
    sentences: int  # sentences of the article naming it


@dataclass(frozen=True)
class ArticleNaming:
    """A further article naming the entity: one line of the list under the sentences shown."""

    article: Ref
    source: str
    date: str
    mentions: int


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
    mentions: int  # its own mentions in the corpus (the size of its circle in the picture)


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
    reasons: tuple[tuple[str, str], ...]  # each name and why it is this entity; () when its one name is all
    names_by_source: tuple[tuple[tuple[str, ...], tuple[Ref, ...]], ...]  # names (most used first), the sources
    # using just those (`names_by_source`)
    mentions: tuple[MentionsIn, ...]  # the MENTION_ARTICLES articles it is most central to (`most_central_first`)
    other_articles: tuple[ArticleNaming, ...]  # the further articles naming it, latest first, undated last
    spoken: tuple[QuoteSeen, ...]  # quotes it speaks (at most QUOTES_SHOWN)
    spoken_total: int
    about: tuple[QuoteSeen, ...]  # quotes that name it (at most QUOTES_SHOWN)
    about_total: int
    quotes_page: Ref | None  # its section of the quotes pages, when it speaks any
    partners: tuple[Partner, ...]  # most shared sentences first
    ring: bool  # report.js draws the partners with a page as a ring around the entity, from the table


def _highlighted(corpus: Corpus, article: Article, mention: LinkedMention) -> MD:
    sentence = corpus.analyses[article.id].sentences[mention.sentence]
    before = article.text[sentence.start : mention.start]
    after = article.text[mention.end : sentence.end]
    return MD(f"{escape(before)}**{escape(mention.text)}**{escape(after)}")


def latest_first(corpus: Corpus, article_ids: tuple[str, ...]) -> list[str]:
    """Latest dated article first, undated last (then by id, for a stable order)."""
    dated = sorted((a for a in article_ids if corpus.article(a).date), key=lambda a: (corpus.article(a).date, a))
    return [*reversed(dated), *sorted(a for a in article_ids if not corpus.article(a).date)]


def _own_mentions(corpus: Corpus, entity: Entity, article_id: str) -> list[LinkedMention]:
    return [m for m in corpus.mentions[article_id] if m.entity == entity.id]


def most_central_first(corpus: Corpus, entity: Entity, article_ids: list[str]) -> list[str]:
    """The articles the entity is most central to first: most sentences naming it, then the largest
    share of the article's mentions that are its own; ties keep the order given."""

    def centrality(article_id: str) -> tuple[int, float]:
        own = _own_mentions(corpus, entity, article_id)
        return len({m.sentence for m in own}), len(own) / max(1, len(corpus.mentions[article_id]))

    return sorted(article_ids, key=centrality, reverse=True)


def mentions_by_article(corpus: Corpus, entity: Entity, article_ids: list[str]) -> tuple[MentionsIn, ...]:
    """For each of these articles: its first sentence naming the entity (mention in bold), in the order given."""
    rows: list[MentionsIn] = []
    for article_id in article_ids:
        own = _own_mentions(corpus, entity, article_id)
        if not own:  # not named there after all (no mention linked to it): nothing to show
            continue
        rows.append(
            MentionsIn(
                article_ref(corpus, article_id),
                source_ref(corpus.source_of(article_id)),
                corpus.article(article_id).date_label,
                _highlighted(corpus, corpus.article(article_id), own[0]),
                len(own),
                len({m.sentence for m in own}),
            )
        )
    return tuple(rows)


def articles_naming(corpus: Corpus, entity: Entity, article_ids: list[str]) -> tuple[ArticleNaming, ...]:
    return tuple(
        ArticleNaming(
            article_ref(corpus, a),
            corpus.source_of(a).name,
            corpus.article(a).date_label,
            len(_own_mentions(corpus, entity, a)),
        )
        for a in article_ids
    )


def name_reasons(entity: Entity) -> tuple[tuple[str, str], ...]:
    """Each name seen and why it is this entity, most used first; nothing when the entity has one name,
    written the same everywhere ("same name"): the page's "Names seen" already says all of it."""
    reasons = tuple((alias, entity.alias_reasons.get(alias, "")) for alias in entity.aliases)
    return () if len(reasons) == 1 and reasons[0][1] == "same name" else reasons


def names_by_source(corpus: Corpus, entity: Entity) -> tuple[tuple[tuple[str, ...], tuple[Ref, ...]], ...]:
    """The names each source uses for the entity (most used first), the sources using the same names in
    the same order together: each list of names is written once, with every source that uses it (the
    lists used by the most sources first, then in the order the sources first name the entity)."""
    used: dict[str, Counter[str]] = defaultdict(Counter)
    for article_id in entity.articles:
        source_id = corpus.index.source_of_article[article_id]
        for mention in corpus.mentions[article_id]:
            if mention.entity == entity.id:
                used[source_id][mention.text] += 1
    sources: dict[tuple[str, ...], list[Ref]] = defaultdict(list)
    for sid, counts in used.items():
        sources[tuple(n for n, _ in counts.most_common())].append(source_ref(corpus.source(sid)))
    ranked = sorted(sources.items(), key=lambda item: -len(item[1]))  # stable: first named first among equals
    return tuple((names, tuple(refs)) for names, refs in ranked)


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
    return tuple(
        Partner(entity_ref(corpus, e), corpus.entity(e).type, sentences[e], articles[e], corpus.entity(e).mention_count)
        for e in ranked[:top]
    )


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
    central = most_central_first(corpus, entity, ordered)[:MENTION_ARTICLES]
    shown = set(central)
    speaks = [g for g in corpus.quote_groups if g.speaker == entity.id]
    partners = co_occurring(corpus, entity)
    return EntityPage(
        page=page,
        entity=entity,
        sources=len({corpus.index.source_of_article[a] for a in entity.articles}),
        first_seen=dated[0] if dated else None,
        last_seen=dated[-1] if dated else None,
        related=tuple(entity_ref(corpus, r) for r in entity.related),
        ambiguous=tuple(entity_ref(corpus, e) for e in entity.ambiguous_with if e in corpus.index.entities),
        reasons=name_reasons(entity),
        names_by_source=names_by_source(corpus, entity),
        mentions=mentions_by_article(corpus, entity, central),
        other_articles=articles_naming(corpus, entity, [a for a in ordered if a not in shown]),
        spoken=spoken[:QUOTES_SHOWN],
        spoken_total=len(spoken),
        about=about[:QUOTES_SHOWN],
        about_total=len(about),
        quotes_page=site.quotes.ref("all its quotes, with every wording", speaks[0].id) if speaks else None,
        partners=partners,
        ring=len(entity.articles) >= PICTURE_MIN_ARTICLES and any(p.entity.path for p in partners),
    )
