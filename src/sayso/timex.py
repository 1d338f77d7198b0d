"""Date expressions, resolved against the publication date and never against today.

Candidates are spaCy's DATE entities plus regular-expression rules over the text for what the model
misses (part of a month, bare weekdays, "two days ago", "soon"). Each candidate is resolved by
the rules below; dateparser is only asked about the few candidates the rules do not cover, and its answers are cached.

Values are ISO 8601 strings:

- ``day``: ``2022-10-10``; ``month``: ``2022-02``; ``year``: ``2020``; ``week``: ``2022-W40``;
- ``part_of_month`` and ``season``: an interval ``2022-09-21/2022-09-30`` (early = days 1-10,
  mid = 11-20, late = 21-end; seasons are meteorological, northern hemisphere, from
  ``data/timex.json``); a weekend is ``2022-10-08/2022-10-09`` with granularity ``week``;
- a span of years (``2014-2022``) is ``2014/2022``; a decade (``the 1990s``) is ``199``;
- ``duration`` ("two years", "its ninth month") and ``unknown`` ("soon", "Christmas") have value None.

A date without a year takes its year from the publication date and the tense of the verb that
governs it: past tense picks the latest candidate that starts on or before publication, future
("will", "is going to", "is expected to") the earliest that ends on or after it, and anything
else the nearest one, where time after publication counts three times (news mostly looks back).
A bare weekday is resolved the same way but flagged ``ambiguous`` when tense does not decide.
With no publication date, anything that needs one keeps value None: it is never guessed.
"""

from __future__ import annotations

import bisect
import calendar
import functools
import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any

from spacy.tokens import Doc, Span

from sayso.alternation import grouped_alternation
from sayso.data import load_json
from sayso.doctext import ents_of, text_of
from sayso.errors import InputError

Resolution = dict[str, Any]

FUTURE_HEADS = {"go", "plan", "expect", "schedule", "set", "due", "intend", "prepare", "aim"}


@functools.lru_cache(maxsize=1)
def load_timex_words() -> dict[str, Any]:
    """The word lists of ``data/timex.json`` (months, weekdays, parts of month, seasons...)."""
    return load_json("timex.json", version=1)


def parse_published(published: str | None) -> date | None:
    """The publication day from ``YYYY-MM-DD`` (a time part after it is ignored)."""
    if published is None:
        return None
    try:
        return date.fromisoformat(str(published)[:10])
    except ValueError as exc:
        raise InputError(f"published date {published!r} is not YYYY-MM-DD") from exc


def find_dates(doc: Doc, published: str | None) -> list[dict[str, Any]]:
    """Every date expression in ``doc`` with its value resolved against ``published``."""
    pub = parse_published(published)
    text = text_of(doc)
    records = []
    for span in _candidates(doc, text):
        trimmed = _trim(text, span.start_char, span.end_char)
        if trimmed is None:
            continue
        start, end = trimmed
        resolved = resolve(text[start:end], pub, tense_of(span))
        if resolved is None:
            continue
        records.append({"start": start, "end": end, **resolved})
    return records


def resolve(text: str, published: date | None, tense: str = "present") -> Resolution | None:
    """Resolve one date expression; None when it is not a date at all ("daily", "45-year-old").

    ``tense`` is "past", "future" or "present" (anything undecided).
    """
    words = load_timex_words()
    norm = _normalise(text)
    if not norm or norm in words["frequencies"] or re.search(r"\d+ years? old", norm):
        return None
    if all(w in words["numbers"] or re.fullmatch(r"\d{1,3}|[\d,]{5,}", w) for w in norm.split()):
        return None  # a bare count ("forty", "20,000") the model took for a date
    if norm in words["vague"]:
        return _result(None, "unknown", relative=True)
    for name, rule in _RULES:
        match = _grammar()[name].match(norm)
        if match:
            return rule(match, published, tense)
    if _grammar()["duration"].search(norm):
        return _result(None, "duration")
    return _fallback(norm, published, tense)


def tense_of(span: Span) -> str:
    """"past", "future" or "present" for the verb that governs ``span`` (or its sentence root)."""
    verb = span.root
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        verb = span.sent.root
    auxes = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in ("will", "shall", "'ll", "wo") for a in auxes):
        return "future"
    head = verb.head
    if verb.dep_ == "xcomp" and (head.lemma_ in FUTURE_HEADS or head.lower_ == "going"):
        return "future"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ == "VBN" and (not auxes or any(a.lemma_ == "have" for a in auxes)):
        return "past"
    return "present"


# --- candidates ---------------------------------------------------------------------------------


