"""Whether a named speaker mention is the one person its credited name says.

Attribution credits a mention to a name; inside one article that credit joins the mention to an
identity. These checks undo the credits that join two different real-world speakers:

- a coordinated subject ("Mr. Grassley and Mr. Leahy", "Cruz and his aides") is not one person:
  it is credited to no one;
- a body owned by a person ("the Clinton campaign", "Hillary Clinton's campaign") is that body,
  an organisation ("Clinton campaign"), never the person; a message ("Trump's statement") is still
  its author's;
- a person noun a name only modifies ("a spokeswoman for Hillary Clinton", "the GOP nominee",
  "McConnell aides") is a description, resolved as one (``is_description``), not the name in it;
- a mention names its own person ("Rendell, a Clinton surrogate" is Rendell; "Ivanka Trump" is not
  the "Donald Trump" whose surname it shares).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from spacy.tokens import Doc, Span, Token

from sayso.attribution.lexicon import reporting_lexicon
from sayso.attribution.speakers import holder_after_body, is_office
from sayso.doctext import ents_of, ents_within, span_ents
from sayso.identity.names import is_title, person_name, same_first

NOMINALS = ("NOUN", "PROPN", "PRON")


@functools.lru_cache(maxsize=2)
def message_nouns(bodies: bool = True) -> frozenset[str]:
    """Nouns whose owner is who speaks: "Trump's statement", and (``bodies``) "Niger's transitional
    government"; plural bodies ("surety companies") are not their owner."""
    lexicon = reporting_lexicon()
    return frozenset({*lexicon["message_nouns"], *(lexicon["org_words"] if bodies else ())})


@functools.lru_cache(maxsize=1)
def body_nouns() -> frozenset[str]:
    """Nouns that name an organisation ("campaign", "ministry"): never a person's role."""
    return frozenset(reporting_lexicon()["org_words"])


def mention_span(doc: Doc, mention: list[int] | tuple[int, int] | None) -> Span | None:
    span = doc.char_span(mention[0], mention[1], alignment_mode="expand") if mention else None
    return span if span is not None and len(span) else None


def is_coordinated(span: Span) -> bool:
    """Two or more speakers joined by "and"/"or" at the mention's head, unless one entity spans
    them ("Procter and Gamble")."""
    root = span.root
    joined = [t for t in root.children if t.dep_ == "conj" and t.pos_ in NOMINALS and span.start <= t.i < span.end]
    if not joined:
        return False
    whole = next((e for e in span_ents(span) if e.start <= root.i < e.end), None)
    return not (whole is not None and all(whole.start <= t.i < whole.end for t in joined))


def _two_names(span: Span) -> bool:
    """Two people's names side by side ("the real Dred Scott, Chief Justice Roberts"): no one name
    is the speaker's, whatever the parse made of them."""
    root = span.root
    if root.ent_type_ != "PERSON":
        return False
    own = person_name(root.text)
    beside = (person_name(c.text) for c in root.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"
              and span.start <= c.i < span.end)
    return any(other is not None and own is not None and other.surname != own.surname for other in beside)


def _named_apposition(root: Token) -> bool:
    """"A lawyer for the outlets, David Schulz": the common noun stands beside a name."""
    beside = [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else [])
    return any(t.pos_ == "PROPN" or t.ent_type_ == "PERSON" for t in beside)


def _one_member(span: Span) -> bool:
    """"The Massachusetts Democrat", "a Republican": one member of a party or nation, a person the
    words describe but do not name (not the party: "Democrats said", "the Democratic Party")."""
    root = span.root
    return (
        root.ent_type_ == "NORP" and root.tag_ == "NNP"
        and any(c.dep_ == "det" and c.lower_ in ("the", "a", "an") for c in root.children)
        and not any(e.label_ in ("PERSON", "ORG") for e in span_ents(span))
    )


def _described_as_body(span: Span) -> bool:
    """"Thomson Reuters, the parent company of Reuters": a name its own apposition calls a body is
    an organisation, though the tagger took it for a person's."""
    root = span.root
    return root.pos_ == "PROPN" and any(
        c.dep_ == "appos" and c.pos_ == "NOUN" and c.tag_ == "NN" and c.lemma_.lower() in body_nouns()
        and span.start <= c.i < span.end for c in root.children
    )


