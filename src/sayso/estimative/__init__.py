"""Estimative statements: what a text judges likely, possible, expected or unknown, and who judges it.

``find_assessments`` reads a parsed Doc and returns plain records (see ``finder``); the word lists
live in ``data/estimative.json``; probabilities come from the calibration table.
"""

from sayso.estimative.finder import Found, canonical_phrases, find_assessments, load_lexicon

__all__ = ["Found", "canonical_phrases", "find_assessments", "load_lexicon"]
