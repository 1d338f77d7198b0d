"""sayso ingest end to end: every input kind, broken inputs named, duplicates skipped, reruns idempotent."""

from __future__ import annotations

import io
import json
import sqlite3

import pytest
from sqlalchemy import func, select

from sayso.cli import main
from sayso.errors import InputError, StoreError
from sayso.store import schema
from sayso.store.database import open_store
from sayso.store.ingest import IngestReport, ingest
from sayso.store.writer import check

STORY = (
    'Harbour officials in {town} said "the {n}th grain ship left the quay after the channel was swept" on Friday. '
    "The port authority assesses it is likely that exports from {town} will double by the end of the season."
)
PAGE = (
    "<html><head><title>{town} ferry</title></head><body><article><h1>{town} ferry</h1>"
    '<p>The ferry operator told reporters "the crossing to {town} resumes on Monday if the weather holds".</p>'
    "<p>Forecasters say it is unlikely that the storm will reach {town} before the weekend.</p></article></body></html>"
)


def warc_bytes(records: list[tuple[str, str, bytes]]) -> bytes:
    """A WARC file with one response record per (url, content type, body), plus a request record."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for url, content_type, body in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
        writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
    return buffer.getvalue()


def write_inputs(tmp_path):
    """A folder holding every input kind, good and broken."""
    folder = tmp_path / "in"
    (folder / "nested").mkdir(parents=True)
    (folder / "a.txt").write_text(STORY.format(town="Varna", n=1), encoding="utf-8")
    (folder / "nested" / "b.txt").write_text(STORY.format(town="Constanta", n=2), encoding="utf-8")
    (folder / "nested" / "copy.txt").write_text(STORY.format(town="Varna", n=1), encoding="utf-8")
    (folder / "c.html").write_text(PAGE.format(town="Burgas"), encoding="utf-8")
    (folder / "latin1.txt").write_bytes(STORY.format(town="Sète", n=3).encode("latin-1"))
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")
    (folder / "notes.docx").write_text("not an input: wrong suffix inside a folder", encoding="utf-8")
    lines = [
        json.dumps({"text": STORY.format(town="Odesa", n=4), "url": "https://news.example/odesa",
                    "title": "Odesa grain", "published": "2023-07-01"}),
        "{not json",
        json.dumps({"title": "no body"}),
        json.dumps({"html": PAGE.format(town="Izmail"), "url": "https://news.example/izmail"}),
    ]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "crawl.warc.gz").write_bytes(
        warc_bytes([
            ("https://news.example/reni", "text/html; charset=utf-8", PAGE.format(town="Reni").encode()),
            ("https://news.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64)),
        ])
    )
    return folder


def outcomes(report: IngestReport) -> dict[str, tuple[str, str]]:
    return {p.name.rsplit("/", 1)[-1]: (p.status, p.message) for p in report.problems}


def test_ingest_every_kind_of_input(tmp_path, db_url):
    inputs = write_inputs(tmp_path)
    report = ingest([inputs], db=db_url)
    problems = outcomes(report)
    assert report.stored == 7, problems
    assert problems["copy.txt"][0] == "skipped" and "duplicate" in problems["copy.txt"][1]
    assert problems["empty.txt"][0] == "failed"
    assert problems["feed.jsonl:2"][0] == "failed" and "not valid JSON" in problems["feed.jsonl:2"][1]
    assert "no 'text' or 'html'" in problems["feed.jsonl:3"][1]
    png = [p for p in report.problems if p.name.endswith("logo.png")]
    assert len(png) == 1 and png[0].status == "skipped" and "not HTML" in png[0].message and "image/png" in png[0].message
    assert report.exit_code == 1  # some failed
    store = open_store(db_url)
    assert check(store) == []
    with store.read() as conn:
        d = schema.documents
        rows = {r.source_name.split("/in/", 1)[-1]: r for r in conn.execute(select(d))}
    odesa = rows["feed.jsonl:1"]
    assert (odesa.url, odesa.title, odesa.published) == ("https://news.example/odesa", "Odesa grain", "2023-07-01")
    assert rows["crawl.warc.gz#https://news.example/reni"].url == "https://news.example/reni"
    assert "Sète" in rows["latin1.txt"].text


def test_ingest_rerun_adds_nothing(tmp_path, db_url):
    inputs = write_inputs(tmp_path)
    first = ingest([inputs], db=db_url)
    again = ingest([inputs], db=db_url)
    assert again.stored == 0 and again.skipped == first.stored + first.skipped
    assert all("duplicate" in p.message or p.status == "failed" or "not HTML" in p.message for p in again.problems)
    store = open_store(db_url)
    with store.read() as conn:
        assert conn.execute(select(func.count()).select_from(schema.documents)).scalar_one() == first.stored
    assert check(store) == []


def test_ingest_published_option_fills_missing_dates(tmp_path):
    (tmp_path / "x.txt").write_text(STORY.format(town="Galati", n=5), encoding="utf-8")
    ingest([tmp_path / "x.txt"], db=tmp_path / "s.db", published="2024-02-03")
    with open_store(tmp_path / "s.db").read() as conn:
        assert conn.execute(select(schema.documents.c.published)).scalar_one() == "2024-02-03"


def test_ingest_missing_path_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file or folder: .*nowhere"):
        ingest([tmp_path / "nowhere"], db=tmp_path / "s.db")


def test_ingest_unreachable_database_names_the_url(tmp_path):
    (tmp_path / "x.txt").write_text(STORY.format(town="Galati", n=5), encoding="utf-8")
    with pytest.raises(StoreError, match=r"127\.0\.0\.1:1/nothing") as error:
        ingest([tmp_path / "x.txt"], db="postgresql://someone:secret@127.0.0.1:1/nothing")
    assert "secret" not in str(error.value)
    with pytest.raises(StoreError, match="unsupported database URL 'mysql://"):
        ingest([tmp_path / "x.txt"], db="mysql://someone@127.0.0.1/news")
    with pytest.raises(StoreError, match="folder .*missing does not exist"):
        ingest([tmp_path / "x.txt"], db=tmp_path / "missing" / "s.db")


def test_ingest_locked_sqlite_names_the_file_and_loses_nothing(tmp_path):
    (tmp_path / "x.txt").write_text(STORY.format(town="Galati", n=5), encoding="utf-8")
    (tmp_path / "y.txt").write_text(STORY.format(town="Tulcea", n=6), encoding="utf-8")
    path = tmp_path / "s.db"
    assert ingest([tmp_path / "x.txt"], db=path).stored == 1
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # another writer holds the lock
    try:
        with pytest.raises(StoreError, match=rf"SQLite file {path} is locked"):
            ingest([tmp_path / "y.txt"], db=open_store(path, busy_timeout=0.2))
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert check(open_store(path)) == []
    assert ingest([tmp_path], db=path).stored == 1  # y.txt now; x.txt kept


@pytest.mark.parametrize(
    ("files", "code"),
    [
        ({"ok.txt": STORY.format(town="Vidin", n=7)}, 0),
        ({"ok.txt": STORY.format(town="Vidin", n=7), "bad.txt": ""}, 1),
        ({"bad.txt": "", "worse.txt": " "}, 2),
    ],
)
def test_ingest_cli_exit_codes(tmp_path, files, code, capsys):
    for name, body in files.items():
        (tmp_path / name).write_text(body, encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        main(["ingest", str(tmp_path), "--db", str(tmp_path / "s.db"), "--quiet"])
        raise SystemExit(0)
    assert exit_info.value.code == code
    err = capsys.readouterr().err
    assert "stored" in err and "failed" in err
    if code:
        assert "bad.txt" in err


def test_ingest_one_bad_document_costs_only_itself(tmp_path, monkeypatch):
    """When the analysis pass breaks on one article, the rest are analysed and stored anyway."""
    from sayso import pipeline

    real_many, real_one = pipeline.analyze_documents, pipeline.analyze_document

    def poisoned(document):
        if "POISON" in document.text:
            raise ValueError("component crashed on this article")

    def many(documents, **options):
        for analysis in real_many(documents, **options):
            poisoned(analysis)
            yield analysis

    def one(document, **options):
        poisoned(document)
        return real_one(document, **options)

    monkeypatch.setattr(pipeline, "analyze_documents", many)
    monkeypatch.setattr(pipeline, "analyze_document", one)
    for i, town in enumerate(["Ruse", "Pleven", "Lom", "Silistra", "Sliven"]):
        body = STORY.format(town=town, n=i + 10) + (" POISON" if town == "Lom" else "")
        (tmp_path / f"{i}-{town}.txt").write_text(body, encoding="utf-8")
    report = ingest([tmp_path], db=tmp_path / "s.db", batch_size=2)
    assert report.stored == 4 and report.failed == 1
    assert [(p.name.rsplit("/", 1)[-1], p.status) for p in report.problems] == [("2-Lom.txt", "failed")]
    assert "component crashed" in report.problems[0].message
    assert check(open_store(tmp_path / "s.db")) == []
