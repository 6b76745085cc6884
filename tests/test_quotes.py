"""Quotes and their speakers on small hand-written articles: one case each of what a reader
resolves ("he said", "the senator said", "who said"), what is not a quote (scare quotes, slogans,
titles, unbalanced marks, reported speech between quotes), and quotes across articles."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.analyse import analyse_doc
from generator.analyse.nlp import load_model
from generator.analyse.quote_marks import find_quoted
from generator.config import Config
from generator.link.quote_groups import group_quotes, split_groups
from generator.link.quote_speakers import link_quote_speakers, link_quotes
from generator.model import Article, ArticleAnalysis, Entity, LinkedMention, Phrase, Quote


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def _analyse(nlp, text: str) -> ArticleAnalysis:
    return analyse_doc(nlp(text), Config())


def _speakers(nlp, text: str) -> dict[str, str | None]:
    return {q.text: q.speaker for q in _analyse(nlp, text).quotes}


def test_pronoun_goes_to_the_person_named_before(nlp) -> None:
    text = (
        "Senator Elizabeth Warren spoke to voters in Boston on Monday about the new health plan.\n"
        '"We will not back down from this fight for working families," she said.'
    )
    (quote,) = _analyse(nlp, text).quotes
    assert quote.speaker == "Elizabeth Warren" and quote.speaker_via == "pronoun"
    assert quote.speaker_reference == "she" and text[quote.speaker_start : quote.speaker_end] == "Elizabeth Warren"


def test_pronoun_follows_gender_and_recency(nlp) -> None:
    text = (
        "Mr. Tom Baker met Ms. Jane Doe in the city hall on Monday to talk about the budget.\n"
        "Doe told reporters that the talks had gone well and that she was hopeful.\n"
        '"This is a good day for the city and for its schools," he said.\n'
        '"We still have work to do before the vote next month," she added.'
    )
    speakers = _speakers(nlp, text)
    assert speakers["This is a good day for the city and for its schools,"] == "Tom Baker"
    assert speakers["We still have work to do before the vote next month,"] in ("Doe", "Jane Doe")


def test_pronoun_without_a_clear_antecedent_has_no_speaker(nlp) -> None:
    text = (
        "The meeting ended late on Monday after a long debate about the road plan.\n"
        '"We will look at the road plan again next year," he said.'
    )
    assert _speakers(nlp, text) == {"We will look at the road plan again next year,": None}


def test_description_is_kept_as_written(nlp) -> None:
    (quote,) = _analyse(nlp, '"We are going to win this election easily," said a White House official.').quotes
    assert quote.speaker == "a White House official" and quote.speaker_kind == "description"


def test_role_noun_goes_to_the_person_holding_that_role(nlp) -> None:
    text = (
        "Sen. Bernie Sanders of Vermont spoke at a rally in Iowa on Saturday.\n"
        '"The system is rigged against working people in this country," the senator said.'
    )
    (quote,) = _analyse(nlp, text).quotes
    assert quote.speaker == "Bernie Sanders" and quote.speaker_via == "role"
    assert quote.speaker_reference == "the senator"


def test_relative_pronoun_is_never_the_speaker(nlp) -> None:
    text = 'The mayor met Anna Jones, who said "the bridge will open to traffic next spring" after the meeting.'
    (quote,) = _analyse(nlp, text).quotes
    assert quote.speaker == "Anna Jones" and quote.speaker_via == "relative"


def test_speaker_is_never_a_pronoun_or_a_fragment(nlp) -> None:
    text = (
        '"We will win the vote in the end," they said on Monday.\n'
        '"I do not know what will happen next," I said to the driver.\n'
    )
    for quote in _analyse(nlp, text).quotes:
        assert quote.speaker is None


def test_an_abbreviated_title_never_cuts_the_speaker_at_its_full_stop(nlp) -> None:
    """The sentence splitter ends a sentence at "Lt." or "Det.": the speaker is the name after the title,
    and a title with no name after it is no speaker, never "Troy police Lt" or "Det"."""
    opening = "Two men were arrested after a fight near the mall on Friday night.\n"
    quote = "We believe the two men knew each other well before the fight,"
    said = f'"{quote}" said '
    assert _speakers(nlp, opening + said + "Troy police Lt. Gerry Scherlinck.") == {quote: "Gerry Scherlinck"}
    assert _speakers(nlp, opening + said + "Det. Anna Berg.") == {quote: "Anna Berg"}
    assert _speakers(nlp, opening + said + "Sgt. Earley.") == {quote: "Earley"}  # "Sgt" the tagger's person
    assert _speakers(nlp, opening + said + "Troy police Lt.") == {quote: None}


def test_scare_quotes_slogans_and_titles_are_phrases(nlp) -> None:
    text = (
        'Protesters chanted "Black Lives Matter" and "defund the police" outside the court on Friday.\n'
        'Trump called the election "rigged" and wore a "Make America Great Again" hat at the rally.\n'
        'He talked about his book, "The Art of the Deal", for an hour.'
    )
    analysis = _analyse(nlp, text)
    assert analysis.quotes == ()
    assert {p.text: p.reason for p in analysis.phrases} == {
        "Black Lives Matter": "short",
        "defund the police": "short",
        "rigged": "short",
        "Make America Great Again": "title",
        "The Art of the Deal": "title",
    }


def test_unbalanced_marks_never_turn_narrative_into_a_quote() -> None:
    text = (
        "The minister said the plan was an “important step, and then left the room.\n"
        "Reporters waited outside for more than an hour in the rain.\n"
        "Later she said “we will publish the full plan next week,” and smiled."
    )
    quoted = [text[s.start : s.end] for s in find_quoted(text)]
    assert quoted == ["we will publish the full plan next week,"]


def test_reported_speech_between_two_quotes_is_not_a_quote(nlp) -> None:
    text = (
        'Ms Hewitt said: "We have already doubled the length of maternity pay, it was 13 weeks. '
        '"We are going to extend the pay to nine months by 2007." She said new mothers were already '
        'entitled to 12 months leave, but many women could not take it. "We have made a firm commitment."'
    )
    quotes = [q.text for q in _analyse(nlp, text).quotes]
    assert not any("new mothers" in q for q in quotes)
    assert "We have made a firm commitment." in quotes


def test_quote_over_paragraphs_is_pieces_with_one_speaker(nlp) -> None:
    text = (
        "Governor Maria Lopez spoke at length about the storm.\n\n"
        "“We have never seen water this high in the valley, and the damage is terrible.\n\n"
        "“We will rebuild every road and every bridge that the river took from us,” Lopez said.\n\n"
        "The storm is the worst in fifty years."
    )
    quotes = _analyse(nlp, text).quotes
    assert [q.text[:12] for q in quotes] == ["We have neve", "We will rebu"]
    assert quotes[1].continues == 0
    assert [q.speaker for q in quotes] == ["Lopez", "Lopez"] and quotes[0].speaker_via == "continued"


def _article(aid: str, source: str | None = None) -> Article:
    return Article(id=aid, slug=aid, path=f"{aid}.txt", title=aid, text="x", source=source)


def _analysis(*quotes: Quote, phrases: tuple[Phrase, ...] = ()) -> ArticleAnalysis:
    return ArticleAnalysis((), (), (), (), tuple(quotes), (), (), phrases)


def _quote(text: str, speaker: str | None = None, kind: str = "name") -> Quote:
    return Quote(text, 0, len(text), 0, speaker=speaker, speaker_kind=kind if speaker else None)


LONG = "We will not allow anyone to divide this country, not now and not ever, whatever they may try to do"


def test_disagreeing_speakers_of_one_long_quote_are_a_disputed_group() -> None:
    articles = [_article("a", "Outlet A"), _article("b", "Outlet B"), _article("c", "Outlet C")]
    analyses = {
        "a": _analysis(_quote(LONG, "Smith")),
        "b": _analysis(_quote(LONG, "Jones")),
        "c": _analysis(_quote(LONG, "a government spokesman", "description")),
    }
    (group,) = group_quotes(articles, analyses, {("a", 0): "john-smith"})
    assert group.disputed and group.speaker is None and group.outlets == 3
    assert [(s.entity, s.name, s.kind) for s in group.speakers] == [
        ("john-smith", "Smith", "name"),
        (None, "Jones", "name"),
        (None, "a government spokesman", "description"),
    ]
    assert [m.article for m in group.speakers[1].members] == ["b"]


def test_a_stock_line_in_two_peoples_statements_is_no_disputed_quote() -> None:
    """Twelve words in a row, but each statement has words of its own around them: two quotes, each its
    speaker's (allsides: Evers and Cuomo were one "disputed" quote credited to nobody)."""
    line = "should have to choose between their health and their right to vote"
    articles = [_article("a", "Reuters"), _article("b", "Vox")]
    analyses = {
        "a": _analysis(_quote(f"It's wrong. No one {line}.", "Evers")),
        "b": _analysis(_quote(f"I am issuing an order to mail every voter a ballot: no New Yorker {line}", "Cuomo")),
    }
    groups = group_quotes(articles, analyses, {})
    assert len(groups) == 2 and not any(g.disputed for g in groups)
    assert {g.speakers[0].name for g in groups} == {"Evers", "Cuomo"}
    # the same line trimmed by one outlet is still one quote, disputed when the outlets disagree
    analyses["a"] = _analysis(_quote(f"No New Yorker {line}", "Evers"))
    (group,) = group_quotes(articles, analyses, {})
    assert group.disputed