def _candidates(doc: Doc, text: str) -> list[Span]:
    """DATE entities and rule matches; the longest wins, and a long entity the rules cannot
    resolve gives way to the rule matches inside it."""
    ruled = [m.span() for m in _rule_pattern().finditer(text) if not _false_friend(text, *m.span())]
    entities = [(e.start_char, e.end_char) for e in ents_of(doc) if e.label_ == "DATE"]
    entities = [(s, e) for s, e in entities if not _false_friend(text, s, e)]
    chosen: list[tuple[int, int]] = []
    for start, end in _longest_first(ruled + entities):
        nearby = ruled[bisect.bisect_left(ruled, (start,)) : bisect.bisect_left(ruled, (end,))]  # in text order
        inside = [(s, e) for s, e in nearby if e <= end and (s, e) != (start, end)]
        if inside and _unresolved(text[start:end]):
            chosen.extend(_longest_first(inside))
        else:
            chosen.append((start, end))
    spans = (doc.char_span(start, end, alignment_mode="expand") for start, end in sorted(chosen))
    return [span for span in spans if span is not None]


def _longest_first(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Non-overlapping spans, preferring the longer (then the earlier) where they overlap. The kept
    spans (never empty) are apart and in text order, so a span can overlap only the last kept one
    starting before its end: a bisection, where checking every kept span is quadratic in the dates
    of a long article."""
    kept: list[tuple[int, int]] = []
    for start, end in sorted(set(spans), key=lambda s: (s[0] - s[1], s[0])):
        i = bisect.bisect_left(kept, (end,))  # the kept spans starting before ``end``
        if i == 0 or kept[i - 1][1] <= start:
            kept.insert(i, (start, end))
    return kept


def _unresolved(text: str) -> bool:
    resolved = resolve(text, date(2000, 1, 1))
    return resolved is None or resolved["value"] is None


def _false_friend(text: str, start: int, end: int) -> bool:
    """"Black Friday", "Bloody Sunday", "Sunday Times" are names, not days."""
    words = load_timex_words()
    piece = text[start:end].lower()
    if not any(w in piece for w in words["weekdays"] if len(w) > 4):
        return False  # most candidates name no day: the words around them are not read
    before = re.search(r"(\w+)\s+\w*$", text[max(0, start - 30) : end])
    after = re.match(r"\W+(\w+)", text[end : end + 30])
    day_at_start = re.match(r"[a-z]+", piece) and re.match(r"[a-z]+", piece)[0] in words["weekdays"]
    if day_at_start and before and before[1] in {w.title() for w in words["weekday_false_friends"]}:
        return True
    return bool(after and after[1].lower() in words["weekday_false_friends_after"])


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Cut footnote markers ("8.[15"), possessives and punctuation off a candidate's edges."""
    bracket = text.find("[", start, end)
    if bracket != -1:
        end = bracket
    while True:
        piece = text[start:end]
        if piece.endswith(("'s", "’s")):
            end -= 2
        elif piece and (piece[-1].isspace() or piece[-1] in ".,;:!?)\"”’'—–-"):
            end -= 1
        elif piece and (piece[0].isspace() or piece[0] in "(\"“‘'"):
            start += 1
        else:
            break
    return (start, end) if end > start else None


@functools.lru_cache(maxsize=1)
def _rule_pattern() -> re.Pattern[str]:
    """One regular expression over the raw text for the date shapes the NER model misses, built
    from ``timex.json``. Text, not tokens: it is fast, and it sees "October 8" inside the token
    "8.[15". Month and weekday names must be capitalised ("may" is a verb); alternatives are
    ordered so the longer shape wins at each position."""
    w = load_timex_words()

    def titled(names: Any, min_len: int = 0) -> str:
        forms = [n.title() + (r"\.?" if len(n) <= 4 else "") for n in names if len(n) >= min_len]
        return "(?:" + "|".join(sorted(forms, key=len, reverse=True)) + ")"

    def ci(names: Any) -> str:
        return "(?i:" + _alt(names) + ")"

    month, weekday = titled(w["months"]), titled(w["weekdays"], min_len=5)
    day, year = r"\d{1,2}(?:st|nd|rd|th)?(?!\d)", r"(?:1[89]|20)\d\d(?!\d)"
    direction = ci(d for d in w["direction"] if " " not in d)
    day_part = rf"(?:\s+{ci(w['day_parts'])}\b)?"
    shapes = [
        rf"{ci(w['part_of_month'])}[\s-]+{month}(?:,?\s+{year})?",
        rf"(?:{weekday},?\s+)?{month}\s+{day}(?:,?\s+{year})?",
        rf"{day}\s+(?:of\s+)?{month}(?:,?\s+{year})?",
        rf"{month},?\s+(?:of\s+)?{year}",
        rf"(?:{direction}\s+)?{weekday}\b{day_part}",
        rf"{ci(w['relative_days'])}\b{day_part}",
        rf"(?:(?i:earlier|later)\s+(?i:this)|{direction})\s+(?i:weekend|week|month|year)\b",
        rf"(?:\d+|{ci(w['numbers'])})\s+{ci(w['units'])}\s+(?i:ago)\b",
        rf"{ci(w['vague'])}\b",
    ]
    # Every shape starts with a digit, a capitalised month or weekday, or one of these words in any
    # case, followed by a word boundary: a lookahead for that first word skips most word starts
    # without trying ten shapes.
    any_case = [*w["part_of_month"], *w["direction"], *w["relative_days"], "earlier", "later", *w["numbers"], *w["vague"]]
    capitalised = [n.title() for n in (*w["months"], *w["weekdays"])]
    first = rf"(?=[{_firsts(capitalised)}\d]|(?i:{grouped_alternation(any_case)})\b)"
    return re.compile(r"\b" + first + "(?:" + "|".join(shapes) + ")")


def _firsts(words: Iterable[str]) -> str:
    """The first characters of ``words``, escaped for a character class."""
    return "".join(sorted({re.escape(word[0]) for word in words}))


# --- resolution rules ---------------------------------------------------------------------------


def _normalise(text: str) -> str:
    """Lower case, no dots or ordinal suffixes, single spaces, no leading "the"."""
    norm = text.lower().replace("’", "'").replace(".", "")
    if "-" in norm:  # the lookbehinds are tried at every character: only a hyphenated word needs them
        norm = re.sub(r"(?<=[a-z])-(?=\w)|(?<=\w)-(?=[a-z])", " ", norm)
    norm = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", norm)
    norm = re.sub(r"\s+", " ", norm).strip(" ,")
    return re.sub(r"^the ", "", norm)


def _alt(names: Any) -> str:
    return "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def _grammar() -> dict[str, re.Pattern[str]]:
    """One regular expression per rule, over normalised text."""
    w = load_timex_words()
    m, wd, dp = _alt(w["months"]), _alt(w["weekdays"]), _alt(w["day_parts"])
    year = r"(?:,? (?P<year>\d{4}))?"
    d, n, u = _alt(w["direction"]), _alt(w["numbers"]), _alt(w["units"])
    quantifier = _alt(w["quantifiers"])
    return {
        "month_day": re.compile(rf"^(?:(?:{wd}),? )?(?P<month>{m}) (?P<day>\d{{1,2}}){year}$"),
        "day_month": re.compile(rf"^(?:(?:{wd}),? )?(?P<day>\d{{1,2}}) (?:of )?(?P<month>{m}){year}$"),
        "part_of_month": re.compile(rf"^(?P<part>{_alt(w['part_of_month'])}) (?P<month>{m}){year}$"),
        "month": re.compile(rf"^(?:(?P<dir>{d}) )?(?P<month>{m})(?:,? (?:of )?(?P<year>\d{{4}}))?$"),
        "weekday": re.compile(rf"^(?:(?P<dir>{d}) )?(?P<weekday>{wd})(?: (?:{dp}))?$"),
        "relative_day": re.compile(rf"^(?P<rel>{_alt(w['relative_days'])})(?: (?:{dp}))?$"),
        "relative_unit": re.compile(rf"^(?P<dir>{d}) (?P<unit>week|weekend|month|year)$"),
        "ago": re.compile(rf"^(?P<n>\d+|{n}) (?P<unit>{u}) ago$"),
        "season": re.compile(
            rf"^(?:(?P<dir>{d}|early|late|mid) )?(?P<season>{_alt(w['seasons'])})(?: of)?{year}$"
        ),
        "year": re.compile(r"^(?:(?:the )?year )?(?P<year>\d{4})$"),
        "years": re.compile(r"^(?P<first>\d{4}) ?(?:-|–|—|/|to) ?(?P<last>\d{4}|\d{2})$"),
        "decade": re.compile(r"^(?P<decade>\d{3})0s$"),
        "duration": re.compile(
            rf"(?:\d|\b(?:{n}|{quantifier})\b).*\b(?:{u})\b|^(?:{u})$|\b(?:days|weeks|months|years|decades)\b"
        ),
    }


def _result(
    value: str | None, granularity: str, relative: bool = False, ambiguous: bool = False
) -> Resolution:
    return {"value": value, "granularity": granularity, "relative": relative, "ambiguous": ambiguous}


def _interval(first: date, last: date) -> str:
    return f"{first.isoformat()}/{last.isoformat()}"


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _clip(year: int, month: int, day: int) -> date | None:
    """``date(year, month, day)``, or None for a day the month does not have."""
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return date(year, month, day)


def _choose_year(span_of: Any, published: date, tense: str) -> int:
    """The year (publication year +-1) whose ``span_of(year) -> (first, last)`` fits the tense."""
    years = [published.year - 1, published.year, published.year + 1]
    spans = {y: span_of(y) for y in years}
    if tense == "past":
        return max((y for y in years if spans[y][0] <= published), default=years[0])
    if tense == "future":
        return min((y for y in years if spans[y][1] >= published), default=years[-1])

    def distance(y: int) -> int:
        first, last = spans[y]
        if last < published:
            return (published - last).days
        return max(0, 3 * (first - published).days)

    return min(years, key=lambda y: (distance(y), y))


def _directed(direction: str | None, tense: str) -> str:
    """The tense a "last/next/this" modifier imposes, else the sentence's own."""
    imposed = load_timex_words()["direction"].get(direction or "")
    return imposed if imposed in ("past", "future") else tense


def _month_day(match: re.Match[str], published: date | None, tense: str) -> Resolution:
    month, day = load_timex_words()["months"][match["month"]], int(match["day"])
    if match["year"]:
        found = _clip(int(match["year"]), month, day)
        return _result(found.isoformat() if found else None, "day")
    if published is None or _clip(2000, month, day) is None:  # 2000 is a leap year: any real day fits
        return _result(None, "day")
    year = _choose_year(lambda y: (_clip(y, month, day) or _month_end(y, month),) * 2, published, tense)
    found = _clip(year, month, day)
    return _result(found.isoformat() if found else None, "day")



def _part_of_month(match: re.Match[str], published: date | None, tense: str) -> Resolution:
    words = load_timex_words()
    month = words["months"][match["month"]]
    first_day, last_day = words["part_of_month"][match["part"]]

    def span_of(y: int) -> tuple[date, date]:
        end = _month_end(y, month)
        return date(y, month, first_day), end.replace(day=min(last_day, end.day))

    if match["year"]:
        return _result(_interval(*span_of(int(match["year"]))), "part_of_month")
    if published is None:
        return _result(None, "part_of_month")
    return _result(_interval(*span_of(_choose_year(span_of, published, tense))), "part_of_month")


def _month(match: re.Match[str], published: date | None, tense: str) -> Resolution:
    month = load_timex_words()["months"][match["month"]]
    if match["year"]:
        return _result(f"{int(match['year']):04d}-{month:02d}", "month")
    relative = match["dir"] is not None
    if published is None:
        return _result(None, "month", relative)

    def span_of(y: int) -> tuple[date, date]:
        return date(y, month, 1), _month_end(y, month)

    direction = load_timex_words()["direction"].get(match["dir"] or "")
    if direction in ("past", "future") and month == published.month:  # "last October", written in October
        year = published.year + (-1 if direction == "past" else 1)
    elif direction == "this":
        year = published.year
    else:
        year = _choose_year(span_of, published, _directed(match["dir"], tense))
    return _result(f"{year:04d}-{month:02d}", "month", relative)


def _weekday(match: re.Match[str], published: date | None, tense: str) -> Resolution:
    words = load_timex_words()
    if published is None:
        return _result(None, "day", relative=True)
    weekday = words["weekdays"][match["weekday"]]
    direction = words["direction"].get(match["dir"] or "")
    back = (published.weekday() - weekday) % 7
    ahead = (weekday - published.weekday()) % 7
    ambiguous = False
    if direction == "past":
        found = published - timedelta(days=back or 7)
    elif direction == "future":
        found = published + timedelta(days=ahead or 7)
    elif tense == "future":
        found = published + timedelta(days=ahead)
    else:
        found = published - timedelta(days=back)
        ambiguous = tense != "past"
    return _result(found.isoformat(), "day", relative=True, ambiguous=ambiguous)


def _relative_day(match: re.Match[str], published: date | None, tense: str) -> Resolution:
    if published is None:
        return _result(None, "day", relative=True)
    offset = load_timex_words()["relative_days"][match["rel"]]
    return _result((published + timedelta(days=offset)).isoformat(), "day", relative=True)


def _iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _shift_month(day: date, months: int) -> str:
    index = day.year * 12 + day.month - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _relative_unit(match: re.Match[str], published: date | None, tense: str) -> Resolution:
    unit = match["unit"]
    granularity = "week" if unit == "weekend" else unit
    if published is None:
        return _result(None, granularity, relative=True)
    step = {"past": -1, "this": 0, "future": 1}[load_timex_words()["direction"][match["dir"]]]
    if unit == "week":
        value = _iso_week(published + timedelta(weeks=step))
    elif unit == "weekend":
        saturday = published - timedelta(days=published.weekday()) + timedelta(days=5 + 7 * step)
        value = _interval(saturday, saturday + timedelta(days=1))
    elif unit == "month":
        value = _shift_month(published, step)
    else:
        value = f"{published.year + step:04d}"
    return _result(value, granularity, relative=True)


def _ago(match: re.Match[str], published: date | None, tense: str) -> Resolution:
    words = load_timex_words()
    count = int(match["n"]) if match["n"].isdigit() else words["numbers"][match["n"]]
    unit = words["units"][match["unit"]]
    granularity = unit if unit in ("day", "week", "month", "year") else "unknown"
    if published is None or granularity == "unknown":
        return _result(None, granularity, relative=True)
    if unit == "day":
        value = (published - timedelta(days=count)).isoformat()
    elif unit == "week":
        value = _iso_week(published - timedelta(weeks=count))
    elif unit == "month":
        value = _shift_month(published, -count)
    else:
        value = f"{published.year - count:04d}"
    return _result(value, granularity, relative=True)


def _season(match: re.Match[str], published: date | None, tense: str) -> Resolution:
    first_month, last_month = load_timex_words()["seasons"][match["season"]]

    def span_of(y: int) -> tuple[date, date]:
        last_year = y + 1 if last_month < first_month else y
        return date(y, first_month, 1), _month_end(last_year, last_month)

    crosses_year = last_month < first_month
    if match["year"]:
        return _result(_interval(*span_of(int(match["year"]))), "season", ambiguous=crosses_year)
    relative = match["dir"] in load_timex_words()["direction"]
    if published is None:
        return _result(None, "season", relative)
    direction = load_timex_words()["direction"].get(match["dir"] or "")
    if direction == "this":
        year = _choose_year(span_of, published, "present")
    else:
        year = _choose_year(span_of, published, _directed(match["dir"], tense))
        current = span_of(year)[0] <= published <= span_of(year)[1]
        if current and direction in ("past", "future"):  # "last summer", written in summer
            year += -1 if direction == "past" else 1
    return _result(_interval(*span_of(year)), "season", relative)


def _year(match: re.Match[str], published: date | None, tense: str) -> Resolution:
    return _result(match["year"], "year")


def _years(match: re.Match[str], published: date | None, tense: str) -> Resolution:
    first, last = match["first"], match["last"]
    if len(last) == 2:
        last = first[:2] + last
    if int(last) <= int(first):
        return _result(None, "year")
    return _result(f"{first}/{last}", "year")


def _decade(match: re.Match[str], published: date | None, tense: str) -> Resolution:
    return _result(match["decade"], "decade")


# (grammar name, rule), tried in this order; the first grammar that matches decides.
_RULES = (
    ("month_day", _month_day), ("day_month", _month_day), ("part_of_month", _part_of_month),
    ("month", _month), ("weekday", _weekday), ("relative_day", _relative_day),
    ("relative_unit", _relative_unit), ("ago", _ago), ("season", _season), ("year", _year),
    ("years", _years), ("decade", _decade),
)


def _fallback(norm: str, published: date | None, tense: str) -> Resolution:
    """Ask dateparser about a string the rules missed, only when it has a number or a month and
    there is a publication date to resolve it against; otherwise keep it unresolved."""
    has_month = re.search(rf"\b(?:{_alt(load_timex_words()['months'])})\b", norm)
    if published is None or not (has_month or re.search(r"\d", norm)):
        return _result(None, "unknown")
    prefer = {"past": "past", "future": "future"}.get(tense, "current_period")
    return _dateparser(norm, published.isoformat(), prefer)


@functools.lru_cache(maxsize=4096)
def _dateparser(norm: str, published: str, prefer: str) -> Resolution:
    from dateparser.date import DateDataParser

    base = datetime.fromisoformat(published)
    parser = DateDataParser(
        languages=["en"],
        settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": prefer, "PREFER_DAY_OF_MONTH": "first"},
    )
    found = parser.get_date_data(norm)
    if found.date_obj is None or found.period not in ("day", "week", "month", "year"):
        return _result(None, "unknown")
    day = found.date_obj.date()
    value = {
        "day": day.isoformat(),
        "week": _iso_week(day),
        "month": f"{day.year:04d}-{day.month:02d}",
        "year": f"{day.year:04d}",
    }[found.period]
    return _result(value, found.period, relative=not re.search(r"\b\d{4}\b", norm))
