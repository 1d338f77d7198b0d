"""The JSON form: valid against the shipped schema, and a lossless round trip."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from sayso.model import from_dict

jsonschema = pytest.importorskip("jsonschema")

TEXT = (
    "Officials in Warsaw said Monday that an attack from the north remains unlikely.[2]\n"
    "“We are watching the border closely,” the defence minister told reporters.\n"
)


@pytest.fixture(scope="module")
def analysis(nlp):
    from sayso.pipeline import analyze

    return analyze(TEXT, published="2023-05-08")


def test_output_validates_against_schema(analysis) -> None:
    schema = json.loads(resources.files("sayso").joinpath("schema/sayso-1.schema.json").read_text())
    jsonschema.validate(json.loads(analysis.to_json()), schema)


def test_from_dict_round_trips(analysis) -> None:
    again = from_dict(json.loads(analysis.to_json()))
    assert again == analysis
    assert again.to_json() == analysis.to_json()