def test_one_speaker_written_with_and_without_an_accent_is_no_dispute() -> None:
    articles = [_article("a", "Breitbart"), _article("b", "Politico")]
    analyses = {"a": _analysis(_quote(LONG, "Felipe Calderón")), "b": _analysis(_quote(LONG, "Calderon"))}
    (group,) = group_quotes(articles, analyses, {})
    assert not group.disputed and len(group.articles) == 2


def test_same_short_words_from_different_people_are_different_quotes() -> None:
    articles = [_article("a", "A"), _article("b", "B")]
    analyses = {
        "a": _analysis(_quote("this is a slap in the face", "Smith")),
        "b": _analysis(_quote("this is a slap in the face", "Jones")),
    }
    groups = group_quotes(articles, analyses, {})
    assert len(groups) == 2 and not any(g.disputed for g in groups)
    assert {g.speakers[0].name for g in groups} == {"Smith", "Jones"}


def test_missing_speaker_joins_but_never_bridges_two_speakers() -> None:
    articles = [_article("a", "A"), _article("b", "B"), _article("c", "C")]
    analyses = {
        "a": _analysis(_quote("the plan will cost the city ten million dollars", "Smith")),
        "b": _analysis(_quote("the plan will cost the city ten million dollars")),
        "c": _analysis(_quote("the plan will cost the city ten million dollars", "Jones")),
    }
    groups = group_quotes(articles, analyses, {})
    assert sorted(len(g.articles) for g in groups) == [1, 2]
    joined = next(g for g in groups if len(g.articles) == 2)
    assert not joined.disputed and [s.name for s in joined.speakers] == ["Smith"]


def test_short_wording_in_many_articles_is_a_phrase_and_groups_rank_by_outlets() -> None:
    articles = [_article(x, s) for x, s in [("a", "A"), ("b", "A"), ("c", "A"), ("d", "B"), ("e", "C")]]
    analyses = {
        "a": _analysis(_quote("shelter in place now please", "Smith"), _quote(LONG, "Smith"), _quote(LONG, "Smith")),
        "b": _analysis(_quote("shelter in place now please")),
        "c": _analysis(_quote("shelter in place now please", "Jones"), _quote("a quote only one outlet has here")),
        "d": _analysis(_quote(LONG)),
        "e": _analysis(_quote(LONG), phrases=(Phrase("defund the police", 0, 17, 0, "short"),)),
    }
    groups, shared = split_groups(articles, analyses, {})
    assert [g.articles for g in groups] == [("a", "d", "e"), ("c",)]
    assert groups[0].members[0].article == "a" and len(groups[0].repeats) == 1  # each article once per group
    assert groups[0].outlets == 3 and [g.id for g in groups] == ["q1", "q2"]
    assert [[r.article for r in g] for g in shared] == [["a", "b", "c"]]
    speakers, _, phrases = link_quotes(articles, analyses, {a.id: () for a in articles}, [])
    assert [(p.text, p.articles, p.reason) for p in phrases] == [
        ("shelter in place now please", ("a", "b", "c"), "shared"),
        ("defund the police", ("e",), "short"),
    ]


def test_speaker_entity_must_be_able_to_speak() -> None:
    articles = [_article("a")]
    quote = Quote("the new phone will change everything we do", 0, 40, 0, "Galaxy", 50, 56, "name")
    analyses = {"a": _analysis(quote, Quote("and it will ship in May this year", 0, 30, 0, "Kim Lee", 60, 67, "name"))}
    mentions = {"a": (LinkedMention("galaxy", "Galaxy", 50, 56, 0), LinkedMention("kim-lee", "Kim Lee", 60, 67, 0))}
    entities = [
        Entity("galaxy", "galaxy", "Galaxy", "PRODUCT", (), ("a",), 1),
        Entity("kim-lee", "kim-lee", "Kim Lee", "PERSON", (), ("a",), 1),
    ]
    assert link_quote_speakers(articles, analyses, mentions, entities) == {("a", 1): "kim-lee"}


