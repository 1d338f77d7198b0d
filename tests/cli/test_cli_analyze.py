"""`sayso analyze` from the outside: exit codes and one-line errors, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLE = "Ukraine's foreign minister said Friday that a ceasefire was unlikely before winter.\n"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "sayso", *args], input=stdin, capture_output=True, timeout=300)


def test_json_output_from_stdin() -> None:
    result = run("analyze", "-", "--published", "2023-01-06", "--format", "json", stdin=ARTICLE.encode())
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout)
    assert data["schema"] == "sayso/1"
    assert data["published"] == "2023-01-06"
    assert any(a["band"] == "unlikely" for a in data["assessments"])


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_reports_render(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = run("analyze", str(path), "--format", fmt)
    assert result.returncode == 0, result.stderr.decode()
    assert "unlikely" in result.stdout.decode()


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "empty"),
        (b"   \n\t\n", "empty"),
        (b"%PDF-1.7\x00\x01\x02\x03" + bytes(range(256)) * 4, "binary"),
        ("Le gouvernement a déclaré mardi que les négociations avec les partenaires européens se poursuivront "
         "la semaine prochaine, malgré les tensions.".encode(), "english"),
    ],
    ids=["empty", "blank", "binary", "french"],
)
def test_bad_input_is_one_line_and_nonzero(tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = run("analyze", str(path))
    stderr = result.stderr.decode()
    assert result.returncode != 0
    assert "Traceback" not in stderr
    assert len(stderr.strip().splitlines()) == 1, stderr
    assert words in stderr.lower()


def test_missing_file_bad_date_and_bad_url() -> None:
    for args in (["analyze", "/nonexistent/article.txt"], ["analyze", "-", "--published", "11/10/2022"],
                 ["analyze", "http://[::1"]):
        result = run(*args, stdin=ARTICLE.encode())
        assert result.returncode != 0
        assert "Traceback" not in result.stderr.decode()
        assert len(result.stderr.decode().strip().splitlines()) == 1


def test_a_byte_limit_under_one_is_refused_as_a_usage_error() -> None:
    result = run("analyze", "-", "--max-bytes", "-5", stdin=ARTICLE.encode())
    assert result.returncode == 2 and "Traceback" not in result.stderr.decode()
    assert "Invalid value for '--max-bytes'" in result.stderr.decode()


def test_huge_input_hits_the_documented_limit(tmp_path: Path) -> None:
    from sayso.reading import MAX_INPUT_BYTES

    path = tmp_path / "huge.txt"
    with path.open("wb") as out:
        line = ("The ministry said the talks would continue. " * 20 + "\n").encode()
        while out.tell() <= MAX_INPUT_BYTES:
            out.write(line * 1000)
    result = run("analyze", str(path))
    assert result.returncode != 0
    assert "limit" in result.stderr.decode().lower()
    assert "Traceback" not in result.stderr.decode()


def test_help_teaches() -> None:
    result = run("analyze", "--help")
    assert result.returncode == 0
    out = result.stdout.decode()
    assert "--published" in out and "--scale" in out and "Examples" in out


def test_url_on_loopback_needs_allow_private(page_server) -> None:
    base, routes = page_server
    html = (
        "<html><head><title>Border update</title><meta property='article:published_time' content='2023-02-03'></head>"
        "<body><article><p>The defence ministry said on Thursday that an offensive from the north was unlikely "
        "before the spring thaw, citing satellite images of the border area.</p>"
        "<blockquote><p>We see no sign of troops massing near the border at this time.</p></blockquote>"
        "<p>Analysts cautioned that the picture could change quickly in the coming weeks.</p></article></body></html>"
    ).encode()
    routes["/story"] = (200, {"Content-Type": "text/html; charset=utf-8"}, html)
    refused = run("analyze", f"{base}/story")
    assert refused.returncode != 0 and "private" in refused.stderr.decode().lower()
    result = run("analyze", f"{base}/story", "--allow-private", "--format", "json")
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout)
    assert data["url"] == f"{base}/story"
    assert data["title"] == "Border update"
    assert data["published"] == "2023-02-03" and data["published_source"] == "html"
    quoted = [p for p in data["passages"] if p["voice"] == "quoted"]
    assert [p["text"].strip() for p in quoted] == ["We see no sign of troops massing near the border at this time."]


def test_invalid_utf8_is_decoded_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("The minister said the café talks in Zürich were unlikely to resume.\n".encode("cp1252"))
    result = run("analyze", str(path), "--format", "json")
    assert result.returncode == 0, result.stderr.decode()
    assert "café" in json.loads(result.stdout)["text"]
    warning = result.stderr.decode().strip()
    assert warning.startswith("sayso: warning:") and len(warning.splitlines()) == 1
