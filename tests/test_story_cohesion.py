"""Grab-bags are no stories: an outlet's boilerplate is no evidence, a chain of links holds no story,
and a round-up's headline names no story (docs/BENCHMARKS.md, stories, "Seventh pass")."""

from __future__ import annotations

import numpy as np
from scipy import sparse

from generator.link.boilerplate import template_free
from generator.link.similarity import rare_term_vectors
from generator.link.stories import StoryGroups, central_rows, cohesive_stories, names_no_event, told_by_several
from generator.model import Article, ArticleAnalysis


def _article(aid: str, source: str | None, title: str | None = None) -> Article:
    return Article(id=aid, slug=aid, path=f"{aid}.txt", title=title or aid, text="text", source=source)


def _analysis(lemmas: tuple[str, ...]) -> ArticleAnalysis:
    return ArticleAnalysis(sentences=(), summary=(), keywords=(), mentions=(), quotes=(), acronyms=(), lemmas=lemmas)


def _corpus() -> tuple[list[Article], dict[str, ArticleAnalysis]]:
    """100 articles: eight of the wire, each on its own event and each closing with the wire's sign-off
    ("wirebrief"); two of them and one of another outlet tell one event (the Velmora bridge); six of a
    small outlet share their beat ("dairy"); two other outlets cite the wire's brief; the rest alone."""
    lemmas: list[tuple[str, str | None, tuple[str, ...]]] = []
    for i in range(8):
        event = ("velmora", "bridge") if i < 2 else (f"event{i}", f"place{i}")
        lemmas.append((f"wire{i}", "The Wire", ("say", *event, "wirebrief", "subscribe")))
    lemmas.append(("other-velmora", "Daily Post", ("say", "velmora", "bridge", "collapse")))
    lemmas += [(f"farm{i}", "Farm Weekly", ("say", "dairy", f"herd{i}")) for i in range(6)]
    lemmas += [(f"cite{i}", f"Cites {i}", ("say", "wirebrief", f"topic{i}")) for i in range(2)]
    lemmas += [(f"alone{i}", f"Outlet {i % 9}", ("say", f"alone{i}")) for i in range(100 - len(lemmas))]
    articles = [_article(aid, source) for aid, source, _ in lemmas]
    return articles, {aid: _analysis(words) for aid, _, words in lemmas}


def test_an_outlets_boilerplate_is_no_evidence_in_its_own_articles() -> None:
    articles, analyses = _corpus()
    row = {a.id: i for i, a in enumerate(articles)}
    rare = rare_term_vectors(articles, analyses, {})
    evidence = (rare @ rare.T).toarray()
    # two wire articles on different events share only the sign-off: no evidence (1.0 without the rule)
    assert evidence[row["wire2"], row["wire3"]] == 0.0
    # the event's words are evidence, within the wire and across outlets
    assert evidence[row["wire0"], row["wire1"]] > 0.5 and evidence[row["wire0"], row["other-velmora"]] > 0.3
    # another outlet's use of the wire's words stays: the two that cite it share it
    assert evidence[row["cite0"], row["cite1"]] > 0.3
    # six articles of an outlet are too few to tell a template: the small outlet's beat stays
    assert evidence[row["farm0"], row["farm1"]] > 0.3


def test_a_template_is_a_term_in_most_of_an_outlets_articles_and_in_enough_of_them() -> None:
    counts = sparse.csr_matrix(np.array([[1, 1, 0], [1, 0, 1], [1, 1, 0], [0, 0, 1]], dtype=np.float32))
    sources = ["A", "A", "A", None]
    kept = template_free(counts, sources, share=0.5, least=2).toarray()
    # term 0 in all three of A's articles, term 1 in two of three: both A's template; term 2 in one
    assert kept.tolist() == [[0, 0, 0], [0, 0, 1], [0, 0, 0], [0, 0, 1]]
    assert template_free(counts, sources, share=0.5, least=3).toarray()[:, 1].tolist() == [1, 0, 1, 0]
    assert template_free(counts, [None] * 4, share=0.5, least=2).toarray().tolist() == counts.toarray().tolist()
    assert counts.toarray()[0].tolist() == [1, 1, 0]  # the matrix given is left as it was


def test_a_member_that_shares_too_little_with_the_rest_of_its_story_leaves_it() -> None:
    # rows 0-3: a memo story (0, 1, 2 share "memo"; 3 shares a drug with 2 only: a chain);
    # rows 4-6: three that share one name; rows 7-8: a pair (left to `supported_stories`).
    rare = np.zeros((9, 4), dtype=np.float32)
    rare[0] = rare[1] = [1, 0, 0, 0]
    rare[2] = [0.8, 0.6, 0, 0]
    rare[3] = [0, 1, 0, 0]  # with 2: 0.6; with 0 and 1: nothing; mean 0.2
    rare[4:7] = [0, 0, 1, 0]
    rare[7], rare[8] = [0, 0, 0, 1], [0, 0, 1, 0]
    groups = StoryGroups((0, 0, 0, 0, 1, 1, 1, 2, 2), ((0, 1, 2, 3), (4, 5, 6), (7, 8)))
    kept = cohesive_stories(groups, sparse.csr_matrix(rare), floor=0.25)
    assert kept.members == ((0, 1, 2), (4, 5, 6), (7, 8))
    assert kept.labels == (0, 0, 0, -1, 1, 1, 1, 2, 2)
    assert cohesive_stories(groups, sparse.csr_matrix(rare), floor=0.15).members == groups.members
    # a three whose members share nothing: one leaves, then the pair shares nothing either; a pair is kept whole
    rare[5], rare[6] = [0, 0, 0, 1], [1, 0, 0, 0]
    kept = cohesive_stories(groups, sparse.csr_matrix(rare), floor=0.25)
    assert kept.members == ((0, 1, 2), (5, 6), (7, 8)) and kept.labels[3:] == (-1, -1, 1, 1, 2, 2)


def test_a_round_up_headline_names_no_story_and_gives_way_to_a_member_that_states_one() -> None:
    round_up = "US deaths hit 40,000; lockdown protests heat up; NY begins mass antibody testing"
    assert names_no_event(round_up)
    assert not names_no_event("Trump signs the aid bill; Democrats say it is not enough")
    assert not names_no_event("Senate passes $484 billion bill")
    titles = [round_up, "Tennessee will allow most businesses to reopen on May 1", "Georgia reopens gyms"]
    links = sparse.csr_matrix(np.array([[0, 0.4, 0.3], [0.4, 0, 0.1], [0.3, 0.1, 0]], dtype=np.float32))
    groups = StoryGroups((0, 0, 0), ((0, 1, 2),))
    assert central_rows(groups, links) == (0,)
    assert central_rows(groups, links, titles) == (1,)


def test_an_article_and_its_copies_are_no_story() -> None:
    # rows 0-1: an article and its copy; rows 2-4: two articles and a copy of the first
    groups = StoryGroups((1, 1, 0, 0, 0), ((2, 3, 4), (0, 1)))
    kept = told_by_several(groups, [0, 0, 2, 3, 2])
    assert kept.members == ((2, 3, 4),) and kept.labels == (-1, -1, 0, 0, 0)
    assert told_by_several(groups, list(range(5))) == groups
