"""Words the parser hung on a reported clause ahead of its "that" belong to the report, not to
what is reported ("The New York Times reported, citing two US officials, that …")."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The New York Times reported, citing two US officials, that the shipment had been delayed.",
         "reported", "that the shipment had been delayed"),
        ("The ministry said that the talks would resume on Monday.",
         "said", "that the talks would resume on Monday"),
    ],
)
def test_the_content_opens_at_its_that(rule_cue_content, text: str, cue: str, content: str) -> None:
    assert ("indirect-ccomp", cue, content) in rule_cue_content(text)
