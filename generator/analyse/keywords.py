"""Keywords: YAKE candidates, kept only when they read as phrases a person would write.

YAKE scores n-grams by statistics alone, so its top list is full of fragments that
straddle phrases ("shows Daesh training") and overlapping variants of one phrase.
We ask YAKE for more candidates than needed and keep, best first, those that are
noun phrases where they occur in the text (by spaCy's tags there), are not a
piece of a longer name, and that neither
contain, sit inside, nor overlap a keyword already kept; singular and plural
forms count as one.
"""

from __future__ import annotations

import re
from itertools import pairwise

import yake
from spacy.tokens import Doc, Span, Token

from generator.model import Keyword

_EDGE_BAD = {"VERB", "AUX", "ADV", "PRON", "DET", "ADP", "CCONJ", "SCONJ", "PART", "INTJ", "PUNCT", "SYM"}
_INNER_BAD = {"VERB", "AUX", "PRON", "CCONJ", "SCONJ", "INTJ", "PUNCT", "SYM", "ADV"}
_INNER_OK_WORDS = {"of", "for", "and", "de"}


def _fold(word: str) -> str:
    """Case-, possessive- and plural-insensitive form of a word, for comparing phrases."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _tags_ok(tokens: list[Token]) -> bool:
    """Noun-phrase shape: no verb, pronoun or function word at the edges, a noun at the end."""
    kept = [t for t in tokens if t.pos_ not in ("PUNCT", "SPACE") and t.text not in ("'s", "’s")]
    words = [(t.text, t.pos_) for t in kept]
    if not words:
        return False
    first, last = words[0][1], words[-1][1]
    if first in _EDGE_BAD or last in _EDGE_BAD or last not in {"NOUN", "PROPN", "NUM", "X"}:
        return False
    for word, tag in words[1:-1]:
        if tag in _INNER_BAD or (tag == "ADP" and word.lower() not in _INNER_OK_WORDS):
            return False
    # English noun phrases put adjectives before nouns: "training ethnic Uighurs" is two phrases.
    # A plural common noun does not modify the next noun: "Uighurs training" is not a compound.
    for before, after in pairwise(kept):
        if after.pos_ == "ADJ" and before.pos_ in ("NOUN", "PROPN"):
            return False
        if before.tag_ == "NNS" and after.pos_ == "NOUN":
            return False
    return not all(tag == "NUM" for _, tag in words)


def _cuts_a_name(span: Span) -> bool:
    """True if the span starts or ends inside a run of proper nouns ("Turkestan Islamic Movement")."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    return (before is not None and before.pos_ == "PROPN" and span[0].pos_ == "PROPN" and not before.is_sent_start) or (
        after is not None and after.pos_ == "PROPN" and span[-1].pos_ == "PROPN"
    )


def _phrase_in_text(doc: Doc, phrase: str) -> bool:
    """True if the phrase occurs verbatim (any case) as a noun phrase that is not a piece of a longer name."""
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in phrase.split()) + r"(?!\w)", re.IGNORECASE)
    for match in pattern.finditer(doc.text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None or not _tags_ok(list(span)) or _cuts_a_name(span):
            continue
        inside_longer_name = any(
            ent.start_char <= match.start() and match.end() <= ent.end_char and len(ent.text) > len(match.group())
            for ent in doc.ents
            if ent.start <= span.start < ent.end
        )
        if not inside_longer_name:
            return True
    return False


def _overlaps(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """True if one phrase contains the other, or the end of one is the start of the other."""
    if a == b:
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    for start in range(len(long) - len(short) + 1):
        if long[start : start + len(short)] == short:
            return True
    for size in range(1, min(len(a), len(b))):
        if a[-size:] == b[:size] or b[-size:] == a[:size]:
            return True
    return False


def sentence_marked_text(doc: Doc) -> str:
    """The text with every sentence ending in punctuation, one per line.

    YAKE joins lines with spaces, so an unpunctuated headline or caption would run
    into the next sentence and YAKE would build phrases across the join.
    """
    lines = []
    for sentence in doc.sents:
        text = sentence.text.strip()
        if text:
            lines.append(text if text[-1] in ".!?\"'”’)" else text + ".")
    return "\n".join(lines)


def extract_keywords(doc: Doc, top: int, max_words: int) -> tuple[Keyword, ...]:
    """The `top` best YAKE phrases that survive the phrase filters, best first."""
    extractor = yake.KeywordExtractor(lan="en", n=max_words, top=max(top * 6, 40), dedupLim=0.9)
    kept: list[tuple[tuple[str, ...], Keyword]] = []
    for phrase, score in extractor.extract_keywords(sentence_marked_text(doc)):
        words = phrase.split()
        if not words or any(len(w) < 2 and not w.isdigit() for w in words):
            continue
        folded = tuple(_fold(w) for w in words)
        if any(_overlaps(folded, other) for other, _ in kept) or not _phrase_in_text(doc, phrase):
            continue
        kept.append((folded, Keyword(text=phrase, score=round(float(score), 6))))
        if len(kept) == top:
            break
    return tuple(keyword for _, keyword in kept)


def fold_phrase(phrase: str) -> str:
    """Case-, possessive- and plural-insensitive key of a phrase: one key per keyword across articles."""
    return " ".join(_fold(word) for word in phrase.split())
