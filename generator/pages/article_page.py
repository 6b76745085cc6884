"""The article page (`article.md`): one article's metadata, analysis, quotes, shared text and full text."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass

from generator.ingest.language import language_name
from generator.model import Article, Corpus, LinkedMention, Topic, type_label
from generator.pages.markdown import MD, escape
from generator.pages.paths import article_path
from generator.pages.refs import Ref, article_ref, entity_ref, keyword_ref, link, source_ref, topic_ref
from generator.pages.site import Site
from generator.pages.stories import OutletHeadline, is_story, outlet_headlines

PROVENANCE_WORDS = {"given": "given", "inferred": "read from the text", "derived": "derived from the text"}
METADATA = ("source", "date", "author", "title", "language", "url")
EXTRA_CHARS = 300  # longest value of an input's other field shown
ELSEWHERE = 8  # other articles of the story listed on an article page (the story page lists them all)


@dataclass(frozen=True)
class EntityRow:
    entity: Ref
    type: str
    mentions: int  # in this article
    articles: int  # in the corpus


@dataclass(frozen=True)
class QuoteRow:
    text: str
    speaker: Ref | None  # the entity, or the speaker as written (text only); None: not named
    others: int  # other articles carrying the quote
    wordings: Ref | None  # the quote's wordings on the quotes page, when others carry it


@dataclass(frozen=True)
class SharedRow:
    article: Ref
    source: Ref
    date: str
    share: float  # of this article's words in passages both carry, 0-1
    passages: tuple[str, ...]


@dataclass(frozen=True)
class RelatedRow:
    article: Ref
    source: Ref
    date: str
    similarity: float


@dataclass(frozen=True)
class ArticlePage:
    """Context of `article.md`."""

    page: str
    article: Article  # metadata: title, date_label, time_label, author, language, url, path, text…
    language: str  # the language in words, "German (de)"; "Unknown"
    extra: tuple[tuple[str, str], ...]  # the input's other fields, in words: (field, value)
    how: dict[str, MD]  # metadata field -> how its value was obtained, " *(given)*"; "" when it says nothing
    duplicate_of: Ref | None  # the earlier article this one repeats
    copies: tuple[Ref, ...]  # later articles repeating this one
    source: Ref
    topic: Ref
    in_story: bool  # the article's topic is a story (more than one article), not the article alone
    elsewhere: tuple[OutletHeadline, ...]  # its story's other articles: each outlet's earliest first; ELSEWHERE at most
    elsewhere_more: int  # further articles of the story, on its page
    unknown: tuple[str, ...]  # metadata fields nothing tells ("author", "date", …), said once
    text_notes: tuple[str, ...]  # how the analysed text was read: the field used, joined tokens, what was taken out
    cut_from: int | None  # the text's length before it was cut (max_article_chars), None when not cut
    summary: tuple[str, ...]
    keywords: tuple[Ref, ...]
    entities: tuple[tuple[str, tuple[EntityRow, ...]], ...]  # by type (in words), most mentioned here first
    quotes: tuple[QuoteRow, ...]
    shared: tuple[SharedRow, ...]  # most shared first
    related: tuple[RelatedRow, ...]
    paragraphs: tuple[MD, ...]  # the full text, escaped, each mention linked to its entity


def _how(article: Article, name: str) -> MD:
    """How a metadata field's value was obtained, in words and with the detail when there is one."""
    kind = article.provenance.get(name)
    detail = article.provenance_detail.get(name)
    if detail and kind is not None:
        return MD(f" *({escape(kind)}: {escape(detail)})*")
    if kind is None:
        return MD("" if name == "author" else " *(unknown)*")
    return MD(f" *({PROVENANCE_WORDS[kind]})*")


