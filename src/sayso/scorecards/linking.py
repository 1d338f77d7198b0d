"""Proposing which assessments bear on a question, and which way.

Candidates are the assessments whose sentence holds every word of the question's query (or of
one of its ``|``-separated alternatives), published while the question was open, one per
independent origin (reprints are one assessment). Each gets a polarity: "for" when the assessed proposition is the question's yes
("Trump is likely to win the nomination"), "against" when it is the no ("Trump is unlikely to
lose": the proposition is losing, so a low probability of it counts for). Polarity comes from
opposing verbs (win/lose, indicted/cleared …) and negations inside the proposition; a negation
that governs the phrase itself is already in the stored band. It cannot see that "Trump wins" is
the no of "Will Clinton win?": it is a proposal, and a person accepts or rejects each link and
can set its polarity.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import select

from sayso.store import query, schema
from sayso.store.database import Store
from sayso.store.questions import propose_links, question

_WORD = re.compile(r"[A-Za-z]+(?:'t)?|n't")
NEGATIONS = frozenset({"not", "n't", "never", "no", "neither", "nor", "won't", "can't", "don't", "doesn't",
                       "didn't", "isn't", "wasn't", "aren't", "couldn't", "wouldn't", "shouldn't"})
# (yes-side words, no-side words): a proposition on the other side of its question's verb is "against".
OPPOSITES: tuple[tuple[frozenset[str], frozenset[str]], ...] = (
    (
        frozenset({"win", "wins", "won", "winning", "clinch", "clinches", "clinched", "capture", "captures",
                   "carry", "carries", "carried", "secure", "secures", "beat", "beats", "become", "becomes",
                   "nominee", "elected", "victory", "prevail", "prevails"}),
        frozenset({"lose", "loses", "lost", "losing", "defeat", "defeated", "concede", "concedes", "fall",
                   "falls", "fail", "fails", "trail", "trails", "withdraw", "withdraws", "quit", "quits",
                   "drop", "drops", "suspend", "suspends", "loss"}),
    ),
    (
        frozenset({"indict", "indicted", "indictment", "charge", "charged", "charges", "prosecute",
                   "prosecuted", "prosecution"}),
        frozenset({"clear", "cleared", "exonerate", "exonerated", "spared"}),
    ),
    (
        frozenset({"pass", "passes", "approve", "approves", "approved", "confirm", "confirmed"}),
        frozenset({"block", "blocks", "blocked", "reject", "rejects", "rejected"}),
    ),
)
STOPWORDS = frozenset({"will", "the", "a", "an", "of", "to", "in", "on", "by", "be", "is", "are", "and", "or",
                       "for", "at", "as", "with", "that", "this", "it", "his", "her", "their", "who", "which"})


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text or "")]


def _side(words: list[str]) -> int | None:
    """+1 (yes side) or −1 (no side) of the first opposing verb in ``words``; None when there is none."""
    for word in words:
        for yes, no in OPPOSITES:
            if word in yes:
                return 1
            if word in no:
                return -1
    return None


def polarity(question_text: str, proposition: str | None, sentence: str, phrase: str | None,
             negated: bool = False) -> str:
    """"for" or "against": whether the assessed proposition asserts the question's yes.

    The phrase's own words ("almost no chance") are not the proposition's, and a negation the
    estimative reader already folded into the band (``negated``) is not counted again.
    """
    spoken = (phrase or "").lower()
    text = proposition or ""
    if not proposition:  # no parsed proposition: read the sentence after the phrase
        after = (sentence or "").lower().split(spoken, 1) if spoken else []
        text = after[1] if len(after) == 2 else sentence
    elif spoken and spoken in text.lower():
        start = text.lower().index(spoken)
        text = text[:start] + " " + text[start + len(spoken):]
    words = _words(text)
    sign = 1
    asked, stated = _side(_words(question_text)), _side(words)
    if asked is not None and stated is not None and asked != stated:
        sign = -sign
    if max(sum(w in NEGATIONS for w in words) - negated, 0) % 2:
        sign = -sign
    return "for" if sign > 0 else "against"


def _evidence(question_text: str, row: dict[str, Any], query_text: str, entities: list[str]) -> str:
    """Why a link is proposed, for the person judging it: the query, the words and named entities the
    sentence shares with the question, and the question's names it lacks (a rival's name in their
    place often means the polarity is "against")."""
    names = {w for w in re.findall(r"\b[A-Z][a-z]+\b", question_text)} - {"Will", "Who", "Does", "Is"}
    where = f"{row.get('text') or ''}"
    known = " ".join([where, *entities])  # "Mr. Trump" is the entity "Donald Trump"
    absent = sorted(n for n in names if n not in known)
    shared = sorted({w for w in _words(question_text) if w not in STOPWORDS} & set(_words(where)))
    parts = [f"search {query_text!r}", f"shares: {', '.join(shared) or '-'}"]
    if entities:
        parts.append(f"entities: {', '.join(entities)}")
    if absent:
        parts.append(f"names not in sentence: {', '.join(absent)}")
    return "; ".join(parts)


def alternatives(query_text: str) -> list[str]:
    """The word sets of a query: "Trump nomination | Trump nominee" finds sentences holding either."""
    return [part.strip() for part in query_text.split("|") if part.strip()]


def _propositions(store: Store, ids: list[int]) -> dict[int, str | None]:
    s = schema.assessments
    with store.read() as conn:
        return dict(conn.execute(select(s.c.id, s.c.proposition).where(s.c.id.in_(ids))).all())


def _sentence_entities(store: Store, ids: list[int]) -> dict[int, list[str]]:
    """The named entities mentioned inside each assessment's sentence (canonical names, in order)."""
    s, m, e = schema.assessments, schema.mentions, schema.entities
    statement = (
        select(s.c.id, e.c.name)
        .join(m, (m.c.document_id == s.c.document_id) & (m.c.start >= s.c.sentence_start)
              & (m.c.end <= s.c.sentence_end))
        .join(e, e.c.id == m.c.entity_id)
        .where(s.c.id.in_(ids))
        .order_by(s.c.id, m.c.start)
    )
    found: dict[int, list[str]] = {}
    with store.read() as conn:
        for assessment_id, name in conn.execute(statement):
            names = found.setdefault(assessment_id, [])
            if name not in names:
                names.append(name)
    return found


def candidates(store: Store, question_id: int) -> list[dict[str, Any]]:
    """Proposed links for a question: assessment, document, polarity and why (not yet stored)."""
    asked = question(store, question_id)
    found: dict[int, dict[str, Any]] = {}
    for words in alternatives(asked["query"]):
        for hit in query.search(store, words, since=asked["opens"], until=asked["closes"], limit=None):
            if hit["kind"] == "assessment":
                found.setdefault(hit["id"], hit)
    hits = sorted(found.values(), key=lambda h: (h["published"] or "", h["id"]))
    ids = [hit["id"] for hit in hits]
    propositions, entities = _propositions(store, ids), _sentence_entities(store, ids)
    return [
        {
            "assessment_id": hit["id"], "document_id": hit["document_id"],
            "polarity": polarity(asked["text"], propositions.get(hit["id"]), hit["text"], hit.get("phrase"),
                                 bool(hit.get("negated"))),
            "evidence": _evidence(asked["text"], hit, asked["query"], entities.get(hit["id"], [])),
        }
        for hit in hits
    ]


def propose(store: Store, question_id: int) -> int:
    """Store the proposals for ``question_id``; returns how many links are new."""
    return propose_links(store, question_id, candidates(store, question_id))
