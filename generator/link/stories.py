"""Stories: the articles that tell one event or development, across outlets and days.

A story is a group of articles more alike than `resolution` on average, found as the
communities of the nearest-neighbour graph (`similarity.nearest_neighbours`) by the
Leiden algorithm with the constant Potts model (igraph's `community_leiden`): a group holds
together while its links outweigh `resolution` for every pair of its members, so the
number of stories comes from the corpus and two loosely related articles stay apart.
The graph's links are the story similarity (the words two articles share), discounted by
the days between two articles when both are dated; a link stays only with evidence of one
event — at least STORY_EVIDENCE similarity over the terms few articles use (names and rare
words, `similarity.rare_term_vectors`) — so two comment pieces on the pandemic that share
its vocabulary are no story. A small story (fewer than SMALL_STORY articles) has few links to
hold it, so its members must share more of that evidence: on average over its pairs at least
SMALL_STORY_EVIDENCE, and a story of two, held by its one link, PAIR_EVIDENCE, or its articles
join no story (`supported_stories`). Before that, a member that shares less than MEMBER_EVIDENCE
with the rest of its story on average leaves it (`cohesive_stories`): a chain of links is no
story. Of a small story that passes (at most CORE_STORY articles), a member that shares less than
CORE_SHARE of what its two closest members share with each other, on average with those two, leaves
it (`core_stories`; the members that leave are a story if they pass the small-story bars): two
articles on one event beside loosely related comment pieces are that event's story, not a
grab-bag. An article and its copies are one article: in every check they count as one, and a story
of nothing else is none (`supported_stories`). An article whose community is itself alone
joins no story: it is listed as such, not as a one-article story.

A story's title is a headline: the title of its most central article (the one most
similar to the others of the story), which the story records; a headline that asks a
question gives way to a nearly as central one that states what happened, and of a story of
two (both as central) the headline that says more of what the other article tells is chosen.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from generator.link.similarity import Neighbours, content_words
from generator.model import Article

STORY_NEIGHBOURS = 10  # links per article in the story graph (docs/BENCHMARKS.md, "Stories")
STORY_EVIDENCE = 0.08  # a link needs this much shared rare evidence (`similarity.rare_term_vectors`)
HEADLINE_SHARE = 0.5  # a stated headline stands in for a question one at this share of its centrality
SMALL_STORY = 5  # a story of fewer articles needs SMALL_STORY_EVIDENCE between its members on average
SMALL_STORY_EVIDENCE = 0.14  # (docs/BENCHMARKS.md, "Sixth pass": pairs of comment pieces were no story)
PAIR_EVIDENCE = 0.30  # what a story of two articles needs
MEMBER_EVIDENCE = 0.10  # a member's mean evidence with the rest of its story (docs/BENCHMARKS.md, "Seventh pass")
CORE_STORY = 5  # a story of at most this many articles is held to its core (docs/BENCHMARKS.md, "tenth pass")
CORE_SHARE = 0.35  # a member's mean evidence with the core pair, as a share of the pair's own
STORY_DAYS = 7.0  # similarity of two dated articles × exp(-days apart / STORY_DAYS)
NO_STORY = -1


@dataclass(frozen=True)
class StoryGroups:
    """Story number per article (NO_STORY for an article that joins none), and each story's members."""

    labels: tuple[int, ...]
    members: tuple[tuple[int, ...], ...]  # row numbers per story, largest story first, rows in corpus order


def find_stories(neighbours: Neighbours, resolution: float, seed: int = 0) -> StoryGroups:
    """Leiden (constant Potts model) communities of the neighbour graph; communities of one are no story.

    Seeded, so the same corpus gives the same stories.
    """
    n = neighbours.size
    if n == 0:
        return StoryGroups((), ())
    communities = _leiden(neighbours.graph(), resolution, seed)
    groups: dict[int, list[int]] = {}
    for row, community in enumerate(communities):
        groups.setdefault(community, []).append(row)
    stories = sorted((rows for rows in groups.values() if len(rows) > 1), key=lambda rows: (-len(rows), rows[0]))
    labels = [NO_STORY] * n
    for number, rows in enumerate(stories):
        for row in rows:
            labels[row] = number
    return StoryGroups(tuple(labels), tuple(tuple(rows) for rows in stories))


