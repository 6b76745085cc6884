"""HTML inside text: recognised only when it really is HTML, and then turned into plain text.

A text field of a record, or raw HTML inside a Markdown file, is plain text unless it reads
as HTML (`looks_like_html`): it has HTML structure (a closing tag of a known element, a
`<br>`, `<img>` or `<hr>`, or a `<p>`, `<div>`, `<li>`-like block), and every `<` in it opens
a tag of a known element, a complete comment (`<!-- … -->`), a doctype or CDATA. Real
HTML from feeds and exporters passes (a bare `<` is written `&lt;` there); text that only
mentions markup does not: "x<y and y>z", an unclosed "<!--", "<b and c>d" keep every
character. HTML is then turned into text by `html_fragment_to_text` (lxml): one paragraph
per block, scripts and styles left out, no markup left.

A plain text or a record's plain field scraped from a page often keeps the page's character
references ("Jos&#233; Manuel Barroso", "&#039;Dark Shadows&#039;"): `decode_character_references`
turns the complete ones (`&#233;`, `&#xe9;`, `&eacute;`) into their characters, as a browser
would, and leaves a bare ampersand ("AT&T", "R&D", "Q&A") as written.
"""

from __future__ import annotations

import html
import html.entities
import re

# Element names of HTML (and the SVG/MathML roots), as a tag may open them.
ELEMENTS = frozenset(
    """a abbr address area article aside audio b base bdi bdo blockquote body br button canvas caption cite
    code col colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure
    font footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label legend li
    link main map mark math menu meta meter nav noscript object ol optgroup option output p param picture pre
    progress q rp rt ruby s samp script section select small source span strike strong style sub summary sup
    svg table tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr center big
    nobr""".split()
)
ATTRIBUTES = frozenset(
    """abbr accept accesskey action align allow allowfullscreen alt async autocomplete autofocus autoplay axis
    bgcolor border cellpadding cellspacing charset checked cite class clear color cols colspan content
    contenteditable controls coords crossorigin datetime decoding default defer dir disabled download
    draggable enctype face for form frameborder headers height hidden href hreflang http-equiv id integrity
    itemid itemprop itemscope itemtype label lang language list loading loop marginheight marginwidth max
    maxlength media method min minlength multiple muted name noshade nowrap open pattern placeholder poster
    preload property readonly referrerpolicy rel required rev reversed role rows rowspan sandbox scope
    scrolling selected shape size sizes span src srcdoc srclang srcset start step style summary tabindex
    target title translate type usemap valign value width wrap xmlns""".split()
)
_ATTRIBUTE_NAME = re.compile(r"\s+([^\s\"'<>/=]+)(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'<>=`]+))?")
_VOID_STRUCTURE = frozenset({"br", "img", "hr"})
_BLOCKS = frozenset(
    {"p", "div", "li", "ul", "ol", "table", "tr", "td", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6"}
)
_TAG = re.compile(
    r"<(?P<close>/)?(?P<name>[A-Za-z][A-Za-z0-9]*(?:[:-][A-Za-z0-9]+)*)"
    r"(?P<attrs>(?:\s+[^\s\"'<>/=]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'<>=`]+))?)*)\s*/?>"
)
_OTHER = re.compile(r"<!--.*?-->|<!DOCTYPE[^<>]*>|<!\[CDATA\[.*?\]\]>", re.DOTALL | re.IGNORECASE)


_CHARACTER_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def decode_character_references(text: str) -> str:
    """The text with its complete HTML character references as characters (an unknown `&name;` stays)."""
    if "&" not in text:
        return text
    return _CHARACTER_REFERENCE.sub(_character, text)


def _character(found: re.Match[str]) -> str:
    reference = found.group(0)
    if reference[1] == "#":
        return html.unescape(reference)
    return html.entities.html5.get(reference[1:], reference)  # whole names only: "&notaname;" is no "¬aname;"


def _is_element_tag(tag: re.Match[str]) -> bool:
    """A tag of an HTML element whose attributes are HTML's ("<b and c>" is not: "and" is no attribute)."""
    name = tag.group("name").lower()
    if name not in ELEMENTS and ":" not in name and "-" not in name:  # <o:p>, <my-widget>: markup too
        return False
    for attribute in _ATTRIBUTE_NAME.findall(tag.group("attrs")):
        attribute = attribute.lower()
        if attribute not in ATTRIBUTES and not attribute.startswith(("data-", "aria-", "on")) and ":" not in attribute:
            return False
    return True


def looks_like_html(text: str) -> bool:
    """True when the text has HTML structure and every `<` in it opens real markup (see the module docstring)."""
    if "<" not in text:
        return False
    structure = False
    position = 0
    while True:
        at = text.find("<", position)
        if at == -1:
            return structure
        if not re.match(r"[A-Za-z/!?]", text[at + 1 : at + 2]):  # "x < y", "<3": text in HTML too
            position = at + 1
            continue
        other = _OTHER.match(text, at)
        if other:
            position = other.end()
            continue
        tag = _TAG.match(text, at)
        if tag is None or not _is_element_tag(tag):
            return False
        name = tag.group("name").lower()
        if tag.group("close") or name in _VOID_STRUCTURE or name in _BLOCKS:
            structure = structure or name in ELEMENTS
        position = tag.end()


def is_markup_tag(fragment: str) -> bool:
    """One inline piece of Markdown's raw HTML ("<b>", "</span>", "<!-- x -->") that is real markup."""
    if _OTHER.fullmatch(fragment):
        return True
    tag = _TAG.fullmatch(fragment.strip())
    return tag is not None and tag.group("name").lower() in ELEMENTS and _is_element_tag(tag)


def html_fragment_to_text(fragment: str) -> str:
    """Text of an HTML fragment (feeds put HTML in `content`), one paragraph per block; no markup survives."""
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return re.sub(r"<[^>]+>", " ", fragment)
    for bad in root.xpath(".//script|.//style|.//noscript|.//template"):
        bad.drop_tree()
    for br in root.xpath(".//br"):
        br.tail = "\n" + (br.tail or "")
    blocks = "p|div|li|h1|h2|h3|h4|h5|h6|blockquote|figcaption|tr|section|article|ul|ol|table"
    for element in root.iter(*blocks.split("|")):
        element.tail = "\n\n" + (element.tail or "")
        if element.text:
            element.text = "\n\n" + element.text
        else:
            element.text = "\n\n"
    text = root.text_content()
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
