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
    "amb": "ambassador", "atty": "attorney", "supt": "superintendent", "adm": "admiral", "sgt": "sergeant",
    "capt": "captain", "cpt": "captain", "det": "detective", "cpl": "corporal", "insp": "inspector",
    "cmdr": "commander", "cdr": "commander", "maj": "major", "rev": "reverend", "pvt": "private",
}  # fmt: skip
"""Abbreviated titles and the office each names: "Sgt. Marty Earley" is the article's sergeant."""
ABBREVIATED = set(TITLE_ROLE) | {"mr", "mrs", "ms"}
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


def _abbreviated_title(token: Token) -> bool:
    return word(token) in ABBREVIATED and token.text[:1].isupper() and any(c.isalpha() for c in token.text)


def titles_before(span: Span) -> list[Token]:
    """The abbreviated titles and honorifics a name opens with or follows, in order ("Lt. Gov." of "Lt. Gov.
    Dan Patrick", "Sgt" of "Bloomington Police Sgt. Marty Earley" where the stop was split off or taken for a
    sentence's end); their full stops skipped."""
    doc = span.doc
    found = []
    for token in span:
        if not _abbreviated_title(token) and token.text != ".":
            break
        if token.text != ".":
            found.append(token)
    i = span.start - 1
    before: list[Token] = []
    while i >= 0:
        token = doc[i]
        if token.text == "." and i > 0 and _abbreviated_title(doc[i - 1]):
            i -= 1
            continue
        if not _abbreviated_title(token):
            break
        before.insert(0, token)
        i -= 1
    return before + found


def title_role(titles: list[Token]) -> str | None:
    """The office a run of abbreviated titles names, spelled out ("Lt. Gov." → "lieutenant governor"); None
    for honorifics alone ("Mr.")."""
    words = [TITLE_ROLE[word(t)] for t in titles if word(t) in TITLE_ROLE]
    return " ".join(words) or None


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


VESSEL_PREFIXES = {
    "INS", "USS", "HMS", "HMAS", "HMCS", "HMNZS", "RMS", "SS", "MV", "USNS", "USCGC", "RFS", "KRI", "HNLMS",
    "HDMS", "PNS", "BNS", "TCG", "ROKS", "RV", "FV", "NRP", "BAP",
}  # fmt: skip
"""Prefixes of a ship's name ("INS Mysore", "USS Cole", "HMS Belfast"), written in capitals: a vessel, never a
person, whatever the tagger typed it."""

THING_KINDS = {
    "ship", "warship", "vessel", "boat", "destroyer", "frigate", "cruiser", "corvette", "submarine",
    "tanker", "freighter", "trawler", "ferry", "yacht", "liner", "dhow", "tugboat", "schooner", "steamer",
    "barge", "battleship", "gunboat", "minesweeper", "icebreaker", "flagship", "supertanker", "aircraft",
    "plane", "jet", "airliner", "helicopter", "spacecraft", "rocket", "satellite", "shuttle", "rover",
    "lander", "drone", "locomotive", "hurricane", "storm", "typhoon", "cyclone", "horse", "racehorse", "colt",
    "filly", "mare", "stallion", "gelding", "dog", "puppy", "cat", "kitten", "elephant", "panda", "gorilla",
    "whale", "album", "song", "film", "movie", "novel", "book", "musical", "opera", "painting", "sculpture",
}  # fmt: skip
"""Kinds of things the noun before a name can make of it ("Indian warship INS Mysore", "the destroyer Mysore",
"the racehorse Secretariat", "Hurricane Katrina"): not a person, whom "he" or "she" could stand for."""

_STORMS = {"hurricane", "typhoon", "cyclone"}  # not "storm": a given name too ("Storm Reid")


def names_a_thing(span: Span) -> bool:
    """Whether a name the tagger may have typed PERSON is, by the words around it, a vessel, a craft, a storm,
    an animal or a work: a ship's prefix ("INS Mysore", "USS Cole"), a kind of thing just before it in its own
    noun phrase ("the warship INS Mysore", "the racehorse Secretariat"), a storm's name ("Hurricane Katrina")."""
    doc = span.doc
    first = span[0]
    if first.text in VESSEL_PREFIXES or (span.start > 0 and doc[span.start - 1].text in VESSEL_PREFIXES):
        return True
    if len(span) > 1 and first.lower_ in _STORMS:
        return True
    kind = doc[span.start - 1] if span.start > 0 else None
    if kind is None or kind.pos_ not in ("NOUN", "PROPN") or kind.lemma_.lower() not in THING_KINDS:
        return False  # nor an apposition: spaCy hangs "The author of the book, Mitchell Zuckoff" off "book"
    return span.start <= kind.head.i < span.end or span.root.head == kind  # not "left the boat Smith said"


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