def supported_stories(
    groups: StoryGroups,
    rare: sparse.csr_matrix,
    size: int = SMALL_STORY,
    floor: float = SMALL_STORY_EVIDENCE,
    pair_floor: float = PAIR_EVIDENCE,
    original: Sequence[int] | None = None,
) -> StoryGroups:
    """The stories, less those under `size` articles whose members share too little rare evidence.

    `rare`: L2-normalised rows (`similarity.rare_term_vectors`); the evidence of a pair is
    the dot product of their rows, averaged over every pair of the story: at least `floor`,
    and `pair_floor` for a story of two. An article and its copies (`original[row]`: the row of
    the article that row copies, or the row itself) count as one article, so a copy adds no pair
    that shares everything, and a story of one article and its copies is none. A dropped story's
    articles join no story; the others keep their order and are numbered again.
    """
    kept = []
    for rows in groups.members:
        distinct = _one_per_article(rows, original)
        if len(distinct) < 2:
            continue  # one article told twice is no story
        if len(distinct) < size:
            pairs = _products(rare, distinct)[np.triu_indices(len(distinct), k=1)]
            if float(pairs.mean()) < (pair_floor if len(distinct) == 2 else floor):
                continue
        kept.append(rows)
    return _numbered(kept, len(groups.labels))


def _products(rare: sparse.csr_matrix, rows: list[int]) -> np.ndarray:
    """The rare-evidence products of every pair of the rows (dense: a story is small)."""
    members = rare[rows]
    return (members @ members.T).toarray()


def _one_per_article(rows: Sequence[int], original: Sequence[int] | None) -> list[int]:
    """The rows less the copies of an article already among them (the first row of each article stays)."""
    if original is None:
        return list(rows)
    first: dict[int, int] = {}
    for row in rows:
        first.setdefault(original[row], row)
    return list(first.values())


def cohesive_stories(
    groups: StoryGroups, rare: sparse.csr_matrix, floor: float = MEMBER_EVIDENCE, original: Sequence[int] | None = None
) -> StoryGroups:
    """The stories less their members that share too little rare evidence with the rest of their story.

    A community holds together along a chain of links: A shares a name with B, B a drug with
    C, and A and C nothing (the Navarro memo and a hydroxychloroquine exchange, docs/BENCHMARKS.md
    "Seventh pass"). Of a story of three or more articles, the one whose mean evidence (the dot
    products of `rare` rows, `similarity.rare_term_vectors`) with the other articles is the lowest
    leaves it while that mean is under `floor`, and the rest are weighed again. An article and its
    copies (`original`, as for `supported_stories`) are weighed as one and leave together: a copy
    props up no weak member. A member that left joins no story, and a story left with one member is
    none. The others keep their order and are numbered again.
    """
    kept = []
    for story in groups.members:
        rows = list(story)
        distinct = _one_per_article(rows, original)
        products = _products(rare, distinct)  # once a story: a member that leaves takes its column from the sums
        np.fill_diagonal(products, 0.0)
        sums = products.sum(axis=1)
        alive = np.ones(len(distinct), dtype=bool)
        while alive.sum() > 2:
            mean = np.where(alive, sums / (alive.sum() - 1), np.inf)
            weakest = int(np.argmin(mean))
            if mean[weakest] >= floor:
                break
            alive[weakest] = False
            sums -= products[:, weakest]
            gone = distinct[weakest]
            rows = [row for row in rows if row != gone and (original is None or original[row] != original[gone])]
        if len(rows) > 1:
            kept.append(tuple(rows))
    return _numbered(sorted(kept, key=lambda rows: (-len(rows), rows[0])), len(groups.labels))


