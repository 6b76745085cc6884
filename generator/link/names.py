"""Names as strings: cleaning, comparison keys, acronyms, and the parts of a person's name.

Two keys exist. `normalise` folds everything (case, accents, "the", possessives, dots):
pages use it to find the entity a keyword names. `name_key` is what linking compares:
the same, except that a one-word all-capitals acronym keeps its case, so "ISIS" (the
militants) and "Isis" (the goddess) are different names unless the alias file joins them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import gender_guesser.detector
from nameparser.config import CONSTANTS as NAME_CONSTANTS
from nicknames import NickNamer
from spacy.lang.en.stop_words import STOP_WORDS

CONNECTORS = frozenset({"of", "the", "and", "for", "de", "on", "in", "du", "des", "la", "le", "al"})
LEGAL_SUFFIXES = frozenset(
    {"inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "plc", "llc", "lp",
     "group", "holdings", "ag", "sa", "spa", "nv", "bv", "gmbh", "se", "kk"}
)  # fmt: skip
# nameparser's titles ("president", "senator", "dr", "gov", ...) lack a few abbreviations US news uses;
# its pronoun-like entries ("his", "us", "first") are not titles before a name.
_EXTRA_TITLES = {"sen", "sens", "reps", "govs", "amb", "atty", "supt", "messrs", "drs", "mme", "mmes"}
PERSON_TITLES = frozenset((set(NAME_CONSTANTS.titles) | _EXTRA_TITLES) - STOP_WORDS - {"st", "ste"})  # St. Louis
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "v", "junior", "senior"})
# Words that begin a surname ("de Blasio", "van Hollen", "bin Salman"): nameparser's prefixes, without
# those written joined to the name ("al-", "d'") and English words ("do").
SURNAME_PARTICLES = frozenset(p for p in NAME_CONSTANTS.prefixes if p.isalpha() and p.isascii()) - STOP_WORDS

_INVISIBLE = {"Cc", "Cf", "Co", "Cs", "Zl", "Zp"}  # controls, bidi overrides and other format marks, separators
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_POSSESSIVE = re.compile(r"\s*'\s*s?$")
_DOTTED = re.compile(r"\b(?:[A-Za-z]\.\s?){1,}[A-Za-z]\b\.?")  # U.S., U.S, U. S., D.C.
_HYPHENS = re.compile(r"(?<=\w)[-‐‑–](?=[a-z])")  # a name's lower-case part: not "Boeing-Air Force"
_NAME_WORD = re.compile(r"^[a-z][a-z'.]*(?:-[a-z][a-z'.]*)*$")  # "ocasio-cortez": a hyphenated surname
_EDGE_PUNCTUATION = " .,;:!?-'\"()[]{}"


@lru_cache(maxsize=200_000)
def clean_name(text: str) -> str:
    """A name as shown: NFC, control and bidi-override characters removed, white space folded to one space."""
    if text.isprintable() and "  " not in text and text == text.strip() and unicodedata.is_normalized("NFC", text):
        return text
    text = unicodedata.normalize("NFC", text)
    kept = "".join(
        " " if ch.isspace() else ch for ch in text if ch.isspace() or unicodedata.category(ch) not in _INVISIBLE
    )
    return " ".join(kept.split())


@lru_cache(maxsize=200_000)
def _fold(name: str) -> str:
    """Accents, apostrophes and white space folded; leading "the", a possessive and edge punctuation dropped."""
    text = unicodedata.normalize("NFKD", clean_name(name).translate(_APOSTROPHES))
    text = text.encode("ascii", "ignore").decode("ascii").strip()
    text = re.sub(r"^(?:the|The|THE)\s+", "", text)
    text = _POSSESSIVE.sub("", text)
    text = text.strip(_EDGE_PUNCTUATION.replace(".", "") + " ")
    text = re.sub(
        r"\b(?:[A-Za-z]\.\s?){1,}[A-Za-z]\b\.?", lambda m: re.sub(r"[.\s]", "", m.group()), text
    )  # U.S. -> US
    return " ".join(text.split()).strip(_EDGE_PUNCTUATION)


@lru_cache(maxsize=200_000)
def normalise(name: str) -> str:
    """Case-folded comparison key of a name: "the U.S.'s", "U.S" and "us" give the same key."""
    return _fold(name).lower()


@lru_cache(maxsize=200_000)
def name_key(name: str) -> str:
    """Linking key of a name: like `normalise`, but a one-word all-capitals acronym keeps its case ("ISIS")."""
    folded = _fold(name)
    if is_acronym(folded):
        return folded.replace(".", "")
    return " ".join(_HYPHENS.sub(" ", folded).lower().split())  # "Kim Jong-un" = "Kim Jong Un"


def is_acronym(form: str) -> bool:
    """One word of 2-6 capital letters, dots allowed: "US", "U.S.", "FBI", "NATO"."""
    letters = form.replace(".", "")
    return letters.isupper() and letters.isalpha() and 2 <= len(letters) <= 6


def key_is_acronym(key: str) -> bool:
    return key.isupper() and key.isalpha()


def initials(key: str) -> str:
    """The initials of a multi-word name, connectors skipped, upper case: "united states of america" -> "USA"."""
    words = [w for w in key.split() if w not in CONNECTORS and w[0].isalpha()]
    return "".join(w[0] for w in words).upper() if len(words) >= 2 else ""


@lru_cache(maxsize=200_000)
def strip_legal_suffix(key: str) -> str:
    words = [w.strip(".,") for w in key.split()]
    while len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
        words.pop()
    return " ".join(words)


@lru_cache(maxsize=200_000)
def has_legal_suffix(key: str) -> bool:
    return strip_legal_suffix(key) != " ".join(w.strip(".,") for w in key.split())


def is_title(word: str) -> bool:
    """A capitalised word of the title lists ("President", "Sen.", "Mr"); `titles.Titles` decides if it is one here."""
    bare = word.rstrip(".").lower()
    return bool(bare) and word[:1].isupper() and bare in PERSON_TITLES


def split_title(text: str) -> tuple[str, str]:
    """("President", "Donald Trump") from "President Donald Trump"; ("", text) when no title leads."""
    words = text.split()
    count = 0
    while count < len(words) - 1 and is_title(words[count]):
        count += 1
    return " ".join(words[:count]), " ".join(words[count:])


@dataclass(frozen=True)
class PersonName:
    """A person's name key in parts: given name, middle names or initials, surname, suffix ("jr")."""

    given: str
    middles: tuple[str, ...]
    surname: str
    suffix: str

    @property
    def short(self) -> str:
        """Given name and surname (and suffix): the form middle names and initials are compared by."""
        return " ".join(p for p in (self.given, self.surname, self.suffix) if p)


