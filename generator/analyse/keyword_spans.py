"""Stretches of an article's tokens that keywords treat apart: credits.

Kept out of keywords.py (one job: ranking units); these only say which tokens a unit may be made of.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

BYLINE_LINES = 4  # a byline stands in the first lines (headline, blank line, byline ...)
DASHES = {"-", "–", "—"}  # the dash after a wire dateline's credit


def credit_tokens(doc: Doc) -> set[int]:
    """Tokens of a wire credit or a byline: who sent or wrote the story, not what it is about.

    A wire dateline names its agency in parentheses before a dash ("TOKYO (Reuters) - ...",
    "(ANTARA News/AFP) -"); a byline opens a line with "By" and the writers' names ("By Denny
    Thomas and Fiona Lau"). Elsewhere the same name counts ("told Reuters", a story about Reuters).
    """
    credit: set[int] = set()
    for token in doc:
        if token.text == "(":
            end = token.i + 1
            while end < len(doc) and end - token.i <= 5 and (doc[end].pos_ == "PROPN" or doc[end].text in ("/", "-")):
                end += 1
            closed = end > token.i + 1 and end + 1 < len(doc) and doc[end].text == ")"
            if closed and doc[end + 1].text in DASHES:
                credit.update(range(token.i, end + 1))
        elif token.lower_ == "by" and _starts_a_top_line(doc, token):
            end = token.i + 1
            while end < len(doc) and (
                doc[end].ent_type_ == "PERSON" or (doc[end].lower_ == "and" and end > token.i + 1)
            ):
                end += 1
            possessive = end < len(doc) and doc[end].text in ("'s", "’s")  # "By Obama's account, ..."
            if not possessive and any(doc[i].ent_type_ == "PERSON" for i in range(token.i + 1, end)):
                credit.update(range(token.i, end))
    return credit


def _starts_a_top_line(doc: Doc, token: Token) -> bool:
    """Whether the token opens one of the text's first lines, where a byline stands."""
    at_line_start = token.i == 0 or "\n" in doc[token.i - 1].text_with_ws
    return at_line_start and doc.text.count("\n", 0, token.idx) <= BYLINE_LINES
