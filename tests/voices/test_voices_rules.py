"""The voice rules are data: loaded once, validated, with a versioned name."""

from __future__ import annotations

import copy
import json
from importlib import resources

import pytest

from sayso.errors import ConfigError
from sayso.voices import RULES_NAME, compile_rules, load_rules


def raw_rules() -> dict:
    return json.loads((resources.files("sayso") / "data" / "voices.json").read_text(encoding="utf-8"))


def test_voices_rules_load_with_versioned_name() -> None:
    assert raw_rules()["name"] == RULES_NAME == "sayso.voice_rules.v1"
    rules = load_rules()
    assert rules is load_rules()
    assert set(rules.bias) == {"standalone", "after_lead_in", "continuing", "after_ellipsis"}
    assert rules.weights["footnote"][0] > 0 > rules.weights["contraction"][0]


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda r: r.pop("words"), "words"),
        (lambda r: r["bias"].pop("continuing"), "bias"),
        (lambda r: r["patterns"].__setitem__("footnote", "[unclosed"), "malformed"),
    ],
)
def test_voices_rules_reject_incomplete_data(mutate, message: str) -> None:
    raw = copy.deepcopy(raw_rules())
    mutate(raw)
    with pytest.raises(ConfigError, match=message):
        compile_rules(raw)
