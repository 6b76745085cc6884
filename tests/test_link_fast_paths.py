"""Link stage: the fast paths of issue 19's speed work give what the plain definitions give.

Each fast path (string methods before a pattern, counts kept between rule passes) is
checked against the definition it stands for, on hand-written strings chosen to sit
at its edges: no white space before a mention, a title's dot, a surname particle, a
company noun in capitals, letters that match ASCII ones when case is ignored.
"""

from __future__ import annotations

import itertools
import re

import numpy as np
import pytest
from scipy import sparse

from generator.link.known_names import _WORD, _WORDS
from generator.link.mention_table import MentionTable, _context, entry_of
from generator.link.merger import Merger
from generator.link.names import SURNAME_PARTICLES, display_eligible
from generator.link.people import _spells
from generator.link.similarity import _best_of_block
from generator.link.titles import word_before
from generator.link.topics import _same_stem
from generator.model import Article, Mention

_MEDIUM = re.compile(r"(?<![\w-])(?:on|via)\s+$")
_COMPANY = re.compile(
    r"(?<![\w-])(?:firm|company|giant|carmaker|automaker|retailer|insurer|airline|carrier|brewer|conglomerate"
    r"|bank|lender|group|chain|supermarket|manufacturer|maker|operator|producer|subsidiary)\s+$",
    re.IGNORECASE,
)
_WORD_BEFORE = re.compile(r"([A-Z][A-Za-z]*)(\s?\.)?\s+$")
_LOWER_WORD_BEFORE = re.compile(r"(?:^|\s)([a-z]+)\s+$")

TEXTS = [
    "Sen. McConnell",
    "said Trump",
    "the oil giant Yukos",
    "OIL GIANT Yukos",
    "posted on Twitter",
    "posted via\nCoursera",
    "Mrs. de Blasio",
    "Gov . Andrew Cuomo",
    "“Trump",
    "(firm Enron",
    "xfirm Enron",
    "the ſubsidiary Acme",  # a long s matches "s" when case is ignored
    "the carma\u212aer Rover",  # the Kelvin sign matches "k" when case is ignored
    "de Blasio",
    "Mr\tSmith",
    "carmaker-\nRover",
    "Dr.  Fauci",
    "",
]


def _by_patterns(text: str, start: int) -> tuple[str, bool, bool]:
    medium = _MEDIUM.search(text, max(0, start - 5), start) is not None
    company = _COMPANY.search(text, max(0, start - 16), start) is not None
    return word_before(text, start), medium, company


@pytest.mark.parametrize("text", TEXTS)
def test_context_of_a_mention_is_what_the_patterns_find(text: str) -> None:
    for start in range(len(text) + 2):
        assert _context(text, start) == _by_patterns(text, start), (text, start)


def _word_before_by_patterns(text: str, start: int) -> str:
    line = text[max(0, start - 30) : start].rsplit("\n", 1)[-1]
    particle = _LOWER_WORD_BEFORE.search(line)
    if particle and particle.group(1) in SURNAME_PARTICLES:
        line = line[: particle.start(1)]
    match = _WORD_BEFORE.search(line)
    return match.group(1) + ("." if match.group(2) else "") if match else ""


@pytest.mark.parametrize("text", TEXTS)
def test_word_before_is_what_its_patterns_find(text: str) -> None:
    assert word_before("Sen. McConnell", 5) == "Sen."
    assert word_before("Mrs. de Blasio", 8) == "Mrs."
    for start in range(len(text) + 1):
        assert word_before(text, start) == _word_before_by_patterns(text, start), (text, start)


@pytest.mark.parametrize(
    ("text", "name"),
    [("Host Jake Tapper asked", "Jake Tapper"), ("Jake Tappers", "Jake Tapper"), ("_Jake Tapper", "Jake Tapper"),
     ("éJake Tapper", "Jake Tapper"), ("Jake Tapper_ Jake Tapper.", "Jake Tapper"), ("(Jake Tapper)", "Jake Tapper"),
     ("a.b", "."), ("", "x")],
)  # fmt: skip
def test_spells_is_a_whole_word_search(text: str, name: str) -> None:
    assert _spells(text, name) == (re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) is not None)


@pytest.mark.parametrize(
    "form",
    ["Joe Biden", "Biden's", "U.S.", "AT&T", "Smith-Jones", "O’Brien", "Trump MORE", "Trump (", "Kim ,", "٣M", ""],
)
def test_display_eligible_allows_letters_digits_and_name_punctuation_only(form: str) -> None:
    allowed = all(ch.isalnum() or ch in " .'’&-" for ch in form)
    if not allowed:
        assert not display_eligible(form, False)
    assert display_eligible("AT&T", False) and not display_eligible("Trump (", False)


def test_same_stem_as_defined() -> None:
    def defined(a: str, b: str) -> bool:
        short, long = sorted((a, b), key=len)
        if long.startswith(short) and len(short) >= 4:
            return True
        common = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), len(short))
        return a == b or common >= 6

    words = ["protest", "protests", "protester", "pro", "prot", "ballot", "ballots", "wisconsin", "wiscon", "abc", ""]
    for a, b in itertools.product(words, repeat=2):
        assert _same_stem(a, b) == defined(a, b), (a, b)


