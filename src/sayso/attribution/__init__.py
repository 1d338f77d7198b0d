"""Attributions: who said what. Quotes, reporting cues and speakers, resolved within one document.

``find_attributions`` is pure: it reads a parsed Doc (dependencies, entities, sentences), the
passages ``voices`` found, and the cue lexicon, and returns plain records with character spans:

- **direct**: a quotation (straight, curly, single or guillemets) credited through a cue verb in
  its sentence ("“…,” said X", "X said: “…”"), a lead-in colon in the previous sentence, or, for a
  paragraph that is nothing but a quotation, the name line under it ("— Jane Doe, minister"), a
  person the paragraph before introduced, or else the running speaker of the previous attribution.
  A quoted label is its own report ("what he calls “a culture of silence”"). Quotes that never
  close run to the end of their paragraph (a straight single mark must close: it is an apostrophe
  as often); a paragraph that opens a quote and does not close it continues into the next
  paragraph when that one opens with a quote mark, as one attribution in one part per paragraph.
- **indirect**: a cue verb with a clausal complement ("X said that …", "X has assessed …"), and
  "according to X, …" (and the lexicon's other multiword cues: "in the words of X"); the content is
  the complement clause.
  A paragraph that opens with a name and a colon ("Senator Doe: Talks Have Failed", a
  transcript's "DOE: …") reports what that name said.
- **mixed**: indirect content with a quoted fragment inside it, or a quoted fragment inside the
  cue's clause or complement ("urged voters to “send a message” to the banks").
- **excerpt**: one per quoted passage from ``voices``, credited to the passage's source or to the
  speaker its lead-in colon names; none for a passage that nothing names.

Speakers are the subject of the cue verb (or the object of "according to"); a statement, report,
letter or post speaks for whoever issued it ("a statement from the EU said": the EU, and the cue
is speech, where "a poll shows" is evidence). Their canonical name
is resolved within the document: a surname to the full name used elsewhere, "he"/"she" to the
last named person speaker of fitting gender, "the spokesman" to the last speaker whose role fits.
A speaker the text does not identify keeps ``speaker_name`` None.

The package, in the order a reader meets it: ``lexicon`` (the cue tables), ``quotes`` (scanning
quotation marks), ``spans`` and ``grammar`` (text and parse helpers), ``cues`` (which verbs
report), ``subjects`` and ``mentions`` and ``speakers`` (who speaks, where, and their canonical
name), ``context`` (the state the rules share), ``clauses`` (what a cue reports), ``crediting``
(a content given its cue and speaker), the rules ``excerpts``, ``direct``, ``standalone``,
``indirect`` and ``names``, ``admission`` (the learned admission of clausal cue verbs the lexicon
lacks: "ruled that …", read as belief), and ``finder``, which runs the rules in the order its
``RULES`` table gives. ``model``
is the trained token role tagger that stands in for the rules or reads their output (the
pipeline's ``attribution_mode``); it is imported only where used.
"""

from __future__ import annotations

from sayso.attribution.context import RULE_NAMES
from sayso.attribution.finder import RULES, SENTENCE_RULES, find_attributions
from sayso.attribution.lexicon import load_reporting_verbs
from sayso.attribution.quotes import Quote, find_quotes

__all__ = ["RULES", "RULE_NAMES", "SENTENCE_RULES", "Quote", "find_attributions", "find_quotes", "load_reporting_verbs"]
