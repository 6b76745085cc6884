"""Within-article coreference for speakers: "he said", "she added", "the senator said" → the person named.

No maintained coreference component installs offline here with its model (coreferee
fetches its English model from GitHub, fastcoref and spacy-experimental's coref from
the Hugging Face hub), so this is a small documented rule set over the spaCy parse:

- the people of an article are its PERSON names outside quotes; a one-word name ("Clarke")
  is the person whose full name, given earlier, holds it (the most recent such person);
- a person's gender is known only from the text: an honorific ("Mr.", "Ms."), a gendered
  role noun beside the name ("spokeswoman", "his wife" does not count), or the pronouns
  of the sentences that name that person alone (he/him/his against she/her), when one
  kind is at least twice the other;
- a person's roles are the titles before the name ("Sen.", "campaign manager", "Deputy Prime
  Minister") and appositions ("Mook, Clinton's campaign manager", "the spokesman, Jason Miller"),
  each kept as its whole phrase; abbreviated titles are spelled out as one office ("Lt. Gov." a
  lieutenant governor, "Sgt." a sergeant), also when the tagger split the full stop off or the
  sentence splitter ended a sentence there ("Bloomington Police Sgt." + "Marty Earley");
- a PERSON name the words around it make a thing is nobody: a ship's prefix ("INS Mysore"), a
  kind of thing before it ("Indian warship INS Mysore", "the racehorse Secretariat"), and the
  same words alone later ("Mysore"); so is a title cut at its full stop ("Police Sgt");
- "he"/"she" is read back sentence by sentence (its own first, three back at most): the
  first sentence whose subject is a person decides (a named person of compatible gender is
  the answer, the same pronoun again is resolved in turn, someone unnamed such as "the
  woman" leaves it open); a sentence without a person subject gives its only person, when
  the text made that person's gender known and it matches, or the previous quote's
  speaker; anything else is ambiguous, and then there is no speaker;
- "the senator" (a definite description) is the one person of the article holding that role: the
  same head noun and the same words that make another office ("the prime minister" is not the
  deputy prime minister, "the president" not the vice president nor a former one);
- a capitalised word that is not a name running into a PERSON mid-sentence ("Only Fools and Horses
  star …") makes that "name" a piece of a title: nobody.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from generator.analyse.titles import (
    FEMALE,
    MALE,
    VESSEL_PREFIXES,
    ends_in_an_abbreviation,
    in_a_title,
    names_a_thing,
    role_phrase,
    same_role,
    title_role,
    titles_before,
)
from generator.analyse.titles import HONORIFIC_GENDER as _HONORIFIC_GENDER
from generator.analyse.titles import TITLE_ROLE as _TITLE_ROLE
from generator.analyse.titles import word as _word

_PRONOUN_GENDER = {"he": MALE, "him": MALE, "his": MALE, "himself": MALE}
_PRONOUN_GENDER |= {"she": FEMALE, "her": FEMALE, "hers": FEMALE, "herself": FEMALE}
_ROLE_GENDER = {
    "spokesman": MALE, "spokeswoman": FEMALE, "congressman": MALE, "congresswoman": FEMALE,
    "chairman": MALE, "chairwoman": FEMALE, "businessman": MALE, "businesswoman": FEMALE,
    "actor": MALE, "actress": FEMALE, "councilman": MALE, "councilwoman": FEMALE,
    "assemblyman": MALE, "assemblywoman": FEMALE, "anchorman": MALE, "anchorwoman": FEMALE,
}  # fmt: skip
_PERSON_NOUNS = {
    "man", "woman", "person", "official", "spokesman", "spokeswoman", "aide", "adviser", "host", "voter",
    "supporter", "resident", "father", "mother", "son", "daughter", "wife", "husband", "friend", "candidate",
    "senator", "governor", "president", "mayor", "lawmaker", "congressman", "congresswoman", "leader", "chief",
    "director", "officer", "lawyer", "attorney", "expert", "analyst", "owner", "worker", "teacher", "student",
    "doctor", "nominee", "chairman", "chairwoman", "secretary", "minister", "judge", "veteran", "activist",
}  # fmt: skip
_BACK = 3  # sentences before the pronoun's own that may hold its antecedent


@dataclass
class Person:
    name: Span  # the fullest form the article gives
    gender: str | None = None
    roles: set[str] = field(default_factory=set)
    evidence: dict[str, int] = field(default_factory=lambda: {MALE: 0, FEMALE: 0})


@dataclass(frozen=True)
class PersonMention:
    span: Span
    person: int  # index into People.persons
    subject: bool  # the mention is (in) the subject of its clause


def _is_subject(span: Span) -> bool:
    token = span.root
    while token.dep_ in ("compound", "flat", "appos", "conj") and token.head != token:
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass")


def tidy_name(span: Span) -> Span:
    """A name without a leading "the" or a trailing possessive, and never across a comma ("Biden, Milano
    went on" names Milano)."""
    start, end = span.start, span.end
    doc = span.doc
    commas = [t.i for t in span if t.text == ","]
    if commas:
        root = span.root.i
        start = max([c + 1 for c in commas if c < root], default=start)
        end = min([c for c in commas if c > root], default=end)
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and doc[end - 1].tag_ == "POS" or (end > start and doc[end - 1].text in ("'s", "’s", "'", "’")):
        end -= 1
    return doc[start:end] if end > start else span


class People:
    """The named people of one article, with what the text says of their gender and roles."""

    def __init__(self, doc: Doc, quoted: list[tuple[int, int]]) -> None:
        self.doc = doc
        self.persons: list[Person] = []
        self.mentions: list[PersonMention] = []
        self._by_token: dict[int, int] = {}
        self.quoted = quoted
        self.things: list[set[str]] = []  # the words of names the text shows to be things (names_a_thing)
        for ent in doc.ents:
            if ent.label_ != "PERSON" or self._quoted(ent[0]):
                continue
            name = tidy_name(ent)
            if not any(t.is_alpha and t.text[:1].isupper() for t in name) or in_a_title(name):
                continue
            if ends_in_an_abbreviation(name):
                continue  # "Bloomington Police Sgt" of "… Sgt. Marty Earley": a title cut at its stop, not a person
            if names_a_thing(name) or self._a_thing_named(name):
                self.things.append({t.lower_ for t in name if t.is_alpha and t.text not in VESSEL_PREFIXES})
                continue  # "Indian warship INS Mysore", typed PERSON: no "he" stands for it
            index = self._person_for(name)
            self.mentions.append(PersonMention(name, index, _is_subject(name)))
            for token in name:
                self._by_token[token.i] = index
            self._read_roles(name, self.persons[index])
        self._read_pronoun_evidence()
        for person in self.persons:
            if person.gender is None:
                male, female = person.evidence[MALE], person.evidence[FEMALE]
                if male > 2 * female and male >= 1:
                    person.gender = MALE
                elif female > 2 * male and female >= 1:
                    person.gender = FEMALE

    def _a_thing_named(self, name: Span) -> bool:
        """An untitled word alone of a thing named before ("Mysore" after "INS Mysore"; not "Sen. John McCain")."""
        words = {t.lower_ for t in name if t.is_alpha}
        return len(words) == 1 and not titles_before(name) and any(words <= thing for thing in self.things)

    def _person_for(self, name: Span) -> int:
        words = [t.lower_ for t in name if t.is_alpha]
        for index in range(len(self.persons) - 1, -1, -1):
            known = [t.lower_ for t in self.persons[index].name if t.is_alpha]
            if words == known:
                return index
            if len(words) == 1 and words[0] in known:
                return index
            if len(known) == 1 and known[0] in words:
                self.persons[index].name = name  # the full name, given after the short one
                return index
        self.persons.append(Person(name))
        return len(self.persons) - 1

    def _read_roles(self, name: Span, person: Person) -> None:
        doc = self.doc
        before = doc[name.start - 1] if name.start > 0 else None
        abbreviated = titles_before(name)  # "Lt. Gov.", "Sgt" of "Police Sgt. Marty Earley" split at the stop
        for token in [*abbreviated, *([before] if before is not None else []), *name]:
            if _word(token) in _HONORIFIC_GENDER:
                person.gender = person.gender or _HONORIFIC_GENDER[_word(token)]
        office = title_role(abbreviated)
        if office is not None:
            person.roles.add(office)
        chained = {t.i for t in abbreviated}
        root = name.root
        titles = [t for t in root.lefts if t.i < name.start and t.pos_ in ("NOUN", "PROPN") and t.dep_ == "compound"]
        titles += [t for t in name if _word(t) in _TITLE_ROLE]
        if before is not None and _word(before) in _TITLE_ROLE:
            titles.append(before)
        titles = [t for t in titles if t.i not in chained]  # "Lt. Gov." is a lieutenant governor, not a governor
        described = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        if root.dep_ == "appos" and root.head.pos_ == "NOUN":
            described.append(root.head)
        for token in titles + described:
            role = _TITLE_ROLE.get(_word(token), token.lemma_.lower())
            person.roles.add(role_phrase(token, 0))
            if role in _ROLE_GENDER:
                person.gender = person.gender or _ROLE_GENDER[role]

    def _read_pronoun_evidence(self) -> None:
        """Gendered pronouns after a person who is a subject, outside quotes and the subject's own
        appositions ("Bedingfield, his deputy campaign manager, said" says nothing of Bedingfield):
        in a sentence naming that person alone, every such pronoun (and those of the next sentence
        when it names nobody); in a sentence naming others too, the first after its main subject
        ("Trump said his plan …"). A person named in passing ("criticism of Biden's record, so she
        explained") learns nothing: the pronoun is as likely someone else's."""
        sentences = list(self.doc.sents)
        named: list[set[int]] = [set() for _ in sentences]
        subjects: list[list[PersonMention]] = [[] for _ in sentences]
        starts = [s.start for s in sentences]
        for mention in self.mentions:
            n = bisect_right(starts, mention.span.start) - 1
            named[n].add(mention.person)
            if mention.subject:
                subjects[n].append(mention)
        for n, sentence in enumerate(sentences):
            if len(named[n]) == 1 and subjects[n]:
                subject_mention = subjects[n][0]
                scope = self._pronouns_after(subject_mention.span, sentence)
                if n + 1 < len(sentences) and not named[n + 1]:
                    scope += [t for t in sentences[n + 1] if _PRONOUN_GENDER.get(t.lower_) and not self._quoted(t)]
                self._count(subject_mention.person, scope)
                continue
            subject = next((t for t in sentence.root.children if t.dep_ == "nsubj"), None)
            main = next(
                (m for m in subjects[n] if subject is not None and m.span.start <= subject.i < m.span.end), None
            )
            if main is None:
                continue
            next_pronoun = self._pronouns_after(main.span, sentence)[:1]
            others = [m for m in self.mentions if m.person != main.person and main.span.end <= m.span.start]
            if next_pronoun and not any(
                m.span.start < next_pronoun[0].i for m in others
            ):  # not "X said Clinton … her husband"
                self._count(main.person, next_pronoun)

    def _pronouns_after(self, name: Span, sentence: Span) -> list[Token]:
        """Gendered pronouns of the sentence after the name, outside quotes and the name's appositions."""
        head = name.root
        while head.dep_ in ("compound", "flat") and head.head != head and head.head.i < name.end + 1:
            head = head.head
        skipped = {t.i for c in head.children if c.dep_ == "appos" for t in c.subtree}
        return [
            t
            for t in sentence
            if t.i >= name.end and t.i not in skipped and _PRONOUN_GENDER.get(t.lower_) and not self._quoted(t)
        ]

    def _count(self, person: int, pronouns: list[Token]) -> None:
        for token in pronouns:
            gender = _PRONOUN_GENDER.get(token.lower_)
            if gender and token.pos_ == "PRON":
                self.persons[person].evidence[gender] += 1

    def _quoted(self, token: Token) -> bool:
        return any(a <= token.idx < b for a, b in self.quoted)

    def _person_by_word(self, token: Token) -> int | None:
        """The one person of the article whose name holds this word ("Doe" for Jane Doe)."""
        found = {n for n, p in enumerate(self.persons) if token.lower_ in (t.lower_ for t in p.name)}
        return found.pop() if len(found) == 1 else None

    def _mention_of(self, person: int, at: int) -> PersonMention | None:
        """The person's mention holding token `at`, else (a surname the tagger missed there) the last before it."""
        holding = [m for m in self.mentions if m.person == person and m.span.start <= at < m.span.end]
        before = [m for m in self.mentions if m.person == person and m.span.end <= at]
        found = holding or before
        return found[-1] if found else None

    def person_at(self, span: Span) -> int | None:
        """The person a name in the text refers to (its tokens are one of our mentions)."""
        for token in span:
            if token.i in self._by_token:
                return self._by_token[token.i]
        return None

    def titled_name(self, span: Span) -> PersonMention | None:
        """A person the article named, written out in full at the end of these words after title words alone
        ("Host Jake Tapper" where the tagger spanned no name): that person, the name's words as the span.
        Not "a Jake Tapper aide", "the wife of Jake Tapper" nor "Ann Lee and Jake Tapper"."""
        words = [t for t in span if not t.is_punct]
        for size in range(len(words) - 1, 1, -1):
            name = words[-size:]
            found = [
                n
                for n, p in enumerate(self.persons)
                if [t.lower_ for t in p.name if t.is_alpha] == [t.lower_ for t in name]
            ]
            if len(found) == 1:
                before = words[:-size]
                if all(t.text[:1].isupper() and t.pos_ in ("PROPN", "NOUN") and t.tag_ != "POS" for t in before):
                    return PersonMention(self.doc[name[0].i : span.end], found[0], True)
                return None
        return None

    def resolve_pronoun(
        self, pronoun: Token, previous_speaker: int | None = None, depth: int = 0
    ) -> PersonMention | None:
        """The named person a he/she refers to, or None when the text leaves it open.

        Sentences are read back from the pronoun's own, three at most. The first one whose subject
        is a person decides: a compatible named person is the answer; the same pronoun again is
        resolved in turn ("He said … “…,” he added"); a person the text does not name ("the woman",
        a name the tagger missed) leaves it open. A sentence without such a subject gives its one
        person of the pronoun's gender, when the text made that gender known, or the previous speaker.
        """
        gender = _PRONOUN_GENDER.get(pronoun.lower_)
        if gender is None or depth > _BACK:
            return None
        window = pronoun.sent
        for _ in range(_BACK + 1):
            aside = window.text.lstrip().startswith("(") and window != pronoun.sent  # "(Marc Fisher produces her …)"
            decided, found = (
                (False, None) if aside else self._in_sentence(window, pronoun, gender, previous_speaker, depth)
            )
            if decided:
                return found
            if window.start == 0:
                return None
            window = self.doc[window.start - 1].sent
        return None

    def _in_sentence(
        self, sentence: Span, pronoun: Token, gender: str, previous: int | None, depth: int
    ) -> tuple[bool, PersonMention | None]:
        root_subject = next((t for t in sentence.root.children if t.dep_ in ("nsubj", "nsubjpass")), None)
        clause_subjects = [
            t
            for t in sentence
            if t.dep_ in ("nsubj", "nsubjpass") and t.i < pronoun.i and t != pronoun and not self._quoted(t)
        ]
        if root_subject in clause_subjects and root_subject is not None:
            if root_subject.lower_ == pronoun.lower_:
                return True, self.resolve_pronoun(root_subject, previous, depth + 1)
            decided, found = self._subject_person(root_subject, gender)
            if decided:
                return True, found
        same = [t for t in clause_subjects if t.lower_ == pronoun.lower_ and t.head.dep_ in ("ROOT", "conj")]
        if same:  # "…, and she doesn't think Clinton can …" before "she said": the she of that main clause
            return True, self.resolve_pronoun(same[-1], previous, depth + 1)
        for subject in clause_subjects:
            if subject == root_subject or subject.pos_ != "PROPN":
                continue
            clause = subject.head
            governed = clause.head == pronoun.head and clause.dep_ in ("ccomp", "conj", "parataxis")
            coordinated = clause.head == sentence.root and clause.dep_ in ("conj", "parataxis")
            if governed or coordinated:  # "Fallon fired back: “…,” he wrote"; "Smith arrived, and he said"
                _, found = self._subject_person(subject, gender)
                if found is not None and (governed or self.persons[found.person].gender == gender):
                    return True, found
        own = sentence.start <= pronoun.i < sentence.end  # there, only a subject: not "Asked about Clinton, she said"
        candidates = [
            m
            for m in self.mentions
            if sentence.start <= m.span.start < sentence.end
            and m.span.end <= pronoun.i
            and self.persons[m.person].gender in (gender, None)
            and (m.subject or not own)
        ]
        if not candidates:
            return False, None
        people = {m.person for m in candidates}
        known = {p for p in people if self.persons[p].gender == gender}
        if len(people) == 1 and known:
            return True, candidates[-1]
        if previous is not None and previous in people:
            return True, next(m for m in reversed(candidates) if m.person == previous)
        return True, None

    def _subject_person(self, subject: Token, gender: str) -> tuple[bool, PersonMention | None]:
        """A subject before the pronoun: the named person it is when compatible (decided); someone the
        text does not name, or a name the tagger missed, leaves the pronoun open (decided, None)."""
        person = self.person_at(self.doc[subject.i : subject.i + 1])
        if person is None and subject.pos_ == "PROPN":
            person = self._person_by_word(subject)
        if person is not None:
            if self.persons[person].gender in (gender, None):
                return True, self._mention_of(person, subject.i)
            return False, None
        if subject.pos_ == "PROPN" or (subject.pos_ == "NOUN" and subject.lemma_.lower() in _PERSON_NOUNS):
            return True, None
        return False, None

    def resolve_role(self, description: Span) -> PersonMention | None:
        """The one person of the article holding the role a definite description names ("the senator",
        "the President"): the article itself gave that person this role, not another office with the same
        head noun ("the prime minister" is not "Deputy Prime Minister John Prescott")."""
        head = description.root
        if not any(t.lower_ in ("the", "this") for t in description if t.i < head.i):
            if not (head.pos_ == "PROPN" and head.i > 0 and head.doc[head.i - 1].lower_ == "the"):
                return None
        if head.pos_ not in ("NOUN", "PROPN"):
            return None
        return self.holder_of(role_phrase(head, description.start), head.i)

    def holder_of(self, role: str, before: int) -> PersonMention | None:
        """The last mention, before token `before`, of the one person named with this role (same_role)."""
        holders = {
            m.person
            for m in self.mentions
            if any(same_role(role, known) for known in self.persons[m.person].roles) and m.span.end <= before
        }
        if len(holders) != 1:
            return None
        (person,) = holders
        return next(m for m in reversed(self.mentions) if m.person == person and m.span.end <= before)
