"""The reader shows speech: a belief, evidence or perception attribution is neither underlined nor listed under
its speaker unless ``all_cues``, and then its tooltip says what it is; search hits say so too."""

from __future__ import annotations

from dataclasses import replace

import pytest

from sayso.model import Analysis
from sayso.web.app import create_app
from sayso.web.data import Filters, open_corpus
from sayso.web.render import render

TEXT = "The mayor said the bridge would reopen in June. Analysts expect the bridge to reopen in July."


@pytest.fixture
def analysis(make_analysis) -> Analysis:
    made = make_analysis(TEXT, quotes=[
        ("the bridge would reopen in June", "said", "The mayor", None),
        ("the bridge to reopen in July", "expect", "Analysts", None),
    ])
    said, expect = made.attributions
    return replace(made, attributions=(replace(said, cue_class="speech"), replace(expect, cue_class="belief")))


def _tips(view) -> str:
    return "\n".join(seg.tip for block in view.blocks for seg in block.segments)


def test_render_shows_speech_only_by_default(analysis):
    view = render(analysis)
    assert [s.name for s in view.speakers] == ["The mayor"]
    assert view.hidden == 1
    assert "Analysts" not in _tips(view)


def test_render_labels_a_belief_with_all_cues(analysis):
    view = render(analysis, all_cues=True)
    assert sorted(s.name for s in view.speakers) == ["Analysts", "The mayor"]
    assert view.hidden == 0
    assert "belief, not a quote" in _tips(view) and "direct quote" in _tips(view)


def test_render_labels_a_perception_like_a_belief(analysis):
    said, expect = analysis.attributions
    seen = replace(analysis, attributions=(said, replace(expect, cue_class="perception")))
    assert render(seen).hidden == 1
    assert "perception, not a quote" in _tips(render(seen, all_cues=True))


def test_article_page_and_search_default_to_speech(asgi_call, tmp_path, analysis):
    corpus = open_corpus(tmp_path / "corpus.db")
    doc = corpus.ingest(analysis)
    app = create_app(corpus)
    page = asgi_call(app, "GET", f"/doc/{doc}")
    assert "1 belief, evidence or perception report not shown" in page.text and "?all_cues=true" in page.text
    labelled = asgi_call(app, "GET", f"/doc/{doc}?all_cues=true")
    assert "belief, not a quote" in labelled.text
    assert [h.cue_class for h in corpus.search(Filters(query="bridge"))] == ["speech"]
    hits = asgi_call(app, "GET", "/api/search?q=bridge&all_cues=true").json()["hits"]
    assert sorted(h["cue_class"] for h in hits) == ["belief", "speech"]
    found = asgi_call(app, "GET", "/search?q=bridge&all_cues=true")
    assert '<span class="kind kind-belief">belief</span>' in found.text
    assert f'/doc/{doc}?all_cues=true#at-1' in found.text
