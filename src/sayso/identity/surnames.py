"""Credits to a surname that two people in one article may share, checked before the resolver reads them.

Attribution credits "Johnson" or "Mr Mitchell" to one full name; where the article names two people
with that surname, or a man and a woman with it, that credit can join two real people. These
checks keep them apart: a surname is the one just credited by full name, or the one its own
apposition describes, or no one; an honorific of the other gender is never the same person.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from spacy.tokens import Span

from sayso.identity.mentions import mention_span, written_name
from sayso.identity.names import SUFFIXES, is_acronym, person_name

FEMALE_WORDS = {"ms", "mrs", "miss", "madam", "dame", "lady", "spokeswoman", "chairwoman", "congresswoman",
                "businesswoman", "mother", "wife", "daughter", "sister", "queen", "princess"}
MALE_WORDS = {"mr", "sir", "lord", "spokesman", "chairman", "congressman", "businessman", "father",
              "husband", "son", "brother", "king", "prince"}
GENDER_WORDS = frozenset(FEMALE_WORDS | MALE_WORDS)
# How many sentences back a surname two people share still means the one last credited.
RECENT = 3


def gender_of(words: Iterable[str]) -> str | None:
    found = {"f" for w in words if w in FEMALE_WORDS} | {"m" for w in words if w in MALE_WORDS}
    return found.pop() if len(found) == 1 else None


def _initials(name: str) -> str | None:
    """A full name's initials, each part of a double-barrelled surname counted ("Alexandria
    Ocasio-Cortez" → "AOC", "John F. Kennedy" → "JFK"); None for a single name."""
    words = [w for w in re.split(r"[\s-]+", name) if w[:1].isupper() and w.strip(".").casefold() not in SUFFIXES]
    return "".join(w[0] for w in words) if len(words) > 1 else None


def _other_genders(one: str | None, other: str | None) -> bool:
    """Two names whose honorifics say two people ("Ms Mitchell", "Mr Mitchell")."""
    a, b = person_name(one or ""), person_name(other or "")
    return a is not None and b is not None and None not in (a.gender, b.gender) and a.gender != b.gender