def extra_items(article: Article) -> tuple[tuple[str, str], ...]:
    """The input's other fields as (field, value in words), for display; long values are cut."""
    items = []
    for key, value in sorted(article.extra.items()):
        if value in (None, "", [], {}):
            continue
        if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
            shown = ", ".join(str(v) for v in value)
        elif isinstance(value, (dict, list)):
            shown = json.dumps(value, ensure_ascii=False)
        else:
            shown = str(value)
        items.append((key, shown if len(shown) <= EXTRA_CHARS else shown[: EXTRA_CHARS - 1] + "…"))
    return tuple(items)


def linked_text(
    corpus: Corpus,
    text: str,
    mentions: tuple[LinkedMention, ...],
    page: str,
    offset: int = 0,
    linked: set[tuple[str, str]] | None = None,
) -> MD:
    """Escaped text with each mention (offsets relative to `offset`) linked to its entity page. With
    `linked` (the entity and spelling pairs already linked, updated here), a name is linked the first
    time it is written that way only: "Trump" again and again is one link, "Donald Trump" another."""
    out: list[str] = []
    cursor = 0
    for mention in sorted(mentions, key=lambda m: m.start):
        start, end = mention.start - offset, mention.end - offset
        if start < cursor or start < 0 or end > len(text):
            continue
        if linked is not None:
            spelled = (mention.entity, text[start:end].casefold())
            if spelled in linked:
                continue  # left as text, escaped with the rest
            linked.add(spelled)
        out.append(escape(text[cursor:start], inline=True))
        out.append(link(entity_ref(corpus, mention.entity, text[start:end]), page))
        cursor = end
    out.append(escape(text[cursor:], inline=True))
    return MD("".join(out))


def paragraphs(corpus: Corpus, article: Article, page: str) -> tuple[MD, ...]:
    """The article text, paragraph by paragraph, with the first mention of each name linked (`linked_text`)."""
    mentions = corpus.mentions[article.id]
    linked: set[tuple[str, str]] = set()
    result: list[MD] = []
    for match in re.finditer(r"[^\n]+", article.text):
        if not match.group().strip():
            continue
        inside = tuple(m for m in mentions if match.start() <= m.start and m.end <= match.end())
        result.append(linked_text(corpus, match.group(), inside, page, offset=match.start(), linked=linked))
    return tuple(result)


def _quotes(site: Site, article: Article) -> tuple[QuoteRow, ...]:
    """The article's quotes in its order, each speaker with a page linked at every quote (a reader looks for
    the link at the quote they read)."""
    corpus = site.corpus
    rows = []
    for index, quote in enumerate(corpus.analyses[article.id].quotes):
        entity = corpus.quote_speakers.get((article.id, index))
        speaker = entity_ref(corpus, entity) if entity else Ref(quote.speaker) if quote.speaker else None
        group_id = corpus.index.quote_group_of.get((article.id, index))
        others = len(corpus.quote_group(group_id).articles) - 1 if group_id else 0
        wordings = site.quotes.ref("see the wordings", group_id) if group_id and others > 0 else None
        rows.append(QuoteRow(quote.text, speaker, others, wordings))
    return tuple(rows)


def _shared(corpus: Corpus, article_id: str) -> tuple[SharedRow, ...]:
    pairs = [(p.b if p.a == article_id else p.a, p) for p in corpus.index.shared_of_article.get(article_id, ())]
    pairs.sort(key=lambda item: -max(item[1].share_a, item[1].share_b))
    return tuple(
        SharedRow(
            article_ref(corpus, other),
            source_ref(corpus.source_of(other)),
            _day(corpus.article(other)),
            pair.share_a if pair.a == article_id else pair.share_b,
            pair.passages,
        )
        for other, pair in pairs
    )


def _elsewhere(corpus: Corpus, topic: Topic, article: Article) -> tuple[OutletHeadline, ...]:
    """The story's other articles, one per outlet first (its earliest), then the outlets' further ones."""
    others = [row for row in outlet_headlines(corpus, topic) if row.article.path != article_path(article)]
    seen: set[str | None] = set()
    first: list[OutletHeadline] = []
    rest: list[OutletHeadline] = []
    for row in others:
        (rest if row.source.path in seen else first).append(row)
        seen.add(row.source.path)
    return tuple(first + rest)