BENCH = Path(__file__).resolve().parent.parent / "bench"


def test_quotes_benchmark_without_data_says_so_and_exits_0(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(BENCH / "quotes.py"), str(tmp_path / "absent")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0 and "benchmark data not found" in result.stdout


def _one_polnear_article(tmp_path: Path, text: str, ann: str):  # noqa: ANN202 - bench/_polnear's article type
    """Write one PolNeAR dev article (text and brat .ann) under tmp_path and read it with bench/_polnear.py."""
    sys.path.insert(0, str(BENCH))
    try:
        from _polnear import read_polnear
    finally:
        sys.path.remove(str(BENCH))
    (tmp_path / "data/dev/text").mkdir(parents=True)
    (tmp_path / "data/dev/attributions").mkdir(parents=True)
    (tmp_path / "data/dev/text/a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "data/dev/attributions/a_x1.ann").write_text(ann, encoding="utf-8")
    (article,) = read_polnear(tmp_path, ("dev",))
    return article


def test_quotes_benchmark_reads_polnear_and_matches_surnames(tmp_path: Path) -> None:
    sys.path.insert(0, str(BENCH))
    try:
        from quotes import reference_strings, same_person
    finally:
        sys.path.remove(str(BENCH))
    text = 'Headline\n\n"We will win this state in November," Smith said. He called it "rigged".\n'
    start, smith = text.index("We"), text.index("Smith")
    ann = f"T1\tSource {smith} {smith + 5}\tSmith\nT2\tCue 53 57\tsaid\nT3\tContent {start} {start + 34}\tx\n"
    ann += "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n"
    article = _one_polnear_article(tmp_path, text, ann)
    assert article.source_text(article.attributions[0]) == "Smith"
    assert [text[a:b] for a, b in reference_strings(text)] == ["We will win this state in November,"]
    assert same_person("Donald Trump", "Trump") and same_person("Hillary", "Hillary Clinton")
    assert same_person("Donald Trump Jr.", "Trump") and not same_person("Bernie Sanders", "Hillary Clinton")


def test_quotes_benchmark_reads_every_piece_of_a_polnear_content(tmp_path: Path) -> None:
    """brat's E line names a second content piece "Content2" (two quotes of one paragraph, one attribution):
    the second quote is that attribution's, not a string no attribution covers."""
    text = 'Headline\n\n"We will win this state," Smith said. "There could be litigation in that regard."\n'
    first, second, smith = text.index('"We'), text.index('"There'), text.index("Smith")
    ann = (
        f"T1\tSource {smith} {smith + 5}\tSmith\nT2\tCue {smith + 6} {smith + 10}\tsaid\n"
        f"T3\tContent {first} {first + 25}\tx\nT5\tContent {second} {len(text) - 1}\ty\n"
        "E1\tAttribution:T2 Cue:T2 Source:T1 Content:T3 Content2:T5\n"
    )
    article = _one_polnear_article(tmp_path, text, ann)
    (attribution,) = article.attributions
    assert attribution.content == ((first, first + 25), (second, len(text) - 1))
    assert article.source_text(attribution) == "Smith"


def test_a_montage_of_statements_does_not_join_them() -> None:
    said = [
        "we have it totally under control and it is going to be fine",
        "anybody that wants a test can get a test right now",
        "it is not the flu and it is vicious for the people who get it",
    ]
    montage = " ".join(
        said + [f"and then on day {n} there was another long statement about the weather" for n in range(30)]
    )
    articles = [_article("a", "A"), _article("b", "B"), _article("c", "C")]
    analyses = {
        "a": _analysis(_quote(montage, "Smith")),
        "b": _analysis(_quote(said[0])),
        "c": _analysis(_quote(said[1])),
    }
    assert all(len(g.articles) == 1 for g in group_quotes(articles, analyses, {}))
    assert (
        len(group_quotes(articles[1:], {"b": analyses["b"], "c": _analysis(_quote(said[0] + " " + said[1]))}, {})) == 1
    )


DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize(
    ("name", "least"), [("allsides_quote_groups.tsv", 50), ("allsides_quote_groups_pass3.tsv", 40)]
)
def test_hand_judged_quote_groups_are_well_formed(name: str, least: int) -> None:
    """The hand judgements (docs/BENCHMARKS.md) name their articles and verdicts, and carry no article text
    beyond a short prefix of the quote."""
    sys.path.insert(0, str(BENCH))
    try:
        from quotes import read_judgements
    finally:
        sys.path.remove(str(BENCH))
    rows = read_judgements(DATA / name)
    assert len(rows) >= least
    for row in rows:
        assert len(row["quote_prefix"].split()) <= 8
        assert len(row["articles"].split(",")) >= 2 and all(len(a) == 16 for a in row["articles"].split(","))


@pytest.mark.parametrize(
    "name",
    [
        "bbc_credited_sample_judged.tsv",
        "bbc_credited_sample2_judged.tsv",
        "500n_credited_sample_judged.tsv",
        "ecbplus_meantime_credited_sample_judged.tsv",
    ],
)
def test_judged_sample_of_credited_quotes_is_well_formed(name: str) -> None:
    """The read samples of quotes we credit (docs/BENCHMARKS.md, third to fifth pass): offsets and verdicts only."""
    sys.path.insert(0, str(BENCH))
    try:
        from quotes import read_credited_judgements, wilson
    finally:
        sys.path.remove(str(BENCH))
    rows = read_credited_judgements(DATA / name)
    assert len(rows) >= 60
    assert len({(r["article"], r["start"]) for r in rows}) == len(rows)
    assert all(r["start"].isdigit() and int(r["start"]) < int(r["end"]) for r in rows)
    assert all(len(r["ours"].split()) <= 10 and len(r["note"]) <= 120 for r in rows)
    low, high = wilson(0, 40)
    assert low == 0.0 and 0.08 < high < 0.09


# Second pass (issue 14): when the text does not make one person the speaker, nobody is.


def test_speech_reported_within_reported_speech_names_nobody(nlp) -> None:
    text = (
        "Lynda LaCasse spoke to reporters on Monday.\n"
        "Sanchez told the newspaper that Reade said she had been “harassed by her boss at the office for months.”"
    )
    assert _speakers(nlp, text) == {"harassed by her boss at the office for months.": None}


def test_a_text_introduced_as_follows_is_nobody_s_speech(nlp) -> None:
    text = (
        "Dean Baquet, the executive editor, explained the change on Sunday.\n"
        "The original sentence, which appeared as follows: “The agency found no pattern of misconduct in the files.”"
    )
    assert _speakers(nlp, text) == {"The agency found no pattern of misconduct in the files.": None}


def test_a_line_telling_someone_is_not_said_by_the_subject(nlp) -> None:
    text = (
        "Nina Olson said the commissioner refused to include a line telling taxpayers the government was "
        "“giving you all your money back” because he deemed it too political."
    )
    assert _speakers(nlp, text) == {"giving you all your money back": None}


def test_a_statement_saying_is_its_issuer_s(nlp) -> None:
    text = "Mayor Jane Mackler issued a statement saying “the city will reopen its parks next week for everyone.”"
    assert _speakers(nlp, text) == {"the city will reopen its parks next week for everyone.": "Jane Mackler"}


def test_a_pronoun_in_an_apposition_says_nothing_of_the_subject_s_gender(nlp) -> None:
    text = (
        "Joe Biden campaigned in Ohio on Monday.\n"
        "Kate Bedingfield, his deputy campaign manager, said the claims were false.\n"
        "“Such claims should be examined with care by every newspaper,” she said."
    )
    assert _speakers(nlp, text)["Such claims should be examined with care by every newspaper,"] != "Joe Biden"


def test_a_quote_in_a_parenthesis_does_not_continue_the_speaker_before(nlp) -> None:
    text = (
        "“The virus spreads through the air in crowded rooms,” said Tom Inglesby, a health expert. "
        "(A notice in January: “There is currently no evidence that it spreads between people.”)"
    )
    speakers = _speakers(nlp, text)
    assert speakers["The virus spreads through the air in crowded rooms,"] == "Tom Inglesby"
    assert speakers["There is currently no evidence that it spreads between people."] is None


def test_the_subject_of_a_passive_speech_verb_is_not_the_speaker(nlp) -> None:
    text = "“Who will pay for the new road to the airport next year?” Mayor Tom Baker was asked at the meeting."
    assert _speakers(nlp, text) == {"Who will pay for the new road to the airport next year?": None}


def test_criticised_for_saying_is_not_the_critic_s_words(nlp) -> None:
    text = (
        "In 2008, Hillary Clinton slammed Barack Obama as elitist for suggesting that rural voters "
        "“cling to guns or religion in hard times,” and bragged about her father."
    )
    assert _speakers(nlp, text)["cling to guns or religion in hard times,"] != "Hillary Clinton"


def test_a_quote_between_a_possessive_and_line_is_the_possessor_s(nlp) -> None:
    text = "Pastor Darrell Scott defended Trump’s “Look at my African-American over here!” line on Friday."
    assert _speakers(nlp, text) == {"Look at my African-American over here!": "Trump"}


def test_a_title_starting_with_a_number_is_a_phrase(nlp) -> None:
    text = "The movie, “13 Hours: The Secret Soldiers of Benghazi,” is based on a book co-written by U.S. contractors."
    analysis = _analyse(nlp, text)
    assert analysis.quotes == () and [p.reason for p in analysis.phrases] == ["title"]


def test_a_person_speaking_between_two_quotes_stops_the_continuation(nlp) -> None:
    text = (
        "Mr. Tom Baker met Ms. Jane Doe at city hall on Monday.\n"
        "“We have spent far too much money on roads,” she said, and Baker stood up in the hall. "
        "“It is not a good day for anyone at all.”"
    )
    speakers = _speakers(nlp, text)
    assert speakers["We have spent far too much money on roads,"] == "Jane Doe"
    assert speakers["It is not a good day for anyone at all."] is None


def test_a_coordinated_clause_with_its_own_subject_keeps_its_quote(nlp) -> None:
    text = (
        "Mr. Tom Baker met Ms. Jane Doe at city hall on Monday.\n"
        "When Baker asked Doe about the budget, she said “we have spent far too much money on roads” in a loud "
        "voice, and Baker shot back, “It is not a good day for anyone at all.”"
    )
    speakers = _speakers(nlp, text)
    assert speakers["we have spent far too much money on roads"] == "Jane Doe"
    assert speakers["It is not a good day for anyone at all."] == "Baker"


def test_a_pronoun_goes_to_the_same_pronoun_before_not_to_a_name_after_it(nlp) -> None:
    text = (
        "Ms. Hillary Clinton won the state primary on Tuesday.\n"
        "Maria Lopez, a nurse from Hemet, is among those who say they will not back Clinton.\n"
        "The campaign was the first time she had been involved, and she doesn't think Clinton can fix the issues.\n"
        "“It is a choice between four candidates, at the very least,” she said."
    )
    assert _speakers(nlp, text)["It is a choice between four candidates, at the very least,"] != "Hillary Clinton"


def test_a_name_in_a_parenthesis_is_not_the_antecedent_of_the_next_pronoun(nlp) -> None:
    text = (
        "Ivanka Trump sold her clothing line to a New York company.\n"
        "(Marc Fisher Footwear produces her shoe line.)\n"
        "“We are confident that they share our vision for the brand,” she said in a statement."
    )
    assert _speakers(nlp, text)["We are confident that they share our vision for the brand,"] != "Marc Fisher Footwear"


def test_a_subject_the_tagger_missed_between_two_quotes_stops_the_continuation(nlp) -> None:
    text = (
        "Ms. Jane Doe spoke first at the debate on Monday.\n"
        "“I stood up against the behavior of the big banks,” she said. "
        "Sanders shot back, “Secretary Doe called them out. Oh my goodness, they must have been crushed.”"
    )
    speakers = _speakers(nlp, text)
    assert speakers["I stood up against the behavior of the big banks,"] == "Jane Doe"
    assert speakers["Secretary Doe called them out. Oh my goodness, they must have been crushed."] != "Jane Doe"


def test_another_attribution_between_two_quotes_stops_the_continuation(nlp) -> None:
    text = (
        "Mr Tom Baker was held at the camp for two years.\n"
        'Mr Baker said: "I have lost two years of my life in that place." The army denied the claims. '
        'In a statement, it said: "The army has no doubt that Mr Baker was lawfully held. '
        '"He was held to stop him from fighting against our soldiers in the war."'
    )
    speakers = _speakers(nlp, text)
    assert speakers["I have lost two years of my life in that place."] in ("Baker", "Tom Baker")
    assert speakers["He was held to stop him from fighting against our soldiers in the war."] is None


def test_the_subject_of_a_passive_attitude_verb_is_not_the_speaker(nlp) -> None:
    text = (
        "The critics chose their albums of the year on Friday.\n"
        'Smith\'s Lights and Shadows was described as a "bold record" which showed "they had melodies to spare".'
    )
    assert _speakers(nlp, text).get("they had melodies to spare") is None


def test_words_a_speaker_points_out_that_others_said_are_nobody_s_for_sure(nlp) -> None:
    text = (
        "Mr Charles Kennedy spoke in the Commons on Tuesday.\n"
        "Mr Kennedy pointed out that Norway, Spain and Greece have announced their withdrawal "
        '"regardless of the situation on the ground".'
    )
    assert _speakers(nlp, text).get("regardless of the situation on the ground") not in ("Norway", "Spain", "Greece")


def test_a_role_goes_only_to_the_person_given_that_very_office(nlp) -> None:
    text = (
        "The dinner was hosted by Deputy Prime Minister Tom Baker in the spring.\n"
        '"We must get through this year together," the prime minister told the guests.\n'
        "Foreign Secretary Jane Doe arrived later.\n"
        '"We are ready for the talks next week," the secretary said.'
    )
    speakers = _speakers(nlp, text)
    assert speakers["We must get through this year together,"] == "the prime minister"  # not the deputy
    assert speakers["We are ready for the talks next week,"] == "Jane Doe"  # the office the text gave her
    two = (
        "Republican Gov. Tom Baker closed the schools on Monday. Maryland Gov. Jane Doe said she understood.\n"
        '"We are doing everything we can to reopen safely," the Republican governor told the radio station.'
    )
    assert _speakers(nlp, two)["We are doing everything we can to reopen safely,"] == "the Republican governor"


def test_words_according_to_another_s_account_are_nobody_s_for_sure(nlp) -> None:
    text = (
        "A new book by the journalist Tom Baker was published on Sunday.\n"
        'According to Mr Baker the minister said: "Help me through the year and I will then stand down."'
    )
    assert _speakers(nlp, text)["Help me through the year and I will then stand down."] is None
    reported = (
        "Attorney General Tom Barr spoke on Monday.\n"
        '"We have to give businesses more freedom," Barr said, according to Bloomberg.'
    )
    assert _speakers(nlp, reported)["We have to give businesses more freedom,"] in ("Barr", "Tom Barr")  # a record


def test_words_a_speaker_brushes_off_are_not_his(nlp) -> None:
    text = (
        "Mr Tom Baker began his tour of the country on Monday.\n"
        'Mr Baker said the other parties were not "asking the critical questions" of the government. '
        "But he brushed off Labour suggestions a vote for his party would mean letting the Tories in "
        '"by the back door". '
        'Mr Baker dismissed the report as "a load of old nonsense from start to finish".'
    )
    speakers = _speakers(nlp, text)
    assert speakers["by the back door"] is None
    assert speakers["a load of old nonsense from start to finish"] in ("Baker", "Tom Baker")  # "as": his words


def test_a_quantity_is_never_a_speaker(nlp) -> None:
    text = (
        "The survey asked 2,000 adults about the hunting ban.\n"
        'Around one quarter said they "neither support nor oppose" a ban, and '
        'a majority said the ban was "a matter for the next parliament".'
    )
    speakers = _speakers(nlp, text)
    assert speakers["neither support nor oppose"] is None
    assert speakers["a matter for the next parliament"] is None


def test_a_name_cut_out_of_a_title_is_nobody(nlp) -> None:
    text = (
        "Comedians have attacked the state of television.\n"
        'And last week Only Fools and Horses star David Jason criticised British TV for being "too safe and too '
        'cheap". "We have got to be careful not to dumb down for the audience," he said.'
    )
    speakers = _speakers(nlp, text)
    assert speakers["too safe and too cheap"] != "Fools"
    assert speakers["We have got to be careful not to dumb down for the audience,"] != "Fools"


def test_a_pronoun_never_stands_for_a_ship_the_tagger_typed_person(nlp) -> None:
    text = (
        "Navy ship stops pirates\n\n"
        "The Indian warship INS Mysore captured 23 pirates in the Gulf of Aden on Saturday.\n"
        '"The pirates surrendered quite easily once they saw the commandos," said a senior officer.\n'
        "INS Mysore then opened fire across the bows of the dhow.\n"
        '"The grenades were thrown overboard because they were unstable," he said.'
    )
    speakers = _speakers(nlp, text)
    assert speakers["The pirates surrendered quite easily once they saw the commandos,"] == "a senior officer"
    assert speakers["The grenades were thrown overboard because they were unstable,"] is None  # not the ship
    said = 'Pirates were seen near the coast.\n"We fired two warning shots at the dhow," USS Cole said.'
    assert _speakers(nlp, said)["We fired two warning shots at the dhow,"] is None


def test_an_abbreviated_title_gives_the_person_its_office(nlp) -> None:
    text = (
        "Man held after shooting\n\n"
        "Police arrested a man on Friday after a shooting at a bar in Bloomington.\n"
        '"We believe the suspect acted alone and there is no danger to the public," said Bloomington Police '
        "Sgt. Marty Earley.\n"
        "Officers found the weapon near the scene on Saturday morning.\n"
        '"The investigation is still going on and we ask witnesses to come forward," the sergeant said.'
    )
    (first, second) = _analyse(nlp, text).quotes
    assert first.speaker == "Marty Earley"
    assert second.speaker == "Marty Earley" and second.speaker_via == "role"
    assert second.speaker_reference == "the sergeant"
    two = (
        "Two officers speak\n\n"
        "Police Sgt. Marty Earley and Sgt. Tom Hill spoke to reporters on Friday.\n"
        '"We believe the suspect acted alone," said Earley.\n'
        '"The investigation is still going on," the sergeant said.\n'
        "Lt. Gov. Dan Patrick and Gov. Greg Abbott met on Monday in Austin to talk about the budget.\n"
        '"We will cut taxes for every family in the state this year," the governor said.'
    )
    speakers = _speakers(nlp, two)
    assert speakers["The investigation is still going on,"] == "the sergeant"  # two sergeants: as written
    assert speakers["We will cut taxes for every family in the state this year,"] == "Greg Abbott"  # not Lt. Gov.


def test_a_speaker_ending_in_a_known_person_s_full_name_is_that_person() -> None:
    articles = [_article("a")]
    quotes = [
        Quote("when do you think the country will be ready", 0, 40, 0, "Host Jake Tapper", 50, 66, "name"),
        Quote("we are thrilled to have her back this year", 0, 40, 0, "a Jake Tapper aide", 70, 88, "description"),
        Quote("she will be a wonderful host for the show", 0, 40, 0, "the wife of Jake Tapper", 90, 113, "description"),
        Quote("we are delighted to have her host it", 0, 40, 0, "Ann Lee and Jake Tapper", 120, 143, "description"),
        Quote("we will talk about the testing after this", 0, 40, 0, "CNN anchor Jake Tapper", 150, 172, "description"),
    ]
    analyses = {"a": _analysis(*quotes)}
    entities = [
        Entity("jake-tapper", "jake-tapper", "Jake Tapper", "PERSON", ("Jake Tapper", "Tapper"), ("a",), 3),
        Entity("cnn", "cnn", "CNN", "ORG", ("CNN",), ("a",), 1),
    ]
    assert link_quote_speakers(articles, analyses, {"a": ()}, entities) == {
        ("a", 0): "jake-tapper",  # the tagger spanned no mention of the name: title words, then the full name
        ("a", 4): "jake-tapper",
    }


def test_a_speaker_is_no_shorter_person_whose_name_ends_theirs() -> None:
    """Review of issue-14-h: "&" joins two speakers; a name two people share, or a longer name (a given name
    before it), is not the person whose full name ends it."""
    articles = [_article("a")]
    quotes = [
        Quote("we are thrilled to have her host again", 0, 40, 0, "Craig Zadan & Neil Meron", 50, 74, "description"),
        Quote("i am so proud of this film and its cast", 0, 40, 0, "Mary Ann Smith", 80, 94, "name"),
        Quote("it was the best summer of my whole life", 0, 40, 0, "Sarah Jessica Parker", 100, 120, "name"),
    ]
    entities = [
        Entity("neil-meron", "neil-meron", "Neil Meron", "PERSON", ("Neil Meron",), ("a",), 2),
        Entity("mary-ann-smith", "mary-ann-smith", "Mary Ann Smith", "PERSON", ("Mary Ann Smith",), ("a",), 2),
        Entity("mary-ann-smith-2", "mary-ann-smith-2", "Mary Ann Smith", "PERSON", ("Mary Ann Smith",), ("a",), 2),
        Entity("ann-smith", "ann-smith", "Ann Smith", "PERSON", ("Ann Smith",), ("a",), 2),
        Entity("jessica-parker", "jessica-parker", "Jessica Parker", "PERSON", ("Jessica Parker",), ("a",), 2),
    ]
    assert link_quote_speakers(articles, {"a": _analysis(*quotes)}, {"a": ()}, entities) == {}


def test_a_person_who_shares_words_with_a_ship_or_a_storm_is_still_a_person(nlp) -> None:
    ship = (
        "Destroyer collides with tanker\n\n"
        "The destroyer USS John McCain collided with a tanker east of Singapore on Monday.\n"
        "Sen. John McCain, who chairs the armed services committee, spoke in Arizona on Monday.\n"
        '"This is completely unacceptable and the Navy must explain it," he said.'
    )
    assert _speakers(nlp, ship)["This is completely unacceptable and the Navy must explain it,"] == "John McCain"
    storm = (
        "Actress safe after crash\n\n"
        "Police said Storm Reid was not hurt when her car was hit on Sunday in Los Angeles.\n"
        '"I am fine and I thank everyone who has reached out to me," Storm Reid said.'
    )
    assert _speakers(nlp, storm)["I am fine and I thank everyone who has reached out to me,"] == "Storm Reid"


def test_a_name_before_an_office_is_not_the_speaker(nlp) -> None:
    """ "said Sirius XM Vice President for news and talk Dave Gorab": the tagger parses "President" as the
    subject with "Sirius XM" (typed PERSON) compounding it; the company is not the speaker, the office is a
    description."""
    text = (
        "Radio host leaves\n\n"
        "The network said on Monday that the host will leave at the end of the month.\n"
        '"We thank him for his many years of great work on the channel," said Sirius XM Vice President for news and '
        "talk Dave Gorab."
    )
    (quote,) = _analyse(nlp, text).quotes
    assert (quote.speaker, quote.speaker_kind) == ("Sirius XM Vice President", "description")
    named = 'Talks\n\nThe talks began on Monday.\n"We will not give up," said Senate Majority Leader Mitch McConnell.'
    assert _speakers(nlp, named)["We will not give up,"] == "Mitch McConnell"


def test_a_joint_statement_is_not_credited_to_its_first_speaker_alone(nlp) -> None:
    text = (
        "DeGeneres to host the Oscars\n\n"
        "The Academy announced on Friday that Ellen DeGeneres will host the Oscars next year.\n"
        '"We are thrilled to have Ellen DeGeneres host the Oscars," producers Craig Zadan and Neil Meron said in a '
        "statement.\n"
        '"He also has style, elegance and a sense of occasion," Mark and Condon said in a joint statement.\n'
    )
    (first, second) = _analyse(nlp, text).quotes
    assert (first.speaker, first.speaker_kind) == ("Craig Zadan and Neil Meron", "description")  # both, as written
    assert (second.speaker, second.speaker_kind) == ("Mark and Condon", "description")
    pronoun = (
        "Tom Baker and his wife spoke to reporters outside the court in London on Monday.\n"
        '"We are relieved that this long ordeal is finally over," he and his wife said.'
    )
    assert _speakers(nlp, pronoun)["We are relieved that this long ordeal is finally over,"] is None


def test_a_title_before_a_person_the_article_named_is_not_part_of_the_name(nlp) -> None:
    text = (
        "Fauci on reopening\n\n"
        "Jake Tapper interviewed Anthony Fauci on CNN on Sunday.\n\n"
        "Fauci said, “Once we turn that corner, hopefully, we’ll see a sharp decline, and we’ll start thinking "
        "about how we can keep it that way.”\n\n"
        "He added, “I spent this week on the phone with a considerable number of governors. I think that "
        "combination hopefully is going to get us to where we want to be.”\n\n"
        "Host Jake Tapper asked, “Based on what you know right now, when do you think the country will be ready to "
        "take some of these steps to reopen?”\n\n"
        "Fauci said, “You know, Jake, that’s a great question.”\n"
    )
    quote = next(q for q in _analyse(nlp, text).quotes if q.text.startswith("Based on what"))
    assert quote.speaker == "Jake Tapper"  # the tagger spanned no name in "Host Jake Tapper": the person named before
    assert text[quote.speaker_start : quote.speaker_end] == "Jake Tapper"


def test_a_person_named_in_the_attribution_of_a_resolved_speaker_does_not_stop_the_continuation(nlp) -> None:
    text = (
        "Obama looks back on Libya\n\n"
        "In the April issue of The Atlantic, Pres. Obama admits the military action against Libya did not work.\n\n"
        "Regarding the military action against Libya, Obama defended the process, though not the results. "
        "“So we actually executed this plan as well as I could have expected: we got a UN mandate and we built a "
        "coalition,” the president told The Atlantic’s Jeffrey Goldberg. “We averted large-scale civilian "
        "casualties, and despite all that, Libya is a mess.”\n"
    )
    speakers = {q.text[:20]: q.speaker for q in _analyse(nlp, text).quotes}
    assert speakers["So we actually execu"] == "Obama"  # "Pres." is a president, the stop split off or not
    assert speakers["We averted large-sca"] == "Obama"  # Goldberg is named in the attribution, not speaking


def test_a_person_speaking_in_the_attribution_sentence_stops_the_continuation(nlp) -> None:
    text = (  # doubled quote marks, as a CSV export leaves them: the parse hangs "Ms. Smith recalled" inside
        "Photographs found again\n\nMr. Tom Baker lives in Provence, where he has run a small hotel for many years. "
        "About nine months ago, Ms. Smith said, he mentioned that he also had colour images. "
        '""He said, ""I think I could get these negatives restored,"" "" Ms. Smith recalled with a light laugh. '
        '""When we saw the scans, we were bowled over by the colour."" In the last decade, retouching has made '
        "everything look perfect.\n"
    )
    (quote,) = [q for q in _analyse(nlp, text).quotes if q.text.strip('"').startswith("When we saw the scans")]
    assert quote.speaker is None  # Ms. Smith's words, not Tom Baker's going on


def test_a_name_joined_to_a_pronoun_is_not_the_speaker_alone(nlp) -> None:
    text = (
        "Medics on the street\n\nLater in the evening, Tom Toepper pulled up to a street where several tents were set "
        "up. He and Deyo went from tent to tent, calling out, “Portland Street Medicine! You guys doing OK? Anybody "
        "need any medical attention?” They were greeted by silence.\n"
    )
    (quote,) = _analyse(nlp, text).quotes
    assert quote.speaker is None  # both called it out: neither Toepper nor Deyo alone


def test_two_titles_of_one_person_joined_by_and_credit_the_person_and_the_quote_after(nlp) -> None:
    """ "Pennsylvania Gov. and Democratic National Committee Chairman Ed Rendell" is one man with two offices:
    his name, not the words cut before it, and his next quote goes on being his."""
    text = (
        "The party met in Philadelphia on Monday to choose its nominee.\n"
        "“We will win this state in November and we will win it big,” said Pennsylvania Gov. and Democratic "
        "National Committee Chairman Ed Rendell. “Turnout is what decides an election like this one.”"
    )
    speakers = _speakers(nlp, text)
    assert speakers["We will win this state in November and we will win it big,"] == "Ed Rendell"
    assert speakers["Turnout is what decides an election like this one."] == "Ed Rendell"


def test_a_title_and_an_honorific_joined_by_and_are_two_people(nlp) -> None:
    """ "President and Mrs. Obama said": a couple, as written; never "Obama" alone."""
    text = (
        "The couple visited the school in Chicago on Friday.\n"
        "“We are so proud of every one of these students and their teachers,” said President and Mrs. Obama."
    )
    (speaker,) = _speakers(nlp, text).values()
    assert speaker == "President and Mrs. Obama"
    (quote,) = _analyse(nlp, text).quotes
    assert quote.speaker_kind == "description"


def test_an_organisation_cut_at_its_own_and_is_not_the_speaker_the_person_with_its_title_is(nlp) -> None:
    """The tagger spans "National Institute of Allergy" and leaves "and Infectious Diseases director Anthony
    Fauci": the director speaks, not a fragment of the institute's name."""
    text = (
        "Health officials warned on Tuesday that the virus was spreading fast.\n"
        "“We are not going to have a vaccine for at least a year and a half,” National Institute of Allergy "
        "and Infectious Diseases director Anthony Fauci said."
    )
    assert list(_speakers(nlp, text).values()) == ["Anthony Fauci"]


def test_the_latter_and_the_former_are_the_second_and_the_first_of_two_people_named(nlp) -> None:
    """ "Hosts Laura Ingraham and Sean Hannity have praised …, with the latter suggesting: “…”" is Hannity's;
    "the former" is Ingraham; of three people named, nobody for sure."""
    pair = "Hosts Laura Ingraham and Sean Hannity have praised the president's performance, with the {} suggesting: "
    words = "“He has done a better job than anyone could have done in this crisis.”"
    assert list(_speakers(nlp, pair.format("latter") + words).values()) == ["Sean Hannity"]
    assert list(_speakers(nlp, pair.format("former") + words).values()) == ["Laura Ingraham"]
    three = "Tom Baker, Jane Doe and Bill Green visited the plant on Monday, with the latter saying: "
    assert list(_speakers(nlp, three + "“The plant needs the money before the winter comes.”").values()) == [None]
    after = "Senators Tom Baker and Jane Doe visited the plant.\n“The plant needs the money now,” the latter said."
    assert list(_speakers(nlp, after).values()) == ["Jane Doe"]
    other = "Senators Tom Baker and Jane Doe met; the latter has said she will run, and Mayor Bill Green said: "
    assert list(_speakers(nlp, other + "“The city needs the money this winter.”").values()) == ["Bill Green"]


def test_the_latter_speaking_leaves_the_quote_to_a_speaker_named_nearer_it(nlp) -> None:
    """ "with the latter saying she would not run, while Mayor Bill Green told reporters: “…”": the words after
    the colon are Green's, not the second senator's; so with "the former suggested …, while … said:"."""
    pair = "Senators Tom Baker and Jane Doe visited the plant"
    words = "“The plant needs the money before the winter comes.”"
    latter = pair + ", with the latter saying she would not run, while Mayor Bill Green told reporters: " + words
    assert list(_speakers(nlp, latter).values()) == ["Bill Green"]
    former = pair + "; the former suggested the plan was dead, while Mayor Bill Green said: " + words
    assert list(_speakers(nlp, former).values()) == ["Bill Green"]


@pytest.mark.parametrize(
    "pair",
    [
        "The unions and the employers were split",
        "Ford and General Motors disagreed",
        "The mayor and the governor disagreed",
    ],
)
def test_the_latter_of_a_pair_that_is_not_people_is_not_the_last_person_named(nlp, pair: str) -> None:
    """ "the latter" is the second of the pair joined just before it; when that pair is not two people named
    ("The unions and the employers"), the senators of the sentence before are not who it stands for."""
    text = (
        "Senators Tom Baker and Jane Doe visited the plant on Monday. "
        f"{pair}, with the latter saying: “The plant needs the money before the winter comes.”"
    )
    assert list(_speakers(nlp, text).values()) == [None]


@pytest.mark.parametrize(
    "couple", ["President and Dr. Jill Biden", "President and Dr. Biden", "Governor and Dr. Jill Baker"]
)
def test_a_title_and_a_doctor_joined_by_and_are_two_people(nlp, couple: str) -> None:
    """ "said President and Dr. Biden": "Dr." is the honorific of a second person, as "Mrs." is: the couple as
    written, never the doctor alone."""
    text = f"“We are so proud of every one of these students and their teachers,” said {couple}."
    (quote,) = _analyse(nlp, text).quotes
    assert (quote.speaker, quote.speaker_kind) == (couple, "description")


@pytest.mark.parametrize(
    "subject", ["Hamas and Hezbollah leader Hassan Nasrallah", "Britain and Labour leader Keir Starmer"]
)
def test_two_names_joined_by_and_before_a_role_are_not_one_organisation_cut(nlp, subject: str) -> None:
    """ "Hamas and Hezbollah leader Hassan Nasrallah said": "Hamas" is a whole name and "Hezbollah" one of its
    own, so not an organisation cut at its own "and" (as "National Institute of Allergy and Infectious
    Diseases" is); two speakers or one, the text does not say: nobody, not the leader nor "Hamas" alone."""
    text = f"“We will keep working on the deal until it is done,” {subject} said."
    assert list(_speakers(nlp, text).values()) == [None]


def test_two_titles_joined_by_and_in_a_joint_statement_are_not_one_person(nlp) -> None:
    """ "Gov. and Sen. Tom Baker said in a joint statement": a joint statement is two people's, so not the
    senator alone (nor "Gov. and Sen. Tom")."""
    for text in (
        "“We need the jobs here,” Gov. and Sen. Tom Baker said in a joint statement.",
        "“We need the jobs here,” said Gov. and Sen. Tom Baker in a joint statement.",
    ):
        assert list(_speakers(nlp, text).values()) == [None]


def test_titles_joined_by_and_before_one_name_in_a_joint_statement_are_not_that_person(nlp) -> None:
    """ "President and Vice President Joe Biden said in a joint statement": the words of two people, however
    the parse hangs the titles, so not Biden alone."""
    for text in (
        "“We need the jobs here,” President and Vice President Joe Biden said in a joint statement.",
        "“We need the jobs here,” said President and Vice President Joe Biden in a joint statement.",
    ):
        assert list(_speakers(nlp, text).values()) == [None]


def test_a_title_and_a_first_lady_joined_by_and_are_two_people_not_a_cut_name(nlp) -> None:
    """ "said President and First Lady Michelle Obama": the couple as written, never the cut "name"
    "President and First Lady Michelle"."""
    words = "“We are so proud of every one of these students and their teachers,”"
    text = f"{words} said President and First Lady Michelle Obama."
    (quote,) = _analyse(nlp, text).quotes
    assert (quote.speaker, quote.speaker_kind) == ("President and First Lady Michelle Obama", "description")


@pytest.mark.parametrize(
    "subject", ["Prime Minister and Chancellor Gordon Brown", "Governor and Judge Jane Doe", "Mayor and Rev. Jane Doe"]
)
def test_a_title_joined_by_and_to_a_name_with_a_title_of_no_office_is_nobody(nlp, subject: str) -> None:
    """ "Prime Minister and Chancellor Gordon Brown said": the Prime Minister and his Chancellor, or one man?
    The text does not say: nobody, and never the cut "name" "Prime Minister and Chancellor Gordon"."""
    text = f"“We are so proud of every one of these students and their teachers,” {subject} said."
    assert list(_speakers(nlp, text).values()) == [None]


def test_president_and_chief_executive_before_a_name_are_that_persons_titles(nlp) -> None:
    """ "said Acme president and chief executive Tom Baker", "said Acme President and CEO Jane Doe": one person's
    two offices, the person (a rank or a calling after "and" is not, as above)."""
    words = "“With the completion of our restatements we have a solid foundation to move forward,”"
    for title, name in (("president and chief executive", "Tom Baker"), ("President and CEO", "Jane Doe")):
        assert list(_speakers(nlp, f"{words} said Acme {title} {name}.").values()) == [name]


def test_a_title_joined_to_another_persons_title_is_not_one_person(nlp) -> None:
    """ "Gov. and former Gov. Jane Doe", "Gov. and Lt. Gov. Jane Doe", "Senator and Rep. Jane Doe": the second
    title has a rank of its own, repeats the office, or both are offices of government, which one person does not
    hold at once: two people, so not Jane Doe (nor a cut name). Two titles of one person still are."""
    for text in (
        "“We will keep the plant open,” Gov. and former Gov. Jane Doe said.",
        "“We will keep the plant open,” Gov. and Lt. Gov. Jane Doe said.",
        "“We will keep the plant open,” Senator and Rep. Jane Doe said.",
        "“We will keep the plant open,” Mayor and Deputy Mayor Jane Doe said.",  # the titles parsed before the name
    ):
        assert list(_speakers(nlp, text).values()) == [None], text
    one = (
        "“We will keep the plant open,” former Pennsylvania Gov. and Democratic National Committee Chairman "
        "Ed Rendell said."
    )
    assert list(_speakers(nlp, one).values()) == ["Ed Rendell"]


def test_together_outside_the_attribution_does_not_make_the_words_joint(nlp) -> None:
    """ "in a joint statement" makes titles joined by "and" two people's; "together" in the quote or in a clause
    of its own ("adding that staff had worked together") does not: GLAAD's president and CEO is one person."""
    for text in (
        "“We are working hard together,” GLAAD President and CEO Sarah Kate Ellis said.",
        "“The plant will stay open,” GLAAD President and CEO Sarah Kate Ellis said, adding that staff had worked "
        "together for months.",
    ):
        assert list(_speakers(nlp, text).values()) == ["Sarah Kate Ellis"], text


def test_organisations_joined_by_and_are_credited_together_never_the_first_alone(nlp) -> None:
    """ "the World Bank and the IMF said", "the Pentagon and Defense Secretary Ash Carter said", "the company and
    its lawyers said": several speakers, as written (a description), not the first of them alone."""
    for text, together in (
        ("“The recovery will be slow,” the World Bank and the IMF said in a statement.", "World Bank and the IMF"),
        (
            "“We will not send more troops,” the Pentagon and Defense Secretary Ash Carter said.",
            "Pentagon and Defense Secretary Ash Carter",
        ),
        ("“The recovery will be slow,” Google and Apple said in a joint statement.", "Google and Apple"),
        ("“The recovery will be slow,” the company and its lawyers said.", "the company and its lawyers"),
    ):
        (quote,) = _analyse(nlp, text).quotes
        assert (quote.speaker, quote.speaker_kind) == (together, "description"), text
    (alone,) = _analyse(nlp, "“The recovery will be slow,” the World Bank said.").quotes
    assert (alone.speaker, alone.speaker_kind) == ("World Bank", "name")
