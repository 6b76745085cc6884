"""What the subject of a speech verb says about the speaker: a name, a description kept as
written, a person the text named ("he", "the senator", "who"), or nobody ("they", "it", a fragment).

speakers.py finds the verb or phrase that attributes a quote; this module reads its subject.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from generator.analyse.coreference import People, tidy_name
from generator.analyse.speaker_pairs import (
    latter_or_former,
    names_latter_or_former,
    one_of_a_pair,
    titled_couple,
)
from generator.analyse.speaker_words import (
    NO_SPEAKER_PRONOUNS,
    OFFICES,
    RELATIVE,
    can_speak,
    entity_of,
    inside,
)
from generator.analyse.titles import (
    ends_in_an_abbreviation,
    in_a_title,
    is_title_only,
    names_a_thing,
    word,
)

_MAX_DESCRIPTION = 10  # tokens


@dataclass(frozen=True)
class Speaker:
    """The speaker of a quote: the name (or description, as written) and how it was found."""

    span: Span  # the words that name the speaker
    kind: str  # "name" or "description"
    via: str  # "cue", "according-to", "pronoun", "role", "relative", "continued"
    reference: str | None = None  # the words at the speech verb when they differ ("he", "the senator", "who")
    person: int | None = None  # index into the article's People, for "he said" after this quote
    at: int | None = None  # the token of the words at the speech verb, when the span is a name given elsewhere

    @property
    def attribution(self) -> Token:
        """The first token of the words that attribute the quote ("he" of "he said", not the name it stands for)."""
        return self.span.doc[self.at] if self.at is not None else self.span[0]


def _proper_name(token: Token) -> Span:
    """A proper noun with the compound and flat words around it ("Jason Miller")."""
    parts = [t for t in token.subtree if (t.dep_ in ("compound", "flat") and t.pos_ == "PROPN") or t == token]
    parts = [t for t in parts if abs(t.i - token.i) <= 4]
    return tidy_name(token.doc[min(t.i for t in parts) : max(t.i for t in parts) + 1])


def _description(head: Token) -> Span | None:
    """The noun phrase of a description, as written: determiners, modifiers, the head and an "of"/"for"/"at"
    phrase after it ("a spokesman for the campaign"); no relative clause or apposition."""
    doc = head.doc
    left = head.i
    for token in head.lefts:
        if token.dep_ in ("det", "amod", "compound", "poss", "nmod", "nummod", "quantmod", "advmod", "case"):
            left = min(left, token.left_edge.i)
    right = head.i + 1
    for token in head.rights:
        if token.dep_ == "prep" and token.lower_ in ("of", "for", "at", "with", "from", "in") and token.i == right:
            right = token.right_edge.i + 1
        break
    if right - left > _MAX_DESCRIPTION:
        right = head.i + 1
    span = doc[left:right]
    if any(t.pos_ in ("VERB", "AUX") or t.lower_ in RELATIVE for t in span if t.i != head.i):
        return doc[head.i : head.i + 1] if head.i >= left else None
    return span


def from_subject(token: Token, people: People, previous: int | None, quoted: list[tuple[int, int]]) -> Speaker | None:
    """What a speech verb's subject (or the object of "according to") says about the speaker."""
    if inside(token, quoted):
        return None
    if names_latter_or_former(token):
        return _the_latter(token, people)
    couple = titled_couple(token)
    if couple is not None:
        return Speaker(couple, "description", "cue")
    paired, one = one_of_a_pair(token)
    if paired:  # "Pennsylvania Gov. and … Chairman Ed Rendell": one person's titles; or nobody for sure
        return named_speaker(tidy_name(one), people, "cue") if one is not None else None
    members = _joint_members(token, quoted)
    if members:
        return _joint_speaker(members)
    person = _person_in_phrase(token, quoted)
    if person is not None:
        return named_speaker(tidy_name(person), people, "cue")
    entity = entity_of(token)
    if entity is not None:
        return named_speaker(tidy_name(entity), people, "cue")
    lower = token.lower_
    if token.pos_ == "PRON" or lower in _NO_NAME_WORDS:
        if lower in ("he", "she"):
            mention = people.resolve_pronoun(token, previous)
            if mention is None:
                return None
            return Speaker(mention.span, "name", "pronoun", token.text, mention.person, token.i)
        if lower in RELATIVE and token.head.dep_ == "relcl" and token.head.head.pos_ in ("NOUN", "PROPN"):
            found = from_subject(token.head.head, people, previous, quoted)
            if found is not None:
                return Speaker(found.span, found.kind, "relative", token.text, found.person, token.i)
        return None
    if token.pos_ == "PROPN" and token.text[:1].isupper():
        return named_speaker(_proper_name(token), people, "cue")
    if token.pos_ == "NOUN":
        description = _description(token)
        if description is not None:  # "Troy police" of "Troy police Lt.", or the description ending in "Lt"
            for title in (description, token.doc[description.start : description.end + 1]):
                if ends_in_an_abbreviation(title):
                    return _named_after_the_title(title, people, "cue")
        if description is None or not can_speak(token):
            return None
        resolved = people.resolve_role(description)
        if resolved is not None:
            return Speaker(resolved.span, "name", "role", description.text, resolved.person, description.start)
        return Speaker(description, "description", "cue")
    return None


