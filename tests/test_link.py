"""Link: entity merging, alias file, topics and sources on hand-made analyses."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import write_files

from generator.analyse import analyse_articles
from generator.config import Config
from generator.link import build_sources, link_corpus
from generator.link.aliases import AliasFile, AliasFileError, load_aliases
from generator.link.entities import link_entities, normalise
from generator.model import AcronymDefinition, Article, ArticleAnalysis, Mention


def _article(aid: str, text: str = "x", source: str | None = None) -> Article:
    return Article(id=aid, slug=aid, path=f"{aid}.txt", title=aid, text=text, source=source)


def _analysis(mentions: list[tuple[str, str]], acronyms: tuple[AcronymDefinition, ...] = ()) -> ArticleAnalysis:
    return ArticleAnalysis(
        sentences=(),
        summary=(),
        keywords=(),
        mentions=tuple(Mention(text, label, i, i + len(text), 0) for i, (text, label) in enumerate(mentions)),
        quotes=(),
        acronyms=acronyms,
        lemmas=(),
    )


def test_normalise_folds_case_the_possessive_dots_and_accents() -> None:
    assert normalise("the U.S.") == normalise("US") == "us"
    assert normalise("China’s") == normalise("china") == "china"
    assert normalise("Ürümqi") == "urumqi"


def _entities(analyses: dict[str, ArticleAnalysis], aliases: AliasFile | None = None):  # noqa: ANN202
    articles = [_article(aid) for aid in analyses]
    entities, mentions = link_entities(articles, analyses, aliases)
    return {e.name: e for e in entities}, mentions


def test_surname_resolves_to_the_full_name_in_the_same_article_only() -> None:
    entities, mentions = _entities(
        {
            "a": _analysis([("Geng Shuang", "PERSON"), ("Geng", "PERSON"), ("Li Wei", "PERSON"), ("Li", "ORG")]),
            "b": _analysis([("Li", "PERSON"), ("Li Na", "PERSON")]),
        }
    )
    assert entities["Geng Shuang"].aliases == ("Geng Shuang", "Geng")
    assert "Li" in entities["Li Wei"].aliases and "Li" in entities["Li Na"].aliases
    assert entities["Li Wei"].type == "PERSON"
    assert entities["Li Wei"].articles == ("a",) and entities["Li Na"].articles == ("b",)


def test_acronym_defined_in_one_article_links_across_articles() -> None:
    entities, _ = _entities(
        {
            "a": _analysis([("Islamic State", "ORG"), ("IS", "ORG")], (AcronymDefinition("IS", "Islamic State"),)),
            "b": _analysis([("IS", "ORG"), ("Islamic State", "ORG")]),
        }
    )
    state = entities["Islamic State"]
    assert set(state.aliases) == {"Islamic State", "IS"} and state.articles == ("a", "b")
    assert "acronym" in state.alias_reasons["IS"]


def test_type_is_decided_by_vote() -> None:
    entities, _ = _entities({"a": _analysis([("Daesh", "ORG"), ("Daesh", "ORG"), ("Daesh", "GPE")])})
    assert entities["Daesh"].type == "ORG"


def test_alias_file_merges_and_names(tmp_path: Path) -> None:
    write_files(tmp_path, {"aliases.yml": "- name: Islamic State\n  type: ORG\n  aliases: [ISIS, Daesh]\n"})
    groups = load_aliases(tmp_path / "aliases.yml")
    entities, _ = _entities({"a": _analysis([("ISIS", "ORG")]), "b": _analysis([("Daesh", "PERSON")])}, groups)
    state = entities["Islamic State"]
    assert state.type == "ORG" and set(state.aliases) == {"ISIS", "Daesh"} and state.articles == ("a", "b")
    assert state.alias_reasons["Daesh"] == "alias file (line 1)"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("- name: X\n  aliases: Y\n", ":1: 'aliases' must be a list of at least 1"),
        ("- aliases: [Y]\n", ":1: entry has no 'name'"),
        ("- name: X\n", ":1: entry for 'X' gives neither"),
        ("- keep_apart: [A]\n", ":1: 'keep_apart' must be a list of at least 2"),
        ("- name: X\n  aliases: [Y]\n- name: Z\n  aliases: [W]\n  type: BANANA\n", ":3: type 'BANANA'"),
        ("- name: X\n  aliases: [Y\n", "not valid YAML"),
    ],
)
def test_alias_file_errors_name_the_line(tmp_path: Path, content: str, message: str) -> None:
    write_files(tmp_path, {"aliases.yml": content})
    with pytest.raises(AliasFileError, match="aliases.yml"):
        load_aliases(tmp_path / "aliases.yml")
    with pytest.raises(AliasFileError) as info:
        load_aliases(tmp_path / "aliases.yml")
    assert message in str(info.value)


def test_sources_one_per_outlet_plus_unattributed() -> None:
    sources = build_sources([_article("a", source="BBC"), _article("b", source="bbc"), _article("c")])
    assert [(s.name, s.articles) for s in sources] == [("BBC", ("a", "b")), ("Unattributed", ("c",))]


ELECTION = [
    "Voters in Ruritania elected a new parliament on Sunday. The ruling party lost its majority in the election "
    "after a campaign about taxes. Turnout in the parliamentary election was high, officials said.",
    "The parliamentary election in Ruritania ended the ruling party's majority. Opposition leaders celebrated "
    "the election result and promised lower taxes. The new parliament meets next month.",
    "Ruritania's election count finished on Monday. The ruling party conceded defeat in the parliament vote, "
    "and the opposition will form a government after the election.",
]
FLOODS = [
    "Heavy rain flooded the river valley of Borduria. Thousands of homes were flooded and rescue teams used boats "
    "to reach families trapped by the flood water.",
    "Flood water in Borduria's river valley began to fall on Tuesday. Rescue teams searched flooded homes and "
    "the river is expected to stay high after more rain.",
]


def test_two_stories_become_two_topics_with_related_articles_inside(tmp_path: Path) -> None:
    texts = ELECTION + FLOODS
    articles = [_article(f"a{i}", text) for i, text in enumerate(texts)]
    analyses, _ = analyse_articles(articles, Config(), None)
    corpus = link_corpus(articles, analyses, Config(), tmp_path / "none.yml")
    assert len(corpus.topics) == 2
    election_topic = {corpus.article_topic[a.id] for a in articles[:3]}
    flood_topic = {corpus.article_topic[a.id] for a in articles[3:]}
    assert len(election_topic) == 1 and len(flood_topic) == 1 and election_topic != flood_topic
    assert corpus.related["a3"][0][0] == "a4"
    assert sorted(t for s in corpus.subjects for t in s.topics) == sorted(t.id for t in corpus.topics)
    topics = {t.id: t for t in corpus.topics}
    election, flood = topics[election_topic.pop()], topics[flood_topic.pop()]
    for topic in (election, flood):  # titled by the headline of a member article; keywords are the subtitle
        assert topic.is_story and topic.headline_article in topic.articles
        assert topic.label == corpus.article(topic.headline_article).title
    assert "election" in election.subtitle.lower()
    assert any(word in flood.subtitle.lower() for word in ("flood", "river", "borduria"))
    assert corpus.no_story == () and corpus.stories == corpus.topics


def test_partial_name_joins_the_only_full_name_in_the_corpus() -> None:
    entities, _ = _entities(
        {
            "a": _analysis([("Michael Clarke", "PERSON")]),
            "b": _analysis([("Clarke", "PERSON"), ("Clarke", "ORG")]),
            "c": _analysis([("Li Wei", "PERSON"), ("Li Na", "PERSON")]),
            "d": _analysis([("Li", "PERSON")]),
        }
    )
    clarke = entities["Michael Clarke"]
    assert clarke.articles == ("a", "b")
    assert clarke.alias_reasons["Clarke"] == "part of the name Michael Clarke, the only such person in the corpus"
    assert entities["Li"].articles == ("d",)  # two full names contain "Li": ambiguous, kept apart


def test_undefined_acronym_joins_its_expansion() -> None:
    entities, _ = _entities(
        {
            "a": _analysis([("World Health Organization", "ORG"), ("WHO", "ORG")]),
            "b": _analysis([("W.H.O.", "ORG"), ("Uighur", "NORP")]),
        }
    )
    who = entities["World Health Organization"]
    assert set(who.aliases) == {"World Health Organization", "WHO", "W.H.O."}
    assert who.alias_reasons["WHO"] == "initials of World Health Organization"


def test_spelling_variants_join_but_people_and_demonyms_do_not() -> None:
    entities, _ = _entities(
        {
            "a": _analysis([("Uyghur", "NORP"), ("China", "GPE"), ("Li Wei", "PERSON"), ("Iraq", "GPE")]),
            "b": _analysis([("Uighurs", "NORP"), ("Chinese", "NORP"), ("Li Wen", "PERSON"), ("Iran", "GPE")]),
            "c": _analysis([("Uighur", "NORP"), ("Georgia", "GPE"), ("Georgian", "NORP")]),
        }
    )
    people = entities["Uyghur"]
    assert set(people.aliases) == {"Uyghur", "Uighurs", "Uighur"}
    assert people.alias_reasons["Uighur"] == "spelling variant of Uyghur"
    assert people.alias_reasons["Uighurs"] == "plural of Uighur"
    assert {"Li Wei", "Li Wen", "Iraq", "Iran", "China", "Chinese", "Georgia", "Georgian"} <= set(entities)
    assert entities["China"].related == (entities["Chinese"].id,)
    assert entities["Georgian"].related == (entities["Georgia"].id,)


def test_alias_file_keeps_apart_renames_and_types(tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {
            "aliases.yml": "- keep_apart: [Michael Clarke, Clarke]\n"
            "- name: Xi Jinping\n  type: PERSON\n  aliases: [Xi]\n"
            "- name: Daesh\n  type: ORG\n"
        },
    )
    aliases = load_aliases(tmp_path / "aliases.yml")
    entities, _ = _entities(
        {
            "a": _analysis([("Michael Clarke", "PERSON"), ("Xi", "ORG"), ("Daesh", "PERSON")]),
            "b": _analysis([("Clarke", "PERSON"), ("Xi Jinping", "PERSON")]),
        },
        aliases,
    )
    assert entities["Clarke"].articles == ("b",) and entities["Michael Clarke"].articles == ("a",)
    assert entities["Xi Jinping"].type == "PERSON" and set(entities["Xi Jinping"].aliases) == {"Xi", "Xi Jinping"}
    assert entities["Daesh"].type == "ORG"


def test_alias_file_contradiction_is_an_error(tmp_path: Path) -> None:
    write_files(tmp_path, {"aliases.yml": "- keep_apart: [A B, B]\n- name: A B\n  aliases: [B]\n"})
    with pytest.raises(AliasFileError, match="line 2"):
        _entities({"a": _analysis([("A B", "PERSON")])}, load_aliases(tmp_path / "aliases.yml"))


def test_company_names_join_their_short_forms_only_when_unambiguous() -> None:
    entities, _ = _entities(
        {
            "a": _analysis([("Apple Inc.", "ORG"), ("Northrop Grumman", "ORG"), ("Northrop", "ORG")]),
            "b": _analysis([("Apple", "ORG"), ("Northrop", "ORG"), ("U.S. Air Force", "ORG")]),
            "c": _analysis([("Apple Corps", "ORG"), ("Apple Computer", "ORG"), ("US Air Force", "ORG")]),
        }
    )
    assert set(entities["Apple"].aliases) == {"Apple", "Apple Inc."}
    assert entities["Apple"].alias_reasons["Apple Inc."] == "Apple with its legal suffix"
    assert "Apple Corps" in entities and "Apple Computer" in entities  # "Apple" begins both: ambiguous
    northrop = next(e for e in entities.values() if "Northrop Grumman" in e.aliases)
    assert set(northrop.aliases) == {"Northrop Grumman", "Northrop"} and northrop.articles == ("a", "b")
    air_force = next(e for e in entities.values() if "US Air Force" in e.aliases)
    assert "U.S. Air Force" in air_force.aliases


def test_a_multi_document_summary(tmp_path: Path) -> None:
    from generator.link.topics import topic_summary

    texts = ELECTION + FLOODS
    articles = [_article(f"a{i}", text) for i, text in enumerate(texts)]
    analyses, _ = analyse_articles(articles, Config(), None)

    ids = [a.id for a in articles[:3]]
    summary = topic_summary(ids, analyses, size=3)
    assert summary and len(summary) <= 3
    assert len({text for _, text in summary}) == len(summary)
    assert len({aid for aid, _ in summary}) == len(summary)  # one sentence per article while articles remain
    for aid, text in summary:
        assert aid in ids and text in analyses[aid].sentences[0].text + " ".join(
            s.text for s in analyses[aid].sentences
        )
    assert topic_summary(ids[:1], analyses) == []


def _summarised(*texts: str) -> ArticleAnalysis:
    """An analysis whose sentences are `texts`, every one in its summary."""
    from generator.model import Sentence

    sentences = tuple(Sentence(0, len(t), t) for t in texts)
    return ArticleAnalysis(sentences, tuple(range(len(texts))), (), (), (), (), ())


def test_a_story_summary_does_not_start_mid_quote() -> None:
    from generator.link.topics import continues_a_quote, topic_summary

    continuation = "And is there a way to clean the lungs with disinfectant,” the president said of the virus."
    analyses = {
        "a": _summarised("“We are looking at it very hard.", continuation),
        "b": _summarised("Doctors warned the president against injecting disinfectant."),
        "c": _summarised("Makers said the product must never enter the lungs to fight the virus."),
    }
    assert continues_a_quote(continuation) and not continues_a_quote("“Wear a mask,” she said.")
    assert not continues_a_quote("Officials said the lungs of 12 patients were clean.")
    summary = [text for _, text in topic_summary(["a", "b", "c"], analyses)]
    assert len(summary) == 2 and continuation not in summary  # a's other sentence shares no word


def test_a_story_summary_does_not_open_with_a_pronoun_that_leans_on_its_article() -> None:
    from generator.link.topics import leans_on_before, topic_summary

    leaning = "He added, “Hundreds of billions of dollars for the states in bankruptcy is a bad idea.”"
    analyses = {
        "a": _summarised(leaning),
        "b": _summarised("McConnell said states could use bankruptcy rather than federal aid."),
        "c": _summarised("Governors rejected the idea that states should declare bankruptcy."),
    }
    assert leans_on_before(leaning) and leans_on_before("“They will not,” she said.")
    assert not leans_on_before("Hence the states asked for billions.") and not leans_on_before("Herd immunity is far.")
    summary = [text for _, text in topic_summary(["a", "b", "c"], analyses)]
    assert summary and leaning not in summary


# --- who reported first, and the bounded comparison (link/coverage.py) ------------------------


class _Stories:
    """The few corpus lookups coverage.py reads, over hand-made articles."""

    def __init__(self, articles: list[Article]) -> None:
        from types import SimpleNamespace

        from generator.model import Source

        self.articles = tuple(articles)
        by_id = {a.id: a for a in articles}
        self._sources = {
            (a.source or "Unattributed"): Source(a.source or "unattributed", "s", a.source_name, ()) for a in articles
        }
        self.index = SimpleNamespace(source_of_article={a.id: self._sources[a.source_name].id for a in articles})
        self._by_id = by_id

    def article(self, article_id: str) -> Article:
        return self._by_id[article_id]

    def source(self, source_id: str):  # noqa: ANN201 - model.Source
        return next(s for s in self._sources.values() if s.id == source_id)

    def source_of(self, article_id: str):  # noqa: ANN201 - model.Source
        return self._sources[self._by_id[article_id].source_name]


def _dated(aid: str, source: str | None, day: str | None, published: str | None = None) -> Article:
    from datetime import date

    return Article(
        id=aid, slug=aid, path=f"{aid}.txt", title=aid, text="x", source=source,
        date=date.fromisoformat(day) if day else None, published=published,
    )  # fmt: skip


def test_first_to_report_only_when_times_or_dates_make_it_true() -> None:
    from generator.link.coverage import first_report

    timed = [
        _dated("a", "A", "2020-04-01", "2020-04-01T09:00:00+00:00"),
        _dated("b", "B", "2020-04-01", "2020-04-01T08:30:00+00:00"),
        _dated("c", "C", "2020-04-02", "2020-04-02T07:00:00+00:00"),
    ]
    first = first_report([a.id for a in timed], _Stories(timed))
    assert first is not None and (first.articles, first.by, first.undated) == (("b",), "time", 0)
    assert first.at == "2020-04-01 08:30 +00:00"

    same_day = [_dated("a", "A", "2020-04-01"), _dated("b", "B", "2020-04-01", "2020-04-01T08:30:00"), timed[2]]
    first = first_report(["a", "b", "c"], _Stories(same_day))
    assert first is not None and (first.articles, first.by) == (("a", "b"), "date")  # a gives no time: a tie

    with_undated = [_dated("a", "A", "2020-04-03"), _dated("b", "B", None), _dated("c", "C", "2020-04-05")]
    first = first_report(["a", "b", "c"], _Stories(with_undated))
    assert first is not None and (first.articles, first.by, first.undated) == (("a",), "date", 1)
    assert first_report(["b"], _Stories(with_undated)) is None


def test_comparison_columns_are_bounded_and_unattributed_articles_share_one() -> None:
    from generator.link.coverage import OUTLET_COLUMNS, _columns

    articles = [_dated(f"o{i}-{k}", f"Outlet {i:02}", None) for i in range(20) for k in range(1 + (i < 3))]
    articles += [_dated(f"u{k}", None, None) for k in range(3)]
    columns = _columns([a.id for a in articles], _Stories(articles))  # type: ignore[arg-type]
    assert [c.kind for c in columns] == ["outlet"] * OUTLET_COLUMNS + ["others", "unattributed"]
    assert columns[0].label == "Outlet 00" and len(columns[0].articles) == 2  # largest first
    assert (
        columns[-2].label == f"{20 - OUTLET_COLUMNS} other outlets" and len(columns[-2].articles) == 20 - OUTLET_COLUMNS
    )
    assert len(columns[-1].articles) == 3


def test_groups_follow_every_join_and_a_group_not_joined_again_is_the_one_built_before() -> None:
    from generator.link.mention_table import Entry, MentionTable
    from generator.link.merger import Merger

    articles = [Article(id=f"a{i}", slug=f"a{i}", path=f"a{i}.txt", title="t", text="x") for i in range(3)]
    table = MentionTable(articles)
    for i, (surface, key, label) in enumerate([("Acme", "acme", "ORG"), ("Acme Inc", "acme inc", "ORG"),
                                                ("ACME", "ACME", "ORG"), ("Zed", "zed", "PERSON")]):  # fmt: skip
        article = articles[i % 3].id
        table.by_article[article].append(Entry(article, Mention(surface, label, 0, 4, 0), surface, key, label))
    merger = Merger([])
    merger.union("acme", "acme inc", "legal suffix")
    first = table.groups(merger)
    assert set(first["acme"].forms) == {"Acme", "Acme Inc"} and list(first["acme"].articles) == ["a0", "a1"]
    merger.union("zed", "zed", "same")
    again = table.groups(merger)
    assert again["acme"] is first["acme"]  # nothing joined it since: not merged again
    merger.union("ACME", "acme", "initials")
    joined = table.groups(merger)
    root = merger.find("acme")
    assert set(joined[root].forms) == {"Acme", "Acme Inc", "ACME"} and list(joined[root].articles) == ["a0", "a1", "a2"]
    assert joined[root].keys == {"acme": 1, "acme inc": 1, "ACME": 1}


def test_a_demonym_stays_apart_from_its_country_but_is_related_to_it_under_any_of_its_names() -> None:
    """ "Americans" (a people) are not the United States (a country), but the country's page points to them:
    the demonym is named after "America", one of the country's names, though the page shows "United States"."""
    entities, _ = _entities(
        {
            "a": _analysis([("United States", "GPE"), ("America", "GPE"), ("American", "NORP")]),
            "b": _analysis([("United States", "GPE"), ("American", "NORP"), ("Japan", "GPE"), ("Japanese", "NORP")]),
        }
    )
    country, people = entities["United States"], entities["American"]
    assert "America" in country.aliases and "American" not in country.aliases
    assert country.related == (people.id,) and people.related == (country.id,)
    assert entities["Japanese"].related == (entities["Japan"].id,)


