"""Speakers: name, role, organisation and type of a mention, resolved within the document.

A surname resolves to the full name used elsewhere, "he"/"she" to the last named person speaker of
fitting gender, "the spokesman" to the last speaker whose role fits. A speaker the text does not
identify keeps ``name`` None. The record type is ``sayso.model.Speaker`` (one type, in and out).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from spacy.tokens import Doc, Span, Token

from sayso.attribution.grammar import is_definite, relative_antecedent
from sayso.attribution.mentions import mention_span
from sayso.attribution.spans import span_of
from sayso.doctext import ents_of, ents_within, text_of
from sayso.model import Span as TextSpan
from sayso.model import Speaker

PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}


# "they" or "it" after a body has spoken is that body; "we" outside a quotation is the writer's
# own voice, named by no one (PolNeAR train: all four "we" resolved to a body in 300 articles were wrong)
GROUP_PRONOUNS = {"they", "them", "it"}
PLURAL_PRONOUNS = {"they", "them"}

NAMED_ENTS = {"PERSON", "ORG", "NORP", "GPE"}  # who can issue a statement
COURTESY_TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame"}  # no office: "Dr. Ding" holds none


@dataclass(slots=True)
class SpeakerResolver:
    """Resolves mentions to canonical names using what the document has said so far."""

    doc: Doc
    lexicon: dict[str, Any]
    full_names: dict[str, str] = field(default_factory=dict)  # surname → full name
    gender: dict[str, str] = field(default_factory=dict)
    history: list[Speaker] = field(default_factory=list)
    unnamed_group_at: int = -1  # len(history) when unnamed people last spoke ("Analysts at Barclays said")
    # doc.text and doc.ents read once: spaCy rebuilds both from every token of the article on each read
    text: str = ""
    ents: tuple[Span, ...] = ()

    def __post_init__(self) -> None:
        self.text = text_of(self.doc)
        self.ents = ents_of(self.doc)
        for ent in self.ents:
            if ent.label_ == "PERSON":
                words = [t for t in ent if t.is_alpha]
                if len(words) >= 2:
                    self.full_names.setdefault(words[-1].text, clean_name(ent))

    def canonical_person(self, name: str) -> str:
        words = name.split()
        if len(words) == 1 and words[0] in self.full_names:
            return self.full_names[words[0]]
        return name

    def resolve(self, head: Token, mention: tuple[int, int]) -> Speaker:
        author = _message_author(head, self.lexicon)
        if author is not None:  # "a statement from the Sudanese army": the army speaks
            return replace(self.resolve(author, mention_span(author, self.lexicon)), mention=self._span(mention))
        antecedent = relative_antecedent(head)
        if antecedent is not None:  # "Roe, who said …": Roe, named by the words before the clause
            words = [t for t in antecedent.subtree if t.i < head.i]
            while len(words) > 1 and words[-1].is_punct:
                words.pop()
            return replace(self.resolve(antecedent, span_of(words)), mention=self._span(mention))
        owner, head = head, _possessed_head(head)
        speaker = self._describe(head, mention)
        if head is not owner and speaker.name is None and speaker.org is None:  # "Belarus’ opposition leader"
            org = _proper_run(owner)
            role = speaker.role
            if role and role.startswith(org + " "):
                role = role[len(org) + 1 :]
            speaker = replace(speaker, org=org, role=role)
        if speaker.name is not None or speaker.mention is None:
            pass
        elif head.lower_ in PRONOUN_GENDER:
            speaker = replace(speaker, type="PERSON", name=self._last_person(PRONOUN_GENDER[head.lower_]))
        elif head.lower_ in GROUP_PRONOUNS:
            at = next((i for i, s in reversed(list(enumerate(self.history))) if s.type == "ORG" and s.name), -1)
            if at >= 0 and not (head.lower_ in PLURAL_PRONOUNS and at < self.unnamed_group_at):
                last = self.history[at]
                speaker = replace(speaker, name=last.name, org=last.org, type="ORG")
        elif is_definite(head) and head.lemma_.lower() in self.lexicon["speaker_nominals"]:
            match = self._by_role(head.lemma_.lower(), speaker.type)
            if match is not None:
                speaker = replace(speaker, name=match.name, role=speaker.role or match.role, org=speaker.org or match.org)
        elif is_definite(head) and speaker.type == "ORG" and speaker.org:
            # "the air force" after "Ukraine's air force": the body named before
            body = speaker.org.lower()
            match = next((s for s in reversed(self.history) if s.name and s.name.lower().endswith(body)), None)
            if match is not None:
                speaker = replace(speaker, name=match.name, org=match.org)
        return speaker

    def _span(self, mention: tuple[int, int]) -> TextSpan:
        return TextSpan.of(self.text, *mention)

    def _speaker(
        self, name: str | None, mention: tuple[int, int], role: str | None = None, org: str | None = None, type_: str | None = None
    ) -> Speaker:
        return Speaker(name, self._span(mention), role, org, type_)

    def remember(self, speaker: Speaker, head: Token | None) -> None:
        if speaker.name is None and head is not None and head.tag_ == "NNS":
            self.unnamed_group_at = len(self.history)  # "they" after them is them, not a body named before
        if speaker.name is None or (head is not None and head.tag_ in ("WP", "WDT")):
            return  # "Roe, who said …" names a side speaker: "he" after it still means the clause's subject
        if head is not None and head.lower_ in PRONOUN_GENDER:
            self.gender.setdefault(speaker.name, PRONOUN_GENDER[head.lower_])
        self.history.append(speaker)

    def _last_person(self, gender: str) -> str | None:
        for s in reversed(self.history):
            if s.type == "PERSON" and s.name and self.gender.get(s.name, gender) == gender:
                return s.name
        return None

    def _by_role(self, word: str, type_: str | None) -> Speaker | None:
        for s in reversed(self.history):
            if s.name and ((s.role and word in s.role.lower()) or (s.org and word in s.org.lower())):
                return s
        if word in self.lexicon["org_words"] or word in self.lexicon["message_nouns"]:
            return None  # "the statement said" is no person: not the last one who spoke, nor their body
        return next((s for s in reversed(self.history) if s.name and s.type == "PERSON"), None)

    def _describe(self, head: Token, mention: tuple[int, int]) -> Speaker:
        """Name, role and organisation as the mention itself (and its apposition) gives them."""
        doc = self.doc
        span = doc.char_span(*mention, alignment_mode="expand")
        if span is None:
            return self._speaker(None, mention)
        inside = ents_within(span, self.ents)
        people = [e for e in inside if e.label_ == "PERSON" and _person_name(e, self.lexicon)]
        person = _named_by_apposition(head, people) or next(iter(people), None)
        orgs = [e for e in inside if e.label_ in ("ORG", "NORP", "GPE", "FAC")]
        if person is not None:
            own = _person_name(person, self.lexicon)
            start = person.start
            given = _given_name_outside(person, span, self.lexicon)
            if given is not None and len(own.split()) == 1:  # "Kremlin Spokesperson Dmitry" + "Peskov"
                own, start = f"{given.text} {own}", given.i
                orgs = [e for e in orgs if not e.start <= given.i < e.end]
            name = self.canonical_person(own)
            before = [t for t in span if t.i < start and not _stray_punct(t) and t.dep_ != "det" and t.pos_ != "DET"]
            appos = _apposition(head)
            glosses = appos is not None and appos.pos_ == "NOUN" and not any(
                c.tag_ == "WP$" for c in appos.children) and not any(c.dep_ == "relcl" and c.i < appos.i for c in head.children)
            if glosses and all(t.lower_.rstrip(".") in COURTESY_TITLES for t in before):
                before = []  # "Dr. Melanie Ding, an epidemiologist": a courtesy title is no role, the apposition is
            role = _joined(before) or _apposition_role(head) or _title_taken_in(person, own)
            org = _org_in(role, orgs, self.lexicon) if role else None
            if org is None:  # "Jane Roe, a spokeswoman for the OSCE", "Jane Roe of the Carnegie Endowment"
                bodies = [e for e in orgs if e.label_ == "ORG"]
                # a name's own "of" needs a body of several words: "Jane Roe, 29, of Huntsville" says
                # where she lives, and the tagger often takes a one-word town for an organisation
                several = [e for e in bodies if len(e) > 1]
                org_ent = next((o for t in person if (o := _org_after(t, several)) is not None), None)
                appos = _apposition(head)
                if org_ent is None and appos is not None:
                    org_ent = _org_after(appos, bodies)
                org = clean_name(org_ent) if org_ent is not None else None
            if org and role and len(org.split()) > 1 and role.startswith(org + " "):
                role = role[len(org) + 1 :]  # "Khortytsia Group of Forces Spokesperson" → the role is spokesperson
            return self._speaker(name, mention, role or None, org, "PERSON")
        held = holder_after_body(head, span, self.lexicon)
        if held is not None:  # "Deputy Chairman of the Security Council Dmitry Medvedev"
            role_words, body, name = held
            return self._speaker(self.canonical_person(_joined(name)), mention, _joined(role_words), _joined(body), "PERSON")
        lemma = head.lemma_.lower()
        untagged = _untagged_name(head, self.ents, self.lexicon)  # a name the tagger missed
        if untagged is not None and head.pos_ == "PROPN":  # "Ana Ruiz, the department's spokesperson"
            org_ent = _org_after(_apposition(head), orgs)
            org = clean_name(org_ent) if org_ent is not None else None
            return self._speaker(untagged, mention, _apposition_role(head) or None, org, "PERSON")
        titled = titled_name(head, self.lexicon)
        if titled is not None:  # "MS. ROE" heading a briefing's turn, the tagger seeing no person
            return self._speaker(self.canonical_person(titled), mention, None, None, "PERSON")
        if head.text in self.full_names and _bare_surname(head):
            return self._speaker(self.full_names[head.text], mention, _apposition_role(head) or None, None, "PERSON")
        if _one_of_a_people(head, orgs):  # "the Spaniard said": a person, whom the phrase does not name
            return self._speaker(None, mention, None, None, "PERSON")
        in_entity = any(e.start <= head.i < e.end for e in orgs)
        job = is_office(head, self.lexicon) and not in_entity
        if (head.pos_ == "PROPN" and not job and not (lemma in self.lexicon["org_words"] and head.is_lower)) or in_entity:
            ent = next((e for e in orgs if e.start <= head.i < e.end), None)
            name = clean_name(ent) if ent is not None else _proper_run(head)
            owner = next((c for c in head.children if c.dep_ == "poss" and (c.pos_ == "PROPN" or c.ent_type_)), None)
            if owner is not None and ent is not None and owner.i < ent.start and any(t.is_lower for t in ent):
                name = " ".join(self.text[owner.idx : ent.end_char].split())  # "Russia's defence ministry"
            partners = [c for c in head.children if c.dep_ == "conj" and c.pos_ == "PROPN"]
            if partners:  # "Belarus and Russia agreed …": both speak
                first = head.left_edge if head.left_edge.dep_ != "det" else doc[head.left_edge.i + 1]
                name = " ".join(self.text[first.idx : partners[-1].idx + len(partners[-1])].split())
                return self._speaker(name, mention, None, None, "ORG")
            return self._speaker(name, mention, None, name, "ORG")
        if head.pos_ == "PRON":
            return self._speaker(None, mention)
        owners = [t for c in head.lefts if c.dep_ == "poss" for t in c.subtree]  # "the Prime Minister's spokesman"
        modifiers = [t for t in span if t.i < head.i and t.dep_ not in ("det", "predet") and t not in owners
                     and not _stray_punct(t)]
        org_ent = next((e for e in orgs if e.end <= head.i + 1), None) or _org_after(head, orgs)
        org = clean_name(org_ent) if org_ent is not None else None
        if lemma in self.lexicon["org_words"]:
            words = [t for t in span if t.dep_ != "det" and not t.is_punct and t.i <= head.i]
            phrase = self.text[words[0].idx : head.idx + len(head)] if words else head.text
            org_name = phrase if org is None and is_definite(head) else org
            # "Finland's border guard service", "the UN refugee agency": a named body is its own name
            named = any(t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "NORP", "GPE") for t in words if t.i < head.i)
            indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an", "some", "any") for c in head.children)
            return self._speaker(phrase if named and not indefinite else None, mention, None, org_name, "ORG")
        role_words = [
            t for t in modifiers if t.dep_ != "case" and not (org_ent is not None and org_ent.start <= t.i < org_ent.end)
        ]
        person = head.pos_ == "NOUN" or job
        role = _joined([*role_words, head]) if person else None
        return self._speaker(untagged, mention, role, org, "PERSON" if person else None)


def _bare_surname(head: Token) -> bool:
    """``head`` reads as a surname on its own: a proper noun, or a title-case word with no
    determiner, which the tagger often takes for a noun or an organisation ("Reyes said" after
    "Senator Tom Reyes"); "the Times" stays the paper even where a "Tom Times" is named."""
    if head.pos_ == "PROPN":
        return True
    return head.is_title and not any(c.dep_ in ("det", "poss") for c in head.children)


def is_office(head: Token, lexicon: dict[str, Any]) -> bool:
    """A capitalised office with no name ("the Foreign Secretary", "Britain's Prime Minister") is a
    role, as its lowercase spelling is; the tagger calls it a proper noun and it was read as a body
    named "Foreign Secretary" (British and wire styles capitalise offices, PolNeAR's US news seldom)."""
    lemma = head.lemma_.lower()
    return (head.is_title and head.tag_ not in ("NNS", "NNPS")
            and lemma in lexicon["speaker_nominals"] and lemma not in lexicon["org_words"])


def _untagged_name(head: Token, ents: tuple[Span, ...], lexicon: dict[str, Any]) -> str | None:
    """A person's name of two or more capitalised words set beside a person's role by apposition,
    that the tagger left without an entity ("The department's spokesperson, Ana Ruiz", "Ana Ruiz,
    the department's spokesperson"). A body beside a body noun ("Its parent company, Northwind
    Holdings") is no person."""
    if head.pos_ == "NOUN":
        role, name = head, _apposition(head)
    else:
        role, name = _apposition(head), head
    if role is None or name is None or role.pos_ != "NOUN" or not role.is_lower or name.pos_ != "PROPN":
        return None
    lemma = role.lemma_.lower()
    if lemma in lexicon["org_words"] or lemma in lexicon["message_nouns"]:
        return None
    if head is name and lemma not in lexicon["speaker_nominals"]:  # "Apex, the tech giant": a role it must be
        return None
    words = _compound_name(name)
    while len(words) > 2 and _is_title(words[0].text, lexicon):
        words.pop(0)  # "Col Yuriy Ihnat, the air force spokesman": the rank is no part of the name
    # a name the tagger took for a place or a body ("Natalia Ilchenko" as GPE) beside a spokeswoman
    # is still hers; beside a role the lexicon does not know, a tagged name may be a place ("his home town, New York")
    tagged = any(e.start <= t.i < e.end for e in ents for t in words) and lemma not in lexicon["speaker_nominals"]
    if len(words) < 2 or tagged or not all(t.is_title and t.pos_ == "PROPN" for t in words):
        return None
    return _joined(words)


def titled_name(head: Token, lexicon: dict[str, Any]) -> str | None:
    """The capitalised name after an abbreviated title ("MS. ROE", "Dr. Roe"): a person's, whatever
    the tagger made of it (an all-capitals surname is often a noun to it)."""
    title, *name = _compound_name(head)
    if not name or not title.text.endswith(".") or title.text[:-1].lower() not in lexicon["title_abbreviations"]:
        return None
    return _joined(name) if all(t.is_alpha and t.text[0].isupper() for t in name) else None


def _compound_name(head: Token) -> list[Token]:
    """``head`` and the compound words before it in its subtree: the words of a name ("Ana Ruiz",
    "MS. ROE") whatever the tagger made of them."""
    return [t for t in head.subtree if t.i <= head.i and t.dep_ == "compound" or t == head]


def _stray_punct(token: Token) -> bool:
    """Punctuation a role leaves out: not a hyphen or slash inside a word, which a role keeps as
    written ("co-founder", "34-year-old teacher", not "co founder")."""
    if not token.is_punct:
        return False
    glued = token.text in ("-", "/") and not token.whitespace_ and token.i > 0 and not token.doc[token.i - 1].whitespace_
    return not glued


def _joined(tokens: list[Token]) -> str:
    """Tokens as written ("Serbia's president", not "Serbia 's president"), a space wherever the
    text had one or a token was left out ("army spokesperson Lt Col")."""
    out = ""
    for prev, token in zip([None, *tokens], tokens):
        if prev is not None and (prev.whitespace_ or token.i != prev.i + 1):
            out += " "
        out += token.text
    return " ".join(out.split())


def holder_after_body(head: Token, span: Span, lexicon: dict[str, Any]) -> tuple[list[Token], list[Token], list[Token]] | None:
    """"Deputy Chairman of the Security Council Dmitry Medvedev", "Head of the Kharkiv Regional
    Military Administration Oleh Syniehubov": a title that names its body ends in the holder's
    name, which the parse hangs on the body and the tagger runs into it or calls a body of its own.
    Title-case words after the body's own last word (an org word) name a person: the role, the
    body and the name, each as its words."""
    words = [t for t in span if not (t.is_punct or t.is_space)]
    last = words[-1] if words else None
    if last is None or last.dep_ != "pobj" or last.head.head != head or last.head.lower_ not in ("of", "for") or head.i >= last.i:
        return None
    org_words = lexicon["org_words"]
    name = [t for t in last.subtree if t.dep_ == "compound" or t == last]
    run = []
    for token in reversed(name):
        if not (token.pos_ == "PROPN" and token.is_title and token.is_alpha) or token.lower_ in org_words:
            break
        run.insert(0, token)
    body = [t for t in last.subtree if t.i < (run[0].i if run else last.i) and t.dep_ not in ("det", "predet")]
    if not 2 <= len(run) <= 3 or not body or body[-1].lower_ not in org_words or not body[-1].is_title:
        return None
    if any(t.lower_.rstrip(".") in lexicon["titles"] for t in run):
        return None  # "… of Staff Gen. Mark Milley": a rank, read by the name rules
    role = [t for t in span if t.i < last.head.i and t.dep_ not in ("det", "predet") and not _stray_punct(t)]
    return role, body, run


def _org_after(head: Token, orgs: list[Span]) -> Span | None:
    """The organisation a role noun belongs to when it follows: "a spokesman for the OSCE"."""
    for ent in orgs:
        prep = ent.root.head
        if ent.start > head.i and ent.root.dep_ == "pobj" and prep.head == head and prep.lower_ in ("for", "of", "at", "with"):
            return ent
    return None


def _message_author(head: Token, lexicon: dict[str, Any]) -> Token | None:
    """Whoever issued a message speaks through it: "a statement by the foreign ministry", "the
    senator's letter", "a UN report" (a name before the noun, never a pronoun: "his statement")."""
    if head.lemma_.lower() not in lexicon["message_nouns"]:
        return None
    if head.pos_ == "PROPN" and head.is_title and head.ent_type_ == "ORG":
        return None  # "The Washington Post", "the Drudge Report": a body's name, not Washington's post
    by = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in ("from", "by")), None)
    if by is not None:
        return next((c for c in by.children if c.dep_ == "pobj"), None)
    return next(
        (c for c in head.lefts if c.dep_ in ("poss", "compound") and (c.pos_ == "PROPN" or c.ent_type_ in NAMED_ENTS
                                                                   or (c.dep_ == "poss" and c.pos_ == "NOUN"))),
        None,
    )


