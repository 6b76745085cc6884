"""Tokenised text back to prose: "summer ’ s warm weather … dashed ." → "summer’s warm weather … dashed.".

Research data sets often ship their text tokenised (a space around every punctuation mark,
contractions split as "do n't", Penn Treebank quotes `` and ''). Read as it is, every
summary, quote and entity name inherits the spaces ("George Floyd ." as a name). Such text
is detected (`looks_tokenised`) and joined again by the Moses detokeniser (sacremoses,
offline, no data to download). Two tokeniser conventions Moses does not undo are undone
token by token: contractions split off ("do n't", "it ’ s") and quote marks whose
direction is known (curly ones, Treebank's `` and ''), which are closed up against their
word; Moses pairs the straight ones.
"""

from __future__ import annotations

import re
from functools import cache

# A punctuation mark that ends a token: prose writes it against the word before ("word,"),
# tokenised text after a space ("word ,"). French spaces before ; : ! ? but not , or .
_TOKEN_END = re.compile(r"(\s?)[,.](?=\s|$)")
# After an apostrophe: a contraction's or possessive's end ("it ’ s", "it’s", "do n't", "don't").
_SUFFIX_AFTER = re.compile(r" ?(?:s|t|re|ve|ll|m|d)\b", re.IGNORECASE)
_APOSTROPHE = re.compile("['’`]")
MIN_MARKS = 3
MIN_SHARE = 0.5
SAMPLE = 4000  # characters looked at: a text is tokenised throughout or not at all
_SUFFIXES = {"s", "t", "re", "ve", "ll", "m", "d"}


def _contractions(text: str) -> tuple[int, int]:
    """(split, joined): contractions and possessives written apart ("it ’ s", "do n't", ``) and together."""
    split = joined = 0
    for match in _APOSTROPHE.finditer(text):
        at = match.start()
        if text[at : at + 2] in ("``", "''"):  # Penn Treebank's quotes
            split += 1
            continue
        suffix = _SUFFIX_AFTER.match(text, at + 1)
        if suffix is None:
            continue
        before = text[at - 2 : at]
        if before.endswith(" ") or before == " n" or suffix.group(0).startswith(" "):
            split += 1
        elif before[-1:].isalnum():
            joined += 1
    return split, joined


def looks_tokenised(text: str) -> bool:
    """True when most commas and full stops, and contractions, stand apart from the word before
    (in the first `SAMPLE` characters)."""
    text = text[:SAMPLE]
    spaced = joined = 0
    for match in _TOKEN_END.finditer(text):
        if match.group(1):
            spaced += 1
        else:
            joined += 1
    split, together = _contractions(text)
    spaced, joined = spaced + split, joined + together
    return spaced >= MIN_MARKS and spaced >= MIN_SHARE * (spaced + joined)


@cache
def _moses():  # noqa: ANN202 - sacremoses has no type hints
    from sacremoses import MosesDetokenizer  # type: ignore[import-untyped]

    return MosesDetokenizer(lang="en")


def _join_contractions(tokens: list[str]) -> list[str]:
    """ "do n't" → "don't"; "it ’ s" → "it’s"."""
    out: list[str] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        if token in ("'", "’") and out and following.lower() in _SUFFIXES:
            out[-1] += token + following
            index += 2
            continue
        if re.fullmatch(r"n['’]t|['’](?:s|re|ve|ll|m|d)", token, re.IGNORECASE) and out:
            out[-1] += token
        else:
            out.append(token)
        index += 1
    return out


# Quote marks whose direction is known: hidden from Moses (which pairs straight quotes only and
# glues a curly one to the wrong word), then closed up against their word. `` and '' are Penn
# Treebank's opening and closing double quotes, written back as straight ones; a straight single
# quote standing alone ("to ' liberate ' states") opens and closes by turns.
_OPENING = {"``": ("\ue000", '"'), "“": ("\ue001", "“"), "‘": ("\ue002", "‘"), "'": ("\ue003", "'")}
_CLOSING = {"''": ("\ue004", '"'), "”": ("\ue005", "”"), "’": ("\ue006", "’"), "'": ("\ue007", "'")}
_SHOWN = dict(list(_OPENING.values()) + list(_CLOSING.values()))
_OPEN_MARKS = "".join(mark for mark, _ in _OPENING.values())
_CLOSE_MARKS = "".join(mark for mark, _ in _CLOSING.values())
_WEB_SPLITS = re.compile(r"\bhttps?: //|(?<!\S)[#@] (?=\w)")  # "http: //x", "# tag", "@ handle"


def _hide_quotes(tokens: list[str]) -> list[str]:
    out: list[str] = []
    single_opens = True
    for token in tokens:
        if token == "'":
            out.append((_OPENING if single_opens else _CLOSING)["'"][0])
            single_opens = not single_opens
        elif token in _OPENING:
            out.append(_OPENING[token][0])
        elif token in _CLOSING:
            out.append(_CLOSING[token][0])
        else:
            out.append(token)
    return out


def _detokenise_line(line: str) -> str:
    """One line: contractions joined, Moses on the rest, then the directed quote marks closed up."""
    tokens = _hide_quotes(_join_contractions(line.split()))
    if not tokens:
        return ""
    joined = _moses().detokenize(tokens, unescape=False)
    joined = re.sub(rf"\s+([{_CLOSE_MARKS}])", r"\1", joined)
    joined = re.sub(rf"([{_OPEN_MARKS}])\s+", r"\1", joined)
    joined = _WEB_SPLITS.sub(lambda m: m.group(0).replace(" ", ""), joined)
    return re.sub(f"[{_OPEN_MARKS}{_CLOSE_MARKS}]", lambda m: _SHOWN[m.group(0)], joined)


def detokenise(text: str) -> str:
    """Tokenised text joined again as prose, line by line (paragraph breaks kept)."""
    return "\n".join(_detokenise_line(line) for line in text.split("\n"))
