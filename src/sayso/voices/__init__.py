"""Voices: split an article into paragraph passages and say whose voice each one is.

A passage is one paragraph (a line of text with the blank lines after it), or part of one where a
markup block quote starts or ends inside it. Passages tile the text: every character outside the
boilerplate spans is in exactly one passage, in order.

In HTML (and in plain text whose forum ``[quote]`` tags or quote headers marked excerpts), markup decides: a markup quote covering at least ``markup.block_coverage`` of a
paragraph's non-space characters makes the paragraph quoted (a block quote); one that runs across
a paragraph boundary splits the paragraph at its edge; a shorter one inside a paragraph is an
inline quotation (``<q>``) and the paragraph stays the author's, since attribution handles it.

In Markdown the markup decides too, also when it marks no excerpt at all: a writer who can mark
one with ``>`` and did not has pasted none. So in HTML for a blog (an article that reads as
chatty, see below): its writer had ``<blockquote>``. A formal HTML page with no quote markup (a
news site's statement pasted as plain paragraphs) is still read by the rules.

In plain text a trained classifier decides (``classifier``, weights in ``models/voices.json``,
fitted on real blogs by ``sayso train voices``) wherever the article has a voice of its own to
contrast pasted text with (at least ``contrast.informal_share`` of its paragraphs read as chatty:
a blog); in uniformly formal prose (a news report, an analysis) the additive rule score decides,
since formal prose there is the author's own and the blogs the classifier learnt from hold few
such articles. Either way a paragraph that is only a sign-off ("— Reuters", a tweet's "— Name
(@handle) date") and the paragraph it signs are quoted, and so are an elision mark alone on its
line ("[…]") and the paragraphs either side of it (``excerpt_marks``). The rule
score is also one of the classifier's inputs; its weights live in
``data/voices.json`` (``sayso.voice_rules.v1``)::

    score = bias[context] + sum(weight[f] * min(count[f], cap[f]))      quoted when score >= threshold

``context`` is where the paragraph stands: right after an author's lead-in ending with a colon,
continuing a quoted paragraph (or after one that ended with an ellipsis, which may close an
excerpt), or standalone (after a quotation its own marks closed, too). Features count quoted-text signals (footnote markers, an opening quotation
mark, wire-copy phrasing, reporting verbs with a third-person subject, ISW-style "assesses",
"October 10" dates) and author signals (contractions, first and second person, rhetorical
questions, colloquialisms and copular judgements like "X is not a Y", all counted outside
quotation marks; commentary openers; a lead-in colon). A standalone paragraph is judged against the document's own register: wire phrasing counts
there only when the author otherwise writes informally, and footnotes only when most paragraphs
carry none, so a plain news story with inline quotes, or a report that is footnoted throughout,
stays the author's.

A mixed paragraph, the author's sentence ending in a quoted excerpt ("As the court put it, …"),
stays one passage in the author's voice: a passage is a paragraph, the quotation inside it is an
attribution's content with its own offsets, and splitting at a boundary the text does not mark
would guess (the training data labels such paragraphs the author's too).

Each quoted block (a run of quoted paragraphs) is given a source when the text names one: the
name it signs off with ("— Josh Aas, Executive Director", "(Source: Reuters)", a tweet's "— Name
(@handle) date") or an attribution line just before it ("Stephen Chen, South China Morning Post"),
who the lead-in names, read as attribution reads it (``lead_ins``: its speaker or the name that
heads it, "the EU warns ...:", "Dave Winer on …:", "From Bloomberg:"), the named owner of what is quoted ("Levy's conclusion:"),
the person a he/she in the lead-in stands for ("... where she said this:"), a report citing itself
("ISW has previously assessed"), an organisation the author just cited ("ISW concludes"), a
writer the paragraph just before presents or reports ("X has a good piece on ...", "X notes
that ..."), or the excerpt's first
named speaker ("said Sviatlana Tsikhanouskaya"); failing those, a name in a link's anchor text
(Markdown), else the target of the last link in the lead-in or the block (Markdown), else an
address the block signs off with ("Source: https://…"). Otherwise the source is None.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from spacy.tokens import Doc

from sayso.doctext import text_of
from sayso.voices.classifier import VoiceModel, label_by_model, load_model
from sayso.voices.excerpt_marks import label_excerpt_marks
from sayso.voices.inference import label_by_rules, reads_as_chatty
from sayso.voices.passages import Passage, label_by_markup, paragraphs
from sayso.voices.rules import RULES_NAME, Rules, compile_rules, load_rules
from sayso.voices.signals import TokenIndex
from sayso.voices.sources import name_sources

__all__ = ["RULES_NAME", "Rules", "VoiceModel", "compile_rules", "find_voices", "load_model", "load_rules"]


def find_voices(
    doc: Doc,
    boilerplate: Sequence[Sequence[int]],
    markup_quotes: Sequence[Sequence[Any]],
    rules: Rules | None = None,
    *,
    markup_decides: bool = False,
    markup_could_quote: bool = False,
    links: Sequence[Sequence[Any]] = (),
    model: VoiceModel | None = None,
) -> list[dict[str, Any]]:
    """Passages tiling ``doc.text`` outside ``boilerplate``, each labelled author or quoted.

    ``markup_quotes`` are ``[start, end, source|None]`` spans that markup quoted; when there are
    any, or when ``markup_decides`` (Markdown), markup decides, otherwise the voice is inferred
    from the text (see the module doc). ``markup_could_quote`` (HTML) says the writer had block
    quotes to mark an excerpt with: a blog there that marks none pasted none. ``links`` are
    ``[start, end, url]`` anchor texts, whose targets name an excerpt's source when the text names
    none.
    """
    rules = rules or load_rules()
    text = text_of(doc)
    spans = paragraphs(text, boilerplate)
    tokens = TokenIndex(doc, doc.to_array("IDX").tolist())  # one array read, not a Token per word
    if markup_quotes or markup_decides:
        passages = label_by_markup(text, spans, markup_quotes, rules)
    else:
        passages = [Passage(s, e) for s, e in spans]
        label_by_rules(text, passages, tokens, rules)
        if reads_as_chatty(passages, rules) and markup_could_quote:
            passages = label_by_markup(text, spans, (), rules)
        else:
            if reads_as_chatty(passages, rules):
                label_by_model(text, passages, tokens, model or load_model())
            label_excerpt_marks(text, passages, tokens)
    name_sources(text, passages, tokens, rules, links)
    return [p.plain() for p in passages]
