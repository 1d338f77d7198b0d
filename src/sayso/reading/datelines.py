"""Datelines: the publication date an article states near its top, and date-option checks."""

from __future__ import annotations

import datetime as dt
import re

from sayso.errors import InputError

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTHS = {
    name: number
    for number, names in enumerate(
        (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")),
        start=1,
    )
    for name in names
}
_MONTH = "(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DATE_PATTERNS = (
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b", re.I),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(?P<year>\d{{4}})\b", re.I),
    re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b"),
)
_DATELINE_LABEL = re.compile(r"\b(?:published|posted|updated|last\s+updated|date)\b\s*(?:on|:)?", re.I)
_DATELINE_LINES = 5
_DATELINE_MAX_LINE = 120
_DATELINE_MAX_WORDS = 8
_DATELINE_SEPARATOR = re.compile(r"\s[|·•]\s")


def check_date_option(value: str | None) -> str | None:
    if value is None:
        return None
    date = iso_date(value) if _ISO_DATE.match(value.strip()) else None
    if date is None:
        raise InputError(f"published date {value!r} is not a valid YYYY-MM-DD date")
    return date


def iso_date(value: str | None) -> str | None:
    """``YYYY-MM-DD`` for a real calendar date at the start of ``value``, else None."""
    if not value:
        return None
    match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    return _date(match.group(1), match.group(2), match.group(3)) if match else None


def _date(year: str, month: str | int, day: str) -> str | None:
    try:
        month_number = month if isinstance(month, int) else (
            int(month) if month.isdigit() else _MONTHS[month.lower().rstrip(".")]
        )
        return dt.date(int(year), month_number, int(day)).isoformat()
    except (ValueError, KeyError):
        return None


def find_dateline(text: str) -> str | None:
    """The publication date from a dateline in the first lines ("October 11, 2022",
    "Published: 11 Oct 2022", "By Jane Doe | 2022-10-11", "KYIV, Oct. 11, 2022 — ..."), else None.

    A date in the article's sentences is an event, not its publication, so a date counts only
    on a labelled line ("Published", "Posted", "Updated"), at the start of a short line, on a
    short line with separators ("|", "·"), or after a few capitalised words (a place, a byline)
    with nothing or a dash after it. A "Published"/"Posted" line wins over an "Updated" one.
    """
    found: list[tuple[int, str]] = []
    lines = [line.strip() for line in text[:4000].split("\n") if line.strip()][:_DATELINE_LINES]
    for line in lines:
        for pattern in _DATE_PATTERNS:
            match = pattern.search(line)
            if not match:
                continue
            if _is_dateline(line, match):
                date = _date(match.group("year"), match.group("month"), match.group("day"))
                label = _DATELINE_LABEL.search(line[: match.start()])
                if date:
                    found.append((1 if label and "updated" in label.group(0).lower() else 0, date))
            break
    return min(found)[1] if found else None


def _is_dateline(line: str, match: re.Match[str]) -> bool:
    before, after = line[: match.start()], line[match.end() :].strip(" ,.")
    dashed = after.startswith(("—", "–", "-"))
    byline = len(before.split()) <= 5 and all(word[:1].isupper() for word in before.split())
    if byline and dashed:
        return True  # "KYIV, Oct. 11, 2022 — the story..."
    if len(line) > _DATELINE_MAX_LINE or len((before + " " + after).split()) > _DATELINE_MAX_WORDS:
        return False
    labelled = bool(_DATELINE_LABEL.search(before))
    return labelled or not before.strip() or bool(_DATELINE_SEPARATOR.search(line)) or (byline and not after)
