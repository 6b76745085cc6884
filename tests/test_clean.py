"""Scraped residue taken out of the analysed text (generator/ingest/clean.py), and tokenised text joined
again (generator/ingest/detok.py): each pattern on a small hand-written text, and prose left alone."""

from __future__ import annotations

import pytest

from generator.ingest.clean import ELISION, clean_text
from generator.ingest.detok import detokenise, looks_tokenised

STORY = "The council approved the new budget on Tuesday after a long debate about schools and roads."
MORE_STORY = "Officials said the money would go to repairs first, and to new buses later in the year."


def _rules(text: str, title: str | None = None) -> list[tuple[str, str]]:
    return [(r.rule, r.text) for r in clean_text(text, title).removed]


@pytest.mark.parametrize(
    "caption",
    [
        "Home Depot customers carry their purchases as they leave the store. (AP Photo/Mark Lennihan)",
        "People celebrate Easter at a church in Novogrudok, Belarus, April 12, 2020. (Vasily Fedosenko/Reuters)",
        "Kim Yo-jong in Seoul with the South Korean president in 2018. Photograph: KCNA/EPA",
        "They are doing this in Wuhan. We can do it here soon, too. Hector Retamal/Getty Images",
        "Protesters demonstrate against the state's stay at home orders. | Elaine Thompson/AP Photo",
        "Kim Yo Jong, sister of North Korea's leader. Jorge Silva | Reuters",
        "Caitlin Ochs/Reuters Lydia Hassebroek conducts an experiment at her home in New York on March 23.",
        "Patrik Jonsson/The Christian Science Monitor Alonzo Wright Jr. sits on a bench at his gym.",
        "FILE PHOTO: Ambulances seen outside a hospital in New York City. REUTERS/Brendan McDermid/File Photo",
        "FILE - In this April 2, 2020 file photo, signs are displayed in the window of a store.",
        "Enlarge this image toggle caption Kevin Lamarque/Reuters Kevin Lamarque/Reuters",
        "Demonstrators gather in front of the capitol in Denver. Photo: Jason Connolly/AFP via Getty Images",
        "Transgender weightlifter Laurel Hubbard. (Getty Images)",
        "Slideshow (23 Images)",
    ],
)
def test_photo_captions_and_credits_are_taken_out(caption: str) -> None:
    cleaned = clean_text(f"{STORY}\n\n{caption}\n\n{MORE_STORY}")
    assert cleaned.text == f"{STORY}\n\n{MORE_STORY}"
    assert [(r.rule, r.text) for r in cleaned.removed] == [("caption", caption)]


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Advertisement", "advertisement"),
        ("ADVERTISEMENT", "advertisement"),
        ("AD", "advertisement"),
        ("___", "separator"),
        ("Copyright © 2020 The Washington Times, LLC. Click here for reprint permission.", "click here"),
        ("FOR CBN NEWS CONTINUING COVERAGE ON COVID-19, CLICK HERE.", "click here"),
        ("Sign up for Daily Newsletters Manage Newsletters", "newsletter or subscription box"),
        (
            "Get the Monitor Stories you care about delivered to your inbox. By signing up, you agree to our "
            "Privacy Policy",
            "newsletter or subscription box",
        ),
        (
            "Slate is making its coronavirus coverage free for all readers. Subscribe to support our journalism.",
            "newsletter or subscription box",
        ),
        (
            "Editor’s note: As a public service, all our coronavirus coverage is free. No paywall.",
            "newsletter or subscription box",
        ),
        ("Support Vox’s explanatory journalism", "newsletter or subscription box"),
        ("Fact check:Trump claims coronavirus tests are widely available. They are not", "related link"),
        ("RELATED: BET Reports On COVID-19 Updates, Facts And News You Need To Know", "related link"),
        ("Full Coverage: Virus Outbreak", "related link"),
        ("Read more:", "related link"),
        ("Share All sharing options for: Unemployment checks are being held up", "share buttons"),
        ("Contributing: Jorge L. Ortiz, USA TODAY; Lansing State Journal", "credit line"),
        ("Matt Zapotosky contributed to this report.", "credit line"),
        ("Follow Tim Marchman on Twitter.", "credit line"),
        ("This story was published in partnership with The Guardian", "credit line"),
        ("© 2020 by King Features Syndicate", "copyright"),
        ("Share this: Pocket", "share buttons"),
        ("WhatsApp", "share buttons"),
    ],
)
def test_boxes_links_and_credits_are_taken_out(line: str, rule: str) -> None:
    cleaned = clean_text(f"{STORY}\n\n{line}\n\n{MORE_STORY}")
    assert cleaned.text == f"{STORY}\n\n{MORE_STORY}"
    assert [(r.rule, r.text) for r in cleaned.removed] == [(rule, line)]


