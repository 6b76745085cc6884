"""Words that can name a speaker: the entity labels of names, the nouns of people, bodies and documents
("an aide", "the committee", "the statement"), quantities that never speak ("one quarter"), and pronouns.

Shared by speaker_names.py (the subject of a speech verb), speaker_pairs.py (two joined by "and") and
speech_verbs.py.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP", "FAC")


SPEAKER_NOUNS = {
    "official", "aide", "source", "expert", "analyst", "spokesperson", "spokesman", "spokeswoman", "adviser",
    "advisor", "staff", "staffer", "person", "people", "man", "woman", "campaign", "committee", "group", "agency",
    "department", "ministry", "office", "government", "administration", "company", "firm", "statement", "report",
    "police", "witness", "critic", "activist", "author", "scientist", "economist", "historian", "strategist",
    "pollster", "consultant", "insider", "friend", "family", "mother", "father", "son", "daughter", "wife",
    "husband", "child", "parent", "doctor", "nurse", "judge", "prosecutor", "agent", "diplomat", "envoy",
    "general", "commander", "soldier", "militant", "fighter", "narration", "video", "message", "letter", "post",
    "tweet", "newspaper", "network", "channel", "outlet", "paper", "magazine", "website", "union", "party",
    "organization", "organisation", "association", "council", "board", "court", "lawmaker", "legislator",
    "congressman", "congresswoman", "chairman", "chairwoman", "chair", "executive", "chief", "head", "ceo",
    "host", "anchor", "crowd", "audience", "coalition", "alliance", "team", "panel", "commission",
    "senate", "house", "congress", "parliament", "cabinet", "military", "army", "navy", "regime", "state",
    "country", "nation", "city", "county", "district", "school", "university", "college", "institute",
    "foundation", "charity", "lobby", "industry", "bank", "hospital", "study", "survey", "poll",
    "memo", "filing", "lawsuit", "complaint", "document", "email", "release", "notice", "announcement",
    "mayor", "governor", "senator", "president", "minister", "secretary", "candidate", "nominee", "leader",
    "member", "director", "manager", "representative", "professor", "lawyer", "attorney", "officer", "resident",
    "voter", "supporter", "protester", "protestor", "student", "teacher", "worker", "employee", "owner",
    "founder", "organizer", "journalist", "reporter", "editor", "columnist", "writer", "commentator", "ally",
    "opponent", "rival", "delegate", "democrat", "republican", "conservative", "liberal", "progressive",
}  # fmt: skip


SPEAKER_SUFFIXES = ("er", "or", "ist", "ian", "man", "woman", "person", "ant", "ee")


QUANTITY_NOUNS = {
    "quarter", "third", "half", "fifth", "tenth", "fraction", "majority", "minority", "plurality", "percent",
    "%", "proportion", "share", "number", "dozen", "hundred", "thousand", "million", "billion", "handful",
    "bulk", "rest", "total", "lot", "score", "most", "many", "few", "some", "all", "none", "each", "either",
}  # fmt: skip
"""Nouns of a quantity: "around one quarter said they “neither support nor oppose”" is a survey's count,
never a speaker (and "quarter" and "number" would pass the suffix test)."""


NO_SPEAKER_PRONOUNS = {"i", "we", "you", "they", "it", "this", "that", "these", "those", "one", "me", "us", "them"}


RELATIVE = {"who", "that", "which", "whom"}


OFFICES = {
    "president", "senator", "governor", "mayor", "secretary", "minister", "chairman", "chairwoman", "leader",
    "premier", "spokesman", "spokeswoman", "director", "commissioner",
}  # fmt: skip
"""Head nouns of an office that no one is named after ("King", "Bishop", "Major" are surnames too)."""


def inside(token: Token, quoted: list[tuple[int, int]]) -> bool:
    return any(a <= token.idx < b for a, b in quoted)


def entity_of(token: Token) -> Span | None:
    ent_iob = token.ent_iob_
    if ent_iob in ("B", "I") and token.ent_type_ in NAME_LABELS:
        for ent in token.doc.ents:
            if ent.start <= token.i < ent.end:
                return ent
    return None


def can_speak(head: Token) -> bool:
    """Whether a description's head noun can name a speaker: a person, a body of people or a document
    ("an aide", "the committee", "the statement"), not "the promise" or "the footage", nor a quantity
    ("one quarter", "a majority", "47 per cent")."""
    lemma = head.lemma_.lower()
    if lemma in QUANTITY_NOUNS or head.like_num:
        return False
    return lemma in SPEAKER_NOUNS or lemma.endswith(SPEAKER_SUFFIXES)
