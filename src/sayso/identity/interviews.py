"""Interviews: who answers the questions, and which paragraphs ask them.

A published interview often drops the speaker labels: questions and answers alternate by paragraph,
the answers' "I" is the person interviewed and the questions' "you" is that person too. Its opening
says whom it interviews ("Wikinews interviewed Tina McKenzie, a former member …", "Wikinews spoke
with William Evans"), even where the tagger does not take the name for a person.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from sayso.doctext import text_of

# "interviews X", "interviewed X", "spoke with X", "sat down with X": the verb its interviewee follows
INTERVIEWED = re.compile(r"\b(?:interview(?:s|ed)?|(?:spoke|speaks|talked|talks|sat down) (?:with|to))\s", re.IGNORECASE)
# entity labels a name of a person is never tagged with ("Aner Shalev" untagged, "Marymegan Daly" a
# work of art, are the tagger's misses, not other kinds of thing)
NOT_A_PERSON = {"DATE", "TIME", "GPE", "LOC", "ORG", "NORP", "FAC", "EVENT", "CARDINAL", "ORDINAL", "MONEY",
                "PERCENT", "QUANTITY", "LAW", "LANGUAGE", "PRODUCT"}
QUESTION_END = re.compile(r"\?[\s\"'”’)\]]*$")
# A first line that presents the piece as someone's own words: an interview ("Wikinews interviews X",
# "X tells Wikinews", "Q&A with X") or a name and a colon ("Ann Coulter: …"). Elsewhere a writer's
# "I" is the writer's, whom the text does not name (PolNeAR train: "I" named after the headline's
# one person was wrong about 40 times in 100, in op-eds and excerpts).
INTERVIEW_WORDS = {"interview", "interviews", "interviewed", "q&a", "tells", "talks", "speaks", "conversation"}
NAME_COLON_HEADLINE = re.compile(r"^[^:]{2,40}:\s")
OPENING_CHARS = 1000
QA_PARAGRAPH = re.compile(r"^(?:Q[:.]|A:|QUESTION:)", re.MULTILINE)


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


def presents_own_words(doc: Doc, headline: str, ents: tuple[Span, ...]) -> bool:
    """The piece is an interview (its first line says so, its opening says it "interviewed" someone,
    or its body asks and answers "Q: …", "A: …") or a column headed by its writer's name ("Ann
    Coulter: …")."""
    words = {w.strip(".,:;!?'\"‘’“”").lower() for w in headline.split()}
    colon = NAME_COLON_HEADLINE.match(headline)
    named_before_colon = colon is not None and any(
        e.label_ == "PERSON" and e.end_char <= colon.end() for e in ents if e.start_char < len(headline)
    )
    text = text_of(doc)
    opening = text[len(headline) : len(headline) + OPENING_CHARS].lower()  # "Wikinews interviewed him for …"
    return bool(words & INTERVIEW_WORDS) or named_before_colon or "interviewed" in opening \
        or QA_PARAGRAPH.search(text) is not None
