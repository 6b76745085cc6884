"""Keywords: the names, nouns and noun phrases an article keeps coming back to, as a person writes them.

Why this method: measured on 500N-KPCrowd (docs/BENCHMARKS.md), what people mark as an
article's keywords are mostly single names and nouns that the article repeats;
counting them beat YAKE's statistics alone (which also rank verbs, adjectives and
fragments). YAKE still has its say: among units used equally often (most units are used
once or twice), the one YAKE ranks higher comes first. Plain word counts would split
names and phrases, so the units are:

- names: spaCy entities of a naming type, without "the" or a possessive, cut where a line break,
  a comma or a spaced dash breaks them (`keyword_spans.name_pieces`); a lone first
  or last name of a person named in full in the article counts for the full name
  ("Geng" -> "Geng Shuang"; a person: tagged one most of the time, `_full_names`), and a
  title of several words the tagger misses on a repeat counts there too ("Hall of Fame");
- noun phrases: a noun with its adjective and noun modifiers ("foreign ministry"); a
  phrase said at least twice stands for its head noun when it accounts for at least
  half of the noun's uses, so "foreign ministry" replaces "ministry";
- nouns: every other common or proper noun, singular and plural as one, a hyphenated compound
  noun as one ("self-injury", not "self" and "injury"); a noun and its plural or agent form
  ("protest" and "protesters", one Snowball stem) are one unit, shown as the article writes
  it most, and the noun's own inflections as a verb or adjective, but a speech verb, count as
  uses ("the protest", "protested"), so a noun the article keeps coming back to in other words
  still counts, as does a verb for the noun of its own act ("elected" for "election": one stem,
  an "-ion" ending, a verb not among English's commonest); other words of the stem do not
  ("university" and "universe", "important" for "imports").

Dates, times, numbers and amounts are never keywords, nor a credit: wire, byline, staff, photo, copyright ("TOKYO
(Reuters) -", "By Mark Cina", "(Editing by ...)": `keyword_spans.credit_tokens`); titles ("Mr") are never part of a
name. Each unit scores by how often it occurs times its `specificity` (how rare its rarest
word is in English, from wordfreq's frequency lists), so "people", "time" or
"world" lead only an article that keeps coming back to them; a name of several words counts
`MULTI_WORD_NAME_WEIGHT` of its uses (readers mark names by their parts as often as whole); ties go
to YAKE's rank. A unit
that contains, or sits inside, one already kept is left out, so no keyword repeats another.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import yake
from spacy.tokens import Doc, Span, Token

from generator.analyse.keyword_spans import credit_tokens, hyphen_compounds, name_pieces, untagged_repeats
from generator.analyse.speech_verbs import is_speech_verb
from generator.analyse.word_families import POLYSEMOUS_ZIPF, act_noun, inflection_bases, joins, stem, zipf
from generator.model import Keyword

NAME_TYPES = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
_NOT_KEYWORD = {"DATE", "TIME", "ORDINAL", "CARDINAL", "PERCENT", "MONEY", "QUANTITY"}
_MODIFIER_POS = {"NOUN", "PROPN", "ADJ"}
_MODIFIER_DEPS = {"compound", "amod", "nmod"}
_POSSESSIVE = {"'s", "’s", "'", "’"}
_NOT_NAME_POS = {"ADV", "NUM", "DET", "PRON", "ADP", "CCONJ", "SCONJ", "PART", "AUX"}  # no piece of a name
PHRASE_MIN_COUNT = 2  # a noun phrase said once is not how the article names its subject
PHRASE_ABSORBS = 0.5  # share of a noun's uses a phrase must account for to stand for it
YAKE_CANDIDATES = 40  # how many of YAKE's best phrases break ties
HONORIFICS = {
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "dr",
    "dr.",
    "prof",
    "prof.",
    "sir",
    "dame",
    "miss",
    "mister",
    "madam",
}
COMMON_ZIPF = 6.5  # a word used this often in English (wordfreq's Zipf scale) says nothing of its own
COMMON_ADJECTIVE_ZIPF = 6.0  # an adjective this common ("new", "good", "other") opens no noun phrase
# A name of several words counts this share of its uses: people mark "Buble" or "Lopilato" more
# often than "Michael Buble" (500N-KPCrowd: a full name is a crowd key in 23 % of articles that
# use it, a single noun in our top 10 in 53 %); measured in docs/BENCHMARKS.md, "Keywords, second pass".
MULTI_WORD_NAME_WEIGHT = 0.7
_FAMILY_POS = {"VERB", "ADJ"}  # words whose uses count for a noun of their family


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


def fold_phrase(phrase: str) -> str:
    """Case-, possessive- and plural-insensitive key of a phrase: one key per keyword across articles."""
    return " ".join(_fold(word) for word in phrase.split())


@dataclass
class _Unit:
    """One candidate keyword and its occurrences in the article."""

    key: str
    kind: str  # "name", "phrase" or "noun"
    words: tuple[str, ...]
    forms: Counter[tuple[str, bool | None]] = field(default_factory=Counter)  # (text, at sentence start) -> count
    count: int = 0
    first: int = 1 << 30  # token index of the first occurrence
    proper: bool = True  # every occurrence tagged a proper noun (PROPN)

    def display(self) -> str:
        """The form the article writes, preferring one not capitalised only for starting a sentence."""
        inside = [(n, text) for (text, at_start), n in self.forms.items() if not at_start]
        pool = inside or [(n, text) for (text, _), n in self.forms.items()]
        text = max(pool)[1]  # a person named in full once and by surname after is shown as the article does
        if not inside and self.kind != "name" and not text.isupper():
            text = text[0].lower() + text[1:]
        return text


def _word_ok(token: Token) -> bool:
    return token.is_alpha and not token.is_stop and len(token.text) > 1


def _trim(tokens: list[Token]) -> list[Token]:
    """A name without a leading "the", title ("Mr"), or punctuation and without a trailing possessive."""
    while tokens and (
        tokens[0].pos_ in ("DET", "PUNCT") or tokens[0].text in _POSSESSIVE or _fold(tokens[0].text) in HONORIFICS
    ):
        tokens = tokens[1:]
    while tokens and (tokens[-1].pos_ == "PUNCT" or tokens[-1].text in _POSSESSIVE):
        tokens = tokens[:-1]
    return tokens


def _names(doc: Doc, max_words: int, credit: set[int]) -> list[list[Token]]:
    """Entity names of a naming type, trimmed, capitalised, at most max_words long."""
    names = []
    spans: list[list[Token]] = []
    for ent in doc.ents:  # adjacent names are one name: "Islamic" (NORP) + "State" (ORG)
        if ent.label_ not in NAME_TYPES:
            continue
        if spans and spans[-1][-1].i + 1 == ent.start and not spans[-1][-1].whitespace_ == "":
            spans[-1].extend(ent)
        else:
            spans.append(list(ent))
    for span in spans:
        pieces = name_pieces(span, credit)  # "Besides, Marsden" is two pieces, and "Besides" no name
        for piece in pieces:
            tokens = _trim(piece)
            if not tokens or len(tokens) > max_words or not any(t.is_alpha for t in tokens):
                continue
            if len(pieces) > 1 and all(t.pos_ in _NOT_NAME_POS for t in tokens):
                continue  # "Besides" of "Besides, Marsden", "One" of "LOS ANGELES - One"
            if tokens[0].text[:1].isupper() or tokens[0].text[:1].isdigit():
                names.append(tokens)
    return names


def _noun_phrase(chunk: Span, taken: set[int], max_words: int) -> list[Token] | None:
    """The head noun of a noun chunk with the modifiers before it ("foreign ministry"), if any; a leading adjective
    as common as `COMMON_ADJECTIVE_ZIPF` is left out ("new home secretary" is "home secretary")."""
    head = chunk.root
    if head.pos_ != "NOUN" or head.i in taken or not _word_ok(head):
        return None
    tokens = [head]
    for i in range(head.i - 1, chunk.start - 1, -1):
        token = chunk.doc[i]
        if len(tokens) == max_words or token.i in taken or token.pos_ not in _MODIFIER_POS:
            break
        if not _word_ok(token) or token.dep_ not in _MODIFIER_DEPS:
            break
        tokens.insert(0, token)
    while len(tokens) > 1 and tokens[0].pos_ == "ADJ" and zipf(tokens[0].lower_) >= COMMON_ADJECTIVE_ZIPF:
        tokens = tokens[1:]  # "new study" is a study
    return tokens if len(tokens) > 1 else None


def _units(doc: Doc, max_words: int) -> list[_Unit]:
    found: dict[str, _Unit] = {}

    def add(kind: str, tokens: list[Token], key: str) -> None:
        unit = found.get(key)
        if unit is None:
            unit = found[key] = _Unit(key, kind, tuple(key.split()))
        unit.count += 1
        unit.proper = unit.proper and all(t.pos_ == "PROPN" for t in tokens)
        text = doc[tokens[0].i : tokens[-1].i + 1].text
        unit.forms[(text, tokens[0].is_sent_start)] += 1
        unit.first = min(unit.first, tokens[0].i)

    taken = {t.i for ent in doc.ents if ent.label_ in _NOT_KEYWORD for t in ent} | credit_tokens(doc)
    names = [tokens for tokens in _names(doc, max_words, taken) if not any(t.i in taken for t in tokens)]
    full_name = _full_names(doc, names)
    for tokens in names:
        key = fold_phrase(doc[tokens[0].i : tokens[-1].i + 1].text)
        add("name", tokens, full_name.get(key, key) if len(tokens) == 1 else key)
        taken.update(t.i for t in tokens)
    for tokens in untagged_repeats(doc, names, taken):
        add("name", tokens, fold_phrase(doc[tokens[0].i : tokens[-1].i + 1].text))
        taken.update(t.i for t in tokens)
    for token in doc:
        if token.i not in taken and token.pos_ == "PROPN" and _fold(token.text) in full_name:
            add("name", [token], full_name[_fold(token.text)])
            taken.add(token.i)
    for tokens, noun in hyphen_compounds(doc, taken):
        if noun:
            add("noun", tokens, _fold(doc[tokens[0].i : tokens[-1].i + 1].text))
        taken.update(t.i for t in tokens)
    for chunk in doc.noun_chunks:
        phrase = _noun_phrase(chunk, taken, max_words)
        if phrase:
            add("phrase", phrase, fold_phrase(doc[phrase[0].i : phrase[-1].i + 1].text))
    for token in doc:
        if token.i not in taken and token.pos_ in ("NOUN", "PROPN") and _word_ok(token):
            add("noun", [token], _fold(token.lemma_ if token.pos_ == "NOUN" else token.text))
    return _word_families(doc, list(found.values()), taken)


def _full_names(doc: Doc, names: list[list[Token]]) -> dict[str, str]:
    """First or last name -> the full name of a person the article names in full.

    A name of several words is a person's when the tagger calls it one in most of its places: "Vodafone Essar",
    tagged a person once and a company once, is none ("Vodafone", "Essar" stay names of their own).
    """
    person: dict[str, Counter[bool]] = {}
    for tokens in names:
        if len(tokens) > 1:
            key = fold_phrase(doc[tokens[0].i : tokens[-1].i + 1].text)
            person.setdefault(key, Counter())[tokens[0].ent_type_ == "PERSON"] += 1
    full_name: dict[str, str] = {}
    for tokens in names:
        key = fold_phrase(doc[tokens[0].i : tokens[-1].i + 1].text)
        if len(tokens) > 1 and person[key][True] > person[key][False]:
            for part in (tokens[0], tokens[-1]):
                full_name.setdefault(_fold(part.text), key)
    return full_name


def _word_families(doc: Doc, units: list[_Unit], taken: set[int]) -> list[_Unit]:
    """Nouns of one word family made one unit, with the noun's own verb and adjective forms as uses.

    "protest", "protests", "protesters" and "protested" are one thing the article talks about. Two
    nouns join only when they share a Snowball (Porter2) stem and the longer is the shorter plus a
    plural or an agent ending (`word_families.AGENT_ENDINGS`; "protest" + "er"), the agent ending only when the
    article uses the shorter as a verb ("protested"): a shared stem alone joins unrelated words
    ("university" and "universe", "organ" and "organization", "custom" and "customer"). The nouns
    merge into the one used most (its form is shown). A verb or adjective counts as one use of a
    noun only when it is that noun inflected ("protested", "protesting" for "protest": its lemma, or
    `word_families.inflection_bases`, with the noun's stem) or is a verb rarer than `POLYSEMOUS_ZIPF` naming the
    noun's act (`word_families.act_noun`: "elected" for "election", at most the noun's own count), never another
    word of the stem ("important" is not "imports", the adjective "competitive" not "competition"), nor a speech
    verb ("reported": how news tells anything), nor part of a name or a date. Names, nouns only ever tagged proper
    nouns (a surname "Young" at a sentence's start) and words the article only ever capitalises are left alone.
    """
    verbs = {t.lemma_.lower() for t in doc if t.pos_ == "VERB"}
    members: dict[str, list[_Unit]] = {}  # Snowball stem -> its family leaders, most used first
    leader_of: dict[str, _Unit] = {}  # noun key -> the unit it merged into
    for unit in sorted(units, key=lambda u: (-u.count, u.first)):
        if unit.kind != "noun" or unit.proper or not any(text.islower() or at_start for text, at_start in unit.forms):
            continue  # a word only ever capitalised is a name's, or part of one ("International")
        leaders = members.setdefault(stem(unit.key), [])
        leader = next((lead for lead in leaders if joins(_keys_of(lead, leader_of), unit.key, verbs)), None)
        if leader is None:
            leaders.append(unit)
            leader_of[unit.key] = unit
            continue
        leader_of[unit.key] = leader
        leader.count += unit.count
        leader.forms.update(unit.forms)
        leader.first = min(leader.first, unit.first)
        unit.count = 0
    room = {id(unit): unit.count for unit in units}  # act verbs add at most the noun's own uses
    for token in doc:
        if token.i not in taken and token.pos_ in _FAMILY_POS and _word_ok(token) and not is_speech_verb(token):
            word, lemma = token.lower_, token.lemma_.lower()
            bases = [lemma] + (inflection_bases(word) if lemma == word else [])  # an adjective keeps -ed, -ing
            key = next((b for b in bases if b in leader_of and stem(b) == stem(word)), None)
            if key is not None:
                leader_of[key].count += 1
            elif token.pos_ == "VERB" and zipf(lemma) < POLYSEMOUS_ZIPF and (act := act_noun(lemma, word, leader_of)):
                leader = leader_of[act]
                if room[id(leader)] > 0:
                    room[id(leader)] -= 1
                    leader.count += 1
    return [unit for unit in units if unit.count]


def _keys_of(leader: _Unit, leader_of: dict[str, _Unit]) -> list[str]:
    """The noun keys merged into `leader` so far (its own among them)."""
    return [key for key, lead in leader_of.items() if lead is leader]


def _overlaps(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """True if one phrase is the other or sits inside it."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1))


YAKE_ENGINES = ("yake", "yake-rust")


def yake_ranks(
    doc: Doc, max_words: int, candidates: int = YAKE_CANDIDATES, engine: str = "yake-rust"
) -> dict[str, int]:
    """YAKE's rank of each phrase (folded) among its best `candidates`, on sentence-marked text.

    `engine` (option `yake_engine`): "yake", the Python package, or "yake-rust", bindings to its
    Rust port (several times faster; its phrases differ a little: docs/BENCHMARKS.md, "Build speed").
    """
    ranks: dict[str, int] = {}
    for rank, phrase in enumerate(_yake_extractor(engine, max_words, candidates)(sentence_marked_text(doc))):
        ranks.setdefault(fold_phrase(phrase), rank)
    return ranks


@lru_cache(maxsize=8)
def _yake_extractor(engine: str, max_words: int, candidates: int):  # noqa: ANN202 - text -> best phrases
    if engine == "yake-rust":
        import yake_rust

        rust = yake_rust.Yake(language="en", ngrams=max_words, deduplication_threshold=0.9)
        return lambda text: [phrase for phrase, _ in rust.get_n_best(text, n=candidates)]
    if engine != "yake":
        raise ValueError(f"unknown YAKE engine {engine!r}; choose from {list(YAKE_ENGINES)}")
    extractor = yake.KeywordExtractor(lan="en", n=max_words, top=candidates, dedupLim=0.9)
    return lambda text: [phrase for phrase, _ in extractor.extract_keywords(text)]


def extract_keywords(doc: Doc, top: int, max_words: int, yake_engine: str = "yake-rust") -> tuple[Keyword, ...]:
    """The `top` units the article uses most, best first; none contains another.

    Between units used equally often, YAKE decides: its statistics (position, spread,
    casing, context) rank the phrases that matter above the incidental ones.
    """
    units = _units(doc, max_words)
    ranks = yake_ranks(doc, max_words, engine=yake_engine)
    by_key = {unit.key: unit for unit in units}
    weight = {unit.key: float(unit.count) for unit in units}
    for unit in units:
        if unit.kind != "phrase":
            continue
        if unit.count < PHRASE_MIN_COUNT:
            weight[unit.key] = 0.0
            continue
        head = by_key.get(unit.words[-1])
        if head is not None and head.kind == "noun" and unit.count >= PHRASE_ABSORBS * head.count:
            weight[unit.key] = max(weight[unit.key], weight[head.key])
            weight[head.key] = 0.0
    for unit in units:
        weight[unit.key] *= specificity(unit.words)
        if unit.kind == "name" and len(unit.words) > 1:
            weight[unit.key] *= MULTI_WORD_NAME_WEIGHT
    ranked = sorted(
        (u for u in units if weight[u.key] > 0),
        key=lambda u: (-weight[u.key], ranks.get(u.key, YAKE_CANDIDATES), u.first),
    )
    kept: list[_Unit] = []
    for unit in ranked:
        if not any(_overlaps(unit.words, other.words) for other in kept):
            kept.append(unit)
            if len(kept) == top:
                break
    # Keyword.score keeps its meaning (lower is more relevant): one over the weighted number of uses.
    return tuple(Keyword(text=u.display(), score=round(1.0 / weight[u.key], 6)) for u in kept)


def specificity(words: tuple[str, ...]) -> float:
    """How much a unit's uses count, from how common its rarest word is in English at large.

    sqrt(COMMON_ZIPF - Zipf frequency), at least 0.2 (wordfreq): "people" (6.3), "time", "year",
    "world", "way" count a fraction of a use, "ministry" (4.6) or "Uighur" (2.3) more than one; so a
    generic word tops the list only when the article keeps coming back to it. A phrase is as
    specific as its rarest word ("world record", "East Turkestan"). A title ("Mr") never counts.
    """
    if len(words) == 1 and words[0] in HONORIFICS:
        return 0.0
    rarest = min(zipf(word) for word in words)
    return max(0.2, COMMON_ZIPF - rarest) ** 0.5


def sentence_marked_text(doc: Doc) -> str:
    """The text with every sentence ending in punctuation, one per line (for YAKE, in the benchmark).

    YAKE joins lines with spaces, so an unpunctuated headline or caption would run
    into the next sentence and YAKE would build phrases across the join.
    """
    lines = []
    for sentence in doc.sents:
        text = sentence.text.strip()
        if text:
            lines.append(text if text[-1] in ".!?\"'”’)" else text + ".")
    return "\n".join(lines)
