"""The rule score for plain text: each paragraph scored in the context of the one before it."""

from __future__ import annotations

from sayso.voices.passages import Passage
from sayso.voices.rules import Rules
from sayso.voices.signals import TokenIndex, chatty, paragraph_signals


def label_by_rules(text: str, passages: list[Passage], tokens: TokenIndex, rules: Rules) -> None:
    """Label each paragraph by the additive rule score (``voices.json``), keeping its signals and score."""
    for p in passages:
        p.features = paragraph_signals(text, p.start, p.end, tokens, rules)
    gated = _gated_features(passages, rules)
    previous: Passage | None = None
    for p in passages:
        context = _context(previous, p, text, rules)
        score = rules.bias[context] + sum(  # a feature the paragraph lacks adds nothing: only its own are weighed
            _weight(f, weight, context, gated, rules) * min(p.features[f], cap)
            for f, (weight, cap) in rules.weights.items() if f in p.features
        )
        p.score = score
        if text[p.start : p.end].strip() and score >= rules.threshold:
            p.voice, p.rule = "quoted", f"text:{context.replace('_', '-')}"
        else:
            p.rule = "text:lead-in" if p.features.get("lead_in") else "text:author"
        if text[p.start : p.end].strip():
            previous = p


def _weight(feature: str, weight: float, context: str, gated: set[str], rules: Rules) -> float:
    """A feature's weight in a context: author signals always count; right after a lead-in
    everything counts; elsewhere gated features take their gated weight (news phrasing in a news
    story is the author's), and standalone paragraphs count only the standalone features."""
    if weight < 0 or context == "after_lead_in":
        return weight
    if feature in gated:
        return rules.gated_weights.get(feature, 0.0)
    return weight if context != "standalone" or feature in rules.standalone else 0.0


def _context(previous: Passage | None, passage: Passage, text: str, rules: Rules) -> str:
    if previous is None:
        return "standalone"
    if previous.voice == "quoted":
        if _closed_quotation(previous, text, rules) and not passage.features.get("opens_with_quote"):
            return "standalone"  # a quotation closed by its own marks ends there; a new one would open with a mark
        return "after_ellipsis" if previous.features.get("ellipsis_end") else "continuing"
    return "after_lead_in" if previous.features.get("lead_in") else "standalone"


def _closed_quotation(passage: Passage, text: str, rules: Rules) -> bool:
    """A paragraph wholly inside quotation marks that it closes itself ("“We respect the court's
    decision …”"), not the first paragraph of a quotation whose closing mark comes later."""
    body = text[passage.start : passage.end].rstrip()
    return bool(passage.features.get("whole_quote")) and body[-1:] in rules.quote_close + rules.quote_toggle


def informal_share(passages: list[Passage], rules: Rules) -> float | None:
    """The share of substantial paragraphs that read as chatty (None when there are none)."""
    substantial = [p for p in passages if p.features.get("words", 0) >= rules.contrast["min_words"]]
    return sum(chatty(p.features, rules) for p in substantial) / len(substantial) if substantial else None


def reads_as_chatty(passages: list[Passage], rules: Rules) -> bool:
    """Whether the article has a voice of its own to contrast pasted text with: at least
    ``contrast.informal_share`` of its substantial paragraphs read as chatty. The trained classifier
    decides only there; in uniformly formal prose (a news report, an analysis) the rule pass does."""
    informal = informal_share(passages, rules)
    return informal is not None and informal >= rules.contrast["informal_share"]


def _gated_features(passages: list[Passage], rules: Rules) -> set[str]:
    """Features that a standalone or continuing paragraph may not count, given the document's register."""
    contrast = rules.contrast
    informal = informal_share(passages, rules)
    if informal is None:
        return set(contrast["gated_informal"]) | set(contrast["gated_footnote"])
    substantial = [p for p in passages if p.features.get("words", 0) >= contrast["min_words"]]
    footnoted = sum(bool(p.features.get("footnote")) for p in substantial) / len(substantial)
    gated: set[str] = set()
    if informal < contrast["informal_share"]:
        gated.update(contrast["gated_informal"])
    if footnoted > contrast["footnote_share"]:
        gated.update(contrast["gated_footnote"])
    return gated
