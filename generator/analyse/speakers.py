"""Who said a quote: the speech verb beside it and its subject, resolved as a reader would.

The speaker is the subject of the speech verb nearest the quote (in the quote's
sentences, the short sentence after it, or the sentence before it that ends in a
colon), or the object of "according to". What that subject is decides what we keep:

- a name (a PERSON, ORG, GPE or NORP entity, or a proper noun): the name as written; a
  name in apposition wins over a description ("The shadow secretary, Theresa May, said");
- "he"/"she": the person the text named (coreference.People); unresolved, no speaker;
- "who"/"that" of a relative clause: the noun the clause hangs from ("Smith, who said");
- a description ("a White House official", "the senator"): the person it names in this
  article when it is a definite description of a role the text gave ("the senator" after
  "Sen. Warren", "the sergeant" after "Sgt. Marty Earley"), else the description as written;
- several joined by "and" ("Zadan and Meron said in a statement"): all of them as written, a
  description, never the first alone; with a pronoun among them ("he and his wife"), nobody;
- anything else ("I", "we", "they", "it", a fragment, a word inside another quote): no speaker.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from generator.analyse.coreference import People, tidy_name
from generator.analyse.speaker_names import Speaker, from_subject, named_speaker
from generator.analyse.speaker_pairs import names_latter_or_former
from generator.analyse.speaker_words import RELATIVE, can_speak, entity_of, inside
from generator.analyse.speech_verbs import (
    ATTITUDE_VERBS,
    QUOTE_NOUNS,
    agent_of,
    colon_before,
    governing_verbs,
    in_rejected_words,
    introduces_a_text,
    is_passive,
    is_speech_verb,
    said_by_a_noun,
    said_by_the_object,
    subject_token,
)

_NOT_DANGLING = {"pobj", "dobj", "poss", "nsubj", "nsubjpass", "compound", "iobj"}
_OWN_AGENT = ("acl", "pcomp", "relcl", "amod")  # a speech verb so attached speaks for a noun, not the clause's subject
_DANGLING_WINDOW = 20  # tokens between a subjectless speech verb and the person named before it


def _speaker_of_verb(
    verb: Token, people: People, previous: int | None, quoted: list[tuple[int, int]], depth: int = 0
) -> tuple[bool, Speaker | None]:
    """(whether this verb decides the speaker, the speaker): a verb whose subject the text gives decides,
    even when that subject names nobody ("they said"); a verb without one leaves the question to the next."""
    quoting = verb.head.head if verb.head.lower_ == "as" and verb.dep_ == "pcomp" else verb
    if quoting.lemma_.lower() == "quote":  # "Xinhua quoted the minister, Huang Ming, as saying"
        for child in quoting.children:
            if child.dep_ == "dobj" and not inside(child, quoted):
                return True, from_subject(child, people, previous, quoted)
    attitude = verb.lemma_.lower() in ATTITUDE_VERBS
    if (is_speech_verb(verb) or attitude) and is_passive(verb, quoted):  # "the album was described as “…”"
        agent = agent_of(verb)  # "said by X"; "he was asked “…?”" is someone else's question
        return True, (from_subject(agent, people, previous, quoted) if agent is not None else None)
    subject = subject_token(verb, quoted)
    if subject is not None:
        return True, from_subject(subject, people, previous, quoted)
    agent = agent_of(verb)
    if agent is not None:
        return True, from_subject(agent, people, previous, quoted)
    head = verb.head
    if verb.dep_ in ("advcl", "xcomp", "conj") and head != verb and depth < 3 and head.pos_ in ("VERB", "AUX"):
        decided, speaker = _speaker_of_verb(head, people, previous, quoted, depth + 1)  # "…, adding"
        if speaker is not None or (decided and is_speech_verb(head)):
            return decided, speaker
    dangling = _dangling_person(verb, quoted) or _person_after(verb, quoted)
    if dangling is not None:
        return True, named_speaker(dangling, people, "cue")
    if verb.dep_ == "acl" and head.pos_ == "NOUN" and can_speak(head) and head.dep_ in ("dobj", "pobj"):
        owner = head.head.head if head.dep_ == "pobj" else head.head  # "Mackler issued a statement saying “…”"
        if owner.pos_ in ("VERB", "AUX"):
            subject = subject_token(owner, quoted)
            if subject is not None:
                return True, from_subject(subject, people, previous, quoted)
    return False, None


def _person_after(verb: Token, quoted: list[tuple[int, int]]) -> Span | None:
    """A person named right after a subjectless speech verb: "…,” said Edward Leamer, an economist"."""
    doc = verb.doc
    for token in doc[verb.i + 1 : min(verb.i + 4, verb.sent.end)]:
        entity = entity_of(token)
        if entity is not None and entity.label_ == "PERSON" and not inside(token, quoted):
            return tidy_name(entity)
        if token.is_punct:
            break
    return None


def _dangling_person(verb: Token, quoted: list[tuple[int, int]]) -> Span | None:
    """A person named just before a speech verb that the parse left without a subject
    ("…, Michael Clarke, an expert at the college, told AFP"): not an object or a possessive."""
    sentence = verb.sent
    for ent in reversed([e for e in verb.doc.ents if sentence.start <= e.start and e.end <= verb.i]):
        if verb.i - ent.end > _DANGLING_WINDOW:
            break
        if ent.label_ == "PERSON" and not inside(ent[0], quoted) and _joined_to_another(ent.root):
            return None  # "He and Deyo went …, calling out", "hosts Joe Scarborough and Mika Brzezinski": not one alone
        if ent.label_ == "PERSON" and not inside(ent[0], quoted) and ent.root.dep_ not in _NOT_DANGLING:
            return tidy_name(ent)
    return None


def _joined_to_another(token: Token) -> bool:
    """A name coordinated with "and" to another person ("He and Deyo", "Joe Scarborough and Mika Brzezinski")."""
    head = token.head
    if token.dep_ != "conj" or not any(c.dep_ == "cc" and c.lower_ in ("and", "&") for c in head.children):
        return False
    return head.ent_type_ == "PERSON" or head.lower_ in ("he", "she")


def _according_to(tokens: list[Token], people: People, previous: int | None, quoted: list[tuple[int, int]]):
    for token in tokens:
        doc = token.doc
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            for obj in doc[token.i + 1].children:
                if obj.dep_ == "pobj":
                    return from_subject(obj, people, previous, quoted)
    return None


def _context(doc: Doc, start: int, end: int) -> list[Span]:
    """The sentences whose words may attribute the quote at [start, end)."""
    first = doc.char_span(start, end, alignment_mode="expand")
    if first is None or len(first) == 0:
        return []
    sentences = [first[0].sent]
    last = first[-1].sent
    if last != sentences[0]:
        sentences.append(last)
    if last.end < len(doc):
        following = doc[last.end].sent
        if len(following) <= 12 and "\n" not in doc.text[last.start_char : following.end_char].strip():
            sentences.append(following)
    if sentences[0].start > 0:
        before = doc[sentences[0].start - 1].sent
        if before.text.rstrip().endswith(":"):
            sentences.append(before)
    return sentences


def find_speaker(
    doc: Doc, start: int, end: int, quoted: list[tuple[int, int]], people: People, previous: int | None = None
) -> tuple[bool, Speaker | None]:
    """(whether the text around the quote at [start, end) attributes it, its speaker or None).

    An attribution that names nobody ("they said") decides too: (True, None). (False, None)
    leaves the quote to the quotes around it (a second quote after "Garcia said.").

    `quoted` holds every quoted span of the article: words inside any quote never attribute
    one ("militants have claimed allegiance" inside another quote does not make militants speak).
    `previous` is the person who spoke the last quote before this one, which a "he said" may continue.
    """
    spans = [(start, end), *quoted]
    sentences = _context(doc, start, end)
    outside = [t for s in sentences for t in s if not inside(t, spans) and not t.is_space]
    first = doc.char_span(start, end, alignment_mode="expand")
    if first is None:
        return False, None

    def distance(token: Token) -> int:
        return first.start - token.i if token.i < first.start else token.i - first.end

    verbs = [t for t in outside if is_speech_verb(t)]
    attitude = [t for t in outside if t.lemma_.lower() in ATTITUDE_VERBS and t.pos_ == "VERB"]
    colon = colon_before(doc, first)
    if colon is not None and introduces_a_text(doc[colon], spans):
        return True, None  # "the sentence, which appeared as follows: “…”" is a text, not anyone's speech
    decided, speaker = _possessor(first, people, spans)
    if decided:
        return True, speaker
    latter = _latter_speaking(first, outside, verbs)
    if latter is not None:  # "…, with the latter suggesting: “…”"
        return True, from_subject(latter, people, previous, spans)
    if in_rejected_words(first, quoted):
        return True, None  # "he brushed off Labour suggestions … “by the back door”": not his words
    governing = governing_verbs(first, verbs + attitude, quoted)
    decided, speaker = _from_governing(governing, people, previous, spans)
    if decided:
        return True, speaker
    speaker = _introduced(doc, first, people, previous, spans)
    if speaker is not None:
        return True, speaker
    if any(verb.pos_ == "VERB" and verb.dep_ in _OWN_AGENT and is_speech_verb(verb) for verb in governing):
        return True, None  # "a line telling taxpayers “…”": said by someone the text does not name
    nearby = sorted((v for v in verbs if v not in governing and not is_passive(v, spans)), key=distance)
    decided, speaker = _from_nearby(nearby, people, previous, spans)
    if decided:
        return True, speaker
    speaker = _according_to(outside, people, previous, spans)
    if speaker is not None:
        return True, speaker
    own = (first[0].sent, first[-1].sent)
    return any(v.pos_ == "VERB" and v.sent in own for v in verbs), None  # "after tweeting that “…”": someone


def _latter_speaking(quote: Span, outside: list[Token], verbs: list[Token]) -> Token | None:
    """The "latter" of "with the latter suggesting: “…”" in the quote's sentence, when its speech verb is the
    last one before the quote: "with the latter saying she would not run, while Mayor Bill Green told
    reporters: “…”" leaves the quote to the verbs nearer it (Green)."""
    found = [t for t in outside if t.i < quote.start and names_latter_or_former(t, speaking=True)]
    if not found or found[-1].sent != quote[0].sent:
        return None
    latter = found[-1]
    if any(latter.i + 1 < verb.i < quote.start for verb in verbs):
        return None
    return latter


