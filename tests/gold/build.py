"""Turn the authored gold set (passages.toml, spans written as substrings) into gold.jsonl.

Annotators write each span as the text it covers; this script finds it, stores character
offsets, and refuses a span that is missing or ambiguous, so offsets never drift from the text.

    python tests/gold/build.py           # rewrite gold.jsonl
    python tests/gold/build.py --check   # exit 1 when gold.jsonl is stale
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
from pathlib import Path
from typing import Any

from sayso.calibration import load_table

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "passages.toml"
TARGET = HERE / "gold.jsonl"

KINDS = {"direct", "indirect", "mixed", "excerpt"}
# The ICD 203 band names, as the shipped calibration table names them.
BANDS = {load_table().lookup(phrase, "icd203").band for phrase in load_table().phrases}
AUTHOR = "(author)"
DAY = r"\d{4}-\d{2}-\d{2}"
VALUE = re.compile(rf"^(\d{{4}}(-\d{{2}}(-\d{{2}})?)?|{DAY}/{DAY})$")


class GoldError(ValueError):
    """An authored annotation that cannot be placed in its text."""


def locate(text: str, spec: str | dict[str, Any], where: str) -> dict[str, Any]:
    """The {start, end, text} span a substring spec denotes, or GoldError when it is not unique."""
    if isinstance(spec, str):
        needle, nth, after = spec, None, None
    else:
        needle, nth, after = spec["text"], spec.get("nth"), spec.get("after")
    starts = [m.start() for m in re.finditer(re.escape(needle), text)]
    if after is not None:
        anchor = locate(text, after, f"{where} (anchor)")
        starts = [s for s in starts if s >= anchor["end"]][:1]
    elif nth is not None:
        starts = starts[nth : nth + 1]
    if not starts:
        raise GoldError(f"{where}: {needle!r} not found")
    if len(starts) > 1:
        raise GoldError(f"{where}: {needle!r} occurs {len(starts)} times; give nth or after")
    start = starts[0]
    return {"start": start, "end": start + len(needle), "text": needle}


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line: the paragraphs voices are labelled by."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


def name_or_none(value: str) -> str | None:
    return value or None


def build_passage(item: dict[str, Any]) -> dict[str, Any]:
    pid = item["id"]
    text = item["text"].strip("\n")
    paras = paragraphs(text)
    if len(item["voices"]) != len(paras):
        raise GoldError(f"{pid}: {len(item['voices'])} voices for {len(paras)} paragraphs")
    passages = []
    for (start, end), label in zip(paras, item["voices"], strict=True):
        voice, _, source = label.partition("|")
        if voice not in ("author", "quoted"):
            raise GoldError(f"{pid}: voice {label!r} is neither author nor quoted")
        passages.append(
            {"start": start, "end": end, "text": text[start:end], "voice": voice, "source": source or None}
        )
    attributions = []
    for n, a in enumerate(item.get("attribution", [])):
        where = f"{pid} attribution {n}"
        if a["kind"] not in KINDS:
            raise GoldError(f"{where}: kind {a['kind']!r} not one of {sorted(KINDS)}")
        speaker = a["speaker"]
        attributions.append(
            {
                "kind": a["kind"],
                "content": locate(text, a["content"], f"{where} content"),
                "cue": locate(text, a["cue"], f"{where} cue") if "cue" in a else None,
                "speaker": {
                    "name": name_or_none(speaker["name"]),
                    "mention": locate(text, speaker["mention"], f"{where} mention")
                    if "mention" in speaker
                    else None,
                    "role": speaker.get("role"),
                    "org": speaker.get("org"),
                    "aliases": speaker.get("aliases", []),
                },
            }
        )
    assessments = []
    for n, a in enumerate(item.get("assessment", [])):
        where = f"{pid} assessment {n}"
        band = None if a["band"] == "none" else a["band"]
        if band is not None and band not in BANDS:
            raise GoldError(f"{where}: band {band!r} is not an ICD 203 band")
        assessments.append(
            {
                "phrase": locate(text, a["phrase"], where),
                "band": band,
                "assessor": name_or_none(a["assessor"]),
            }
        )
    dates = []
    for n, d in enumerate(item.get("date", [])):
        where = f"{pid} date {n}"
        if d["value"] and not VALUE.match(d["value"]):
            raise GoldError(f"{where}: value {d['value']!r} is not YYYY[-MM[-DD]] or START/END")
        span = locate(text, d["text"], where)
        dates.append({**span, "value": d["value"] or None, "granularity": d["granularity"]})
    return {
        "id": pid,
        "published": item["published"],
        "text": text,
        "passages": passages,
        "attributions": attributions,
        "assessments": assessments,
        "dates": dates,
    }


def build(source: Path = SOURCE) -> str:
    """The gold.jsonl content for an authored TOML file."""
    items = tomllib.loads(source.read_text(encoding="utf-8"))["passage"]
    ids = [item["id"] for item in items]
    if len(set(ids)) != len(ids):
        raise GoldError("passage ids are not unique")
    return "".join(json.dumps(build_passage(item), ensure_ascii=False) + "\n" for item in items)


def main(argv: list[str]) -> int:
    content = build()
    if "--check" in argv:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != content:
            print(f"{TARGET} is stale: run python {Path(__file__).name}", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(content, encoding="utf-8")
    print(f"wrote {content.count(chr(10))} passages to {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