def _the_latter(token: Token, people: People) -> Speaker | None:
    """ "the latter said": the second of the two people just named, as a name found elsewhere; else nobody."""
    person = latter_or_former(token)
    found = named_speaker(tidy_name(person), people, "role") if person is not None else None
    if found is None or found.kind != "name":
        return None
    return Speaker(found.span, "name", "role", f"the {token.lower_}", found.person, token.i - 1)


_NO_NAME_WORDS = NO_SPEAKER_PRONOUNS | RELATIVE | {"he", "she"}  # pronouns and relatives: no name
_MAX_JOINT = 16  # tokens of "Academy Award producers Craig Zadan and Neil Meron" kept as written


def _joint_members(token: Token, quoted: list[tuple[int, int]]) -> list[Token]:
    """The speakers a subject joins with "and" ("Zadan and Meron said in a statement", "producers Craig Zadan
    and Neil Meron said", "Tom Baker and his wife said", "the World Bank and the IMF said", "the company and its
    lawyers said"): each coordinated word, the first one included, when each is a name, an organisation, country
    or group the tagger named, or a speaker of its own ("his wife", "the mayor"): never the first one alone.
    Roles of one person ("president and chief executive Bill Dombrowski", "Rendell, a former governor and mayor")
    are not several speakers; nor a name the parse hung off a name ("said Miller, … with Gregg and Kennedy")."""
    anchors = [token]
    if token.pos_ == "NOUN":
        anchors += [c for c in token.children if c.dep_ == "appos" and not inside(c, quoted)]
    for anchor in anchors:
        if not any(c.dep_ == "cc" and c.lower_ in ("and", "&") for c in anchor.children):
            continue
        members = [anchor]
        for member in members:
            members += [c for c in member.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON")]
        names = [m for m in members if _a_name(m)]
        own = [
            m
            for m in members
            if m.pos_ == "PRON" or (can_speak(m) and any(c.dep_ in ("det", "poss") for c in m.children))
        ]
        bodies = [m for m in members if _a_body(m)]  # "the World Bank and the IMF said": neither alone
        if len(members) > 1 and all(m in names or m in own or m in bodies for m in members):
            entities = [entity_of(m) for m in members]
            if None not in entities and len(set(entities)) == 1:
                continue  # one name the parse cut at its own "and" ("Johnson & Johnson")
            return members
    return []


def _a_body(token: Token) -> bool:
    """An organisation, a country or a group the tagger named ("the IMF", "China", "Democrats"), that can speak."""
    entity = entity_of(token)
    return entity is not None and entity.label_ in ("ORG", "GPE", "NORP")


def _a_name(token: Token) -> bool:
    """A person's name, not a title ("Gov." of "Pennsylvania Gov. and … Chairman Ed Rendell", "Sirius XM Vice
    President for news and talk Dave Gorab")."""
    if is_title_only(token.doc[token.i : token.i + 1]):
        return False
    entity = entity_of(token)
    if entity is not None:
        return entity.label_ == "PERSON" and not is_title_only(entity)
    return token.pos_ == "PROPN" and token.text[:1].isupper() and not is_title_only(_proper_name(token))


def _member_span(member: Token) -> Span:
    entity = entity_of(member)
    if entity is not None:
        return tidy_name(entity)
    if member.pos_ == "PROPN":
        return _proper_name(member)
    return _description(member) or member.doc[member.i : member.i + 1]


def _joint_speaker(members: list[Token]) -> Speaker | None:
    """Words said by several together ("…,” Zadan and Meron said in a joint statement") are not one person's:
    the speakers as written, a description (no single name, no entity), or nobody when one of them is a
    pronoun ("he and his wife") or the words run too long to be a speaker."""
    if any(m.pos_ == "PRON" or m.lower_ in _NO_NAME_WORDS for m in members):
        return None
    spans = [_member_span(m) for m in members]
    start, end = min(s.start for s in spans), max(s.end for s in spans)
    if end - start > _MAX_JOINT or not all(m.pos_ == "PROPN" or can_speak(m) for m in members):
        return None
    return Speaker(members[0].doc[start:end], "description", "cue")


def _person_in_phrase(token: Token, quoted: list[tuple[int, int]]) -> Span | None:
    """A person named in the subject's own noun phrase: the word itself, a title's name ("spokesman
    Navy Capt. Jeff Davis") or an apposition ("the shadow secretary, Theresa May")."""
    kinds = ("appos", "compound") if token.pos_ == "PROPN" else ("appos",)  # "one Uighur militant" is a militant
    # A title heading the phrase ("Sirius XM Vice President …") is not the name that modifies it before it.
    title = entity_of(token) is None and word(token) in OFFICES
    candidates = [token] + [
        c
        for c in token.children
        if c.dep_ in kinds and not inside(c, quoted) and not (title and c.dep_ == "compound" and c.i < token.i)
    ]
    for candidate in candidates:
        entity = entity_of(candidate)
        if entity is not None and entity.label_ == "PERSON":
            return entity
    return None


def _is_name(span: Span) -> bool:
    return span[-1].is_alpha and any(t.is_alpha and t.text[:1].isupper() for t in span)


def named_speaker(span: Span, people: People, via: str) -> Speaker | None:
    """A name as the speaker; None for words the tagger took for a name that are not one ("Air Force 1st",
    "Fools" of "Only Fools and Horses star David Jason");
    a title alone ("the President said") is the person the article gave that title, else a description."""
    if ends_in_an_abbreviation(span):
        return _named_after_the_title(span, people, via)
    if not _is_name(span) or in_a_title(span) or names_a_thing(span):
        return None  # "INS Mysore said", a ship the tagger typed PERSON, is nobody
    if is_title_only(span):
        holder = people.resolve_role(span)
        if holder is not None:
            return Speaker(holder.span, "name", "role", span.text, holder.person, span.start)
        return Speaker(span, "description", via)
    if word(span[-1]) in OFFICES:  # "Sirius XM Vice President": an office, as written, is no one's name
        return Speaker(span, "description", via)
    person = people.person_at(span)
    if person is None:
        titled = people.titled_name(span)  # "Host Jake Tapper", the tagger having missed the name there
        if titled is not None:
            return Speaker(titled.span, "name", via, None, titled.person)
    return Speaker(span, "name", via, None, person)


_MAX_NAME_AFTER = 4  # words of a name after a title's full stop taken without the tagger's say


def _named_after_the_title(span: Span, people: People, via: str) -> Speaker | None:
    """The person named after the abbreviated title that ends `span` ("Troy police Lt" of "said Troy police
    Lt. Gerry Scherlinck", split at the stop): the name the tagger gave them, else the capitalised proper nouns
    after the stop; none when no name follows (the title alone is a fragment, never a speaker)."""
    doc = span.doc
    start = span.end + (0 if span[-1].text.endswith(".") else 1)
    if start >= len(doc):
        return None
    entity = entity_of(doc[start])
    if entity is not None:
        if entity.label_ != "PERSON" or entity.start != start:
            return None
        return named_speaker(tidy_name(entity), people, via)
    end = start
    while (
        end < len(doc)
        and end - start < _MAX_NAME_AFTER
        and doc[end].pos_ == "PROPN"
        and doc[end].is_alpha
        and doc[end].text[:1].isupper()
        and not doc[end].ent_type_
    ):
        end += 1
    return named_speaker(doc[start:end], people, via) if end > start else None