def _from_governing(
    governing: list[Token], people: People, previous: int | None, quoted: list[tuple[int, int]]
) -> tuple[bool, Speaker | None]:
    """The speaker from the verbs above the quote in the parse, nearest first."""
    for position, verb in enumerate(governing):
        decided, speaker = _speaker_of_verb(verb, people, previous, quoted)
        if decided:
            if _reported_by_another(verb, speaker, governing[position + 1 :], people, previous, quoted):
                return True, None  # "Sanchez told the outlet that Reade said “…”": whose words? Nobody's for sure
            if _according_to_another(verb, speaker, people, previous, quoted):
                return True, None  # "According to Mr Peston the prime minister said: “…”"
            return True, speaker
        if said_by_the_object(verb) or said_by_a_noun(verb):
            return True, None  # "Clinton slammed Obama for suggesting “…”", "a line telling taxpayers “…”"
    return False, None


def _from_nearby(
    verbs: list[Token], people: People, previous: int | None, quoted: list[tuple[int, int]]
) -> tuple[bool, Speaker | None]:
    """The speaker from the nearest speech verb that does not govern the quote ("“…,” Garcia said.")."""
    for verb in verbs:
        if verb.pos_ == "NOUN":  # "Conway notes." parsed as a noun: the name before it speaks
            named = _name_before(verb)
            if named is not None:
                return True, named_speaker(named, people, "cue")
            continue
        decided, speaker = _speaker_of_verb(verb, people, previous, quoted)
        if decided:
            if _according_to_another(verb, speaker, people, previous, quoted):
                return True, None
            return True, speaker
    return False, None


