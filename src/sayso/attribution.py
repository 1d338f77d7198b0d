"""Attributions: who said what. Quotes, reporting cues and speakers, resolved within one document.

``find_attributions`` is pure: it reads a parsed Doc (dependencies, entities, sentences), the
passages ``voices`` found, and the cue lexicon, and returns plain records with character spans:

- **direct**: a quotation (straight, curly, single or guillemets) credited through a cue verb in
  its sentence ("“…,” said X", "X said: “…”"), a lead-in colon in the previous sentence, or, for a
  paragraph that is nothing but a quotation, the running speaker of the previous attribution.
  Quotes that never close run to the end of their paragraph; a paragraph that opens a quote and
  does not close it continues into the next paragraph when that one opens with a quote mark.
- **indirect**: a cue verb with a clausal complement ("X said that …", "X has assessed …"), and
  "according to X, …"; the content is the complement clause.
  A paragraph that opens with a name and a colon ("Senator Doe: Talks Have Failed", a
  transcript's "DOE: …") reports what that name said.
- **mixed**: indirect content with a quoted fragment inside it, or a quoted fragment inside the
  cue's clause or complement ("urged voters to “send a message” to the banks").
- **excerpt**: one per quoted passage from ``voices``, credited to the passage's source.

Speakers are the subject of the cue verb (or the object of "according to"). Their canonical name
is resolved within the document: a surname to the full name used elsewhere, "he"/"she" to the
last named person speaker of fitting gender, "the spokesman" to the last speaker whose role fits.
A speaker the text does not identify keeps ``speaker_name`` None.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.tokens import Doc, Span, Token

from sayso.errors import ConfigError

CLASS_ORDER = ("speech", "belief", "evidence")
QUOTE_CHARS = "\"“”«»‘’„'`"
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
CLAUSE_DEPS = {"ccomp"}
ASIDE_DEPS = {"acl", "prep"}
MEMBER_PREPS = {"including", "like", "along"}  # "officials, including the army chief,": who, not where
EXTEND_DEPS = {"prep", "xcomp"}
TAIL_DEPS = {"prep", "agent", "npadvmod", "advmod", "dobj", "attr", "acomp", "oprd"}
COMPLEMENT_DEPS = {"dobj", "dative", "xcomp", "prep", "oprd"}
PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}
GROUP_PRONOUNS = {"they", "we", "them", "it"}
LEXICON_KEYS = {
    "verbs", "multiword", "object_content", "aside_marks", "cue_objects", "quote_marks", "speaker_nominals",
    "org_words", "titles", "message_nouns", "report_nouns", "report_voicers", "report_joiners", "idioms", "bound_cues",
    "label_verbs",
}
DATELINE = re.compile(
    r"[A-Z][A-Z .,'-]{1,40}(?:,\s*[A-Z][a-z]{1,8}\.?(?:\s?[A-Z]\.)?(?:\s+\d{1,2})?)?\s*(?:\([A-Za-z .]{2,20}\))?\s*[—–-]{1,2}\s+(?=[A-Z“\"])"
)
PLACE_ENTS = {"GPE", "LOC", "FAC"}
QUANTIFIERS = {"any", "many", "some", "most", "all", "none", "several", "each", "few", "much", "one", "two", "three"}
TITLE_SMALL_WORDS = {"a", "an", "the", "of", "on", "in", "and", "with", "for", "to", "at", "by"}


@lru_cache(maxsize=1)
def _lexicon_file() -> dict[str, Any]:
    path = resources.files("sayso") / "data" / "reporting_verbs.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise ConfigError(f"cannot read the reporting-verb lexicon {path}: {err}") from err


def load_reporting_verbs() -> dict[str, Any]:
    """The cue lexicon (``sayso.reporting_verbs.v1``), with a lemma → class table added."""
    data = dict(_lexicon_file())
    classes: dict[str, str] = {}
    for cls in CLASS_ORDER:
        for lemma in data["verbs"][cls]:
            classes.setdefault(lemma, cls)
    for lemma in [*data["bound_cues"], *data["label_verbs"]]:
        classes.setdefault(lemma, "speech")
    data["classes"] = classes
    return data


# ---------------------------------------------------------------------------------------------
# Quotations


@dataclass(slots=True)
class Quote:
    """A quotation: ``start``/``end`` include the marks; ``closed`` is False for one that runs on."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool
    used: bool = False


def _paragraphs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


def _scan_paragraph(text: str, start: int, end: int, pairs: list[list[str]]) -> list[tuple[int, int | None]]:
    """Outermost quotations in one paragraph as (open index, close index or None)."""
    closers = {o: [c for oo, c in pairs if oo == o] for o, _ in pairs}
    openers = sorted(closers, key=len, reverse=True)  # '' before '
    found: list[tuple[int, int | None]] = []
    i = start
    while i < end:
        mark = next((o for o in openers if text.startswith(o, i)), None)
        if mark is not None and _can_open(text, i, start, len(mark)):
            close = _find_close(text, i + len(mark), end, closers[mark])
            found.append((i, close))
            if close is None:
                break
            i = close + _mark_width(text, close)
            continue
        i += 1
    return found


def _can_open(text: str, i: int, para_start: int, width: int = 1) -> bool:
    """A mark opens a quote at the start of a paragraph or after space/dash/bracket, before a non-space."""
    prev = text[i - 1] if i > para_start else " "
    nxt = text[i + width] if i + width < len(text) else " "
    if nxt.isspace():
        return False
    if text[i] in "‘'":  # apostrophes look the same: only after space or an opening bracket
        return prev.isspace() or prev in "([“\"—–-"
    return prev.isspace() or prev in "([{—–-:/" or i == para_start


def _mark_width(text: str, i: int) -> int:
    return 2 if text.startswith(("''", "``"), i) else 1


def _find_close(text: str, i: int, end: int, closers: list[str]) -> int | None:
    for j in range(i, end):
        for mark in closers:
            if text.startswith(mark, j):
                if mark in "’'" and j + 1 < end and (text[j + 1].isalpha() or text[j - 1].isalpha() and text[j - 1] == "s" and text[j + 1] == " "):
                    break  # an apostrophe inside a word (don’t, Russia’s) or a plural possessive
                if mark == "“" and (text[j - 1].isspace() or j + 1 < end and text[j + 1].isalnum()):
                    continue  # an opening mark closes a quote only where a closing one would ("not,“ he said")
                return j
    return None


def find_quotes(text: str, pairs: list[list[str]]) -> list[Quote]:
    """Every outermost quotation, closed or running on, joined across paragraphs by convention."""
    paragraphs = _paragraphs(text)
    quotes: list[Quote] = []
    carry: Quote | None = None
    for p_start, p_end in paragraphs:
        stripped = p_start + len(text[p_start:p_end]) - len(text[p_start:p_end].lstrip())
        raw = _scan_paragraph(text, p_start, p_end, pairs)
        if carry is not None:
            if raw and raw[0][0] == stripped:
                o, c = raw.pop(0)
                carry.end = (c + _mark_width(text, c)) if c is not None else p_end
                carry.inner_end = c if c is not None else p_end
                carry.closed = c is not None
                if c is None:
                    continue
            quotes.append(carry)
            carry = None
        for o, c in raw:
            close_end = (c + _mark_width(text, c)) if c is not None else p_end
            q = Quote(o, close_end, o + _mark_width(text, o), c if c is not None else p_end, c is not None)
            if c is None:
                carry = q
            else:
                quotes.append(q)
    if carry is not None:
        quotes.append(carry)
    for q in quotes:
        q.inner_end = _rstrip(text, q.inner_start, q.inner_end, " \n\t,")
    return [q for q in quotes if q.inner_end > q.inner_start]


def _rstrip(text: str, start: int, end: int, chars: str) -> int:
    while end > start and text[end - 1] in chars:
        end -= 1
    return end


def _lstrip(text: str, start: int, end: int, chars: str) -> int:
    while start < end and text[start] in chars:
        start += 1
    return start


# ---------------------------------------------------------------------------------------------
# Speakers


@dataclass(slots=True)
class Speaker:
    name: str | None
    mention: tuple[int, int] | None
    role: str | None = None
    org: str | None = None
    type: str | None = None

    def record(self) -> dict[str, Any]:
        return {
            "speaker_name": self.name,
            "speaker_mention": list(self.mention) if self.mention else None,
            "speaker_role": self.role,
            "speaker_org": self.org,
            "speaker_type": self.type,
        }