def _possessed_head(head: Token) -> Token:
    """"Belarus’ opposition leader" misparsed as Belarus + apposition: the leader is the speaker."""
    nxt = head.nbor(1) if head.i + 1 < len(head.doc) else None
    if nxt is None or not (nxt.tag_ == "POS" or nxt.text in ("’", "'")):
        return head
    appos = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "NOUN" and c.i > nxt.i), None)
    return appos if appos is not None else head


def clean_name(span: Span) -> str:
    """The name as written, without a leading determiner or a trailing possessive/punctuation.

    Only the edges are trimmed: "the Institute for the Study of War" keeps its inner "the".
    """
    tokens = list(span)
    while tokens and (tokens[0].dep_ == "det" or tokens[0].is_punct):
        tokens.pop(0)
    while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].is_punct or tokens[-1].text in ("’s", "'s")):
        tokens.pop()
    if not tokens:
        return span.text
    return " ".join(span.doc[tokens[0].i : tokens[-1].i + 1].text.split())  # not doc.text: rebuilt per read


def _person_name(ent: Span, lexicon: dict[str, Any]) -> str:
    """A person's name without the titles the tagger took into it ("Kremlin Spokesperson Arkady
    Volkov", "Maj. Gen. Lyle Pardee"); empty when the entity is all title ("Maj")."""
    words = clean_name(ent).split()
    if not words:  # an entity of whitespace alone ("\u2028"), found by the 100,000-case fuzz
        return ""
    start = 0

    def title(i: int) -> bool:
        return _is_title(words[i], lexicon)

    while start < len(words) - 1 and (title(start) or (len(words) - start >= 4 and title(start + 1))):
        start += 1  # a title, or the body a title belongs to ("Kremlin Spokesperson …")
    return "" if title(start) else " ".join(words[start:])


