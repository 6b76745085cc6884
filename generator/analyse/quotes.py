"""Direct quotes and who said them, from the quote marks and the dependency parse."""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc, Span, Token

from generator.model import Quote

SPEECH_VERBS = {
    "say", "tell", "add", "warn", "explain", "state", "declare", "claim", "note", "write", "insist",
    "quote", "comment", "argue", "announce", "ask", "reply", "respond", "vow", "urge", "stress",
}  # fmt: skip
_QUOTE = re.compile(r"“(?P<curly>[^”]{3,})”|\"(?P<straight>[^\"\n]{3,})\"")
_MIN_WORDS = 3  # "first direct threat" is a quote; "informants" is a scare quote
_PRONOUNS = {"he", "she", "they", "it", "we", "i"}


def _speaker_span(verb: Token, quote_start: int, quote_end: int) -> Span | None:
    """The subject of a speech verb, outside the quote: an entity, a noun phrase, or a pronoun."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and not quote_start <= child.idx < quote_end:
            doc = child.doc
            for ent in doc.ents:
                if ent.start <= child.i < ent.end:
                    return ent
            if child.pos_ == "PROPN":
                compounds = [t for t in child.subtree if t.dep_ in ("compound", "flat") or t == child]
                return doc[min(t.i for t in compounds) : max(t.i for t in compounds) + 1]
            left = min(t.i for t in child.subtree if t.dep_ not in ("punct", "appos", "relcl", "acl"))
            right = child.i + 1
            return doc[left:right]
    return None


def _subject_of(verb: Token, start: int, end: int) -> Span | None:
    """The speaker of a speech verb: its subject; the nearest person named just before it
    ("Clarke, an expert, told"); for "…, adding" or "…, warning", the speaker of the verb it hangs from."""
    speaker = _speaker_span(verb, start, end)
    if speaker is not None:
        return speaker
    doc = verb.doc
    window = max(verb.i - 25, verb.sent.start)
    people = [e for e in doc.ents if e.label_ == "PERSON" and window <= e.start and e.end <= verb.i]
    people = [e for e in people if not start <= e.start_char < end]
    if people:
        return people[-1]
    if verb.dep_ in ("advcl", "xcomp") and verb.head != verb:
        return _subject_of(verb.head, start, end)
    return None


def _according_to(tokens: list[Token]) -> Span | None:
    for token in tokens:
        if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to":
            for obj in token.doc[token.i + 1].children:
                if obj.dep_ == "pobj":
                    for ent in token.doc.ents:
                        if ent.start <= obj.i < ent.end:
                            return ent
                    return token.doc[obj.left_edge.i : obj.i + 1]
    return None


def _resolve_pronoun(doc: Doc, before: int, person_label: str = "PERSON") -> Span | None:
    """The last person named before a character offset: a pronoun speaker's antecedent."""
    candidates = [ent for ent in doc.ents if ent.label_ == person_label and ent.end_char <= before]
    return candidates[-1] if candidates else None


def find_speaker(doc: Doc, start: int, end: int, quoted: list[tuple[int, int]] | None = None) -> Span | None:
    """Speaker of the quote at [start, end): searched in its sentence and the one after.

    Words inside any quote (`quoted` spans) are never the attribution: "militants have
    claimed allegiance" inside another quote does not make the militants speak.
    """
    first = doc.char_span(start, end, alignment_mode="expand")
    if first is None:
        return None
    sentences = [first[0].sent]
    last_sentence = first[-1].sent
    if last_sentence != sentences[0]:
        sentences.append(last_sentence)
    if last_sentence.end < len(doc):
        following = doc[last_sentence.end].sent
        if len(following) <= 12:
            sentences.append(following)
    if sentences[0].start > 0:
        previous = doc[sentences[0].start - 1].sent
        if previous.text.rstrip().endswith(":"):
            sentences.append(previous)
    spans = [(start, end), *(quoted or [])]
    outside = [t for s in sentences for t in s if not any(a <= t.idx < b for a, b in spans)]
    speaker = None
    for token in outside:
        if token.lemma_.lower() in SPEECH_VERBS and token.pos_ in ("VERB", "AUX"):
            speaker = _subject_of(token, start, end)
            if speaker is not None:
                break
    if speaker is None:
        speaker = _according_to(outside)
    if speaker is not None and speaker.text.lower() in _PRONOUNS:
        return _resolve_pronoun(doc, start) if speaker.text.lower() in {"he", "she"} else None
    return speaker


def extract_quotes(doc: Doc, sentence_starts: list[int]) -> tuple[Quote, ...]:
    """Every direct quote of at least three words, with its speaker where the text gives one.

    `sentence_starts` holds the start offset of each sentence, in order.
    """
    quotes: list[Quote] = []
    text = doc.text  # built from every token on each access: once, not once per quote
    matches = list(_QUOTE.finditer(text))
    quoted = [(m.start(), m.end()) for m in matches]
    for match in matches:
        group = "curly" if match.group("curly") is not None else "straight"
        start, end = match.start(group), match.end(group)
        inner = text[start:end].strip()
        if len(inner.split()) < _MIN_WORDS:
            continue
        speaker = find_speaker(doc, start, end, quoted)
        quotes.append(
            Quote(
                text=inner,
                start=start,
                end=end,
                sentence=max(bisect_right(sentence_starts, start) - 1, 0),
                speaker=speaker.text if speaker is not None else None,
                speaker_start=speaker.start_char if speaker is not None else None,
                speaker_end=speaker.end_char if speaker is not None else None,
            )
        )
    return tuple(quotes)
