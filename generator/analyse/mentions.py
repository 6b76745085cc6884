"""Entity mentions as the model finds them, tidied; and acronyms the text defines."""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from generator.model import AcronymDefinition, Mention

_LEADING_THE = re.compile(r"^(the)\s+", re.IGNORECASE)
_TRAILING_POSSESSIVE = re.compile(r"\s*['’]\s*s?\s*$|\s+$")  # "Trump's", tokenised "Floyd ’ s", "Reuters'"
_NOT_A_NAME_START = {"NOUN", "ADJ", "DET", "AUX", "VERB", "ADP", "SCONJ", "CCONJ", "PRON", "PART", "ADV", "INTJ"}


def tidy_span(text: str, start: int, end: int) -> tuple[str, int, int]:
    """Drop a leading "the" and a trailing possessive from a mention, adjusting its offsets."""
    span = text[start:end]
    lead = _LEADING_THE.match(span)
    if lead and len(span) > lead.end():
        start += lead.end()
        span = text[start:end]
    trail = _TRAILING_POSSESSIVE.search(span)
    if trail and trail.start() > 0:
        end = start + trail.start()
    return text[start:end], start, end


def _ends_badly(tokens: list[Token]) -> bool:
    """Whether the last token is not how a name ends: a word without a capital or digit ("death", "’", "s",
    "."), unless hyphenated to the name ("Kim Yo-jong"), or a stop word in capitals ("MORE")."""
    last = tokens[-1]
    word = last.text
    if not any(ch.isupper() or ch.isdigit() for ch in word):
        before = tokens[-2]
        return not (word.isalpha() and before.text in ("-", "‑") and not before.whitespace_)
    return len(word) > 1 and word.isupper() and last.lower_ in STOP_WORDS


def _starts_badly(token: Token, person: bool) -> bool:
    """A token a name does not start with: punctuation, quotes, an article; for a person, a title word or
    a verb the model took in ("Spokeswoman X", "Will Twitter")."""
    if not any(ch.isalnum() for ch in token.text) or token.lower_ in ("the", "a", "an"):
        return True
    return person and (token.pos_ in _NOT_A_NAME_START or token.text[:1].islower())


def name_tokens(ent: Span) -> list[Token]:
    """The tokens of an entity span that are the name.

    The model's spans run on in scraped and tokenised text: "Trump MORE" (a link's residue),
    "Trump wants to move", "Floyd ’ s death", "Bernie Sanders Bernie SandersSome" (a hover
    card glued to the next headline), "Twitter @ JoshuaKlein". The span is cut at a bracket, a
    handle or address ("@", "#", "/"), at a word that starts
    again with an earlier word of the span ("SandersSome" after "Sanders") or repeats its
    first word, and trimmed of words a name does not start or end with.
    """
    tokens = list(ent)
    seen: list[str] = []
    for index, token in enumerate(tokens):
        glued = any(token.text.startswith(w) and token.text[len(w) : len(w) + 1].isupper() for w in seen)
        repeated = index >= 2 and token.text == tokens[0].text
        address = any(mark in token.text for mark in ("@", "#", "/", "http", ".com"))
        if index and (token.text in "([{" or glued or repeated or address):
            tokens = tokens[:index]
            break
        seen.append(token.text)
    person = ent.label_ == "PERSON"
    while len(tokens) > 1 and _ends_badly(tokens):
        tokens.pop()
    while len(tokens) > 1 and _starts_badly(tokens[0], person):
        tokens.pop(0)
    return tokens


def extract_mentions(doc: Doc, labels: set[str], sentence_starts: list[int]) -> tuple[Mention, ...]:
    mentions: list[Mention] = []
    text = doc.text  # built from every token on each access: once, not once per entity
    for ent in doc.ents:
        if ent.label_ not in labels:
            continue
        tokens = name_tokens(ent)
        surface, start, end = tidy_span(text, tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))
        # All-lower-case "entities" are almost always tagging noise (image alt text, slugs).
        if not surface or not any(ch.isupper() for ch in surface) or "\n" in surface:
            continue
        if not any(ch.isalnum() for ch in surface) or any(mark in surface for mark in ("@", "/", "http", "www.")):
            continue  # punctuation, a handle or an address ("pic.twitter.com/…") names no entity
        sentence = max(bisect_right(sentence_starts, start) - 1, 0)
        mentions.append(Mention(text=surface, label=ent.label_, start=start, end=end, sentence=sentence))
    return tuple(mentions)


_WORD = r"[A-Z][\w'’\-]*"
_CONNECTOR = r"(?:of|the|and|for|de|on|in)"
_LONG = rf"(?P<long>{_WORD}(?:\s+(?:{_CONNECTOR}\s+)*{_WORD}){{1,8}})"
_PAREN = re.compile(rf"{_LONG}\s*\((?P<short>[A-Z][A-Za-z.&]{{1,9}})\)")
_OR_FORM = re.compile(rf"{_LONG},?\s+or\s+(?P<short>[A-Z][A-Z.&]{{1,9}})\b")
_CONNECTOR_WORDS = {"of", "the", "and", "for", "de", "on", "in"}


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w.lower() not in _CONNECTOR_WORDS).upper()


def _match_expansion(long: str, short: str) -> str | None:
    """The trailing words of `long` whose initials spell `short` (e.g. "Islamic State" for IS)."""
    letters = re.sub(r"[^A-Za-z]", "", short).upper()
    words = long.split()
    for first in range(len(words)):
        candidate = words[first:]
        if candidate[0].lower() in _CONNECTOR_WORDS:
            continue
        if _initials(candidate) == letters:
            return " ".join(candidate)
    return None


def find_acronyms(text: str) -> tuple[AcronymDefinition, ...]:
    """Acronym definitions the text gives: "Islamic State (IS)", "East Turkestan Islamic Movement, or ETIM"."""
    found: dict[str, AcronymDefinition] = {}
    for pattern in (_PAREN, _OR_FORM):
        for match in pattern.finditer(text):
            short = match.group("short")
            expansion = _match_expansion(match.group("long"), short)
            if expansion and short not in found:
                found[short] = AcronymDefinition(short=short, long=expansion)
    return tuple(found.values())
