"""The source page (`source.md`): one outlet's articles, topics, and what sets it apart."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from generator.model import UNATTRIBUTED, Corpus, Source, Topic
from generator.pages.long_lists import Pager, source_parts
from generator.pages.markdown import MD
from generator.pages.paths import QUOTES, anchor, source_path, topic_path
from generator.pages.refs import ArticleRow, Ref, entity_ref, topic_ref
from generator.pages.site import Site
from generator.pages.topic_page import QuoteCarried, quote_carried

SOURCE_QUOTES = 20  # quotes listed on a source page, the most carried


@dataclass(frozen=True)
class Stressed:
    entity: Ref
    type: str
    mentions: int  # by this source
    log_odds: float  # against the other sources


@dataclass(frozen=True)
class SourcePage:
    """Context of `source.md`."""

    page: str
    source: Source  # name, articles
    unattributed: bool  # the articles that name no outlet
    rows: tuple[ArticleRow, ...]  # its first PER_PAGE articles (the others: on the pages of `pager`)
    pager: Pager
    charts: MD
    topics: tuple[tuple[Ref, Ref | None], ...]  # story, its outlets compared; most of this source's articles first
    stressed: tuple[Stressed, ...]  # entities it names more than the others (none when it is the only source)
    names: tuple[tuple[Ref, tuple[str, ...], tuple[str, ...]], ...]  # entity, names it uses, names others use
    quotes: tuple[QuoteCarried, ...]  # quote groups its articles carry, the SOURCE_QUOTES most carried
    more_quotes: int  # further quote groups it carries (on the quotes pages)
    quotes_index: Ref


def _compared(corpus: Corpus, topic: Topic) -> Ref | None:
    """The story page's comparison of outlets, when it has one (more than one column)."""
    if len(corpus.comparisons[topic.id].columns) < 2:
        return None
    return Ref("outlets compared", topic_path(topic), anchor("Outlets compared"))


def source_page(site: Site, source: Source) -> SourcePage:
    corpus = site.corpus
    profile = corpus.source_profiles[source.id]
    carried = corpus.quote_groups_in(source.articles)
    topics = [corpus.topic(tid) for tid, _ in Counter(corpus.article_topic[a] for a in source.articles).most_common()]
    stressed = tuple(
        Stressed(entity_ref(corpus, s.entity), corpus.entity(s.entity).type, s.mentions, s.log_odds)
        for s in profile.stressed
    )
    pager, rows = source_parts(site, source)
    return SourcePage(
        page=source_path(source),
        source=source,
        unattributed=source.name == UNATTRIBUTED,
        rows=rows,
        pager=pager,
        charts=site.charts.for_source(source, source_path(source)),
        topics=tuple((topic_ref(t), _compared(corpus, t)) for t in topics if t.is_story),
        stressed=stressed if len(corpus.sources) > 1 else (),
        names=tuple((entity_ref(corpus, n.entity), n.own, n.others) for n in profile.names),
        quotes=tuple(quote_carried(site, g) for g in carried[:SOURCE_QUOTES]),
        more_quotes=max(0, len(carried) - SOURCE_QUOTES),
        quotes_index=Ref("quotes", QUOTES),
    )
