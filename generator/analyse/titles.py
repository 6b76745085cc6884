"""Titles and roles: "Sen." is a senator, "Deputy Prime Minister" another office than "the prime minister",
a name made of title words alone ("the President") is a role, and a capitalised word running into a name
mid-sentence ("Only Fools and Horses star …") makes that name a piece of a title. Used by coreference.py
(people's roles) and speaker_names.py (a speaker that is a title).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

MALE, FEMALE = "m", "f"
HONORIFIC_GENDER = {
    "mr": MALE, "mister": MALE, "sir": MALE, "lord": MALE, "king": MALE, "prince": MALE,
    "mrs": FEMALE, "ms": FEMALE, "miss": FEMALE, "madam": FEMALE, "lady": FEMALE, "dame": FEMALE,
    "queen": FEMALE, "princess": FEMALE,
}  # fmt: skip
TITLE_ROLE = {
    "sen": "senator", "rep": "representative", "gov": "governor", "pres": "president", "sec": "secretary",
    "gen": "general", "lt": "lieutenant", "col": "colonel", "dr": "doctor", "prof": "professor",
    "amb": "ambassador", "atty": "attorney", "supt": "superintendent", "adm": "admiral",
}  # fmt: skip
ABBREVIATED = set(TITLE_ROLE) | {"mr", "mrs", "ms", "sgt", "capt", "det", "cpl", "insp", "cmdr", "maj", "rev"}
"""Titles written as an abbreviation with a full stop ("Lt.", "Sgt.", "Mrs."): no sentence's end before a name."""


def word(token: Token) -> str:
    return token.lower_.rstrip(".")


def ends_in_an_abbreviation(span: Span) -> bool:
    """Whether the words end in a title's abbreviation and its full stop ("Troy police Lt" of "Troy police
    Lt. Gerry Scherlinck"): a fragment cut where the tagger or the sentence splitter took the stop for an end."""
    last = span[-1]
    if word(last) not in ABBREVIATED or not last.text[:1].isupper():
        return False
    return last.text.endswith(".") or (last.i + 1 < len(last.doc) and last.doc[last.i + 1].text == ".")


def in_a_title(span: Span) -> bool:
    """A "name" the tagger cut out of a title: a capitalised word that is not a name, a noun or a title
    runs into it mid-sentence ("last week Only Fools and Horses star David Jason criticised …" makes
    "Fools" a person). Such words name nobody."""
    doc = span.doc
    if span.start == 0 or span.start == span.sent.start:
        return False
    before = doc[span.start - 1]
    if not before.text[:1].isupper() or before.ent_type_ or before.i == before.sent.start:
        return False
    if doc[before.i - 1].is_punct or doc[before.i - 1].is_space:
        return False  # after a colon, a quote mark or a line break: a new start, not a title
    return before.pos_ not in ("PROPN", "NOUN", "PRON", "NUM", "X") and word(before) not in TITLE_WORDS


_OTHER_OFFICE = {
    "deputy", "vice", "assistant", "associate", "shadow", "junior", "under", "prime", "acting", "former", "ex",
    "co", "lieutenant", "sub", "interim", "outgoing", "incoming", "late", "first",
}  # fmt: skip
"""Words that make a title another office than its head noun alone: a deputy prime minister is not the
prime minister, a former president not the president."""


def role_phrase(head: Token, start: int) -> str:
    """A title or role as the words of its noun phrase (from `start` on) to its head, lemmas, abbreviations
    spelled out ("Deputy Prime Minister" → "deputy prime minister", "Sen." → "senator"); no determiner,
    possessive or punctuation ("Clinton's campaign manager" → "campaign manager")."""
    left = min(head.left_edge.i, head.i)
    words = [
        TITLE_ROLE.get(word(t), t.lemma_.lower())
        for t in head.doc[max(left, start) : head.i + 1]
        if t.pos_ in ("NOUN", "PROPN", "ADJ") and t.dep_ not in ("poss",) and not t.ent_type_ == "PERSON"
    ]
    return " ".join(words) or TITLE_ROLE.get(word(head), head.lemma_.lower())


def same_role(described: str, given: str) -> bool:
    """Whether a description's role ("the prime minister", "the Republican governor") may be the role the
    article gave someone: the same head noun and the same words that make another office ("deputy prime
    minister", "former president" are not "prime minister", "president"); other words ("Maryland",
    "Republican", "foreign") neither confirm nor exclude, so two such holders leave it ambiguous."""
    first, second = described.split(), given.split()
    if not first or not second or first[-1] != second[-1]:
        return False
    return {w for w in first if w in _OTHER_OFFICE} == {w for w in second if w in _OTHER_OFFICE}


TITLE_WORDS = (
    set(TITLE_ROLE) | set(TITLE_ROLE.values()) | set(HONORIFIC_GENDER)
    | {"president", "senator", "governor", "mayor", "secretary", "minister", "chairman", "chairwoman", "speaker",
       "leader", "congressman", "congresswoman", "vice", "prime", "former", "the", "chief", "justice", "premier"}
)  # fmt: skip
"""Words of a title: a "name" made of these alone ("President", "the Senator") is a role, not a name."""


def is_title_only(span: Span) -> bool:
    words = [word(t) for t in span if t.is_alpha or t.text.endswith(".")]
    return bool(words) and all(w in TITLE_WORDS for w in words)
