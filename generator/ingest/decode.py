"""Bytes to text: the encodings articles really arrive in, with a note when we had to guess."""

from __future__ import annotations

import codecs
from dataclasses import dataclass


class UnreadableFile(ValueError):
    """The file is not text we can read; the message says why and what to do."""


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str
    note: str | None = None  # set when the encoding was a fallback guess


def decode_bytes(data: bytes) -> DecodedText:
    """Decode UTF-8 (with or without BOM) or UTF-16 with a BOM; fall back to Windows-1252."""
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
        text = data.decode("cp1252", errors="replace")
        line = data[: exc.start].count(b"\n") + 1
        return DecodedText(
            text,
            "cp1252",
            f"line {line}: not valid UTF-8 (byte 0x{data[exc.start]:02X}); read as Windows-1252. "
            "Re-save the file as UTF-8 to silence this.",
        )
