"""Grab-bags are no stories: an outlet's boilerplate is no evidence, a chain of links holds no story,
and a round-up's headline names no story (docs/BENCHMARKS.md, stories, "Seventh pass"); nor does a
hedged one ("Story titles, eighth pass"); a small story is held to its core ("tenth pass"); a story of two is
titled by the headline that says more of the other article ("eleventh pass")."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from scipy import sparse

from generator.config import Config
from generator.link import link_corpus
from generator.link.boilerplate import outlet_keys, template_free
from generator.link.similarity import content_words, rare_term_vectors
from generator.link.stories import (
    StoryGroups,
    central_rows,
    cohesive_stories,
    core_stories,
    headline_told,
    names_no_event,
    supported_stories,
    word_rarity,
)
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


def test_a_member_of_a_small_story_far_from_its_core_pair_leaves_it() -> None:
    # rows 0-1: two articles on one event (0.81 between them); row 2 tells it loosely (0.67 with each);
    # row 3 shares a little with row 0 and much with row 2 only (a piece linked through a member);
    # rows 4-9: a story of six with the same core (rows 4-5) and four pieces like row 3 (0.40 with each
    # other); row 10 copies row 3.
    rare = np.zeros((11, 8), dtype=np.float32)
    rare[0] = rare[4] = [0.9, np.sqrt(1 - 0.81), 0, 0, 0, 0, 0, 0]
    rare[1] = rare[5] = [0.9, 0, np.sqrt(1 - 0.81), 0, 0, 0, 0, 0]
    rare[2] = [0.5, 0.5, 0.5, 0.5, 0, 0, 0, 0]
    rare[3] = rare[10] = [0, 0.2, 0, np.sqrt(1 - 0.04), 0, 0, 0, 0]
    for k in range(4):
        rare[6 + k, [1, 3, 4 + k]] = [0.2, 0.6, np.sqrt(1 - 0.4)]
    rare = sparse.csr_matrix(rare)
    groups = StoryGroups((1, 1, 1, 1, 0, 0, 0, 0, 0, 0, -1), ((4, 5, 6, 7, 8, 9), (0, 1, 2, 3)))
    # row 3's mean with the rest of its story is (0.09 + 0 + 0.59) / 3: the mean test keeps it
    assert cohesive_stories(groups, rare).members == groups.members
    # its mean with the core pair is 0.04, under 0.35 x 0.81: it leaves; a story of six is left whole
    kept = core_stories(groups, rare)
    assert kept.members == ((4, 5, 6, 7, 8, 9), (0, 1, 2)) and kept.labels[:4] == (1, 1, 1, -1)
    # an article and its copy are one member and leave together: the copy does not make row 3 a core
    with_copy = StoryGroups((0, 0, 0, 0, -1, -1, -1, -1, -1, -1, 0), ((0, 1, 2, 3, 10),))
    original = [*range(10), 3]
    assert core_stories(with_copy, rare, original=original).members == ((0, 1, 2),)
    assert core_stories(with_copy, rare, share=0.05, original=original).members == with_copy.members
    # the four that leave the story of six are a story of their own (0.40 between each two), kept by
    # `supported_stories`; a member that leaves alone joins none
    split = core_stories(groups, rare, size=6)
    assert split.members == ((6, 7, 8, 9), (0, 1, 2), (4, 5)) and split.labels[3] == -1
    assert supported_stories(split, rare).members == split.members


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


def test_a_hedged_headline_names_no_event_and_gives_way_to_a_member_that_states_one() -> None:
    hedged = "Maybe Trump hasn't rewritten rules; Tough three-way fight puts political neophyte to the test"
    assert names_no_event(hedged) and names_no_event("Perhaps the stimulus checks will come in May")
    assert not names_no_event("Maybelline recalls mascara")  # the word, not its start
    assert names_no_event("Maybe, just maybe, the economy reopens in June")  # the hedge before its comma
    assert names_no_event("Why, exactly, did the Senate adjourn")
    assert not names_no_event("Trump may have rewritten the rules, polls suggest")  # a hedge inside states the event
    titles = [hedged, "No clear favorites going into New Hampshire", "Polls miss Trump's fall in Iowa vote"]
    links = sparse.csr_matrix(np.array([[0, 0.4, 0.3], [0.4, 0, 0.2], [0.3, 0.2, 0]], dtype=np.float32))
    assert central_rows(StoryGroups((0, 0, 0), ((0, 1, 2),)), links, titles) == (1,)


def test_of_a_story_of_two_the_headline_that_says_more_of_the_other_article_is_the_title() -> None:
    """Both members of a pair are equally central: the first in the corpus is no reason to title by it."""
    titles = ["De Blasio the Denier", "NYC mayor takes heat after lashing out at Jewish funeral", "Rain in Leeds"]
    texts = [
        "The mayor lashed out at a Jewish funeral in Brooklyn and took heat for it. De Blasio denies the crowd.",
        "Mayor de Blasio took heat after he lashed out at mourners at a Jewish funeral in Brooklyn.",
        "It rained in Leeds and the mayor stayed at home.",
    ]
    words = [frozenset(content_words(f"{title} {text}")) for title, text in zip(titles, texts, strict=True)]
    links = sparse.csr_matrix(np.array([[0, 0.5, 0], [0.5, 0, 0], [0, 0, 0]], dtype=np.float32))
    groups = StoryGroups((0, 0, -1), ((0, 1),))
    assert central_rows(groups, links, titles) == (0,)  # without the words: the first
    assert central_rows(groups, links, titles, words) == (1,)
    assert headline_told(1, 0, titles, words, word_rarity(words)) > headline_told(
        0, 1, titles, words, word_rarity(words)
    )
    # a question still gives way to a statement, whatever it shares
    asked = ["Why did the NYC mayor lash out at a Jewish funeral in Brooklyn?", titles[0], titles[2]]
    assert central_rows(groups, links, asked, words) == (1,)
    # in a story of three, the most central member keeps the title
    three = sparse.csr_matrix(np.array([[0, 0.5, 0.4], [0.5, 0, 0.1], [0.4, 0.1, 0]], dtype=np.float32))
    assert central_rows(StoryGroups((0, 0, 0), ((0, 1, 2),)), three, titles, words) == (0,)


def test_an_article_and_its_copies_are_no_story() -> None:
    # rows 0-1: an article and its copy; rows 2-4: two articles and a copy of the first
    rare = sparse.csr_matrix(np.array([[1, 0], [1, 0], [0, 1], [0, 1], [0, 1]], dtype=np.float32))
    groups = StoryGroups((1, 1, 0, 0, 0), ((2, 3, 4), (0, 1)))
    kept = supported_stories(groups, rare, original=[0, 0, 2, 3, 2])
    assert kept.members == ((2, 3, 4),) and kept.labels == (-1, -1, 0, 0, 0)
    assert supported_stories(groups, rare, original=list(range(5))) == groups


def _copy_props_up() -> tuple[StoryGroups, sparse.csr_matrix, list[int]]:
    """Rows 0 (X) and 1 (its copy) alike; row 2 (Z) shares 0.2 with them; rows 3-5 a memo story, row 6 its
    chain member (0.45 with row 5 alone), row 7 a copy of row 6."""
    rare = np.zeros((8, 4), dtype=np.float32)
    rare[0] = rare[1] = [1, 0, 0, 0]
    rare[2] = [0.2, np.sqrt(1 - 0.04), 0, 0]
    rare[3] = rare[4] = [0, 0, 1, 0]
    rare[5] = [0, 0, np.sqrt(1 - 0.45**2), 0.45]
    rare[6] = rare[7] = [0, 0, 0, 1]
    groups = StoryGroups((1, 1, 1, 0, 0, 0, 0, 0), ((3, 4, 5, 6, 7), (0, 1, 2)))
    return groups, sparse.csr_matrix(rare), [0, 0, 2, 3, 4, 5, 6, 6]


def test_a_copy_props_up_no_weak_pair_nor_a_weak_member() -> None:
    groups, rare, original = _copy_props_up()
    # {X, copy, Z} is judged as {X, Z}: 0.2 is under the pair's floor (with the copy, the mean is 0.47)
    assert supported_stories(groups, rare, original=original).members == ((3, 4, 5, 6, 7),)
    assert supported_stories(groups, rare).members == groups.members
    # the chain member's mean with the others is 0.45 / 3 (its copy lifted it to 1.45 / 4): it leaves, copy and all
    kept = cohesive_stories(groups, rare, floor=0.2, original=original)
    assert kept.members == ((0, 1, 2), (3, 4, 5)) and kept.labels[6:] == (-1, -1)
    assert cohesive_stories(groups, rare, floor=0.2).members == groups.members


def test_what_is_rare_is_counted_before_an_outlets_template_leaves_its_articles() -> None:
    # the wire names itself in its 60 articles, 12 other outlets cite it: 72 of 200, a common word
    specs = [(f"wire{i}", "Wire", ("say", "reuters", f"wx{i}")) for i in range(60)]
    specs += [(f"cite{i}", f"Other {i}", ("say", "reuters", f"cx{i}")) for i in range(12)]
    specs += [(f"alone{i}", f"Outlet {i % 5}", ("say", f"zx{i}")) for i in range(128)]
    articles = [_article(aid, source) for aid, source, _ in specs]
    rare = rare_term_vectors(articles, {aid: _analysis(words) for aid, _, words in specs}, {})
    assert (rare @ rare.T).toarray()[60, 61] == 0.0  # two citing articles share no rare word (1.0 counted after)


def test_an_outlet_is_one_however_its_name_is_cased_and_unattributed_articles_are_none() -> None:
    articles = [_article(f"r{i}", "Reuters" if i % 2 else "reuters") for i in range(4)]
    articles += [_article("u0", None), _article("u1", "Unattributed"), _article("u2", "unattributed")]
    assert outlet_keys(articles) == ["reuters"] * 4 + [None] * 3
    counts = sparse.csr_matrix(np.ones((7, 1), dtype=np.float32))
    # four of one outlet (two spellings) use the term: its template; the three Unattributed keep it
    assert (
        template_free(counts, outlet_keys(articles), share=0.5, least=3).toarray().ravel().tolist() == [0] * 4 + [1] * 3
    )


def _linked_corpus() -> tuple[list[Article], dict[str, ArticleAnalysis]]:
    """A memo story of five, and an article on a drug sharing its two words (and common ones) with the fifth
    only; an article on a quake and its copy; a veto article, its copy and one sharing only the governor's name;
    100 articles alone."""
    memo, common = tuple(f"memoword{k}" for k in range(20)), ("white", "house", "official", "report", "week", "state")
    specs = [
        (f"memo{i}", f"Outlet {i}", memo + (("quinine", "drug", *common) if i == 4 else (f"m{i}",))) for i in range(5)
    ]
    specs.append(("drug", "Outlet 9", ("quinine", "drug", *common)))
    quake, veto = (
        ("velmora", "bridge", "quake", "rubble", "rescuers"),
        ("ortega", "veto", *(f"bill{k}" for k in range(13))),
    )
    specs += [
        ("quake", "Wire", quake),
        ("quake-copy", "Paper", quake),
        ("veto", "Wire", veto),
        ("veto-copy", "Paper", veto),
    ]
    specs.append(("teachers", "Outlet 7", ("ortega", "teachers", "union", "strike", "salary", "classroom", "pay")))
    specs += [
        (f"alone{i}", f"Outlet {i % 5}", ("say", f"alone{i}", f"solo{i}", *(common if i < 15 else ())))
        for i in range(100)
    ]
    texts = {"quake-copy": "quake", "veto-copy": "veto"}  # a copy has its original's text
    articles = [
        Article(id=a, slug=a, path=f"{a}.txt", title=a, text=f"text of {texts.get(a, a)}", source=s)
        for a, s, _ in specs
    ]
    return articles, {aid: _analysis(words) for aid, _, words in specs}


def test_the_link_stage_finds_copies_before_stories_and_weighs_members_and_copies(tmp_path: Path) -> None:
    articles, analyses = _linked_corpus()
    corpus = link_corpus(articles, analyses, Config(), tmp_path / "no-aliases.yml")
    assert corpus.duplicate_of == {"quake-copy": "quake", "veto-copy": "veto"}
    # the drug article leaves the memo story (`cohesive_stories`); the quake and its copy are no story, nor
    # the veto, its copy and the article sharing only a name (`supported_stories` with the copies found first)
    assert [t.articles for t in corpus.stories] == [tuple(f"memo{i}" for i in range(5))]


def test_the_link_stage_holds_a_small_story_to_its_core(tmp_path: Path) -> None:
    # two articles on a threat to adjourn Congress; a testing-funding piece that shares two of its words and
    # the recess; a letter that shares the testing piece's words and only the recess with the threat (0.15)
    event, common = tuple(f"adjourn{k}" for k in range(8)), ("white", "house", "official", "report", "week", "state")
    specs = [
        ("threat", "Outlet 1", (*event, "recess", "senate", *common)),
        ("threat-too", "Outlet 2", (*event[:6], "recess", "senate", "unilateral", *common)),
        ("testing", "Outlet 3", (*event[:2], "recess", "senate", "testing", "funding", "laboratory", *common)),
        ("letter", "Outlet 4", ("recess", "testing", "funding", "laboratory", "caucus", "letter", "reopen", *common)),
    ]
    specs += [
        (f"alone{i}", f"Outlet {i % 5}", ("say", f"alone{i}", f"solo{i}", *(common if i < 15 else ())))
        for i in range(100)
    ]
    articles = [Article(id=a, slug=a, path=f"{a}.txt", title=a, text=f"text of {a}", source=s) for a, s, _ in specs]
    corpus = link_corpus(articles, {a: _analysis(w) for a, _, w in specs}, Config(), tmp_path / "no-aliases.yml")
    # the letter's mean with the other three is 0.36 (the mean test keeps it); with the threat pair 0.15
    assert [t.articles for t in corpus.stories] == [("threat", "threat-too", "testing")]
    assert "letter" in corpus.no_story
