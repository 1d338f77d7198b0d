"""The cue lexicon (``data/reporting_verbs.json``): reporting verbs by class and the tables the rules read."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from sayso.attribution.context import RULE_NAMES
from sayso.errors import ConfigError

CLASS_ORDER = ("speech", "belief", "evidence", "perception")


# The tables the rules read; a custom lexicon must carry them all. ``name`` and ``about`` describe
# the file; ``title_abbreviations`` and ``verb_lemma_fixes`` are the tokenizer's and lemmatizer's
# (pipeline.keep_title_abbreviations, pipeline.correct_verb_lemmas).
LEXICON_KEYS = {
    "verbs", "evidence_subjects", "multiword", "object_content", "aside_marks", "cue_objects", "quote_marks",
    "speaker_nominals", "org_words", "titles", "message_nouns", "report_nouns", "report_voicers", "report_joiners",
    "idioms", "bound_cues", "label_verbs", "colon_labels", "clause_joiners", "connectives", "nothing_said", "occasion_nouns",
    "member_prepositions",
}


@lru_cache(maxsize=1)
def reporting_lexicon() -> dict[str, Any]:
    """The cue lexicon's tables as shipped, read once for every reader (attribution, identity);
    shared, so never to be changed in place."""
    path = resources.files("sayso") / "data" / "reporting_verbs.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise ConfigError(f"cannot read the reporting-verb lexicon {path}: {err}") from err


def load_reporting_verbs() -> dict[str, Any]:
    """The cue lexicon (``sayso.reporting_verbs.v1``), with a lemma → class table added."""
    data = dict(reporting_lexicon())
    classes: dict[str, str] = {}
    for cls in CLASS_ORDER:
        for lemma in data["verbs"][cls]:
            classes.setdefault(lemma, cls)
    for lemma in [*data["bound_cues"], *data["label_verbs"]]:
        classes.setdefault(lemma, "speech")
    data["classes"] = classes
    return data


def check_lexicon(reporting_verbs: dict[str, Any]) -> None:
    """Refuse a lexicon without the tables the rules read, naming what is missing."""
    if "classes" not in reporting_verbs:
        raise ConfigError("reporting_verbs lacks its 'classes' table; load it with load_reporting_verbs()")
    missing = sorted(LEXICON_KEYS - reporting_verbs.keys())
    if missing:
        raise ConfigError(f"reporting_verbs lacks {', '.join(missing)}; start from sayso.reporting_verbs.v1")
    for entry in reporting_verbs["multiword"]:  # their rule names are records' ``rule``: a closed set
        if entry.get("rule") not in RULE_NAMES or entry.get("class") not in CLASS_ORDER or not entry.get("words"):
            raise ConfigError(f"reporting_verbs multiword entry {entry!r} needs words, a class and a rule from RULE_NAMES")
