"""Word families for keywords: which nouns are one thing, and which verbs and adjectives are its uses.

Kept narrow on purpose (docs/BENCHMARKS.md, "Keywords, third pass"): a shared Snowball stem alone
joins unrelated words ("university" and "universe"), and a wrong keyword is worse than a missing one.
"""

from __future__ import annotations

from collections.abc import Container
from functools import lru_cache

# Endings that make a noun of the same thing from a noun or verb: plurals, and agents of a verb
# ("protester", "governor"). Derivational endings ("-ist", "-ism", "-ity", "-ation", "-al") make
# another word ("capitalist", "nationalism"), so they are not here.
PLURAL_ENDINGS = ("s", "es")
AGENT_ENDINGS = ("er", "ers", "or", "ors")
# Endings that make the noun of a verb's own act ("elect" -> "election", "protect" -> "protection"): a verb
# form counts as a use of that noun. "-ment" and "-al" were measured too and left out (docs/BENCHMARKS.md,
# "Keywords, fourth pass"); adjectives never count this way ("conservative" is no "conservation").
DEVERBAL_ENDINGS = ("ion", "tion", "ation")
# A verb this common in English (wordfreq's Zipf scale) has too many senses to stand for its noun:
# "is expected to" is no "expectation", "presented" no "presentation".
POLYSEMOUS_ZIPF = 5.0


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


def deverbal_nouns(lemma: str) -> list[str]:
    """The nouns that name the act of verb `lemma` ("elect" -> "election", "organise" -> "organisation").

    Only the "-ion" endings (`DEVERBAL_ENDINGS`), with a final "e" dropped; the caller also wants the
    Snowball stem of the verb's form to be the noun's, which keeps "ported" (stem "port") from "portion"
    ("portion").
    """
    stems = [lemma, lemma[:-1]] if lemma.endswith("e") else [lemma]
    return [base + ending for base in stems for ending in DEVERBAL_ENDINGS]


def act_noun(lemma: str, word: str, nouns: Container[str]) -> str | None:
    """The noun among `nouns` that names the act of verb form `word` ("elected" -> "election"), if any.

    Its caller lets the verb add at most the noun's own count of uses: a noun with a sense of its own
    ("generation" of people, "relations" between countries) is not lifted by "generated" or "related".
    """
    return next((n for n in deverbal_nouns(lemma) if n in nouns and stem(n) == stem(word)), None)


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


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """How common the word is in English at large (wordfreq's Zipf scale: "the" 7.7, "ministry" 4.6)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")
