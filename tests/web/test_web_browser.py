"""The reader in real headless Chromium: what a reader sees, clicks, and what never runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from sayso.model import Analysis

pytestmark = pytest.mark.browser


def _open_analysis(browser, base_url: str, analysis: Analysis, tmp_path: Path, viewport=(1360, 900)):
    """Upload a sayso/1 JSON through the paste-or-upload form and return the rendered page."""
    path = tmp_path / "analysis.json"
    path.write_text(analysis.to_json(), encoding="utf-8")
    page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
    page.goto(base_url + "/analyze")
    page.set_input_files("input[name=file]", str(path))
    page.click("button[type=submit]")
    page.wait_for_selector(".article")
    return page


def test_quoted_passage_badge_and_tooltip(browser, serve_process, reader_analysis, tmp_path, screenshot) -> None:
    page = _open_analysis(browser, serve_process("--no-db"), reader_analysis, tmp_path)
    quoted = page.locator(".passage.voice-quoted")
    assert quoted.count() == 1
    assert quoted.locator(".source-label").inner_text().lower() == "quoted · olena marchuk"
    assert quoted.evaluate("e => getComputedStyle(e).borderLeftStyle") == "solid"
    badge = page.locator(".text .badge").first
    assert badge.inner_text() == "unlikely · 20–45%"
    content = page.locator('.seg.m-content[data-refs~="at-0"]').first
    assert "deputy governor" in content.get_attribute("data-tip")
    content.hover()
    tip = content.evaluate("e => getComputedStyle(e, '::after').content")
    assert "Olena Marchuk" in tip and "cue: said" in tip
    screenshot(page, "article-hand-built")
    page.close()


def test_clicking_a_speaker_scrolls_to_its_quote(browser, serve_process, reader_analysis, tmp_path, screenshot) -> None:
    page = _open_analysis(browser, serve_process("--no-db"), reader_analysis, tmp_path, viewport=(1100, 260))
    quote = page.locator('.seg[data-refs~="at-2"]').first
    assert not _in_viewport(quote)
    page.locator("a.speaker-link", has_text="A ministry spokesman").click()
    page.wait_for_function("() => location.hash === '#at-2'")
    assert _in_viewport(quote)
    assert "flash" in quote.get_attribute("class")
    screenshot(page, "article-speaker-click", full_page=False)
    page.close()


def _in_viewport(locator) -> bool:
    return locator.evaluate(
        "e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }"
    )


def test_hostile_article_runs_no_script(browser, serve_process, hostile_analysis, tmp_path, screenshot) -> None:
    base = serve_process("--no-db")
    dialogs: list[str] = []
    page = _open_analysis(browser, base, hostile_analysis, tmp_path)
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for seg in page.locator(".seg").all():
        seg.hover()
    page.locator(".passage").first.click()
    assert page.evaluate("() => window.__pwned") is None
    assert page.title() != "pwned" and dialogs == []
    text = page.locator(".text").inner_text()
    assert "<script>window.__pwned = 1; document.title = 'pwned'</script>" in text
    assert '<img src=x onerror="window.__pwned = 2">' in text
    assert page.locator(".text script, .text img, .text svg, .text a").count() == 0
    assert page.locator("h1").first.inner_text() == "<script>window.__pwned=8</script>"
    screenshot(page, "article-hostile")
    page.close()


def test_reference_article_in_chromium(browser, serve_process, reference_text, screenshot) -> None:
    """The real article, analysed by the server: quoted voices, an "unlikely" badge, speaker clicks."""
    page = browser.new_page(viewport={"width": 1360, "height": 900})
    page.set_default_timeout(120_000)  # the server loads the spaCy model on the first analysis
    page.goto(serve_process("--no-db", "--timeout", "90") + "/analyze")
    page.fill("textarea[name=text]", reference_text)
    page.fill("input[name=published]", "2022-10-11")
    page.click("button[type=submit]")
    page.wait_for_selector(".article, .error")
    assert page.locator(".error").count() == 0, page.locator(".error").inner_text()
    screenshot(page, "reference-article")
    # Each source's own words sit in a quoted passage (shaded, labelled), not in the author's voice.
    for words in ("We have a distracted Russia", "Russian and Belarusian forces remain", "Ukraine here is the victim"):
        passage = page.locator(".passage", has_text=words).first
        assert "voice-quoted" in passage.get_attribute("class"), words
    labels = " ".join(page.locator(".passage.voice-quoted .source-label").all_inner_texts()).lower()
    assert "tsikhanouskaya" in labels and "isw" in labels
    badges = page.locator(".text .badge").all_inner_texts()
    assert any(b.startswith("unlikely · ") for b in badges), badges
    link = page.locator("a.speaker-link", has_text="Stano").first
    ref = link.get_attribute("data-refs").split()[0]
    page.evaluate("() => window.scrollTo(0, 0)")
    link.click()
    page.wait_for_function(f"() => location.hash === '#{ref}'")
    assert _in_viewport(page.locator(f'.seg[data-refs~="{ref}"]').first)
    screenshot(page, "reference-article-speaker-click", full_page=False)
    page.close()
