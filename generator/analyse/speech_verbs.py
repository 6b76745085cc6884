"""Speech verbs and the parse around a quote: which verbs speak, which govern the quote, and which
constructions make a clause's subject not the speaker (a passive, "slammed Obama for suggesting",
"a line telling taxpayers", a text introduced by "read as follows:").

speakers.py decides the speaker from these; speaker_names.py reads the subject it finds.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from generator.analyse.speaker_words import RELATIVE, can_speak, entity_of, inside

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
    "lambast", "condemn", "ridicule", "attack", "hit", "fire", "shoot", "push", "cite", "refer", "promise", "pledge",
}  # fmt: skip
"""Verbs whose subject speaks the quote they govern ("Bolton called it “disrespectful to the men and
women who are in harm's way”"); never taken from a distance, as speech verbs are."""


TEXT_VERBS = SPEECH_VERBS | {"read", "appear", "follow", "run", "go"}
"""Verbs that give a text's wording ("the sign read:", "the sentence, which appeared as follows:")."""


QUOTE_NOUNS = {
    "line", "remark", "comment", "claim", "statement", "quote", "quip", "joke", "promise", "pledge", "tweet",
    "question", "answer", "response", "retort", "slogan", "phrase", "refrain", "mantra", "boast", "warning",
    "vow", "declaration", "assertion", "suggestion", "complaint", "insult", "jab", "rant", "speech", "words",
}  # fmt: skip
"""Nouns a quote can modify as someone's words ("Trump's “…” line", "Obama's “…” remark")."""


DISMISSING_VERBS = {
    "dismiss", "reject", "deny", "refute", "rebuff", "rebut", "repudiate", "disown", "ridicule", "mock",
    "deride", "scorn", "counter", "contest", "dispute", "challenge", "brush", "shrug", "laugh", "wave", "scoff",
}  # fmt: skip
"""Verbs whose object is someone else's words, rejected: "he brushed off Labour suggestions a vote for his
party would mean letting the Tories in “by the back door”" is Labour's phrase, not his."""


WORDS_NOUNS = QUOTE_NOUNS | {
    "suggestion", "allegation", "accusation", "charge", "claim", "report", "rumour", "rumor", "idea", "notion",
    "criticism", "speculation", "talk", "fear", "concern", "argument", "assertion", "contention", "view",
    "characterisation", "characterization", "description", "label", "portrayal", "theory", "attack", "jibe",
    "taunt", "demand", "call", "plea", "proposal", "advice", "prediction", "forecast", "story", "account",
}  # fmt: skip
"""Nouns of what someone said or holds ("Labour suggestions", "claims that …")."""


PHRASAL_SPEECH_VERBS = {"point": "out", "spell": "out", "cry": "out", "speak": "out"}  # verb -> its particle


def is_speech_verb(token: Token) -> bool:
    """A speech verb, also when the tagger took it for a noun ("Conway notes.") or a name ("Tweeted"),
    or with its particle ("pointed out that …")."""
    if token.pos_ in ("VERB", "AUX"):
        lemma = token.lemma_.lower()
        if lemma in PHRASAL_SPEECH_VERBS:
            return any(c.dep_ == "prt" and c.lower_ == PHRASAL_SPEECH_VERBS[lemma] for c in token.children)
        return lemma in SPEECH_VERBS
    lower = token.lower_
    if token.pos_ == "PROPN" and lower.endswith("ed"):
        return lower[:-2] in SPEECH_VERBS or lower[:-1] in SPEECH_VERBS
    return token.pos_ == "NOUN" and token.tag_ == "NNS" and lower.endswith("s") and lower[:-1] in SPEECH_VERBS


def subject_token(verb: Token, quoted: list[tuple[int, int]]) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and not inside(child, quoted):
            return child
    return None


def agent_of(verb: Token) -> Token | None:
    """The "by X" of a passive verb."""
    for child in verb.children:
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def is_passive(verb: Token, quoted: list[tuple[int, int]]) -> bool:
    """A speech verb in the passive ("was asked", "was claimed by"): its subject is what is said or who
    is spoken to, never the speaker; "was quoted" is the exception (the one quoted speaks)."""
    subject = subject_token(verb, quoted)
    return subject is not None and subject.dep_ == "nsubjpass" and verb.lemma_.lower() != "quote"


def said_by_the_object(verb: Token) -> bool:
    """A gerund after "for" whose clause has an object: "slammed Obama for suggesting" is Obama speaking."""
    if verb.dep_ != "pcomp" or verb.head.lower_ != "for" or verb.head.head == verb.head:
        return False
    return any(child.dep_ == "dobj" for child in verb.head.head.children)


def said_by_a_noun(verb: Token) -> bool:
    """A speech verb hanging from a noun ("a line telling taxpayers", "a sign reading"): the noun's words,
    not those of the clause around it ("Olson said the IRS refused a line telling taxpayers “…”")."""
    if verb.pos_ != "VERB" or not is_speech_verb(verb) or verb.dep_ not in ("acl", "relcl", "amod"):
        return False
    return verb.i == 0 or verb.doc[verb.i - 1].text != ","  # "rejected the notion, saying “…”" is the subject's


def _own_clause(conj: Token, verbs: set[Token], quoted: list[tuple[int, int]]) -> bool:
    """A clause with its own subject coordinated with a speech verb or with the words of another quote
    ("she said “…”, and Baker shot back"), not one inside what a speaker reports ("X says that A …, but B …")."""
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children) or inside(conj, quoted):
        return False
    return conj.head in verbs or inside(conj.head, quoted)


