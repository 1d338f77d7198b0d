"""A reported clause ends before the speaker's next report when that report's cue opens a
quotation that runs to the content's end ("told reporters the plan failed, adding, “It was a
mistake. We lost.”"), even where the parser hung the quotation's later sentences on the first cue."""

from __future__ import annotations

from spacy.tokens import Doc

from sayso.attribution import find_attributions, load_reporting_verbs

LEXICON = load_reporting_verbs()


def _doc(bare_nlp, rows: list[tuple[str, str, str, str, int, str]], spaces: list[bool]) -> Doc:
    """Rows of (word, tag, pos, lemma, head, dep)."""
    words, tags, pos, lemmas, heads, deps = (list(col) for col in zip(*rows, strict=True))
    return Doc(bare_nlp.vocab, words=words, spaces=spaces, tags=tags, pos=pos, lemmas=lemmas, heads=heads, deps=deps)


def _told(bare_nlp, next_cue: str, lemma: str) -> Doc:
    """ "Roe told reporters the plan failed, <next_cue>, “It was a mistake. We lost.”" with the
    parser's shape: the quote's second sentence hangs on "told" as a clause of its own."""
    return _doc(bare_nlp, [
        ("Roe", "NNP", "PROPN", "Roe", 1, "nsubj"), ("told", "VBD", "VERB", "tell", 1, "ROOT"),
        ("reporters", "NNS", "NOUN", "reporter", 1, "dobj"), ("the", "DT", "DET", "the", 4, "det"),
        ("plan", "NN", "NOUN", "plan", 5, "nsubj"), ("failed", "VBD", "VERB", "fail", 1, "ccomp"),
        (",", ",", "PUNCT", ",", 5, "punct"), (next_cue, "VBG", "VERB", lemma, 5, "advcl"),
        (",", ",", "PUNCT", ",", 7, "punct"), ("“", "``", "PUNCT", "“", 7, "punct"),
        ("It", "PRP", "PRON", "it", 11, "nsubj"), ("was", "VBD", "AUX", "be", 7, "ccomp"),
        ("a", "DT", "DET", "a", 13, "det"), ("mistake", "NN", "NOUN", "mistake", 11, "attr"),
        (".", ".", "PUNCT", ".", 11, "punct"), ("We", "PRP", "PRON", "we", 16, "nsubj"),
        ("lost", "VBD", "VERB", "lose", 1, "ccomp"), (".", ".", "PUNCT", ".", 1, "punct"),
        ("”", "''", "PUNCT", "”", 1, "punct"),
    ], spaces=[True] * 5 + [False, True, False, True, False, True, True, True, False, True, True, False, False, False])


def _contents(doc: Doc, cue: str) -> list[str]:
    return [doc.text[slice(*a["content"])] for a in find_attributions(doc, [], LEXICON) if doc.text[slice(*a["cue"])].startswith(cue)]


def test_the_quotation_the_next_cue_opens_is_not_the_first_reports(bare_nlp):
    assert _contents(_told(bare_nlp, "adding", "add"), "told") == ["the plan failed"]


def test_a_quotation_after_a_word_that_reports_nothing_stays(bare_nlp):
    """"…, smiling, “It was a mistake. We lost.”": no report of its own, so the quotation runs on."""
    assert _contents(_told(bare_nlp, "smiling", "smile"), "told") == ["the plan failed, smiling, “It was a mistake. We lost.”"]
