"""A message that reads a quotation speaks it, as one that says it does ("The statement read:
“…”"), even where the tagger took "read" for a noun; a person who reads stays evidence."""

from __future__ import annotations

from spacy.tokens import Doc

from sayso.attribution import find_attributions, load_reporting_verbs

LEXICON = load_reporting_verbs()
QUOTE = [("“", "``", "PUNCT", "punct"), ("We", "PRP", "PRON", "nsubj"), ("will", "MD", "AUX", "aux"),
         ("respond", "VB", "VERB", "ccomp"), ("in", "IN", "ADP", "prep"), ("kind", "NN", "NOUN", "pobj"),
         (".", ".", "PUNCT", "punct"), ("”", "''", "PUNCT", "punct")]


def _lead_in(bare_nlp, lead: list[tuple[str, str, str, int, str]], read_is_verb: bool) -> Doc:
    """``lead`` (word, tag, pos, head, dep) then ": “We will respond in kind.”", the quote's verb hung on
    "read" where the tagger made it a verb, else on nothing (its own root)."""
    read = next(i for i, row in enumerate(lead) if row[0] == "read")
    colon = len(lead)
    verb = colon + 4
    rows = [*lead, (":", ":", "PUNCT", read, "punct")]
    for word, tag, pos, dep in QUOTE:
        head = {"respond": read if read_is_verb else verb, "kind": verb + 1}.get(word, verb)
        rows.append((word, tag, pos, head, "ROOT" if word == "respond" and not read_is_verb else dep))
    words = [r[0] for r in rows]
    spaces = [i + 1 < len(words) and words[i + 1] not in (":", ".", "”") and w != "“" for i, w in enumerate(words)]
    return Doc(bare_nlp.vocab, words=words, spaces=spaces, tags=[r[1] for r in rows], pos=[r[2] for r in rows],
               lemmas=[r[0].lower() for r in rows], heads=[r[3] for r in rows], deps=[r[4] for r in rows])


def _records(doc: Doc) -> list[tuple[str, str, str, str | None]]:
    return [
        (a["cue_class"], doc.text[slice(*a["cue"])], doc.text[slice(*a["content"])],
         doc.text[slice(*a["speaker_mention"])] if a["speaker_mention"] else None)
        for a in find_attributions(doc, [], LEXICON)
    ]


def test_a_statement_that_reads_a_quotation_speaks_it(bare_nlp):
    doc = _lead_in(bare_nlp, [("The", "DT", "DET", 1, "det"), ("statement", "NN", "NOUN", 2, "nsubj"),
                              ("read", "VBD", "VERB", 2, "ROOT")], read_is_verb=True)
    assert _records(doc) == [("speech", "read", "We will respond in kind.", "The statement")]


def test_a_message_read_the_tagger_took_for_a_noun_still_speaks(bare_nlp):
    """"A statement from the army read:" tagged with "read" a noun: the lead-in has no verb."""
    doc = _lead_in(bare_nlp, [("A", "DT", "DET", 1, "det"), ("statement", "NN", "NOUN", 1, "ROOT"),
                              ("from", "IN", "ADP", 1, "prep"), ("the", "DT", "DET", 4, "det"),
                              ("army", "NN", "NOUN", 5, "compound"), ("read", "NN", "NOUN", 2, "pobj")],
                   read_is_verb=False)
    assert _records(doc) == [("speech", "read:", "We will respond in kind.", "A statement from the army")]


def test_a_person_who_reads_stays_evidence(bare_nlp):
    doc = _lead_in(bare_nlp, [("The", "DT", "DET", 1, "det"), ("clerk", "NN", "NOUN", 2, "nsubj"),
                              ("read", "VBD", "VERB", 2, "ROOT")], read_is_verb=True)
    assert [r[0] for r in _records(doc)] == ["evidence"]
