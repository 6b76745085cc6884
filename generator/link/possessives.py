"""Possessive spans: the model's "Joe Biden's Wikipedia" names Wikipedia, not a person of its own."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import replace

from generator.link.mention_table import Entry
from generator.link.names import clean_name, name_key

_PLACE_LABELS = frozenset({"GPE", "LOC", "NORP"})
_POSSESSOR = re.compile(r"['’]s\s+(?=\S)")  # "Joe Biden's Wikipedia": a possessive with words after it


def read_possessed(entries: list[Entry]) -> None:
    """A model's span "X's Y" names Y, the thing X has, when Y is a name of the corpus: "Joe Biden's Wikipedia"
    (typed PERSON, of "Joe Biden's Wikipedia page") is Wikipedia, "Soros's Open Society Foundations" the
    foundations, "Johnson's Conservative Party" the party, not a person or organisation of their own beside them.
    Read so when X and Y are each written on their own at least twice, Y more often than "X's Y" ("the sheriff's
    office" and "People's Bank of China" are one name: no "sheriff", no "People") and X is no place ("Wisconsin's
    Supreme Court" is not the Supreme Court of the corpus); the mention is cut to Y and takes the type Y has most.
    A possessed name the corpus does not know ("Trump's 2020") is left as it is.
    """
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for entry in entries:
        votes[entry.key][entry.label] += 1
    for entry in entries:
        text = entry.mention.text
        possessive = _POSSESSOR.search(text)
        if not possessive:
            continue
        possessed = text[possessive.end() :]
        surface = clean_name(possessed)
        key = name_key(surface)
        known, owner = votes.get(key), votes.get(name_key(clean_name(text[: possessive.start()])))
        if not key or known is None or known.total() < 2 or known.total() <= votes[entry.key].total():
            continue
        if owner is None or owner.total() < 2:
            continue  # "the sheriff's office", "People's Bank of China": no name owns it, the words are one name
        if owner.most_common(1)[0][0] in _PLACE_LABELS:
            continue  # "Wisconsin's Supreme Court", "Japan's constitution": a place's own, not the corpus's one
        entry.mention = replace(entry.mention, text=possessed, start=entry.mention.end - len(possessed))
        entry.surface, entry.key, entry.label = surface, key, known.most_common(1)[0][0]
        entry.reason = f"the name after a possessive in “{text}”"
