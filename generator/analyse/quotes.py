"""Direct quotes and who said them; quoted words that are not quotes are kept apart as phrases.

The quote marks are paired paragraph by paragraph (quote_marks.py); a quoted string is a
quote when it has at least four words and does not read as a title, else a phrase: a
scare quote, term or nickname ("rigged"), a slogan or title ("Black Lives Matter", "Make
America Great Again", "The Art of the Deal"). Each quote's speaker comes from the parse
(speakers.py), with "he said" and "the senator said" resolved to the person the article
named (coreference.py); the pieces of a quote running over paragraphs share one speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc, Token

from generator.analyse.coreference import People
from generator.analyse.quote_marks import QuotedSpan, find_quoted
from generator.analyse.speakers import Speaker, find_speaker
from generator.analyse.speech_verbs import is_speech_verb, subject_token
from generator.model import Phrase, Quote

_MAX_GAP_TOKENS = 60  # between a quote and the one it continues
_MAX_GAP_WORDS = 40  # after a quote, to the end of its paragraph, for a paragraph of quote alone to continue it
MIN_WORDS = 4  # "first direct threat", "defund the police" and "rigged" are phrases
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SMALL_WORDS = {
    "a", "an", "the", "of", "in", "on", "and", "or", "for", "to", "at", "by", "with", "from", "as", "is",
    "vs", "de", "la", "into", "over", "under", "but", "nor", "so", "up", "out", "off", "per", "via",
}  # fmt: skip


def is_title_like(text: str) -> bool:
    """Capitalised like a title, a name or a slogan, and not a sentence: "The Art of the Deal",
    "Make America Great Again", "STATE OF THE UNION", "13 Hours: The Secret Soldiers of Benghazi"."""
    words = _WORD.findall(text)
    if not words or len(words) > 12 or text.rstrip(" ,.").endswith(("?", "!", "…", ":", ";", ".")):
        return False
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    capitalised = all(w[:1].isupper() or w[:1].isdigit() for w in content)
    return bool(content) and capitalised and (words[0][:1].isupper() or words[0][:1].isdigit())


def classify(text: str) -> str | None:
    """None for a quote; the reason ("short", "title") for quoted words that are a phrase."""
    if len(_WORD.findall(text)) < MIN_WORDS:
        return "short"
    if is_title_like(text):
        return "title"
    return None


def _trimmed(text: str, span: QuotedSpan) -> tuple[int, int]:
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def extract_quotes(doc: Doc, sentence_starts: list[int]) -> tuple[tuple[Quote, ...], tuple[Phrase, ...]]:
    """Every direct quote of at least four words, with its speaker where the text gives one,
    and every phrase in quote marks. `sentence_starts` holds the start offset of each sentence, in order."""
    text = doc.text  # built from every token on each access: once, not once per quote
    spans = find_quoted(text)
    marked = [(s.start, s.end) for s in spans]
    people = People(doc, marked)
    quotes: list[Quote] = []
    phrases: list[Phrase] = []
    speakers: list[Speaker | None] = []
    decided: list[bool] = []
    quote_of_span: dict[int, int] = {}
    previous: int | None = None
    for number, span in enumerate(spans):
        start, end = _trimmed(text, span)
        sentence = max(bisect_right(sentence_starts, start) - 1, 0)
        reason = classify(text[start:end])
        continued = span.continues is not None and span.continues in quote_of_span
        if reason is not None and not continued:
            phrases.append(Phrase(text[start:end], start, end, sentence, reason))
            continue
        attributed, speaker = find_speaker(doc, start, end, marked, people, previous)
        if speaker is not None and speaker.person is not None:
            previous = speaker.person
        quote_of_span[number] = len(quotes)
        speakers.append(speaker)
        decided.append(attributed)
        continues = quote_of_span[span.continues] if continued and span.continues is not None else None
        quotes.append(Quote(text[start:end], start, end, sentence, continues=continues))
    _continue_speakers(doc, quotes, speakers, decided, people, marked)
    return tuple(_with_speakers(quotes, speakers)), tuple(phrases)


def _continue_speakers(
    doc: Doc,
    quotes: list[Quote],
    speakers: list[Speaker | None],
    decided: list[bool],
    people: People,
    marked: list[tuple[int, int]],
) -> None:
    """A quote the text around it does not attribute continues the quote before it, as a reader takes
    it: in the same paragraph (“…,” Garcia said. “We need a big change.”), or as a paragraph of quote
    alone after a paragraph that ended with that speaker's quote; never across another person named
    between them. Fills `speakers` in place (via "continued")."""
    text = doc.text
    for index in range(1, len(quotes)):
        if decided[index] or speakers[index] is not None or quotes[index].continues is not None:
            continue
        before = speakers[index - 1]
        if before is None:
            continue
        gap_start, gap_end = quotes[index - 1].end, quotes[index].start
        gap = text[gap_start:gap_end]
        if "\n" in gap and not _alone_in_paragraph(text, quotes[index], quotes[index - 1]):
            continue
        if gap.count("(") > gap.count(")"):
            continue  # a quote in a parenthesis is an aside, not the speaker going on
        if _other_person_between(doc, gap_start, gap_end, before, people, marked):
            continue
        speakers[index] = Speaker(before.span, before.kind, "continued", before.reference, before.person, before.at)


def _alone_in_paragraph(text: str, quote: Quote, previous: Quote) -> bool:
    """The quote is its paragraph's only text, and the paragraph before ends with the previous quote
    or its attribution (no more than a short clause after it)."""
    line_start = text.rfind("\n", 0, quote.start) + 1
    line_end = text.find("\n", quote.end)
    line_end = len(text) if line_end < 0 else line_end
    outside = text[line_start : quote.start] + text[quote.end : line_end]
    if any(c.isalnum() for c in outside):
        return False
    after_previous = text[previous.end : line_start].strip()
    return len(after_previous.split()) <= _MAX_GAP_WORDS


def _other_person_between(
    doc: Doc, start: int, end: int, speaker: Speaker, people: People, marked: list[tuple[int, int]]
) -> bool:
    between = doc.char_span(start, end, alignment_mode="contract")
    if between is None:
        return False
    if len(between) > _MAX_GAP_TOKENS:
        return True
    attribution = speaker.attribution.sent  # "he told The Atlantic's Jeffrey Goldberg": not the name's sentence
    for ent in between.ents:
        if ent.label_ != "PERSON" or any(a <= ent.start_char < b for a, b in marked):
            continue
        if attribution.start <= ent.start < attribution.end and not _speaks_on_its_own(ent.root):
            if not _speaks_itself(ent.root, speaker):
                continue  # named in the attribution itself ("said Soe Min, who ran against Suu Kyi")
        person = people.person_at(ent)
        if person is None or person != speaker.person:
            if ent.text not in speaker.span.text:
                return True
    return any(_unnamed_subject(t, speaker, marked) or _another_attribution(t, speaker, marked) for t in between)


_OTHER_PRONOUNS = {"it", "they", "we"}  # a subject that is not the one person speaking


def _another_attribution(token: Token, speaker: Speaker, marked: list[tuple[int, int]]) -> bool:
    """A speech verb between the quotes whose subject is not the speaker ("The US government denied the
    claims. In a statement, it said: “…”"): the next quote may be that other's words, not a continuation."""
    if not is_speech_verb(token) or token.pos_ not in ("VERB", "AUX"):
        return False
    if token.sent == speaker.attribution.sent:
        return False  # the attribution of the quote before ("…,” Hunter's chief of staff, Joe Kasper, told POLITICO)
    subject = subject_token(token, marked)
    if subject is None or subject.lower_ in ("he", "she"):
        return False
    if subject.lower_ in _OTHER_PRONOUNS:
        return True
    if subject.pos_ not in ("NOUN", "PROPN"):
        return False
    own = {t.lower_ for t in speaker.span} | set((speaker.reference or "").lower().split())
    return subject.lower_ not in own


def _unnamed_subject(token: Token, speaker: Speaker, marked: list[tuple[int, int]]) -> bool:
    """A capitalised subject the tagger did not take for a person ("Sanders shot back," with Sanders a
    noun): someone else may be speaking, unless it is a word of the speaker's name."""
    if token.dep_ != "nsubj" or token.pos_ not in ("NOUN", "PROPN") or not token.text[:1].isupper():
        return False
    if token.ent_type_ or any(a <= token.idx < b for a, b in marked):
        return False
    if token.i <= speaker.span.root.i and speaker.span.root in token.subtree:
        return False  # the phrase that names the speaker ("Pennsylvania Gov. and … Chairman Ed Rendell")
    return token.lower_ not in {t.lower_ for t in speaker.span}


def _speaks_itself(token: Token, speaker: Speaker) -> bool:
    """The subject of a speech verb of its own in the attribution's sentence ("He said, “…,” Ms. Smith
    recalled"): another speaker, whose words the next quote may be; not in a clause about the attribution
    ("told the Journal, after de Blasio stated an interest in …")."""
    own = speaker.attribution
    while own.dep_ in ("compound", "flat") and own.head != own:
        own = own.head
    verb = token.head
    if token.dep_ not in ("nsubj", "nsubjpass") or not is_speech_verb(verb) or verb == own.head:
        return False
    return verb.dep_ not in ("advcl", "relcl", "acl", "pcomp")


def _speaks_on_its_own(token: Token) -> bool:
    """The subject of a main clause of its own ("…,” she said, and Baker stood up."), who may be the one
    going on; not that of a clause about the attribution ("said Hooton after Rubio spoke")."""
    clause = token.head
    return token.dep_ in ("nsubj", "nsubjpass") and (clause.dep_ == "ROOT" or clause.dep_ in ("conj", "parataxis"))


def _with_speakers(quotes: list[Quote], speakers: list[Speaker | None]) -> list[Quote]:
    """Each quote with its speaker; a piece of a quote over paragraphs without one takes its chain's."""
    chain = list(range(len(quotes)))
    for index, quote in enumerate(quotes):
        if quote.continues is not None:
            chain[index] = chain[quote.continues]
    first_speaker: dict[int, Speaker] = {}
    for index, speaker in enumerate(speakers):
        if speaker is not None:
            first_speaker.setdefault(chain[index], speaker)
    result = []
    for index, quote in enumerate(quotes):
        speaker = speakers[index]
        via = speaker.via if speaker is not None else None
        if speaker is None and chain[index] in first_speaker:
            speaker, via = first_speaker[chain[index]], "continued"
        if speaker is None:
            result.append(quote)
            continue
        result.append(
            Quote(
                quote.text,
                quote.start,
                quote.end,
                quote.sentence,
                speaker=speaker.span.text,
                speaker_start=speaker.span.start_char,
                speaker_end=speaker.span.end_char,
                speaker_kind=speaker.kind,
                speaker_via=via,
                speaker_reference=speaker.reference,
                continues=quote.continues,
            )
        )
    return result
