"""Pronoun and description speakers resolved to a person or body the article names.

A step after attribution: "he said", "the spokesman said", "the ministry said" get the name of the
person or organisation they stand for, or None when the article does not settle it. It is a
scored rule resolver, not a learned one, so every decision can be read back:

- ``he``/``she``: the candidate people named before the mention, each scored by recency
  (sentences back), whether it was a grammatical subject, whether it was already credited as a
  speaker, and how often the article names it; a candidate whose known gender (an honorific, a
  gendered role noun, a pronoun already resolved to it) disagrees is out. A candidate more than
  ``WINDOW`` sentences back is out unless it was the last person credited.
- ``I``/``me``: inside a quotation, whoever the quotation is credited to; in the article's own
  voice, the one person a short first line (the headline: "X tells Wikinews") names.
- ``it``/``they``: the organisation credited or named in this or the previous sentence.
- ``the spokesman``, ``the former governor``: the latest person whose role (title before the
  name, apposition, or the attribution's role) contains the head noun; ``the ministry``: the
  latest organisation whose name contains it. Nothing else: a plural or indefinite description
  ("officials", "a spokesman") names no one.
"""

from __future__ import annotations

import bisect
import functools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span, Token

from sayso.data import load_json
from sayso.doctext import text_of
from sayso.identity.names import person_name, same_first
from sayso.identity.roles import clean_name, clean_speaker

PERSON_PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f"}
SELF_PRONOUNS = {"i", "me"}
BODY_PRONOUNS = {"it", "they", "them"}
PRONOUNS = {*PERSON_PRONOUNS, *SELF_PRONOUNS, *BODY_PRONOUNS, "we", "us", "you", "one", "someone", "everyone"}
FEMALE_WORDS = {"ms", "mrs", "miss", "madam", "dame", "lady", "spokeswoman", "chairwoman", "congresswoman",
                "businesswoman", "mother", "wife", "daughter", "sister", "queen", "princess"}
MALE_WORDS = {"mr", "sir", "lord", "spokesman", "chairman", "congressman", "businessman", "father",
              "husband", "son", "brother", "king", "prince"}
GENDER_WORDS = frozenset(FEMALE_WORDS | MALE_WORDS)
DEFINITE = {"the", "this", "that"}
TIME_WORDS = {"former", "then", "current", "new", "late", "outgoing", "incoming", "acting", "interim"}
DOCUMENT_NOUNS = {"report", "study", "survey", "poll", "paper", "review", "assessment", "analysis", "inquiry"}
# How far back a pronoun looks for a person not just credited as a speaker, in sentences.
WINDOW = 4
# Score weights, chosen by a grid search on GUM train (news and interview): see docs/identity.md.
# A candidate of unknown gender must lead the next by this much, else the pronoun stays null.
MARGIN = 1.0
WEIGHTS = {"distance": 2.0, "subject": 1.0, "speaker": 2.0, "frequency": 0.5}


@dataclass(slots=True)
class Candidate:
    """A person or body the article names, with what the resolver knows of it."""

    name: str
    type: str  # "PERSON" | "ORG"
    gender: str | None = None
    roles: set[str] = field(default_factory=set)
    mentions: list[tuple[int, int, bool, bool]] = field(default_factory=list)  # (char, sentence, subject, speaker)

    def last_before(self, offset: int) -> tuple[int, int, bool, bool] | None:
        return next((m for m in reversed(self.mentions) if m[0] < offset), None)

    def count_before(self, offset: int) -> int:
        return sum(1 for m in self.mentions if m[0] < offset)


def _words(text: str) -> list[str]:
    return [w.strip(".,'’").lower() for w in text.split() if w.strip(".,'’")]


def _gender_of(words: Iterable[str]) -> str | None:
    found = {"f" for w in words if w in FEMALE_WORDS} | {"m" for w in words if w in MALE_WORDS}
    return found.pop() if len(found) == 1 else None