def core_stories(
    groups: StoryGroups,
    rare: sparse.csr_matrix,
    share: float = CORE_SHARE,
    size: int = CORE_STORY,
    original: Sequence[int] | None = None,
) -> StoryGroups:
    """The stories less the members of a small story that are far from its core.

    A small story can hold an event told by two articles and, beside them, pieces that share a
    little of its vocabulary and nothing of its event (Trump's threat to adjourn Congress with a
    Freedom Caucus letter on reopening, docs/BENCHMARKS.md "Story titles, tenth pass"): the mean
    test of `cohesive_stories` keeps them, as their evidence is that of a loose real story. Of a
    story of three to `size` articles, the core is the pair of members with the most evidence
    between them (the dot product of their `rare` rows); a member whose mean evidence with the two
    is under `share` of the core's own leaves it. An article and its copies are weighed as one and
    leave together (`original`, as for `supported_stories`). The members that left one story are a
    story of their own (two pieces on Fauci's hopes for reopening that left the #FireFauci story),
    and, as what is left of the story, must pass `supported_stories` again: a member that left alone,
    or with members it shares too little with, joins no story. The others keep their order and are
    numbered again.
    """
    kept = []
    for story in groups.members:
        rows = list(story)
        distinct = _one_per_article(rows, original)
        if 3 <= len(distinct) <= size:
            products = _products(rare, distinct)
            np.fill_diagonal(products, 0.0)
            first, second = np.unravel_index(int(np.argmax(products)), products.shape)
            near = (products[:, first] + products[:, second]) / 2
            near[[first, second]] = np.inf
            gone = {_article_of(distinct[k], original) for k in np.flatnonzero(near < share * products[first, second])}
            left = tuple(row for row in rows if _article_of(row, original) in gone)
            rows = [row for row in rows if _article_of(row, original) not in gone]
            if len(gone) > 1:
                kept.append(left)  # the members that left, one story if they pass `supported_stories`
        if len(rows) > 1:
            kept.append(tuple(rows))
    return _numbered(sorted(kept, key=lambda rows: (-len(rows), rows[0])), len(groups.labels))


def _article_of(row: int, original: Sequence[int] | None) -> int:
    """The row of the article that `row` copies, or `row` itself."""
    return row if original is None else original[row]


def _numbered(stories: Sequence[tuple[int, ...]], size: int) -> StoryGroups:
    """Story groups from the member rows of each story, in the order given."""
    labels = [NO_STORY] * size
    for number, rows in enumerate(stories):
        for row in rows:
            labels[row] = number
    return StoryGroups(tuple(labels), tuple(stories))


def _leiden(graph: sparse.csr_matrix, resolution: float, seed: int) -> list[int]:
    return leiden_communities(graph, "CPM", resolution, seed)


def leiden_communities(graph: sparse.csr_matrix, objective: str, resolution: float, seed: int) -> list[int]:
    """Community per node of a weighted symmetric graph: igraph's Leiden, iterated until no node moves.

    igraph draws from Python's `random`; a generator seeded here for the call (and the
    default put back after) makes the same graph give the same communities.
    """
    import random

    import igraph

    upper = sparse.triu(graph, k=1).tocoo()
    network = igraph.Graph(n=graph.shape[0], edges=np.column_stack([upper.row, upper.col]).tolist())
    igraph.set_random_number_generator(random.Random(seed))
    try:
        found = network.community_leiden(
            objective_function=objective, weights=upper.data.tolist(), resolution=resolution, n_iterations=-1
        )
    finally:
        igraph.set_random_number_generator(random)
    return list(found.membership)


