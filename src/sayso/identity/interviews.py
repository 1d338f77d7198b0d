"""Interviews: who answers the questions, and which paragraphs ask them.

A published interview often drops the speaker labels: questions and answers alternate by paragraph,
the answers' "I" is the person interviewed and the questions' "you" is that person too. Its opening
says whom it interviews ("Wikinews interviewed Tina McKenzie, a former member …", "Wikinews spoke
with William Evans"), even where the tagger does not take the name for a person.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

# "interviews X", "interviewed X", "spoke with X", "sat down with X": the verb its interviewee follows
INTERVIEWED = re.compile(r"\b(?:interview(?:s|ed)?|(?:spoke|speaks|talked|talks|sat down) (?:with|to))\s", re.IGNORECASE)
# entity labels a name of a person is never tagged with ("Aner Shalev" untagged, "Marymegan Daly" a
# work of art, are the tagger's misses, not other kinds of thing)
NOT_A_PERSON = {"DATE", "TIME", "GPE", "LOC", "ORG", "NORP", "FAC", "EVENT", "CARDINAL", "ORDINAL", "MONEY",
                "PERCENT", "QUANTITY", "LAW", "LANGUAGE", "PRODUCT"}
QUESTION_END = re.compile(r"\?[\s\"'”’)\]]*$")


def interviewed_name(doc: Doc, text: str, end: int) -> str | None:
    """The name, two words or more, that first follows "interviews" or "spoke with" in the same
    sentence within ``text[:end]`` (the first line and the opening); None when no such name."""
    for found in INTERVIEWED.finditer(text, 0, end):
        span = doc.char_span(found.end(), min(found.end() + 1, len(text)), alignment_mode="expand")
        if span is None or not len(span):
            continue
        first = span[0]
        name = _first_name_run(doc[first.i : first.sent.end])
        if name is not None:
            return name
    return None


def _first_name_run(tokens: Doc) -> str | None:
    run: list[Token] = []
    for token in tokens:
        if token.pos_ == "PROPN" and token.ent_type_ not in NOT_A_PERSON and token.text[:1].isupper():
            run.append(token)
            continue
        if len(run) >= 2:
            break
        run = []
    return " ".join(t.text for t in run) if len(run) >= 2 else None


def modifies_a_noun(doc: Doc, offset: int) -> bool:
    """The word at ``offset`` is a name used as a noun's modifier ("… on Santorum cocktail"): a
    first line's thing, not its interviewee."""
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span is not None and len(span) > 0 and span[0].dep_ == "compound" and span[0].head.pos_ == "NOUN"


def in_question(text: str, offset: int) -> bool:
    """The paragraph holding ``offset`` ends in a question mark: in an interview, the asker's."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return QUESTION_END.search(text[start : end if end >= 0 else len(text)].rstrip()) is not None