class Resolver:
    """The people and bodies one article names, and the rules that map a mention onto one of them."""

    def __init__(self, doc: Doc, attributions: list[dict[str, Any]]) -> None:
        self.doc = doc
        self.candidates: dict[str, Candidate] = {}
        self.quotes = [(a["content"][0], a["content"][1], a) for a in attributions if a.get("content")]
        self.headline = self._headline()
        long_words = [w for w in (self.headline or "").split() if len(w) > 3]
        self._title_case = len(long_words) >= 3 and all(w[0].isupper() for w in long_words)
        self._sentence_starts = [s.start_char for s in doc.sents]
        self._surnames: dict[str, set[str]] = {}
        self._ents = doc.ents  # read once: each ``doc.ents`` walks every token of the article
        people = [e for e in self._ents if e.label_ == "PERSON"]
        for ent in people:  # full names first, so that a surname alone joins its full name
            words = [t for t in ent if t.is_alpha]
            if len(words) >= 2 and words[0].lower_ not in GENDER_WORDS:
                self._surnames.setdefault(words[-1].text, set()).add(" ".join(t.text for t in ent if t.is_alpha or t.text.endswith(".")))
        for ent in self._ents:
            if ent.label_ == "PERSON":
                self._add_person(ent)
            elif ent.label_ in ("ORG", "NORP"):
                self._add(ent.text.removeprefix("the ").strip(), "ORG", ent, speaker=False)
        for a in attributions:
            self._add_speaker(a)
        self._honorific_genders()
        for candidate in self.candidates.values():
            candidate.mentions.sort()

    # -- building the candidate list -------------------------------------------------------

    def _sentence(self, offset: int) -> int:
        return bisect.bisect_right(self._sentence_starts, offset) - 1

    def _headline(self) -> str | None:
        first = text_of(self.doc).split("\n", 1)[0]
        return first if 0 < len(first.split()) <= 25 else None

    def _full_name(self, name: str) -> str:
        """A surname alone is the one full name the article gives with it ("Tedeschi" → "Mark Tedeschi")."""
        words = name.split()
        if len(words) != 1:
            return name
        fulls = self._surnames.get(words[0], set())
        if len({(n.split()[0], n.split()[-1]) for n in fulls}) == 1:  # "Loretta Lynch", "Loretta E. Lynch": one
            return max(fulls, key=lambda n: (len(n), n))
        firsts = {full for names in self._surnames.values() for full in names if full.split()[0] == words[0]}
        return firsts.pop() if len(firsts) == 1 else name

    def _add_person(self, ent: Span) -> None:
        tokens = [t for t in ent if t.is_alpha or t.text.endswith(".")]
        names = [t for t in tokens if t.text.rstrip(".").lower() not in GENDER_WORDS]
        if not names:
            return
        name = self._full_name(" ".join(t.text for t in names))
        before = [t for t in ent.doc[max(ent.start - 4, 0) : ent.start] if t.is_alpha and _attached(t, ent.root)]
        roles = {t.lemma_.lower() for t in before if t.pos_ in ("NOUN", "PROPN", "ADJ") and t.ent_type_ != "PERSON"}
        described = [c for c in ent.root.children if c.dep_ == "appos"]
        if ent.root.dep_ == "appos":
            described.append(ent.root.head)
        for noun in described:  # "Donald Trump, the Republican nominee"
            roles.add(noun.lemma_.lower())
            roles |= {t.lemma_.lower() for t in noun.lefts if t.dep_ in ("amod", "compound")}
        gender = _gender_of([*(t.lower_.rstrip(".") for t in ent.doc[max(ent.start - 2, 0) : ent.end]), *roles])
        self._add(name, "PERSON", ent, speaker=False, roles=roles, gender=gender)

    def _add(self, name: str, type_: str, span: Span, *, speaker: bool, roles: set[str] | None = None,
             gender: str | None = None) -> Candidate | None:
        """The candidate ``name`` (cleaned) names, with this mention added; None when nothing is left of it."""
        name = clean_name(name, type_) or ""
        if not name:
            return None
        candidate = self.candidates.setdefault(name, Candidate(name, type_))
        candidate.roles |= roles or set()
        candidate.gender = candidate.gender or gender
        subject = span.root.dep_ in ("nsubj", "nsubjpass")
        candidate.mentions.append((span.start_char, self._sentence(span.start_char), subject, speaker))
        return candidate

    def _add_speaker(self, a: dict[str, Any]) -> None:
        mention = a.get("speaker_mention")
        if not a.get("speaker_name") or not mention or not self.is_named(mention):
            return
        span = self.doc.char_span(mention[0], mention[1], alignment_mode="expand")
        if span is None:
            return
        type_ = "PERSON" if a.get("speaker_type") == "PERSON" else "ORG"
        roles = set(_words(a.get("speaker_role") or ""))
        candidate = self._add(self._full_name(a["speaker_name"]), type_, span, speaker=True, roles=roles,
                              gender=_gender_of(roles))
        if candidate is not None:  # keyed by the cleaned name: "-Craig Fehrman" is "Craig Fehrman"
            candidate.mentions[-1] = (mention[0], self._sentence(mention[0]), True, True)

    def _honorific_genders(self) -> None:
        """"Mrs. Clinton" anywhere in the article says the gender of the one Clinton it names."""
        said: dict[str, set[str]] = {}
        for token in self.doc[:-1]:
            word = token.lower_.rstrip(".")
            if word in GENDER_WORDS and token.nbor(1).pos_ == "PROPN":
                said.setdefault(token.nbor(1).text, set()).add("f" if word in FEMALE_WORDS else "m")
        for candidate in self.candidates.values():
            genders = said.get(candidate.name.split()[-1], set())
            if candidate.type == "PERSON" and candidate.gender is None and len(genders) == 1:
                candidate.gender = next(iter(genders))

    # -- classifying a mention -------------------------------------------------------------

    def head(self, mention: tuple[int, int]) -> Token | None:
        span = self.doc.char_span(mention[0], mention[1], alignment_mode="expand")
        return None if span is None or not len(span) else span.root

    def is_named(self, mention: tuple[int, int]) -> bool:
        """The mention names someone itself: a proper-noun head or a person/organisation entity in it."""
        head = self.head(mention)
        if head is None:
            return False
        if head.lower_ in PERSON_PRONOUNS or head.lower_ in SELF_PRONOUNS or head.pos_ == "PRON":
            return head.lower_ not in PRONOUNS and len(head.text) > 1 and head.is_upper  # "WHO"
        span = self.doc.char_span(mention[0], mention[1], alignment_mode="expand")
        capitalised = any(c.isupper() for c in head.text[1:]) or (head.is_title and not head.is_sent_start)
        named = any(e.label_ != "NORP" or e.start <= head.i < e.end for e in _ents_within(self._ents, span))  # not "the Democratic nominee"
        return head.pos_ == "PROPN" or capitalised or any(t.pos_ == "PROPN" for t in span) or named

    # -- resolving -------------------------------------------------------------------------

    def resolve(self, mention: tuple[int, int]) -> tuple[str | None, str | None]:
        """``(name, type)`` for a pronoun or description mention; ``(None, None)`` when unsettled."""
        head = self.head(mention)
        if head is None or (self._title_case and mention[0] < len(self.headline)):
            return None, None  # a title-case headline's "He" has no antecedent to read
        word = head.lower_
        if head.pos_ == "PRON" or word in PERSON_PRONOUNS or word in SELF_PRONOUNS:
            if word in PERSON_PRONOUNS:
                return self._person(mention[0], PERSON_PRONOUNS[word]), "PERSON"
            if word in SELF_PRONOUNS:
                return self._self(mention[0]), "PERSON"
            if word in BODY_PRONOUNS:
                return self._body(mention[0]), "ORG"
            return None, None
        if head.pos_ == "NOUN" and self._definite(head) and head.tag_ not in ("NNS", "NNPS"):
            return self._described(head, mention[0])
        return None, None

    @staticmethod
    def _definite(head: Token) -> bool:
        return any(c.dep_ == "det" and c.lower_ in DEFINITE for c in head.children)

    def _score(self, candidate: Candidate, offset: int) -> float | None:
        if self._title_case and offset > len(self.headline) and all(
                m[0] < len(self.headline) for m in candidate.mentions if m[0] < offset):
            return None  # named only in a title-case headline ("Obama Says …", tagged badly): no antecedent
        last = candidate.last_before(offset)
        if last is None:
            return None
        distance = self._sentence(offset) - last[1]
        before = [m for m in candidate.mentions if m[0] < offset]
        subject = any(m[2] for m in before if m[1] == last[1])
        speaker = any(m[3] for m in before)
        w = WEIGHTS
        return (
            -w["distance"] * distance + w["subject"] * subject + w["speaker"] * speaker
            + w["frequency"] * math.log(len(before))
        ), distance, speaker

    def _best(self, offset: int, keep: Any) -> Candidate | None:
        scored = []
        for candidate in self.candidates.values():
            if not keep(candidate):
                continue
            result = self._score(candidate, offset)
            if result is None:
                continue
            score, distance, _ = result
            scored.append((score, distance, candidate.name, candidate))
        if not scored:
            return None
        last_speaker = max(
            ((c.last_before(offset)[0], c) for c in (s[3] for s in scored) if any(
                m[3] and m[0] < offset for m in c.mentions)), default=(None, None), key=lambda x: x[0] or -1
        )[1]
        scored = [s for s in scored if s[1] <= WINDOW or s[3] is last_speaker]
        if not scored:
            return None
        scored.sort(key=lambda s: (-s[0], s[1], s[2]))
        best = scored[0]
        if len(scored) > 1 and best[3].gender is None and best[0] - scored[1][0] < MARGIN:
            return None  # two people about as likely, and nothing says which the pronoun fits
        return best[3]

    def _person(self, offset: int, gender: str) -> str | None:
        inside = self._enclosing_quote(offset)
        best = self._best(
            offset,
            lambda c: c.type == "PERSON" and c.gender in (None, gender)
            and not (inside is not None and c.name == inside.get("speaker_name")),
        )
        if best is not None and best.gender is None:
            best.gender = gender
        return None if best is None else best.name

    def _enclosing_quote(self, offset: int) -> dict[str, Any] | None:
        inside = [q for q in self.quotes if q[0] <= offset < q[1] and q[2].get("speaker_mention")
                  and not q[2]["speaker_mention"][0] <= offset < q[2]["speaker_mention"][1]]
        return min(inside, key=lambda q: q[1] - q[0])[2] if inside else None

    def _self(self, offset: int) -> str | None:
        quote = self._enclosing_quote(offset)
        if quote is not None:
            return quote.get("speaker_name")
        if self.headline is None:
            return None
        people = {c.name for c in self.candidates.values() if c.type == "PERSON"
                  and any(m[0] < len(self.headline) for m in c.mentions)}
        full = {name for name in people if len(name.split()) > 1}  # "Andrew Westphal", not a mis-tagged "Stardust"
        people = full if len(full) == 1 else people
        return people.pop() if len(people) == 1 else None

    def _body(self, offset: int) -> str | None:
        here = self._sentence(offset)
        near = [
            (c.last_before(offset), c) for c in self.candidates.values()
            if c.type == "ORG" and c.last_before(offset) is not None and here - c.last_before(offset)[1] <= 1
            and c.last_before(offset)[2]
        ]
        if not near:
            return None
        return max(near, key=lambda x: x[0][0])[1].name

    def _described(self, head: Token, offset: int) -> tuple[str | None, str | None]:
        word = head.lemma_.lower()
        if word in DOCUMENT_NOUNS:  # "the report": the latest study, survey or report the article names
            named = [c for c in self.candidates.values() if c.type == "ORG" and c.last_before(offset) is not None
                     and _words(c.name)[-1] in DOCUMENT_NOUNS]
            found = max(named, key=lambda c: c.last_before(offset)[0]) if named else None
            return (found.name, "ORG") if found else (None, None)
        # "the Republican nominee" is not the Democratic one: the description's own modifiers must
        # be among the candidate's role words too (time words such as "former" aside)
        wanted = {t.lemma_.lower() for t in head.lefts if t.dep_ in ("amod", "compound") and t.lower_ not in TIME_WORDS}
        people = self._best(offset, lambda c: c.type == "PERSON" and word in c.roles and wanted <= c.roles)
        bodies = [c for c in self.candidates.values() if c.type == "ORG" and word in _words(c.name)
                  and c.last_before(offset) is not None]
        body = max(bodies, key=lambda c: c.last_before(offset)[0]) if bodies else None
        if people is not None and (body is None or people.last_before(offset)[0] > body.last_before(offset)[0]):
            return people.name, "PERSON"
        if body is not None:
            return body.name, "ORG"
        return None, None


