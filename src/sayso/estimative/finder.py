"""Estimative statements: the phrase, its negation and intensifiers, the proposition, the assessor, a probability.

``find_assessments`` is pure: it reads a parsed Doc (token lemmas, tags and dependencies) and the
voices and attributions other components found, and returns plain records. Word lists live in
``data/estimative.json`` (v1); probabilities come from the calibration table.

Decisions (see also ``calibration.PROVENANCE.md``):

* Probabilities always describe the proposition stated positively, and a negation in scope sets
  ``negated``. A negation over the phrase ("not likely", "not very likely") turns it into its
  denial; one inside the proposition, after the phrase ("likely … will not", "will very likely
  not", "unlikely that X will not"), into its mirror, the complementary probability ("very
  unlikely", "likely"). Both at once compose ("not likely … not": likely).
* "remain", "seem" and the like keep the band; they are recorded in ``modifiers``.
* Every record has a ``category`` (wep, assess-verb, modal, uncertainty, comparative). A band and
  probability come from the scale only where it defines the phrase: on the standard scales a WEP;
  on ``readers`` every phrase a survey asked about. The rest carry ``band = None``.
* A word conceded beside another ("possible, though unlikely, that X") qualifies the same clause;
  "there is a possibility / a chance that X" is a modal hedge like "there is potential for X"
  (a risk is not a likelihood, and "a 50% chance" is a stated number, not a hedge).
* Attributive "likely" ("the likely successor") is estimative and is kept (rule ``word-attributive``),
  except before a noun for a kind of person ("likely voters"); attributive "unlikely" only before an
  eventuality ("an unlikely scenario"; "an unlikely alliance" is a surprise); "probable cause" with
  no determiner is the legal term.
* A denied doubt ("undoubtedly", "will no doubt", "there is no doubt that X") states certainty, which
  the standards' top band holds: graded as "almost certainly", as are "X is certain / sure to Y" and
  "it is certain that X" (only so: "a certain level", "make sure"); "there is little doubt that X" and
  "no expectation that X" deny a judgement noun (negated).
* Modal hedges "may/might/could" are kept (category modal), except the month "May" (not a modal
  tag), "could not" (past inability), perception heads ("could see"), modals in condition,
  purpose, time or question clauses ("if they could", "so that they may", "how X could"),
  counterfactual "could have been" or a modal perfect under a past-perfect condition ("Had X, Y
  might have been"), the option "could be donated", a concessive "may … but" and a
  wish ("May God bless America").
* One proposition, one assessment: a hedge on a clause a record already qualifies ("could
  possibly", "a remote chance that X may") joins that record's ``modifiers``.
* Judgement verbs and nouns, uncertainty, likelihood shifts, "seem/appear" and "potential" are
  ``frames``; negated capacity, threat denials, odds predicates and "cannot rule out" are
  ``indirect``; uses of the words that estimate nothing ("likely voters", "the worst possible
  moment", past-ability "could") are ``senses``. An assessment verb over a likelihood word gives
  two records: the verb names the judgement and its holder, the word carries the band.
* Questions assert nothing ("Could the army hold?", also before a closing quote or a footnote
  marker) and are skipped, but a verbless answer grades them ("Will she run? Probably not.": the
  question is its proposition); so is idiomatic "as soon as possible", and "possible" saying what can
  be rather than what may be true ("possible to infer", "the worst possible moment", "every
  possible resource", "made possible by").
* "could" narrating the past is ability, not a hedge: with "only/barely/hardly" or a past-time
  marker ("last year", "ago", a year before publication) it is skipped; so are modals in a wish.
* Confidence statements ("with high confidence") go to confidences, never to assessments; a bare
  "low confidence in X" with no assessing verb or "with" is not one.
* Assessor: for an assessment verb or noun, its holder (subject, possessor, agent; a self-reference
  such as "we" or "the IC" is the author; "it"/"they" the agreeing main subject, or opening a
  sentence the one agreeing subject of the sentence before, else unknown; "its leaders" the
  organisation or country "its" stands for).
  Otherwise the non-pronoun subject of an assessing verb governing the phrase in its sentence, else
  the speaker of the attribution whose content holds it (its organisation when an organisation
  speaker has no name), else the subject of a reporting verb that cues no attribution, else the
  source of the quoted passage holding it, else "author" when it sits in the author's voice
  (``estimative.assessor``). A quoted passage or attribution whose source is unknown gives ``None``,
  never a guess. The name found is then the holder's
  identity in the article (``identity.holders``): "Kim" → "Kim Jong Un", "Beijing believes" → China.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from sayso.calibration import READERS, Table
from sayso.data import load_json
from sayso.doctext import text_of
from sayso.errors import ConfigError
from sayso.estimative.assessor import Assessor
from sayso.estimative.frames import Frames
from sayso.estimative.indirect import Indirect
from sayso.estimative.patterns import WordPatterns
from sayso.estimative.senses import Senses
from sayso.estimative.syntax import (
    SUBJECTS,
    char_span,
    clausal_complement,
    clause_tokens,
    contiguous,
    in_quoted_title,
    introduces,
    is_negated,
    negation_words,
    sentence_span,
    that_clause,
)
from sayso.identity.holders import Holders

LEXICON_FILE = "estimative.json"
# Marks that concede a likelihood word beside another judgement: "possible, though unlikely"
_CONCESSIVE = ("though", "although", "albeit")  # not "if": "if (financially) possible" is a condition
# A question mark ending a sentence, before any closing quotes, brackets or footnote markers.
_QUESTION_END = re.compile(r"\?(?:[\s\"'\u201d\u2019\u00bb)\]]|\[\d{1,3}\])*$")


@dataclass(frozen=True, slots=True)
class Found:
    """What ``find_assessments`` returns: plain records ready for ``doc._``."""

    assessments: list[dict[str, Any]] = field(default_factory=list)
    confidences: list[dict[str, Any]] = field(default_factory=list)


@functools.lru_cache(maxsize=1)
def load_lexicon() -> dict[str, Any]:
    """The estimative word lists (``data/estimative.json``, version 1)."""
    return load_json(LEXICON_FILE, version=1)


def canonical_phrases(lexicon: dict[str, Any]) -> set[str]:
    """Every canonical phrase the lexicon can produce (each must be in the calibration table)."""
    lex = lexicon
    names = {*lex["words"].values(), *lex["phrases"].values(), *lex["modals"].values()}
    names |= set(lex["intensified"].values())
    names |= {v for key in ("negated", "mirrored") for k, v in lex[key].items() if k != "about"}
    names |= {lex["capacity"]["afford"], lex["capacity"]["canonical"], lex["threat"]["flat"], lex["threat"]["hedged"]}
    names |= {lex["rule_out"]["canonical"], lex["rule_out"]["all_but"]}
    names |= {*lex["odds"]["predicates"].values(), lex["odds"]["are"]}
    return names


class _Rules:
    """The lexicon compiled against one vocabulary: matchers plus lookup sets."""

    def __init__(self, vocab: Vocab, lexicon: dict[str, Any]) -> None:
        lex = lexicon
        self.lex = lex
        self.words: dict[str, str] = lex["words"]
        self.phrases: dict[str, str] = lex["phrases"]
        self.modals: dict[str, str] = lex["modals"]
        self.intensifiers: dict[str, str] = lex["intensifiers"]
        self.negations = frozenset(lex["negations"])
        self.persist_verbs = frozenset(lex["persistence"]["verbs"])
        self.persist_adverbs = frozenset(lex["persistence"]["adverbs"])
        self.judging_verbs = frozenset(lex["assessor_verbs"]["judging"])
        self.clausal_judging = frozenset(lex["assessor_verbs"]["clausal"])
        self.reporting_verbs = frozenset(lex["assessor_verbs"]["reporting"])
        self.self_references = frozenset(lex["self_references"])
        self.inferential = frozenset(lex["judgement"]["inferential"])
        self.evidential = frozenset(lex["assessor_verbs"]["evidential"])
        self.phrase_matcher = PhraseMatcher(vocab, attr="LOWER")
        self.phrase_matcher.add("PHRASE", [Doc(vocab, words=re.findall(r"\w+|[^\w\s]", p)) for p in self.phrases])
        self.word_patterns = WordPatterns(lex)


_RULES: dict[int, tuple[Vocab, _Rules]] = {}


def _rules(vocab: Vocab, table: Table) -> _Rules:
    """The compiled rules for this vocabulary, built once; checks the lexicon against the table."""
    cached = _RULES.get(id(vocab))
    if cached is None or cached[0] is not vocab:
        lexicon = load_lexicon()
        missing = sorted(p for p in canonical_phrases(lexicon) if p not in table)
        if missing:
            raise ConfigError(f"{LEXICON_FILE}: phrases not in the calibration table: {', '.join(missing)}")
        cached = (vocab, _Rules(vocab, lexicon))
        _RULES[id(vocab)] = cached
    return cached[1]


# ---- the finder ----------------------------------------------------------------------------------


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The offsets ``spans`` cover, as spans apart in text order: whether a word lies in one is
    then a bisection, where a scan of every passage per word is quadratic in a long article."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


class _Finder(Frames, Indirect, Assessor, Senses):
    def __init__(self, doc: Doc, rules: _Rules, table: Table, scale: str, voices: list[dict], attributions: list[dict]):
        self.doc, self.rules, self.table, self.scale = doc, rules, table, scale
        self.text = text_of(doc)
        self.voices, self.attributions = voices, attributions
        self._passages = _union([(v["start"], v["end"]) for v in voices])  # ``in_text`` bisects them
        self.used: set[int] = set()
        self.qualified: set[int] = set()  # clause heads a likelihood word or hedge already qualifies
        self.judged: dict[int, dict[str, Any]] = {}  # clause head -> the record that qualifies it
        self._questions: dict[int, bool] = {}  # sentence start -> the sentence is a question
        entities = doc._.get("sayso_entities") if Doc.has_extension("sayso_entities") else None
        self.people = [e for e in entities or () if e.get("type") == "PERSON"]
        self.assessments: list[dict[str, Any]] = []
        self.confidences: list[dict[str, Any]] = []

    # records

    def emit(
        self,
        phrase_tokens: list[Token],
        canonical: str,
        negation: Token | None,
        proposition: list[int] | None,
        modifiers: list[str],
        rule: str,
        extra_negated: bool = False,
        category: str = "wep",
        direction: str | None = None,
    ) -> dict[str, Any]:
        negated = negation is not None or extra_negated
        if negation is not None:  # "not likely": the phrase denied
            canonical = self.rules.lex["negated"].get(canonical, canonical)
        if extra_negated:  # "unlikely that X will not": X has the mirror's probability
            canonical = self.rules.lex["mirrored"].get(canonical, canonical)
        band, probability = self.number(canonical, category)
        phrase = char_span(phrase_tokens)
        holder = category == "assess-verb"
        assessor, mention = self.assessor(phrase_tokens[0] if holder else _root(phrase_tokens), holder=holder)
        self.used.update(t.i for t in phrase_tokens)
        record = {
            "phrase": phrase,
            "sentence": sentence_span(phrase_tokens[0]),
            "proposition": proposition,
            "band": band,
            "probability": probability,
            "scale": self.scale,
            "canonical": canonical,
            "category": category,
            "assessor": assessor,
            "assessor_mention": mention,
            "negated": negated,
            "modifiers": modifiers,
            "rule": rule,
            "confidence": None,
            "direction": direction,
        }
        self.assessments.append(record)
        return record

    def number(self, canonical: str, category: str) -> tuple[str | None, dict[str, float] | None]:
        """The band and probability the chosen scale defines for a phrase, else none.

        The standard scales (ICD 203, PHIA, NATO) grade likelihood terms only: a modal, an
        assessment verb, an uncertainty statement or a comparative gets no number from them. The
        readers' scale gives every phrase the surveys asked about, modals included.
        """
        if canonical not in self.table:
            return None, None
        entry = self.table.lookup(canonical, self.scale)
        if category == "wep" or (self.scale == READERS and entry.surveyed):
            return entry.band, entry.probability()
        return None, None

    def qualify(self, head: Token, record: dict[str, Any]) -> None:
        """Remember that ``record`` qualifies the clause ``head`` heads, for hedges stacked on it."""
        self.judged.setdefault(head.i, record)

    def stack(self, head: Token, hedge: list[Token]) -> bool:
        """A hedge on a clause another judgement already qualifies ("could possibly", "a remote
        chance that X may") is one assessment: the hedge joins that record's modifiers."""
        record = self.judged.get(head.i)
        if record is None:
            return False
        record["modifiers"] = [*record["modifiers"], " ".join(t.lower_ for t in hedge)]
        self.used.update(t.i for t in hedge)
        return True

    # rules

    def in_text(self, token: Token) -> bool:
        """False for questions (no assessment is made), quoted titles ("Why a War Is Unlikely") and,
        when passages are known, boilerplate."""
        if self.rules.lex["skip_questions"] and self._is_question(token.sent):
            return False
        if in_quoted_title(token):
            return False
        if not self.voices:
            return True
        i = bisect.bisect_right(self._passages, (token.idx, float("inf"))) - 1
        return i >= 0 and token.idx < self._passages[i][1]

    def _is_question(self, sent: Span) -> bool:
        """Whether the sentence ends in a question mark; read once per sentence, off the Doc's text."""
        asked = self._questions.get(sent.start)
        if asked is None:
            asked = self._questions[sent.start] = bool(_QUESTION_END.search(self.text[sent.start_char : sent.end_char]))
        return asked

    def intensify(self, core: Token, canonical: str) -> tuple[str, list[Token], list[str]]:
        """Intensifier adverbs right before the core word: the intensified canonical phrase."""
        extra, modifiers = [], []
        for child in core.lefts:
            key = self.rules.intensifiers.get(child.lower_)
            if key and child.dep_ == "advmod" and core.i - child.i <= 2:
                combined = self.rules.lex["intensified"].get(f"{key} {canonical}")
                if combined:
                    canonical = combined
                    extra.append(child)
                    modifiers.append(child.lower_)
        return canonical, extra, modifiers

    def word(self, core: Token) -> None:
        rules = self.rules
        if core.pos_ == "PROPN" or core.ent_type_ in ("WORK_OF_ART", "ORG", "EVENT", "LAW"):
            return
        if core.lower_ in rules.lex["predicative_only"]["words"] and self.not_predicated(core):
            return  # "less certain", "a certain level": not graded here
        degree = next((c for c in core.lefts if c.lower_ in rules.lex["comparatives"] and c.dep_ == "advmod"), None)
        superlative = degree is not None and degree.lower_ in ("most", "least")
        if superlative and core.dep_ != "amod" and not (degree.i > 0 and self.doc[degree.i - 1].lower_ == "the"):
            degree = None  # "will most likely attack": an intensified likelihood, not a comparison
        if degree is not None:
            direction = rules.lex["comparative_directions"].get(degree.lower_)
            if direction is not None:
                self.comparative_word(core, degree, direction)
            return
        if core.i > 0 and self.doc[core.i - 1].lower_ in rules.lex["not_after"].get(core.lower_, ()):
            return
        if core.lower_ in rules.lex["feasibility"] and self.feasibility(core):
            return
        canonical, phrase, modifiers = self.intensify(core, rules.words[core.lower_])
        phrase.append(core)
        first = _first_conjunct(core)  # "possible but unlikely": the second word qualifies what the first does
        head = first.head
        negation = None
        extra_negated = False
        rule = "word"
        complement = None
        small_clause = first.pos_ == "ADJ" and first.dep_ in ("ROOT", "ccomp", "xcomp")  # "considers X unlikely"
        # "It is possible, though unlikely, that X": a conceded word qualifies the clause it hangs on
        conceded = first.pos_ == "ADJ" and first.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in _CONCESSIVE for c in first.children)
        if first.dep_ in ("acomp", "attr", "oprd") or small_clause or conceded:
            clause_head = first if small_clause else head
            negation = is_negated(core, rules.negations) or (None if conceded else is_negated(clause_head, rules.negations))
            if clause_head.lemma_ in rules.persist_verbs and clause_head.i < core.i and first is core:
                phrase.append(clause_head)
                modifiers.insert(0, clause_head.lower_)
            complement = clausal_complement(core) or (clausal_complement(clause_head) if clause_head.i != core.i else None)
            if complement is not None:
                extra_negated = is_negated(complement, rules.negations) is not None
                if complement.dep_ == "ccomp":
                    proposition = contiguous(clause_tokens(complement))
                else:
                    subject = next((c for c in clause_head.children if c.dep_ in SUBJECTS), None)
                    tokens = [*(subject.subtree if subject is not None and subject.i < core.i else [core]), *complement.subtree]
                    proposition = char_span(tokens)
            else:
                proposition = contiguous(clause_tokens(clause_head))
        elif first.dep_ == "amod":
            if self.describes(core, head):
                return
            rule = "word-attributive"
            negation = is_negated(core, rules.negations)
            proposition = contiguous(clause_tokens(head))
        elif core.dep_ == "advmod" and head.pos_ in ("VERB", "AUX", "ADJ", "ADP", "NOUN"):
            negation = is_negated(core, rules.negations) or is_negated(head, rules.negations) or self.denied_object(head)
            if negation is not None and negation.i > core.i:  # "will very likely not attack": the proposition's
                if negation.i == core.i + 1:
                    phrase += negation_words(negation)
                negation, extra_negated = None, True
            proposition = contiguous(clause_tokens(head))
        elif self.answers(core) is not None:  # "Will she run again? Probably not.": the answer grades the question
            question = self.answers(core)
            negation = next((t for t in core.sent if t.i == core.i + 1 and t.lower_ in rules.negations), None)
            if negation is not None:
                phrase.append(negation)
            proposition = contiguous([t for t in question if not t.is_punct or t.i < question[-1].i])
        else:
            return
        if negation is not None and negation.i < core.i:
            words = negation_words(negation)
            if abs(words[-1].i - min(t.i for t in phrase)) <= 1:
                phrase += words
        # "is still likely", "increasingly likely": on the clause or on the word itself
        modifiers += [c.lower_ for c in (*head.children, *core.children) if c.lower_ in rules.persist_adverbs and c.dep_ == "advmod"]
        self.qualified.add(head.i)
        category = "modal" if canonical in rules.lex["modal_words"] else "wep"
        if category == "modal" and self.stack(head, phrase):
            return
        record = self.emit(phrase, canonical, negation, proposition, modifiers, rule, extra_negated, category)
        for qualified in (head, complement):
            if qualified is not None:
                self.qualify(qualified, record)

    def answers(self, core: Token) -> Span | None:
        """The question a verbless answer ("Probably not.", "Maybe.") grades: the sentence before
        it, when that one asks; None for any other word."""
        sentence = core.sent
        if sentence.start == 0 or any(t.pos_ in ("VERB", "AUX") for t in sentence):
            return None
        before = self.doc[sentence.start - 1].sent
        return before if self._is_question(before) else None

    def denied_object(self, verb: Token) -> Token | None:
        """"has no intention of X", "sees no reason to X": "no" on the object of a light verb denies
        the predicate, so a likelihood word on it describes the negated proposition."""
        if verb.lemma_ not in self.rules.lex["light_verbs"]:
            return None
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        return next((c for c in obj.children if c.dep_ == "det" and c.lower_ == "no"), None) if obj is not None else None

    def comparative_word(self, core: Token, degree: Token, direction: str) -> None:
        """"more likely", "less likely", "the most likely scenario": a relative likelihood, no band."""
        head = core.head if core.dep_ in ("acomp", "attr", "advmod", "amod", "oprd") else core
        clause = clausal_complement(core) or (clausal_complement(head) if head.i != core.i else None)
        proposition = contiguous(clause_tokens(clause if clause is not None else head))
        canonical = f"{degree.lower_} {core.lower_}"
        # "is not more likely", "no more likely"; not a contrast after it ("less likely, not more")
        negation = is_negated(degree, self.rules.negations) or is_negated(head, self.rules.negations)
        if negation is not None and negation.i > degree.i:
            negation = None
        phrase = [degree, core, *([negation] if negation is not None and negation.i == degree.i - 1 else [])]
        self.emit(phrase, canonical, negation, proposition, [], "comparative", category="comparative", direction=direction)

    def phrase(self, span: Span) -> None:
        rules = self.rules
        canonical = rules.phrases[span.text.lower()]
        root = span.root
        if span.text.lower() in rules.lex["predicate_phrases"]["phrases"] and root.dep_ not in ("attr", "acomp", "oprd"):
            return  # "the coin toss before kick-off": the thing, not the odds
        if span.text.lower() in rules.lex["wagers"]["phrases"] and self.recommends(root):
            return  # "a black leotard is a safe bet": a choice recommended
        chance = rules.lex["opportunity"]
        if root.lemma_ in chance["nouns"] and root.dep_ in ("dobj", "nsubjpass") and root.head.lemma_ in chance["verbs"]:
            return  # "missed a good chance to equalise": an opportunity
        # the clause the phrase qualifies: "in all likelihood" is a prepositional phrase on it
        head = root.head if root.head.i != root.i and root.dep_ in ("advmod", "acomp", "attr", "oprd", "dobj", "nsubj", "npadvmod", "prep") else root
        doubt = rules.lex["denied_doubt"]
        if span.text.lower() in doubt["phrases"] and root.pos_ == "NOUN" and (
                that_clause(root) is None or head.lemma_ in doubt["made_plain"]):
            return  # "no doubt about that" stresses what was said; "left no doubt that X" made X plain
        negation = (is_negated(head, rules.negations) or self.denied_object(head)) if head.i != root.i else None
        if negation is None:  # "will almost certainly not", "There is no realistic possibility that X"
            negation = is_negated(root, rules.negations)
        if negation is not None and span.start <= negation.i < span.end:
            negation = None  # "almost certainly not": the phrase's canonical form already holds it
        clause = that_clause(root) or (that_clause(head) if head.i != root.i else None)
        proposition = contiguous(clause_tokens(clause if clause is not None else head))
        phrase, modifiers = list(span), []
        if root.dep_ in ("acomp", "attr", "oprd") and head.lemma_ in rules.persist_verbs and head.i < root.i:
            phrase.append(head)  # "seems far-fetched", "remains a toss-up": one phrase, as "seems unlikely" is
            modifiers.append(head.lower_)
        self.qualified.add(head.i)
        if negation is not None and negation.i in (span.start - 1, span.end):  # "no realistic possibility", "… not"
            phrase += negation_words(negation)
        # after the phrase ("will almost certainly not", "little chance that X will not") the negation is the proposition's
        inner = negation if negation is not None and negation.i >= span.end else None
        if clause is not None and inner is None:
            inner = is_negated(clause, rules.negations)
        if inner is negation:
            negation = None
        record = self.emit(phrase, canonical, negation, proposition, modifiers, "phrase", extra_negated=inner is not None)
        if any(t.lower_ in rules.negations and t.lower_ != "no" and t.head.pos_ not in ("NOUN", "PROPN")
               and self.doc[t.i - 1].lower_ not in ("than", "as") for t in span):
            # "almost certainly not": the canonical form holds the negation, the flag says so ("almost
            # no chance" is a band's name and "no doubt" a certainty: their "no" negates nothing, nor
            # does the "not" a comparison is made with: "more likely than not", "as likely as not")
            record["negated"] = True
        self.qualify(head, record)
        if clause is not None:
            self.qualify(clause, record)

    def modal(self, token: Token) -> None:
        rules, skip = self.rules, self.rules.lex["modal_skip"]
        verb = token.head
        if token.dep_ != "aux" or verb.pos_ not in ("VERB", "AUX"):
            return
        negation = is_negated(verb, rules.negations)
        if negation is not None and token.lower_ in skip["negated"]:
            return
        if verb.lemma_ in skip["heads"] or any(introduces(c) and c.lower_ in skip["marks"] for c in verb.children):
            return
        if verb.dep_ == "ccomp" and verb.head.lemma_ in skip["counterfactual_heads"]:
            return
        if token.lower_ in skip["past_ability"]["modals"] and self.past_ability(verb):
            return
        if token.lower_ in skip["option"] and verb.tag_ == "VBN":
            auxes = {c.lemma_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
            if "have" in auxes or "be" in auxes:
                return  # counterfactual "could have been", option "could be donated"
        if token.lower_ in skip["concessive"] and self.concedes(verb):
            return
        if self.counterfactual(verb):
            return  # "Had they moved sooner, the recovery might have been faster": what did not happen
        if token.lower_ in skip["optative"] and any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i > token.i for c in verb.children):
            return  # "May God bless America": a wish (a question asking one is already skipped)
        phrase = [token]
        if negation is not None and negation.i == token.i + 1:
            phrase += negation_words(negation)
        proposition = contiguous(clause_tokens(verb))
        self.qualified.add(verb.i)
        if not self.stack(verb, phrase):
            self.qualify(verb, self.emit(phrase, rules.modals[token.lower_], negation, proposition, [], "modal-hedge", category="modal"))

    def confidence(self, span: Span) -> None:
        spec = self.rules.lex["confidence"]
        level_token, noun = span[0], span[-1]
        prep = noun.head if noun.head.lower_ in spec["preps"] and noun.dep_ == "pobj" else None
        parenthesised = span.start > 0 and self.doc[span.start - 1].text == "("
        governed = any(a.lemma_ in self.rules.judging_verbs for a in noun.ancestors)
        # "We have low confidence in this judgment": the writer's own, as the standards phrase it
        # ("investors have low confidence in the economy" is a report about investors)
        held = noun.dep_ == "dobj" and noun.head.lemma_ == "have" and any(
            c.dep_ == "nsubj" and c.lower_ in self.rules.self_references for c in noun.head.children)
        if prep is None and not parenthesised and not governed and not held:
            return
        tokens = [prep, *span] if prep is not None and prep.i == span.start - 1 else list(span)
        assessor, _ = self.assessor(noun)
        self.confidences.append(
            {
                "phrase": char_span(tokens),
                "sentence": sentence_span(noun),
                "level": spec["levels"][level_token.lower_],
                "assessor": assessor,
            }
        )

    def attach_confidences(self) -> None:
        """A confidence level qualifies the judgement in its sentence: the judging verb it hangs
        on ("assess with high confidence that"), else the nearest assessment."""
        for confidence in self.confidences:
            same = [a for a in self.assessments if a["sentence"] == confidence["sentence"]]
            if same:
                nearest = min(same, key=lambda a: (a["category"] != "assess-verb", abs(a["phrase"][0] - confidence["phrase"][0])))
                nearest["confidence"] = confidence["level"]

    def run(self) -> Found:
        doc = self.doc
        phrases = filter_spans([doc[s:e] for _, s, e in self.rules.phrase_matcher(doc)])
        for span in phrases:
            if self.in_text(span[0]):
                self.phrase(span)
        # Likelihood words and hedges first, so denials and assessment verbs can defer to them.
        order = {
            "WORD": 0, "MODAL": 0, "ODDS": 0, "CAPACITY": 1, "THREAT": 1, "RULE_OUT": 1, "OUT_OF": 1, "UNKNOWN": 1, "INFEASIBLE": 1,
            "CANNOT": 2, "SHIFT": 1, "APPEAR": 1, "SEEMINGLY": 1, "LOOKSET": 0, "UNSEEN": 1, "POTENTIAL": 1, "CONFIDENCE": 2,
            "JUDGE_VERB": 3, "JUDGE_NOUN": 3, "JUDGE_ADJ": 3, "JUDGE_ADV": 0, "ODDS_ARE": 0,
        }
        matches = sorted(self.rules.word_patterns(doc), key=lambda m: (order[m[0]], m[1]))
        for label, start, end in matches:
            token = doc[start]
            if any(i in self.used for i in range(start, end)) or not self.in_text(token):
                continue
            if label == "CONFIDENCE":
                self.confidence(doc[start:end])
            elif label in ("SEEMINGLY", "LOOKSET"):
                self.hedge_tokens(list(doc[start:end]), label.lower())
            elif label == "UNSEEN":
                self.open_question(list(doc[start:end]))
            else:
                handler = {
                    "WORD": self.word, "MODAL": self.modal, "JUDGE_VERB": self.judging_verb,
                    "JUDGE_NOUN": self.judging_noun, "JUDGE_ADJ": self.judging_adjective,
                    "JUDGE_ADV": self.judging_adverb, "CAPACITY": self.capacity,
                    "THREAT": self.threat, "OUT_OF": self.not_out_of,
                    "RULE_OUT": self.rule_out, "ODDS": self.odds, "UNKNOWN": self.unknown,
                    "INFEASIBLE": self.infeasible, "CANNOT": self.cannot_know, "SHIFT": self.shift,
                    "APPEAR": self.appearance, "POTENTIAL": self.potential, "ODDS_ARE": self.odds_are,
                }[label]
                handler(token)
        self.attach_confidences()
        self.assessments.sort(key=lambda a: a["phrase"])
        self.confidences.sort(key=lambda c: c["phrase"])
        return Found(self.assessments, self.confidences)


