"""A title that names its body ends in the holder's name ("Deputy Chairman of the Security
Council Dmitry Medvedev"): the parse hangs the name on the body and the tagger runs it into the
body's entity, yet the name is the speaker's, the words before "of" the role and the body the
organisation; and a given name the tagger ran into the body before its title ("Kremlin
Spokesperson Dmitry" and "Peskov") is the person's."""

from __future__ import annotations

from spacy.tokens import Doc

from sayso.attribution import find_attributions, load_reporting_verbs

LEXICON = load_reporting_verbs()


def _said(bare_nlp, title: list[tuple[str, str, str, int, str, str]]) -> dict:
    """``title`` rows (word, tag, pos, head, dep, entity IOB), its head the first row that is the
    subject, then "said the talks failed."."""
    subject = next(i for i, r in enumerate(title) if r[4] == "nsubj")
    said = len(title)
    rows = [*title, ("said", "VBD", "VERB", said, "ROOT", "O"), ("the", "DT", "DET", said + 2, "det", "O"),
            ("talks", "NNS", "NOUN", said + 3, "nsubj", "O"), ("failed", "VBD", "VERB", said, "ccomp", "O"),
            (".", ".", "PUNCT", said, "punct", "O")]
    assert subject < said
    words = [r[0] for r in rows]
    doc = Doc(bare_nlp.vocab, words=words, spaces=[i + 2 < len(words) for i in range(len(words))],
              tags=[r[1] for r in rows], pos=[r[2] for r in rows], lemmas=[w.lower() for w in words],
              heads=[r[3] for r in rows], deps=[r[4] for r in rows], ents=[r[5] for r in rows])
    doc[said].lemma_ = "say"
    doc[said + 3].lemma_ = "fail"
    (record,) = find_attributions(doc, [], LEXICON)
    return record


def test_a_name_the_tagger_ran_into_the_body_is_the_holders(bare_nlp):
    record = _said(bare_nlp, [
        ("Deputy", "NNP", "PROPN", 1, "compound", "O"), ("Chairman", "NNP", "PROPN", 8, "nsubj", "O"),
        ("of", "IN", "ADP", 1, "prep", "O"), ("the", "DT", "DET", 7, "det", "B-ORG"),
        ("Security", "NNP", "PROPN", 5, "compound", "I-ORG"), ("Council", "NNP", "PROPN", 7, "compound", "I-ORG"),
        ("Dmitry", "NNP", "PROPN", 7, "compound", "I-ORG"), ("Medvedev", "NNP", "PROPN", 2, "pobj", "I-ORG"),
    ])
    fields = (record["speaker_name"], record["speaker_role"], record["speaker_org"], record["speaker_type"])
    assert fields == ("Dmitry Medvedev", "Deputy Chairman", "Security Council", "PERSON")


def test_a_body_with_no_name_after_it_names_no_one(bare_nlp):
    """"The head of the Security Service of Ukraine said …": the body's own words are no person's name."""
    record = _said(bare_nlp, [
        ("The", "DT", "DET", 1, "det", "O"), ("head", "NN", "NOUN", 8, "nsubj", "O"),
        ("of", "IN", "ADP", 1, "prep", "O"), ("the", "DT", "DET", 5, "det", "B-ORG"),
        ("Security", "NNP", "PROPN", 5, "compound", "I-ORG"), ("Service", "NNP", "PROPN", 2, "pobj", "I-ORG"),
        ("of", "IN", "ADP", 5, "prep", "I-ORG"), ("Ukraine", "NNP", "PROPN", 6, "pobj", "I-ORG"),
    ])
    assert record["speaker_name"] is None


def test_a_given_name_the_tagger_ran_into_the_body_before_it_is_the_persons(bare_nlp):
    record = _said(bare_nlp, [
        ("Kremlin", "NNP", "PROPN", 1, "compound", "B-ORG"), ("Spokesperson", "NNP", "PROPN", 3, "compound", "I-ORG"),
        ("Dmitry", "NNP", "PROPN", 3, "compound", "I-ORG"), ("Peskov", "NNP", "PROPN", 4, "nsubj", "B-PERSON"),
    ])
    assert (record["speaker_name"], record["speaker_role"]) == ("Dmitry Peskov", "Kremlin Spokesperson")


def test_an_untagged_title_before_a_surname_stays_out_of_the_name(bare_nlp):
    record = _said(bare_nlp, [
        ("Professor", "NNP", "PROPN", 1, "compound", "O"), ("Eastman", "NNP", "PROPN", 2, "nsubj", "B-PERSON"),
    ])
    assert record["speaker_name"] == "Eastman"