def _given_name_outside(person: Span, span: Span, lexicon: dict[str, Any]) -> Token | None:
    """"Kremlin Spokesperson Dmitry Peskov" tagged as a body "Kremlin Spokesperson Dmitry" and a
    person "Peskov": a capitalised word the parse joins to the person's name, that the tagger put
    in another entity, right after a title or the mention's start, is the person's given name, not
    the body's last word (an untagged "Professor" or "Judge" stays out of the name)."""
    if person.start == 0 or person.start <= span.start:
        return None
    given = person.doc[person.start - 1]
    if not (given.pos_ == "PROPN" and given.is_title and given.is_alpha and given.dep_ == "compound"
            and person.start <= given.head.i < person.end and given.ent_type_ in ("ORG", "GPE", "NORP")):
        return None
    if _is_title(given.text, lexicon) or given.lower_ in lexicon["org_words"]:
        return None
    previous = person.doc[given.i - 1] if given.i > span.start else None
    return given if previous is None or _is_title(previous.text, lexicon) else None


def _is_title(word: str, lexicon: dict[str, Any]) -> bool:
    """A title or role word ("Maj.", "Spokesperson") rather than part of a name."""
    word = word.lower().rstrip(".")
    return word in lexicon["titles"] or word in lexicon["speaker_nominals"]


