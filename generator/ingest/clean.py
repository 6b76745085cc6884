"""Scraped residue out of an article's text, with a record of every piece taken out.

Pages saved by scrapers keep more than the story: photo captions and credits ("(AP
Photo/Alex Brandon)", "Photograph: Reuters"), "Advertisement" slots, newsletter and
subscription boxes, "Click here" and related-link lines, share buttons, copyright lines,
the hover cards The Hill puts after every politician's name ("Sen. Pat Toomey Patrick
(Pat) Joseph ToomeyGOP senators push … MORE (R-Pa.)"), embedded tweets' credit lines, a
byline or the headline again at the top, and the dateline ("WASHINGTON (AP) —"). Left in,
they become summary sentences, keywords and entities. `clean_text` takes them out of the
text that is analysed; each removal is recorded (rule and text) on the article, the
dateline and byline are kept as metadata. Data sets that mask names ("███") get the mask
replaced by "[…]" (an elision, never a name, keyword or sentence of its own); a masked
dateline agency is dropped with its brackets.

Each rule is narrow on purpose: a line is dropped only when the whole line is residue, and
inline rules take out only the residue's span. Text that is all residue is left as it is
(`clean_text` says so), so no article loses its text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.model import Removal

MASK = re.compile(r"[\u2580-\u259f]+")  # block elements: "███"
ELISION = "[…]"
_AGENCY = r"(?:AP|AFP|Reuters|REUTERS|Getty Images|EPA|Bloomberg|Pool|SIPA|Newscom|ZUMA Press|Staff|AP Photo)"
_NAME = r"[A-Z][\w.'’-]*"
_CREDIT_TAIL = rf"(?:{_AGENCY}|AP file|File Photo|(?:Special to )?The [A-Z][\w]+(?: [A-Z][\w]+){{0,4}})"

# Whole lines that are residue: (rule, pattern, longest line it may match).
_LINE_RULES: tuple[tuple[str, re.Pattern[str], int], ...] = (
    ("advertisement", re.compile(r"^(?:advertisement|ad|story continues below(?: advertisement)?):?$", re.I), 40),
    ("separator", re.compile(r"^[_*=~\-–—]{3,}$"), 80),
    ("caption", re.compile(r"^FILE(?: PHOTO)?\s*[-–—:]"), 1000),
    (
        "caption",
        re.compile(
            r"^(?:Enlarge this image|toggle caption|hide caption|Image:|Photo illustration\b|Photos?:|"
            r"(?:Top|Main|Lead|Header|Featured) (?:photo|image):"
            r"|Slideshow \(\d+ Images?\)|Facebook Twitter Pinterest|Photo Credits?:)"
        ),
        1000,
    ),
    ("caption", re.compile(r"\((?:AP|AFP|Reuters) Photo\b[^()]*\)$|\b(?:AP|AFP) Photo/[^()]{1,80}$"), 1000),
    ("caption", re.compile(rf"\((?:[^()]{{1,100}}(?:/|\bvia ))?{_AGENCY}(?:/[^()]{{1,80}})?\)(?: More)?$"), 1000),
    ("caption", re.compile(r"\bPhoto(?:graph)?s?(?: illustration)?:\s[^.!?]{1,150}$"), 1000),
    ("caption", re.compile(r"\bREUTERS/[^\n]{1,120}$|\bvia REUTERS\b"), 1000),
    ("caption", re.compile(r"(?:^|[.!?”\"]\s)(?:[A-Z][\w.'’-]*\s){0,3}(?:via\s)?Getty Images$"), 1000),
    (
        "caption",
        re.compile(
            rf"(?:^|[.!?”\"]\s|\|\s?)(?:{_NAME}\s){{0,4}}{_NAME}\s?[/|]\s?(?:[^/|]{{1,60}}[/|]\s?){{0,3}}"
            rf"{_CREDIT_TAIL}$"
        ),
        1000,
    ),  # fmt: skip
    ("caption", re.compile(rf"^(?:{_NAME}\s){{0,3}}{_NAME}(?:/[^/\n]{{1,50}}?)?/{_CREDIT_TAIL}\s+[A-Z“\"(]"), 1000),
    ("click here", re.compile(r"\bclick here\b", re.I), 300),
    ("copyright", re.compile(r"^(?:copyright\b|©)|©\s*\d{4}", re.I), 250),
    (
        "newsletter or subscription box",
        re.compile(
            r"^(?:sign up|subscribe|get (?:the|our|daily)|want more|support (?:our|\w+’s|\w+'s)|for (?:more|"
            r"indispensable)|let our|download the|start your free|like us on|join us)\b.*\b(?:newsletters?|inbox|"
            r"subscribe|sign(?:ing)? up|journalism|app|free trial|youtube|podcast|twitter|facebook|club|"
            r"membership|today|here|now)\b",
            re.I,
        ),
        350,
    ),
    (
        "newsletter or subscription box",
        re.compile(
            r"\b(?:sign(?:ing)? up|subscribe)\b.*\b(?:newsletters?|inbox|privacy policy|free trial)\b"
            r"|\b(?:newsletters?|inbox)\b.*\b(?:sign(?:ing)? up|subscribe)\b",
            re.I,
        ),
        350,
    ),
    (
        "newsletter or subscription box",
        re.compile(r"\bpaywall\b|coverage (?:is )?free\b|free for all readers", re.I),
        250,
    ),
    (
        "related link",
        re.compile(
            r"^(?:related|read more|read next|also read|and see|now read|see also|more|watch|listen|report|"
            r"recommended|full coverage|faithwire)\s*:",
            re.I,
        ),
        300,
    ),
    ("related link", re.compile(r"^full coverage\b", re.I), 100),
    ("related link", re.compile(r"^[^:\n]{1,60}?[a-z'’)]:(?=[A-Z])"), 250),  # "Fact check:Trump claims…"
    (
        "related link",
        re.compile(r"^\([^()]*\b[\w-]+\.[a-z]{2,}/\S*[^()]*\)$"),
        300,
    ),  # "(Interactive graphic: open x.rs/y)"
    (
        "share buttons",
        re.compile(r"^(?:share all sharing options for:|link copied$|share this\b)", re.I),
        300,
    ),
    (
        "share buttons",
        re.compile(
            r"^(?:facebook|twitter|whatsapp|email|e-mail|print|pocket|linkedin|reddit|pinterest|tumblr"
            r"|telegram|messenger|flipboard|copy link|share)$",
            re.I,
        ),
        20,
    ),
    (
        "credit line",
        re.compile(r"^contributing:|\bcontributed (?:to this report|reporting|research to this)", re.I),
        300,
    ),
    (
        "credit line",
        re.compile(r"^this (?:story|article) (?:was|is) (?:originally )?(?:published|produced)\b", re.I),
        300,
    ),
    (
        "credit line",
        re.compile(r"^follow (?:[\w@.'’]+ ){0,6}(?:on|at) (?:twitter|facebook|instagram|https?:)", re.I),
        300,
    ),
    ("update note", re.compile(r"^updated (?:at |on )?[^:\n]{1,40}:\s", re.I), 300),
)

# Spans inside a line.
_RELATED_INLINE = re.compile(r"\s*\((?:RELATED|READ MORE|SEE ALSO|WATCH)\s*:[^()]{0,300}\)")
_TWEET_LINK = re.compile(r"\s*(?:pic\.twitter\.com/\w+|https?://t\.co/\w+)")
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_TWEET_CREDIT = re.compile(rf"\s*[—–-]+\s*[^—–()\n]{{1,80}}\(@\w{{1,15}}\)\s+{_MONTH} \d{{1,2}}, \d{{4}}")
_AD_INLINE = re.compile(r"\s+ADVERTISEMENT$")
_CHROME_INLINE = re.compile(r"\s*(?:Getty Images\s+)?\bAd Up Next\b.*$")  # a slideshow's buttons after a caption
_FOLLOW_INLINE = re.compile(
    r"\s*\b(?:You can f|F)ollow (?:him|her|them|us|me) on (?:Twitter|Facebook|Instagram)\b[^.\n]*(?:\.(?=\s|$)|$)"
)
# The Hill: after a name, the person's full name glued to the headlines of related stories, then "MORE".
# "MORE" may be glued to the card's last name when no headline comes between ("John Francis KellyMORE").
_MORE = re.compile(r"(?:\b|(?<=[a-z]))MORE\b(?=['’]s\b|[\s,.;:)]|$)")
_PARTICLE = r"(?:de|da|di|del|der|van|von|la|le|du|dos|bin|al|el)"
_CARD = re.compile(
    rf"(?P<last>\b[A-Z][\w’'-]+) (?P<card>(?:(?:[A-Z()][\w’'.()-]*|{_PARTICLE}) ){{0,5}}(?P=last))(?=[A-Z0-9'‘\"“])"
)
_CARD_WINDOW = 700

# The start of the story.
_BYLINE = re.compile(r"^By:?\s+(?P<names>[A-Z][\w.'’-]*(?:(?:\s+|,\s*|\s+and\s+)[A-Z][\w.'’-]*){0,11})\s*$")
_PLACE = r"[A-Z][A-Z.'’-]+(?:[ ,/]+[A-Z][A-Za-z.'’-]+){0,4}(?:,? [A-Z][a-z]{2,8}\.? \d{1,2})?"
_DATELINE_AGENCY = re.compile(
    rf"^(?P<place>{_PLACE})?\s*\((?P<agency>[A-Z][\w&.' -]{{0,30}}|[\u2580-\u259f]+)\)\s*[-–—]+\s*"
)
_WIRES = r"(?:AP|Reuters|AFP|UPI|CNN|Bloomberg|Xinhua|dpa|RNS|TASS|AAP|EFE|Kyodo|Yonhap|PTI|IANS|ANI|CNSNews\.com)"
_DATELINE_WIRE = re.compile(  # "Washington (CNN) President …": a place in title case needs a known wire or outlet
    rf"^(?P<place>[A-Z][\w.'’-]+(?:[ ,]+[A-Z][\w.'’-]+){{0,3}})\s*\((?P<agency>{_WIRES})\)\s*(?:[-–—]+\s*)?(?=\S)"
)
_DATELINE_BARE = re.compile(r"^\((?P<agency>[A-Z][A-Za-z.]{1,15})\)\s+(?=[A-Z“\"])")  # "(CNN) Patience is…"
_LABELS = {"EXCLUSIVE", "BREAKING", "BREAKING NEWS", "UPDATE", "UPDATED", "WATCH", "LIVE", "OPINION", "ANALYSIS"}
_CAPS = r"[A-Z][A-Z.'’-]"
_DATELINE_PLACE = re.compile(  # "WASHINGTON —", "NEW YORK —": one capitalised word of 5 letters or more, or several
    rf"^(?P<place>{_CAPS}{{4,}}(?:[ ,]+{_CAPS}+){{0,3}}|{_CAPS}+(?:[ ,]+{_CAPS}+){{1,3}})\s+[-–—]+\s+(?=\S)"
)


@dataclass(frozen=True)
class Cleaned:
    text: str
    removed: tuple[Removal, ...] = ()
    dateline: str | None = None  # "WASHINGTON (AP)", as written
    byline: str | None = None  # "Mary Clare Jalonick, Kevin Freking" from a leading "By …" line
    note: str | None = None  # set when the cleaning was not applied, and why


# Reported speech: a line that quotes someone is the story, whatever words it has ("“Sign up,” she said).
_SPEECH = re.compile(r"[”\"]\s*,?\s*(?:[\w.’'-]+\s){0,4}(?:said|says|told|added|wrote|asked)\b", re.I)
_ALWAYS = {"advertisement", "separator", "caption"}


def _line_rule(line: str) -> str | None:
    stripped = line.strip()
    speech = _SPEECH.search(stripped) is not None
    for rule, pattern, longest in _LINE_RULES:
        if len(stripped) <= longest and (rule in _ALWAYS or not speech) and pattern.search(stripped):
            return rule
    return None


def _hill_cards(line: str, removed: list[Removal]) -> str:
    """Take out each "Full Name<headlines> MORE" hover card, keeping the name the sentence uses."""
    while True:
        for more in _MORE.finditer(line):
            window_start = max(0, more.start() - _CARD_WINDOW)
            cards = [
                c
                for c in _CARD.finditer(line, window_start, more.end())  # its look-ahead may see a glued "MORE"
                if c.end() <= more.start() and "MORE" not in line[c.end() : more.start()]
            ]
            if cards:
                start = cards[-1].start("card") - 1
                removed.append(Removal("link residue", line[start + 1 : more.end()]))
                line = line[:start] + line[more.end() :]
                break
        else:
            return line


# Inline rules: (rule, pattern, a substring every match holds: lines without it are not searched).
_INLINE_RULES = (
    ("related link", _RELATED_INLINE, "("),
    ("embedded tweet", _TWEET_LINK, ".co"),
    ("embedded tweet", _TWEET_CREDIT, "(@"),
    ("credit line", _FOLLOW_INLINE, "ollow"),
    ("advertisement", _AD_INLINE, "ADVERTISEMENT"),
    ("page chrome", _CHROME_INLINE, "Up Next"),
)


def _inline(line: str, removed: list[Removal]) -> str:
    if "MORE" in line:
        line = _hill_cards(line, removed)
    for rule, pattern, needed in _INLINE_RULES:
        if needed not in line:
            continue
        for match in pattern.finditer(line):
            removed.append(Removal(rule, match.group(0).strip()))
        line = pattern.sub("", line)
    return line


def _mask(line: str, removed: list[Removal]) -> str:
    for match in MASK.finditer(line):
        removed.append(Removal("mask", match.group(0)))
    return MASK.sub(ELISION, line)


def _start(lines: list[str], title: str | None, removed: list[Removal]) -> tuple[str | None, str | None]:
    """Repeated headline, byline and dateline at the start: out of the text; byline and dateline returned."""
    byline = dateline = None
    for _ in range(3):
        first = next((i for i, line in enumerate(lines) if line.strip()), None)
        if first is None:
            break
        line = lines[first].strip()
        if title and " ".join(line.split()).casefold() == " ".join(title.split()).casefold():
            removed.append(Removal("repeated headline", line))
            lines[first] = ""
            continue
        match = _BYLINE.match(line) if byline is None else None
        if match:
            removed.append(Removal("byline", line))
            byline, lines[first] = match.group("names"), ""
            continue
        break
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is not None:
        dateline = _dateline(lines, first, removed)
    return byline, dateline


def _dateline(lines: list[str], first: int, removed: list[Removal]) -> str | None:
    line = lines[first].lstrip()
    match = (
        _DATELINE_AGENCY.match(line)
        or _DATELINE_WIRE.match(line)
        or _DATELINE_PLACE.match(line)
        or _DATELINE_BARE.match(line)
    )
    if not match or not line[match.end() :].strip():
        return None
    place = (match.groupdict().get("place") or "").strip()
    if place.upper() in _LABELS:  # "EXCLUSIVE –": a label, not a place
        removed.append(Removal("label", line[: match.end()].strip()))
        lines[first] = line[match.end() :]
        return None
    agency = match.groupdict().get("agency")
    if agency and MASK.fullmatch(agency):
        removed.append(Removal("mask", agency))
        agency = None
    removed.append(Removal("dateline", line[: match.end()].strip()))
    lines[first] = line[match.end() :]
    return " ".join(part for part in (place, f"({agency})" if agency else "") if part) or None


def clean_text(text: str, title: str | None = None) -> Cleaned:
    """The text without scraped residue, what was removed, and the dateline and byline it started with."""
    removed: list[Removal] = []
    lines: list[str] = []
    for line in text.split("\n"):
        rule = _line_rule(line) if line.strip() else None
        if rule:
            removed.append(Removal(rule, line.strip()))
            continue
        lines.append(line)
    byline, dateline = _start(lines, title, removed)
    lines = [_mask(_inline(line, removed), removed) if line.strip() else line for line in lines]
    cleaned = re.sub(r"\n{3,}", "\n\n", "\n".join(line.rstrip() for line in lines)).strip()
    if not removed:
        return Cleaned(text)
    if not re.search(r"\w", MASK.sub("", cleaned.replace(ELISION, ""))):
        return Cleaned(text, note="its whole text reads as scraped residue (captions, links, boxes); kept as it is")
    return Cleaned(cleaned, tuple(removed), dateline, byline)