@lru_cache(maxsize=200_000)
def person_name(key: str) -> PersonName | None:
    """The parts of a lower-case full-name key of two or more words, or None for a one-word name."""
    words = [w.strip(".,") for w in key.split()]
    words = [w for w in words if w]
    if not all(_NAME_WORD.match(w) for w in words):
        return None  # "twitter @ joshuaklein", "pic.twitter.com/x": not a person's name
    suffix = ""
    if len(words) >= 2 and words[-1] in NAME_SUFFIXES:
        suffix = words.pop()
    if len(words) < 2 or is_particle_surname(" ".join(words)):
        return None
    first = len(words) - 1  # the surname's first word: the last, with the particles before it
    while first > 1 and words[first - 1] in SURNAME_PARTICLES:
        first -= 1
    return PersonName(words[0], tuple(words[1:first]), " ".join(words[first:]), suffix)


@lru_cache(maxsize=200_000)
def is_particle_surname(key: str) -> bool:
    """A surname that begins with a particle, alone: "de blasio" (not "van johnson": Van is a given name)."""
    words = key.split()
    return len(words) >= 2 and words[0] in SURNAME_PARTICLES and not known_given_name(words[0])


_NICKNAMES = NickNamer()


@lru_cache(maxsize=50_000)
def same_given_name(a: str, b: str) -> bool:
    """Given names of one person: equal, one a nickname of the other ("bill"/"william"), or an initial."""
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return b in _NICKNAMES.nicknames_of(a) | _NICKNAMES.canonicals_of(a)


def known_given_name(word: str) -> bool:
    """A given name of the `nicknames` data (English names and their nicknames)."""
    return bool(_NICKNAMES.nicknames_of(word) or _NICKNAMES.canonicals_of(word))


@lru_cache(maxsize=1)
def _given_names() -> gender_guesser.detector.Detector:
    return gender_guesser.detector.Detector(case_sensitive=False)


def given_name_sex(word: str) -> str:
    """ "m" or "f" when gender_guesser's name data gives the given name as male or female without doubt
    ("Bill", "Cherie"), else "" ("Pat", "Kim", "Hunter", names it lacks)."""
    return {"male": "m", "female": "f"}.get(_given_names().get_gender(word.capitalize()), "")


def middles_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Middle names or initials that do not contradict: one side may have none; "j" agrees with "john"."""
    if not a or not b:
        return True
    if len(a) != len(b):
        return False
    return all(x[0] == y[0] and (len(x) == 1 or len(y) == 1 or x == y) for x, y in zip(a, b, strict=True))


_NAME_PUNCTUATION = str.maketrans(dict.fromkeys(" .'’&-"))
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s[.,;:!?']")


def display_eligible(form: str, person: bool) -> bool:
    """A form fit to be an entity's display name: no possessive, no edge punctuation; a person's, no title."""
    if not form or clean_name(form) != form or not form[0].isalnum() or form[-1] in _EDGE_PUNCTUATION.replace(".", ""):
        return False
    if _POSSESSIVE.search(form.translate(_APOSTROPHES)):
        return False
    letters = form.translate(_NAME_PUNCTUATION)  # every character a letter, a digit or " .'’&-"
    if letters and not letters.isalnum():
        return False
    if _SPACE_BEFORE_PUNCTUATION.search(form) or form.endswith(" ."):
        return False
    return not (person and split_title(form)[0])


_LEADING_POSSESSIVE = re.compile(r"^['’]s\s+")
_QUOTE_MARKS = '"“”„«»'


def tidy_display(form: str) -> str:
    """A span cut at the wrong place, made presentable for an entity that has no clean form.

    A leading "’s " or "@" is dropped, an unclosed bracket and what follows it, unpaired quote
    marks: "’s Easter" -> "Easter", "Agency for Development (USAID" -> "Agency for Development".
    """
    text = _LEADING_POSSESSIVE.sub("", clean_name(form)).lstrip("@#")
    if text.count("(") > text.count(")"):
        text = text[: text.rindex("(")]
    if sum(text.count(q) for q in _QUOTE_MARKS) % 2:
        text = text.translate({ord(q): None for q in _QUOTE_MARKS})
    return " ".join(text.split()).strip(_EDGE_PUNCTUATION.replace(".", "") + " ") or form
