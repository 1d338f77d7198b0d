"""Every documented cap (docs/limits.md), hit at the edges users see: a CLI exit code with one
line on stderr, or a web status code with a JSON error naming the limit."""

from __future__ import annotations

import time

import pytest

from sayso import reading
from sayso.cli import main
from sayso.errors import InputError, TimeLimitError

SENTENCE = "Port officials said the grain ship left Izmail at dawn under naval escort. "

HINT = " (pass a larger --max-bytes to raise it)"  # the CLI names its option (issue 18)


def run_cli(argv: list[str], capsys) -> tuple[int, list[str]]:
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    lines = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    return stopped.value.code, lines


@pytest.fixture
def slow_step(nlp, monkeypatch):
    """Make sayso's first component sleep on documents containing SLOW, under a 0.3 s limit."""
    component = nlp.get_pipe("sayso")
    step = component.steps[0]
    compute = step.compute

    def sleepy(doc):
        if "SLOW" in doc.text:
            time.sleep(3)
        return compute(doc)

    monkeypatch.setattr(step, "compute", sleepy)
    monkeypatch.setattr(component, "time_limit", 0.3)
    return component


# --- input bytes, text characters, paragraph length ------------------------------------------------


def test_cli_refuses_a_file_over_max_bytes(tmp_path, capsys):
    path = tmp_path / "big.txt"
    path.write_text(SENTENCE * 40, encoding="utf-8")
    size = path.stat().st_size
    code, lines = run_cli(["analyze", str(path), "--max-bytes", "1000"], capsys)
    assert code == InputError.exit_code == 2
    assert lines == [f"sayso: error: {str(path)!r} is {size:,} bytes; the limit is 1,000 bytes{HINT}"]


def test_cli_refuses_a_file_over_the_default_byte_limit(tmp_path, capsys):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(reading.MAX_INPUT_BYTES + 1)  # sparse: refused by its size before any read
    code, lines = run_cli(["analyze", str(path)], capsys)
    assert code == 2
    expected = (f"sayso: error: {str(path)!r} is {reading.MAX_INPUT_BYTES + 1:,} bytes; "
                f"the limit is {reading.MAX_INPUT_BYTES:,} bytes{HINT}")
    assert lines == [expected]


def test_cli_refuses_stdin_over_max_bytes(capsys, monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO((SENTENCE * 40).encode())))
    code, lines = run_cli(["analyze", "-", "--max-bytes", "1000"], capsys)
    assert code == 2 and lines == [f"sayso: error: standard input is over the limit of 1,000 bytes{HINT}"]


def test_cli_refuses_text_over_the_character_limit(tmp_path, capsys):
    text = SENTENCE * (reading.MAX_TEXT_CHARS // len(SENTENCE) + 2)
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    code, lines = run_cli(["analyze", str(path)], capsys)
    assert code == 2
    expected = (f"sayso: error: the analysed text is {len(text.strip()):,} characters; "
                f"the limit is {reading.MAX_TEXT_CHARS:,}")
    assert lines == [expected]


def test_paragraph_over_the_limit_is_split_with_a_warning_not_refused(monkeypatch, nlp):
    from sayso.pipeline import analyze

    monkeypatch.setattr(reading, "MAX_PARAGRAPH_CHARS", 600)
    paragraph = SENTENCE * 30  # 2,250 characters on one line
    analysis = analyze(paragraph)
    assert all(len(line) <= 600 for line in analysis.text.split("\n"))
    assert analysis.text.replace("\n", " ") == paragraph.strip()
    assert any("split 1 paragraph(s) longer than 600 characters" in w for w in analysis.warnings)
    for passage in analysis.passages:
        assert analysis.text[passage.start : passage.end] == passage.text


# --- per-document time ----------------------------------------------------------------------


def test_pipeline_has_a_documented_default_time_limit(nlp):
    from sayso.pipeline import DOCUMENT_TIME_LIMIT

    assert 0 < DOCUMENT_TIME_LIMIT <= 300
    assert nlp.get_pipe("sayso").time_limit == DOCUMENT_TIME_LIMIT


def test_slow_document_hits_the_time_limit(slow_step):
    from sayso.pipeline import analyze

    started = time.monotonic()
    with pytest.raises(TimeLimitError, match=r"per-document time limit of 0\.3 s"):
        analyze("SLOW. " + SENTENCE)
    assert time.monotonic() - started < 2.5  # interrupted, not waited out
    assert analyze(SENTENCE).text == SENTENCE.strip()  # the next document is unaffected


def test_cli_reports_the_time_limit_with_exit_2(slow_step, tmp_path, capsys):
    path = tmp_path / "slow.txt"
    path.write_text("SLOW. " + SENTENCE, encoding="utf-8")
    code, lines = run_cli(["analyze", str(path)], capsys)
    assert code == 2
    assert lines == ["sayso: error: analysis took longer than the per-document time limit of 0.3 s"]


def test_ingest_fails_only_the_slow_document(slow_step, tmp_path):
    from sayso.store.ingest import ingest

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (folder / "b.txt").write_text("SLOW. " + SENTENCE, encoding="utf-8")
    (folder / "c.txt").write_text("Rescuers said the ferry reached Odesa before the storm. " * 3, encoding="utf-8")
    report = ingest([folder], db=tmp_path / "t.db")
    assert (report.stored, report.failed, report.exit_code) == (2, 1, 1)
    [problem] = report.problems
    assert problem.name.endswith("b.txt") and "per-document time limit" in problem.message


# --- web: upload size and analysis time -----------------------------------------------------


def test_web_upload_over_the_size_cap_is_413(asgi_call):
    from sayso.web.app import Settings, create_app

    app = create_app(None, Settings(max_upload_bytes=1_000))
    response = asgi_call(app, "POST", "/api/analyze", json={"text": SENTENCE * 40})
    assert response.status_code == 413
    assert response.json()["error"] == "upload is larger than the 1,000-byte limit; send a shorter article"
    form = asgi_call(app, "POST", "/analyze", data={"text": SENTENCE * 40})
    assert form.status_code == 413 and "1,000-byte limit" in form.text


def test_web_text_over_the_character_cap_is_400(asgi_call):
    from sayso.web.app import Settings, create_app

    text = SENTENCE * (reading.MAX_TEXT_CHARS // len(SENTENCE) + 2)
    app = create_app(None, Settings(max_upload_bytes=len(text) * 2))
    response = asgi_call(app, "POST", "/api/analyze", json={"text": text})
    assert response.status_code == 400
    assert f"the limit is {reading.MAX_TEXT_CHARS:,}" in response.json()["error"]


def test_web_analysis_over_the_time_cap_is_504(asgi_call, monkeypatch):
    import sayso.pipeline
    from sayso.web.app import Settings, create_app

    def slow_analyze(*args, **kwargs):
        time.sleep(2.5)
        raise AssertionError("should have been abandoned")

    monkeypatch.setattr(sayso.pipeline, "analyze_document", slow_analyze)
    app = create_app(None, Settings(analysis_timeout=1.0))
    started = time.monotonic()
    response = asgi_call(app, "POST", "/api/analyze", json={"text": SENTENCE})
    assert time.monotonic() - started < 2.2
    assert response.status_code == 504
    assert response.json()["error"] == "analysis took longer than the 1-second limit; send a shorter article"
