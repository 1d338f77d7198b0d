"""Who makes an estimative judgement: its holder, the speaker whose words hold it, or the writer.

The rules, first that applies (docs/output.md, "Assessor rules"): the named subject of a judging
verb governing the phrase (the writer's own "we" or "the IC" is the author); the speaker of the
attribution holding it, unless that attribution only cites evidence for the writer's claim ("as
demonstrated by X"); the subject of a reporting verb that cues no attribution; the source of the
quoted passage; else the author. A holder that is an unresolved pronoun, or an attribution or
quoted passage whose source is unknown, gives ``None``: an unknown assessor stays unknown. The
holder of an agentless passive ("is expected to") or of an infinitive after an empty "it" ("it is
reasonable to assume") is nobody in the text, so the phrase falls to the voice it sits in.
``Assessor`` is mixed into the finder like ``Frames``.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from sayso.attribution.grammar import possessed_participle
from sayso.estimative.syntax import after_empty_it, antecedent, char_span, holder_of, is_verb, speaker_name

PARTIES = ("PERSON", "ORG", "NORP", "GPE")  # entity types that can hold a view
OWNERS = ("ORG", "NORP", "GPE")  # those that can own a group: "its leaders", "their officials"
# Pronouns that stand for a fact or a finding, never for someone who holds a view ("some" and "they" can).
EVIDENCE_PRONOUNS = frozenset({"this", "that", "these", "those", "it", "which"})
# Determiners that say which part of a group holds a view ("some analysts", "all agencies"): kept in its name.
GROUP_QUANTIFIERS = frozenset({"some", "all", "both", "each", "many", "several", "few", "most"})
NAME_DEPS = ("compound", "amod", "nmod", "poss", "case", "nummod", "flat", "npadvmod")


class Assessor:
    """Methods mixed into the finder: ``self`` has its ``rules``, ``doc``, ``text``, ``voices``,
    ``attributions`` and ``people``."""

    rules: Any
    doc: Any
    text: str
    voices: list[dict[str, Any]]
    attributions: list[dict[str, Any]]
    people: list[dict[str, Any]]

    def assessor(self, token: Token, holder: bool = False, verbs: bool = True) -> tuple[str | None, list[int] | None]:
        """Who makes the judgement ``token`` expresses; with ``holder``, ``token`` is the judging verb
        or noun itself ("Beijing believes"), whose subject or possessor holds the judgement; without
        ``verbs``, a judging or reporting verb names nobody ("only time will tell": an idiom's verb)."""
        explicit = self.explicit_assessor(token, self.rules.judging_verbs, holder=holder) if verbs else None
        if explicit:
            return explicit
        if holder and self.unresolved_holder(token):
            return self.speaker_as_holder(token)
        start = token.idx
        containing = [
            a for a in self.attributions if a["content"][0] <= start < a["content"][1] and not self.holds_no_view(a)
        ]
        if containing:
            best = min(containing, key=lambda a: a["content"][1] - a["content"][0])
            mention = best.get("speaker_mention")
            return speaker_name(best), list(mention) if mention else None
        explicit = self.explicit_assessor(token, self.rules.reporting_verbs, outside_content=True) if verbs else None
        if explicit:
            return explicit
        for voice in self.voices:
            if voice["start"] <= start < voice["end"]:
                return ("author", None) if voice["voice"] == "author" else (voice.get("source"), None)
        return "author", None

    def explicit_assessor(
        self, token: Token, verbs: frozenset[str], outside_content: bool = False, holder: bool = False
    ) -> tuple[str | None, list[int] | None] | None:
        """The named holder of the nearest of ``verbs`` governing ``token`` within its sentence;
        ``(None, None)`` when the judgement is a fear no one in the text holds.

        With ``outside_content`` (reporting verbs, for a phrase no attribution holds), a verb that
        cues an attribution does not name the assessor: the attribution has drawn where its content
        ends, and a parse that hangs the next sentence on the verb (a footnote marker glued to the
        full stop, "launched.[3] Russian forces are likely …") must not undo that. With ``holder``,
        ``token`` is itself the judging verb or noun.
        """
        nodes = (token,) if holder else (token, *token.ancestors)
        for previous, node in zip((None, *nodes), nodes):
            if previous is not None and previous.dep_ in ("advcl", "parataxis") and not self._seen_as(node, previous):
                return None  # "X suggests Y, although Z remains unclear": Z is not in X's judgement
            if not holder and node.i == token.head.i and token.dep_ in ("advmod", "aux"):
                continue  # "Maybe X thought …": the hedge qualifies the thinking, it is not X's
            if outside_content and self._cues_attribution(node):
                return None
            if not holder and node.lemma_ in self.rules.clausal_judging and node.pos_ != "NOUN" and (previous is None or previous.dep_ != "ccomp"):
                continue  # "should worry about things that might kill them": a feeling about a thing, no judgement
            judging = holder or (node.lemma_ in verbs and is_verb(node) and not possessed_participle(node))
            # "In ISW's assessment, X is unlikely", "The Pentagon's assessment is that X will probably": the noun's holder
            judge = self._judgement_frame(node, previous) if not judging and not outside_content and not holder else None
            if judging or judge is not None:
                judge = judge if judge is not None else node
                subject = holder_of(judge) or self._fear_voiced_by(judge)
                writer = self.writers_we(judge)
                if writer is not None:
                    return "author", char_span([writer])  # "We assess that X will almost certainly …"
                if subject is not None and subject.pos_ == "PRON" and (holder or judge is not node):
                    subject = antecedent(subject) or subject
                if subject is None and judge.pos_ == "NOUN" and judge.lemma_.lower() in self.rules.lex["assessor_verbs"]["fear_nouns"]:
                    # "drives concerns that Putin might X": concerns no one in the text holds; in a quotation, the speaker's
                    return (None, None) if self._writers_own(token) else None
                if subject is None or self.infers_from(judge, subject):
                    return None  # "the scale of the campaign suggests X": evidence; the writer infers
                if subject.pos_ == "PRON":
                    return None
                tokens = [t for t in subject.subtree if t.i <= subject.i and (t.i == subject.i or t.dep_ in NAME_DEPS or t.head.dep_ in NAME_DEPS
                                                                             or _quantifies(t))]
                while tokens and tokens[0].pos_ == "DET" and not _quantifies(tokens[0]):
                    tokens.pop(0)  # "the officials"; "some analysts" is how the text names an unnamed group
                tokens = [t for t in tokens if t.i >= tokens[0].i] if tokens else [subject]
                mention = char_span(tokens)
                if self.text[mention[0] : mention[1]].lower() in self.rules.self_references:
                    return "author", mention  # "the IC assesses": the document's own judgement
                for attribution in self.attributions:
                    spoken = attribution.get("speaker_mention")
                    if spoken and spoken[0] < mention[1] and mention[0] < spoken[1] and speaker_name(attribution):
                        return speaker_name(attribution), mention
                for person in self.people:  # "Kim believes": the full name the document uses for him
                    if any(m[0] <= mention[0] and mention[1] <= m[1] for m in person["mentions"]):
                        return person["name"], mention
                return self.owner_named(tokens) or self.text[mention[0] : mention[1]], mention
        return None

    def owner_named(self, tokens: list[Token]) -> str | None:
        """"its leaders" where "its" stands for China: "China's leaders", so the holder is named
        (and ``identity.holders`` makes it "Chinese leadership"). Only an organisation, country or
        nationality the pronoun unambiguously stands for; None otherwise."""
        pronoun = tokens[0]
        if pronoun.tag_ != "PRP$" or pronoun.lower_ not in ("its", "their") or len(tokens) < 2:
            return None
        party = antecedent(pronoun)
        entity = next((e for e in self.doc.ents if e.start <= party.i < e.end), None) if party is not None else None
        if entity is None or entity.label_ not in OWNERS:
            return None
        owner = self.text[slice(*char_span(t for t in entity if t.dep_ != "det" and t.tag_ != "POS"))]
        group = self.text[tokens[1].idx : tokens[-1].idx + len(tokens[-1])]
        return f"{owner}' {group}" if owner.endswith("s") else f"{owner}'s {group}"  # "the Iranians' leaders"

    def speaker_as_holder(self, node: Token) -> tuple[str | None, list[int] | None]:
        """"The minister said that she believes X": "she" inside a person's reported speech is that
        person. Any other unresolved pronoun holder stays unknown."""
        subject = holder_of(node)
        if subject is None or subject.lower_ not in ("he", "she"):
            return None, None
        for attribution in self.attributions:
            if attribution["content"][0] <= node.idx < attribution["content"][1] and attribution.get("speaker_type") == "PERSON":
                return attribution.get("speaker_name"), None
        return None, None

    def writers_we(self, node: Token) -> Token | None:
        """The "we" holding the judgement ``node`` expresses ("We expect", "what we judge"), outside
        every quoted passage: the writer's own self-reference. None otherwise."""
        subject = node if node.lower_ in self.rules.self_references else holder_of(node)
        quoted = any(v["voice"] != "author" and v["start"] <= node.idx < v["end"] for v in self.voices) or any(
            a["kind"] in ("direct", "mixed") and a["content"][0] <= node.idx < a["content"][1] for a in self.attributions
        )
        return subject if subject is not None and subject.lower_ in self.rules.self_references and not quoted else None

    def unresolved_holder(self, node: Token) -> bool:
        """A judgement held by "it", "they" or "he": someone the text named earlier, not the author."""
        subject = holder_of(node)
        return (
            subject is not None and subject.pos_ == "PRON" and subject.lower_ not in self.rules.self_references
            and antecedent(subject) is None and not self.infers_from(node, subject)
        )

    def infers_from(self, verb: Token, subject: Token) -> bool:
        """"The scale of the campaign suggests X", "This implies X": the subject of an inferential
        verb that is no party (a noun) or stands for a fact (a pronoun) is evidence, and the
        writer draws the inference."""
        if verb.lemma_ not in self.rules.inferential:
            return False
        return subject.lower_ in EVIDENCE_PRONOUNS if subject.pos_ == "PRON" else subject.ent_type_ not in PARTIES

    def holds_no_view(self, attribution: dict[str, Any]) -> bool:
        """An attribution whose cue no one in the text speaks holds no judgement: evidence cited for
        the writer's own claim ("X is probably Y, as demonstrated by Z": a passive evidential with
        its "by" agent; "This suggests that X": an inferential verb whose subject is evidence), or
        an infinitive after an empty "it" ("it is safe to conclude that X"). Speech and belief keep
        their speaker, known or not."""
        cue = attribution.get("cue")
        span = self.doc.char_span(*cue, alignment_mode="expand") if cue else None
        if span is None:
            return False
        verb = span.root
        if after_empty_it(verb) or (verb.lemma_ in self.rules.evidential and any(c.dep_ == "agent" for c in verb.children)):
            return True
        subject = holder_of(verb)
        return subject is not None and subject.pos_ == "PRON" and self.infers_from(verb, subject)

    def _judgement_frame(self, node: Token, previous: Token | None) -> Token | None:
        """The judgement noun whose frame holds the clause ``node`` heads: "In ISW's assessment, X"
        (a prepositional frame before the clause) or "Our assessment is that X" (the noun as the
        subject of a copula whose complement is X); None for any other node."""
        nouns = self.rules.lex["judgement"]["nouns"]
        for prep in (c for c in node.children if c.dep_ == "prep" and c.lower_ == "in" and c.i < node.i):
            noun = next((g for g in prep.children if g.dep_ == "pobj" and g.lemma_.lower() in nouns), None)
            if noun is not None and any(c.dep_ == "poss" for c in noun.children):
                return noun
        fears = self.rules.lex["assessor_verbs"]["fear_nouns"]
        if previous is not None and node.lemma_.lower() in fears and node.pos_ == "NOUN" and previous.dep_ in ("acl", "relcl") \
                and any(c.lower_ == "that" and c.dep_ == "mark" for c in previous.children):
            return node  # "fears that the conflict could spread": the fear's holder hedges
        if previous is not None and node.lemma_ == "be" and previous.dep_ == "ccomp":
            return next((c for c in node.children if c.dep_ == "nsubj" and c.lemma_.lower() in nouns), None)
        return None

    def _fear_voiced_by(self, noun: Token) -> Token | None:
        """"Byrne expressed concern that X": who expresses, voices or has a fear holds it."""
        spec = self.rules.lex["assessor_verbs"]
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in spec["fear_nouns"]:
            return None
        if noun.dep_ != "dobj" or noun.head.lemma_ not in spec["fear_verbs"]:
            return None
        return holder_of(noun.head)

    def _writers_own(self, token: Token) -> bool:
        """Whether ``token`` sits in the writer's voice, in no attribution's content."""
        start = token.idx
        if any(a["content"][0] <= start < a["content"][1] for a in self.attributions):
            return False
        return not any(v["voice"] != "author" and v["start"] <= start < v["end"] for v in self.voices)

    def _seen_as(self, verb: Token, clause: Token) -> bool:
        """"Markets see a cut as more likely than not": the "as" clause is what the verb judges."""
        return verb.lemma_ in self.rules.lex["assessor_verbs"]["as_verbs"] and any(c.lower_ == "as" for c in clause.children)

    def _cues_attribution(self, verb: Token) -> bool:
        return any(a.get("cue") and a["cue"][0] <= verb.idx < a["cue"][1] for a in self.attributions)


def _quantifies(token: Token) -> bool:
    """A determiner that says which part of a group holds a view ("some analysts"), not a number's
    approximator ("some 56 percent")."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.dep_ == "det" and token.lower_ in GROUP_QUANTIFIERS and not (following is not None and following.like_num)
