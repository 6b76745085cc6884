"""Persons' titles ("President", "Sen.", "Mr", "Dr."): which words are titles in this corpus, and what they say.

nameparser's list of titles is broad: beside "president" and "senator" it holds words
such as "united", "national", "rock" or "uk" that also begin names of companies, places
and people. So a word of that list counts as a title only when it is an honorific ("Mr",
"Ms", "Dr"), is written as an abbreviation with a dot ("Sen.", "Gov."), or is learned from
the corpus: it stands before or at the start of the names of at least two different
people, and most of the mentions it stands before are people's.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from nameparser.config import CONSTANTS as NAME_CONSTANTS

from generator.link.names import SURNAME_PARTICLES, name_key
from generator.link.names import is_title as listed

HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "prof"})
# Titles that say a person's sex: "Mrs Howard" in an article about Michael Howard is someone else.
_MALE = {"mr", "sir", "lord", "baron", "king", "prince", "duke", "earl", "count", "viscount", "marquess", "father"}
_FEMALE = {"mrs", "ms", "miss", "dame", "lady", "baroness", "queen", "princess", "duchess", "countess", "madam"}
_FEMALE |= {"mme", "mlle", "viscountess", "marchioness", "mother", "sister"}
FIRST_NAME_TITLES = frozenset(NAME_CONSTANTS.first_name_titles) - {"sir", "dame"}  # "Sir Elton John" is Elton John
_WORD_BEFORE = re.compile(r"([A-Z][A-Za-z]*)(\s?\.)?\s+$")
_LOWER_WORD_BEFORE = re.compile(r"(?:^|\s)([a-z]+)\s+$")
_PERSON_SHARE = 0.6


def bare(word: str) -> str:
    return word.rstrip(".").lower()


def title_gender(title: str) -> str:
    """ "m" or "f" when the title's words say so, else ""."""
    words = {bare(w) for w in title.split()}
    if words & _MALE and not words & _FEMALE:
        return "m"
    if words & _FEMALE and not words & _MALE:
        return "f"
    return ""


def is_first_name_title(word: str) -> bool:
    """A title used with a given name, as part of how the person is known ("Prince Charles", "Pope Francis")."""
    return bare(word) in FIRST_NAME_TITLES


def word_before(text: str, start: int) -> str:
    """The capitalised word just before offset `start` on its line, with its dot ("Sen.", tokenised "Gov ."),
    past a surname particle the model left out of the span ("Mrs." before "de Blasio")."""
    line = text[max(0, start - 30) : start].rsplit("\n", 1)[-1]
    if _cannot_precede(line):
        return ""
    particle = _LOWER_WORD_BEFORE.search(line)
    if particle and particle.group(1) in SURNAME_PARTICLES:  # "Mrs. de" before the model's span "Blasio"
        line = line[: particle.start(1)]
    match = _WORD_BEFORE.search(line)
    if not match:
        return ""
    return match.group(1) + ("." if match.group(2) else "")


def _cannot_precede(line: str) -> bool:
    """Whether no title word can end `line` (most mentions: after a lower-case word, a comma, a quote mark):
    both patterns of `word_before` need white space at the end, after a letter or a dot, and a run of
    lower-case letters there is a title only if it is a surname particle ("de") with a title before it.
    Checked with string methods so that the patterns run for the few mentions where they can match."""
    stripped = line.rstrip()
    if not stripped or len(stripped) == len(line):
        return True
    last = stripped[-1]
    if last == "." or "A" <= last <= "Z":
        return False
    if not "a" <= last <= "z":
        return True
    word = stripped.rsplit(None, 1)[-1]
    return word.isascii() and word.isalpha() and word.islower() and word not in SURNAME_PARTICLES


class Titles:
    """The title words of one corpus, learned from the mentions they stand before (see the module docstring)."""

    def __init__(self, samples: list[tuple[str, str, str]]) -> None:
        """`samples`: (title word, label of the mention it leads or precedes, that mention's name)."""
        labels: dict[str, Counter[bool]] = defaultdict(Counter)
        people: dict[str, set[str]] = defaultdict(set)
        for word, label, name in samples:
            labels[bare(word)][label == "PERSON"] += 1
            if label == "PERSON":
                people[bare(word)].add(name_key(name))
        self.learned = frozenset(
            word
            for word, counts in labels.items()
            if len(people[word]) >= 2 and counts[True] >= _PERSON_SHARE * sum(counts.values())
        )

    def is_title(self, word: str) -> bool:
        if not listed(word):
            return False
        return bare(word) in HONORIFICS or word.endswith(".") or bare(word) in self.learned

    def split(self, surface: str) -> tuple[str, str]:
        """("President", "Donald Trump") from "President Donald Trump"; ("", surface) when no title leads."""
        words = surface.split()
        count = 0
        while count < len(words) - 1 and self.is_title(words[count]):
            count += 1
        return " ".join(words[:count]), " ".join(words[count:])

    def strong(self, title: str) -> bool:
        """A title that marks a person even before a one-word name unknown elsewhere ("Mr Hewitt")."""
        return any(bare(w) in HONORIFICS or w.endswith(".") for w in title.split())
