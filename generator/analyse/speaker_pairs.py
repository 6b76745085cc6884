"""Two names joined by "and" where the text means one speaker: the titles of one person ("Pennsylvania Gov.
and Democratic National Committee Chairman Ed Rendell said"), an organisation's name the tagger cut at its
own "and" before the title of the person who speaks ("National Institute of Allergy and Infectious Diseases
director Anthony Fauci said"), and "the latter" or "the former" of two people named before ("Hosts Laura
Ingraham and Sean Hannity have praised Trump, with the latter suggesting: …").

speaker_names.py reads a speech verb's subject; this module settles these joined subjects first, so that
they are neither a name cut before the person ("Pennsylvania Gov. and Democratic National Committee"), an
organisation's fragment ("National Institute of Allergy") nor both people for the words of one.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from generator.analyse.speaker_words import OFFICES, can_speak, entity_of
from generator.analyse.speech_verbs import SPEECH_VERBS
from generator.analyse.titles import HONORIFIC_GENDER, TITLE_ROLE, is_title_only, word

_COUPLE_HONORIFICS = set(HONORIFIC_GENDER) | {"dr", "doctor"}
"""Honorifics of a second person after a title and "and": "President and Mrs. Obama", "President and Dr. Biden"."""

_NOT_AN_OFFICE = _COUPLE_HONORIFICS | {"the", "former", "vice", "prime", "chief"}
"""Title words that are no office on their own: "President and Mrs. Obama" are two people."""

_JOINT = {"joint", "jointly", "together"}
"""Words that make a subject joined by "and" several speakers ("Gov. and Sen. Tom Baker said in a joint
statement"): never the one-person readings below."""

_RANKS = {"former", "vice", "deputy", "lt", "lieutenant", "assistant", "acting", "associate", "interim", "ex", "co"}
"""Words that make the second title another person's ("Gov. and Lt. Gov. Jane Doe", "Mayor and Deputy Mayor")."""

_GOVERNMENT = {
    "president", "senator", "governor", "mayor", "secretary", "minister", "premier", "representative",
    "congressman", "congresswoman", "speaker", "ambassador", "commissioner",
}  # fmt: skip
"""Offices of government, of which one person holds one at a time ("Senator and Rep. Jane Doe": two people)."""

_CLAUSES = {"ccomp", "advcl", "xcomp", "conj", "parataxis", "acl", "relcl", "csubj"}
"""Dependents that are clauses of their own (the quote, "adding that …"): not the words of the attribution."""

_COORDINATORS = {"and", "or", "nor", "&"}

_ORDER = {"latter": -1, "former": 0}


def _person(token: Token) -> Span | None:
    entity = entity_of(token)
    return entity if entity is not None and entity.label_ == "PERSON" else None


def _joined(token: Token) -> tuple[Token, Span] | None:
    """The "and" of a subject and the person it joins, when the subject has no determiner of its own."""
    if any(c.dep_ in ("det", "poss") for c in token.children):
        return None  # "the President and Senator Smith", "his wife and Smith": two people
    conjunction = next((c for c in token.children if c.dep_ == "cc" and c.lower_ == "and"), None)
    people = [p for p in (_person(c) for c in token.children if c.dep_ == "conj") if p is not None]
    if conjunction is None or len(people) != 1 or people[0].start <= conjunction.i:
        return None
    return conjunction, people[0]


_ONE_PERSONS_OFFICES = OFFICES | _GOVERNMENT | {
    "ceo", "executive", "officer", "founder", "chair", "treasurer", "publisher", "editor",
}  # fmt: skip
"""Offices a second title of the same person holds ("Gov. and … Chairman Ed Rendell", "Nortel president and chief
executive Bill Owens", "GLAAD President and CEO Sarah Kate Ellis"); not a rank or a calling
("Gen.", "Rev.", "Professor", "Judge", "Chancellor"), which as often names a second person."""


def _an_office(token: Token) -> bool:
    return word(token) not in _NOT_AN_OFFICE and _role(token) in _ONE_PERSONS_OFFICES


def one_of_a_pair(token: Token) -> tuple[bool, Span | None]:
    """(whether a subject joined by "and" has one of the two readings above, the one person it names).

    Titles of one person: the subject is a title alone ("Gov."), and the words between "and" and the name
    hold an office ("… Chairman Ed Rendell"), not an honorific alone ("Mrs.", a couple, `titled_couple`) nor a
    word of no office ("Prime Minister and Chancellor Gordon Brown": nobody). An organisation cut at "and":
    the subject is the tagger's organisation (or place) ending right before that "and", and the words after
    it are capitalised words of the name going on, then a role in lower case right before the person's name
    ("Infectious Diseases director Anthony Fauci"), as news writes a title; "the Pentagon and Defense
    Secretary Ash Carter" (a capitalised title) stays two. (True, None) when the subject has that shape but
    the text does not make it one person ("… said in a joint statement", "Hamas and Hezbollah leader Hassan
    Nasrallah"): neither the person alone nor the words cut before "and" ("Hamas", "Gov. and Sen. Tom")."""
    if _titles_said_jointly(token) or _two_peoples_titles(token):
        return True, None
    found = _joined(token)
    if found is None:
        return False, None
    conjunction, person = found
    between = list(token.doc[conjunction.i + 1 : person.start])
    refused = ("DET", "PRON", "CCONJ", "VERB", "AUX")
    between = [t for t in between if not _abbreviation_stop(t)]  # "Lt ." of a tokenised "Lt. Gov."
    if not between or any(t.is_punct or t.pos_ in refused or t.ent_type_ == "PERSON" for t in between):
        return False, None
    joint = _said_jointly(token)
    if entity_of(token) is None and is_title_only(token.doc[token.i : token.i + 1]):
        if not any(_an_office(t) for t in between) or _two_offices(token, between):
            return True, None  # "Prime Minister and Chancellor Gordon Brown": two people, or one? Nobody
        return True, None if joint else person
    entity = entity_of(token)
    if entity is None or entity.label_ == "PERSON" or entity.end != conjunction.i:
        return False, None
    role = between[-1]
    capitalised = [t for t in between[:-1] if t.text[:1].isupper()]
    if role.text[:1].islower() and role.pos_ == "NOUN" and can_speak(role) and len(capitalised) == len(between) - 1:
        one = capitalised and not joint and _name_goes_on(entity, capitalised)
        return True, person if one else None
    return False, None


def _abbreviation_stop(token: Token) -> bool:
    """A full stop the tokeniser split from the title abbreviation before it ("Lt" "." of "Lt. Gov.")."""
    return token.text == "." and token.i > 0 and word(token.doc[token.i - 1]) in TITLE_ROLE


def _role(token: Token) -> str:
    return TITLE_ROLE.get(word(token), word(token))


def _two_offices(title: Token, between: list[Token]) -> bool:
    """Whether the titles are two people's: the second has a rank of its own ("Gov. and former Gov.", "Gov. and
    Lt. Gov.", "Chairman and Vice Chairman"), repeats the first's office, or both are offices of government
    ("Senator and Rep. Jane Doe"), which one person does not hold at once; "Gov. and … Chairman" may be one."""
    if any(word(t) in _RANKS for t in between):
        return True
    offices = {_role(t) for t in between if _an_office(t)}
    first = _role(title)
    return first in offices or (first in _GOVERNMENT and not offices.isdisjoint(_GOVERNMENT))


def _said_jointly(subject: Token) -> bool:
    """Whether the clause of the subject's verb says the words are joint ("… said in a joint statement",
    "said together"); a "together" in the quote or in a clause of its own ("adding that staff had worked
    together") says nothing of who speaks."""
    stack = [c for c in subject.head.children if c.dep_ not in _CLAUSES]
    while stack:
        token = stack.pop()
        if token.lower_ in _JOINT:
            return True
        stack.extend(c for c in token.children if c.dep_ not in _CLAUSES)
    return False


def _titles_with_and(token: Token) -> list[Token]:
    """The titles, on the subject or before its name, that an "and" joins to another ("Mayor and Deputy Mayor")."""
    titles = [token, *(c for c in token.lefts if c.dep_ in ("nmod", "compound"))]
    return [
        t
        for t in titles
        if is_title_only(t.doc[t.i : t.i + 1]) and any(c.dep_ == "cc" and c.lower_ == "and" for c in t.children)
    ]


def _two_peoples_titles(token: Token) -> bool:
    """ "Mayor and Deputy Mayor Jane Doe said", however the parse hangs the titles: two people's (`_two_offices`)."""
    if any(c.dep_ in ("det", "poss") for c in token.children):
        return False
    joined = [(title, other) for title in _titles_with_and(token) for other in title.children if other.dep_ == "conj"]
    return any(_two_offices(title, list(other.subtree)) for title, other in joined)


def _titles_said_jointly(token: Token) -> bool:
    """ "President and Vice President Joe Biden said in a joint statement": titles joined by "and", on the
    subject or before its name, in a sentence that says the words are joint, are two people's."""
    if not _said_jointly(token) or any(c.dep_ in ("det", "poss") for c in token.children):
        return False
    return bool(_titles_with_and(token))


def _name_goes_on(entity: Span, rest: list[Token]) -> bool:
    """Whether the capitalised words after an organisation's "and" are more of its name, not a second name:
    the text writes the whole name as one elsewhere, or the organisation stops inside its "of" phrase
    ("National Institute of Allergy" + "Infectious Diseases") and the tagger gave the words after "and" no
    entity of their own. "Hamas and Hezbollah leader", "Britain and Labour leader": two names, so nobody."""
    doc = entity.doc
    whole = doc[entity.start : rest[-1].i + 1].text
    if any(e.text == whole for e in doc.ents):
        return True
    if entity.label_ != "ORG" or not any(t.lower_ == "of" for t in entity[1:]):
        return False
    return not any(t.ent_type_ for t in rest)


def titled_couple(token: Token) -> Span | None:
    """ "President and Mrs. Obama", "Sen. and Mrs. Smith", "President and First Lady Michelle Obama": a title
    alone joined by "and" to a name with an honorific of its own; two people, so the words as written (a
    description), never "Obama" alone nor the cut name "President and First Lady Michelle"."""
    found = _joined(token) if is_title_only(token.doc[token.i : token.i + 1]) else None
    if found is None or entity_of(token) is not None:
        return None
    conjunction, person = found
    between = [word(t) for t in token.doc[conjunction.i + 1 : person.start] if not t.is_punct]
    between = " ".join(between).replace("first lady", "lady").split()  # "President and First Lady Michelle Obama"
    if not between or not all(w in _COUPLE_HONORIFICS for w in between):
        return None
    return token.doc[token.left_edge.i : person.end]


def names_latter_or_former(token: Token, speaking: bool = False) -> bool:
    """ "the latter" or "the former" standing for a person ("the latter said", "with the latter suggesting"),
    not a title ("the former president", "a former aide"); with `speaking`, only right before a speech verb
    ("the latter has said he will run, and Brown said: “…”" leaves the quote to Brown)."""
    if token.lower_ not in _ORDER or token.i == 0 or token.doc[token.i - 1].lower_ != "the":
        return False
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if after is None:
        return not speaking
    lower = after.lower_
    if lower.endswith("ing") and any(lower[:-3] + e in SPEECH_VERBS for e in ("", "e")):
        return True  # "suggesting", "noting", which the tagger may take for a noun
    if speaking:
        return after.pos_ in ("VERB", "AUX") and after.lemma_.lower() in SPEECH_VERBS
    return after.pos_ in ("VERB", "AUX", "PUNCT")


def latter_or_former(token: Token) -> Span | None:
    """The person "the latter" / "the former" stands for, of the two people joined by "and" that are the last
    people named before it, in its sentence or the one before ("Hosts Laura Ingraham and Sean Hannity …, with
    the latter suggesting"); None when the last person named is not the second of such a pair (three
    people, or one named after the pair: the reference is then the reader's guess), or when anything else is
    joined after the pair ("The unions and the employers were split, with the latter saying": not people)."""
    doc = token.doc
    sentence = token.sent
    start = doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
    before = [e for e in doc.ents if start <= e.start and e.end <= token.i and e.label_ == "PERSON"]
    if not before or before[-1].root.dep_ != "conj":
        return None
    second = before[-1]
    first = _person(second.root.head)
    found = _joined(second.root.head) if first is not None else None
    if first is None or found is None or found[1] != second:
        return None
    if any(t.lower_ in _COORDINATORS or t.dep_ == "cc" for t in doc[found[0].i + 1 : token.i]):
        return None  # "Tom Baker and Jane Doe … The unions and the employers split, with the latter saying"
    listed = first.root.dep_ in ("conj", "appos") or any(c.dep_ == "appos" for c in first.root.children)
    if listed or any(c.dep_ == "conj" for c in second.root.children):
        return None  # "Tom Baker, Jane Doe and Bill Green": three people
    return (first, second)[_ORDER[token.lower_]]
