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
  "Sen. Warren"), else the description as written;
- anything else ("I", "we", "they", "it", a fragment, a word inside another quote): no speaker.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from generator.analyse.coreference import People, is_title_only, tidy_name

SPEECH_VERBS = {
    "say", "tell", "add", "warn", "explain", "state", "declare", "claim", "note", "write", "insist",
    "quote", "comment", "argue", "announce", "ask", "reply", "respond", "vow", "urge", "stress",
    "tweet", "post", "continue", "recall", "admit", "acknowledge", "concede", "predict", "suggest",
    "complain", "boast", "conclude", "joke", "quip", "shout", "yell", "scream", "exclaim", "chant",
    "remark", "observe", "assert", "contend", "maintain", "testify", "told", "answer", "counter",
    "retort", "caution", "promise", "pledge", "demand", "plead", "whisper",
    "mutter", "lament", "muse", "emphasize", "emphasise", "report", "confirm", "deny",
    "wonder", "blast", "slam", "allege", "thunder", "proclaim",
}  # fmt: skip
ATTITUDE_VERBS = {
    "call", "describe", "praise", "bemoan", "label", "dub", "brand", "deride", "decry", "denounce", "criticize",
    "criticise", "applaud", "hail", "tout", "welcome", "mock", "dismiss", "characterize", "liken", "term",
    "question", "reject", "defend", "thank", "react", "accuse", "blame", "support", "oppose", "insist", "recount",
    "lambast", "condemn", "ridicule", "attack", "hit", "fire", "push", "cite", "refer", "promise", "pledge",
}  # fmt: skip
"""Verbs whose subject speaks the quote they govern ("Bolton called it “disrespectful to the men and
women who are in harm's way”"); never taken from a distance, as speech verbs are."""
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
_SPEAKER_SUFFIXES = ("er", "or", "ist", "ian", "man", "woman", "person", "ant", "ee")
_NO_SPEAKER_PRONOUNS = {"i", "we", "you", "they", "it", "this", "that", "these", "those", "one", "me", "us", "them"}
_RELATIVE = {"who", "that", "which", "whom"}
_MAX_DESCRIPTION = 10  # tokens
_NOT_DANGLING = {"pobj", "dobj", "poss", "nsubj", "nsubjpass", "compound", "iobj"}
_DANGLING_WINDOW = 20  # tokens between a subjectless speech verb and the person named before it


@dataclass(frozen=True)
class Speaker:
    """The speaker of a quote: the name (or description, as written) and how it was found."""

    span: Span  # the words that name the speaker
    kind: str  # "name" or "description"
    via: str  # "cue", "according-to", "pronoun", "role", "relative", "continued"
    reference: str | None = None  # the words at the speech verb when they differ ("he", "the senator", "who")
    person: int | None = None  # index into the article's People, for "he said" after this quote


def _inside(token: Token, quoted: list[tuple[int, int]]) -> bool:
    return any(a <= token.idx < b for a, b in quoted)


def _entity_of(token: Token) -> Span | None:
    ent_iob = token.ent_iob_
    if ent_iob in ("B", "I") and token.ent_type_ in NAME_LABELS:
        for ent in token.doc.ents:
            if ent.start <= token.i < ent.end:
                return ent
    return None


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
    if any(t.pos_ in ("VERB", "AUX") or t.lower_ in _RELATIVE for t in span if t.i != head.i):
        return doc[head.i : head.i + 1] if head.i >= left else None
    return span


