"""Bytes to text: the encodings articles really arrive in, with a note when we had to guess."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

_HTML_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)


class UnreadableFile(ValueError):
    """The file is not text we can read; the message says why and what to do."""


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str
    note: str | None = None  # set when the encoding was a fallback guess


def _declared_html_codec(data: bytes) -> str | None:
    match = _HTML_CHARSET.search(data[:4096])
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None


# Documents people save by mistake under a text suffix: their magic bytes, and what they are.
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx / .odt document, which are ZIP archives)"),
    (b"{\\rtf", "an RTF document"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document (.doc)"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.05  # of the first 8,192 characters; text has none but tab, newline, form feed


def _check_not_binary(data: bytes, text: str) -> None:
    """Raise UnreadableFile for a document format or binary data saved under a text suffix."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise UnreadableFile(f"is {what}, not text; save the article's text as a .txt or .md file")
    sample = text[:8192]
    if sample and len(_CONTROL.findall(sample)) > _MAX_CONTROL_SHARE * len(sample):
        raise UnreadableFile("looks binary (it is full of control characters); save the article as UTF-8 text")


def decode_bytes(data: bytes, html: bool = False) -> DecodedText:
    """Text of a file's bytes, or UnreadableFile when they are not text; see `_decode`."""
    decoded = _decode(data, html)
    _check_not_binary(data, decoded.text)
    return decoded


def _decode(data: bytes, html: bool = False) -> DecodedText:
    """Decode UTF-8 (with or without BOM) or UTF-16 with a BOM; fall back to Windows-1252.

    A web page (`html`) that is not UTF-8 is decoded by the charset its `<meta>` declares, when it declares one.
    """
    if data.startswith(codecs.BOM_UTF8):
        return DecodedText(data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return DecodedText(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError as exc:
            raise UnreadableFile(
                f"starts with a UTF-16 byte-order mark but is not valid UTF-16 ({exc.reason})"
            ) from exc
    if b"\x00" in data[:8192]:
        raise UnreadableFile("looks binary (it contains NUL bytes); save the article as UTF-8 text")
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        declared = _declared_html_codec(data) if html else None
        if declared and declared != "utf-8":
            return DecodedText(data.decode(declared, errors="replace"), declared)
        text = data.decode("cp1252", errors="replace")
        line = data[: exc.start].count(b"\n") + 1
        return DecodedText(
            text,
            "cp1252",
            f"line {line}: not valid UTF-8 (byte 0x{data[exc.start]:02X}); read as Windows-1252. "
            "Re-save the file as UTF-8 to silence this.",
        )
