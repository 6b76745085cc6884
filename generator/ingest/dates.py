"""Dates in the forms news uses, normalised: a calendar date and, when given, the time of day.

Accepted: ISO 8601 dates and date-times ("2017-03-01", "2017-03-01T09:30:00Z"),
RFC 2822 from feeds ("Wed, 01 Mar 2017 09:30:00 +0000"), English month names
("March 1, 2017", "1 March 2017", "Wednesday, Mar. 1st 2017 at 9:30 am"), numeric
dates ("01/03/2017", "2017/03/01"; day or month first by the `date_day_first`
option, unless only one reading is a real date; "1.3.2017" with dots is day first), and Unix timestamps
(numbers of seconds or milliseconds). Anything else is not a date: we never guess
from a bare year or a relative phrase such as "yesterday".

The date is the one the outlet wrote (a time with an offset is not converted to
UTC, so the date does not shift); the time, when given, is kept as an ISO 8601
string: "2017-03-01T09:30:00+00:00", or without offset when none was given.
"""

from __future__ import annotations

import email.utils
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_TIME = (
    r"(?:(?:\s*,\s*|\s+at\s+|\s+|T)(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d+)?)?"
    r"\s*(?P<ampm>[ap]\.?m\.?)?"
    r"\s*(?P<tz>Z|[+-]\d{2}:?\d{2}|(?:UTC|GMT)\s*[+-]\d{1,2}(?::?\d{2})?|\(?[A-Z]{2,5}\)?)?)?"
)
_FORMS = [
    re.compile(rf"^{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}{_TIME}$", re.IGNORECASE),
    re.compile(rf"^{_WEEKDAY}{_DAY}\s+{_MONTH},?\s+{_YEAR}{_TIME}$", re.IGNORECASE),
    re.compile(rf"^{_YEAR}[/.]\s*(?P<m>\d{{1,2}})[/.]\s*(?P<d>\d{{1,2}}){_TIME}$", re.IGNORECASE),
    re.compile(rf"^(?P<a>\d{{1,2}})(?P<sep>[/.-])(?P<b>\d{{1,2}})(?P=sep){_YEAR}{_TIME}$", re.IGNORECASE),
]


@dataclass(frozen=True)
class ParsedDate:
    date: date
    published: str | None = None  # ISO 8601 date-time when a time of day was given


# Unambiguous zone abbreviations only (CST and IST each name several zones: their time is kept without offset).
_ZONES = {"EST": -5, "EDT": -4, "PST": -8, "PDT": -7, "MST": -7, "MDT": -6, "BST": 1, "CET": 1, "CEST": 2}
_ZONES |= {"EET": 2, "EEST": 3, "MSK": 3, "JST": 9, "KST": 9, "HKT": 8, "SGT": 8, "AEST": 10, "AEDT": 11}


def _tz(text: str | None) -> timezone | None:
    if not text:
        return None
    text = text.upper().replace(" ", "").strip("()")
    if text in ("Z", "UTC", "GMT"):
        return UTC
    if text in _ZONES:
        return timezone(timedelta(hours=_ZONES[text]))
    match = re.fullmatch(r"(?:UTC|GMT)?([+-])(\d{1,2}):?(\d{2})?", text)
    if not match:
        return None
    sign = -1 if match.group(1) == "-" else 1
    return timezone(sign * timedelta(hours=int(match.group(2)), minutes=int(match.group(3) or 0)))


def _from_datetime(value: datetime) -> ParsedDate:
    if (value.hour, value.minute, value.second, value.microsecond) == (0, 0, 0, 0) and value.tzinfo is None:
        return ParsedDate(value.date())
    return ParsedDate(value.date(), value.replace(microsecond=0).isoformat())


def _with_time(day: date, match: re.Match[str]) -> ParsedDate | None:
    if match.group("hour") is None:
        return ParsedDate(day)
    hour, minute = int(match.group("hour")), int(match.group("minute"))
    second = int(match.group("second") or 0)
    ampm = (match.group("ampm") or "").replace(".", "").lower()
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    try:
        moment = datetime.combine(day, time(hour, minute, second), tzinfo=_tz(match.group("tz")))
    except ValueError:
        return None
    return ParsedDate(day, moment.isoformat())


def _numeric(a: int, b: int, year: int, day_first: bool) -> date | None:
    """`a/b/year`: day and month by the option, unless only one reading is a real date."""
    readings = [(a, b), (b, a)] if day_first else [(b, a), (a, b)]  # (day, month)
    for day, month in readings:
        try:
            return date(year, month, day)
        except ValueError:
            continue
    return None


FIRST_YEAR, LAST_YEAR = 1800, 2200  # news outside these years is a placeholder ("9999-12-31", "0001-01-01")


def parse_date_value(value: Any, day_first: bool = False) -> ParsedDate | None:
    """A date (and time of day, when given) from a value as found in a file; None when it is not one, or
    when its year is outside 1800–2200."""
    parsed = _parse_date_value(value, day_first)
    if parsed is None or not FIRST_YEAR <= parsed.date.year <= LAST_YEAR:
        return None
    return parsed


def why_not_a_date(value: Any, day_first: bool = False) -> str:
    """Why `parse_date_value` gave None, in words for a warning."""
    parsed = _parse_date_value(value, day_first)
    if parsed is not None:
        return f"is outside the years {FIRST_YEAR}–{LAST_YEAR} (a placeholder?), so the article is read as undated"
    return "is not a date we can read"


def _parse_date_value(value: Any, day_first: bool = False) -> ParsedDate | None:
    if isinstance(value, datetime):
        return _from_datetime(value)
    if isinstance(value, date):
        return ParsedDate(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = value / 1000 if value > 1e11 else value
        if not 1e8 <= seconds <= 4.2e9:  # 1973 to 2103: anything else is not a timestamp
            return None
        return ParsedDate(*_parts(datetime.fromtimestamp(seconds, UTC)))
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    if not text or len(text) > 80:
        return None
    if re.match(r"^\d{4}-\d{2}-\d{2}", text):
        try:
            return _from_datetime(datetime.fromisoformat(text.replace(" UTC", "Z")))
        except ValueError:
            pass
    if re.match(r"^\d{10,13}$", text):
        return _parse_date_value(int(text), day_first)
    if "," in text[:5] or re.match(r"^\d{1,2} [A-Za-z]{3} \d{4} \d", text):
        try:
            parsed = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            parsed = None
        if parsed is not None:
            return ParsedDate(parsed.date(), parsed.isoformat())
    for form in _FORMS:
        match = form.match(text)
        if not match:
            continue
        groups = match.groupdict()
        year = int(groups["year"])
        if groups.get("month"):
            try:
                day = date(year, MONTHS[groups["month"].lower()], int(groups["day"]))
            except ValueError:
                return None
        elif groups.get("m"):
            try:
                day = date(year, int(groups["m"]), int(groups["d"]))
            except ValueError:
                return None
        else:
            # Dotted dates ("1.3.2017") are day first wherever they are written.
            found = _numeric(int(groups["a"]), int(groups["b"]), year, day_first or groups["sep"] == ".")
            if found is None:
                return None
            day = found
        return _with_time(day, match)
    return None


def _parts(moment: datetime) -> tuple[date, str]:
    return moment.date(), moment.replace(microsecond=0).isoformat()
