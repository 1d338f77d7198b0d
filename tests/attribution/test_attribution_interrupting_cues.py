"""A cue that interrupts its clause ("The talks, she said, failed.") when the parser hung the words
before it on the cue itself: those words open the clause the cue interrupts ("Voters, Roe
suggested, should not worry"), unless they are a report of their own ("Asked about it, …")."""

from __future__ import annotations

from spacy.tokens import Doc

from sayso.attribution import find_attributions, load_reporting_verbs

LEXICON = load_reporting_verbs()


def _doc(bare_nlp, rows: list[tuple[str, str, int, str, str, str]]) -> Doc:
    """A hand-built parse from (word, lemma, head, dep, tag, pos) rows; a space after every word
    but the last two and those before a comma."""
    words = [r[0] for r in rows]
    spaces = [i < len(words) - 1 and words[i + 1] not in (",", ".") for i in range(len(words))]
    return Doc(
        bare_nlp.vocab, words=words, spaces=spaces, lemmas=[r[1] for r in rows], heads=[r[2] for r in rows],
        deps=[r[3] for r in rows], tags=[r[4] for r in rows], pos=[r[5] for r in rows],
        ents=["B-PERSON" if r[0] == "Roe" else "O" for r in rows],
    )


def _comma(head: int) -> tuple[str, str, int, str, str, str]:
    return (",", ",", head, "punct", ",", "PUNCT")


def _stop(head: int) -> tuple[str, str, int, str, str, str]:
    return (".", ".", head, "punct", ".", "PUNCT")


def _reports(doc: Doc) -> list[tuple[str, list[str], str | None]]:
    return [
        (doc.text[slice(*a["cue"])], [doc.text[slice(*p)] for p in a["parts"]] or [doc.text[slice(*a["content"])]],
         a["speaker_name"])
        for a in find_attributions(doc, [], LEXICON)
    ]


def test_a_subject_hung_on_the_cue_opens_the_content(bare_nlp):
    doc = _doc(bare_nlp, [
        ("Voters", "voter", 3, "nsubj", "NNS", "NOUN"), _comma(3), ("Roe", "Roe", 3, "nsubj", "NNP", "PROPN"),
        ("suggested", "suggest", 7, "parataxis", "VBD", "VERB"), _comma(3), ("should", "should", 7, "aux", "MD", "AUX"),
        ("not", "not", 7, "neg", "RB", "PART"), ("worry", "worry", 7, "ROOT", "VB", "VERB"), _stop(7),
    ])
    assert _reports(doc) == [("suggested", ["Voters", "should not worry"], "Roe")]


def test_a_condition_hung_on_the_cue_opens_the_content(bare_nlp):
    doc = _doc(bare_nlp, [
        ("If", "if", 2, "mark", "IN", "SCONJ"), ("talks", "talk", 2, "nsubj", "NNS", "NOUN"),
        ("fail", "fail", 5, "advcl", "VBP", "VERB"), _comma(5), ("Roe", "Roe", 5, "nsubj", "NNP", "PROPN"),
        ("warned", "warn", 10, "parataxis", "VBD", "VERB"), _comma(5), ("the", "the", 8, "det", "DT", "DET"),
        ("strike", "strike", 10, "nsubj", "NN", "NOUN"), ("will", "will", 10, "aux", "MD", "AUX"),
        ("go", "go", 10, "ROOT", "VB", "VERB"), ("on", "on", 10, "prt", "RP", "ADP"), _stop(10),
    ])
    assert _reports(doc) == [("warned", ["If talks fail", "the strike will go on"], "Roe")]


def test_a_report_hung_on_the_cue_stays_out_of_the_content(bare_nlp):
    doc = _doc(bare_nlp, [
        ("Asked", "ask", 6, "advcl", "VBN", "VERB"), ("about", "about", 0, "prep", "IN", "ADP"),
        ("the", "the", 3, "det", "DT", "DET"), ("strike", "strike", 1, "pobj", "NN", "NOUN"), _comma(6),
        ("Roe", "Roe", 6, "nsubj", "NNP", "PROPN"), ("said", "say", 11, "parataxis", "VBD", "VERB"), _comma(6),
        ("the", "the", 9, "det", "DT", "DET"), ("talks", "talk", 11, "nsubj", "NNS", "NOUN"),
        ("had", "have", 11, "aux", "VBD", "AUX"), ("failed", "fail", 11, "ROOT", "VBN", "VERB"), _stop(11),
    ])
    said = [r for r in _reports(doc) if r[0] == "said"]
    assert said == [("said", ["the talks had failed"], "Roe")]


def test_words_not_set_off_by_a_comma_stay_the_cues(bare_nlp):
    doc = _doc(bare_nlp, [
        ("Yesterday", "yesterday", 2, "npadvmod", "NN", "NOUN"), ("Roe", "Roe", 2, "nsubj", "NNP", "PROPN"),
        ("said", "say", 7, "parataxis", "VBD", "VERB"), _comma(2), ("the", "the", 5, "det", "DT", "DET"),
        ("talks", "talk", 7, "nsubj", "NNS", "NOUN"), ("had", "have", 7, "aux", "VBD", "AUX"),
        ("failed", "fail", 7, "ROOT", "VBN", "VERB"), _stop(7),
    ])
    assert _reports(doc) == [("said", ["the talks had failed"], "Roe")]


def test_the_clauses_own_subject_before_the_cue_is_unchanged(bare_nlp):
    doc = _doc(bare_nlp, [
        ("The", "the", 1, "det", "DT", "DET"), ("talks", "talk", 6, "nsubj", "NNS", "NOUN"), _comma(4),
        ("Roe", "Roe", 4, "nsubj", "NNP", "PROPN"), ("said", "say", 6, "parataxis", "VBD", "VERB"), _comma(4),
        ("failed", "fail", 6, "ROOT", "VBD", "VERB"), _stop(6),
    ])
    assert _reports(doc) == [("said", ["The talks", "failed"], "Roe")]


def test_a_paragraph_break_after_the_sentence_leaves_its_full_stop_out(rule_cue_content):
    """The whitespace token of a paragraph break hangs on the sentence's root: the content around
    an interrupting cue ends where the words end, whatever follows the sentence."""
    sentence = "To prevent problems, he said, local officials should be vigilant."
    alone = rule_cue_content(sentence)
    assert alone == [("indirect-parenthetical", "said", "To prevent problems, he said, local officials should be vigilant")]
    assert rule_cue_content(sentence + "\n\nThe rally ended.") == alone