def resolve_attributions(doc: Doc, attributions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The attributions with names, roles and organisations checked (``roles``) and every pronoun
    or description speaker resolved, or its name cleared.

    A named mention keeps the name attribution gave it. Self pronouns ("I") go last, so that the
    quotation they sit in has its own speaker resolved first.
    """
    ents = doc.ents
    out = [_own_name(doc, ents, clean_speaker(a, doc)) for a in attributions]  # junk names are no candidates
    resolver = Resolver(doc, out)  # quotations hold these dicts, so an "I" sees its quote resolved
    order = sorted(range(len(out)), key=lambda i: _is_self(resolver, out[i]))
    for i in order:
        a = out[i]
        mention = a.get("speaker_mention")
        if not mention or resolver.is_named(tuple(mention)):
            continue
        name, type_ = resolver.resolve(tuple(mention))
        a["speaker_name"] = name
        if name is not None:
            a["speaker_type"] = type_
    return out


@functools.lru_cache(maxsize=1)
def _message_nouns(bodies: bool = True) -> frozenset[str]:
    """Nouns whose owner is who speaks: "Trump's statement", and (``bodies``) "Niger's transitional
    government"; plural bodies ("surety companies") are not their owner."""
    lexicon = load_json("reporting_verbs.json", version=None)
    return frozenset({*lexicon["message_nouns"], *(lexicon["org_words"] if bodies else ())})


def _attached(token: Token, root: Token, steps: int = 3) -> bool:
    """The word before a name modifies it ("Environment Minister John Baird"), not a verb before
    it ("The judge agreed with Ivana Trump")."""
    for _ in range(steps):
        if token.head == root:
            return True
        if token.head == token or token.head.i > root.i:
            return False
        token = token.head
    return False


def _own_name(doc: Doc, doc_ents: Sequence[Span], a: dict[str, Any]) -> dict[str, Any]:
    """A named mention keeps the person it names: "Ivanka Trump" is not the "Donald Trump" whose
    surname it shares; "McConnell aides" (a plural common noun) are not McConnell."""
    mention, name = a.get("speaker_mention"), a.get("speaker_name")
    if not mention or not name:
        return a
    span = doc.char_span(mention[0], mention[1], alignment_mode="expand")
    if span is None or not len(span):
        return a
    if span.root.tag_ == "NNS" and span.root.pos_ == "NOUN" and span.root.is_lower \
            and span.root.lemma_.lower() not in _message_nouns(False):
        return {**a, "speaker_name": None, "speaker_type": None}  # "Surety companies that had insured Patriot's …"
    if a.get("speaker_type") != "PERSON":
        return a
    root = span.root
    ents = _ents_within(doc_ents, span)
    people = [e for e in ents if e.label_ == "PERSON"]
    if root.pos_ == "NOUN" and root.is_lower and people and all(e.end <= root.i for e in people) \
            and root.lemma_.lower() not in _message_nouns():  # message and body nouns speak for their owner
        # "McConnell aides", "a top Trump adviser": the person only modifies who speaks
        return {**a, "speaker_name": None, "speaker_type": None}
    own = next((e for e in ents if e.label_ == "PERSON" and e.start <= root.i < e.end), None)
    person = own or next((e for e in ents if e.label_ == "PERSON"), None)
    words = person.text.split() if person is not None else [t.text for t in span if t.pos_ == "PROPN"]
    words = [w.strip(".,'’") for w in words if w.strip(".,'’")]
    credited, written = person_name(name), person_name(" ".join(words))
    if credited and written and (written.full or own is not None) and written.surname != credited.surname \
            and written.surname != credited.surname.split()[-1]:
        # "Clinton campaign manager Robby Mook", "Rendell, a Clinton surrogate": the person it is headed by
        return {**a, "speaker_name": " ".join(words[-2:]) if written.full else words[-1]}
    if not credited or not credited.full or len(words) < 2 or words[-1].casefold() != credited.surname:
        return a
    given = [w for w in words[:-1] if len(w) > 1]
    if not given or any(same_first(w.casefold(), credited.first) for w in given):
        return a  # "Kremlin Spokesperson Arkady Volkov", "Hillary Rodham Clinton": the same person
    return {**a, "speaker_name": f"{given[-1]} {words[-1]}"}


def _ents_within(ents: Sequence[Span], span: Span) -> list[Span]:
    """``span.ents`` from the Doc's entities read once: ``Span.ents`` walks every token of the article."""
    within = []
    for ent in ents:
        if ent.start >= span.start:
            if ent.end > span.end:
                break
            within.append(ent)
    return within


def _is_self(resolver: Resolver, a: dict[str, Any]) -> bool:
    mention = a.get("speaker_mention")
    head = resolver.head(tuple(mention)) if mention else None
    return head is not None and head.lower_ in SELF_PRONOUNS
