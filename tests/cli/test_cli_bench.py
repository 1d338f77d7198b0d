"""`sayso bench`: both benchmarks run end to end on a tiny corpus and print their figures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from sayso.cli import cli


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    paragraphs = [
        "The foreign ministry said on Monday that talks with its neighbours would resume next week.",
        "“We remain ready to negotiate,” the spokesman told reporters, adding that a deal was unlikely soon.",
        "Analysts assess that the offensive will very likely stall before the winter rains arrive.",
    ]
    path = tmp_path / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for i in range(4):
            text = f"Story {i}\n\n" + "\n\n".join(f"{p} (item {i}.{j})" for j, p in enumerate(paragraphs))
            out.write(json.dumps({"compartment": "dev", "text": text}) + "\n")
    return path


def test_bench_analyze_reports_both_pipelines(nlp, corpus: Path) -> None:
    result = CliRunner().invoke(cli, ["bench", "--corpus", str(corpus), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["paragraphs"] == 12
    assert figures["bare"]["words_per_second"] > 0 and figures["sayso"]["words_per_second"] > 0
    assert figures["ratio"] == pytest.approx(figures["sayso"]["words_per_second"] / figures["bare"]["words_per_second"], rel=0.01)
    assert figures["peak_rss_mb"] > 0


@pytest.mark.issue(15)
@pytest.mark.slow
def test_bench_articles_times_each_side_in_its_own_process(corpus: Path) -> None:
    result = CliRunner().invoke(cli, ["bench", "--corpus", str(corpus), "--articles", "--limit", "3", "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    for side in ("bare", "sayso"):
        assert figures[side]["articles"] == 3 and figures[side]["words"] > 0
        assert figures[side]["words_per_second"] > 0 and figures[side]["peak_rss_mb"] > 0
        assert figures[side]["cpu_seconds"] > 0
    assert figures["ratio"] == pytest.approx(figures["sayso"]["words_per_second"] / figures["bare"]["words_per_second"],
                                             rel=0.01)
    assert figures["cpu_ratio"] == pytest.approx(figures["bare"]["cpu_seconds"] / figures["sayso"]["cpu_seconds"], rel=0.01)


def test_bench_ingest_reports_workers_and_growth(nlp, corpus: Path) -> None:
    result = CliRunner().invoke(cli, ["bench", "--corpus", str(corpus), "ingest", "--workers", "1", "--sizes", "2,4", "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert [run["stored"] for run in figures["by_workers"]] == [2]
    assert [run["stored"] for run in figures["growth"]] == [2, 4]
    assert all(0 <= run["overhead_ratio"] for run in figures["growth"])


@pytest.mark.issue(18)
@pytest.mark.parametrize("mode", ["ingest", "serve"])
def test_bench_memory_prints_rss_against_documents(nlp, mode: str) -> None:
    result = CliRunner().invoke(cli, ["bench", "memory", "--mode", mode, "--documents", "4", "--every", "2", "--json"])
    assert result.exit_code == 0, result.output
    samples = json.loads(result.output)
    assert [s["documents"] for s in samples] == [2, 4]
    assert all(s["rss_mb"] > 0 for s in samples)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x82\x00\xff binary", "cannot read PolNeAR file"),
        (b"{not json\n", "corpus.jsonl:1 is not a JSON line"),
        (b'{"a": 1}\n', "corpus.jsonl:1 is not a PolNeAR row"),
        (b"", "no articles in"),
        (json.dumps({"compartment": "train", "text": "Officials said so."}).encode() + b"\n", "in the 'dev' split"),
    ],
)
@pytest.mark.parametrize("articles", [[], ["--articles"]])
def test_a_corpus_that_is_not_polnear_is_one_line_and_nonzero(tmp_path: Path, content: bytes, message: str,
                                                              articles: list[str], capsys) -> None:
    from sayso.cli import main

    path = tmp_path / "corpus.jsonl"
    path.write_bytes(content)
    with pytest.raises(SystemExit) as stopped:
        main(["bench", "--corpus", str(path), *articles])
    err = capsys.readouterr().err.strip().splitlines()
    assert stopped.value.code == 4
    assert len(err) == 1 and err[0].startswith("sayso: error: ") and message in err[0]


def test_a_folder_for_a_corpus_is_refused(tmp_path: Path, capsys) -> None:
    from sayso.cli import main

    with pytest.raises(SystemExit) as stopped:
        main(["bench", "--corpus", str(tmp_path)])
    err = capsys.readouterr().err.strip().splitlines()
    assert stopped.value.code == 4
    assert len(err) == 1 and err[0].startswith(f"sayso: error: cannot read PolNeAR file {tmp_path}")
