"""Keyword units and the article's credits and line breaks: a wire credit or a byline names who sent or
wrote the story, not what it is about; a name never runs across a line break, a comma or a spaced dash."""

from __future__ import annotations

from generator.analyse.keyword_spans import credit_tokens
from generator.analyse.keywords import extract_keywords
from generator.analyse.nlp import load_model

STORY = (
    "Dock workers at the port of Yokohama walked out on Monday, halting exports of cars{told}.\n"
    "The strike is the first at the port in a decade, the union said. Exports fell by a third."
)


def _keywords(text: str) -> list[str]:
    return [k.text for k in extract_keywords(load_model()(text), 10, 3)]


def test_a_wire_credit_in_the_dateline_is_no_keyword() -> None:
    text = "Port strike halts exports\n\nTOKYO (Reuters) - " + STORY.format(told="")
    assert "Reuters" not in _keywords(text)


def test_a_wire_credit_before_a_double_hyphen_is_no_keyword() -> None:
    text = "Port strike halts exports\n\nTOKYO (AP) -- " + STORY.format(told="")
    assert "AP" not in _keywords(text)


def test_the_agency_counts_where_the_story_itself_names_it() -> None:
    text = "Port strike halts exports\n\n" + STORY.format(told=", a union leader told Reuters")
    assert "Reuters" in _keywords(text)


def test_a_byline_is_no_keyword() -> None:
    text = "Port strike halts exports\n\nBy Mark Cina\n\n" + STORY.format(told="")
    keywords = _keywords(text)
    assert not any("Cina" in k for k in keywords)
    assert "Yokohama" in keywords


def test_a_name_stops_at_a_spaced_dash_and_a_comma() -> None:
    # The tagger reads "LOS ANGELES - One" and "Besides, Marsden" as names; neither is one.
    text = (
        "Marsden's kids don't like seeing dad on screen\n\n"
        "LOS ANGELES - One of the reasons James Marsden took the role was so that his children could see his work.\n"
        "Besides, Marsden says his children prefer Wolverine. Marsden laughs about it."
    )
    keywords = _keywords(text)
    assert "LOS ANGELES" in keywords
    assert not {"LOS", "ANGELES"} & set(keywords)
    assert not any("," in k or "Besides" in k for k in keywords)


def test_a_name_stops_at_a_line_break() -> None:
    text = (
        "State Rep. Knollenberg challenges US Rep. Peters\n"
        "Republican Marty Knollenberg says he is running for Congress in a district now held by Gary Peters.\n"
        "Peters beat Joe Knollenberg in the 2010 election."
    )
    keywords = _keywords(text)
    assert "Peters" in keywords
    assert not any(k != k.strip() or "\n" in k for k in keywords)


def _credited(text: str) -> set[str]:
    doc = load_model()(text)
    return {doc[i].text for i in credit_tokens(doc)}


def test_a_byline_in_capitals_is_no_keyword() -> None:
    # The tagger types no name in capitals: "JOHN SMITH" was no person, so "SMITH" was a keyword.
    keywords = _keywords("Port strike halts exports\n\nBY JOHN SMITH\n\n" + STORY.format(told=""))
    assert not {"JOHN", "SMITH", "JOHN SMITH"} & set(keywords)
    assert "Yokohama" in keywords


def test_a_byline_in_capitals_run_into_its_dateline_is_a_credit() -> None:
    assert {"BY", "PETER", "HOLM", "ANNA", "BERG"} <= _credited(
        "Port strike halts exports\nBY PETER HOLM AND ANNA BERG OSLO – " + STORY.format(told="")
    )


def test_a_bylines_affiliation_is_a_credit_but_not_the_dateline_after_the_names() -> None:
    keywords = _keywords(
        "Port strike halts exports\n\nBy Jane Doe, Associated Press Writer\n\n" + STORY.format(told="")
    )
    assert not any("Associated" in k or "Doe" in k for k in keywords)
    credited = _credited("Port strike halts exports\n\nBy Mark Cina LISBON (Reuters) - " + STORY.format(told=""))
    assert {"Mark", "Cina", "Reuters"} <= credited
    assert "LISBON" not in credited  # the dateline's place, not a writer


def test_a_possessive_or_a_date_after_by_is_no_byline() -> None:
    assert not _credited("Port strike halts exports\n\nBy Obama's account, " + STORY.format(told=""))
    assert not _credited("Port strike halts exports\n\nBy Tuesday, " + STORY.format(told=""))


def test_a_wire_credit_glued_to_the_first_word_is_no_keyword() -> None:
    doc = load_model()("(CNN)President Trump said dock workers at the port of Yokohama had halted exports.")
    assert [t.text for t in doc[:4]] == ["(", "CNN", ")", "President"]  # no token "CNN)President"
    for lead in ("(CNN)Joe Biden", "(CNN) Joe Biden", "Washington (CNN)Joe Biden"):
        keywords = _keywords("Port strike halts exports\n\n" + lead + " said dock workers " + STORY.format(told=""))
        assert "CNN" not in keywords
        assert not any(")" in k for k in keywords)
        credited = _credited("Port strike halts exports\n\n" + lead + " said dock workers " + STORY.format(told=""))
        assert credited == {"(", "CNN", ")"}


