"""Links as data: a page context holds `Ref`s, and the template's `link` filter formats them.

A `Ref` names what a link opens (a docs page path, and an anchor on it) and the text to show;
a thing without a page (an entity named in too few articles) is a `Ref` without a path and
shows as text. The filters make the link relative to the page being written, escaping the text.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import jinja2

from generator.model import Corpus, GroupSpeaker, Source, Topic
from generator.pages.markdown import MD, escape, relative
from generator.pages.paths import article_path, entity_path, html_path, source_path, topic_path
from generator.pages.svg import esc


@dataclass(frozen=True, slots=True)
class Ref:
    """What a link shows (`label`) and opens: a docs page (`path`; None: no page, or this page when
    `anchor` is set) and an element id on it (`anchor`)."""

    label: str
    path: str | None = None
    anchor: str | None = None


def href(ref: Ref, page: str) -> MD:
    """The link target of `ref` from `page`: a relative `.md` path (MkDocs makes it `.html`), and `#anchor`."""
    target = relative(page, ref.path) if ref.path else ""
    return MD(f"{target}#{escape(ref.anchor)}" if ref.anchor else target)


def link(ref: Ref, page: str) -> MD:
    """`[label](target)` from `page`, or the escaped label alone when there is nothing to open."""
    if ref.path is None and ref.anchor is None:
        return escape(ref.label)
    return MD(f"[{escape(ref.label)}]({href(ref, page)})")


@jinja2.pass_context
def link_filter(context: jinja2.runtime.Context, ref: Ref) -> MD:
    """`{{ ref|link }}` in a template: the link from the page being written (the context's `page`)."""
    return link(ref, context["page"])


def html_href(ref: Ref, page: str) -> MD:
    """The target of `ref` from `page` as a `.html` address, for raw HTML (which MkDocs does not rewrite)."""
    target = relative(page, html_path(ref.path)) if ref.path else ""
    return MD(html.escape(f"{target}#{ref.anchor}" if ref.anchor else target, quote=True))


@jinja2.pass_context
def url_filter(context: jinja2.runtime.Context, ref: Ref) -> MD:
    """`<a href="{{ ref|url }}">` in a template's raw HTML: the `.html` address from the page being written."""
    return html_href(ref, context["page"])


def html_text(value: object) -> MD:
    """`{{ value|html }}`: text for raw HTML (escaped for HTML, not for Markdown, which leaves raw HTML alone)."""
    return MD(esc(value))


@jinja2.pass_context
def href_filter(context: jinja2.runtime.Context, ref: Ref) -> MD:
    """`[…]({{ ref|href }})` in a template, for a label the template writes itself."""
    return href(ref, context["page"])


def article_ref(corpus: Corpus, article_id: str) -> Ref:
    article = corpus.article(article_id)
    return Ref(article.title, article_path(article))


def entity_ref(corpus: Corpus, entity_id: str, text: str | None = None) -> Ref:
    """The entity (or `text`, a name it goes by), linked to its page when it has one."""
    entity = corpus.entity(entity_id)
    return Ref(
        entity.name if text is None else text, entity_path(entity) if entity_id in corpus.paged_entities else None
    )


def speaker_ref(corpus: Corpus, speaker: GroupSpeaker) -> Ref:
    """A quote group's speaker: the entity, linked when it has a page, else the name or description as written."""
    return entity_ref(corpus, speaker.entity) if speaker.entity else Ref(speaker.name)


def source_ref(source: Source) -> Ref:
    return Ref(source.name, source_path(source))


def topic_ref(topic: Topic) -> Ref:
    return Ref(topic.label, topic_path(topic))


def keyword_ref(corpus: Corpus, keyword: str, entity_id: str | None) -> Ref:
    """A keyword, linked to the page of the entity it names (KeywordLinks), else text."""
    if entity_id is None:
        return Ref(keyword)
    return Ref(keyword, entity_path(corpus.entity(entity_id)))


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """One row of an article table (`_article_table.md`)."""

    article: Ref
    source: Ref
    date: str  # the date, or "Undated"
    topic: Ref


def article_rows(corpus: Corpus, article_ids: tuple[str, ...] | list[str]) -> tuple[ArticleRow, ...]:
    return tuple(
        ArticleRow(
            article_ref(corpus, a),
            source_ref(corpus.source_of(a)),
            corpus.article(a).date_label,
            topic_ref(corpus.topic_of(a)) if corpus.topic_of(a).is_story else Ref("none"),
        )
        for a in article_ids
    )
