"""Entity mentions as the model finds them, tidied; and acronyms the text defines."""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc, Span

from generator.model import AcronymDefinition, Mention

_LEADING_THE = re.compile(r"^(the)\s+", re.IGNORECASE)
_TRAILING_POSSESSIVE = re.compile(r"(['’]s?|\s+)$")


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


def _person_start(ent: Span) -> int:
    """Character offset where a person's name starts, after any title the model included ("Spokeswoman X")."""
    tokens = list(ent)
    while len(tokens) > 1 and (tokens[0].pos_ in ("NOUN", "ADJ", "DET") or tokens[0].text[:1].islower()):
        tokens.pop(0)
    return tokens[0].idx


def extract_mentions(doc: Doc, labels: set[str], sentence_starts: list[int]) -> tuple[Mention, ...]:
    mentions: list[Mention] = []
    text = doc.text  # built from every token on each access: once, not once per entity
    for ent in doc.ents:
        if ent.label_ not in labels:
            continue
        first = _person_start(ent) if ent.label_ == "PERSON" else ent.start_char
        surface, start, end = tidy_span(text, first, ent.end_char)
        # All-lower-case "entities" are almost always tagging noise (image alt text, slugs).
        if not surface or not any(ch.isupper() for ch in surface) or "\n" in surface:
            continue
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