def test_a_headlines_abbreviation_in_parentheses_is_no_credit() -> None:
    assert not _credited("World Health Organization (WHO) Warns Of Second Wave\n\nThe WHO said the virus would return.")


def test_a_title_the_tagger_misses_on_its_repeats_is_not_shown_in_pieces() -> None:
    # spaCy tags "the Hall of Fame" twice but not "The Basketball Hall of Fame" nor the headline's; the
    # untagged repeats counted as the nouns "Hall" and "Fame", shown as two keywords above the name.
    text = (
        "Hall of Fame inducts Smith\n\nThe Basketball Hall of Fame inducted coach Dan Smith on Friday. "
        "Smith joins the Hall of Fame after 30 years in the game. The Hall of Fame vote was close, and Smith "
        "thanked his players."
    )
    keywords = _keywords(text)
    assert "Hall of Fame" in keywords
    assert not {"Hall", "Fame"} & set(keywords)


def test_a_wire_staff_credit_is_no_keyword() -> None:
    # Reuters ends a story with its reporters and editors; they were keywords ("Tsukimori", "Edmund Klamann").
    text = (
        "Port strike halts exports\n\n"
        + STORY.format(told="")
        + " (Reporting by Osamu Tsukimori in Tokyo; Editing by Edmund Klamann)"
    )
    keywords = _keywords(text)
    assert not any(name in k for k in keywords for name in ("Osamu", "Tsukimori", "Edmund", "Klamann", "Tokyo"))
    assert "Yokohama" in keywords
    credited = _credited("Port strike halts exports\n\n" + STORY.format(told="") + "\nEditor: B Kunto Wibisono")
    assert {"Editor", "Kunto", "Wibisono"} <= credited


def test_a_parenthesis_that_names_no_staff_is_no_credit() -> None:
    assert not _credited("Port strike halts exports\n\n" + STORY.format(told=" (reporting losses by the week)"))


def test_a_copyright_notice_is_no_keyword() -> None:
    notice = " Copyright 2011 GigaOm. All Rights Reserved. GigaOm is an independent blog network."
    keywords = _keywords("Port strike halts exports\n\n" + STORY.format(told="") + notice)
    assert not any("GigaOm" in k or "Rights" in k for k in keywords)
    assert "Yokohama" in keywords
    assert {"©", "Jane", "Doe"} <= _credited(
        "Port strike halts exports\n\n" + STORY.format(told="") + "\n© Jane Doe 2011"
    )


def test_the_word_copyright_alone_is_no_notice() -> None:
    assert not _credited("Port strike halts exports\n\n" + STORY.format(told=", the Copyright Office said"))


def test_a_photo_credit_before_the_story_on_its_line_takes_only_its_sentence() -> None:
    credited = _credited("© Jane Doe. " + STORY.format(told="").replace("\n", " ") * 3)
    assert {"©", "Jane", "Doe"} <= credited
    assert "Yokohama" not in credited


def test_a_byline_run_into_its_dateline_leaves_the_place_whole() -> None:
    # The tagger's "Mark Cina" and "LOS ANGELES" touch; joined, the name was too long, and "ANGELES" was a keyword.
    text = (
        "Port strike halts exports\n\nBy Mark Cina LOS ANGELES (Hollywood Reporter) - "
        + STORY.format(told="")
        + " Ships bound for Los Angeles waited."
    )
    keywords = _keywords(text)
    assert "ANGELES" not in keywords
    assert not any("Cina" in k for k in keywords)


def test_a_wire_story_reference_is_no_keyword() -> None:
    # Reuters cites its other stories as "[ID:nN01238604]": "ID" was a keyword of a story citing seven.
    cited = STORY.format(told=" [ID:nN01238604]").replace("a decade,", "a decade [ID:nLDE72T20R],")
    keywords = _keywords("Port strike halts exports\n\n" + cited + " Exports of cars fell [ID:nLDE7300QU].")
    assert "ID" not in keywords
    assert {"[", "ID", ":", "nN01238604", "]"} <= _credited("Port strike halts exports\n\n" + cited)
    for aside in ("[Nashville]", "[COVID-19]", "[3G]"):
        assert not _credited("Port strike halts exports\n\nThe mayor of " + aside + " said " + STORY.format(told=""))


def test_a_picture_credit_is_no_keyword() -> None:
    # Captions credit their photographer, often twice: "Alex Brandon" was a keyword of two uses.
    caption = " Dock workers walk out in Yokohama. (AP Photo/Alex Brandon)"
    text = "Port strike halts exports\n\n" + STORY.format(told="") + caption + "\n" + caption.strip()
    keywords = _keywords(text + "\nKena Betancur/Getty Images")
    assert not any(name in k for k in keywords for name in ("Alex", "Brandon", "Betancur", "Getty"))
    assert "Yokohama" in keywords
    assert {"Photo", "Kena", "Betancur", "Getty", "Images"} <= _credited(text + "\nPhoto: Kena Betancur/Getty Images")
    assert not _credited("Port strike halts exports\n\nGetty Images said " + STORY.format(told=""))