def _root(tokens: list[Token]) -> Token:
    """The phrase's word the rest hang on ("certainly" in "almost certainly"), which the parse
    attaches to the clause the phrase qualifies."""
    inside = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[0])


def _first_conjunct(word: Token) -> Token:
    """The first of adjectives joined by and/but/or ("remains possible but improbable"), which the
    parse gives the clause's role; a word not joined to another adjective is its own."""
    while word.dep_ == "conj" and word.pos_ == "ADJ" and word.head.pos_ == "ADJ":
        word = word.head
    return word


def find_assessments(
    doc: Doc, voices: list[dict[str, Any]], attributions: list[dict[str, Any]], table: Table, scale: str
) -> Found:
    """Every estimative statement and confidence statement in a parsed Doc, as plain records."""
    table.lookup(table.phrases[0], scale)  # raises ConfigError for an unknown scale
    if not doc.has_annotation("DEP"):
        raise ConfigError("estimative needs a dependency parse: run it after the parser")
    found = _Finder(doc, _rules(doc.vocab, table), table, scale, voices, attributions).run()
    holders = Holders(doc)  # "Beijing believes": China's judgement; "Kim": Kim Jong Un
    for record in (*found.assessments, *found.confidences):
        record["assessor"] = holders.identity(record["assessor"])
    return found