def _according_to_another(
    verb: Token, speaker: Speaker | None, people: People, previous: int | None, quoted: list[tuple[int, int]]
) -> bool:
    """Whether the speech verb's own clause says that another named person recounts it: "According to
    Mr Peston the prime minister said: “…”" is Mr Peston's account of words said to him, not the prime
    minister's own for sure. A record or an outlet ("Barr said, according to Bloomberg", "according to
    the White House transcript") reports the words, not hearsay: the speaker stands."""
    if speaker is None:
        return False
    for child in verb.children:
        if child.lower_ != "according" or child.i + 1 >= len(child.doc) or child.doc[child.i + 1].lower_ != "to":
            continue
        account = next((o for o in child.doc[child.i + 1].children if o.dep_ == "pobj"), None)
        if account is None or inside(account, quoted):
            continue
        other = from_subject(account, people, previous, quoted)
        if other is not None and other.person is not None and not _same_speaker(speaker, other):
            return True
    return False


def _possessor(quote: Span, people: People, quoted: list[tuple[int, int]]) -> tuple[bool, Speaker | None]:
    """A quote used as a noun's modifier, between a possessive and a noun of speech: "Trump's “Look at
    my African American” line" is Trump's, whatever the verb of the sentence ("Scott defended"); decided
    as the possessor when it is a name, as nobody when it is not ("the show's “…” line")."""
    doc = quote.doc
    before, after = quote.start - 1, quote.end
    while before >= 0 and doc[before].text in "“\"'‘":
        before -= 1
    while after < len(doc) and doc[after].is_punct:
        after += 1
    if before < 1 or after >= len(doc) or doc[before].lower_ not in ("'s", "’s", "'", "’"):
        return False, None
    if doc[after].lemma_.lower() not in QUOTE_NOUNS:
        return False, None
    owner = doc[before - 1]
    if owner.pos_ != "PROPN" or inside(owner, quoted):
        return True, None
    first = owner.i
    while first > owner.sent.start and doc[first - 1].pos_ == "PROPN" and owner.i - first < 3:
        first -= 1
    return True, named_speaker(tidy_name(doc[first : owner.i + 1]), people, "cue")