class SurnameCredits:
    """The surname checks of ``sayso.identity.resolution.Resolver``, which holds the article's
    ``doc``, entities, full names and candidates they read."""

    def _credited_full_names(self, attributions: list[dict[str, Any]]) -> None:
        """A full name a named mention is credited with is one the article gives, though the tagger
        took only its surname for a person ("Dmitry Peskov, the Kremlin spokesman" tagged "Peskov"):
        a surname no tagged full name has joins it."""
        for a in attributions:
            name, mention = a.get("speaker_name"), a.get("speaker_mention")
            words = (name or "").split()
            if a.get("speaker_type") != "PERSON" or len(words) < 2 or not mention or not self.is_named(tuple(mention)):
                continue
            if words[-1] not in self._names.surnames and words[0].lower() not in GENDER_WORDS:
                self._names.surnames[words[-1]] = {name}

    def _label_person(self, label: str) -> str | None:
        """The one person the article names in full with a transcript label's surname ("KIM", "MS.
        RAYNER", "Sen. Warren"), of the gender its honorific gives; two of them, or none: None.
        Words before the surname must be honorifics or short titles ("SEN.", "GEN."), so that
        "Editor's note" or "THE COURT" name no one."""
        words = label.split()
        if not words or not words[-1].strip(".").isalpha() or any(
                w.lower().rstrip(".") not in GENDER_WORDS and not w.endswith(".") for w in words[:-1]):
            return None
        surname, gender = words[-1].strip(".").casefold(), gender_of(w.lower().rstrip(".") for w in words[:-1])
        people = [c for c in self.candidates.values() if c.type == "PERSON" and len(c.name.split()) > 1
                  and c.name.split()[-1].casefold() == surname and (gender is None or c.gender in (None, gender))]
        if not people and len(words) == 1 and is_acronym(label):  # "AOC": Alexandria Ocasio-Cortez's initials
            people = [c for c in self.candidates.values() if c.type == "PERSON" and _initials(c.name) == label]
        if len({(c.name.split()[0], c.name.split()[-1]) for c in people}) != 1:
            return None
        return max((c.name for c in people), key=lambda n: (len(n), n))

    def _labelled(self, a: dict[str, Any]) -> dict[str, Any]:
        """A paragraph's speaker label ("KIM: …", "MR. HALVORSEN: …") credits the one person the
        article names in full with its surname ("Anna Kim"), as the "I" inside it is; else the
        surname as the article spells it ("Kim"), since a label's capitals are typography, not the
        name, and "KIM" would stand apart from "Kim" in the corpus. A body's label stays as written;
        a label attribution could not name (the tagger's "AUSTIN" is a number) gets only a full name."""
        mention, name = a.get("speaker_mention"), a.get("speaker_name")
        text = self.doc.text
        if not mention or not text.startswith(":", mention[1]) \
                or text[text.rfind("\n", 0, mention[0]) + 1 : mention[0]].strip(" \t\"'“‘"):
            return a
        label = text[mention[0] : mention[1]]
        person = self._label_person(label)
        if person is not None:
            org = None if (a.get("speaker_org") or "").casefold() == (name or "").casefold() else a.get("speaker_org")
            return {**a, "speaker_name": person, "speaker_type": "PERSON", "speaker_org": org}
        surname = label.split()[-1].strip(".")
        if a.get("speaker_type") != "PERSON" or not name or name.casefold() != surname.casefold() or not name.isupper():
            return a
        spelled = (m.group() for m in re.finditer(rf"\b{re.escape(surname)}\b", text, re.IGNORECASE))
        return {**a, "speaker_name": next((w for w in spelled if w[0].isupper() and not w.isupper()), surname.capitalize())}

    def _latest_speakers(self, attributions: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """A surname alone that two people share is the one just credited by full name: "Jeh Johnson
        says …. Johnson tells MSNBC" is not the article's other, more quoted Johnson."""
        out = list(attributions)
        credited: dict[str, tuple[int, str]] = {}  # surname -> (sentence, full name) of its latest full-name credit
        for i in sorted(range(len(out)), key=lambda i: (out[i].get("speaker_mention") or [-1])[0]):
            a, name = out[i], out[i].get("speaker_name")
            span = mention_span(self.doc, a.get("speaker_mention"))
            if span is None or a.get("speaker_type") != "PERSON" or not name:
                continue
            words = [w for w in written_name(span, self._ents) if w.lower() not in GENDER_WORDS]
            here = self._sentence(span.start_char)
            if len(words) > 1 and words[-1] == name.split()[-1]:
                credited[words[-1]] = (here, name)
            elif len(words) == 1 and len({n.split()[0] for n in self._names.surnames.get(words[0], ())}) > 1:
                latest = credited.get(words[0])
                if latest is not None and here - latest[0] <= RECENT and latest[1] != name \
                        and not _other_genders(latest[1], name):
                    out[i] = {**a, "speaker_name": latest[1]}
                described = self._described_as(span, self._names.surnames[words[0]], out[i]["speaker_name"])
                if described != out[i]["speaker_name"]:
                    out[i] = {**out[i], "speaker_name": described, "speaker_type": "PERSON" if described else None}
                credited[words[0]] = (here, out[i]["speaker_name"])  # "Johnson … Johnson": still him
        return out

    def _described_as(self, span: Span, fulls: set[str], credited: str | None) -> str | None:
        """A shared surname that its own apposition describes ("Johnson, the former prime minister")
        is the one full name whose titles have that head noun; none of them, and the credited
        name's titles have another ("the speaker of the House"): no one, rather than a guess."""
        heads = {c.lemma_.lower() for c in span.root.children
                 if c.dep_ == "appos" and c.pos_ == "NOUN" and span.start <= c.i < span.end}
        if not heads:
            return credited
        known = {full: self.candidates[full].heads for full in fulls if full in self.candidates}
        fitting = [full for full, own in known.items() if own & heads]
        if len(fitting) == 1:
            return fitting[0]
        if not fitting and credited in known and known[credited]:
            return None
        return credited

    def _honorific_at(self, a: dict[str, Any]) -> tuple[str, str] | None:
        """``(honorific, surname)`` of a person mention written as a surname after an honorific ("Mr Mitchell")."""
        span = mention_span(self.doc, a.get("speaker_mention"))
        if span is None or a.get("speaker_type") != "PERSON" or not a.get("speaker_name") or span.root.i == 0:
            return None
        words = [w for w in written_name(span, self._ents) if w.lower() not in GENDER_WORDS]
        before = self.doc[span.root.i - 1]
        if len(words) != 1 or gender_of([before.lower_.rstrip(".")]) is None or not self.is_named(a["speaker_mention"]):
            return None
        return before.text, words[0]

    def _apart_by_honorific(self, attributions: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """"Ms Mitchell said …. Mr Mitchell said …" credited to one name are two people: each is
        credited to its own honorific and surname, since the text does not say which is the full name."""
        genders: dict[str, set[str | None]] = {}
        for a in attributions:
            if (found := self._honorific_at(a)) is not None:
                genders.setdefault(a["speaker_name"], set()).add(gender_of([found[0].lower().rstrip(".")]))
        mixed = {name for name, said in genders.items() if len(said) > 1}
        out = []
        for a in attributions:
            found = self._honorific_at(a) if a.get("speaker_name") in mixed else None
            out.append({**a, "speaker_name": f"{found[0]} {found[1]}"} if found else a)
        return out

    def _agreeing(self, a: dict[str, Any]) -> dict[str, Any]:
        """A surname mention credited to a name of the other gender ("Mr. Obama" to "Michelle Obama",
        "Mr Mitchell" to "Ms Mitchell") is credited to the full name of its gender, else to the
        surname alone, with its own honorific where it has one, so that the corpus keeps the two apart."""
        credited = a.get("speaker_name")
        span = mention_span(self.doc, a.get("speaker_mention"))
        if span is None or a.get("speaker_type") != "PERSON" or not credited or not self.is_named(a["speaker_mention"]):
            return a
        words = [w for w in written_name(span, self._ents) if w.lower() not in GENDER_WORDS]
        parsed = person_name(credited)
        credited_gender = self._names.genders.get(credited) or (parsed.gender if parsed else None)
        if len(words) != 1 or credited_gender is None:
            return a
        before = self.doc[max(span.root.i - 1, 0) : span.root.i]
        honorific = gender_of(t.lower_.rstrip(".") for t in before)
        gender = self._surname_gender(words[0], honorific)
        if gender is None or gender == credited_gender:
            return a
        named = self._names(words[0], gender)
        if honorific is not None and named == words[0]:
            named = f"{before.text} {named}"
        return {**a, "speaker_name": named}
