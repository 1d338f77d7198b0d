"""The emitted ``rule`` names are a closed set: the code emits only RULE_NAMES, the docs list exactly them."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from sayso import attribution
from sayso.attribution import RULE_NAMES, find_attributions, load_reporting_verbs
from sayso.attribution.context import Candidate, Context

PACKAGE = Path(attribution.__file__).parent
OUTPUT_DOC = Path(__file__).resolve().parents[2] / "docs" / "output.md"


def _emitted_literals() -> set[str]:
    """Every string the package hands over as a rule: ``Candidate(..., rule, ...)``, ``credit(ctx,
    verb, content, kind, rule, ...)``, ``rule = "…"`` and ``kind, rule, … = "…", "…", …``."""
    found: set[str] = set()
    for path in PACKAGE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                position = {"Candidate": 4, "credit": 4}.get(node.func.id)
                if position is None:
                    continue
                args = [*node.args[position : position + 1], *(k.value for k in node.keywords if k.arg == "rule")]
                found |= {a.value for a in args if isinstance(a, ast.Constant)}
            elif isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Name) and target.id == "rule" and isinstance(node.value, ast.Constant):
                        found.add(node.value.value)
                    if isinstance(target, ast.Tuple) and isinstance(node.value, ast.Tuple):
                        for name, value in zip(target.elts, node.value.elts, strict=True):
                            if isinstance(name, ast.Name) and name.id == "rule" and isinstance(value, ast.Constant):
                                found.add(value.value)
    return found


def _documented() -> set[str]:
    text = OUTPUT_DOC.read_text(encoding="utf-8")
    section = text.split("### Attribution rules", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `([a-z-]+)` \|", section, flags=re.M))


def _from_lexicon() -> set[str]:
    """The multiword cues' rules, which the sourcing-phrase rule takes from the lexicon (and
    ``check_lexicon`` holds to RULE_NAMES)."""
    return {entry["rule"] for entry in load_reporting_verbs()["multiword"]}


def test_the_scan_sees_the_rules() -> None:
    assert {"direct-cue", "indirect-ccomp", "excerpt", "name-colon"} <= _emitted_literals()
    assert {"according-to", "in-the-words-of"} <= _from_lexicon()


def test_every_emitted_rule_is_in_the_closed_set() -> None:
    assert (_emitted_literals() | _from_lexicon()) - RULE_NAMES == set()


def test_every_rule_in_the_closed_set_is_emitted_somewhere() -> None:
    assert RULE_NAMES - (_emitted_literals() | _from_lexicon()) == set()


def test_docs_list_exactly_the_rule_names() -> None:
    assert _documented() == RULE_NAMES


def test_an_unknown_rule_is_refused(bare_nlp) -> None:
    doc = bare_nlp("The ministry said the bridge was closed.")
    ctx = Context(doc, [], load_reporting_verbs())
    with pytest.raises(ValueError, match="not in RULE_NAMES"):
        ctx.add(Candidate("indirect", (0, 10), None, None, "made-up", "speech"))


def test_found_attributions_carry_listed_rules(bare_nlp) -> None:
    text = "“We will not retreat,” the general said. According to the ministry, the bridge was closed."
    found = find_attributions(bare_nlp(text), [], load_reporting_verbs())
    assert {a["rule"] for a in found} == {"direct-cue", "according-to"}
