"""Stretches of an article's tokens that keywords treat apart: where a name breaks, and credits.

Kept out of keywords.py (one job: ranking units); these only say which tokens a unit may be made of.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

NAME_BREAKS = {",", ";", ":", "/", "|", "(", ")", "[", "]", '"', "“", "”"}  # no name runs across these
BYLINE_LINES = 4  # a byline stands in the first lines (headline, blank line, byline ...)
DASHES = {"-", "--", "–", "—"}  # a break when spaced ("LOS ANGELES - One"), not inside a word ("Coca-Cola")


def name_pieces(span: list[Token]) -> list[list[Token]]:
    """An entity cut where the text breaks it: at a line break, a comma or a dash between words.

    The tagger's entities sometimes run across such breaks ("Besides, Marsden", a dateline's
    "LOS ANGELES - One", a headline's last name with the line break after it); no name does.
    A hyphen or full stop inside a word ("Coca-Cola", "St. Louis") is no break.
    """
    pieces: list[list[Token]] = [[]]
    for token in span:
        spaced_dash = token.text in DASHES and (token.whitespace_ or token.i == 0 or token.nbor(-1).whitespace_)
        if token.is_space or token.text in NAME_BREAKS or spaced_dash:
            pieces.append([])
        else:
            pieces[-1].append(token)
    return [piece for piece in pieces if piece]


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