def _table() -> MentionTable:
    texts = {
        "a": "President Trump met Joe Biden. Trump said Biden lied.",
        "b": "Biden spoke. Donald Trump left. Trump Inc. grew.",
        "c": "Trump and Biden again.",
    }
    articles = [Article(id=k, slug=k, path=f"{k}.txt", title=k, text=t) for k, t in texts.items()]
    table = MentionTable(articles)
    for article in articles:
        for name in ("Donald Trump", "Joe Biden", "Trump Inc.", "Trump", "Biden"):
            for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", article.text):
                if any(e.mention.start <= match.start() < e.mention.end for e in table.by_article[article.id]):
                    continue
                entry = entry_of(article, Mention(name, "PERSON", match.start(), match.end(), 0))
                assert entry is not None
                table.by_article[article.id].append(entry)
    return table


def _fresh(table: MentionTable) -> MentionTable:
    """A table holding the same entries, never counted before."""
    copy = MentionTable([])
    copy.by_article = table.by_article
    copy.texts = table.texts
    return copy


def _state(groups: dict) -> list:
    return [
        (root, list(g.forms.items()), list(g.labels.items()), list(g.articles), dict(g.keys), dict(g.evidence))
        for root, g in groups.items()
    ]


def test_tallies_counted_again_after_moves_equal_a_fresh_count() -> None:
    table = _table()
    merger = Merger([])
    assert _state(table.groups(merger)) == _state(_fresh(table).groups(merger))
    for entry in table.entries():  # a rule moves some entries to another key and changes some labels
        if entry.key == "trump" and entry.article != "a":
            entry.key, entry.label = "donald trump", "PERSON"
        elif entry.key == "biden":
            entry.key = "joe biden"
        elif entry.key == "trump inc":
            entry.label = "ORG"
    table.moved()
    merger.union("donald trump", "joe biden", "a test join")  # and a join between the two calls
    assert _state(table.groups(merger)) == _state(_fresh(table).groups(merger))
    assert table.keys() == _fresh(table).keys()
    for entry in table.entries():  # every entry back to a key that had vanished
        if entry.article == "c":
            entry.key = "biden" if "Biden" in entry.surface else entry.key
    table.moved()
    assert _state(table.groups(merger)) == _state(_fresh(table).groups(merger))


def _best_by_sorting(dense: np.ndarray, start: int, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Each row's k best other columns by a full sort: best first, ties by column, zeros no neighbour."""
    index = np.full((dense.shape[0], k), -1, dtype=np.int32)
    score = np.zeros((dense.shape[0], k), dtype=np.float32)
    for row, values in enumerate(dense.astype(np.float32)):
        found = sorted((-v, col) for col, v in enumerate(values) if v > 0 and col != row + start)[:k]
        for rank, (negated, col) in enumerate(found):
            index[row, rank], score[row, rank] = col, -negated
    return index, score


@pytest.mark.parametrize("width", [5, 70, 300, 1000])
@pytest.mark.parametrize("k", [1, 3, 10])
def test_the_bounded_selection_gives_each_rows_k_best_as_a_full_sort_does(width: int, k: int) -> None:
    rng = np.random.default_rng(width * 31 + k)
    rows = min(24, width)  # a block of the square matrix's rows, starting at row `start`
    dense = rng.random((rows, width)) * (rng.random((rows, width)) < 0.3)
    dense[3] = 0.0  # a row with no neighbour
    dense[4, :2] = 0.5  # a row with fewer than k
    dense[4, 2:] = 0.0
    dense[-2] = np.round(dense[-2], 1)  # ties, broken by column
    dense[-1, :] = 0.25  # every column tied
    start = min(7, width - rows)
    k = min(k, width - 1)
    index = np.zeros((rows, k), dtype=np.int32)
    score = np.zeros((rows, k), dtype=np.float32)
    _best_of_block(sparse.csr_matrix(dense), start, k, index, score)
    expected_index, expected_score = _best_by_sorting(dense, start, k)
    assert index.tolist() == expected_index.tolist()
    assert score.tolist() == expected_score.tolist()


def test_tallies_counted_again_for_the_entries_a_rule_names_equal_a_fresh_count() -> None:
    table = _table()
    merger = Merger([])
    table.groups(merger)
    changed = []
    for entry in table.entries():
        if entry.key == "trump" and entry.article != "a":
            entry.key, entry.label = "donald trump", "PERSON"
            changed.append(entry)
        elif entry.key == "biden":
            entry.key = "joe biden"
            changed.append(entry)
    assert len(changed) >= 3
    table.moved(changed[:1])
    table.moved(changed[1:])  # two rules' moves before the next count
    assert _state(table.groups(merger)) == _state(_fresh(table).groups(merger))
    moved_back = [e for e in table.entries() if e.key in ("donald trump", "joe biden") and e.article == "c"]
    for entry in moved_back:
        entry.key = entry.surface.lower()
    table.moved(moved_back)
    table.moved()  # and any entry: every one looked at
    assert _state(table.groups(merger)) == _state(_fresh(table).groups(merger))
    assert table.keys() == _fresh(table).keys()


@pytest.mark.parametrize(
    "text", ["Jean-Luc Picard", "-Trump said", "a--b -c- d-", "Élysée—Paris", "x_y 3-4 «Nato»", "", "  - -  "]
)
def test_words_found_without_the_lookbehind_are_the_words_the_pattern_finds(text: str) -> None:
    assert _WORDS.findall(text) == _WORD.findall(text)