def _from_subject(token: Token, people: People, previous: int | None, quoted: list[tuple[int, int]]) -> Speaker | None:
    """What a speech verb's subject (or the object of "according to") says about the speaker."""
    if _inside(token, quoted):
        return None
    person = _person_in_phrase(token, quoted)
    if person is not None:
        return _named(tidy_name(person), people, "cue")
    entity = _entity_of(token)
    if entity is not None:
        return _named(tidy_name(entity), people, "cue")
    lower = token.lower_
    if token.pos_ == "PRON" or lower in _NO_SPEAKER_PRONOUNS | _RELATIVE | {"he", "she"}:
        if lower in ("he", "she"):
            mention = people.resolve_pronoun(token, previous)
            if mention is None:
                return None
            return Speaker(mention.span, "name", "pronoun", token.text, mention.person)
        if lower in _RELATIVE and token.head.dep_ == "relcl" and token.head.head.pos_ in ("NOUN", "PROPN"):
            found = _from_subject(token.head.head, people, previous, quoted)
            if found is not None:
                return Speaker(found.span, found.kind, "relative", token.text, found.person)
        return None
    if token.pos_ == "PROPN" and token.text[:1].isupper():
        return _named(_proper_name(token), people, "cue")
    if token.pos_ == "NOUN":
        description = _description(token)
        if description is None or not can_speak(token):
            return None
        resolved = people.resolve_role(description)
        if resolved is not None:
            return Speaker(resolved.span, "name", "role", description.text, resolved.person)
        return Speaker(description, "description", "cue")
    return None


def can_speak(head: Token) -> bool:
    """Whether a description's head noun can name a speaker: a person, a body of people or a document
    ("an aide", "the committee", "the statement"), not "the promise" or "the footage"."""
    lemma = head.lemma_.lower()
    return lemma in SPEAKER_NOUNS or lemma.endswith(_SPEAKER_SUFFIXES)


def _person_in_phrase(token: Token, quoted: list[tuple[int, int]]) -> Span | None:
    """A person named in the subject's own noun phrase: the word itself, a title's name ("spokesman
    Navy Capt. Jeff Davis") or an apposition ("the shadow secretary, Theresa May")."""
    kinds = ("appos", "compound") if token.pos_ == "PROPN" else ("appos",)  # "one Uighur militant" is a militant
    candidates = [token] + [c for c in token.children if c.dep_ in kinds and not _inside(c, quoted)]
    for candidate in candidates:
        entity = _entity_of(candidate)
        if entity is not None and entity.label_ == "PERSON":
            return entity
    return None


def _is_name(span: Span) -> bool:
    return span[-1].is_alpha and any(t.is_alpha and t.text[:1].isupper() for t in span)


def _named(span: Span, people: People, via: str) -> Speaker | None:
    """A name as the speaker; None for words the tagger took for a name that are not one ("Air Force 1st");
    a title alone ("the President said") is the person the article gave that title, else a description."""
    if not _is_name(span):
        return None
    if is_title_only(span):
        holder = people.resolve_role(span)
        if holder is not None:
            return Speaker(holder.span, "name", "role", span.text, holder.person)
        return Speaker(span, "description", via)
    return Speaker(span, "name", via, None, people.person_at(span))


def _subject_token(verb: Token, quoted: list[tuple[int, int]]) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and not _inside(child, quoted):
            return child
    return None


def _speaker_of_verb(
    verb: Token, people: People, previous: int | None, quoted: list[tuple[int, int]], depth: int = 0
) -> tuple[bool, Speaker | None]:
    """(whether this verb decides the speaker, the speaker): a verb whose subject the text gives decides,
    even when that subject names nobody ("they said"); a verb without one leaves the question to the next."""
    quoting = verb.head.head if verb.head.lower_ == "as" and verb.dep_ == "pcomp" else verb
    if quoting.lemma_.lower() == "quote":  # "Xinhua quoted the minister, Huang Ming, as saying"
        for child in quoting.children:
            if child.dep_ == "dobj" and not _inside(child, quoted):
                return True, _from_subject(child, people, previous, quoted)
    subject = _subject_token(verb, quoted)
    if subject is not None:
        return True, _from_subject(subject, people, previous, quoted)
    for child in verb.children:  # "said by X" in a passive
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return True, _from_subject(obj, people, previous, quoted)
    head = verb.head
    if verb.dep_ in ("advcl", "xcomp", "conj") and head != verb and depth < 3 and head.pos_ in ("VERB", "AUX"):
        decided, speaker = _speaker_of_verb(head, people, previous, quoted, depth + 1)  # "…, adding"
        if speaker is not None or (decided and _is_speech_verb(head)):
            return decided, speaker
    dangling = _dangling_person(verb, quoted) or _person_after(verb, quoted)
    if dangling is not None:
        return True, _named(dangling, people, "cue")
    return False, None