def _reported_by_another(
    verb: Token,
    speaker: Speaker | None,
    farther: list[Token],
    people: People,
    previous: int | None,
    quoted: list[tuple[int, int]],
) -> bool:
    """Whether the speech at `verb` is itself reported by someone else: a speech verb above it in the
    parse (not one it is merely coordinated with) whose subject is another speaker, or nobody named."""
    for outer in farther:
        if not is_speech_verb(outer) or not _nested_in(verb, outer, quoted):
            continue
        decided, other = _speaker_of_verb(outer, people, previous, quoted)
        if decided and not _same_speaker(speaker, other):
            return True
    return False


def _nested_in(verb: Token, outer: Token, quoted: list[tuple[int, int]]) -> bool:
    """`outer` is above `verb` in the parse, with `verb` in what it reports: not coordinated with it or
    a clause of time or contrast ("even as Trump claimed …, a prosecutor said"), nor a relative clause
    about who speaks ("the man who said")."""
    if outer not in verb.ancestors or verb.dep_ in ("advcl", "conj"):
        return False
    if verb.dep_ == "relcl":
        subject = subject_token(verb, quoted)
        return subject is not None and subject.lower_ not in RELATIVE
    return True


def _same_speaker(first: Speaker | None, second: Speaker | None) -> bool:
    if first is None or second is None:
        return first is second
    if first.person is not None and second.person is not None:
        return first.person == second.person
    words = [[t.lower_ for t in s.span if t.is_alpha] for s in (first, second)]
    return bool(words[0] and words[1]) and words[0][-1] == words[1][-1]


def _name_before(token: Token) -> Span | None:
    if token.i == 0:
        return None
    entity = entity_of(token.doc[token.i - 1])
    return tidy_name(entity) if entity is not None and entity.label_ == "PERSON" else None


def _introduced(doc: Doc, quote: Span, people: People, previous: int | None, quoted: list[tuple[int, int]]):
    """A quote after a colon: "Trump issued the following statement:" or "Donald Trump: “…”"."""
    index = colon_before(doc, quote)
    if index is None:
        return None
    before = doc[index - 1]
    entity = entity_of(before)
    if entity is not None and entity.end == index and entity.label_ == "PERSON":
        return named_speaker(tidy_name(entity), people, "cue")
    root = before.sent.root
    subject = subject_token(root, quoted) if root.pos_ in ("VERB", "AUX") else None
    if subject is None:
        return None
    return from_subject(subject, people, previous, quoted)
