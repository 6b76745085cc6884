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


def decode_bytes(data: bytes, html: bool = False) -> DecodedText:
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