def governing_verbs(quote: Span, verbs: list[Token], quoted: list[tuple[int, int]]) -> list[Token]:
    """The speech verbs above the quote in the parse ("Trump told Newsmax that Romney “had…”" is Trump's,
    not Romney's), nearest first; not above a coordinated clause with a subject of its own ("Doe said …,
    and Baker shot back, “…”" is not Doe's)."""
    candidates = set(verbs)
    found: list[Token] = []
    for token in quote:
        if (quote.start <= token.head.i < quote.end and token.head != token) or token.is_punct:
            continue  # a closing stop hangs from the sentence's root, wherever the words do
        for ancestor in token.ancestors:
            if ancestor in candidates and ancestor not in found:
                found.append(ancestor)
            elif ancestor.dep_ == "conj" and _own_clause(ancestor, candidates, quoted):
                break
    return found


def colon_before(doc: Doc, quote: Span) -> int | None:
    """The index of a colon right before the quote's opening mark, if there is one."""
    index = quote.start - 1
    while index >= 0 and (doc[index].is_space or doc[index].text in "“\"'"):
        index -= 1
    return index if index > 0 and doc[index].text == ":" else None


def introduces_a_text(colon: Token, quoted: list[tuple[int, int]]) -> bool:
    """Whether the clause ending at the colon is about a text rather than someone speaking: its verb (the
    main one or a relative clause's) has a subject that cannot speak ("The sentence read:", "the passage,
    which appeared as follows:")."""
    sentence = colon.sent
    verb = next(
        (
            t
            for t in reversed(sentence[: colon.i - sentence.start])
            if t.pos_ in ("VERB", "AUX") and not inside(t, quoted)
        ),
        None,
    )
    wording = verb.lemma_ if verb is not None else ""  # "as follows", "reads"
    for _ in range(3):
        if verb is None or subject_token(verb, quoted) is not None or verb.dep_ not in ("advcl", "xcomp"):
            break
        verb = verb.head
    if verb is None or verb.dep_ not in ("ROOT", "relcl") or not ({verb.lemma_, wording} & TEXT_VERBS):
        return False
    if any(e.label_ == "PERSON" and verb.i < e.start < colon.i for e in sentence.ents):
        return False  # "… doesn't surprise pollster Daron Shaw:" introduces Shaw
    subject = subject_token(verb, quoted)
    if subject is None:
        return False
    if subject.lower_ in RELATIVE and verb.dep_ == "relcl":
        subject = verb.head
    if subject.pos_ != "NOUN" or entity_of(subject) is not None:
        return False
    return not can_speak(subject)


def in_rejected_words(quote: Span, quoted: list[tuple[int, int]]) -> bool:
    """Whether the quote is in the words a dismissing verb's subject rejects, not the subject's own: after
    the verb's object when that object is what someone said ("dismissed claims that he was “out of
    touch”", "brushed off Labour suggestions … “by the back door”"). Never through "as" ("dismissed the
    report as “fake news”" is the subject's words) or past a speech verb nearer the quote ("…, saying “…”")."""
    for token in quote:
        if (quote.start <= token.head.i < quote.end and token.head != token) or token.is_punct:
            continue
        below = token
        for verb in token.ancestors:
            dismissing = verb.pos_ == "VERB" and verb.lemma_.lower() in DISMISSING_VERBS and not inside(verb, quoted)
            if dismissing:
                if below.lower_ != "as" and any(w.i < quote.start for w in _rejected_object(verb)):
                    return True
                break
            if is_speech_verb(verb):
                break
            below = verb
    return False


def _rejected_object(verb: Token) -> list[Token]:
    """The verb's object when it is someone's words: "claims", "Labour suggestions", "at the idea"."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [
        o for c in verb.children if c.dep_ == "prep" and c.lower_ != "as" for o in c.children if o.dep_ == "pobj"
    ]
    return [o for o in objects if o.pos_ == "NOUN" and o.lemma_.lower() in WORDS_NOUNS]
