"""A who-clause closing a reported clause says who a person is: the writer's gloss, left out of the
content ("said she will vote for Sanders, who won the state in 2016"); a which-clause, a
restrictive who-clause and a gloss that quotes the speaker stay in."""

from __future__ import annotations

from spacy.tokens import Doc

from sayso.attribution import find_attributions, load_reporting_verbs

LEXICON = load_reporting_verbs()


def _doc(bare_nlp, relative: str, comma: bool = True, quoted: bool = False) -> Doc:
    """ "She said she backs Sanders, who won the state." with ``relative`` for "who"."""
    q = ["“"] if quoted else []
    rows = [
        ("She", "PRP", "PRON", "she", "nsubj", 1), ("said", "VBD", "VERB", "say", "ROOT", 1),
        ("she", "PRP", "PRON", "she", "nsubj", 3), ("backs", "VBZ", "VERB", "back", "ccomp", 1),
        ("Sanders", "NNP", "PROPN", "Sanders", "dobj", 3),
    ]
    if comma:
        rows.append((",", ",", "PUNCT", ",", "punct", 4))
    rel = len(rows)
    rows += [(relative, "WP", "PRON", relative, "nsubj", rel + 1), ("won", "VBD", "VERB", "win", "relcl", 4)]
    rows += [(w, "``", "PUNCT", w, "punct", rel + 1) for w in q]
    rows += [("the", "DT", "DET", "the", "det", len(rows) + 1), ("state", "NN", "NOUN", "state", "dobj", rel + 1)]
    rows += [(w, "''", "PUNCT", "”", "punct", rel + 1) for w in (["”"] if quoted else [])]
    rows.append((".", ".", "PUNCT", ".", "punct", 1))
    words, tags, pos, lemmas, deps, heads = (list(col) for col in zip(*rows, strict=True))
    spaces = [words[i + 1] not in (",", ".", "”") and words[i] != "“" for i in range(len(words) - 1)] + [False]
    return Doc(bare_nlp.vocab, words=words, spaces=spaces, tags=tags, pos=pos, lemmas=lemmas, heads=heads, deps=deps,
               ents=["O"] * 4 + ["B-PERSON"] + ["O"] * (len(words) - 5))


def _contents(doc: Doc) -> list[str]:
    return [doc.text[slice(*a["content"])] for a in find_attributions(doc, [], LEXICON)]


def test_who_clause_glossing_a_person_is_left_out(bare_nlp):
    assert _contents(_doc(bare_nlp, "who")) == ["she backs Sanders"]


def test_which_clause_stays(bare_nlp):
    assert _contents(_doc(bare_nlp, "which")) == ["she backs Sanders, which won the state"]


def test_restrictive_who_clause_stays(bare_nlp):
    """No comma: the clause picks the person out, it does not gloss them."""
    assert _contents(_doc(bare_nlp, "who", comma=False)) == ["she backs Sanders who won the state"]


def test_gloss_quoting_the_speaker_stays(bare_nlp):
    assert _contents(_doc(bare_nlp, "who", quoted=True)) == ["she backs Sanders, who won “the state”"]