def _proper_run(head: Token) -> str:
    tokens = [t for t in head.subtree if t.i <= head.i and (t.pos_ == "PROPN" or t.i == head.i)]
    return " ".join(t.text for t in tokens).lstrip("-—–")  # "-Maria Lopez": a credit line's dash, glued on


def _title_taken_in(person: Span, name: str) -> str:
    """The title the tagger took into a person ("Treasurer Michael O'Dwyer"): the words of the
    entity before the name it gives."""
    words = clean_name(person).split()
    kept = name.split()
    return " ".join(words[: len(words) - len(kept)]) if kept and words[-len(kept) :] == kept else ""


def _one_of_a_people(head: Token, ents: list[Span]) -> bool:
    """"the Spaniard", "an American": one person of a nationality, as sports and features name a
    player or a witness, not the body the tagger's NORP would make of them ("the Russians" are)."""
    return (
        head.tag_ in ("NNP", "NN")
        and any(c.dep_ == "det" and c.lower_ in ("the", "a", "an") for c in head.children)
        and any(e.label_ == "NORP" and e.start == head.i and e.end == head.i + 1 for e in ents)
    )


def _named_by_apposition(head: Token, people: list[Span]) -> Span | None:
    """The person a role noun's apposition names ("Murray's coach, Ivan Lendl"), not the owner
    named before it, whom the role belongs to."""
    appos = _apposition(head)
    if head.pos_ != "NOUN" or appos is None:
        return None
    return next((e for e in people if e.start <= appos.i < e.end), None)


def _apposition(head: Token) -> Token | None:
    return next((c for c in head.children if c.dep_ == "appos"), None)


def _apposition_role(head: Token) -> str:
    appos = _apposition(head)
    if appos is None:
        return ""
    return _joined([t for t in appos.subtree if t.dep_ != "det" and not _stray_punct(t) and t.i <= appos.i])


def _org_in(role: str, orgs: list[Span], lexicon: dict[str, Any]) -> str | None:
    """The organisation named in a role, without the titles the tagger took into it."""
    for ent in orgs:
        if ent.text in role:
            words = clean_name(ent).split()
            while len(words) > 1 and _is_title(words[-1], lexicon):
                words.pop()
            return " ".join(words)
    return None
