"""List the cue-verb forms the shipped English model lemmatizes wrong: candidates for the lexicon's
``verb_lemma_fixes`` (``src/sayso/data/reporting_verbs.json``, applied by
``sayso.pipeline.correct_verb_lemmas``).

Every single-word verb of the lexicon is put in its regular third-person, past and -ing forms into
a sentence that makes it a verb ("She hopes that the plan works.") and parsed by the bare model;
where the lemma that comes back is not the verb, the form is printed. The forms are made by
spelling rules, so an irregular verb gives a wrong form ("see" → "seed"): read the list and copy
only real forms of the verb into the lexicon.

    .venv/bin/python scripts/verb_lemma_fixes.py
"""

from __future__ import annotations

import re

import spacy

from sayso.attribution import load_reporting_verbs
from sayso.pipeline import MODEL_NAME


def regular_forms(lemma: str) -> dict[str, str]:
    """The third-person, past and -ing forms spelling rules give (right for regular verbs only)."""
    ing = lemma[:-1] + "ing" if lemma.endswith("e") and not lemma.endswith("ee") else lemma + "ing"
    if re.search(r"(s|sh|ch|x|z)$", lemma):
        third = lemma + "es"
    elif re.search(r"[^aeiou]y$", lemma):
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    if lemma.endswith("e"):
        past = lemma + "d"
    elif re.search(r"[^aeiou]y$", lemma):
        past = lemma[:-1] + "ied"
    else:
        past = lemma + "ed"
    return {"VBZ": third, "VBD": past, "VBG": ing}


def main() -> None:
    nlp = spacy.load(MODEL_NAME)
    lemmas = sorted(lemma for lemma in load_reporting_verbs()["classes"] if " " not in lemma)
    frames = {"VBZ": "She {} that the plan works.", "VBD": "She {} that the plan works.", "VBG": "She is {} that the plan works."}
    cases = [(lemma, tag, form) for lemma in lemmas for tag, form in regular_forms(lemma).items()]
    docs = nlp.pipe(frames[tag].format(form) for _, tag, form in cases)
    for (lemma, _tag, form), doc in zip(cases, docs, strict=True):
        token = next(t for t in doc if t.lower_ == form)
        if token.lemma_.lower() != lemma:
            print(f"{form}\t{token.lemma_}\t(tag {token.tag_}; the lexicon's verb: {lemma})")


if __name__ == "__main__":
    main()