@dataclass(slots=True)
class SpeakerResolver:
    """Resolves mentions to canonical names using what the document has said so far."""

    doc: Doc
    lexicon: dict[str, Any]
    full_names: dict[str, str] = field(default_factory=dict)  # surname → full name
    gender: dict[str, str] = field(default_factory=dict)
    history: list[Speaker] = field(default_factory=list)

    def __post_init__(self) -> None:
        for ent in self.doc.ents:
            if ent.label_ == "PERSON":
                words = [t for t in ent if t.is_alpha]
                if len(words) >= 2:
                    self.full_names.setdefault(words[-1].text, _clean_name(ent))

    def canonical_person(self, name: str) -> str:
        words = name.split()
        if len(words) == 1 and words[0] in self.full_names:
            return self.full_names[words[0]]
        return name

    def resolve(self, head: Token, mention: tuple[int, int]) -> Speaker:
        author = _message_author(head, self.lexicon)
        if author is not None:  # "a statement from the Sudanese army": the army speaks
            speaker = self.resolve(author, _mention_span(author))
            speaker.mention = mention
            return speaker
        owner, head = head, _possessed_head(head)
        speaker = self._describe(head, mention)
        if head is not owner and speaker.name is None and speaker.org is None:  # "Belarus’ opposition leader"
            speaker.org = _proper_run(owner)
            if speaker.role and speaker.role.startswith(speaker.org + " "):
                speaker.role = speaker.role[len(speaker.org) + 1 :]
        if speaker.name is not None or speaker.mention is None:
            pass
        elif head.lower_ in PRONOUN_GENDER:
            speaker.type = "PERSON"
            speaker.name = self._last_person(PRONOUN_GENDER[head.lower_])
        elif head.lower_ in GROUP_PRONOUNS:
            last = next((s for s in reversed(self.history) if s.type == "ORG" and s.name), None)
            if last is not None:
                speaker.name, speaker.org, speaker.type = last.name, last.org, "ORG"
        elif _is_definite(head) and head.lemma_.lower() in self.lexicon["speaker_nominals"]:
            match = self._by_role(head.lemma_.lower(), speaker.type)
            if match is not None:
                speaker.name = match.name
                speaker.role = speaker.role or match.role
                speaker.org = speaker.org or match.org
        elif _is_definite(head) and speaker.type == "ORG" and speaker.org:
            # "the air force" after "Ukraine's air force": the body named before
            body = speaker.org.lower()
            match = next((s for s in reversed(self.history) if s.name and s.name.lower().endswith(body)), None)
            if match is not None:
                speaker.name, speaker.org = match.name, match.org
        return speaker

    def remember(self, speaker: Speaker, head: Token | None) -> None:
        if speaker.name is None:
            return
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
        if word in self.lexicon["org_words"]:
            return None
        return next((s for s in reversed(self.history) if s.name and s.type == "PERSON"), None)

    def _describe(self, head: Token, mention: tuple[int, int]) -> Speaker:
        """Name, role and organisation as the mention itself (and its apposition) gives them."""
        doc = self.doc
        span = doc.char_span(*mention, alignment_mode="expand")
        if span is None:
            return Speaker(None, mention)
        person = next((e for e in span.ents if e.label_ == "PERSON" and _person_name(e, self.lexicon)), None)
        orgs = [e for e in span.ents if e.label_ in ("ORG", "NORP", "GPE", "FAC")]
        if person is not None:
            name = self.canonical_person(_person_name(person, self.lexicon))
            before = [t for t in span if t.i < person.start and not t.is_punct and t.dep_ != "det" and t.pos_ != "DET"]
            role = _joined(before) or _apposition_role(head)
            org = _org_in(role, orgs, self.lexicon) if role else None
            if org and role and len(org.split()) > 1 and role.startswith(org + " "):
                role = role[len(org) + 1 :]  # "Khortytsia Group of Forces Spokesperson" → the role is spokesperson
            return Speaker(name, mention, role or None, org, "PERSON")
        lemma = head.lemma_.lower()
        if head.pos_ == "PROPN" and head.text in self.full_names:
            return Speaker(self.full_names[head.text], mention, _apposition_role(head) or None, None, "PERSON")
        in_entity = any(e.start <= head.i < e.end for e in orgs)
        if (head.pos_ == "PROPN" and not (lemma in self.lexicon["org_words"] and head.is_lower)) or in_entity:
            ent = next((e for e in orgs if e.start <= head.i < e.end), None)
            name = _clean_name(ent) if ent is not None else _proper_run(head)
            owner = next((c for c in head.children if c.dep_ == "poss" and (c.pos_ == "PROPN" or c.ent_type_)), None)
            if owner is not None and ent is not None and owner.i < ent.start and any(t.is_lower for t in ent):
                name = " ".join(doc.text[owner.idx : ent.end_char].split())  # "Russia's defence ministry"
            partners = [c for c in head.children if c.dep_ == "conj" and c.pos_ == "PROPN"]
            if partners:  # "Belarus and Russia agreed …": both speak
                first = head.left_edge if head.left_edge.dep_ != "det" else doc[head.left_edge.i + 1]
                name = " ".join(doc.text[first.idx : partners[-1].idx + len(partners[-1])].split())
                return Speaker(name, mention, None, None, "ORG")
            return Speaker(name, mention, None, name, "ORG")
        if head.pos_ == "PRON":
            return Speaker(None, mention)
        modifiers = [t for t in span if t.i < head.i and t.dep_ not in ("det", "poss", "predet") and not t.is_punct]
        org_ent = next((e for e in orgs if e.end <= head.i + 1), None) or _org_after(head, orgs)
        org = _clean_name(org_ent) if org_ent is not None else None
        if lemma in self.lexicon["org_words"]:
            words = [t for t in span if t.dep_ != "det" and not t.is_punct and t.i <= head.i]
            phrase = doc.text[words[0].idx : head.idx + len(head)] if words else head.text
            org_name = phrase if org is None and _is_definite(head) else org
            # "Finland's border guard service", "the UN refugee agency": a named body is its own name
            named = any(t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "NORP", "GPE") for t in words if t.i < head.i)
            indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an", "some", "any") for c in head.children)
            return Speaker(phrase if named and not indefinite else None, mention, None, org_name, "ORG")
        role_words = [
            t for t in modifiers if t.dep_ != "case" and not (org_ent is not None and org_ent.start <= t.i < org_ent.end)
        ]
        role = _joined([*role_words, head]) if head.pos_ == "NOUN" else None
        return Speaker(None, mention, role, org, "PERSON" if head.pos_ == "NOUN" else None)


def _joined(tokens: list[Token]) -> str:
    """Tokens as written ("Serbia's president", not "Serbia 's president"), a space wherever the
    text had one or a token was left out ("army spokesperson Lt Col")."""
    out = ""
    for prev, token in zip([None, *tokens], tokens):
        if prev is not None and (prev.whitespace_ or token.i != prev.i + 1):
            out += " "
        out += token.text
    return " ".join(out.split())


def _org_after(head: Token, orgs: list[Span]) -> Span | None:
    """The organisation a role noun belongs to when it follows: "a spokesman for the OSCE"."""
    for ent in orgs:
        prep = ent.root.head
        if ent.start > head.i and ent.root.dep_ == "pobj" and prep.head == head and prep.lower_ in ("for", "of", "at", "with"):
            return ent
    return None


def _message_author(head: Token, lexicon: dict[str, Any]) -> Token | None:
    """Whoever a message is from or by: "a statement by the foreign ministry"."""
    if head.lemma_.lower() not in lexicon["message_nouns"]:
        return None
    by = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in ("from", "by")), None)
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None


def _possessed_head(head: Token) -> Token:
    """"Belarus’ opposition leader" misparsed as Belarus + apposition: the leader is the speaker."""
    nxt = head.nbor(1) if head.i + 1 < len(head.doc) else None
    if nxt is None or not (nxt.tag_ == "POS" or nxt.text in ("’", "'")):
        return head
    appos = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "NOUN" and c.i > nxt.i), None)
    return appos if appos is not None else head


def _clean_name(span: Span) -> str:
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
    return " ".join(span.doc.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1])].split())


def _person_name(ent: Span, lexicon: dict[str, Any]) -> str:
    """A person's name without the titles the tagger took into it ("Kremlin Spokesperson Arkady
    Volkov", "Maj. Gen. Lyle Pardee"); empty when the entity is all title ("Maj")."""
    words = _clean_name(ent).split()
    start = 0

    def title(i: int) -> bool:
        return _is_title(words[i], lexicon)

    while start < len(words) - 1 and (title(start) or (len(words) - start >= 4 and title(start + 1))):
        start += 1  # a title, or the body a title belongs to ("Kremlin Spokesperson …")
    return "" if title(start) else " ".join(words[start:])


def _is_title(word: str, lexicon: dict[str, Any]) -> bool:
    """A title or role word ("Maj.", "Spokesperson") rather than part of a name."""
    word = word.lower().rstrip(".")
    return word in lexicon["titles"] or word in lexicon["speaker_nominals"]


def _proper_run(head: Token) -> str:
    tokens = [t for t in head.subtree if t.i <= head.i and (t.pos_ == "PROPN" or t.i == head.i)]
    return " ".join(t.text for t in tokens)


def _is_definite(head: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children)


def _apposition_role(head: Token) -> str:
    appos = next((c for c in head.children if c.dep_ == "appos"), None)
    if appos is None:
        return ""
    words = [t.text for t in appos.subtree if t.dep_ != "det" and not t.is_punct and t.i <= appos.i]
    return " ".join(words)


def _org_in(role: str, orgs: list[Span], lexicon: dict[str, Any]) -> str | None:
    """The organisation named in a role, without the titles the tagger took into it."""
    for ent in orgs:
        if ent.text in role:
            words = _clean_name(ent).split()
            while len(words) > 1 and _is_title(words[-1], lexicon):
                words.pop()
            return " ".join(words)
    return None


# ---------------------------------------------------------------------------------------------
# Cues and content


def _mention_span(head: Token) -> tuple[int, int]:
    """The speaker's noun phrase: appositions and relative clauses included ("Jane Roe, a
    spokeswoman for the ministry", "Jane Roe, who heads the agency"; PolNeAR train measured that
    way is half a point better, its annotators split about evenly), but not a participle or place
    set off by a comma or dash ("Roe, speaking in Kyiv", "Roe, in Kyiv")."""
    tokens = [t for t in head.subtree if not (t.is_punct and t.text in QUOTE_CHARS)]
    aside = next(
        (
            c for c in head.rights
            if c.dep_ in ASIDE_DEPS and c.i > head.i + 1 and c.doc[c.left_edge.i - 1].text in ",—–"
            and c.lower_ != "of" and c.lower_ not in MEMBER_PREPS
        ),
        None,
    )  # "Jane Roe, 29, of Huntsville" is who she is, not where she spoke
    if aside is not None:
        tokens = [t for t in tokens if t.i < aside.left_edge.i - 1]
    occasion = next((c for c in head.rights if _occasion(c)), None)
    if occasion is not None:
        tokens = [t for t in tokens if t.i < occasion.left_edge.i]
    return _span_of(tokens or [head])


def _occasion(child: Token) -> bool:
    """"Roe on Tuesday said", "Roe, when asked, said": a time or occasion the parser hung on the
    speaker is the report's, not part of who speaks (a common noun's is: "an article on Monday")."""
    if child.dep_ == "prep":
        return child.head.pos_ == "PROPN" and any(
            c.dep_ == "pobj" and (c.ent_type_ in ("DATE", "TIME") or c.lower_ == "time") for c in child.children
        )
    return child.dep_ in ("relcl", "advcl", "acl") and child.left_edge.lower_ == "when"


