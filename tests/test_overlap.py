"""Shared text, duplicates and the same quote across articles, on small hand-written articles."""

from __future__ import annotations

import numpy as np
import pytest

from generator.link import overlap
from generator.link.overlap import MAX_HOLDERS, find_duplicates, find_shared_text
from generator.link.quote_groups import group_quotes, same_quote
from generator.model import Article, ArticleAnalysis, Quote

REPRINT = (
    "The minister told parliament that the new bridge over the river would open to traffic in the spring of next year "
    "after long delays."
)


def _article(aid: str, text: str) -> Article:
    return Article(id=aid, slug=aid, path=f"{aid}.txt", title=aid, text=text, content_hash=str(hash(text)))


def test_shared_passages_are_found_and_quoted_from_the_text() -> None:
    articles = [
        _article("a", "Local news. " + REPRINT + " Residents were pleased."),
        _article("b", "In other news, " + REPRINT + " Critics were not."),
        _article("c", "The weather was fine on Tuesday and the market was busy with shoppers buying fruit."),
    ]
    shared = find_shared_text(articles)
    assert [(s.a, s.b) for s in shared] == [("a", "b")]
    assert "The minister told parliament that the new bridge" in shared[0].passages[0]
    assert 0.5 < shared[0].share_a < 1 and find_duplicates(articles, shared) == {}


OTHER = (
    "Farmers in the valley said the late frost had cost them most of the cherry harvest this year, the worst in memory."
)


def test_runs_whose_hashes_collide_are_told_apart_by_their_words(monkeypatch: pytest.MonkeyPatch) -> None:
    """With a zero multiplier a run's hash is its last word alone: every run ending in "the" or "year" collides."""
    articles = [
        _article("a", "Local news. " + REPRINT + " " + OTHER),
        _article("b", OTHER + " In other news, the year ended and the market closed for the year."),
        _article("c", "The shop opened in the year of the flood. " + REPRINT),
        _article("d", "Nothing shared here but the words the and year, in the spring of the year."),
    ]
    expected = find_shared_text(articles)
    assert [(s.a, s.b) for s in expected] == [("a", "b"), ("a", "c")]
    monkeypatch.setattr(overlap, "_MULTIPLIER", np.uint64(0))
    assert find_shared_text(articles) == expected


def test_passages_keep_each_article_s_offsets_and_boilerplate_is_skipped() -> None:
    a = _article("a", REPRINT + " Then something else happened. " + OTHER)
    b = _article("b", OTHER + " Quite unrelated words sit between. " + REPRINT + " " + REPRINT)
    boilerplate = "Sign up to our newsletter for the best stories of the day delivered to your inbox every morning."
    crowd = [_article(f"n{i}", f"Story number {i} is about item {i}. " + boilerplate) for i in range(MAX_HOLDERS + 1)]
    shared = find_shared_text([a, b, *crowd])
    assert [(s.a, s.b) for s in shared] == [("a", "b")]
    pair = shared[0]
    assert [a.text[x:y] for x, y in pair.spans_a] == [REPRINT[:-1], OTHER[:-1]]  # word to word: no full stop
    assert [b.text[x:y] for x, y in pair.spans_b] == [OTHER[:-1], REPRINT[:-1]]  # a repeated run: its first use
    assert pair.passages == (REPRINT[:-1], OTHER[:-1])


def test_exact_and_near_duplicates_point_to_the_earlier_article() -> None:
    articles = [
        _article("a", REPRINT),
        _article("b", "Something else entirely, about a football match."),
        _article("c", REPRINT),
    ]
    articles.append(_article("d", REPRINT.replace("after long delays.", "after long delays!")))
    duplicates = find_duplicates(articles, find_shared_text(articles))
    assert duplicates == {"c": "a", "d": "a"}


def test_same_quote_allows_trimming_joining_and_a_changed_word() -> None:
    full = "We oppose any form of terrorism and proactively participate in international cooperation"
    assert same_quote(full, "We oppose any form of terrorism")
    assert same_quote("We will plant our flag over America and China", "We will plant our flag over America and Russia")
    assert not same_quote("We oppose any form of terrorism", "We support the new budget for schools")


def _quotes(*texts: str) -> ArticleAnalysis:
    return ArticleAnalysis((), (), (), (), tuple(Quote(t, 0, len(t), 0) for t in texts), (), ())


def test_joined_fragments_bring_groups_together() -> None:
    articles = [_article("a", "x"), _article("b", "y"), _article("c", "z")]
    analyses = {
        "a": _quotes(
            "the first part of what the minister said today in the city", "an unrelated remark about the weather"
        ),
        "b": _quotes("the second fragment of the same long statement she gave at noon"),
        "c": _quotes(
            "the first part of what the minister said today in the city and the second fragment of the same long "
            "statement she gave at noon"
        ),
        "d": _quotes("is not going to be like it was before"),  # a common phrase, no speaker: not her words
        "e": _quotes("she said that life is not going to be like it was before the virus came"),
    }
    groups = group_quotes(
        articles + [_article("d", "w"), _article("e", "v")], analyses, {("c", 0): "minister", ("e", 0): "x"}
    )
    assert groups[0].articles == ("a", "b", "c") and groups[0].speaker == "minister"
    assert groups[0].text.startswith("the first part") and len(groups) == 4
