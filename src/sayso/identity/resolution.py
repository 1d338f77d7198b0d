"""Pronoun and description speakers resolved to a person or body the article names.

A step after attribution: "he said", "the spokesman said", "the ministry said" get the name of the
person or organisation they stand for, or None when the article does not settle it. It is a
scored rule resolver, not a learned one, so every decision can be read back:

- ``he``/``she`` as the subject of an indirect report's clause ("Smith said he expects …"): the
  reporter, or None when the reporter is unnamed, unless the reporter's known gender disagrees.
- ``he``/``she`` otherwise: the candidate people named before the mention, each scored by recency
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
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from spacy.attrs import LOWER, POS
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span, Token

from sayso.attribution.grammar import relative_antecedent
from sayso.attribution.lexicon import reporting_lexicon
from sayso.attribution.quotes import Quote, find_quotes
from sayso.attribution.speakers import is_office
from sayso.doctext import ents_of, ents_within, text_of
from sayso.identity import interviews
from sayso.identity.mentions import (
    appositive_name,
    body_nouns,
    is_description,
    mention_span,
    own_name,
)
from sayso.identity.roles import clean_name, clean_speaker, entity_kinds, outlets_in_full, role_head_at
from sayso.identity.surnames import FEMALE_WORDS, GENDER_WORDS, SurnameCredits, gender_of

PERSON_PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f"}
SELF_PRONOUNS = {"i", "me"}
BODY_PRONOUNS = {"it", "they", "them"}
ADDRESSEE_PRONOUNS = {"you", "your"}
PRONOUNS = {*PERSON_PRONOUNS, *SELF_PRONOUNS, *BODY_PRONOUNS, "we", "us", "you", "one", "someone", "everyone"}
DEFINITE = {"the", "this", "that"}
TIME_WORDS = {"former", "then", "current", "new", "late", "outgoing", "incoming", "acting", "interim"}
# a kind of body a subject named just before is called by ("Northwind said …. The company said"); not
# "the government", "the administration" or "the campaign", which PolNeAR train's articles use for a
# body other than the last one named (a country's, a candidate's)
BODY_KINDS = {"company", "firm", "group", "organization", "organisation", "network", "newspaper", "agency"}
DOCUMENT_NOUNS = {"report", "study", "survey", "poll", "paper", "review", "assessment", "analysis", "inquiry"}
# A transcript's speaker label opening a paragraph: "AUSTIN: I believe …", "Mr Austin: I think …".
SPEAKER_LABEL = re.compile(r"([A-Z][\w.'’ -]{0,40}?):\s")
# A title written short before a name, as a description names it ("Gov. Pence", "the governor").
ABBREVIATED_TITLES = {
    "gov": "governor", "sen": "senator", "rep": "representative", "gen": "general", "lt": "lieutenant",
    "col": "colonel", "maj": "major", "capt": "captain", "sgt": "sergeant", "adm": "admiral", "cmdr": "commander",
    "pres": "president", "amb": "ambassador", "prof": "professor", "rev": "reverend", "supt": "superintendent",
}
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
    roles: set[str] = field(default_factory=set)  # every word of its titles and appositions
    heads: set[str] = field(default_factory=set)  # their head nouns: "chairman", not "campaign"
    mentions: list[tuple[int, int, bool, bool]] = field(default_factory=list)  # (char, sentence, subject, speaker)

    def last_before(self, offset: int) -> tuple[int, int, bool, bool] | None:
        return next((m for m in reversed(self.mentions) if m[0] < offset), None)

    def count_before(self, offset: int) -> int:
        return sum(1 for m in self.mentions if m[0] < offset)


def _words(text: str) -> list[str]:
    return [w.strip(".,'’").lower() for w in text.split() if w.strip(".,'’")]


class FullNames:
    """The full names of the people an article names, each with the gender its honorifics give, so
    that a single name joins its one full name (the resolver's speakers, estimative's holders)."""

    def __init__(self, doc: Doc, ents: tuple[Span, ...] | None = None,
                 roles_of: Callable[[Span], tuple[set[str], set[str]]] | None = None) -> None:
        self.surnames: dict[str, set[str]] = {}
        self.genders: dict[str, str | None] = {}
        roles_of = roles_of or Resolver._roles_of
        for ent in ents_of(doc) if ents is None else ents:  # full names first, so that a surname alone joins its full name
            if ent.label_ != "PERSON":
                continue
            written = name_words(ent)
            words = [w for w in written if not w.endswith(".")]
            if len(words) >= 2 and words[0].lower() not in GENDER_WORDS:
                full = " ".join(written)
                self.surnames.setdefault(words[-1], set()).add(full)
                gender = Resolver._gender_at(ent, roles_of(ent)[0])
                known = self.genders.get(full, gender)
                self.genders[full] = gender if known == gender else None  # "Mr." here, "Mrs." there: unknown

    def __call__(self, name: str, gender: str | None = None) -> str:
        """A surname alone is the one full name the article gives with it ("Tedeschi" → "Mark Tedeschi"),
        of the gender an honorific gives it: "Mr. Obama" is not the article's only full name
        "Michelle Obama" when she is "the first lady"."""
        words = name.split()
        if len(words) != 1:
            return name
        surnamed = self.surnames.get(words[0], set())
        fulls = {n for n in surnamed if self.genders.get(n) in (None, gender)}
        if len({(n.split()[0], n.split()[-1]) for n in fulls}) == 1:  # "Loretta Lynch", "Loretta E. Lynch": one
            return max(fulls, key=lambda n: (len(n), n))
        if surnamed:  # a surname the article gives, not a first name ("Obama" is not "Obama Speech")
            return name
        firsts = {full for names in self.surnames.values() for full in names if full.split()[0] == words[0]}
        return firsts.pop() if len(firsts) == 1 else name


class Resolver(SurnameCredits):
    """The people and bodies one article names, and the rules that map a mention onto one of them."""

    def __init__(self, doc: Doc, attributions: list[dict[str, Any]], ents: tuple[Span, ...] | None = None) -> None:
        self.doc = doc
        self._ents = ents_of(doc) if ents is None else ents
        self.candidates: dict[str, Candidate] = {}
        self.headline = self._headline()
        self._quotes: list[Quote] | None = None  # the article's quotations, found when first asked for
        self._own_words = self.headline is not None and interviews.presents_own_words(doc, self.headline, self._ents)
        long_words = [w for w in (self.headline or "").split() if len(w) > 3]
        self._title_case = len(long_words) >= 3 and all(w[0].isupper() for w in long_words)
        self._sentence_starts = [s.start_char for s in doc.sents]
        self._roles: dict[tuple[int, int], tuple[set[str], set[str]]] = {}
        self._names = FullNames(doc, self._ents, self._entity_roles)
        self._said = self._honorifics()
        self._credited_full_names(attributions)
        for ent in self._ents:
            if ent.label_ == "PERSON":
                self._add_person(ent)
            elif ent.label_ in ("ORG", "NORP"):
                # "The German Foreign Ministry" at a sentence's start is the "German Foreign Ministry"
                # attribution names: one body, one spelling, whichever case its article gave "the"
                body = ent[1:] if len(ent) > 1 and ent[0].lower_ == "the" else ent
                self._add(body.text.strip(), "ORG", ent, speaker=False)
        labelled = [self._agreeing(self._labelled(a)) for a in attributions]
        self.attributions = self._latest_speakers(self._apart_by_honorific(labelled))
        self.quotes = [(a["content"][0], a["content"][1], a) for a in self.attributions if a.get("content")]
        for a in self.attributions:
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

    def _surname_gender(self, surname: str, honorific: str | None) -> str | None:
        """The gender a surname mention says: its own honorific, else the one the article gives that surname."""
        said = self._said.get(surname, set())
        return honorific or (next(iter(said)) if len(said) == 1 else None)

    @staticmethod
    def _roles_of(ent: Span) -> tuple[set[str], set[str]]:
        """The words of the titles before a name and of its appositions ("Donald Trump, the Republican
        nominee"), and their head nouns: a description names a role by its head ("the chairman", not
        "the campaign" for "campaign chairman Phil Lovas")."""
        root = ent.root  # found anew on every read of ``Span.root``
        before = [t for t in ent.doc[max(ent.start - 4, 0) : ent.start] if t.is_alpha and _attached(t, root)]
        titles = [t for t in before if t.pos_ in ("NOUN", "PROPN", "ADJ") and t.ent_type_ != "PERSON"]
        roles = {t.lemma_.lower() for t in titles}
        heads = {t.lemma_.lower() for t in titles if t.pos_ != "ADJ" and ent.start <= t.head.i < ent.end}
        described = [c for c in root.children if c.dep_ == "appos"]
        if root.dep_ == "appos":
            described.append(root.head)
        for noun in described:
            roles.add(noun.lemma_.lower())
            heads.add(noun.lemma_.lower())
            roles |= {t.lemma_.lower() for t in noun.lefts if t.dep_ in ("amod", "compound")}

        def spelled(words: set[str]) -> set[str]:  # "Gov." is "the governor"
            return {ABBREVIATED_TITLES.get(word.rstrip("."), word) for word in words}

        return spelled(roles), spelled(heads)

    def _entity_roles(self, ent: Span) -> tuple[set[str], set[str]]:
        """``_roles_of`` read once per entity: the full names and the candidates both need them."""
        key = (ent.start, ent.end)
        if key not in self._roles:
            self._roles[key] = self._roles_of(ent)
        return self._roles[key]

    @staticmethod
    def _gender_at(ent: Span, roles: set[str]) -> str | None:
        return gender_of([*(t.lower_.rstrip(".") for t in ent.doc[max(ent.start - 2, 0) : ent.end]), *roles])

    def _add_person(self, ent: Span) -> None:
        names = [w for w in name_words(ent) if w.rstrip(".").lower() not in GENDER_WORDS]
        if not names:
            return
        roles, heads = self._entity_roles(ent)
        gender = self._gender_at(ent, roles)
        name = " ".join(names)
        name = self._names(name, self._surname_gender(name, gender) if len(names) == 1 else None)
        self._add(name, "PERSON", ent, speaker=False, roles=roles, heads=heads, gender=gender)

    def _add(self, name: str, type_: str, span: Span, *, speaker: bool, roles: set[str] | None = None,
             heads: set[str] | None = None, gender: str | None = None) -> Candidate | None:
        """The candidate ``name`` (cleaned) names, with this mention added; None when nothing is left of it."""
        name = clean_name(name, type_) or ""
        if not name:
            return None
        candidate = self.candidates.setdefault(name, Candidate(name, type_))
        if speaker:  # the credit knows its speaker's kind better than the tagger's label ("Ivo Brandt" as ORG)
            candidate.type = type_
        candidate.roles |= roles or set()
        candidate.heads |= heads or set()
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
        role = _words(a.get("speaker_role") or "")
        roles, heads = set(role), {role[role_head_at(role, ("of", "for"))]} if role else set()
        if type_ == "PERSON" and appositive_name(span) is not None:  # "Mr Lukashenko's spokeswoman, Natalya Eismont"
            roles |= {span.root.lemma_.lower(), *(t.lemma_.lower() for t in span.root.lefts if t.dep_ in ("amod", "compound"))}
            heads.add(span.root.lemma_.lower())
        candidate = self._add(self._names(a["speaker_name"]), type_, span, speaker=True, roles=roles,
                              heads=heads, gender=gender_of(roles))
        if candidate is not None:  # keyed by the cleaned name: "-Craig Fehrman" is "Craig Fehrman"
            candidate.mentions[-1] = (mention[0], self._sentence(mention[0]), True, True)

    def _honorifics(self) -> dict[str, set[str]]:
        """The genders the article's honorifics give each surname ("Mrs. Clinton": {"f"})."""
        said: dict[str, set[str]] = {}
        doc = self.doc
        lowers, parts = doc.to_array([LOWER, POS]).T.tolist()  # one array read, not a Token per word
        for i in range(len(doc) - 1):
            if parts[i + 1] == PROPN:  # only the words before a proper noun are looked up
                word = doc.vocab.strings[lowers[i]].rstrip(".")
                if word in GENDER_WORDS:
                    said.setdefault(doc[i + 1].text, set()).add("f" if word in FEMALE_WORDS else "m")
        return said

    def _honorific_genders(self) -> None:
        """"Mrs. Clinton" anywhere in the article says the gender of the one Clinton it names."""
        for candidate in self.candidates.values():
            genders = self._said.get(candidate.name.split()[-1], set())
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
        if relative_antecedent(head) is not None:
            return True  # "Senator Roe, who said …": named by the name the clause follows
        if head.lower_ in PERSON_PRONOUNS or head.lower_ in SELF_PRONOUNS or head.pos_ == "PRON":
            return head.lower_ not in PRONOUNS and len(head.text) > 1 and head.is_upper  # "WHO"
        span = self.doc.char_span(mention[0], mention[1], alignment_mode="expand")
        # a sentence's first word is capitalised anyway, unless it is a surname the article gives in
        # full ("Trump shot back", a headline's "Merkel:"), which the tagger often takes for a noun
        capitalised = any(c.isupper() for c in head.text[1:]) or (
            head.is_title and (not head.is_sent_start or head.text in self._names.surnames))
        named = any(e.label_ != "NORP" or e.start <= head.i < e.end for e in ents_within(span, self._ents))  # not "the Democratic nominee"
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
            if word in ADDRESSEE_PRONOUNS:
                return self._addressee(mention[0]), "PERSON"
            return None, None
        noun = head.pos_ == "NOUN" or is_office(head, reporting_lexicon())  # "the Foreign Secretary"
        if noun and self._definite(head) and head.tag_ not in ("NNS", "NNPS"):
            return self._described(head, mention[0])
        return None, None

    @staticmethod
    def _definite(head: Token) -> bool:
        return any(c.dep_ == "det" and c.lower_ in DEFINITE for c in head.children)

    def _score(self, candidate: Candidate, offset: int, said: tuple[tuple[int, int], ...] = ()) -> float | None:
        if self._title_case and offset > len(self.headline) and all(
                m[0] < len(self.headline) for m in candidate.mentions if m[0] < offset):
            return None  # named only in a title-case headline ("Obama Says …", tagged badly): no antecedent
        before = [m for m in candidate.mentions if m[0] < offset and not any(a <= m[0] < b for a, b in said)]
        if not before:
            return None
        last = before[-1]
        distance = self._sentence(offset) - last[1]
        subject = any(m[2] for m in before if m[1] == last[1])
        speaker = any(m[3] for m in before)
        w = WEIGHTS
        return (
            -w["distance"] * distance + w["subject"] * subject + w["speaker"] * speaker
            + w["frequency"] * math.log(len(before))
        ), distance, speaker

    def _best(self, offset: int, keep: Any, said: tuple[tuple[int, int], ...] = ()) -> Candidate | None:
        scored = []
        for candidate in self.candidates.values():
            if not keep(candidate):
                continue
            result = self._score(candidate, offset, said)
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
        best = scored[0][3]
        rivals = [s for s in scored[1:] if not self._one_person(best, s[3])]
        if rivals and best.gender is None and scored[0][0] - rivals[0][0] < MARGIN:
            return None  # two people about as likely, and nothing says which the pronoun fits
        return best

    def _one_person(self, a: Candidate, b: Candidate) -> bool:
        """Two candidates that name one person ("Lynch" where the article's only fuller name with
        that word is "Loretta E. Lynch"): no margin is owed between them."""
        short, full = sorted((a, b), key=lambda c: len(_words(c.name)))
        words = set(_words(short.name))
        if not words < set(_words(full.name)):
            return False
        return [c for c in self.candidates.values() if c.type == "PERSON" and words < set(_words(c.name))] == [full]

    def _person(self, offset: int, gender: str) -> str | None:
        inside = self._enclosing_quote(offset)
        if inside is not None and inside.get("kind") == "indirect" and self._reported_subject(offset, inside):
            reporter = self._reporter(inside, gender)
            if reporter is not False:
                return reporter
        best = self._best(
            offset,
            lambda c: c.type == "PERSON" and c.gender in (None, gender)
            and not (inside is not None and c.name == inside.get("speaker_name")),
            self._said_by(offset),
        )
        if best is not None and best.gender is None:
            best.gender = gender
        return None if best is None else best.name

    def _said_by(self, offset: int) -> tuple[tuple[int, int], ...]:
        """The quotations credited to the mention at ``offset``: whoever "“… Trump will …,” he said"
        names inside the quotation marks is what he speaks of, not who he is."""
        said = next((a for a in self.attributions if (a.get("speaker_mention") or [None])[0] == offset
                     and a.get("content")), None)
        if said is None:
            return ()
        if self._quotes is None:
            self._quotes = find_quotes(text_of(self.doc), reporting_lexicon()["quote_marks"]["pairs"])
        parts = said.get("parts") or [said["content"]]
        return tuple((q.inner_start, q.inner_end) for q in self._quotes
                     if q.end <= offset and any(q.inner_start < b and a < q.inner_end for a, b in parts))

    def _reported_subject(self, offset: int, report: dict[str, Any]) -> bool:
        """The pronoun is the subject of the reported clause itself, or of a clause joined to it ("said
        he would … and that he thinks"), not of one deeper inside ("the shootings Obama mentioned when
        he announced …")."""
        pronoun = self.head((offset, offset + 1))
        if pronoun is None or pronoun.dep_ not in ("nsubj", "nsubjpass"):
            return False
        start, end = report["content"]
        verb = pronoun.head
        while verb.dep_ == "conj" and start <= verb.head.idx < end:
            verb = verb.head
        return not start <= verb.head.idx < end or verb.head == verb

    def _reporter(self, report: dict[str, Any], gender: str) -> str | None | bool:
        """"Smith said he expects …", "a spokesman said he expects …": the he of a reported clause
        is its reporter, named or not (then null: the unnamed spokesman, not an earlier name), as
        far as the reporter's known gender allows; ``False`` where it does not, or a body reports."""
        if report.get("speaker_type") not in (None, "PERSON"):
            return False
        name = report.get("speaker_name")
        if name is None:
            return None
        known = self.candidates.get(clean_name(self._names(name), "PERSON") or "")
        if known is None:
            return name
        if known.type != "PERSON" or known.gender not in (None, gender):
            return False
        known.gender = known.gender or gender
        return known.name

    def _enclosing_quote(self, offset: int) -> dict[str, Any] | None:
        inside = [q for q in self.quotes if q[0] <= offset < q[1] and q[2].get("speaker_mention")
                  and not q[2]["speaker_mention"][0] <= offset < q[2]["speaker_mention"][1]]
        return min(inside, key=lambda q: q[1] - q[0])[2] if inside else None

    def _self(self, offset: int) -> str | None:
        quote = self._enclosing_quote(offset)
        if quote is not None:
            return quote.get("speaker_name")
        labelled = self._labelled_speaker(offset)
        if labelled is not None:
            return labelled
        if self.headline is None or not self._own_words:
            return None
        return self._interviewee()

    def _interviewee(self) -> str | None:
        """The one person the first line names (not as a noun's modifier: "… on Santorum cocktail"),
        else the one its opening says it interviewed."""
        people = {c.name for c in self.candidates.values() if c.type == "PERSON"
                  and any(m[0] < len(self.headline) and not interviews.modifies_a_noun(self.doc, m[0]) for m in c.mentions)}
        full = {name for name in people if len(name.split()) > 1}  # "Andrew Westphal", not a mis-tagged "Stardust"
        people = full if len(full) == 1 else people
        if len(people) == 1:
            return people.pop()
        return interviews.interviewed_name(self.doc, text_of(self.doc), len(self.headline) + interviews.OPENING_CHARS)

    def _addressee(self, offset: int) -> str | None:
        """An interview's question asks its "you" of the person interviewed; any other "you" stays null."""
        if self.headline is None or not self._own_words or self._enclosing_quote(offset) is not None:
            return None
        return self._interviewee() if interviews.in_question(text_of(self.doc), offset) else None

    def _labelled_speaker(self, offset: int) -> str | None:
        """In a transcript, the "I" of a paragraph that opens with a speaker label ("AUSTIN: I believe
        …") is the one person the article names with that surname ("Lloyd Austin"); a label that
        names no one ("UPDATE:", "Q:") says nothing."""
        text = text_of(self.doc)
        label = SPEAKER_LABEL.match(text, text.rfind("\n", 0, offset) + 1)
        if label is None or label.end() > offset:
            return None
        return self._label_person(label.group(1))

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
        # "the campaign" is a body, never a person whose role merely mentions one ("campaign chairman")
        people = None if word in body_nouns() else self._best(
            offset, lambda c: c.type == "PERSON" and word in c.heads and wanted <= c.roles)
        named = {t.lower_ for t in head.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"}  # "the Clinton campaign"
        bodies = [c for c in self.candidates.values() if c.type == "ORG" and word in _words(c.name)
                  and _words(c.name) != [word]  # "State" from "Secretary of State" names no body
                  and named <= set(_words(c.name)) and c.last_before(offset) is not None]
        body = max(bodies, key=lambda c: c.last_before(offset)[0]) if bodies else None
        if people is not None and (body is None or people.last_before(offset)[0] > body.last_before(offset)[0]):
            return people.name, "PERSON"
        if body is not None:
            return body.name, "ORG"
        if word in BODY_KINDS:  # "Northwind said …. The company said": the body just named as a subject
            found = self._body(offset)
            return (found, "ORG") if found is not None else (None, None)
        return None, None


def resolve_attributions(doc: Doc, attributions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The attributions with names, roles and organisations checked (``roles``) and every pronoun
    or description speaker resolved, or its name cleared.

    A named mention keeps the name attribution gave it. Self pronouns ("I") go last, so that the
    quotation they sit in has its own speaker resolved first.
    """
    ents = ents_of(doc)
    kinds, outlets = entity_kinds(ents), outlets_in_full(ents)
    out = [_checked(doc, clean_speaker(a, doc, kinds, outlets), ents) for a in attributions]  # junk names are no candidates
    resolver = Resolver(doc, out, ents)
    out = resolver.attributions  # quotations hold these dicts, so an "I" sees its quote resolved
    order = sorted(range(len(out)), key=lambda i: _is_self(resolver, out[i]))
    for i in order:
        a = out[i]
        mention = a.get("speaker_mention")
        if not mention or (resolver.is_named(tuple(mention)) and not _described(doc, a)):
            continue
        name, type_ = resolver.resolve(tuple(mention))
        a["speaker_name"] = name
        if name is not None:
            a["speaker_type"] = type_
    return out


def name_words(ent: Span) -> list[str]:
    """A person entity's words as written: its alphabetic words and initials ("J."), a hyphenated
    name one word ("Ocasio-Cortez", which the tokenizer splits in three), punctuation left out."""
    words: list[str] = []
    glued = False
    for token in ent:
        if token.text == "-" and words and not token.doc[token.i - 1].whitespace_ and not token.whitespace_:
            glued = True
            continue
        if token.is_alpha or (token.text.endswith(".") and token.text[:-1].isalpha()):
            if glued and words[-1][-1:].isalpha():
                words[-1] += "-" + token.text
            else:
                words.append(token.text)
        glued = False
    return words


def _attached(token: Token, root: Token, steps: int = 3) -> bool:
    """The word before a name modifies it ("Environment Minister John Baird"), not a verb before
    it ("The judge agreed with Ivana Trump")."""
    for _ in range(steps):
        head = token.head  # a new Token on every read
        if head == root:
            return True
        if head == token or head.i > root.i:
            return False
        token = head
    return False


def _described(doc: Doc, a: dict[str, Any]) -> bool:
    span = mention_span(doc, a.get("speaker_mention"))
    return span is not None and is_description(span, a)


def _checked(doc: Doc, a: dict[str, Any], ents: tuple[Span, ...]) -> dict[str, Any]:
    """A named mention's credit checked (``mentions.own_name``); a description's name cleared, so
    that it is resolved from the article rather than taken as attribution guessed it."""
    a = own_name(doc, a, ents)
    return {**a, "speaker_name": None} if _described(doc, a) else a


def _is_self(resolver: Resolver, a: dict[str, Any]) -> bool:
    mention = a.get("speaker_mention")
    head = resolver.head(tuple(mention)) if mention else None
    return head is not None and head.lower_ in SELF_PRONOUNS