def _subject(verb: Token, lexicon: dict[str, Any]) -> Token | None:
    """The verb's subject, or that of the verb it hangs from ("…, saying that …", "and added …")."""
    if _asker_unnamed(verb):
        return None
    asker = _by_whom(verb) if verb.tag_ == "VBN" and verb.dep_ == "advcl" else None
    if asker is not None:
        return asker  # "Asked by the host whether …, Trump said": the host asks
    speaker = _participle_subject(verb, lexicon) or _controller(verb)
    if speaker is not None:
        return speaker
    seen = 0
    node = verb
    if verb.dep_ == "conj" and verb.head.dep_ == "ccomp" and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        node = verb.head.head  # "X said A and accused B": a report hung on the reported clause is X's
    while seen <= 4:
        subjects = [c for c in node.children if c.dep_ in SUBJECT_DEPS]
        if subjects:  # a misparse can hang a second subject on the verb: the nearest one is its own
            subject = min(subjects, key=lambda c: (abs(c.i - node.i), c.i > node.i))
            if subject.tag_ in ("WDT", "WP") and node.dep_ == "relcl":  # "ran a piece that noted …"
                return _issuer(node.head, lexicon) or subject
            return subject
        if node.dep_ == "xcomp" and node.head.lemma_ == "be":
            return None  # "the option is to … hope": a predicate, not an act of someone's
        if node.dep_ == "advcl" and node.tag_ == "VBN" and not any(c.lower_ == "having" for c in node.children):
            return None  # "Asked about X, she stressed …": the asker is not she ("Having said …, she" is hers)
        if node.dep_ == "acl" and node.tag_ == "VBG" and node.head.pos_ in ("NOUN", "PROPN"):
            noun = node.head
            if noun.dep_ == "pobj":  # "sent a message to supporters saying …": the message says it
                governor = noun.head.head
                messages = [governor, *(c for c in governor.children if c.dep_ == "dobj")]
                noun = next((m for m in messages if m.lemma_.lower() in lexicon["message_nouns"]), noun)
            return _issuer(noun, lexicon) or noun  # "voters saying …": the noun speaks
        if node.dep_ in ("advcl", "conj", "xcomp", "pcomp", "acomp", "prep", "pobj") and node.head is not node:
            node = node.head
            seen += 1
            continue
        if _noun_infinitive(node):  # "went out of his way to say …", "took pains to say …"
            node = node.head.head if node.head.dep_ in ("dobj", "attr") else node.head
            seen += 1
            continue
        break
    return None


def _that_complement(clause: Token) -> bool:
    """"said in a briefing that its forces had repelled attacks": a "that" the parser took for a
    relative pronoun is the complementizer when the clause has no gap for it to fill (the role it
    was given is filled by another word); "a briefing that the ministry gave" keeps its gap."""
    first = clause.doc[clause.left_edge.i]
    if first.lower_ != "that" or first.head.i != clause.i:
        return False
    return any(c.dep_ == first.dep_ and c.i != first.i for c in clause.children)


def _noun_infinitive(verb: Token) -> bool:
    """An infinitive hung on a noun with no subject of its own: whoever the noun's clause is about
    does the saying."""
    return (
        verb.dep_ in ("acl", "relcl") and verb.head.pos_ == "NOUN"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )


def _issuer(message: Token, lexicon: dict[str, Any]) -> Token | None:
    """"The ministry issued a statement saying …": a message speaks for whoever put it out."""
    if message.lemma_.lower() not in lexicon["message_nouns"] or message.dep_ != "dobj":
        return None
    return next((c for c in message.head.children if c.dep_ == "nsubj"), None)


def _agent(verb: Token, subject: Token | None) -> Token | None:
    """A passive cue speaks through its agent, not its subject: in "Sanders was asked by the host
    whether …" the host asks; with no agent ("it was reported that …") no one is named."""
    if subject is None or subject.dep_ != "nsubjpass" or subject.head.i != verb.i or _has_contracted(verb):
        return subject
    return _by_whom(verb)


def _by_whom(verb: Token) -> Token | None:
    """The agent of a passive participle ("asked by the host")."""
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None


def _has_contracted(verb: Token) -> bool:
    """"He's said he will fight": a past tense after a contracted 's is "has said", which the
    parser can read as a passive ("is said"); its subject is the speaker."""
    return verb.tag_ == "VBD" and any(c.dep_ == "auxpass" and c.lower_ in ("'s", "’s") for c in verb.children)