def central_rows(
    groups: StoryGroups,
    graph: sparse.csr_matrix,
    titles: Sequence[str] = (),
    words: Sequence[frozenset[str]] = (),
) -> tuple[int, ...]:
    """Per story, the member most similar to the other members (sum of its links inside the story).

    With `titles` (one per row), a member whose headline asks a question or opens a guide
    (`names_no_event`) is passed over for the most central member whose headline states
    something, when that one's links sum to at least HEADLINE_SHARE of the best: a question
    or a guide names a subject, not what happened. The two members of a story of two are
    equally central; with `words` (each row's content words, headline and text), the one whose
    headline says more of what the other article tells (`headline_told`) gives the title, not
    the first in the corpus. One pass over the graph's links for all stories; other ties go to
    the member first in the corpus.
    """
    labels = np.asarray(groups.labels, dtype=np.int64)
    links = graph.tocoo()
    inside = (labels[links.row] >= 0) & (labels[links.row] == labels[links.col])
    strength = np.bincount(links.row[inside], weights=links.data[inside], minlength=len(labels))
    rarity = word_rarity(words) if titles and words else {}
    chosen = []
    for rows in groups.members:
        best = rows[int(np.argmax(strength[list(rows)]))]
        if titles and names_no_event(titles[best]):
            statements = [row for row in rows if not names_no_event(titles[row])]
            if statements:
                other = statements[int(np.argmax(strength[statements]))]
                best = other if strength[other] >= HEADLINE_SHARE * strength[best] else best
        if rarity and len(rows) == 2 and names_no_event(titles[rows[0]]) == names_no_event(titles[rows[1]]):
            first, second = rows
            told = headline_told(first, second, titles, words, rarity)
            best = second if headline_told(second, first, titles, words, rarity) > told else first
        chosen.append(best)
    return tuple(chosen)


def word_rarity(words: Sequence[frozenset[str]]) -> dict[str, float]:
    """Inverse document frequency of each content word over the corpus: log(articles / articles using it)."""
    frequency: Counter[str] = Counter(word for row in words for word in row)
    return {word: math.log(len(words) / count) for word, count in frequency.items()}


def headline_told(
    row: int, other: int, titles: Sequence[str], words: Sequence[frozenset[str]], rarity: dict[str, float]
) -> float:
    """How much of what `row`'s headline says the `other` article tells too: the rarity of the
    headline's content words that the other article uses, summed ("NYC mayor takes heat after
    lashing out at Jewish funeral" says more of its pair's funeral story than "De Blasio the Denier")."""
    return sum(rarity.get(word, 0.0) for word in content_words(titles[row]) if word in words[other])


QUESTION_WORDS = frozenset(
    "how why what when where who which whose should shall is are was were can could will would do does did".split()
)


HEDGES = frozenset({"maybe", "perhaps"})  # "Maybe Trump hasn't rewritten rules": what might be, not what happened
ROUND_UP_ITEMS = 3  # a headline of this many parts between semicolons lists a round-up's items
GUIDE_OPENING = re.compile(r"(here's|here is|here are|this is where|this is what|these are|everything)\b", re.I)


def names_no_event(title: str) -> bool:
    """A headline that asks, hedges or opens a guide, not one that says what happened.

    It ends with a question mark or opens with a question word ("How ...", "Should ..."; not an
    acronym in a headline not in capitals: "WHO hails Sweden" states something) or a hedge
    ("Maybe ...", "Maybe, just maybe, ...", "Perhaps ...": a guess at what might be),
    or with a guide's opening ("Here's ...", "This is where ...", "Everything ..."), or lists a
    round-up's items (ROUND_UP_ITEMS or more parts between semicolons: "US deaths hit 40,000;
    lockdown protests heat up; NY begins mass antibody testing": a day's news, not one story's).
    """
    words = title.strip().split()
    if not words:
        return False
    written = words[0].strip("\"'‘’“”").rstrip(",;:")  # "Maybe, just maybe, ...": the word, not its comma
    first = written.lower()
    acronym = len(written) > 1 and written.isupper() and not title.isupper()  # "WHO hails Sweden": an acronym
    opening = title.strip().lstrip("\"'‘’“”").replace("’", "'")
    opens = (first in QUESTION_WORDS or first in HEDGES) and not acronym
    asks = title.rstrip().rstrip("\"'’”").endswith("?") or opens
    round_up = len([part for part in title.split(";") if part.strip()]) >= ROUND_UP_ITEMS
    return asks or round_up or GUIDE_OPENING.match(opening) is not None


def headline_of(article: Article) -> str:
    """The article's title as a headline: white space folded, a trailing full stop dropped."""
    title = " ".join(article.title.split())
    return title[:-1] if title.endswith(".") and not title.endswith("..") else title
