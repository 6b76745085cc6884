"""Stories: which articles tell one event, the headline a story gets, and the neighbour search under them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
from conftest import SEEDS
from scipy import sparse

from generator.analyse import analyse_articles
from generator.config import Config
from generator.ingest import read_corpus
from generator.link import link_corpus
from generator.link.similarity import (
    Neighbours,
    Search,
    lemma_vectors,
    nearest_neighbours,
    neighbour_searches,
    pair_products,
    rare_term_vectors,
    related_articles,
)
from generator.link.stories import (
    StoryGroups,
    central_rows,
    find_stories,
    headline_of,
    names_no_event,
    supported_stories,
)
from generator.link.topics import distinct_phrases, topic_entities
from generator.model import Article, Entity, LinkedMention


def _article(aid: str, text: str, day: int | None = None, title: str | None = None) -> Article:
    when = date(2021, 5, day) if day else None
    return Article(id=aid, slug=aid, path=f"{aid}.txt", title=title or aid, text=text, date=when)


def _link(articles: list[Article], tmp_path: Path):  # noqa: ANN202 - the linked corpus
    analyses, _ = analyse_articles(articles, Config(), None)
    return link_corpus(articles, analyses, Config(), tmp_path / "no-aliases.yml")


def _story_of(corpus) -> dict[str, str | None]:  # noqa: ANN001
    return {a.id: (corpus.article_topic[a.id] if a.id not in corpus.no_story else None) for a in corpus.articles}


def test_the_seeds_are_one_story_of_four_and_the_2015_article_alone() -> None:
    config = Config()
    articles = read_corpus(SEEDS, config).articles
    analyses, _ = analyse_articles(articles, config, None)
    corpus = link_corpus(articles, analyses, config, SEEDS / "aliases.yml")
    assert [len(t.articles) for t in corpus.stories] == [4]
    story = corpus.stories[0]
    lone = [a.id for a in articles if a.path.startswith("003_")]
    assert corpus.no_story == tuple(lone)
    assert set(story.articles) == {a.id for a in articles} - set(lone)
    assert story.headline_article in story.articles
    assert story.label == headline_of(corpus.article(story.headline_article))
    assert story.subtitle and story.subtitle != story.label
    alone = next(t for t in corpus.topics if t.articles == tuple(lone))  # every article keeps a topic for its page
    assert not alone.is_story and corpus.article_topic[lone[0]] == alone.id


VISIT = [
    "Governor Maria Ortega opened the new battery factory in Eastfield on Monday. The factory will employ 900 "
    "workers and make batteries for electric buses. Ortega cut the ribbon at the factory gate.",
    "Eastfield's battery factory opened its doors as Governor Maria Ortega toured the assembly lines. The plant "
    "plans to hire 900 workers to build electric bus batteries.",
    "At the opening of the Eastfield battery plant, Governor Maria Ortega said the factory's 900 jobs would "
    "revive the town. The first batteries leave the plant next month.",
]
VETO = [
    "Governor Maria Ortega vetoed the state budget on Thursday, saying lawmakers cut school funding. The veto "
    "sends the budget back to the legislature in Eastfield.",
    "Lawmakers in Eastfield must rewrite the budget after Governor Maria Ortega's veto. Ortega objected to the "
    "cuts to school funding in the budget bill.",
    "The legislature will vote again on the budget that Governor Maria Ortega vetoed over school funding cuts. "
    "Ortega said the veto protects teachers.",
]


def test_same_people_and_places_but_different_events_are_different_stories(tmp_path: Path) -> None:
    articles = [_article(f"visit{i}", text, day=3 + i) for i, text in enumerate(VISIT)]
    articles += [_article(f"veto{i}", text, day=20 + i) for i, text in enumerate(VETO)]
    story = _story_of(_link(articles, tmp_path))
    visits = {story[f"visit{i}"] for i in range(3)}
    vetoes = {story[f"veto{i}"] for i in range(3)}
    assert len(visits) == 1 and len(vetoes) == 1 and None not in visits | vetoes
    assert visits != vetoes


QUAKE = [
    "A strong earthquake struck the mountain town of Velmora at dawn, killing at least twelve people and "
    "collapsing the old bridge over the river.",
    "Rescuers in Velmora dug through rubble after the quake. Twelve residents died when the tremor brought "
    "down houses and the river bridge.",
    "The death toll from the Velmora tremor reached twelve. Survivors described the ground shaking before the "
    "bridge fell into the river.",
]
OTHER = [
    "The city orchestra of Port Alder announced a season of Baroque concerts with a new conductor.",
    "A bakery chain in Brenton raised the price of bread after a poor wheat harvest.",
]


def test_one_event_told_in_different_words_is_one_story_and_unrelated_articles_join_none(tmp_path: Path) -> None:
    articles = [_article(f"quake{i}", text, day=10 + i) for i, text in enumerate(QUAKE)]
    articles += [_article(f"other{i}", text, day=12) for i, text in enumerate(OTHER)]
    corpus = _link(articles, tmp_path)
    story = _story_of(corpus)
    assert len({story[f"quake{i}"] for i in range(3)}) == 1 and story["quake0"] is not None
    assert set(corpus.no_story) == {"other0", "other1"}
    assert [len(t.articles) for t in corpus.stories] == [3]


def test_nearest_neighbours_match_the_full_similarity_matrix() -> None:
    rng = np.random.default_rng(1)
    dense = rng.random((40, 30)) * (rng.random((40, 30)) < 0.2)
    dense[7] = 0  # an article sharing nothing has no neighbours
    norms = np.linalg.norm(dense, axis=1, keepdims=True)
    dense = np.divide(dense, norms, out=np.zeros_like(dense), where=norms > 0)
    found = nearest_neighbours(sparse.csr_matrix(dense, dtype=np.float32), k=4, block=7)
    full = dense @ dense.T
    np.fill_diagonal(full, -1)
    for row in range(40):
        if row == 7:
            assert (found.index[row] == -1).all()
            continue
        expected = np.sort(full[row])[::-1][:4]
        kept = found.score[row][found.index[row] >= 0]
        assert np.allclose(kept, expected[expected > 0][: len(kept)], atol=1e-5)
        assert row not in found.index[row]


def test_dates_far_apart_weaken_a_link() -> None:
    rows = sparse.csr_matrix(np.array([[1.0, 0.0], [1.0, 0.0], [1.0, 0.0]], dtype=np.float32))
    dates = [date(2021, 1, 1), date(2021, 1, 2), date(2021, 3, 1)]
    found = nearest_neighbours(rows, k=2, dates=dates, days=7)
    assert found.index[0, 0] == 1 and found.score[0, 0] > 0.8 and found.score[0, 1] < 0.01


def test_searches_sharing_one_product_find_what_each_finds_alone() -> None:
    rng = np.random.default_rng(2)
    dense = rng.random((30, 12)) * (rng.random((30, 12)) < 0.3)
    rows = sparse.csr_matrix(dense / np.maximum(np.linalg.norm(dense, axis=1, keepdims=True), 1e-9), dtype=np.float32)
    dates = [date(2021, 1, 1 + i % 28) if i % 5 else None for i in range(30)]
    story, subject = neighbour_searches(rows, [Search(3, dates, 7.0), Search(6)], block=8)
    alone = [nearest_neighbours(rows, 3, dates, 7.0, block=11), nearest_neighbours(rows, 6, block=30)]
    for shared, single in zip((story, subject), alone, strict=True):
        assert np.array_equal(shared.index, single.index) and np.array_equal(shared.score, single.score)
    assert not np.array_equal(story.score, subject.score[:, :3])  # the days changed the story search only


def _analysis_with_lemmas(lemmas: tuple[str, ...]):  # noqa: ANN202 - an ArticleAnalysis
    from generator.model import ArticleAnalysis

    return ArticleAnalysis(sentences=(), summary=(), keywords=(), mentions=(), quotes=(), acronyms=(), lemmas=lemmas)


def test_term_rows_are_the_matrices_tfidfvectorizer_makes_value_for_value_and_in_order() -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer

    lemmas = [("zeta", "alpha", "zeta", "entity:kim"), ("alpha", "beta"), (), ("beta", "zeta", "alpha", "alpha")]
    articles = [_article(f"a{i}", "text") for i in range(len(lemmas))]
    analyses = {a.id: _analysis_with_lemmas(words) for a, words in zip(articles, lemmas, strict=True)}
    mentions = {"a0": (LinkedMention("kim", "Kim", 0, 3, 0),), "a2": (LinkedMention("kim", "Kim", 0, 3, 0),)}

    def expected(documents: list[list[str]]) -> sparse.csr_matrix:
        vectorizer = TfidfVectorizer(analyzer=lambda d: d, sublinear_tf=True, dtype=np.float32)
        return vectorizer.fit_transform(documents).tocsr()

    def same(left: sparse.csr_matrix, right: sparse.csr_matrix) -> bool:  # the arrays, so the order too
        return left.shape == right.shape and all(
            np.array_equal(getattr(left, f), getattr(right, f)) for f in ("data", "indices", "indptr")
        )

    assert same(lemma_vectors(articles, analyses), expected([list(words) for words in lemmas]))
    # "entity:kim" is a lemma of a0 and the entity of a0 and a2: one term, used by two articles
    joined = [
        [*words, *("entity:" + m.entity for m in mentions.get(a.id, ()))]
        for a, words in zip(articles, lemmas, strict=True)
    ]
    used = {t: sum(t in d for d in joined) for d in joined for t in d}
    rare = [[t for t in d if 2 <= used[t] <= 3] for d in joined]
    assert same(rare_term_vectors(articles, analyses, mentions), expected(rare))
    assert rare_term_vectors(articles, analyses, {}, share=0.0).shape == (4, 3)  # alpha, beta, zeta: ≤ 3 articles
    nothing = {a.id: _analysis_with_lemmas(()) for a in articles}
    assert rare_term_vectors(articles, nothing, {}).shape == (4, 1) and lemma_vectors(articles, nothing).nnz == 0


def test_related_articles_keep_the_best_above_the_floor_and_an_article_alone_is_no_story() -> None:
    neighbours = Neighbours(
        index=np.array([[1, 2], [0, -1], [0, 1]], dtype=np.int32),
        score=np.array([[0.5, 0.05], [0.5, 0.0], [0.05, 0.01]], dtype=np.float32),
    )
    related = related_articles(neighbours, ["a", "b", "c"], top=5, floor=0.08)
    assert related == {"a": (("b", 0.5),), "b": (("a", 0.5),), "c": ()}
    groups = find_stories(neighbours, resolution=0.1)
    assert groups.labels == (0, 0, -1) and groups.members == ((0, 1),)


def test_only_terms_few_articles_share_are_evidence_of_one_story() -> None:
    common = "The pandemic lockdown hurt the economy and health workers."
    texts = [f"{common} Story {word} happened." for word in ("alpha", "beta", "gamma", "delta", "epsilon")]
    texts += [f"{common} The Velmora bridge collapsed.", f"{common} Rescuers reached the Velmora bridge."]
    articles = [_article(f"a{i}", text) for i, text in enumerate(texts)]
    analyses, _ = analyse_articles(articles, Config(), None)
    rare = rare_term_vectors(articles, analyses, {}).toarray()
    assert not rare[:5].any()  # they share nothing but what every article says
    neighbours = Neighbours(index=np.array([[1], [0], [0], [0], [0], [6], [5]], dtype=np.int32), score=np.ones((7, 1)))
    evidence = pair_products(sparse.csr_matrix(rare), neighbours)
    assert evidence[5, 0] > 0.5 and evidence[6, 0] > 0.5 and (evidence[:5] == 0).all()
    kept = neighbours.keep(evidence >= 0.08)
    assert kept.index[:, 0].tolist() == [-1, -1, -1, -1, -1, 6, 5] and kept.score[0, 0] == 0


def test_a_small_story_needs_rare_evidence_between_its_members_and_a_pair_more() -> None:
    # rows: a pair sharing a name (0, 1), a pair sharing almost nothing (2, 3), a three whose third
    # member shares nothing with the others (4-6), and a story of five held by links alone (7-11).
    rare = np.zeros((12, 6), dtype=np.float32)
    rare[0] = rare[1] = [1, 0, 0, 0, 0, 0]
    rare[2], rare[3] = [0, 1, 0, 0, 0, 0], [0, 0.05, 0.99875, 0, 0, 0]  # the pair's evidence: 0.05
    rare[4] = rare[5] = [0, 0, 0, 1, 0, 0]
    rare[6] = [0, 0, 0, 0, 1, 0]
    rare[7:12] = [0, 0, 0, 0, 0, 1]
    rare[9] = [0, 0, 0, 0, 1, 0]
    members = ((7, 8, 9, 10, 11), (4, 5, 6), (0, 1), (2, 3))
    labels = [2, 2, 3, 3, 1, 1, 1, 0, 0, 0, 0, 0]
    groups = StoryGroups(tuple(labels), members)
    kept = supported_stories(groups, sparse.csr_matrix(rare), size=5, floor=0.14, pair_floor=0.3)
    # the three's pairs average 1/3 (one of three pairs shares a term): kept; the five is not small
    assert kept.members == ((7, 8, 9, 10, 11), (4, 5, 6), (0, 1))
    assert kept.labels == (2, 2, -1, -1, 1, 1, 1, 0, 0, 0, 0, 0)
    rare[4] = [0, 0, 0, 0.3, 0, 0.954]  # now the three's pairs average (0.3 + 0 + 0) / 3 = 0.1
    kept = supported_stories(groups, sparse.csr_matrix(rare), size=5, floor=0.14, pair_floor=0.3)
    assert kept.members == ((7, 8, 9, 10, 11), (0, 1)) and kept.labels[4:7] == (-1, -1, -1)
    rare[1] = [0.25, 0, 0, 0, 0, 0.968]  # a pair sharing 0.25: enough for three articles, not for two
    kept = supported_stories(groups, sparse.csr_matrix(rare), size=5, floor=0.14, pair_floor=0.3)
    assert kept.members == ((7, 8, 9, 10, 11),) and kept.labels[:2] == (-1, -1)
    assert supported_stories(groups, sparse.csr_matrix(rare), size=5, floor=0.14, pair_floor=0.2).members[1] == (0, 1)


def test_a_question_headline_gives_way_to_a_nearly_as_central_statement() -> None:
    # one story of rows 0-3: row 0 links to all (the most central), row 1 to two, rows 2 and 3 to one or two
    links = {(0, 1): 0.4, (0, 2): 0.4, (0, 3): 0.4, (1, 2): 0.3, (2, 3): 0.1}
    dense = np.zeros((4, 4), dtype=np.float32)
    for (a, b), weight in links.items():
        dense[a, b] = dense[b, a] = weight
    graph = sparse.csr_matrix(dense)
    groups = StoryGroups((0, 0, 0, 0), ((0, 1, 2, 3),))
    statement = ["Court rules the vote goes ahead", "Voters queue for hours", "Poll workers quit", "Ballots run out"]
    assert central_rows(groups, graph, statement) == (0,) and central_rows(groups, graph) == (0,)
    asked = ["Should the vote go ahead?", *statement[1:]]
    assert central_rows(groups, graph, asked) == (2,)  # row 2's links (0.8) are over half of row 0's (1.2)
    all_asked = ["Should the vote go ahead?", "Why did voters queue?", "How poll workers quit", "What ballots?"]
    assert central_rows(groups, graph, all_asked) == (0,)  # no statement: the most central question
    weak = StoryGroups((0, 0, 0, 0), ((0, 1, 2, 3),))
    far = sparse.csr_matrix(np.array([[0, 1, 1, 0.1], [1, 0, 0, 0], [1, 0, 0, 0], [0.1, 0, 0, 0]], dtype=np.float32))
    lone_statement = ["Should the vote go ahead?", "Why did voters queue?", "How poll workers quit", "Ballots run out"]
    assert central_rows(weak, far, lone_statement) == (0,)  # the statement (0.1) is under half of 2.1


def test_a_headline_that_asks_or_opens_a_guide_names_no_event() -> None:
    assert names_no_event("Should rent be canceled because of the coronavirus?")
    assert names_no_event("How coronavirus school closures could cause 'historic academic regression'")
    assert names_no_event("‘Is vote-by-mail needed?’")
    assert names_no_event("This is where all 50 states stand on reopening")
    assert names_no_event("Here’s how the relief checks work")
    assert not names_no_event("Wisconsin court rules that primary can proceed on Tuesday")
    assert not names_no_event("'Believe all women'? Now that Reade has accused Joe Biden, never mind")
    assert not names_no_event("Whatever happened to the stimulus checks")
    assert not names_no_event("This island votes by mail")  # "This is" only as a guide's opening
    assert not names_no_event("WHO hails Sweden as a 'model' for fighting coronavirus")  # the acronym, no question
    assert not names_no_event("WHO Failed")
    assert names_no_event("HOW THE RELIEF CHECKS WORK")  # a headline in capitals still asks


def test_a_story_label_says_each_thing_once() -> None:
    ranked = ["absentee", "absentee ballot", "ballot", "wisconsin", "court"]
    assert distinct_phrases(ranked, 3) == ["absentee ballot", "wisconsin", "court"]
    assert distinct_phrases(["protester", "protest", "flag"], 3) == ["protester", "flag"]
    assert distinct_phrases(["mitch mcconnell", "mcconnell", "senate"], 3) == ["mitch mcconnell", "senate"]


def test_a_story_lists_the_entities_that_set_it_apart_first() -> None:
    everywhere = Entity("us", "us", "United States", "GPE", ("U.S.",), tuple(f"a{i}" for i in range(20)), 40)
    witness = Entity("reade", "reade", "Tara Reade", "PERSON", ("Reade",), ("a0", "a1"), 6)
    mentions = {f"a{i}": (LinkedMention("us", "U.S.", 0, 4, 0),) for i in range(20)}
    for aid in ("a0", "a1"):
        mentions[aid] += (LinkedMention("reade", "Reade", 10, 15, 1),)
    ranked = topic_entities(["a0", "a1"], mentions, {"us": everywhere, "reade": witness})
    assert ranked == ("reade", "us")