def test_the_hills_hover_cards_are_taken_out_and_the_name_kept() -> None:
    text = (
        "Senate Majority Leader Mitch McConnell Addison (Mitch) Mitchell McConnellGOP senators push for quick "
        "reopening | Treasury considers lending program MORE (R-Ky.) and Sen. Pat Toomey Patrick (Pat) Joseph "
        "ToomeyWhite House defends salute MORE (R-Pa.) spoke. New York City Mayor Bill de Blasio Bill de "
        "BlasioUS attorney opposes release of inmates MORE (D) agreed. Speaker Nancy Pelosi Nancy PelosiPelosi "
        "eyes end of April MORE’s (D-Calif.) plan stalled."
    )
    cleaned = clean_text(text)
    assert cleaned.text == (
        "Senate Majority Leader Mitch McConnell (R-Ky.) and Sen. Pat Toomey (R-Pa.) spoke. New York City Mayor "
        "Bill de Blasio (D) agreed. Speaker Nancy Pelosi’s (D-Calif.) plan stalled."
    )
    assert {r.rule for r in cleaned.removed} == {"link residue"}
    assert cleaned.removed[0].text.startswith("Addison (Mitch) Mitchell McConnellGOP") and len(cleaned.removed) == 4


def test_a_hover_card_glued_to_more_or_with_a_bracketed_nickname_is_taken_out() -> None:
    # No headline between the card's last name and "MORE"; the card spaced out by a tokeniser, "( Larry )".
    text = (
        "Stephen Bannon , John Kelly John Francis KellyMORE and Larry Kudlow Lawrence ( Larry ) Alan KudlowMORE , "
        "President Trump Donald John TrumpMORE said there is MORE to come."
    )
    cleaned = clean_text(text)
    assert cleaned.text == "Stephen Bannon , John Kelly and Larry Kudlow , President Trump said there is MORE to come."
    assert [r.text for r in cleaned.removed] == [
        "John Francis KellyMORE",
        "Lawrence ( Larry ) Alan KudlowMORE",
        "Donald John TrumpMORE",
    ]


def test_inline_related_links_and_embedded_tweet_credits() -> None:
    text = (
        "The city will pay landlords directly. (RELATED: Ayanna Pressley: Next Stimulus Should Support Renters) "
        "The program starts in May.\n\nNone of it has decreased hate crimes.https://t.co/j52029bGAD — Deepa "
        "Shivaram (@deepa_shivaram) April 1, 2020"
    )
    cleaned = clean_text(text)
    assert cleaned.text == (
        "The city will pay landlords directly. The program starts in May.\n\nNone of it has decreased hate crimes."
    )
    assert [r.rule for r in cleaned.removed] == ["related link", "embedded tweet", "embedded tweet"]
    cleaned = clean_text(f"{STORY} He lives in New York. You can follow him on Twitter @ThoreauSquad.\n\n{MORE_STORY}")
    assert cleaned.text == f"{STORY} He lives in New York.\n\n{MORE_STORY}"


@pytest.mark.parametrize(
    ("start", "dateline"),
    [
        ("WASHINGTON (AP) — ", "WASHINGTON (AP)"),
        ("LONDON (Reuters) - ", "LONDON (Reuters)"),
        ("SEOUL, South Korea (AP) — ", "SEOUL, South Korea (AP)"),
        ("(Reuters) - ", "(Reuters)"),
        ("WASHINGTON — ", "WASHINGTON"),
        ("WASHINGTON (███) - ", "WASHINGTON"),  # a masked agency: dropped with its brackets
        ("Washington (CNN) ", "Washington (CNN)"),
        ("(CNN) ", "(CNN)"),
    ],
)
def test_the_dateline_is_metadata_not_a_sentence(start: str, dateline: str) -> None:
    cleaned = clean_text(start + STORY)
    assert cleaned.text == STORY and cleaned.dateline == dateline
    assert "dateline" in [r.rule for r in cleaned.removed]
    assert "█" not in cleaned.text and "(" not in cleaned.text


