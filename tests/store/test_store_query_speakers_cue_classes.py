"""``sayso speakers`` counts quotes, and a quote is speech: "the mayor expects …" or "you think …" is
a belief, not a quote, so it is counted only with ``all_cues``, which then gives each identity's
count per cue class; a speaker with no speech is no quoted speaker at all. Rows stored before the
class was kept (null) count as speech, as in search."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

from sayso.store import query, schema
from sayso.store.database import open_store
from sayso.store.writer import Writer

TEXT = (
    "Anna Berg said the bridge would reopen in June. Anna Berg expects the bridge to carry more trucks. "
    "Tom Reed thinks the repairs will run late. Divers saw the bridge sway in the storm. "
    "Tom Reed said the budget was spent."
)
QUOTES = [
    ("the bridge would reopen in June", "said", "Anna Berg", None, "speech"),
    ("the bridge to carry more trucks", "expects", "Anna Berg", None, "belief"),
    ("the repairs will run late", "thinks", "Tom Reed", None, "belief"),
    ("the bridge sway in the storm", "saw", "Divers", None, "perception"),
]


def _save(store, make_analysis, text: str = TEXT, quotes=QUOTES, source: str = "a.txt"):
    made = make_analysis(text, quotes=[q[:4] for q in quotes])
    classes = [q[4] for q in quotes]
    analysis = replace(made, attributions=tuple(replace(a, cue_class=c) for a, c in zip(made.attributions, classes)))
    Writer(store).save(analysis, raw=text, source_name=source)
    return store


def _counts(rows) -> dict[str, int]:
    return {r["speaker"]: r["quotes"] for r in rows}


def test_speakers_count_speech_only_by_default(db_url, make_analysis):
    rows = query.speakers(_save(open_store(db_url), make_analysis))
    assert _counts(rows) == {"Anna Berg": 1}
    assert rows[0]["cues"] == ["said"] and "cue_classes" not in rows[0]


def test_all_cues_counts_the_rest_labelled_per_class(db_url, make_analysis):
    rows = query.speakers(_save(open_store(db_url), make_analysis), all_cues=True)
    assert _counts(rows) == {"Anna Berg": 2, "Tom Reed": 1, "Divers": 1}
    assert {r["speaker"]: r["cue_classes"] for r in rows} == {
        "Anna Berg": {"speech": 1, "belief": 1}, "Tom Reed": {"belief": 1}, "Divers": {"perception": 1},
    }
    assert sorted(next(r for r in rows if r["speaker"] == "Anna Berg")["cues"]) == ["expects", "said"]


def test_a_row_stored_before_the_class_was_kept_counts_as_speech(db_url, make_analysis):
    store = _save(open_store(db_url), make_analysis)
    with store.write() as conn:
        conn.execute(schema.attributions.update().values(cue_class=None))
    assert _counts(query.speakers(store)) == {"Anna Berg": 2, "Tom Reed": 1, "Divers": 1}


def test_cli_speakers_labels_the_classes_with_all_cues(run_sayso, tmp_path, make_analysis):
    path = tmp_path / "corpus.db"
    _save(open_store(path), make_analysis)
    code, out, _ = run_sayso("speakers", "--db", str(path), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and [(r["speaker"], r["quotes"]) for r in rows] == [("Anna Berg", "1")]
    assert "cue_classes" not in rows[0]
    code, out, _ = run_sayso("speakers", "--db", str(path), "--format", "csv", "--all-cues")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and sorted((r["speaker"], r["quotes"], r["cue_classes"]) for r in rows) == [
        ("Anna Berg", "2", "speech 1; belief 1"), ("Divers", "1", "perception 1"), ("Tom Reed", "1", "belief 1"),
    ]