def _body_headed(span: Span) -> str | None:
    """"The Northern Institute for Tropical Medicine and Hygiene (NITMED)", where the tagger made
    "Hygiene" a person: a name headed by a body noun inside an organisation entity is that
    organisation, named by its head's words (no article, bracket or clause); None otherwise."""
    root = span.root
    if root.pos_ != "PROPN" or root.ent_type_ != "ORG" or root.lemma_.lower() not in body_nouns():
        return None
    if any(e.label_ == "PERSON" and len(e) > 1 for e in span_ents(span)):
        return None  # "The Council … Executive Director Nihad Awad": a full name is the speaker
    left_out = {t.i for c in root.children if c.dep_ in ("appos", "punct", "det", "relcl", "acl") for t in c.subtree}
    words = [t for t in root.subtree if span.start <= t.i < span.end and t.i not in left_out]
    if words[-1].i - words[0].i + 1 != len(words):
        return None  # words apart: not one name
    return span.doc[words[0].i : words[-1].i + 1].text


def _unnamed_office(span: Span) -> bool:
    """"The Foreign Secretary" with no name beside it is a description, as "the foreign secretary"
    is; "Malaysia's Prime Minister, Najib Razak" and "Deputy Chairman of the Security Council Dmitry
    Medvedev" (a name the tagger ran into the body) name their person."""
    lexicon = reporting_lexicon()
    return (is_office(span.root, lexicon) and not any(e.label_ == "PERSON" for e in span_ents(span))
            and holder_after_body(span.root, span, lexicon) is None)


def _by_name(root: Token) -> bool:
    """"An analysis by Lily Batchelder": the work's author is named as its agent."""
    return any(
        c.dep_ == "prep" and c.lower_ == "by" and any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in c.children)
        for c in root.children
    )


def is_description(span: Span, a: dict[str, Any]) -> bool:
    """A person credited for a mention headed by a common noun that a name only modifies ("the GOP
    nominee", "a spokeswoman for Hillary Clinton"): a description, resolved as one."""
    root = span.root
    return (
        a.get("speaker_type") == "PERSON"
        and ((root.pos_ == "NOUN" and root.is_lower) or _unnamed_office(span))
        and root.lemma_.lower() not in message_nouns()
        and root.ent_type_ not in ("PERSON", "ORG")
        and not _named_apposition(root)
        and not _by_name(root)
    )


def _owned_body(span: Span, a: dict[str, Any]) -> str | None:
    """"The Clinton campaign", "Hillary Clinton's campaign": the body's name when a person owns it."""
    root = span.root
    if a.get("speaker_type") != "PERSON" or root.pos_ != "NOUN" or not root.is_lower or root.tag_ == "NNS" \
            or root.lemma_.lower() not in body_nouns():
        return None
    owners = [e for e in span_ents(span) if e.label_ == "PERSON" and e.end <= root.i and e.root.head == root]
    if not owners or not _known_person(span.doc, owners[-1]):
        return None
    owner = owners[-1].text.removesuffix("’s").removesuffix("'s").strip()
    return f"{owner} {root.text}"


def _known_person(doc: Doc, owner: Span) -> bool:
    """The article names the owner as a person: a full name, or a title before the name somewhere
    ("Hillary Clinton", "Mrs. Clinton"); a place the tagger took for a person ("Niger's
    government") is none."""
    words = [t for t in owner if t.is_alpha]
    if len(words) != 1:
        return len(words) > 1
    surname = words[0].text
    for e in ents_of(doc):
        named = [t for t in e if t.is_alpha]
        if e.label_ != "PERSON" or not named or named[-1].text != surname:
            continue
        if len(named) > 1 or (e.start > 0 and is_title(doc[e.start - 1].text)):
            return True
    return False


def written_name(span: Span, ents: Sequence[Span]) -> list[str]:
    """The words of the name the mention is headed by: the person entity holding its head, else the
    head's own run of proper nouns ("Rendell" in "Rendell, a Clinton surrogate"). ``ents`` are the
    Doc's entities, read once by the caller (each ``span.ents`` re-reads them from every token)."""
    root = span.root
    inside = ents_within(span, ents)
    own = next((e for e in inside if e.label_ == "PERSON" and e.start <= root.i < e.end), None)
    if own is not None:
        start = own.start  # "Dmitry Peskov" where the tagger's person is "Peskov" alone
        while start > span.start and span.doc[start - 1].pos_ == "PROPN" and not span.doc[start - 1].ent_type_ \
                and own.start <= span.doc[start - 1].head.i < own.end and not is_title(span.doc[start - 1].text):
            start -= 1
        words = span.doc[start : own.end].text.split()
    elif (held := holder_after_body(root, span, reporting_lexicon())) is not None:
        words = [t.text for t in held[2]]  # "Head of the Presidential Office Andriy Yermak": not "Head"
    elif root.pos_ == "PROPN" and person_name(root.text) is not None \
            and not _title_of_body(root, inside):  # not a title ("… Wells Fargo CEO", "Head of …")
        start = root.i
        while start > span.start and span.doc[start - 1].pos_ == "PROPN" and span.doc[start - 1].head == root:
            start -= 1
        words = [t.text for t in span.doc[start : root.i + 1]]
    elif (named := appositive_name(span)) is not None:
        words = named
    else:  # "Murray's coach, Ivan Lendl": the person the apposition names, else the first one named
        appos = [c.i for c in root.children if c.dep_ == "appos"]
        people = [e for e in inside if e.label_ == "PERSON"]
        person = next((e for e in people if any(e.start <= i < e.end for i in appos)), next(iter(people), None))
        words = person.text.split() if person is not None else []
    return [w.strip(".,'’") for w in words if w.strip(".,'’")]


