"""search, speakers, timeline and export over a small hand-built corpus, on SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pyarrow.parquet as pq
import pytest

from sayso.errors import InputError
from sayso.store.export import export_table
from sayso.store.query import plot_timeline, search, speakers, timeline


def test_query_search_counts_independent_origins(small_corpus):
    found = search(small_corpus, "attack from the north")
    assert [(r["kind"], r["published"], r["carriers"]) for r in found] == [
        ("assessment", "2022-10-01", 2),
        ("assessment", "2022-11-15", 1),
    ]
    assert found[0]["speaker"] == "The institute" and found[0]["median"] == 0.3
    quotes = search(small_corpus, "columns moving north", carriers=True)
    assert len(quotes) == 1 and quotes[0]["kind"] == "attribution" and quotes[0]["carriers"] == 2
    assert [c["title"] for c in quotes[0]["carried_by"]] == ["Wire story", "Reprint"]


@pytest.mark.parametrize(
    ("query", "options", "expected"),
    [
        ("grain convoys", {}, ["Grain"]),
        ("grain convoys", {"speaker": "rivera"}, ["Grain"]),
        ("grain convoys", {"speaker": "governor"}, []),
        ("attack north", {"since": "2022-11-01"}, ["Later view"]),
        ("attack north", {"until": "2022-10-31"}, ["Wire story"]),
        ("attack north", {"band": "likely"}, ["Later view"]),
        ("attack north", {"voice": "quoted"}, []),
        ("attack north", {"voice": "author"}, ["Wire story", "Later view"]),
        ("zebra unicorn", {}, []),
    ],
)
def test_query_search_filters(small_corpus, query, options, expected):
    assert [r["title"] for r in search(small_corpus, query, **options)] == expected


@pytest.mark.parametrize(
    "hostile",
    ['"', "grain\" OR \"", "NEAR(grain port)", "grain*", "title:grain", "'; DROP TABLE documents; --",
     "^grain", "grain AND", "(((", "grain\x00convoys", "%", "_"],
)
def test_query_search_hostile_text_is_only_words(small_corpus, hostile):
    try:
        found = search(small_corpus, hostile)
    except InputError as error:
        assert "no words" in str(error)
        return
    assert all(r["title"] == "Grain" for r in found)
    assert len(search(small_corpus, "grain convoys")) == 1  # the tables are intact


def test_query_bad_options_are_input_errors(small_corpus):
    with pytest.raises(InputError, match="--since"):
        search(small_corpus, "grain", since="last week")
    with pytest.raises(InputError, match="--voice"):
        search(small_corpus, "grain", voice="narrator")


def test_query_speakers(small_corpus):
    rows = speakers(small_corpus)
    assert [(r["speaker"], r["origins"], r["quotes"], r["documents"]) for r in rows] == [
        ("A regional governor", 1, 2, 2),
        ("Colonel Rivera", 1, 1, 1),
    ]
    assert rows[0]["cues"] == ["said"] and rows[0]["in"] == ["Reprint", "Wire story"]
    assert [r["speaker"] for r in speakers(small_corpus, org="navy")] == ["Colonel Rivera"]
    assert speakers(small_corpus, org="nobody%") == []


def test_query_timeline_marks_a_change_not_a_contradiction(small_corpus, tmp_path):
    rows = timeline(small_corpus, "attack from the north")
    assert [(r["published"], r["source"], r["status"], r["carriers"]) for r in rows] == [
        ("2022-10-01", "The institute", "first", 2),
        ("2022-11-15", "The institute", "change", 1),
    ]
    assert rows[1]["supersedes"] == rows[0]["id"] and rows[0]["superseded_by"] == rows[1]["id"]
    assert rows[1]["change"] == pytest.approx(0.4)
    out = tmp_path / "timeline.png"
    assert plot_timeline(rows, str(out)) == 2
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert timeline(small_corpus, "grain convoys") == []


def test_query_export_jsonl_and_parquet(small_corpus, tmp_path):
    assert export_table(small_corpus, "documents", "jsonl", tmp_path / "d.jsonl") == 4
    lines = [json.loads(line) for line in (tmp_path / "d.jsonl").read_text().splitlines()]
    assert [d["title"] for d in lines] == ["Wire story", "Reprint", "Later view", "Grain"]
    assert "minhash" not in lines[0] and json.loads(lines[0]["analysis"])["schema"] == "sayso/1"
    assert lines[1]["origin_id"] == lines[0]["id"]
    assert export_table(small_corpus, "assessments", "parquet", tmp_path / "a.parquet") == 3
    table = pq.read_table(tmp_path / "a.parquet")
    assert table.num_rows == 3 and sorted(table.column("median").to_pylist()) == [0.3, 0.3, 0.7]
    with pytest.raises(InputError, match="unknown table"):
        export_table(small_corpus, "sqlite_master", "jsonl", tmp_path / "x.jsonl")
    assert not (tmp_path / "x.jsonl").exists()
