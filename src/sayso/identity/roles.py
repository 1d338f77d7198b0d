"""Speaker names, roles and organisations that are what they claim to be.

Attribution reads a speaker's role from the words before a name and its organisation from the
entities near it; in practice that picks up ages ("59"), honorifics ("Mrs."), places ("Ohio"),
headline fragments ("Trump Was Mocking") and common nouns that are not speakers ("many",
"falter"). This pass, after attribution and pronoun resolution, keeps:

- a name with at least one capital letter, without stray edge punctuation, and a person's name
  without the reporting verb a title-case headline glued to its end ("Obama Says" → "Obama");
- a role whose head is a title or a job: a word of the cue lexicon's titles and speaker nouns, or
  a singular noun with a job suffix ("professor", "economist", "spokesperson", "chairman");
  honorifics are dropped from its edges;
- an organisation that is not a place, a nationality, a person or a title in the same article.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Container, Iterable, Mapping, Sequence
from typing import Any

from spacy.tokens import Doc, Span

from sayso.attribution.lexicon import reporting_lexicon
from sayso.doctext import span_text
from sayso.identity.mentions import body_nouns, message_nouns
from sayso.identity.names import EXTRA_TITLES, FEMALE_HONORIFICS, MALE_HONORIFICS

HONORIFICS = FEMALE_HONORIFICS | MALE_HONORIFICS | {"dr"}
JOB_SUFFIXES = ("er", "or", "ist", "yst", "ian", "ant", "ent", "man", "woman", "person", "ee", "eer", "ary", "ic",
                "chief", "head", "fellow", "aide", "envoy", "general", "judge", "scholar", "veteran", "associate")
# jobs no suffix gives away, common in business, sports and health news ("Chief Executive Laura Chen",
# "Coach Dave Reilly", "a nurse at the clinic")
JOB_WORDS = {"executive", "coach", "nurse", "surgeon", "chef", "detective", "sheriff", "host", "principal",
             "cfo", "coo", "cto", "rabbi", "priest", "imam", "bishop", "quarterback"}
FUNCTION_WORDS = {"of", "for", "the", "a", "an", "and", "by", "at", "in", "to", "with", "on"}
# The last word of a newspaper's or magazine's name, by which an article calls it again ("The
# Washington Post" … "the Post's reporting"; "The New York Times" … "the Times said").
OUTLET_HEADS = {"post", "times", "journal", "herald", "tribune", "guardian", "telegraph", "globe", "chronicle",
                "gazette", "observer", "independent", "mail", "express", "examiner", "inquirer", "courier",
                "ledger", "dispatch", "mirror", "economist", "atlantic", "monitor"}
NOT_ORGANISATIONS = ("GPE", "LOC", "NORP", "PERSON", "DATE", "CARDINAL", "ORDINAL")
MAX_ROLE_WORDS = 7


@functools.lru_cache(maxsize=1)
def _lexicon() -> tuple[frozenset[str], frozenset[str]]:
    """(title and speaker words, reporting-verb forms) from the cue lexicon."""
    data = reporting_lexicon()
    titles = frozenset({*data["titles"], *data["speaker_nominals"], *data["title_abbreviations"], *EXTRA_TITLES})
    verbs = {v for group in data["verbs"].values() for v in group if " " not in v}
    forms = {f for v in verbs for f in (v, v + "s", v + "es", v + "ed", v + "d")}
    return frozenset(w.lower().rstrip(".") for w in titles), frozenset(forms)


def _plain(word: str) -> str:
    return word.lower().strip(".,;:'’\"()")


@functools.lru_cache(maxsize=4096)
def clean_name(name: str | None, type_: str | None = "PERSON") -> str | None:
    """``name`` without stray edge punctuation or a headline's reporting verb; None for no one's
    name. Kept per (name, type): an article names the same people and bodies again and again."""
    if not name:
        return None
    name = re.sub(r"^[^\w]+|[^\w.)]+$", "", name.strip())
    if not any(c.isupper() for c in name):
        return None  # "many", "falter", "officials": no one's name
    words = name.split()
    _, verbs = _lexicon()
    if type_ == "PERSON" and len(words) > 1 and _plain(words[-1]) in verbs and _plain(words[-1]).endswith("s"):
        words = words[:-1]  # "Obama Says" in a title-case headline
    titles, _ = _lexicon()
    if words and all(_plain(w) in titles for w in words) and _plain(words[-1]) not in body_nouns() \
            and not name.replace(".", "").isupper():
        return None  # "General", "Senator from Texas": a title names no one ("State Department", "U.S." do)
    return " ".join(words) or None


def _is_job(word: str) -> bool:
    titles, _ = _lexicon()
    word = _plain(word).rsplit("-", 1)[-1]  # "front-runner", "co-founder": the last part is the job
    if word in titles or word in JOB_WORDS:
        return True
    return len(word) > 3 and word.isalpha() and not word.endswith("s") and word.endswith(JOB_SUFFIXES)


def role_head_at(words: Sequence[str], joiners: Container[str]) -> int:
    """Where a role's head noun stands: its last word, or the last before the first joining word
    after its first ("Speaker of the House" is a speaker, "lawyer for news outlets" a lawyer).
    ``words`` lower-cased as ``joiners`` are; -1 for no words."""
    return next((i - 1 for i, w in enumerate(words) if i and w in joiners), len(words) - 1)


def clean_role(role: str | None) -> str | None:
    if not role:
        return None
    words = role.split()
    while words and (_plain(words[0]) in HONORIFICS or _plain(words[0]) in FUNCTION_WORDS):
        words.pop(0)
    while words and (_plain(words[-1]) in HONORIFICS or _plain(words[-1]) in FUNCTION_WORDS):
        words.pop()
    if not words or len(re.split(r"[\s/-]+", " ".join(words))) > MAX_ROLE_WORDS:
        return None  # "Philadelphia-based" counts two: a long role is a clause taken for a title
    head = words[role_head_at([_plain(w) for w in words], FUNCTION_WORDS)]
    if _plain(head) in message_nouns(bodies=False):
        return None  # "the statement said": a message speaks for someone, it has no job ("statement" ends in "-ent")
    if not _is_job(head):
        return None
    return " ".join(_recased(w) for w in words) if all(w.isupper() for w in words if any(c.isalpha() for c in w)) \
        else " ".join(words)


def _recased(word: str) -> str:
    """A title in a label's capitals as a title is written ("SEN." → "Sen.", "DIRECTOR" →
    "Director"), so the corpus reads one role; an acronym ("CEO", "FBI") and any other word stay."""
    plain = word.rstrip(".")
    if "." in plain or not (word.endswith(".") or len(plain) > 3) or not _is_job(plain):
        return word
    return word.capitalize()


def entity_kinds(ents: Iterable[Span]) -> dict[str, set[str]]:
    """The labels the article's entities give each name, keyed as ``clean_org`` looks a name up
    (case-folded, no leading "the "): built once per article, not once per speaker checked."""
    kinds: dict[str, set[str]] = {}
    for ent in ents:
        kinds.setdefault(span_text(ent).casefold().removeprefix("the "), set()).add(ent.label_)
    return kinds


def clean_org(org: str | None, doc: Doc, kinds: Mapping[str, set[str]] | None = None) -> str | None:
    """``org`` unless it is no organisation: a title, or a name the article's entities call only a
    place, a people or a person (``kinds``: ``entity_kinds`` of the Doc's, when the caller has them)."""
    if not org or not any(c.isupper() for c in org):
        return None
    titles, _ = _lexicon()
    if _plain(org) in titles:
        return None  # "Senator"
    labels = (entity_kinds(doc.ents) if kinds is None else kinds).get(org.casefold().removeprefix("the "))
    if labels and labels <= set(NOT_ORGANISATIONS):
        return None  # "Ohio", "Mexican", "Trump"
    return org


def outlets_in_full(ents: Iterable[Span]) -> dict[str, str]:
    """The article's outlets by the last word it calls them by again: "post" → "Washington Post"
    where "The Washington Post" is the one organisation it names ending in "Post"."""
    full: dict[str, set[str]] = {}
    for ent in ents:
        words = span_text(ent).split()
        if words[:1] in (["The"], ["the"]):
            words = words[1:]
        if ent.label_ == "ORG" and len(words) > 1 and words[-1].casefold() in OUTLET_HEADS and words[-1][0].isupper():
            full.setdefault(words[-1].casefold(), set()).add(" ".join(words))
    return {head: names.pop() for head, names in full.items() if len(names) == 1}


def in_full(name: str | None, outlets: Mapping[str, str]) -> str | None:
    """``name`` as the outlet the article names in full, when it is that outlet's last word alone
    ("Post", "the Times'")."""
    plain = re.sub(r"^the\s+|['’]s?$", "", (name or "").strip(), flags=re.IGNORECASE)
    return outlets.get(plain.casefold(), name) if plain[:1].isupper() else name


def clean_speaker(record: dict[str, Any], doc: Doc, kinds: Mapping[str, set[str]] | None = None,
                  outlets: Mapping[str, str] | None = None) -> dict[str, Any]:
    """One attribution record with its speaker's name, role and organisation checked, an
    organisation called by its last word named in full (``outlets``: ``outlets_in_full``)."""
    out = dict(record)
    out["speaker_name"] = clean_name(record.get("speaker_name"), record.get("speaker_type"))
    out["speaker_role"] = clean_role(record.get("speaker_role"))
    out["speaker_org"] = clean_org(record.get("speaker_org"), doc, kinds)
    if outlets:
        out["speaker_org"] = in_full(out["speaker_org"], outlets)
        if out.get("speaker_type") == "ORG":
            out["speaker_name"] = in_full(out["speaker_name"], outlets)
    if out["speaker_name"] is None and record.get("speaker_name") is not None:
        out["speaker_type"] = None
    return out
