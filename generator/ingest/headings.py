"""Section headings that a scraper glued to the next sentence, set apart as their own paragraph.

Scrapers that flatten a page often drop the line break after a section heading, so the
heading reads as the start of the next sentence: "… right to be informed. A Chilling
Message On April 17, three of the women …". Left glued, the heading becomes part of a
summary sentence. The sign that gives it away is a closed-class word ("On", "The", "When")
capitalised in the middle of a sentence, right after a short run of title-case words and
followed by ordinary prose; in running text such a word is capitalised only at a sentence
start. Quoted headlines and titles of works ("Gone With the Wind was …", "Testing Could
Unlock A Return To Normal Life") do not qualify: the run must end in a content word and
what follows must read as prose (mostly lower-case words, ending as a sentence ends).
Nothing is removed: the heading stays in the text, as a paragraph of its own, so the
sentence splitter keeps it out of the sentence that follows.
"""

from __future__ import annotations

import re

# Closed-class words (determiners, pronouns, prepositions, conjunctions, auxiliaries): never the last
# word of a heading, and the words that may open the sentence a heading was glued to.
_CLOSED = frozenset(
    """a an the this that these those some many most much more few several all both each every no
    any other another such one two three four five i you he she it we they me him her us them my your
    his its our their who what when where why how which whose whom while if as since because although
    though until unless after before during on in at of to for with from by about against among over
    under into onto through between without within despite per via and or but nor so yet then now
    there here still even only not also is are was were be been being am do does did has have had
    can could will would shall should may might must according""".split()
)
# Openers: the closed-class words a news sentence may begin with.
_OPENERS = frozenset(
    """a an the this that these those some many most few several all both each every no
    you he she it we they my his her its our their when while if as since because although
    though until after before during on in at for with from by among over under despite according last
    yet still now then there here but and so even only""".split()
)
# Openers that modify the next word: after a heading they are followed by a lower-case word ("The
# nightmare …"); followed by a capital they are more likely inside a name ("The Get My Payment tool").
_DETERMINERS = frozenset(
    "a an the this that these those my his her its our their some many most few several all both each every no".split()
)
# "On April 17, three …": after a preposition, a short title-case run closed by a comma or a number; one that
# runs on into the predicate is the sentence's subject ("A Design For Life reaches …"), a longer one a name.
_MAX_NAME_AFTER_OPENER = 2
_TITLE_WORD = re.compile(r"[A-Z][A-Za-z’'\-]*|of|the|and|a|an|in|for|to|on|at|with|by|or|as")
_SENTENCE_START = re.compile(r"(?:^|(?<=[.!?] )|(?<=[.!?][\"”’] ))(?=[A-Z])", re.MULTILINE)
_SENTENCE_OR_LINE_END = re.compile(r"[.!?][\"”’]?(?= |$)|$", re.MULTILINE)
_MIN_REST_WORDS = 6
_MAX_HEADING_WORDS = 6


def _reads_as_prose(rest: str) -> bool:
    """Whether what follows the opener is a sentence of ordinary prose: mostly lower-case words."""
    words = re.findall(r"[A-Za-z][A-Za-z’'\-]*", rest)
    return len(words) >= _MIN_REST_WORDS and sum(w[0].islower() for w in words) * 2 >= len(words)


def _opener_starts_prose(opener: str, following: list[str]) -> bool:
    """Whether the opener and the words after it start a sentence rather than continue a name."""
    if not following or not following[0][:1].isupper():
        return True
    run = 0
    for word in following:
        if not _TITLE_WORD.fullmatch(word.rstrip(",.:;")):
            break
        run += 1
        if word.endswith(","):
            break
    if opener.lower() in _DETERMINERS or run > _MAX_NAME_AFTER_OPENER:
        return False
    closed_by_comma = following[run - 1].endswith(",")
    return closed_by_comma or (len(following) > run and following[run][:1].isdigit())


def _heading_length(words: list[str]) -> int:
    """How many of a sentence's first words are a glued heading (0: none)."""
    for size in range(2, min(_MAX_HEADING_WORDS, len(words) - 1) + 1):
        if not _TITLE_WORD.fullmatch(words[size - 1]):
            return 0
        opener, last = words[size], words[size - 1].lower()
        if not (opener[:1].isupper() and opener.lower() in _OPENERS) or last in _CLOSED:
            continue
        following = words[size + 1 :]
        if _opener_starts_prose(opener, following) and _reads_as_prose(" ".join(following)):
            return size
    return 0


def _may_start_heading(heading: list[str]) -> bool:
    """A heading opens with a content word or a determiner ("In Just the Way You Are" is a phrase), or is capitals."""
    first = heading[0].lower()
    return first not in _CLOSED or first in _DETERMINERS or all(word.isupper() for word in heading)


def _headings(text: str) -> list[tuple[int, int]]:
    """(start, end) of each glued heading in text."""
    found: list[tuple[int, int]] = []
    for start in _SENTENCE_START.finditer(text):
        at = start.start()
        end = _SENTENCE_OR_LINE_END.search(text, at)  # always matches: `$` at the end of the text
        words = text[at : end.end() if end else len(text)].split(" ")  # one sentence: linear in the text
        size = _heading_length(words)
        if size and _TITLE_WORD.fullmatch(words[0]) and _may_start_heading(words[:size]):
            found.append((at, at + len(" ".join(words[:size]))))
    return found


def set_headings_apart(text: str) -> tuple[str, tuple[str, ...]]:
    """The text with each glued section heading on a paragraph of its own, and the headings found."""
    spans = _headings(text)
    if not spans:
        return text, ()
    pieces: list[str] = []
    last_end = 0
    for start, end in spans:
        before = text[last_end:start].rstrip(" ")
        pieces.append(before + ("\n\n" if before and not before.endswith("\n") else ""))
        pieces.append(text[start:end] + "\n\n")
        last_end = end + 1  # the space after the heading
    pieces.append(text[last_end:])
    return "".join(pieces), tuple(text[start:end] for start, end in spans)