def _title_of_body(root: Token, inside: Sequence[Span]) -> bool:
    """"Head of the State Border Guard Service, Serhiy Deineko": a capitalised head with an "of"
    phrase and a person's full name after it is a title the name rules do not know, not a name."""
    of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return of is not None and any(
        e.label_ == "PERSON" and e.start > of.i and (named := person_name(e.text)) is not None and named.full
        for e in inside
    )


def appositive_name(span: Span) -> list[str] | None:
    """The full name a person noun stands beside ("Mr Lukashenko's spokeswoman, Natalya Eismont"):
    the words of that name, not of the owner before the noun. A name the tagger labels otherwise
    (a place, a body: the small tagger often does) counts only where no other person is named in
    the mention ("The secretary of CEI (Italian Episcopal Conference), Nunzio Galantino")."""
    root = span.root
    if root.pos_ != "NOUN" or root.lemma_.lower() in body_nouns():
        return None
    people = [e for e in span_ents(span) if e.label_ == "PERSON" and e.root.dep_ != "poss"]  # not the owner
    for child in root.children:
        if child.dep_ != "appos" or child.pos_ != "PROPN" or not span.start <= child.i < span.end \
                or child.ent_type_ == "NORP":
            continue
        person = next((e for e in people if e.start <= child.i < e.end), None)
        if person is None and people:
            continue
        start = child.i
        while start > span.start and span.doc[start - 1].pos_ == "PROPN" and span.doc[start - 1].head == child:
            start -= 1
        words = person.text.split() if person is not None else [t.text for t in span.doc[start : child.i + 1]]
        named = person_name(" ".join(words))
        if named is not None and named.full:
            return words
    return None


def own_name(doc: Doc, a: dict[str, Any], ents: Sequence[Span] | None = None) -> dict[str, Any]:
    """The attribution with its speaker name checked against what its named mention says (``ents``:
    the Doc's entities, when the caller has read them)."""
    mention, name = a.get("speaker_mention"), a.get("speaker_name")
    span = mention_span(doc, mention)
    if span is None or not name:
        return a
    if is_coordinated(span) or _two_names(span) or _one_member(span):
        return {**a, "speaker_name": None, "speaker_type": None}
    root = span.root
    if root.tag_ == "NNS" and root.pos_ == "NOUN" and root.is_lower and root.lemma_.lower() not in message_nouns(False):
        return {**a, "speaker_name": None, "speaker_type": None}  # "Surety companies that had insured Patriot's …"
    body = _owned_body(span, a)
    if body is not None:
        return {**a, "speaker_name": body, "speaker_type": "ORG"}
    if a.get("speaker_type") == "PERSON" and _described_as_body(span):
        return {**a, "speaker_type": "ORG"}
    if a.get("speaker_type") == "PERSON" and (body := _body_headed(span)) is not None:
        return {**a, "speaker_name": body, "speaker_type": "ORG"}
    if a.get("speaker_type") != "PERSON" or is_description(span, a):
        return a
    words = written_name(span, doc.ents if ents is None else ents)
    credited, written = person_name(name), person_name(" ".join(words))
    first_only = credited and written and not written.full and credited.first and same_first(written.surname, credited.first)
    if credited and written and not first_only and written.surname != credited.surname \
            and written.surname != credited.surname.split()[-1]:
        # "Clinton campaign manager Robby Mook", "Rendell, a Clinton surrogate": the person it is headed by
        return {**a, "speaker_name": " ".join(words[-2:]) if written.full else words[-1]}
    if credited and written and written.full and not credited.full and written.surname == credited.surname:
        return {**a, "speaker_name": " ".join(words)}  # the mention writes out the name the credit shortened
    if not credited or not credited.full or len(words) < 2 or words[-1].casefold() != credited.surname:
        return a
    given = [w for w in words[:-1] if len(w) > 1 and not is_title(w)]  # "Ms Mitchell" names no first name
    if not given or any(same_first(w.casefold(), credited.first) for w in given):
        return a  # "Kremlin Spokesperson Arkady Volkov", "Hillary Rodham Clinton": the same person
    return {**a, "speaker_name": f"{given[-1]} {words[-1]}"}