def _person_after(verb: Token, quoted: list[tuple[int, int]]) -> Span | None:
    """A person named right after a subjectless speech verb: "…,” said Edward Leamer, an economist"."""
    doc = verb.doc
    for token in doc[verb.i + 1 : min(verb.i + 4, verb.sent.end)]:
        entity = _entity_of(token)
        if entity is not None and entity.label_ == "PERSON" and not _inside(token, quoted):
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
        if ent.label_ == "PERSON" and not _inside(ent[0], quoted) and ent.root.dep_ not in _NOT_DANGLING:
            return tidy_name(ent)
    return None


def _according_to(tokens: list[Token], people: People, previous: int | None, quoted: list[tuple[int, int]]):
    for token in tokens:
        doc = token.doc
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            for obj in doc[token.i + 1].children:
                if obj.dep_ == "pobj":
                    return _from_subject(obj, people, previous, quoted)
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
    outside = [t for s in sentences for t in s if not _inside(t, spans) and not t.is_space]
    first = doc.char_span(start, end, alignment_mode="expand")
    if first is None:
        return False, None

    def distance(token: Token) -> int:
        return first.start - token.i if token.i < first.start else token.i - first.end

    verbs = [t for t in outside if _is_speech_verb(t)]
    attitude = [t for t in outside if t.lemma_.lower() in ATTITUDE_VERBS and t.pos_ == "VERB"]
    governing = _governing(first, verbs + attitude)
    for verb in governing:
        decided, speaker = _speaker_of_verb(verb, people, previous, spans)
        if decided:
            return True, speaker
    speaker = _introduced(doc, first, people, previous, spans)
    if speaker is not None:
        return True, speaker
    for verb in sorted((v for v in verbs if v not in governing), key=distance):
        if verb.pos_ == "NOUN":  # "Conway notes." parsed as a noun: the name before it speaks
            named = _name_before(verb)
            if named is not None:
                return True, _named(named, people, "cue")
            continue
        decided, speaker = _speaker_of_verb(verb, people, previous, spans)
        if decided:
            return True, speaker
    speaker = _according_to(outside, people, previous, spans)
    return speaker is not None, speaker


def _is_speech_verb(token: Token) -> bool:
    """A speech verb, also when the tagger took it for a noun ("Conway notes.") or a name ("Tweeted")."""
    if token.pos_ in ("VERB", "AUX"):
        return token.lemma_.lower() in SPEECH_VERBS
    lower = token.lower_
    if token.pos_ == "PROPN" and lower.endswith("ed"):
        return lower[:-2] in SPEECH_VERBS or lower[:-1] in SPEECH_VERBS
    return token.pos_ == "NOUN" and token.tag_ == "NNS" and lower.endswith("s") and lower[:-1] in SPEECH_VERBS


def _name_before(token: Token) -> Span | None:
    if token.i == 0:
        return None
    entity = _entity_of(token.doc[token.i - 1])
    return tidy_name(entity) if entity is not None and entity.label_ == "PERSON" else None


def _governing(quote: Span, verbs: list[Token]) -> list[Token]:
    """The speech verbs above the quote in the parse ("Trump told Newsmax that Romney “had…”" is Trump's,
    not Romney's), nearest first."""
    candidates = set(verbs)
    found: list[Token] = []
    for token in quote:
        if quote.start <= token.head.i < quote.end and token.head != token:
            continue
        for ancestor in token.ancestors:
            if ancestor in candidates and ancestor not in found:
                found.append(ancestor)
    return found


def _introduced(doc: Doc, quote: Span, people: People, previous: int | None, quoted: list[tuple[int, int]]):
    """A quote after a colon: "Trump issued the following statement:" or "Donald Trump: “…”"."""
    index = quote.start - 1
    while index >= 0 and (doc[index].is_space or doc[index].text in "“\"'"):
        index -= 1
    if index < 0 or doc[index].text != ":":
        return None
    before = doc[index - 1] if index > 0 else None
    if before is None:
        return None
    entity = _entity_of(before)
    if entity is not None and entity.end == index and entity.label_ == "PERSON":
        return _named(tidy_name(entity), people, "cue")
    root = before.sent.root
    subject = _subject_token(root, quoted) if root.pos_ in ("VERB", "AUX") else None
    if subject is None:
        return None
    return _from_subject(subject, people, previous, quoted)
