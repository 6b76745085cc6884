"""Stretches of an article's tokens that keywords treat apart: where a name breaks, credits, hyphenated compounds.

Kept out of keywords.py (one job: ranking units); these only say which tokens a unit may be made of.
"""

from __future__ import annotations

import re
from collections.abc import Container

from spacy.tokens import Doc, Token

NAME_BREAKS = {",", ";", ":", "/", "|", "(", ")", "[", "]", '"', "“", "”"}  # no name runs across these
BYLINE_LINES = 4  # credits and bylines stand in the first lines (headline, byline ...), blank ones not counted
TITLE_TYPES = {"WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "FAC"}  # names made of ordinary words ("Star Trek")
DASHES = {"-", "--", "–", "—"}  # a break when spaced ("LOS ANGELES - One"), not inside a word ("Coca-Cola")
NOTICE_TOKENS = 60  # the longest copyright notice seen (STATS LLC's) is about 35 tokens
COMPOUND_MODIFIER_DEPS = {"compound", "amod", "nmod", "npadvmod", "nummod", "poss"}  # "long-term" plan
FUNCTION_POS = {"ADP", "DET", "CCONJ", "SCONJ", "PART", "PRON", "AUX"}  # no part of a compound noun ("up-to-date")
REFERENCE_CODE = re.compile(
    r"(?:[A-Za-z]+:)?(?=[A-Za-z0-9]*[0-9])(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{6,}"
)  # nN01238604
PHOTO_WORDS = {"Photo", "Photos", "Photograph", "Photographs", "Image", "Images", "Pictures"}  # "AP Photo/Name"
STAFF_ROLES = {"reporting", "writing", "editing", "compiled", "compiling"}  # "(Reporting by", "(Editing by"


def name_pieces(span: list[Token], credit: Container[int] = ()) -> list[list[Token]]:
    """An entity cut where the text breaks it: at a line break, a comma or a dash between words, or a credit.

    The tagger's entities sometimes run across such breaks ("Besides, Marsden", a dateline's
    "LOS ANGELES - One", a headline's last name with the line break after it); no name does.
    A hyphen or full stop inside a word ("Coca-Cola", "St. Louis") is no break. Tokens in `credit`
    (`credit_tokens`) are breaks too: "By Mark Cina LOS ANGELES" is a byline and a place.
    """
    pieces: list[list[Token]] = [[]]
    for token in span:
        spaced_dash = token.text in DASHES and (token.whitespace_ or token.i == 0 or token.nbor(-1).whitespace_)
        if token.is_space or token.text in NAME_BREAKS or spaced_dash or token.i in credit:
            pieces.append([])
        else:
            pieces[-1].append(token)
    return [piece for piece in pieces if piece]


def credit_tokens(doc: Doc) -> set[int]:
    """Tokens of a wire credit or a byline: who sent or wrote the story, not what it is about.

    A wire dateline names its agency in parentheses before a dash ("TOKYO (Reuters) - ...",
    "(ANTARA News/AFP) -"), or in parentheses opening one of the first lines, after the dateline's
    place if any, with the story's first word right after it ("(CNN) President Trump said",
    "Washington (CNN)Democrats"); a byline opens a line with "By" and the writers' names ("By Denny
    Thomas and Fiona Lau", "BY JOHN SMITH", "By Jane Doe, Associated Press"). Wire staff credits
    (`staff_credits`), copyright notices (`copyright_notices`), story references ("[ID:nN01238604]",
    `reference_codes`) and picture credits (`photo_credits`) are credits too. Elsewhere the same name
    counts ("told Reuters", a story about Reuters).
    """
    credit: set[int] = set()
    for token in doc:
        if token.text == "(":
            end = token.i + 1
            while end < len(doc) and end - token.i <= 5 and (doc[end].pos_ == "PROPN" or doc[end].text in ("/", "-")):
                end += 1
            if not (end > token.i + 1 and end + 1 < len(doc) and doc[end].text == ")"):
                continue
            after = doc[end + 1]
            opening = after.text[:1].isupper() and _after_a_dateline(doc, token) and _in_top_lines(doc, token)
            if after.text in DASHES or opening:
                credit.update(range(token.i, end + 1))
        elif token.lower_ == "by" and _line_start(doc, token.i) == token.i and _in_top_lines(doc, token):
            credit.update(_byline(doc, token.i))
    return credit | staff_credits(doc) | copyright_notices(doc) | reference_codes(doc) | photo_credits(doc)


def staff_credits(doc: Doc) -> set[int]:
    """Tokens of a wire's staff credit: "(Reporting by Osamu Tsukimori; Editing by Edmund Klamann)", "Editor: B Kunto".

    The parenthesis runs to its ")" (or the line's end); an editor's credit is "Editor:" and capitalised words to the
    end of a short line. The reporters and the places they filed from ("in Lisbon") are not what the story is about.
    """
    credit: set[int] = set()
    for token in doc:
        role = token.i + 2 if token.i + 1 < len(doc) and token.nbor().lower_ == "additional" else token.i + 1
        opens = role + 1 < len(doc) and doc[role].lower_ in STAFF_ROLES and doc[role + 1].lower_ == "by"
        if token.text == "(" and opens:
            end = token.i + 1
            while end < len(doc) and doc[end].text != ")" and not _breaks_line(doc[end]):
                end += 1
            credit.update(range(token.i, min(end + 1, len(doc))))
        elif token.lower_ == "editor" and token.i + 1 < len(doc) and token.nbor().text == ":":
            end = token.i + 2
            while end < len(doc) and not _breaks_line(doc[end - 1]):
                end += 1
            names = [t for t in doc[token.i + 2 : end] if t.is_alpha]
            if names and len(names) <= 5 and all(t.text[:1].isupper() for t in names):
                credit.update(range(token.i, end))
    return credit


def copyright_notices(doc: Doc) -> set[int]:
    """Tokens of a copyright notice, from its "©" or "Copyright 2011" to the end of its line.

    "Copyright 2011 GigaOm. All Rights Reserved. GigaOm is an independent blog network." or "© Jane Doe - Gather
    Inc. 2011" end many web and wire texts: the publisher and the rights are not what the story is about ("GigaOm",
    "LLC", "reprint permission" were keywords). A line longer than `NOTICE_TOKENS` goes on with the story after
    the notice, so only the notice's sentence is taken. A "Copyright" with no year or sign after it ("the Copyright
    Office") is a word like any other.
    """
    credit: set[int] = set()
    for token in doc:
        if token.i in credit:
            continue
        after = doc[token.i + 1 : token.i + 3]
        if token.text == "©" or (token.text == "Copyright" and any(t.text == "©" or _year(t) for t in after)):
            end = token.i
            while end < len(doc) and not _breaks_line(doc[end]):
                end += 1
            if end - token.i > NOTICE_TOKENS:  # a photo credit before the story on one line: its sentence only
                end = token.sent.end - 1
            credit.update(range(token.i, min(end + 1, len(doc))))
    return credit


def reference_codes(doc: Doc) -> set[int]:
    """Tokens of a wire's story reference in square brackets: "[ID:nN01238604]", "[L2N2CA27E]".

    Reuters cites its other stories so; "ID" was a keyword of a story that cites seven. A reference is
    written without spaces and is a code (`REFERENCE_CODE`: letters and digits mixed, six or more), so an
    editor's word in brackets ("the [COVID-19] crisis", "[3G] phones", "[Nashville]") is text like any other.
    """
    credit: set[int] = set()
    for token in doc:
        if token.text != "[":
            continue
        end = token.i + 1
        while end < len(doc) and end - token.i <= 4 and doc[end].text != "]" and not doc[end - 1].whitespace_:
            end += 1
        if end < len(doc) and doc[end].text == "]" and REFERENCE_CODE.fullmatch(doc[token.i + 1 : end].text):
            credit.update(range(token.i, end + 1))
    return credit


def photo_credits(doc: Doc) -> set[int]:
    """Tokens of a picture's credit: "(AP Photo/Alex Brandon)", "Kena Betancur/Getty Images", "(Getty Images)".

    A credit is a run of capitalised words and slashes around a `PHOTO_WORDS` word ("Photo", "Images") that holds
    a slash, stands alone in parentheses, or follows "Photo:"; a photographer named under two captions was a
    keyword of two uses. "Getty Images said ..." in a sentence is no credit.
    """
    credit: set[int] = set()
    for token in doc:
        if token.text not in PHOTO_WORDS or token.i in credit:
            continue
        start, end = token.i, token.i
        while start > 0 and _credit_word(doc[start - 1]) and not _breaks_line(doc[start - 1]):
            start -= 1
        while end + 1 < len(doc) and _credit_word(doc[end + 1]) and not _breaks_line(doc[end]):
            end += 1
        labelled = start > 1 and doc[start - 1].text == ":" and doc[start - 2].text in PHOTO_WORDS | {"Credit"}
        boxed = start > 0 and end + 1 < len(doc) and doc[start - 1].text == "(" and doc[end + 1].text == ")"
        if labelled or boxed or any(t.text == "/" for t in doc[start : end + 1]):
            credit.update(
                range(start - 2 if labelled else start - 1 if boxed else start, end + 2 if boxed else end + 1)
            )
    return credit


def _credit_word(token: Token) -> bool:
    """A word of a picture credit: a capitalised word or initial, a slash, "via" ("AFP via Getty Images")."""
    return token.text in ("/", "via", "&") or (token.text.rstrip(".").isalpha() and token.text[:1].isupper())


def _year(token: Token) -> bool:
    return len(token.text) == 4 and token.text.isdigit()


def _breaks_line(token: Token) -> bool:
    """Whether the token is or ends with a line break."""
    return "\n" in token.text_with_ws


def _byline(doc: Doc, by: int) -> range:
    """The tokens of a byline opened by "By" at `by`: the writers' names, and an affiliation ending the line.

    A name is a run of words the tagger calls a person or of capitalised proper nouns it gives no type, or
    in a byline in capitals, of words in capitals (`_writer_word`); untyped words alone make a byline only when the line
    breaks, a comma or a dash follows, or a dateline's place ("BY CHRISTOPHER EMSDEN ROME—"). After a
    comma, the rest of a line of capitalised words is the writers' affiliation ("Associated Press").
    None when a possessive follows ("By Obama's account, ...").
    """
    end = by + 1
    capitals = by + 1 < len(doc) and doc[by + 1].text.isupper()  # "BY JOHN SMITH", or "By Mark Cina LISBON"
    while end < len(doc) and (_writer_word(doc[end], capitals) or (doc[end].lower_ == "and" and end > by + 1)):
        end += 1
    while end > by + 1 and doc[end - 1].lower_ == "and":
        end -= 1
    names = range(by + 1, end)
    if not names or (end < len(doc) and doc[end].text in ("'s", "’s")):
        return range(0)
    following = doc[end] if end < len(doc) else None
    ends = following is None or following.is_space or following.text in DASHES or following.text == ","
    dateline = following is not None and following.ent_type_ in ("GPE", "LOC")
    if not (any(doc[i].ent_type_ == "PERSON" for i in names) or ends or dateline):
        return range(0)
    if following is not None and following.text == ",":
        rest = end + 1
        while rest < len(doc) and not doc[rest].is_space and (doc[rest].text[:1].isupper() or doc[rest].is_stop):
            rest += 1
        if rest - end <= 6 and (rest == len(doc) or doc[rest].is_space) and doc[rest - 1].text[:1].isupper():
            return range(by, rest)
    return range(by, end)


def _writer_word(token: Token, capitals: bool) -> bool:
    """A word of a writer's name in a byline written in `capitals` or not.

    In a byline in capitals, any word in capitals (the tagger tags those at random: "SANTANU" a verb);
    otherwise a word tagged a person or a capitalised proper noun left untyped, but not one in capitals:
    that is the dateline's place after the names ("By Mark Cina LISBON").
    """
    word = token.text.rstrip(".")  # an initial: "J."
    if not word.isalpha() or (token.is_stop and token.ent_type_ != "PERSON"):
        return False
    if len(word) > 1 and word.isupper() != capitals:
        return False
    return capitals or token.ent_type_ == "PERSON" or (token.pos_ == "PROPN" and not token.ent_type_)


def _line_start(doc: Doc, i: int) -> int:
    """The index of the first token of the line token `i` stands on."""
    while i > 0 and "\n" not in doc[i - 1].text_with_ws:
        i -= 1
    return i


def _after_a_dateline(doc: Doc, token: Token) -> bool:
    """Whether the token opens its line, or follows only a dateline's place ("WASHINGTON", "MADISON, Wis.").

    A place is a word in capitals or one the tagger calls a place: not a headline's name before its
    abbreviation ("World Health Organization (WHO) Warns").
    """
    before = doc[_line_start(doc, token.i) : token.i]
    return len(before) <= 6 and all(t.ent_type_ in ("GPE", "LOC") or t.is_upper or t.text in (",", "/") for t in before)


def _in_top_lines(doc: Doc, token: Token) -> bool:
    """Whether the token stands on one of the text's first lines (blank ones not counted), where credits stand."""
    above = doc.text[: doc[_line_start(doc, token.i)].idx]
    return sum(1 for line in above.split("\n") if line.strip()) <= BYLINE_LINES


def untagged_repeats(doc: Doc, names: list[list[Token]], taken: set[int]) -> list[list[Token]]:
    """Where the article writes a name of several words again, word for word, but the tagger did not tag it.

    The tagger misses repeats ("Star Trek: Enterprise" tagged, "other Star Trek series" not); their words
    would count as nouns of their own and the name be shown in pieces ("Trek", "Star"). Each such repeat
    is a use of the name; a repeat overlapping a name or a credit is not.
    """
    spelled: dict[str, set[tuple[str, ...]]] = {}  # first word -> the names it starts, as written
    for tokens in names:
        if len(tokens) > 1 and tokens[0].ent_type_ in TITLE_TYPES:
            words = tuple(t.text for t in doc[tokens[0].i : tokens[-1].i + 1])
            spelled.setdefault(words[0], set()).add(words)
    repeats = []
    i = 0
    while i < len(doc):
        match = max(
            (w for w in spelled.get(doc[i].text, ()) if tuple(t.text for t in doc[i : i + len(w)]) == w),
            key=len,
            default=None,
        )
        span = list(doc[i : i + len(match)]) if match else []
        if span and not any(t.i in taken for t in span):
            repeats.append(span)
            i += len(span)
        else:
            i += 1
    return repeats


def hyphen_compounds(doc: Doc, taken: set[int]) -> list[tuple[list[Token], bool]]:
    """Words joined by hyphens, each with whether it is a noun ("self-injury", "wi-fi", "shake-up").

    The tokeniser splits them at the hyphens, so each part would count as a word of its own ("self",
    "fi", the "term" of "long-term"). A compound that modifies a noun after it ("long-term plan",
    "high-profile case") is no noun, nor is one with a function word in it ("up-to-date"); its parts
    are not nouns either. Compounds inside a name or a date are left to those.
    """
    compounds = []
    i = 0
    while i < len(doc):
        end = i
        while (
            end + 2 < len(doc)
            and doc[end + 1].text == "-"
            and not doc[end].whitespace_
            and not doc[end + 1].whitespace_
            and doc[end].is_alpha
            and doc[end + 2].is_alpha
        ):
            end += 2
        tokens = list(doc[i : end + 1])
        if end > i and not any(t.i in taken for t in tokens):
            last = doc[end]
            noun = (
                last.pos_ == "NOUN"
                and not (last.dep_ in COMPOUND_MODIFIER_DEPS and last.head.i > end)
                and all(t.pos_ not in FUNCTION_POS for t in tokens[::2])
            )
            compounds.append((tokens, noun))
        i = end + 1
    return compounds
