"""The scorecard and question pages: read always, decide links only with --allow-ingest."""

from __future__ import annotations

import pytest

from sayso.store.questions import decide_links, links, resolve
from sayso.web.app import Settings, create_app
from sayso.web.data import StoreCorpus


@pytest.fixture
def scored(pundits):
    store, ids = pundits
    decide_links(store, 1, [ids["a-jan"], ids["b-jan"]], "accepted", by="x")
    resolve(store, 1, "yes", on="2016-06-01", note="won", source="https://example.org/s", by="x")
    return store, ids


def test_web_scorecard_page_shows_scores_with_counts(scored, asgi_call):
    store, _ = scored
    app = create_app(StoreCorpus(store))
    page = asgi_call(app, "GET", "/scorecard")
    assert page.status_code == 200
    assert "Pundit Avery" in page.text and "1 of 1" in page.text and "n&lt;5" in page.text
    assert "<svg" in page.text
    data = asgi_call(app, "GET", "/api/scorecard", params={"scale": "readers"}).json()
    assert data["resolved_questions"] == 1 and {a["assessor"] for a in data["assessors"]} == {"Pundit Avery", "Pundit Blake"}
    assert asgi_call(app, "GET", "/api/scorecard", params={"scale": "percent"}).status_code == 400
    assert asgi_call(app, "GET", "/api/questions").json()["questions"][0]["accepted"] == 2


def test_web_question_page_decides_links_only_when_allowed(scored, asgi_call):
    store, ids = scored
    read_only = create_app(StoreCorpus(store))
    page = asgi_call(read_only, "GET", "/questions/1")
    assert page.status_code == 200 and "Pundit Avery says" in page.text and "<form" not in page.text
    assert '#as-0">article</a>' in page.text  # links into the article at the assessment
    form = {"assessment_id": str(ids["a-jan"]), "decision": "reject", "polarity": "for"}
    assert asgi_call(read_only, "POST", "/questions/1/links", data=form).status_code == 403
    writable = create_app(StoreCorpus(store), Settings(allow_ingest=True))
    assert "<form" in asgi_call(writable, "GET", "/questions/1").text
    done = asgi_call(writable, "POST", "/questions/1/links", data=form)
    assert done.status_code == 303 and done.headers["location"] == f"/questions/1#as-{ids['a-jan']}"
    decided = {row["assessment_id"]: row for row in links(store, 1)}[ids["a-jan"]]
    assert decided["status"] == "rejected" and decided["decided_by"].startswith("web:")
    bad = asgi_call(writable, "POST", "/questions/1/links", data={**form, "assessment_id": "9999"})
    assert bad.status_code == 400 and "no assessment with id 9999" in bad.text
    assert asgi_call(writable, "GET", "/questions/77").status_code == 400
    assert "Questions" in asgi_call(read_only, "GET", "/questions").text


def test_web_reliability_plot_keeps_coinciding_labels_apart():
    from sayso.scorecards.reliability import Point
    from sayso.web.scorecards import PLOT_SIZE, reliability_plot

    plot = reliability_plot([Point("all", "may", 0.4, 0, 3, (0.0, 0.54)), Point("all", "could", 0.4, 0, 1, (0.0, 0.85)),
                             Point("all", "likely", 0.75, 14, 14, (0.84, 1.0))])
    may, could, likely = plot["points"]
    assert (may["x"], may["y"]) == (could["x"], could["y"]) == (0.4 * PLOT_SIZE, PLOT_SIZE)
    assert may["label_x"] != could["label_x"] and may["label"] == "0/3 may"
    assert (may["anchor"], likely["anchor"]) == ("start", "end")  # away from the nearer edge


def test_web_question_page_says_what_an_unbanded_link_is(scored, asgi_call, save_unbanded_modal):
    """A linked modal stored without a band shows its reading, not an empty or "None" band."""
    store, _ = scored
    casey = save_unbanded_modal(store)
    decide_links(store, 1, [casey], "accepted", by="x")
    assert next(r for r in links(store, 1) if r["assessment_id"] == casey)["reading"] == "possible (modal, no band)"
    page = asgi_call(create_app(StoreCorpus(store)), "GET", "/questions/1").text
    assert "<strong>may</strong> · possible (modal, no band)" in page