def test_a_leading_byline_and_a_repeated_headline_are_taken_out() -> None:
    cleaned = clean_text(
        f"Council passes budget\n\nBy MARY CLARE JALONICK and KEVIN FREKING\n\n{STORY}", "Council passes budget"
    )
    assert cleaned.text == STORY and cleaned.byline == "MARY CLARE JALONICK and KEVIN FREKING"
    assert [r.rule for r in cleaned.removed] == ["repeated headline", "byline"]


def test_masks_are_never_names_or_sentences() -> None:
    cleaned = clean_text(f"{STORY} The official told ███ that the vote was close.\n\n███\n\n{MORE_STORY}")
    assert "█" not in cleaned.text
    assert f"told {ELISION} that" in cleaned.text
    assert ("mask", "███") in [(r.rule, r.text) for r in cleaned.removed]


@pytest.mark.parametrize(
    "prose",
    [
        "“Sign up for the census,” the mayor said, adding that the newsletter had carried the form for weeks.",
        "The photo, taken by a neighbour, shows the flooded road before the bridge closed on Monday morning.",
        "She said more reporting was needed. Reuters/Ipsos polling found the same split among voters.",
        "NASA — the space agency — said on Monday that the launch would go ahead as planned next week.",
        'Rep. Trey Gowdy (R-S.C.):"I have not heard anyone other than you ever cite that figure."',
        "The MORE program, as officials call it, funds repairs for more than 300 schools across the state.",
        "The World Health Organization (WHO) put out guidance on Monday that most countries followed.",
    ],
)
def test_prose_is_left_alone(prose: str) -> None:
    text = f"{STORY}\n\n{prose}\n\n{MORE_STORY}"
    cleaned = clean_text(text)
    assert cleaned.text == text and cleaned.removed == ()


def test_text_that_is_all_residue_is_kept_as_it_is() -> None:
    text = "Advertisement\n\nSign up for our newsletter in your inbox"
    cleaned = clean_text(text)
    assert cleaned.text == text and cleaned.note and "kept as it is" in cleaned.note


# Tokenised text

TOKENISED_LEAD = "Earlier this week , someone showed up at a protest . It was , they said , fake ."
PROSE_LEAD = "Earlier this week, someone showed up at a protest. It was, they said, fake."


@pytest.mark.parametrize(
    ("tokenised", "prose"),
    [
        (
            "summer ’ s warm weather , we were told , would slow the virus . Those hopes have been dashed .",
            "summer’s warm weather, we were told, would slow the virus. Those hopes have been dashed.",
        ),
        ("He said , `` It 's fine . '' They wo n't go .", "He said, \"It's fine.\" They won't go."),
        (
            "“ We closed down for a reason , ” she said . “ Not yet . ”",
            "“We closed down for a reason,” she said. “Not yet.”",
        ),
        ("A $ 3 trillion bill ( the fourth ) passed 96-0 .", "A $3 trillion bill (the fourth) passed 96-0."),
        ("See http : //apnews.com/x and # BernieOrBust .", "See http://apnews.com/x and #BernieOrBust."),
    ],
)
def test_tokenised_text_is_joined_again(tokenised: str, prose: str) -> None:
    assert detokenise(tokenised) == prose
    assert looks_tokenised(f"{tokenised} {TOKENISED_LEAD}") and not looks_tokenised(f"{prose} {PROSE_LEAD}")


def test_paragraphs_survive_detokenising() -> None:
    assert detokenise("One , two .\n\nThree ; four .") == "One, two.\n\nThree; four."


@pytest.mark.parametrize(
    "prose",
    [
        "Le ministre a déclaré : « Nous allons continuer ! » Puis il est parti, sans un mot de plus.",
        "Mr. Smith, who is 45, said the U.S. plan won't work. It's too late, he added.",
        "Short.",
    ],
)
def test_prose_is_not_taken_for_tokenised_text(prose: str) -> None:
    assert not looks_tokenised(prose)


@pytest.mark.parametrize(
    "lead",
    [
        "The World Health Organization (WHO) put out guidance on Monday that most countries followed.",
        "NASA — the space agency — said on Monday that the launch would go ahead as planned next week.",
        "Sen. Pat Toomey (R-Pa.) said on Monday that the vote would go ahead as planned next week.",
    ],
)
def test_a_lead_that_is_not_a_dateline_keeps_its_words(lead: str) -> None:
    cleaned = clean_text(f"{lead}\n\n{STORY}")
    assert cleaned.dateline is None and cleaned.text == f"{lead}\n\n{STORY}"
