"""A JSON Lines feed with fields of the wrong type or nesting too deep: each such line fails with a
reason and the rest of the feed is read (ingest printed a traceback and stopped)."""

from __future__ import annotations

import json

from sayso.store.sources import Item, Problem, iter_items

STORY = "The ministry said on Tuesday that the talks would almost certainly resume in the spring."


def read_feed(tmp_path, lines: list[str]) -> dict[str, Item | Problem]:
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {item.name.rsplit(":", 1)[-1]: item for item in iter_items([feed])}


def test_a_date_that_is_not_a_string_fails_its_line_naming_it(tmp_path):
    found = read_feed(tmp_path, [json.dumps({"text": STORY, "published": 20230101}),
                                 json.dumps({"text": STORY + " Later.", "published": ["2023-01-01"]}),
                                 json.dumps({"text": STORY + " Again.", "published": "2023-01-01"})])
    assert isinstance(found["1"], Problem) and "20230101" in found["1"].message and "YYYY-MM-DD" in found["1"].message
    assert isinstance(found["2"], Problem) and "YYYY-MM-DD" in found["2"].message
    assert isinstance(found["3"], Item) and found["3"].document.published == "2023-01-01"


def test_a_title_or_url_that_is_not_a_string_is_left_out(tmp_path):
    found = read_feed(tmp_path, [json.dumps({"text": STORY, "title": {"en": "Talks"}, "url": ["https://x.example/"]})])
    assert isinstance(found["1"], Item)
    assert (found["1"].document.title, found["1"].document.url) == (None, None)


def test_json_nested_too_deeply_fails_its_line_only(tmp_path):
    deep = '{"text": "' + STORY + '", "extra": ' + "[" * 100_000 + "]" * 100_000 + "}"
    found = read_feed(tmp_path, [deep, json.dumps({"text": STORY})])
    assert isinstance(found["1"], Problem) and "nested too deeply" in found["1"].message
    assert isinstance(found["2"], Item)


def test_a_lone_surrogate_in_any_field_becomes_a_replacement_character(tmp_path):
    line = json.dumps({"text": STORY + " \ud800 The envoy agreed.", "title": "Talks \udfff", "note": "\ud83d\ude00 ok"})
    item = read_feed(tmp_path, [line])["1"]
    assert isinstance(item, Item)
    assert "\ufffd" in item.raw and item.document.title == "Talks \ufffd" and item.meta["note"] == "\U0001f600 ok"
    for text in (item.raw, item.document.text, item.document.title, json.dumps(item.meta, ensure_ascii=False)):
        text.encode("utf-8")  # storable: no lone surrogate left
