"""A short run of benchmarks/crash_campaign.py: SIGKILL ingests, then every document whole or absent."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

CAMPAIGN = Path(__file__).resolve().parents[2] / "benchmarks" / "crash_campaign.py"


@pytest.fixture(scope="module")
def crash_campaign():
    spec = importlib.util.spec_from_file_location("crash_campaign", CAMPAIGN)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_killed_ingests_leave_whole_documents(crash_campaign, backend, request):
    postgres = request.getfixturevalue("postgres_server") if backend == "postgres" else None
    results = crash_campaign.campaign([backend], runs=1, docs=8, kills=2, seed=11, log=lambda line: None,
                                      postgres=postgres)
    figures = results["backends"][backend]
    assert figures["runs"] == 1 and figures["kills"] + figures["finished_before_kill"] >= 1
    assert figures["violations"] == []


def test_the_checker_sees_a_partial_document(crash_campaign, tmp_path, make_analysis):
    """The campaign's own check must catch what it hunts: rows missing from a stored document."""
    from sqlalchemy import delete

    from sayso.store import schema
    from sayso.store.database import open_store
    from sayso.store.writer import Writer

    db = str(tmp_path / "c.db")
    store = open_store(db)
    text = "Colonel Ruiz said \"the ferry will run again on Monday\" at the port. It is likely to be late."
    analysis = make_analysis(text, quotes=[("the ferry will run again on Monday", "said", "Colonel Ruiz", None)],
                             assessments=[("likely", "likely", (0.55, 0.8, 0.7), None, "to be late")])
    Writer(store).save(analysis, raw=text, source_name="ferry.txt")
    reference = crash_campaign.snapshot(db)
    assert crash_campaign.violations(reference, reference, final=True) == []
    with store.write() as conn:
        conn.execute(delete(schema.attributions))
    found = crash_campaign.violations(crash_campaign.snapshot(db), reference, final=True)
    assert any("partial document" in line for line in found)
    assert any("missing from the index" in line or "index row without" in line for line in found)
