"""Word families for keywords: which nouns are one thing, and which verbs and adjectives are its uses.

Kept narrow on purpose (docs/BENCHMARKS.md, "Keywords, third pass"): a shared Snowball stem alone
joins unrelated words ("university" and "universe"), and a wrong keyword is worse than a missing one.
"""

from __future__ import annotations

from functools import lru_cache

# Endings that make a noun of the same thing from a noun or verb: plurals, and agents of a verb
# ("protester", "governor"). Derivational endings ("-ist", "-ism", "-ity", "-ation", "-al") make
# another word ("capitalist", "nationalism"), so they are not here.
PLURAL_ENDINGS = ("s", "es")
AGENT_ENDINGS = ("er", "ers", "or", "ors")


def joins(family: list[str], key: str, verbs: set[str]) -> bool:
    """Whether noun `key` is a plural or agent form of a noun of `family`, or the reverse.

    The agent ending counts only when the shorter word is one of the article's `verbs` (lemmas):
    "protest" + "er" with "protested", but never "custom" + "er".
    """
    for member in family:
        short, long = sorted((member, key), key=len)
        ending = long[len(short) :] if long.startswith(short) else ""
        if short.endswith("e") and long.startswith(short) and ending in ("r", "rs"):
            ending = "e" + ending  # "manage" + "r"
        if ending in PLURAL_ENDINGS or (ending in AGENT_ENDINGS and short in verbs):
            return True
    return False


def inflection_bases(word: str) -> list[str]:
    """The bases `word` may be an inflection of ("protested" -> "protest"; "increasing" -> "increase")."""
    bases = []
    for ending in ("ing", "ed", "es", "s", "d"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            base = word[: -len(ending)]
            bases.append(base)
            if ending in ("ing", "ed"):
                bases.append(base + "e")  # "increasing" -> "increase"
                if len(base) > 2 and base[-1] == base[-2]:
                    bases.append(base[:-1])  # "banned" -> "ban"
            if ending in ("ed", "es") and base.endswith("i"):
                bases.append(base[:-1] + "y")  # "studied" -> "study"
    return bases


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The word's family: its Snowball ("Porter2") stem, Porter's revision of his algorithm."""
    return str(snowball().stem(word))


@lru_cache(maxsize=1)
def snowball():  # noqa: ANN202 - nltk's English SnowballStemmer (no data files needed)
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer("english")
