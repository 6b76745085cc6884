"""Section headings glued to the next sentence by a scraper get a paragraph of their own
(generator/ingest/headings.py); titles of works, names and ordinary prose are left alone."""

from __future__ import annotations

import pytest

from generator.ingest.headings import set_headings_apart
from generator.ingest.text import prepare_text

BEFORE = "The board met for two hours and said nothing at all to the press."


@pytest.mark.parametrize(
    ("glued", "heading"),
    [
        (
            f"{BEFORE} A Quiet Warning On March 3, two of the nurses spoke to reporters about the ward.",
            "A Quiet Warning",
        ),
        (f"{BEFORE} The Numbers The rapid pace of new cases creates the sense that nothing is known.", "The Numbers"),
        ("The Cost of Waiting Since the flood began, the town has spent more than it has.", "The Cost of Waiting"),
        (f"{BEFORE} HOW IT STARTED The first meeting was held in a small hall near the station.", "HOW IT STARTED"),
    ],
)
def test_a_glued_heading_gets_its_own_paragraph(glued: str, heading: str) -> None:
    text, headings = set_headings_apart(glued)
    assert headings == (heading,)
    paragraphs = text.split("\n\n")
    assert heading in paragraphs
    assert text.replace("\n\n", " ") == glued  # nothing taken out, nothing added but the break


@pytest.mark.parametrize(
    "prose",
    [
        f"{BEFORE} A Design For Life reaches number two in the singles chart this week.",
        f"{BEFORE} The Get My Payment tool launched on Wednesday, and lawmakers said it worked.",
        "The Protect American Nationals During Emergencies by Mitigating the Crisis Act would do it.",
        "In Just the Way You Are, the singer asks her not to change for anyone at all.",
        f"{BEFORE} The World War I drama starring a French actress was ruled out of the race.",
        f"{BEFORE} According to The Hill, that makes Texas the first state to lay out a plan.",
        f"{BEFORE} But as I wrote in September, the politicians were not ready for any of this.",
        f"{BEFORE} The League One side held the leaders at home in their fifth-round replay.",
        f"{BEFORE} Testing Could Unlock A Return To Normal Life, But Obstacles Persist",
        f"{BEFORE} She said it was late. He agreed and they went home before the rain came in.",
    ],
)
def test_titles_names_and_prose_are_left_alone(prose: str) -> None:
    assert set_headings_apart(prose) == (prose, ())


def test_prepared_text_keeps_a_glued_heading_out_of_the_next_sentence() -> None:
    glued = f"{BEFORE} A Quiet Warning On March 3, two of the nurses spoke to reporters about the ward."
    prepared = prepare_text(glued, None, 10_000)
    assert "\n\nA Quiet Warning\n\nOn March 3," in prepared.text
