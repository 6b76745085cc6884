"""Link: corpus-level names on small hand-written articles (issue 13, and the names of issue 19).

Each article is written out as text and its mentions are found in it by string, so the rules
that read the text around a mention (a title before it) see what they would on real coverage.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from conftest import write_files

from generator.link.aliases import AliasFileError, load_aliases
from generator.link.entities import link_entities
from generator.link.names import clean_name, name_key
from generator.model import AcronymDefinition, Article, ArticleAnalysis, Entity, Mention, type_label


def _article(aid: str, text: str, mentions: list[tuple[str, str]]) -> tuple[Article, ArticleAnalysis]:
    """An article with `text`; each (name, label) is found in it in order, from where the last one was found."""
    found, position = [], 0
    for name, label in mentions:
        start = text.index(name, position)
        found.append(Mention(name, label, start, start + len(name), 0))
        position = start + len(name)
    analysis = ArticleAnalysis((), (), (), tuple(found), (), (), ())
    return Article(id=aid, slug=aid, path=f"{aid}.txt", title=aid, text=text), analysis


def _link(items: list[tuple[str, str, list[tuple[str, str]]]], alias_text: str | None = None, tmp: Path | None = None):  # noqa: ANN202
    pairs = [_article(aid, text, mentions) for aid, text, mentions in items]
    articles = [a for a, _ in pairs]
    analyses = {a.id: an for a, an in pairs}
    aliases = None
    if alias_text is not None and tmp is not None:
        write_files(tmp, {"aliases.yml": alias_text})
        aliases = load_aliases(tmp / "aliases.yml")
    entities, linked = link_entities(articles, analyses, aliases)
    return entities, linked


def _holding(entities: tuple[Entity, ...], alias: str) -> Entity:
    return next(e for e in entities if alias in e.aliases)


def test_titles_middle_initials_and_nicknames_join_the_one_full_name() -> None:
    entities, _ = _link(
        [
            ("a", "Donald Trump spoke. Later President Trump left.", [("Donald Trump", "PERSON"), ("Trump", "PERSON")]),
            ("b", "President Trump and President Xi met.", [("President Trump", "ORG"), ("Xi", "PERSON")]),
            ("c", "Donald J. Trump signed it.", [("Donald J. Trump", "PERSON")]),
            (
                "d",
                "Sen. Mitch McConnell spoke. Sen. McConnell left.",
                [("Mitch McConnell", "PERSON"), ("McConnell", "ORG")],
            ),
            (
                "e",
                "Sen. McConnell agreed with Attorney General Bill Barr.",
                [("McConnell", "ORG"), ("Bill Barr", "PERSON")],
            ),
            ("f", "William P. Barr and Mr Barr.", [("William P. Barr", "PERSON"), ("Barr", "PERSON")]),
            ("g", "Donald Trump Jr. said so.", [("Donald Trump Jr.", "PERSON")]),
            *[(f"t{i}", "Donald Trump spoke.", [("Donald Trump", "PERSON")]) for i in range(3)],
        ]
    )
    trump = _holding(entities, "Donald Trump")
    assert trump.name == "Donald Trump" and trump.type == "PERSON"
    assert {"Trump", "President Trump", "Donald J. Trump"} <= set(trump.aliases)
    assert "middle name" in trump.alias_reasons["Donald J. Trump"]
    assert _holding(entities, "Donald Trump Jr.") is not trump  # a suffix keeps father and son apart
    mcconnell = _holding(entities, "Mitch McConnell")
    assert mcconnell.type == "PERSON" and mcconnell.articles == ("d", "e")
    barr = _holding(entities, "William P. Barr")
    assert {"Bill Barr", "Barr"} <= set(barr.aliases) and barr.name in ("William P. Barr", "Bill Barr")


def test_ambiguous_surnames_follow_their_article_else_the_dominant_person_else_stay_apart() -> None:
    joe = [
        (f"j{i}", "Joe Biden campaigned. Biden won.", [("Joe Biden", "PERSON"), ("Biden", "PERSON")]) for i in range(9)
    ]
    entities, linked = _link(
        [
            *joe,
            ("h", "Hunter Biden was in Ukraine. Biden denied it.", [("Hunter Biden", "PERSON"), ("Biden", "PERSON")]),
            ("x", "Biden spoke on Tuesday.", [("Biden", "PERSON")]),
            ("bc", "Bill Clinton spoke. Clinton smiled.", [("Bill Clinton", "PERSON"), ("Clinton", "PERSON")]),
            ("hc", "Hillary Clinton spoke. Clinton smiled.", [("Hillary Clinton", "PERSON"), ("Clinton", "PERSON")]),
            ("c", "Clinton was not there.", [("Clinton", "PERSON")]),
        ]
    )
    by_id = {e.id: e for e in entities}
    assert by_id[linked["h"][1].entity].name == "Hunter Biden"  # the full name in its own article
    assert by_id[linked["x"][0].entity].name == "Joe Biden"  # Joe is named in 9 of the 10 articles
    assert "most articles name so" in by_id[linked["x"][0].entity].alias_reasons["Biden"]
    assert by_id[linked["bc"][1].entity].name == "Bill Clinton"
    assert by_id[linked["hc"][1].entity].name == "Hillary Clinton"
    clinton = by_id[linked["c"][0].entity]
    assert clinton.name == "Clinton" and clinton.articles == ("c",)  # neither dominates: kept apart
    assert {by_id[i].name for i in clinton.ambiguous_with} == {"Bill Clinton", "Hillary Clinton"}
    assert clinton.alias_reasons["Clinton"].startswith("ambiguous")


def test_country_names_and_codes_are_one_entity_but_the_americas_are_not() -> None:
    entities, _ = _link(
        [
            (
                "a",
                "The U.S. and the United States of America and the U.S",
                [("U.S.", "GPE"), ("United States of America", "GPE"), ("U.S", "GPE")],
            ),
            (
                "b",
                "America and the United States, and the US.",
                [("America", "GPE"), ("United States", "GPE"), ("US", "GPE")],
            ),
            ("c", "Trade across the Americas. America first.", [("Americas", "LOC"), ("America", "GPE")]),
            (
                "d",
                "Britain, the UK, the U.K. and the United Kingdom.",
                [("Britain", "GPE"), ("UK", "GPE"), ("U.K.", "GPE"), ("United Kingdom", "GPE")],
            ),
        ]
    )
    states = _holding(entities, "America")
    assert states.name == "United States"
    assert set(states.aliases) == {"U.S.", "United States of America", "U.S", "America", "United States", "US"}
    assert "ISO 3166" in states.alias_reasons["America"]
    assert "Americas" not in states.aliases
    assert set(_holding(entities, "Britain").aliases) == {"Britain", "UK", "U.K.", "United Kingdom"}


def test_acronyms_never_swallow_longer_names_and_the_display_name_is_the_most_used_full_form() -> None:
    entities, _ = _link(
        [
            (
                "a",
                "The FBI said the FBI Hostage Rescue Team was ready.",
                [("FBI", "ORG"), ("FBI Hostage Rescue Team", "ORG")],
            ),
            (
                "b",
                "The Federal Bureau of Investigation (FBI) and the FBI.",
                [("Federal Bureau of Investigation", "ORG"), ("FBI", "ORG"), ("FBI", "ORG")],
            ),
            (
                "c",
                "Trump ’ s plan. Donald Trump spoke. Donald Trump again.",
                [("Trump ’ s", "PERSON"), ("Donald Trump", "PERSON"), ("Donald Trump", "PERSON")],
            ),
            ("d", "Donald John Trump.", [("Donald John Trump", "PERSON")]),
        ]
    )
    fbi = _holding(entities, "FBI")
    assert "FBI Hostage Rescue Team" not in fbi.aliases
    assert fbi.name == "Federal Bureau of Investigation"
    assert _holding(entities, "FBI Hostage Rescue Team").name == "FBI Hostage Rescue Team"
    assert _holding(entities, "Donald John Trump").name == "Donald Trump"  # most used, not longest or possessive


def test_types_follow_the_evidence_of_titles_legal_suffixes_and_full_names() -> None:
    entities, _ = _link(
        [
            ("a", "Dr. Anthony Fauci said Fauci would stay.", [("Anthony Fauci", "PERSON"), ("Fauci", "ORG")]),
            ("b", "Dr. Fauci warned.", [("Fauci", "ORG")]),
            ("c", "Fauci warned again.", [("Fauci", "ORG")]),
            ("d", "Twitter Inc. said Twitter would act.", [("Twitter Inc.", "PERSON"), ("Twitter", "PERSON")]),
            ("e", "Will Twitter ban him? On Twitter.", [("Will Twitter", "PERSON"), ("Twitter", "PERSON")]),
        ]
    )
    fauci = _holding(entities, "Anthony Fauci")
    assert fauci.type == "PERSON" and fauci.articles == ("a", "b", "c")
    twitter = _holding(entities, "Twitter Inc.")
    assert twitter.type == "ORG" and "Twitter" in twitter.aliases
    assert "Twitter" not in _holding(entities, "Will Twitter").aliases  # not "part of the name Will Twitter"


def test_a_name_whose_mentions_disagree_on_its_type_is_typed_other_not_guessed() -> None:
    covid = [("COVID-19", "ORG"), ("COVID-19", "PERSON"), ("COVID-19", "ORG"), ("COVID-19", "PERSON")]
    entities, _ = _link(
        [
            ("a", "COVID-19 spread. COVID-19 killed. COVID-19 waned. COVID-19 returned.", covid),
            ("c", "Acme Corp. hired. Acme fired. Acme grew. Acme fell.", [("Acme Corp.", "PERSON")]),
            ("d", "Paris, Paris, Paris and Paris.", [("Paris", "GPE")] * 3 + [("Paris", "PERSON")]),
        ]
    )
    assert _holding(entities, "COVID-19").type == "OTHER"  # 2 ORG, 2 PERSON: no clear vote
    assert _holding(entities, "Paris").type == "GPE"  # 3 of 4: a clear vote
    assert _holding(entities, "Acme Corp.").type == "ORG"  # a legal suffix settles it
    assert type_label("OTHER") == "Other names (type unclear)"


def test_the_alias_file_wins_and_keep_apart_still_separates(tmp_path: Path) -> None:
    entities, _ = _link(
        [
            ("a", "Donald Trump spoke.", [("Donald Trump", "PERSON")]),
            ("b", "Trump spoke. The Donald agreed.", [("Trump", "PERSON"), ("The Donald", "PERSON")]),
            ("c", "Hillary Clinton and Clinton.", [("Hillary Clinton", "PERSON"), ("Clinton", "PERSON")]),
        ],
        "- name: Donald Trump\n  aliases: [The Donald]\n- keep_apart: [Hillary Clinton, Clinton]\n",
        tmp_path,
    )
    trump = _holding(entities, "Donald Trump")
    assert {"Trump", "The Donald"} <= set(trump.aliases) and trump.alias_reasons["The Donald"] == "alias file (line 1)"
    assert "Clinton" not in _holding(entities, "Hillary Clinton").aliases


def test_an_acronym_and_a_word_that_differ_only_in_case_are_two_entities_unless_the_alias_file_joins_them(
    tmp_path: Path,
) -> None:
    items = [
        ("a", "ISIS militants attacked.", [("ISIS", "ORG")]),
        ("b", "A statue of Isis, the goddess.", [("Isis", "PERSON")]),
    ]
    entities, _ = _link(items)
    assert _holding(entities, "ISIS") is not _holding(entities, "Isis")
    joined, _ = _link(items, "- name: ISIS\n  aliases: [Isis]\n", tmp_path)
    assert _holding(joined, "ISIS") is _holding(joined, "Isis")


def test_names_compare_after_nfc_and_white_space_folding_and_lose_control_and_bidi_characters() -> None:
    nfd = "Le Monde E\u0301conomie"
    entities, linked = _link(
        [
            ("a", f"{nfd} wrote.", [(nfd, "ORG")]),
            ("b", "Le Monde Économie wrote.", [("Le Monde Économie", "ORG")]),
            ("c", "BBC  News said. BBC News said.", [("BBC  News", "ORG"), ("BBC News", "ORG")]),
            ("d", "Evil\u202e Corp\u0007 said.", [("Evil\u202e Corp\u0007", "ORG")]),
        ]
    )
    monde = _holding(entities, "Le Monde Économie")
    assert monde.articles == ("a", "b") and monde.aliases == ("Le Monde Économie",)
    assert _holding(entities, "BBC News").aliases == ("BBC News",)
    evil = next(e for e in entities if e.articles == ("d",))
    assert evil.name == "Evil Corp" and linked["d"][0].text == "Evil Corp"
    assert clean_name("a\u202eb\u2066c\x00d\u200fe") == "abcde"
    assert name_key("the U.S.’s") == name_key("US") == "US" and name_key("Us") == "us"


def test_the_same_alias_under_two_alias_file_entries_is_an_error_naming_both_lines(tmp_path: Path) -> None:
    write_files(
        tmp_path, {"aliases.yml": "- name: Islamic State\n  aliases: [IS, Daesh]\n- name: Iceland\n  aliases: [IS]\n"}
    )
    with pytest.raises(AliasFileError) as info:
        load_aliases(tmp_path / "aliases.yml")
    assert "'IS'" in str(info.value) and "line 1" in str(info.value) and "line 3" in str(info.value)


def test_alias_file_names_lose_control_and_bidi_characters(tmp_path: Path) -> None:
    write_files(tmp_path, {"aliases.yml": '- name: "Islamic\\u202e State"\n  aliases: ["Dae\\x07sh"]\n'})
    aliases = load_aliases(tmp_path / "aliases.yml")
    assert aliases.groups[0].name == "Islamic State" and aliases.groups[0].aliases == ("Daesh",)


def test_an_entity_with_only_badly_cut_spans_gets_a_tidied_display_name() -> None:
    entities, _ = _link(
        [
            (
                "a",
                "The children’s Easter egg hunt, the Institute for Health Metrics (IHME said, and @WHO.",
                [("’s Easter", "EVENT"), ("Institute for Health Metrics (IHME", "ORG"), ("@WHO", "ORG")],
            ),
            ("b", "They played Village People's \"YMCA at the rally.", [("Village People's \"YMCA", "WORK_OF_ART")]),
        ]
    )
    assert _holding(entities, "’s Easter").name == "Easter"
    assert _holding(entities, "Institute for Health Metrics (IHME").name == "Institute for Health Metrics"
    assert _holding(entities, "@WHO").name == "WHO"
    assert _holding(entities, "Village People's \"YMCA").name == "Village People's YMCA"


def test_a_short_company_name_joins_the_longer_name_it_is_clearly_named_beside_and_only_that() -> None:
    ford = [("Ford Motor Company", "ORG"), ("Ford", "ORG")]
    items = [(f"f{i}", "Ford Motor Company said Ford would hire.", ford) for i in range(3)]
    items += [
        ("t", "The Ford Taurus sold well for Ford.", [("Ford Taurus", "ORG"), ("Ford", "ORG")]),
        ("x", "Ford cut jobs.", [("Ford", "ORG")]),
        # Two longer names equally often beside the short one: it stays apart from both.
        ("g1", "Acme Foods and Acme.", [("Acme Foods", "ORG"), ("Acme", "ORG")]),
        ("g2", "Acme Steel and Acme.", [("Acme Steel", "ORG"), ("Acme", "ORG")]),
    ]
    entities, _ = _link(items)
    company = _holding(entities, "Ford Motor Company")
    assert "Ford" in company.aliases and company.name == "Ford Motor Company"
    assert "Ford Taurus" not in company.aliases
    assert "beside it in 3 of 4 articles" in company.alias_reasons["Ford"]
    acme = _holding(entities, "Acme")
    assert acme.aliases == ("Acme",)


def test_a_company_join_counts_each_article_once_in_its_reason() -> None:
    ford = [("Ford Motor Company", "ORG"), ("Ford", "ORG")]
    items = [(f"f{i}", "Ford Motor Company said Ford would hire.", ford) for i in range(3)]
    both = [("Ford Motor Company", "ORG"), ("Ford Taurus", "ORG"), ("Ford", "ORG")]
    items += [
        ("b", "Ford Motor Company makes the Ford Taurus, Ford said.", both),  # beside both longer names
        ("t", "The Ford Taurus sold well for Ford.", [("Ford Taurus", "ORG"), ("Ford", "ORG")]),
    ]
    entities, _ = _link(items)
    company = _holding(entities, "Ford Motor Company")
    assert "beside it in 4 of 5 articles" in company.alias_reasons["Ford"]  # 5 articles, not 4 + 2


def test_a_surname_typed_as_a_place_joins_the_person_only_where_the_corpus_always_says_whose() -> None:
    amash = [("Justin Amash", "PERSON"), ("Amash", "GPE")]
    items = [(f"a{i}", "Justin Amash left. Amash said no.", amash) for i in range(2)]
    items.append(("a2", "Amash spoke.", [("Amash", "GPE")]))
    # "Dover" beside Ben Dover in one article, and alone as a town in two: not his name.
    items.append(("d0", "Ben Dover left Dover.", [("Ben Dover", "PERSON"), ("Dover", "GPE")]))
    items += [(f"d{i}", "Ferries left Dover.", [("Dover", "GPE")]) for i in range(1, 3)]
    # A subdivision's name never joins a person ("Washington" beside George Washington).
    washington = [("George Washington", "PERSON"), ("Washington", "GPE")]
    items += [(f"w{i}", "George Washington went to Washington.", washington) for i in range(2)]
    entities, linked = _link(items)
    person = _holding(entities, "Justin Amash")
    assert "Amash" in person.aliases
    assert {m.entity for m in linked["a2"]} != {person.id}  # no full name in its article: a place mention stays
    assert "Dover" not in _holding(entities, "Ben Dover").aliases
    assert "Washington" not in _holding(entities, "George Washington").aliases


def test_a_hyphenated_surname_is_a_persons_surname() -> None:
    mentions = [("Alexandria Ocasio-Cortez", "PERSON"), ("Ocasio-Cortez", "PERSON")]
    entities, _ = _link([(f"o{i}", "Alexandria Ocasio-Cortez spoke; Ocasio-Cortez left.", mentions) for i in range(2)])
    assert _holding(entities, "Ocasio-Cortez").name == "Alexandria Ocasio-Cortez"


def test_a_name_in_a_headline_in_capitals_is_the_name_the_corpus_writes_with_those_letters() -> None:
    trump = [("Donald Trump", "PERSON"), ("Trump", "PERSON")]
    items = [(f"t{i}", "Donald Trump spoke. Trump left.", trump) for i in range(2)]
    items.append(
        ("h", "DOES TRUMP HAVE THE POWER? Donald Trump says so.", [("TRUMP", "ORG"), ("Donald Trump", "PERSON")])
    )
    # An acronym the corpus writes in capitals stays one in a headline.
    items += [(f"w{i}", "The WHO warned.", [("WHO", "ORG")]) for i in range(2)]
    items.append(("x", "WHO WARNS OF A SECOND WAVE", [("WHO", "ORG")]))
    # Initials beside initials are no headline: "J. R .R. Tolkien" is not the "Jr." of "Falwell Jr.".
    items += [("j", "Jerry Falwell Jr. spoke; J. R .R. Tolkien wrote.", [("Jr.", "PERSON"), ("J. R", "PERSON")])]
    entities, linked = _link(items)
    person = _holding(entities, "Donald Trump")
    assert "TRUMP" in person.aliases and person.type == "PERSON"
    assert {m.entity for m in linked["h"]} == {person.id}
    assert _holding(entities, "WHO").id == next(m.entity for m in linked["x"])
    assert not any(e.name.lower() == "who" and e.name != "WHO" for e in entities)
    assert "J. R" not in _holding(entities, "Jr.").aliases


def test_a_surname_with_a_particle_is_one_surname_and_joins_its_full_name() -> None:
    full = [("Bill de Blasio", "PERSON"), ("De Blasio", "PERSON")]
    items = [(f"b{i}", "Mayor Bill de Blasio spoke. De Blasio left.", full) for i in range(2)]
    items.append(("c", "De Blasio said no; de Blasio left.", [("De Blasio", "PERSON"), ("Blasio", "PERSON")]))
    # "Van" is also a given name: "Van Johnson" is a full name, not the surname of a "Jo van Johnson".
    items.append(("v", "Van Johnson and Ben Johnson met.", [("Van Johnson", "PERSON"), ("Ben Johnson", "PERSON")]))
    entities, linked = _link(items)
    person = _holding(entities, "Bill de Blasio")
    assert person.name == "Bill de Blasio"
    assert {"De Blasio", "Blasio"} <= set(person.aliases)
    assert {m.entity for m in linked["c"]} == {person.id}
    assert _holding(entities, "Van Johnson") != _holding(entities, "Ben Johnson")


def test_an_acronym_defined_with_a_word_in_the_plural_and_in_the_singular_is_defined_once() -> None:
    pairs = [
        _article("a", "The National Institutes of Health (NIH) said so.", [("National Institutes of Health", "ORG")]),
        _article("b", "The National Institute of Health (NIH) agreed.", [("National Institute of Health", "ORG")]),
        _article("c", "The NIH spoke. The NIH left.", [("NIH", "ORG"), ("NIH", "ORG")]),
        # Two different expansions of one acronym still define nothing.
        _article("d", "The National Rifle Association (NRA) met.", [("National Rifle Association", "ORG")]),
        _article("e", "The National Restaurant Association (NRA) met.", [("National Restaurant Association", "ORG")]),
    ]
    expansions = {"a": "National Institutes of Health", "b": "National Institute of Health"}
    expansions |= {"d": "National Rifle Association", "e": "National Restaurant Association"}
    articles = [a for a, _ in pairs]
    analyses = {
        a.id: replace(an, acronyms=(AcronymDefinition(f"N{'IH' if a.id < 'd' else 'RA'}", expansions[a.id]),))
        if a.id in expansions
        else an
        for a, an in pairs
    }
    entities, _ = link_entities(articles, analyses)
    nih = _holding(entities, "NIH")
    assert {"National Institutes of Health", "National Institute of Health"} <= set(nih.aliases)
    assert _holding(entities, "National Rifle Association") != _holding(entities, "National Restaurant Association")


def test_an_acronym_several_names_spell_follows_its_article_else_the_dominant_name_else_stays_apart() -> None:
    rifle = [("National Rifle Association", "ORG"), ("NRA", "ORG")]
    restaurant = [("National Restaurant Association", "ORG"), ("NRA", "ORG")]
    items = [
        ("r", "The National Rifle Association met; the NRA voted.", rifle),
        ("e", "The National Restaurant Association warned; the NRA estimates losses.", restaurant),
        (
            "both",
            "The National Rifle Association and the National Restaurant Association: the NRA.",
            [*rifle[:1], *restaurant],
        ),
    ]
    # North Carolina is named in five articles, Nevada City in one: "N.C." alone is North Carolina.
    items += [(f"nc{i}", "North Carolina voted.", [("North Carolina", "GPE")]) for i in range(5)]
    items.append(("nv", "Nevada City voted.", [("Nevada City", "GPE")]))
    items.append(("d", "She lives in Durham, N.C., now.", [("N.C.", "GPE")]))
    # "U.N." is named beside United Nations in two articles, never beside U.S. Navy (named in more).
    items += [
        (f"un{i}", "The United Nations met. The U.N. voted.", [("United Nations", "ORG"), ("U.N.", "ORG")])
        for i in range(2)
    ]
    items += [(f"navy{i}", "The U.S. Navy sailed.", [("U.S. Navy", "ORG")]) for i in range(3)]
    items.append(("u", "The U.N. spoke.", [("U.N.", "ORG")]))
    # An acronym the model types PERSON joins a spelling only in an article that names it.
    ic = [("Intelligence Community", "ORG"), ("IC", "PERSON")]
    items += [
        ("ic", "The Intelligence Community said the IC will look.", ic),
        ("ic2", "The IC wrote.", [("IC", "PERSON")]),
    ]
    # A legal suffix written as initials is no country's: "Petróleos de Venezuela, S.A." beside Saudi Arabia.
    items += [("sa", "Saudi Arabia sold Petróleos de Venezuela, S.A. oil.", [("Saudi Arabia", "GPE"), ("S.A.", "ORG")])]
    items += [(f"sam{i}", "South America voted.", [("South America", "LOC")]) for i in range(2)]
    # "LA" alone is the ISO 3166-2 code of Louisiana in a corpus about the U.S.: not Los Angeles by dominance.
    items += [
        (f"la{i}", "The U.S. city of Los Angeles voted.", [("U.S.", "GPE"), ("Los Angeles", "GPE")]) for i in range(5)
    ]
    items += [
        ("lam", "Latin America voted.", [("Latin America", "LOC")]),
        ("rla", "Rep. Steve Scalise (R-LA) spoke.", [("LA", "GPE")]),
    ]
    entities, linked = _link(items)
    assert linked["sa"][1].entity != _holding(entities, "Saudi Arabia").id
    assert linked["rla"][0].entity != _holding(entities, "Los Angeles").id
    community = _holding(entities, "Intelligence Community").id
    assert [m.entity for m in linked["ic"]] == [community, community] and linked["ic2"][0].entity != community
    assert linked["u"][0].entity == _holding(entities, "United Nations").id
    rifle_id = _holding(entities, "National Rifle Association").id
    restaurant_id = _holding(entities, "National Restaurant Association").id
    assert rifle_id != restaurant_id
    assert [m.entity for m in linked["r"]] == [rifle_id, rifle_id]
    assert [m.entity for m in linked["e"]] == [restaurant_id, restaurant_id]
    assert linked["both"][-1].entity not in (rifle_id, restaurant_id)  # both named: it stays apart
    carolina = _holding(entities, "North Carolina")
    assert linked["d"][0].entity == carolina.id and "N.C." in carolina.alias_reasons
    assert "named in 5 of the 6 articles naming one" in carolina.alias_reasons["N.C."]


def test_a_one_word_person_the_text_mostly_names_as_a_medium_is_not_a_person() -> None:
    items = [(f"t{i}", "She posted it on Twitter.", [("Twitter", "PERSON")]) for i in range(3)]
    items.append(("p", "Twitter said no.", [("Twitter", "PRODUCT")]))
    # A person named on a show now and then ("on Hannity") stays a person; so does one with a title.
    items += [
        (f"h{i}", "Sean Hannity spoke. Hannity left.", [("Sean Hannity", "PERSON"), ("Hannity", "PERSON")])
        for i in range(2)
    ]
    items.append(("h2", "He said it on Hannity.", [("Hannity", "PERSON")]))
    items += [(f"m{i}", "Then Mr Zed spoke on Zed.", [("Zed", "PERSON"), ("Zed", "PERSON")]) for i in range(2)]
    entities, _ = _link(items)
    assert _holding(entities, "Twitter").type == "PRODUCT"
    assert _holding(entities, "Hannity").type == "PERSON"
    assert _holding(entities, "Zed").type == "PERSON"


def test_a_one_word_person_the_text_names_after_a_company_noun_is_an_organisation() -> None:
    """spaCy calls "Yukos" a person in most mentions; "oil giant Yukos" and "the firm Yukos" say it is a company."""
    items = [(f"y{i}", "Yukos said no. Yukos paid.", [("Yukos", "PERSON"), ("Yukos", "PERSON")]) for i in range(8)]
    items += [
        ("g0", "Russian oil giant Yukos won.", [("Yukos", "PERSON")]),
        ("g1", "The firm Yukos lost.", [("Yukos", "PERSON")]),
    ]
    # Once is not enough, and a title keeps a person ("Mr Gamble" beside "maker Gamble").
    items += [(f"s{i}", "Smith spoke.", [("Smith", "PERSON")]) for i in range(3)] + [
        ("s3", "the maker Smith", [("Smith", "PERSON")])
    ]
    items += [("m0", "Mr Gamble spoke. The maker Gamble, and firm Gamble.", [("Gamble", "PERSON")] * 3)]
    entities, _ = _link(items)
    assert _holding(entities, "Yukos").type == "ORG"
    assert _holding(entities, "Smith").type == "PERSON"
    assert _holding(entities, "Gamble").type == "PERSON"


def test_a_subsidiary_named_once_beside_a_company_is_not_its_full_name() -> None:
    items = [(f"y{i}", "Yukos paid.", [("Yukos", "ORG")]) for i in range(7)]
    items.append(("u", "Yukos set up Yukos USA.", [("Yukos", "ORG"), ("Yukos USA", "ORG")]))
    items += [("f0", "Ford and Ford Motor Company.", [("Ford", "ORG"), ("Ford Motor Company", "ORG")])]
    items += [("f1", "Ford sold cars.", [("Ford", "ORG")])]
    entities, _ = _link(items)
    assert "Yukos" not in _holding(entities, "Yukos USA").aliases  # 1 of its 8 articles: a part of Yukos
    assert "Ford" in _holding(entities, "Ford Motor Company").aliases  # 1 of its 2 articles


def test_a_titled_surname_never_joins_a_person_whose_given_name_is_of_the_other_sex() -> None:
    entities, _ = _link(
        [
            ("a", "Tony Blair spoke. Mr Blair left.", [("Tony Blair", "PERSON"), ("Blair", "PERSON")]),
            ("b", "Tony Blair and Cherie Blair came.", [("Tony Blair", "PERSON"), ("Cherie Blair", "PERSON")]),
            ("c", "Bill Smith spoke. Mrs Smith left.", [("Bill Smith", "PERSON"), ("Smith", "PERSON")]),
            ("d", "Bill Smith spoke.", [("Bill Smith", "PERSON")]),
            ("e", "Later Mrs Blair spoke.", [("Blair", "PERSON")]),
            ("f", "Pat Jones spoke. Mrs Jones left.", [("Pat Jones", "PERSON"), ("Jones", "PERSON")]),
            ("g", "Pat Jones spoke.", [("Pat Jones", "PERSON")]),
            ("h", "Bill de Blasio spoke.", [("Bill de Blasio", "PERSON")]),
            (
                "i",
                "Bill de Blasio named his wife. Mrs. de Blasio agreed.",
                [("Bill de Blasio", "PERSON"), ("Blasio", "PERSON")],
            ),
        ]
    )
    tony, cherie = _holding(entities, "Tony Blair"), _holding(entities, "Cherie Blair")
    assert "e" in cherie.articles and "e" not in tony.articles  # Mrs Blair: the one woman of that name
    assert "a" in tony.articles and "Blair" in tony.aliases  # Mr Blair: the man
    bill = _holding(entities, "Bill Smith")
    assert set(bill.articles) == {"c", "d"}
    assert "Smith" not in bill.aliases  # Mrs Smith, beside Bill Smith, is someone else
    assert "Blasio" not in _holding(entities, "Bill de Blasio").aliases  # the title read past the particle
    assert "Jones" in _holding(entities, "Pat Jones").aliases  # "Pat": either sex, so the name decides nothing


def test_a_surname_typed_org_joins_the_person_its_article_names_where_the_model_spanned_no_name() -> None:
    """ "Host Jake Tapper asked" with no entity span: the text still names him, so "Tapper" (typed ORG) is his."""
    items = [(f"j{i}", "Jake Tapper hosts the show.", [("Jake Tapper", "PERSON")]) for i in range(3)]
    items.append(("t0", "Tapper said it. Host Jake Tapper asked again.", [("Tapper", "ORG")]))
    items.append(("t1", "He told Tapper no.", [("Tapper", "ORG")]))
    # A text that does not hold the full name gives no such evidence: "Dover" stays the town.
    items.append(("d0", "Ben Dover spoke.", [("Ben Dover", "PERSON")]))
    items += [(f"d{i}", "Ferries left Dover.", [("Dover", "ORG")]) for i in range(1, 3)]
    entities, linked = _link(items)
    person = _holding(entities, "Jake Tapper")
    assert {m.entity for m in linked["t0"]} == {person.id}
    assert {m.entity for m in linked["t1"]} == {person.id}
    assert "Dover" not in _holding(entities, "Ben Dover").aliases