def _participle_subject(verb: Token, lexicon: dict[str, Any]) -> Token | None:
    """"X stressed that …, suggesting …", "X shared the news, writing “…”": a participle after a
    comma or dash speaks for the subject of the clause it follows, never for one inside a reported
    clause the parser hung it on."""
    before = verb.i - 1
    while before > 0 and verb.doc[before].dep_ in ("advmod", "neg") and verb.doc[before].head.i == verb.i:
        before -= 1  # ", essentially conceding …"
    while before > 0 and verb.doc[before].text in QUOTE_CHARS:
        before -= 1  # "“… maniacal,” adding …": the quote closes before the participle's comma
    if before > 1 and verb.dep_ == "conj" and verb.doc[before].dep_ == "cc":
        before -= 1  # "…, vowing …, and suggesting …"
    if verb.tag_ != "VBG" or before < 1 or verb.doc[before].text not in (",", "—", "–", "-", "--"):
        return None
    if any(c.dep_ in SUBJECT_DEPS for c in verb.children) or (verb.dep_ == "acl" and verb.head.i == verb.i - 2):
        return None  # "with aides saying …" has its own subject; "voters, saying …" hangs on its noun
    node = verb.head
    reported = [
        a for a in (node, *node.ancestors)
        if a.dep_ == "ccomp"
        or (a.dep_ == "acl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in a.children))
    ]  # a reported clause, or a noun's ("rejected the idea that …, saying …")
    if reported and not _parenthetical_report(node, lexicon):
        node = reported[-1].head  # out of it, to the report
    for _ in range(4):
        subj = next((c for c in node.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i), None)
        if subj is not None:
            return subj if not any(t.i == verb.i for t in subj.subtree) else None
        if node.dep_ not in ("conj", "advcl", "xcomp") or node.head is node:
            break
        node = node.head
    root = verb.sent.root
    if root.i > verb.i:
        return None  # "After Khan spoke, saying …, Trump replied": the participle is the first clause's
    subj = next((c for c in root.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i), None)
    return subj if subj is not None and not any(t.i == verb.i for t in subj.subtree) else None


def _parenthetical_report(verb: Token, lexicon: dict[str, Any]) -> bool:
    """"“…,” the source recalled, adding …": a report whose subject follows the quote or clause it
    reports is set inside that clause by the parser, but a participle after it continues it."""
    return _subject_set_off(verb, QUOTE_CHARS + ",") is not None and _is_cue_verb(verb, lexicon)


def _subject_set_off(verb: Token, marks: str) -> Token | None:
    """The verb's subject before it, when one of ``marks`` sets it off from what precedes ("…, the
    ministry said", "“…,” the source recalled"): the cue of a clause it follows or interrupts."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i), None)
    if subject is None or subject.left_edge.i == 0 or verb.doc[subject.left_edge.i - 1].text not in marks:
        return None
    return subject


def _controller(verb: Token) -> Token | None:
    """"The result led the chairman to declare …", "sent a reporter to ask …": the object of the
    verb that governs an infinitive cue is who speaks."""
    if verb.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    return next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i and c.pos_ in ("PROPN", "NOUN", "PRON")), None)


def _asker_unnamed(verb: Token) -> bool:
    """"Asked whether …, the minister said": a bare passive participle names no one who asks."""
    return (
        verb.tag_ == "VBN" and verb.dep_ != "ROOT"
        and not any(c.dep_ in ("aux", "auxpass", "agent", *SUBJECT_DEPS) for c in verb.children)
    )  # with a subject it is a past tense the tagger misread ("… CHANGE," Trump tweeted)


COUNTERPOINT_MARKS = {"while", "though", "although", "whereas"}  # closed-class subordinators


def _without_writers_asides(head: Token) -> list[Token]:
    """A reported clause without what the writer added after a comma: a counterpoint ("said the army
    held the bridge, while rebels claimed the town"), a while/though/whereas clause with its own
    subject (PolNeAR train speech content +0.08), or a gloss, a common-noun apposition that closes
    the clause ("…his plan to ban the convoys, a plan the ministry has since dropped"; +0.02)."""
    tokens = list(head.subtree)
    for c in tokens:
        closes = c.right_edge.i >= head.right_edge.i - 1  # runs to the clause's end, bar a full stop
        if c.dep_ == "appos" and c.tag_ in ("NN", "NNS") and c.i > head.i and closes:
            first = c.left_edge
            if first.i > head.i + 2 and first.nbor(-1).text in (",", "-", "—", "–"):
                return [t for t in tokens if t.i < first.i - 1]
    for c in head.rights:
        marks = {m.lower_ for m in c.children if m.dep_ == "mark"}
        if c.dep_ == "advcl" and marks & COUNTERPOINT_MARKS and any(m.dep_ in SUBJECT_DEPS for m in c.children):
            first = c.left_edge
            if first.i > 0 and first.nbor(-1).text == ",":
                return [t for t in tokens if t.i < first.i - 1]
    return tokens


def _closed_off(comp: Token, verb: Token) -> bool:
    """"His contract is expiring; the show has not announced a successor": a clause before the cue that a
    semicolon or dash closes off is a sentence of its own, not what the cue's subject said."""
    if comp.i > verb.i:
        return False
    doc = comp.doc
    between = doc[comp.right_edge.i + 1 : verb.i]
    return any(t.text in (";", "—", "–", "--") for t in between)


def _span_of(tokens: list[Token]) -> tuple[int, int]:
    return min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    start = _lstrip(text, start, end, " \n\t,;:—–-")
    end = _rstrip(text, start, end, " \n\t,;:—–-")
    return start, end


def _cue_span(verb: Token, lexicon: dict[str, Any]) -> tuple[int, int]:
    """The verb with its particle and, for "told reporters", the audience."""
    tokens = [verb]
    for child in verb.children:
        if child.dep_ == "prt":
            tokens.append(child)
        elif child.dep_ in ("dobj", "dative") and child.i == verb.i + 1 and child.lower_ in lexicon["cue_objects"]:
            tokens.append(child)
    return _span_of(tokens)


def _cue_class(verb: Token, subject: Token | None, lexicon: dict[str, Any]) -> str:
    if subject is not None and subject.lemma_.lower() in lexicon["evidence_subjects"]:
        if verb.lemma_ in lexicon["verbs"]["evidence"] or verb.lemma_ in lexicon["verbs"]["speech"]:
            return "evidence"
    return lexicon["classes"][verb.lemma_.lower()]


def _message_like(head: Token) -> bool:
    """An object that can be what was said: not a pronoun, a person or a bare name; a quantity of
    such things counts ("many of the pledges", "any of his opponents' claims")."""
    if head.pos_ in ("DET", "ADJ", "NUM", "PRON") and head.lower_ in QUANTIFIERS:
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        return pobj is not None and _message_like(pobj)
    return head.pos_ in ("NOUN", "VERB") and head.ent_type_ != "PERSON" and not any(
        c.dep_ == "poss" and c.ent_type_ == "PERSON" and c.i == head.i - 1 for c in head.children
    )


def _lone_name(token: Token) -> bool:
    """"“…,” said Skelly, explaining …": a capitalised word alone before punctuation is a surname,
    even where the tagger took it for an adverb and so made no noun phrase of it."""
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.is_title and token.is_alpha and not token.is_stop and (after is None or after.is_punct)


def _gerund_object(child: Token, verb: Token) -> bool:
    """A bare -ing clause after the verb as its object, with no subject or auxiliary of its own."""
    return (
        child.i > verb.i and child.tag_ == "VBG" and child.dep_ in ("xcomp", "ccomp", "dobj")
        and not any(c.dep_ in SUBJECT_DEPS or c.dep_ in ("aux", "mark") for c in child.children)
    )


def _is_cue_verb(token: Token, lexicon: dict[str, Any]) -> bool:
    return (
        token.pos_ in ("VERB", "AUX")
        and token.lemma_.lower() in lexicon["classes"]
        and token.dep_ != "amod"
        and not _in_idiom(token, lexicon)
        and not _nobody_speaks(token)
        and _bound_object_present(token, lexicon)
    )


def _bound_object_present(token: Token, lexicon: dict[str, Any]) -> bool:
    """"As one trader put it, …": a verb that reports only with its object ("put it"); "called the
    strikes “a war crime”": a labelling verb reports only the label it quotes."""
    lemma = token.lemma_.lower()
    if lemma in lexicon["label_verbs"]:
        preps = lexicon["object_content"]["preposition"].get(lemma, ())
        if any(c.dep_ == "prep" and c.lower_ in preps for c in token.children):
            return True  # "called for an immediate ceasefire"
        return any(c.dep_ == "dobj" for c in token.children) and any(
            t.text in QUOTE_CHARS for c in token.rights if c.dep_ in ("oprd", "xcomp", "ccomp", "dobj", "attr", "prep") for t in c.subtree
        )
    objects = lexicon["bound_cues"].get(lemma)
    return objects is None or any(c.dep_ == "dobj" and c.lower_ in objects for c in token.children)


def _in_idiom(token: Token, lexicon: dict[str, Any]) -> bool:
    """"That said, …", "All told, …", "Needless to say, …": set phrases that report nothing."""
    for idiom in lexicon["idioms"]:
        words = idiom.split()
        for offset in range(len(words)):
            start = token.i - offset
            if start < 0 or start + len(words) > len(token.doc):
                continue
            if [t.lower_ for t in token.doc[start : start + len(words)]] == words:
                return True
    return False


def _nobody_speaks(verb: Token) -> bool:
    """"It is too soon to say whether …": an infinitive hung on an adjective has no speaker."""
    return verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ"


def _is_question(child: Token) -> bool:
    """An indirect question parsed as an adverbial clause: "asked if/whether …"."""
    return child.dep_ == "advcl" and child.i > child.head.i and any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in child.children)


def _inside(pos: int, quotes: list[Quote]) -> Quote | None:
    for q in quotes:
        if q.start <= pos < q.end:
            return q
    return None


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _title_like(text: str) -> bool:
    """A short or title-case quotation: a programme or book named in a sentence, not speech."""
    words = text.split()
    return len(words) < 4 or (len(words) <= 8 and _capitalised(words))


def _title_case(text: str) -> bool:
    words = text.strip(" ,.").split()
    return len(words) >= 2 and _capitalised(words)


def _capitalised(words: list[str]) -> bool:
    return all(w[0].isupper() or w.lower() in TITLE_SMALL_WORDS for w in words)


def _words(text: str) -> int:
    return len(text.split())


@dataclass(slots=True)
class _Candidate:
    """An attribution before its speaker is resolved (speakers resolve in text order)."""

    kind: str
    content: tuple[int, int]
    cue: tuple[int, int] | None
    subject: Token | None
    rule: str
    cue_class: str
    source: str | None = None  # an excerpt's source, named by the voices component
    running: bool = False  # credited to the previous attribution's speaker
    mention: tuple[int, int] | None = None  # the speaker's mention when it is not the subject's subtree
    parts: tuple[tuple[int, int], ...] = ()  # the quoted pieces when the cue interrupts the content

    @property
    def anchor(self) -> int:
        return min(self.content[0], self.cue[0]) if self.cue else self.content[0]


class _Finder:
    """One pass over one Doc: candidates first, then speakers resolved in reading order."""

    def __init__(self, doc: Doc, voices: list[dict[str, Any]], lexicon: dict[str, Any]) -> None:
        self.doc = doc
        self.text = doc.text
        self.lexicon = lexicon
        self.quotes = find_quotes(self.text, lexicon["quote_marks"]["pairs"])
        self.voices = voices
        self.paragraphs = _paragraphs(self.text)
        self.sents = list(doc.sents)
        self.sent_starts = [sent.start_char for sent in self.sents]
        self.candidates: list[_Candidate] = []
        self.contents: set[tuple[int, int]] = set()
        self.used_cues: set[int] = set()
        self.cue_verbs = {t.i for t in doc if _is_cue_verb(t, lexicon)}  # judged once: every rule asks again
        boilerplate = doc._.get("sayso_boilerplate") if Doc.has_extension("sayso_boilerplate") else None
        self.boilerplate = [(int(b[0]), int(b[1])) for b in boilerplate or []]

    def run(self) -> list[dict[str, Any]]:
        self._excerpts()
        for sent in self.sents:
            self._sentence(sent)
        for paragraph in self.paragraphs:
            self._name_colon(paragraph)
        self._end_before_sourcing()
        self._drop_redundant_excerpts()
        return self._resolve()

    def _end_before_sourcing(self) -> None:
        """A content that ends in "…, according to X" stops before it: that phrase credits the clause
        to X ("the account pointed to the shootings as revenge, according to a report"), and a cue
        whose content held it would sit inside X's report while X's sat inside its own."""
        sourcing = [
            (c.cue[0], c.subject.right_edge.idx + len(c.subject.right_edge))
            for c in self.candidates
            if c.rule == "according-to" and c.cue is not None and c.subject is not None
        ]
        for c in self.candidates:
            if c.rule == "according-to" or c.kind == "excerpt" or c.parts:
                continue
            for start, end in sourcing:
                tail = self.text[end : c.content[1]]
                if c.content[0] < start and end <= c.content[1] and not tail.strip(" ,.;:—–-" + QUOTE_CHARS):
                    c.content = _trim(self.text, c.content[0], start)

    def _drop_redundant_excerpts(self) -> None:
        """An excerpt that is one direct quotation found with its own cue adds nothing but a vaguer
        copy; one that nothing credits (no lead-in cue, no named source) is only a guess of voices.
        Reports found inside an excerpt do not make it redundant: the excerpt is the author quoting."""
        quotes = [c.content for c in self.candidates if c.kind == "direct"]
        kept = []
        for c in self.candidates:
            if c.kind == "excerpt":
                if c.cue is None and c.source is None:
                    continue
                if any(_overlap(c.content, q) * 2 >= c.content[1] - c.content[0] for q in quotes):
                    continue
            kept.append(c)
        self.candidates = kept

    def _sent_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, pos) - 1)

    def _sentence_between(self, start: int, end: int) -> bool:
        """Whether a whole sentence of words lies between two offsets."""
        following = (s for s in self.sents[self._sent_index(start) :] if s.start_char < end)
        return any(start <= s.start_char and s.end_char <= end and _words(s.text) >= 2 for s in following)

    def _add(self, candidate: _Candidate, verb: Token | None = None) -> bool:
        start = candidate.content[0]
        dateline = self._dateline(start) if start == self._paragraph(start)[0] and not candidate.parts else None
        if dateline is not None:
            candidate.content = (dateline, candidate.content[1])  # "BEIRUT (AP) — …" is the wire's, not said
        content = candidate.content
        if content[1] <= content[0] or content in self.contents:
            return False
        if any(_overlap(content, b) > 0 for b in self.boilerplate):
            return False
        self.contents.add(content)
        self.candidates.append(candidate)
        if verb is not None:
            self.used_cues.add(verb.i)
        return True

    def _resolve(self) -> list[dict[str, Any]]:
        resolver = SpeakerResolver(self.doc, self.lexicon)
        records = []
        for c in sorted(self.candidates, key=lambda c: (c.anchor, c.content)):
            if c.subject is not None:
                speaker = resolver.resolve(c.subject, c.mention or self._mention(c.subject))
            elif c.running and resolver.history:
                last = resolver.history[-1]
                speaker = Speaker(last.name, last.mention, last.role, last.org, last.type)
            else:
                speaker = Speaker(c.source, None)
            if c.cue_class == "speech" and c.subject is not None:  # excerpts and running quotes name no one new
                resolver.remember(speaker, c.subject)
            records.append(
                {
                    "kind": c.kind,
                    "content": list(c.content),
                    "parts": [list(p) for p in c.parts],
                    "cue": list(c.cue) if c.cue else None,
                    **speaker.record(),
                    "rule": c.rule,
                    "cue_class": c.cue_class,
                }
            )
        records.sort(key=lambda r: (r["content"][0], r["content"][1]))
        return records

    # -- spans ------------------------------------------------------------------------------------

    def _paragraph(self, pos: int) -> tuple[int, int]:
        for p in self.paragraphs:
            if p[0] <= pos < p[1]:
                return p
        return (0, len(self.text))

    def _clip(self, span: tuple[int, int], pos: int) -> tuple[int, int]:
        """``span`` cut to the paragraph holding ``pos``: parses run over line breaks, clauses do not."""
        p_start, p_end = self._paragraph(pos)
        return _trim(self.text, max(span[0], p_start), min(span[1], p_end))

    def _mention(self, head: Token, verb: Token | None = None) -> tuple[int, int]:
        """The speaker's mention; a subject before its verb, or a noun that speaks through its own
        participle ("voters saying …"), ends before the verb, and one with a report of its own in a
        relative clause ("Roe, who said …,") before that clause (PolNeAR train speech source +0.13)."""
        span = _mention_span(head)
        if verb is not None and verb.head.i == head.i and verb.dep_ == "acl":
            span = _span_of([t for t in head.subtree if t.i < verb.i and not (t.is_punct and t.text in QUOTE_CHARS)] or [head])
        def ending_before(i: int) -> tuple[int, int]:
            return span[0], min(span[1], _span_of([t for t in head.subtree if t.i < i] or [head])[1])

        report = next((c for c in head.rights if c.dep_ == "relcl" and self._reports(c)), None)
        comma = report.left_edge.i - 1 if report is not None else 0
        if comma > head.i and self.doc[comma].text in ",—–":
            span = ending_before(comma)
        if verb is not None and head.i < verb.i < head.right_edge.i:  # a misparse ran the subject past its verb
            span = ending_before(verb.i)
        span = self._outside_quotes(span, head)
        start, end = self._clip(span, head.idx)
        dateline = self._dateline(start)
        if dateline is not None and dateline <= head.idx:
            start = dateline  # "ORLANDO, Fla. (Reuters) - President Obama said": the wire's, not the speaker's
        start = _lstrip(self.text, start, end, QUOTE_CHARS + " ,")
        end = _rstrip(self.text, start, end, QUOTE_CHARS + " ,")
        dangling = re.search(r"(?:[\s,]+(?:and|or|but))+$", self.text[start:end])  # "Mr. Daniloff, now 81 and"
        return start, start + dangling.start() if dangling else end

    def _reports(self, clause: Token) -> bool:
        """The clause's verb, or one joined to it, is a cue with a reported clause of its own."""
        return any(
            v.i in self.cue_verbs and any(c.dep_ == "ccomp" for c in v.children)
            for v in (clause, *(c for c in clause.children if c.dep_ == "conj"))
        )

    def _dateline(self, pos: int) -> int | None:
        """Where a wire dateline opening the paragraph at ``pos`` ends, if one does."""
        p_start, p_end = self._paragraph(pos)
        dateline = DATELINE.match(self.text, p_start, p_end)
        return dateline.end() if dateline and pos < dateline.end() else None

    def _past_dateline(self, subject: Token) -> Token:
        """"ORLANDO, Fla. (Reuters) - President Obama said": a parse that makes the dateline's city the
        subject hangs the real speaker on it as an apposition."""
        end = self._dateline(subject.idx)
        if end is None:
            return subject
        return next((c for c in subject.children if c.dep_ == "appos" and c.idx >= end), subject)

    def _outside_quotes(self, span: tuple[int, int], head: Token) -> tuple[int, int]:
        """A speaker outside quotation marks never reaches into one (a misparse can hang the quote on the
        name), except a short title the noun phrase names ("the authors of the “Growth and Opportunity
        Project”", "some in the “Bernie or Bust” crowd")."""
        if _inside(head.idx, self.quotes) is not None:
            return span
        start, end = span
        for q in self.quotes:
            if q.end <= head.idx and q.end > start:
                start = q.end
            if q.start > head.idx and q.start < end and not self._title_in_name(q, end):
                end = q.start
        return start, end

    def _title_in_name(self, q: Quote, end: int) -> bool:
        inner = self.text[q.inner_start : q.inner_end].strip(" ,.")
        return q.closed and q.end <= end + 3 and 0 < _words(inner) <= 6 and inner[:1].isupper()

    # -- excerpts (from voices) -------------------------------------------------------------------

    def _excerpts(self) -> None:
        for voice in self.voices:
            if voice.get("voice") != "quoted":
                continue
            start = voice["start"]
            end = _rstrip(self.text, start, voice["end"], " \n\t")
            before = _rstrip(self.text, 0, start, " \n\t")
            cue = (before - 1, before) if before > 0 and self.text[before - 1] == ":" else None
            self._add(_Candidate("excerpt", (start, end), cue, None, "excerpt", "speech", source=voice.get("source")))

    # -- one sentence -------------------------------------------------------------------------------

    def _sentence(self, sent: Span) -> None:
        cues = [t for t in sent if t.i in self.cue_verbs and _inside(t.idx, self.quotes) is None]
        for token in sent:
            if token.lower_ == "according" and token.i + 1 < len(self.doc) and self.doc[token.i + 1].lower_ == "to":
                if _inside(token.idx, self.quotes) is None:
                    self._according_to(token, sent)
        for q in self.quotes:
            if not q.used and sent.start_char <= q.start < sent.end_char:
                self._direct(q, cues)
        for token in sent:
            if token.pos_ == "NOUN" and token.lemma_.lower() in self.lexicon["report_nouns"]:
                self._noun_report(token)
        for verb in cues:
            if verb.i not in self.used_cues or self._reports_more(verb):
                self._indirect(verb)

    def _reports_more(self, verb: Token) -> bool:
        """"“…,” Sanders said private contractors cost more": a cue that credits a quote can report a
        clause of its own as well, when that clause holds no quotation."""
        comp = next((c for c in verb.rights if c.dep_ in CLAUSE_DEPS), None)
        if comp is None:
            return False
        span = _span_of(list(comp.subtree))
        return not any(_overlap(span, (q.start, q.end)) for q in self.quotes)

    def _direct(self, q: Quote, cues: list[Token]) -> None:
        text = self.text
        inner = (q.inner_start, q.inner_end)
        candidates = self._cue_candidates(q)
        # a quote inside a reported clause makes that clause mixed ("said that X “…”")
        for verb in sorted(candidates, key=lambda v: v.i):
            clause = self._clause(verb) or self._complement(verb)
            aside = clause is None  # "The talks, he added, had “run their course”"
            if aside:
                clause = self._parenthetical_content(verb)
            if clause is not None and clause[0] <= q.inner_start and q.end <= clause[1] + 1:
                clause = (min(clause[0], q.start), clause[1])
                if _words(text[clause[0] : q.start] + text[q.end : clause[1]]) >= 3:
                    q.used = True
                    if aside:
                        self._with_cue(verb, clause, "mixed", "mixed-parenthetical", **self._around(verb, clause))
                    elif verb.idx > q.end and len(more := self._continued(q, verb)) > 1:
                        # "At private courses, members pay more “because …,” Chipok said. “But …”"
                        parts = (clause, *more[1:])
                        self._with_cue(verb, (clause[0], parts[-1][1]), "mixed", "mixed-clause", own=clause, parts=parts)
                    else:
                        self._with_cue(verb, self._run_on_clauses(verb, clause), "mixed", "mixed-clause")
                    return
        short = _words(text[inner[0] : inner[1]]) < self.lexicon["quote_marks"]["min_words_direct"]
        speech = [v for v in candidates if self.lexicon["classes"][v.lemma_.lower()] == "speech" and not _asker_unnamed(v)]
        verb = min(speech or candidates, key=lambda v: min(abs(v.idx - q.start), abs(v.idx - q.end)), default=None)
        if short and _title_case(text[inner[0] : inner[1]]):
            return  # “The Rachel Maddow Show”: a title, not speech
        if verb is not None:
            embedded = self._embedding_clause(q, verb)
            if embedded is not None:
                q.used = True
                self._with_cue(verb, embedded, "mixed", "mixed-embedded")
                return
            if short and not (self._quote_is_object(q, verb) or self._next_to_cue(q, verb)):
                return
            q.used = True
            pieces = self._continued(q, verb)
            parts = tuple(pieces) if len(pieces) > 1 else ()
            self._with_cue(verb, (pieces[0][0], pieces[-1][1]), "direct", "direct-cue", own=inner, parts=parts)
            return
        if short:
            return
        lead = self._colon_lead_in(q)
        if lead is not None:
            q.used = True
            lead_verb, colon = lead
            if lead_verb is not None:
                self._with_cue(lead_verb, inner, "direct", "direct-lead-in")
            else:
                named = self._lead_in_name(colon[0]) or self._paragraph_name(colon[0])
                actor = self._lead_in_actor(colon[0])
                if named is not None:
                    self._add(_Candidate("direct", inner, colon, named[0], "direct-colon-name", "speech", mention=named[1]))
                elif actor is not None:
                    verb, subject = actor
                    cue = (verb.idx, colon[1])
                    self._add(_Candidate("direct", inner, cue, subject, "direct-lead-in-actor", "speech", mention=self._mention(subject, verb)))
                else:
                    self._add(_Candidate("direct", inner, colon, None, "direct-colon", "speech", running=True))
            return
        if self._alone_in_paragraph(q):
            q.used = True
            self._add(_Candidate("direct", inner, None, None, "running-speaker", "speech", running=True))

    def _next_to_cue(self, q: Quote, verb: Token) -> bool:
        """A short quotation right beside its cue is speech, not a scare quote: "“Not even one,” he
        said.", "he yelled, “Out!”"."""
        if _title_case(self.text[q.inner_start : q.inner_end]):
            return False  # on Fox News's “Sunday Morning Futures,” Issa said …: a programme
        before = self.text[: q.start].rstrip()
        if before and before[-1].isalnum():
            return False  # "who calls Trump a “sociopath,” said …": a word quoted mid-clause
        if verb.idx >= q.end:
            subject = _subject(verb, self.lexicon)
            speaker = {t.i for t in subject.subtree} if subject is not None and subject.left_edge.idx >= q.end else set()
            between = [t for t in self.doc if q.end <= t.idx < verb.idx]
            return all(t.is_punct or t.is_space or t.i in speaker for t in between)
        between = self.text[verb.idx + len(verb) : q.start]
        return not between.strip(" ,:\n")

    def _embedding_clause(self, q: Quote, verb: Token) -> tuple[int, int] | None:
        """The clause around a quotation that opens mid-clause ("said Clinton “caused death.”",
        "told the Post he was “not quite there yet” on Ryan"), where the parser lost the clause:
        from after the cue and its listener to the sentence's end, or from the sentence's start to
        the comma before a cue that follows."""
        before = self.text[: q.start].rstrip()
        if not before or not before[-1].isalnum():
            return None  # "…, she said: “…”" or a quote opening its sentence
        sent = self.sents[self._sent_index(q.start)]
        if not (sent.start_char <= verb.idx < sent.end_char) or any(o is not q and sent.start_char <= o.start < sent.end_char for o in self.quotes):
            return None
        if verb.idx < q.start:
            skip = {t.i for c in verb.rights if c.dep_ in ("dobj", "dative", "npadvmod", "advmod", "prep", "punct") for t in c.subtree}
            start = next((t for t in sent if t.i > verb.i and t.i not in skip and not t.is_punct and t.lower_ != "that"), None)
            if start is None or start.idx >= q.start:
                return None
            span = (start.idx, sent.end_char)
        else:
            comma = next((t for t in reversed(sent[: verb.i - sent.start]) if t.text in (",", "—", "–") and t.idx >= q.end - 1), None)
            if comma is None:
                return None
            span = (sent.start_char, comma.idx)
        start, end = _trim(self.text, *span)
        end = _rstrip(self.text, start, end, ".")
        if _words(self.text[start : q.start] + self.text[q.end : end]) < 2:
            return None
        return self._clip((start, max(end, q.end)), verb.idx)

    def _cue_candidates(self, q: Quote) -> list[Token]:
        """Unused cue verbs outside quotes in the quote's sentences, up to the next quotation."""
        following = next((o.start for o in self.quotes if o.start >= q.end), len(self.text))
        return [
            v
            for s in self._sents_of(q)
            for v in s
            if v.i not in self.used_cues
            and v.idx < following
            and v.i in self.cue_verbs
            and _inside(v.idx, self.quotes) is None
        ]

    def _continued(self, q: Quote, verb: Token) -> list[tuple[int, int]]:
        """The pieces of a quote interrupted by its cue: "“A,” she said. “B.”" and "“A,” she said, “b.”" are A and B."""
        pieces = [(q.inner_start, q.inner_end)]
        last = q
        para = self._paragraph(q.start)
        cue_sentence = self.sents[self._sent_index(verb.idx)]
        for nxt in (o for o in self.quotes if o.start >= q.end):
            if nxt.used or self._paragraph(nxt.start) != para:
                break
            if last is q and nxt.end <= cue_sentence.end_char and nxt.start > verb.idx and _title_like(self.text[nxt.inner_start : nxt.inner_end]):
                continue  # a title quoted in the cue's own sentence (told CNN's “State of the Union”)
            between = self.text[last.end : nxt.start].strip()
            ends = between.rstrip(QUOTE_CHARS + " ")[-1:]  # 'he said on “Meet the Press.” “…”': past a title's marks
            start = nxt.inner_start
            if last is q and not (last.end <= verb.idx < nxt.start and ends in ".:,"):
                start = self._quote_led_in(nxt, cue_sentence)
                if start is None or not last.end <= verb.idx < nxt.start:
                    break
            if last is q and self._sentence_between(cue_sentence.end_char, nxt.start):
                break  # "“A,” Tom said. Betsy shook her head. “B.”": B is somebody else's
            if last is not q and between:
                break
            if _words(self.text[nxt.inner_start : nxt.inner_end]) < 3 or any(
                v.i != verb.i for v in self._cue_candidates(nxt)
            ):
                break  # the next quotation has a cue of its own
            nxt.used = True
            led_in = start != nxt.inner_start  # a part led into keeps its quotation marks
            pieces.append((start, nxt.end if led_in else nxt.inner_end))
            last = nxt
        return pieces

    def _quote_led_in(self, q: Quote, cue_sentence: Span) -> int | None:
        """The start of the sentence right after the cue's when it only leads into a quotation that
        ends it ("“A,” she said. That makes him “the wrong man.”"): the speaker goes on, in part quoted."""
        index = self._sent_index(q.start)
        sent = self.sents[index]
        if index == 0 or self.sents[index - 1].start != cue_sentence.start or sent.start_char >= q.start:
            return None
        if self.text[q.end : sent.end_char].strip(" .\n") or _words(self.text[sent.start_char : q.start]) > 8:
            return None
        if any(t.i in self.cue_verbs for t in sent if t.idx < q.start):
            return None
        return sent.start_char

    def _quote_is_object(self, q: Quote, verb: Token) -> bool:
        deps = ("ccomp", "xcomp")
        return any(q.start <= t.idx < q.end for c in verb.children if c.dep_ in deps for t in c.subtree)

    def _sents_of(self, q: Quote) -> list[Span]:
        """The sentences the quote touches, plus the next one in the same paragraph when it is short
        ("he added.") or opens with a cue that reports nothing else ("Trump said of Apple in May, …")."""
        out: list[Span] = []
        for sent in self.sents[self._sent_index(q.start) :]:
            if sent.start_char >= q.end:
                own_quote = any(sent.start_char <= o.start < sent.end_char for o in self.quotes)
                if "\n" not in self.text[q.end : sent.start_char] and not own_quote and (_words(sent.text) <= 8 or self._opens_with_cue(sent)):
                    out.append(sent)
                break
            out.append(sent)
        return out

    def _opens_with_cue(self, sent: Span) -> bool:
        opening = [t for t in sent if not t.is_space][:6]
        return any(
            t.i in self.cue_verbs
            and not any(
                c.dep_ in CLAUSE_DEPS or c.dep_ == "xcomp"
                or (c.dep_ == "dobj" and _message_like(c) and t.lemma_.lower() in self.lexicon["object_content"]["noun"])
                for c in t.children
            )
            for t in opening
        )

    def _colon_lead_in(self, q: Quote) -> tuple[Token | None, tuple[int, int]] | None:
        before = _rstrip(self.text, 0, q.start, " \n\t")
        if before == 0 or self.text[before - 1] != ":":
            return None
        colon = (before - 1, before)
        verbs = [
            t
            for t in self.sents[self._sent_index(before - 1)]
            if t.idx < before - 1
            and t.i in self.cue_verbs
            and _inside(t.idx, self.quotes) is None
            and t.i not in self.used_cues
        ]
        return (verbs[-1] if verbs else None), colon

    def _lead_in_actor(self, colon: int) -> tuple[Token, Token] | None:
        """"Trump leaned in and boomed:", "The ministry released the following statement:": a lead-in
        whose verb is no reporting verb still names who speaks, as its subject."""
        sent = self.sents[self._sent_index(colon)]
        verbs = [t for t in sent if t.idx < colon and t.pos_ == "VERB" and t.dep_ != "amod" and _inside(t.idx, self.quotes) is None]
        for verb in reversed(verbs):
            subject = _subject(verb, self.lexicon)
            if subject is not None:
                if subject.lower_ in ("it", "this", "that", "there", "which", "what") or subject.idx > verb.idx:
                    return None
                return verb, subject
        return None

    def _lead_in_name(self, colon: int) -> tuple[Token, tuple[int, int]] | None:
        """The name a colon lead-in without a cue verb gives: a headline's "Senator Doe: ‘…’" or a
        sentence ending in the name ("… does not surprise pollster Jane Roe:")."""
        sent = self.sents[self._sent_index(colon)]
        chunks = [c for c in sent.noun_chunks if c.end_char <= colon]
        if not chunks:
            return None
        named = lambda c: c.root.pos_ == "PROPN" or any(e.label_ in ("PERSON", "ORG") for e in c.ents)  # noqa: E731
        words = [t for t in sent if t.idx < colon and not t.is_punct]
        if len(words) <= self.lexicon["quote_marks"]["headline_lead_in_words"]:
            chunk = chunks[0]
        elif chunks[-1].end_char == colon and any(e.label_ == "PERSON" for e in chunks[-1].ents):
            chunk = chunks[-1]
        else:
            return None
        if not named(chunk) or chunk.root.pos_ == "PRON":
            return None
        return chunk.root, _trim(self.text, chunk.start_char, chunk.end_char)

    def _name_colon(self, paragraph: tuple[int, int]) -> None:
        """A paragraph that opens with a name and a colon reports what the name said: headlines
        ("Senator Doe: Talks Have Failed") and transcripts ("DOE: We will not …")."""
        colon = self.text.find(":", paragraph[0], paragraph[1])
        named = self._paragraph_name(colon) if colon >= 0 else None
        if named is None:
            return
        rest = _trim(self.text, colon + 1, paragraph[1])
        rest = (rest[0], _rstrip(self.text, rest[0], rest[1], "."))
        if _words(self.text[rest[0] : rest[1]]) < 3 or any(_overlap(rest, c.content) > 0 for c in self.candidates):
            return
        whole = next((q for q in self.quotes if q.start == rest[0] and q.end >= rest[1]), None)
        kind = "direct" if whole is not None else "mixed" if self._has_quote(rest) else "indirect"
        content = (whole.inner_start, whole.inner_end) if whole is not None else rest
        self._add(_Candidate(kind, content, (colon, colon + 1), named[0], "name-colon", "speech", mention=named[1]))

    def _paragraph_name(self, colon: int) -> tuple[Token, tuple[int, int]] | None:
        """The name before the first colon of a paragraph, when it is a person or organisation (or a
        poll, a report), not a label ("The Latest:", "Note:", "Wednesday, October 5:")."""
        p_start, _ = self._paragraph(colon)
        start = _lstrip(self.text, p_start, colon, " \t" + QUOTE_CHARS)
        if ":" in self.text[start:colon]:
            return None
        prefix = self.doc.char_span(start, colon, alignment_mode="expand")
        if prefix is None or len(prefix) == 0:
            return None
        if len([t for t in prefix if not t.is_punct]) > self.lexicon["quote_marks"]["headline_lead_in_words"]:
            return None
        if any(t.pos_ in ("VERB", "AUX", "DET", "PRON", "NUM") or t.lower_ in self.lexicon["colon_labels"] for t in prefix):
            return None
        head = prefix.root
        if not (
            any(e.label_ in ("PERSON", "ORG") for e in prefix.ents)
            or head.lemma_.lower() in self.lexicon["evidence_subjects"]
            or self._known_name(prefix)
        ):
            return None
        return head, _trim(self.text, prefix.start_char, prefix.end_char)

    def _known_name(self, prefix: Span) -> bool:
        """A capitalised prefix the parser did not tag but the document names elsewhere: a headline's
        bare surname ("Doe: Talks Failed" over a story about Jane Doe) or a transcript's speaker label
        that opens several paragraphs ("DOE: …")."""
        words = [t for t in prefix if not t.is_punct]
        if not words or not all(t.is_alpha and t.text[0].isupper() for t in words):
            return False
        label = prefix.text.strip()
        if sum(self.text.startswith(label + ":", p_start) for p_start, _ in self.paragraphs) >= 2:
            return True
        return words[-1].lower_ in {
            t.lower_ for e in self.doc.ents if e.label_ in ("PERSON", "ORG") and e.start_char >= prefix.end_char for t in e
        }

    def _alone_in_paragraph(self, q: Quote) -> bool:
        p_start, _ = self._paragraph(q.start)
        _, p_end = self._paragraph(max(q.start, q.end - 1))
        rest = self.text[p_start : q.start] + self.text[q.end : p_end]
        return not any(ch.isalnum() for ch in rest)

    def _clause(self, verb: Token) -> tuple[int, int] | None:
        # the one after the cue first
        comps = [c for c in verb.children if c.dep_ in CLAUSE_DEPS and not _closed_off(c, verb)]
        comp = next((c for c in comps if c.i > verb.i), None) or next(iter(comps), None) or next(
            (c for c in verb.children if _is_question(c)), None
        ) or self._stray_that_clause(verb)
        if comp is None:
            return None
        return self._with_open_quote(_span_of(_without_writers_asides(comp)), verb)

    def _stray_that_clause(self, verb: Token) -> Token | None:
        """"said on Friday during a news conference that he may wait": a that-clause the parser hung
        on a noun of the cue's own adverbials belongs to the cue."""
        adverbials = [c for c in verb.rights if c.dep_ in ("prep", "npadvmod", "advmod")]
        for adverbial in adverbials:
            for t in adverbial.subtree:
                if t.dep_ in ("acl", "relcl", "ccomp") and (
                    any(m.dep_ == "mark" and m.lower_ == "that" and m.i < t.i for m in t.children)
                    or (t.head.head.i == adverbial.i and _that_complement(t))  # on the adverbial's own noun
                ):
                    return t
        return None

    def _run_on_clauses(self, verb: Token, content: tuple[int, int]) -> tuple[int, int]:
        """"said a deal was near but that gaps remained": a second that-clause coordinated with the cue
        is reported too, and so are the pieces of one clause the parser split into two complements
        ("said the talks, which began in May, would resume") or a reason hung on the cue ("said they
        would stay because the roads were mined"). PolNeAR train: 50 of 67 second complements and 11
        of 12 because-clauses after the content are in the gold content."""
        def continues(c: Token) -> bool:
            marks = {m.lower_ for m in c.children if m.dep_ == "mark"}
            if any(t.i in self.cue_verbs for t in c.subtree):
                return False
            return (c.dep_ == "conj" and "that" in marks) or c.dep_ == "ccomp" or (c.dep_ == "advcl" and "because" in marks)

        return self._run_on(verb, content, continues)

    def _with_open_quote(self, span: tuple[int, int], verb: Token) -> tuple[int, int]:
        """A quote opened inside a complement belongs to it whole."""
        start, end = span
        q = _inside(end - 1, self.quotes)
        if q is not None and q.end > end:
            end = q.end
        return self._clip((start, end), verb.idx)

    def _complement(self, verb: Token) -> tuple[int, int] | None:
        """Everything a cue verb governs after it that is not a clause: objects, infinitives and
        prepositional phrases ("urged voters to “send a message” to the banks")."""
        parts = [c for c in verb.rights if c.dep_ in COMPLEMENT_DEPS]
        if not parts:
            return None
        return self._with_open_quote(_span_of([t for c in parts for t in c.subtree]), verb)

    def _trailing_cue(self, verb: Token) -> bool:
        """"The senator remains committed, his aide told reporters.": a cue the parser coordinated
        with the clause before it, with a subject of its own after a comma and no "and"."""
        if verb.dep_ != "conj" or verb.head.i > verb.i or any(c.dep_ == "cc" for c in verb.head.children if verb.head.i < c.i < verb.i):
            return False
        if _subject_set_off(verb, ",") is None:
            return False
        return not any(c.dep_ in CLAUSE_DEPS or c.dep_ == "xcomp" for c in verb.children)

    def _parenthetical_content(self, verb: Token) -> tuple[int, int] | None:
        """The clause around a parenthetical cue ("The talks, he said, failed.") or an "as" aside
        ("As the ministry noted, the talks failed."), minus the cue."""
        aside = verb.dep_ == "parataxis" or (
            verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in self.lexicon["aside_marks"] for c in verb.children)
        ) or self._trailing_cue(verb)
        if not aside or not (any(c.dep_ in SUBJECT_DEPS for c in verb.children) or _by_whom(verb) is not None):
            return None  # "as the ministry noted", "as reported by Reuters": someone must be named
        head = verb.head
        if head.pos_ not in ("VERB", "AUX"):
            return None
        own = {t.i for t in verb.subtree} - {t.i for t in self._tail_after_cue(verb)}
        # "Asked whether …, she said, …": a report before the cue is its own, not part of this content
        own |= {t.i for c in head.lefts if c.i < verb.i and c.i in self.cue_verbs for t in c.subtree}
        opening = {c.i for c in head.lefts if c.dep_ == "cc" and c.i < verb.i}  # "But, as X noted, …"
        part = [t for t in head.subtree if t.i not in own and t.i not in opening and not t.is_punct]
        if len(part) < 3:
            return None
        return self._with_open_quote(_span_of(part), verb)

    def _indirect(self, verb: Token) -> None:
        clause = self._clause(verb)
        rule = "indirect-ccomp"
        if clause is None:
            clause = self._parenthetical_content(verb)
            rule = "indirect-parenthetical"
        prep = None
        if clause is None:
            found = self._object_content(verb)
            if found is not None:
                clause, prep = found
                rule = "indirect-object"
        if clause is None:
            clause = self._passive_content(verb)
            rule = "indirect-passive"
        if clause is None:
            clause = self._answer(verb)
            rule = "indirect-answer"
        if clause is None or (rule != "indirect-answer" and _words(self.text[clause[0] : clause[1]]) < 2):
            return
        if rule == "indirect-object":
            clause = self._extended(verb, clause)
        elif rule == "indirect-ccomp":
            clause = self._run_on_clauses(verb, clause)
        whole = next((q for q in self.quotes if q.start <= clause[0] and clause[1] <= q.end), None)
        if whole is not None:
            self._with_cue(verb, (whole.inner_start, whole.inner_end), "direct", "direct-complement")
            return
        kind = "mixed" if self._has_quote(clause) else "indirect"
        around = self._around(verb, clause) if rule == "indirect-parenthetical" else {}
        if rule == "indirect-ccomp":
            around = self._interrupted(verb, clause)
            if around:
                clause = (clause[0], around["parts"][-1][1])
        self._with_cue(verb, clause, kind, rule, prep=prep, **around)

    def _around(self, verb: Token, content: tuple[int, int]) -> dict[str, Any]:
        """A parenthetical cue inside its content ("The talks, he said, failed."): the content goes
        round the cue in two parts, and only the part before the cue excludes a subject."""
        tail = {t.i for t in self._tail_after_cue(verb)}
        start, end = _span_of([t for t in verb.subtree if t.i not in tail])
        before = _trim(self.text, content[0], start)
        after = _trim(self.text, end, content[1])
        parts = tuple(p for p in (before, after) if p[1] > p[0])
        return {"own": (content[0], start), "parts": parts if len(parts) > 1 else ()}

    def _interrupted(self, verb: Token, clause: tuple[int, int]) -> dict[str, Any]:
        """"The argument would be aided, Devine said, by the primary calendar.": a clause before its
        cue goes on after it when the parser hung the clause's last phrase on the cue; the content
        then goes round the cue in two parts."""
        subject = _subject_set_off(verb, ",")
        if subject is None or clause[1] > subject.left_edge.idx:
            return {}
        tail = self._tail_after_cue(verb)
        return {"own": clause, "parts": (clause, _span_of(tail))} if tail else {}

    def _tail_after_cue(self, verb: Token) -> list[Token]:
        """The phrases after a comma that the parser hung on an interrupting cue but that finish the
        sentence it interrupts ("…, the ministry said, including shells and fuel."); not a phrase of the
        cue's own ("…, he said on Tuesday") nor a report of its own ("…, he said, adding that …")."""
        tail = [
            c for c in verb.rights
            if c.dep_ in TAIL_DEPS and c.left_edge.i - 1 > verb.i and self.doc[c.left_edge.i - 1].text == ","
            and not any(t.i in self.cue_verbs for t in c.subtree)
        ]
        if not tail or tail[0].left_edge.i - 1 != max(t.i for t in verb.subtree if t.i < tail[0].left_edge.i):
            return []
        tokens = [t for c in tail for t in c.subtree]
        last = max(t.i for t in verb.sent if not t.is_punct)
        return tokens if max(t.i for t in tokens) >= last else []

    def _before_next_report(self, content: tuple[int, int]) -> tuple[int, int]:
        """A reported clause ends where the speaker's next report begins ("said A, and urged B",
        "said A, noting B", "said A while emphasizing B"): a speech cue with no subject of its own
        that runs to the end of the content, after a comma or conjunction."""
        span = self.doc.char_span(*content, alignment_mode="expand")
        if span is None:
            return content
        last = max((x.i for x in span if not x.is_punct), default=span.end - 1)  # closing marks hang elsewhere
        for t in span[2:]:
            if not t.i in self.cue_verbs or self.lexicon["classes"][t.lemma_.lower()] != "speech":
                continue
            if any(c.dep_ in SUBJECT_DEPS for c in t.children) or max(x.i for x in t.subtree) < last - 1:
                continue
            j = t.i - 1
            while j > span.start and (self.doc[j].lower_ in self.lexicon["report_joiners"] or self.doc[j].text in QUOTE_CHARS):
                j -= 1
            if span.start < j < t.i - 1:
                end = self.doc[j].idx + len(self.doc[j])
                closing = next((q for q in self.quotes if q.start < end < q.end <= t.idx), None)
                return _trim(self.text, content[0], closing.end if closing is not None else end)
        return content

    def _extended(self, verb: Token, content: tuple[int, int]) -> tuple[int, int]:
        """An object content runs on over the phrases the parser hung on the cue after it ("announced
        a series of steps to tighten sales", "warned of shortages in the east"), but not into another
        report nor over adverbial clauses (PolNeAR train measured both ways: clausal contents and
        adverbial tails are better left out)."""
        return self._run_on(
            verb, content, lambda c: c.dep_ in EXTEND_DEPS and not any(t.i in self.cue_verbs for t in c.subtree)
        )

    def _run_on(self, verb: Token, content: tuple[int, int], takes: Callable[[Token], bool]) -> tuple[int, int]:
        """``content`` run on over the cue's children after it that ``takes`` accepts."""
        tail = [t for c in verb.rights if c.idx >= content[1] and takes(c) for t in c.subtree]
        if not tail:
            return content
        return self._clip((content[0], max(content[1], _span_of(tail)[1])), verb.idx)

    def _object_content(self, verb: Token) -> tuple[tuple[int, int], Token | None] | None:
        """What was said as a noun phrase or infinitive: "announced his resignation", "vowed to
        appeal", "warned of shortages". Only for the verbs whose object is the message, never a
        pronoun or a person (told him, accused the minister)."""
        lemma = verb.lemma_.lower()
        objects = self.lexicon["object_content"]
        target_preps = objects["target"].get(lemma, ())
        for child in verb.children:
            if child.dep_ == "dobj" and target_preps:  # "accused the minister of lying": who, and of what
                prep = next(  # on the verb, or hung by the parser on its object
                    (c for c in (*verb.rights, *child.rights) if c.dep_ == "prep" and c.i > child.i and c.lower_ in target_preps), None
                )
                if prep is not None:
                    return self._clip(_span_of([*child.subtree, *prep.subtree]), verb.idx), None
            if child.dep_ == "xcomp" and lemma in objects["infinitive"] and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
                # "urged conservatives to obey the ruling": who is urged belongs to what was urged
                addressee = [t for c in verb.children if c.dep_ == "dobj" and c.i < child.i for t in c.subtree]
                return self._clip(_span_of([*addressee, *child.subtree]), verb.idx), None
            if child.dep_ == "dobj" and lemma in objects["noun"] and _message_like(child):
                return self._clip(_span_of(list(child.subtree)), verb.idx), None
            if _gerund_object(child, verb) and (lemma in objects["noun"] or lemma in objects["infinitive"]):
                # "proposed banning entry", "reported spending $9 million": a gerund is the message too
                return self._clip(_span_of(list(child.subtree)), verb.idx), None
            if child.dep_ == "prep" and child.lower_ in objects["preposition"].get(lemma, ()):
                pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
                if pobj is not None and _message_like(pobj):
                    return self._clip(_span_of(list(pobj.subtree)), verb.idx), child
        return None

    def _passive_content(self, verb: Token) -> tuple[int, int] | None:
        """"The strike was confirmed by the ministry": a passive cue's subject is what was said
        (never a person: "she was told" names the listener)."""
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if subject is None or not _message_like(subject) or subject.ent_type_ in ("PERSON", "NORP", "ORG", "GPE"):
            return None
        return self._clip(_span_of(list(subject.subtree)), verb.idx)

    def _answer(self, verb: Token) -> tuple[int, int] | None:
        """A short answer or a stand-in for what was said ("said yes", "said so", "said the same",
        "says racist things"): whatever the object, however short, but never a "what" or "that"
        opening a relative clause."""
        answer = self.lexicon["object_content"]["answer"]
        if verb.lemma_.lower() not in answer["verbs"]:
            return None
        for child in verb.rights:
            if child.dep_ == "dobj" and child.tag_ not in ("WP", "WDT"):
                return self._clip(_span_of(list(child.subtree)), verb.idx)
            if child.dep_ in ("intj", "advmod") and child.lower_ in answer["words"]:
                return self._clip((child.idx, child.idx + len(child)), verb.idx)
        return None

    def _has_quote(self, span: tuple[int, int]) -> bool:
        return any(q.start >= span[0] and q.end <= span[1] + 1 for q in self.quotes)

    def _with_cue(
        self,
        verb: Token,
        content: tuple[int, int],
        kind: str,
        rule: str,
        own: tuple[int, int] | None = None,
        prep: Token | None = None,
        parts: tuple[tuple[int, int], ...] = (),
    ) -> None:
        """Add an attribution for ``verb``; its subject must lie outside ``own`` (default: the content)."""
        if kind in ("indirect", "mixed") and not parts:
            content = self._before_next_report(content)
        subject = _agent(verb, _subject(verb, self.lexicon))
        mention = None
        if subject is not None:
            subject = self._past_dateline(subject)
            mention = self._mention(subject, verb)
            if not parts and subject.head.i == verb.i and content[0] < subject.idx < verb.idx < content[1]:
                # "policies, which he said had failed": the cue sits inside its content, which goes round it
                after = _lstrip(self.text, verb.idx + len(verb), content[1], " ,")
                parts = (_trim(self.text, content[0], mention[0]), (after, content[1]))
            elif _overlap(mention, own or content) > 0 or self._paragraph(subject.idx) != self._paragraph(verb.idx):
                subject = None
        if subject is None and own is not None and kind == "direct":
            subject = self._inverted_speaker(verb, own)
            mention = self._mention(subject, verb) if subject is not None else None
        if subject is None and verb.tag_ in ("VBD", "VBZ", "VBP"):
            subject = self._left_neighbour(verb)
            mention = self._mention(subject, verb) if subject is not None else None
            if mention is not None and not parts and content[0] < mention[0] < content[1] <= mention[1]:
                # "“…,” William Daley, a former aide, said": the parser ran the clause over its speaker
                content = _trim(self.text, content[0], mention[0])
                whole = next((q for q in self.quotes if (q.start, q.end) == _trim(self.text, *content)), None)
                if whole is not None:
                    kind, rule, content = "direct", "direct-cue", (whole.inner_start, whole.inner_end)
                own = None
            elif mention is not None and _overlap(mention, own or content) > 0:
                subject = mention = None
        cue_class = _cue_class(verb, subject, self.lexicon)
        if cue_class == "belief" and subject is None:
            return  # a belief is someone's: with no holder in the text there is nothing to attribute
        cue = _cue_span(verb, self.lexicon)
        if prep is not None:  # "warned of", "asked about"
            cue = (min(cue[0], prep.idx), max(cue[1], prep.idx + len(prep)))
        if self._add(_Candidate(kind, content, cue, subject, rule, cue_class, mention=mention, parts=parts), verb):
            self._use_quotes(content)

    def _left_neighbour(self, verb: Token) -> Token | None:
        """"About 4 in 10 say …", "Jay Roe, the club's manager, suggested …": where the parser gave
        a finite cue no subject, the noun phrase just before it (past adverbs) is its speaker."""
        i = verb.i - 1
        while i >= 0 and self.doc[i].dep_ in ("advmod", "neg", "aux", "npadvmod") and self.doc[i].pos_ in ("ADV", "PART", "AUX", "NOUN"):
            i -= 1
        if i >= 0 and self.doc[i].text == "," and i > 0:
            i -= 1  # the end of an apposition
            aside = self.doc[i]
            if aside.pos_ in ("ADJ", "VERB"):  # a state set off by commas between speaker and cue
                held = next((c for c in aside.children if c.dep_ == "nsubj" and c.i < aside.i), None)
                if held is not None and self.doc[held.i + 1].text == ",":
                    return held  # "Clinton, exasperated, responded": the parse gave the state her as its subject
                if aside.left_edge.i >= 2 and self.doc[aside.left_edge.i - 1].text == ",":
                    i = aside.left_edge.i - 2  # "the colonel, angry, said"
        if i < 0 or self.doc[i].sent != verb.sent or _inside(self.doc[i].idx, self.quotes) is not None:
            return None
        token = self.doc[i]
        if token.pos_ not in ("NOUN", "PROPN", "NUM", "PRON"):
            return None
        while token.head.i < verb.i and token.head.i != token.i and token.dep_ in (
            "compound", "nummod", "quantmod", "amod", "poss", "pobj", "prep", "appos", "nmod", "conj"
        ):
            if token.dep_ == "appos" and token.ent_type_ not in PLACE_ENTS and (
                token.head.dep_ == "pobj" or _inside(token.head.idx, self.quotes) is not None
            ):
                return token  # "on Dec. 2, Col. Warren, a spokesman, said": the apposition is the speaker
            if token.pos_ == "VERB" and token.dep_ == "conj":
                subject = next((c for c in token.children if c.dep_ == "nsubj" and c.i < token.i), None)
                if subject is not None:
                    return subject  # "Mr. Daniloff, now 81 and retired in Cambridge, Mass., said": the parse's verb is his
            token = token.head
        return token if token.pos_ in ("NOUN", "PROPN", "NUM", "PRON") else None

    def _inverted_speaker(self, verb: Token, quote: tuple[int, int]) -> Token | None:
        """"“…,” recalled Mr. Rhodes.": right after its quote, an inverted cue's next noun phrase is
        its speaker, even where the parser took it for the object or the subject of something else."""
        between = self.text[quote[1] : verb.idx]
        if quote[1] > verb.idx or between.strip(" ,\n\xa0" + QUOTE_CHARS) or verb.i + 1 >= len(self.doc):
            return None
        following = self.doc[verb.i + 1]
        chunk = next((c for c in self.doc.noun_chunks if c.start == following.i), None)
        if chunk is None:
            return following if _lone_name(following) else None
        if chunk.root.pos_ == "PRON" and chunk.root.lower_ not in PRONOUN_GENDER:
            return None
        return chunk.root

    def _use_quotes(self, span: tuple[int, int]) -> None:
        for q in self.quotes:
            if q.start >= span[0] - 1 and q.end <= span[1] + 1:
                q.used = True

    def _noun_report(self, noun: Token) -> None:
        """"the ministry's claim that the strike hit only depots", "his promise to rebuild the
        bridge": a report noun with its clause; whoever owns the noun made the report."""
        clause = next(
            (
                c for c in noun.rights
                if c.dep_ in ("acl", "ccomp")
                and any((x.dep_ == "mark" and x.lower_ == "that") or (x.dep_ == "aux" and x.lower_ == "to") for x in c.children)
            ),
            None,
        )
        if clause is None or _inside(noun.idx, self.quotes) is not None:
            return
        if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.i in self.cue_verbs:
            return  # "says in a statement that …": the clause is the verb's, the statement its channel
        content = self._with_open_quote(_span_of(list(clause.subtree)), noun)
        if _words(self.text[content[0] : content[1]]) < 3:
            return
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is None:
            by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")), None)
            owner = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
        if owner is None and noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.lexicon["report_voicers"]:
            # "Christie repeated accusations that …": whoever voices the report made it (not whoever
            # rejects it: "the general rejected claims that …" names no claimant)
            owner = next((c for c in noun.head.children if c.dep_ == "nsubj" and c.i < noun.i), None)
        kind = "mixed" if self._has_quote(content) else "indirect"
        mention = self._mention(owner) if owner is not None else None
        if mention is not None and _overlap(mention, content):
            owner = mention = None
        if self._add(_Candidate(kind, content, (noun.idx, noun.idx + len(noun)), owner, "indirect-noun", "speech", mention=mention)):
            self._use_quotes(content)

    def _according_to(self, according: Token, sent: Span) -> None:
        to = self.doc[according.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None) or next(
            (c for c in according.children if c.dep_ == "pobj"), None
        )
        if pobj is None:
            return
        p_start, p_end = _span_of([according, to, *pobj.subtree])
        words = [t for t in sent if not (p_start <= t.idx < p_end) and not t.is_space]
        before = [t for t in words if t.idx < p_start]
        after = [t for t in words if t.idx >= p_end]
        part = after if sum(not t.is_punct for t in after) >= sum(not t.is_punct for t in before) else before
        if sum(not t.is_punct for t in part) < 3:
            return
        start, end = self._clip(_span_of(part), according.idx)
        end = _rstrip(self.text, start, end, ".")
        kind = "mixed" if self._has_quote((start, end)) else "indirect"
        cue = (according.idx, to.idx + len(to))
        if self._add(_Candidate(kind, (start, end), cue, pobj, "according-to", "speech")):
            self._use_quotes((start, end))


def find_attributions(doc: Doc, voices: list[dict[str, Any]], reporting_verbs: dict[str, Any]) -> list[dict[str, Any]]:
    """Every attribution in a parsed Doc as plain records (spans are [start, end] character offsets)."""
    if "classes" not in reporting_verbs:
        raise ConfigError("reporting_verbs lacks its 'classes' table; load it with load_reporting_verbs()")
    missing = sorted(LEXICON_KEYS - reporting_verbs.keys())
    if missing:
        raise ConfigError(f"reporting_verbs lacks {', '.join(missing)}; start from sayso.reporting_verbs.v1")
    return _Finder(doc, voices, reporting_verbs).run()