def test_a_possessive_span_names_what_is_owned_when_both_are_names_of_the_corpus() -> None:
    """The model's "Joe Biden's Wikipedia" (typed PERSON) was a person of its own beside Joe Biden; it names
    Wikipedia. A possessive no name owns ("the sheriff's office") or a place owns ("Wisconsin's Supreme
    Court": not the Supreme Court the corpus names elsewhere) stays one name."""
    entities, mentions = _entities(
        {
            "a": _analysis([("Joe Biden", "PERSON"), ("Wikipedia", "ORG"), ("Wisconsin", "GPE")]),
            "b": _analysis([("Joe Biden", "PERSON"), ("Wikipedia", "ORG"), ("Supreme Court", "ORG")]),
            "c": _analysis([("Joe Biden's Wikipedia", "PERSON"), ("Wisconsin", "GPE"), ("Supreme Court", "ORG")]),
            "d": _analysis([("Wisconsin's Supreme Court", "ORG"), ("Sheriff's Office", "ORG")]),
            "e": _analysis([("Office", "ORG"), ("Office", "ORG")]),
        }
    )
    assert "Joe Biden's Wikipedia" not in entities
    assert entities["Wikipedia"].articles == ("a", "b", "c") and entities["Wikipedia"].type == "ORG"
    cut = next(m for m in mentions["c"] if m.entity == entities["Wikipedia"].id)
    assert (cut.start, cut.end) == (len("Joe Biden's "), len("Joe Biden's Wikipedia"))
    assert "Wisconsin's Supreme Court" in entities and "d" not in entities["Supreme Court"].articles
    assert "Sheriff's Office" in entities and "d" not in entities["Office"].articles