def _day(article: Article) -> str:
    """The date in words, "" when unknown (the page says once what is unknown, for its own article)."""
    return article.date.isoformat() if article.date else ""


def _text_notes(article: Article) -> tuple[str, ...]:
    """How the text shown and analysed was read from the input (ingest's per-article facts), in words."""
    notes = []
    if article.text_field:
        notes.append(f"the text is the record's field {article.text_field}")
    if article.detokenised:
        notes.append('the text was tokenised ("word ,", "do n\'t") and is joined again')
    if article.dateline:
        notes.append(f"the dateline {article.dateline} was taken off its start")
    rules = Counter(r.rule for r in article.removed if r.rule != "dateline")
    if rules:
        notes.append("taken out as scraped residue: " + ", ".join(f"{n} {rule}" for rule, n in rules.most_common()))
    if article.source_as_given:
        notes.append(f"the outlet is named {article.source_as_given} in the file (renamed by the sidecar)")
    return tuple(notes)


def _unknown(article: Article) -> tuple[str, ...]:
    values = {"date": article.date, "author": article.author, "URL": article.url, "language": article.language}
    if article.source is None:
        values = {"outlet": None, **values}
    return tuple(name for name, value in values.items() if not value)


def by_type(rows: tuple[EntityRow, ...]) -> tuple[tuple[str, tuple[EntityRow, ...]], ...]:
    """The rows grouped by entity type, in words ("People"), each group in the order given; the groups in
    the order of their first row (the type of the most mentioned entity first): one line per type on the
    page instead of a table row per entity, the type written once."""
    groups: dict[str, list[EntityRow]] = {}
    for row in rows:
        groups.setdefault(type_label(row.type), []).append(row)
    return tuple((label, tuple(group)) for label, group in groups.items())


def article_page(site: Site, article: Article) -> ArticlePage:
    corpus = site.corpus
    topic = corpus.topic_of(article.id)
    elsewhere = _elsewhere(corpus, topic, article)
    analysis = corpus.analyses[article.id]
    counts = Counter(m.entity for m in corpus.mentions[article.id])
    entity_rows = tuple(
        EntityRow(entity_ref(corpus, eid), corpus.entity(eid).type, n, len(corpus.entity(eid).articles))
        for eid, n in sorted(counts.items(), key=lambda item: item[1], reverse=True)
    )
    links = corpus.keyword_links.articles[article.id]
    original = corpus.duplicate_of.get(article.id)
    return ArticlePage(
        page=article_path(article),
        article=article,
        language=language_name(article.language),
        extra=extra_items(article),
        how={name: _how(article, name) for name in METADATA},
        duplicate_of=article_ref(corpus, original) if original else None,
        copies=tuple(article_ref(corpus, a) for a in corpus.index.copies.get(article.id, ())),
        source=source_ref(corpus.source_of(article.id)),
        topic=topic_ref(topic),
        in_story=is_story(topic),
        elsewhere=elsewhere[:ELSEWHERE],
        elsewhere_more=max(0, len(elsewhere) - ELSEWHERE),
        unknown=_unknown(article),
        text_notes=_text_notes(article),
        cut_from=site.info.cut.get(article.id),
        summary=tuple(analysis.sentences[i].text for i in analysis.summary),
        keywords=tuple(keyword_ref(corpus, k.text, e) for k, e in zip(analysis.keywords, links, strict=True)),
        entities=by_type(entity_rows),
        quotes=_quotes(site, article),
        shared=_shared(corpus, article.id),
        related=tuple(
            RelatedRow(
                article_ref(corpus, other),
                source_ref(corpus.source_of(other)),
                _day(corpus.article(other)),
                score,
            )
            for other, score in corpus.related[article.id]
        ),
        paragraphs=paragraphs(corpus, article, article_path(article)),
    )
