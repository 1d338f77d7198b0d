"""The full quality report: PolNeAR (sayso vs textacy), the in-house gold set and calibration.

``run`` measures everything once and returns plain results (what the gate checks and
``--format json`` prints); ``rows`` flattens them into one table that both the terminal and
``docs/quality.md`` show, so the two cannot disagree; ``markdown`` renders the docs page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DOCS_PATH = Path(__file__).resolve().parents[3] / "docs" / "quality.md"
SUBSETS = ("speech", "all", "direct", "indirect", "mixed")
POLNEAR_METRICS = {
    "content_overlap": "content (≥50% overlap)",
    "content_exact": "content (exact)",
    "cue": "cue",
    "source": "source",
    "content_tokens": "content tokens (citron)",
    "source_cue_exact": "source cue-paired (citron)",
}
GOLD_METRICS = {
    "voices": (
        "char_accuracy",
        "quoted_precision",
        "quoted_recall",
        "quoted_f1",
        "paragraph_accuracy",
        "source_accuracy",
    ),
    "attributions": (
        "precision",
        "recall",
        "f1",
        "speaker_accuracy",
        "cue_accuracy",
        "kind_accuracy",
        "mention_accuracy",
        "strict_f1",
    ),
    "assessments": ("precision", "recall", "f1", "band_accuracy", "assessor_accuracy"),
    "dates": ("precision", "recall", "f1", "value_accuracy", "value_recall"),
}
ESTIMATIVE_METRICS = (
    "precision", "recall", "f1", "category_accuracy", "band_accuracy", "unbanded_with_band", "assessor_accuracy",
)
ANCHORS = (
    "BBC citron on PARC 3.0: content-overlap F1 0.833, source F1 0.820",
    "Gender Gap Tracker rules on Canadian news: quote F1 0.837, speaker F1 0.865",
)
GOAL = 0.85


@dataclass(slots=True)
class Report:
    """Everything one ``sayso eval`` run measured."""

    results: dict[str, Any]
    calibration_markdown: str = ""
    errors: list[dict[str, Any]] = field(default_factory=list)


def run(
    split: str = "dev",
    limit: int | None = None,
    errors: int = 0,
    docs_dir: Path = DOCS_PATH.parent,
    step: Callable[[str], None] | None = None,
    advance: Callable[[], None] | None = None,
) -> Report:
    """Measure PolNeAR ``split``, the gold set and calibration; ``step`` names each stage as it starts."""
    from sayso.evaluation import blog_voices, calibration_report, crossdomain, estimative_dev, gold, polnear
    from sayso.evaluation.polnear_agreement import annotator_agreement

    say = step or (lambda _name: None)
    say(f"PolNeAR {split}: sayso and textacy")
    results: dict[str, Any] = {"polnear": polnear.evaluate(split=split, limit=limit)}
    if limit is not None:
        results["polnear"]["limit"] = limit
    say("attribution across domains: rules, model and hybrid on PolNeAR dev and GUM")
    results["crossdomain"] = crossdomain.evaluate(polnear.POLNEAR.parents[1], limit=limit, progress=say)
    say("PolNeAR annotator agreement")
    results["polnear"]["agreement"] = annotator_agreement()
    say("in-house gold set")
    results["gold"], misses = gold.evaluate(advance=advance)
    say("estimative-dev")
    results["estimative_dev"], estimative_misses = estimative_dev.evaluate(advance=advance)
    say("blog-voices dev: plain text and Markdown")
    results["blog_voices"] = blog_voices.evaluate(blog_voices.load_split(blog_voices.DATA_DIR, "dev"))
    say("calibration table and plot")
    calibration = calibration_report.build(docs_dir)
    results["calibration"] = {"violations": list(calibration.violations), "plot": calibration.plot_path.name}
    worst: list[dict[str, Any]] = []
    if errors:
        say(f"the {errors} worst PolNeAR misses")
        worst = [{"set": f"polnear {split}", **e} for e in polnear.worst_errors(errors, split=split)]
        worst += misses[:errors] + estimative_misses[:errors]
    return Report(results, calibration.markdown, worst)


BLOG_VOICES_METRICS = ("paragraph_accuracy", "quoted_precision", "quoted_recall", "quoted_f1", "baseline_accuracy")


def _cell(metrics: dict[str, Any] | None) -> str:
    if not metrics:
        return "—"
    return f"{metrics['f1']:.3f} ({metrics['precision']:.2f}/{metrics['recall']:.2f})"


def rows(results: dict[str, Any]) -> list[tuple[str, str, str, str, str]]:
    """(section, metric, sayso, textacy, annotators) rows: PolNeAR cells are ``F1 (P/R)``, gold cells
    plain values; the annotators' column is their agreement with each other on annotator-training."""
    table = []
    systems = results["polnear"]["systems"]
    humans = results["polnear"].get("agreement", {}).get("annotators_vs_annotators", {})
    for subset in SUBSETS:
        for key, label in POLNEAR_METRICS.items():
            cells = [_cell(systems.get(s, {}).get(subset, {}).get(key)) for s in ("sayso", "textacy")]
            cells.append(_cell(humans.get(subset, {}).get(key)))
            table.append((f"PolNeAR {results['polnear']['split']} · {subset}", label, *cells))
    for layer, metrics in GOLD_METRICS.items():
        for metric in metrics:
            table.append((f"gold · {layer}", metric, f"{results['gold'][layer][metric]:.3f}", "—", "—"))
    for metric in ESTIMATIVE_METRICS:
        value = results["estimative_dev"][metric]
        cell = str(value) if isinstance(value, int) else f"{value:.3f}"
        table.append(("estimative-dev", metric, cell, "—", "—"))
    for reading, figures in (("plain text", "plain"), ("Markdown", "markdown")):
        for metric in BLOG_VOICES_METRICS:
            value = results.get("blog_voices", {}).get(figures, {}).get(metric)
            if value is not None:
                table.append((f"blog-voices dev · {reading}", metric, f"{value:.3f}", "—", "—"))
        sources = results.get("blog_voices", {}).get(figures, {}).get("sources")
        if sources:
            named = f"{sources['named_right']}/{sources['named_in_text']}"
            table.append((f"blog-voices dev · {reading}", "sources named (annotated posts)", named, "—", "—"))
    return table


def _blog_voices_markdown(results: dict[str, Any]) -> list[str]:
    figures = results.get("blog_voices")
    if not figures:
        return []
    plain = figures["plain"]
    return [
        "\n## Voices on real blogs (blog-voices dev)\n",
        (
            f"{figures['posts']} posts from blogs the classifier never saw, {plain['paragraphs']} gold paragraphs, "
            f"{plain['quoted']} of them pasted excerpts (the writers' `>` block quotes). Read as plain text (markup "
            "stripped) sayso infers each paragraph's voice; read as the Markdown original the markup decides. "
            f"`baseline_accuracy` calls every paragraph the author's. Definitions are in "
            "`sayso/evaluation/blog_voices.py`.\n"
        ),
        _markdown_table(("reading", "metric", "sayso"), [row[:3] for row in rows(results) if row[0].startswith("blog")]),
    ]
def crossdomain_rows(results: dict[str, Any]) -> list[tuple[str, ...]]:
    """(set · scorer, metric, rules, model, hybrid) rows: the overlap scorer on speech and all cues,
    then CofeNet's sentence-level span F1 per role in both content conventions."""
    from sayso.evaluation import crossdomain, spans

    table: list[tuple[str, ...]] = []
    for result in results.get("crossdomain", {}).values():
        overlap, sentence = result["overlap"], result["spans"]
        for subset in crossdomain.SUBSETS:
            for key in crossdomain.OVERLAP_METRICS:
                cells = [_cell(overlap.get(s, {}).get(subset, {}).get(key)) for s in crossdomain.SYSTEMS]
                table.append((f"{result['name']} · {subset}", POLNEAR_METRICS[key], *cells))
        for convention in spans.CONVENTIONS:
            for key in spans.METRICS:
                cells = [_cell(sentence.get(s, {}).get(convention, {}).get(key)) for s in crossdomain.SYSTEMS]
                table.append((f"{result['name']} · CofeNet spans, {convention}", key.replace("_", " "), *cells))
    return table


def _agreement_markdown(agreement: dict[str, Any] | None) -> str:
    """The human ceiling beside sayso on the same articles, speech cues."""
    if not agreement:
        return ""
    header = ("metric", "annotator vs annotator", "sayso vs annotator")
    body = [
        (label, _cell(agreement["annotators_vs_annotators"]["speech"].get(key)),
         _cell(agreement["sayso_vs_annotators"]["speech"].get(key)))
        for key, label in POLNEAR_METRICS.items()
    ]
    return (
        f"\n### How far annotators agree (speech cues)\n\nPolNeAR's `{agreement['compartment']}` compartment: "
        f"{agreement['articles']} articles, each annotated independently by {agreement['annotators']} annotators "
        f"({agreement['pairs']} ordered pairs, one annotator scored as the system against another as gold, "
        "counts summed). sayso is scored on the same articles against every annotator. The `annotators` column "
        "above is this agreement, subset by subset. Four articles are a small sample: read the "
        "figures as the height of the ceiling, not a precise one.\n\n"
        + _markdown_table(header, body)
    )


def _markdown_table(header: tuple[str, ...], body: list[tuple[str, ...]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in body]
    return "\n".join(lines) + "\n"


def markdown(report: Report, command: str, gate_failures: list[str] | None = None) -> str:
    """The ``docs/quality.md`` page for one run."""
    r = report.results
    polnear, gold = r["polnear"], r["gold"]
    speech = polnear["systems"]["sayso"]["speech"]
    limited = f" (first {polnear['limit']} articles only)" if polnear.get("limit") else ""
    parts = [
        "# sayso quality\n",
        (
            f"Generated by `{command}`; do not edit by hand. Every figure below comes from that one run. "
            "CI runs `sayso eval --gate --no-docs`, which fails when a pinned figure "
            "(`sayso/evaluation/floors.json`) drops more than 2 points.\n"
        ),
        "## Attribution on PolNeAR, sayso vs textacy\n",
        (
            f"{polnear['dataset']}, `{polnear['split']}` split, {polnear['articles']} articles{limited}. "
            f"Cells are F1 (precision/recall). Scoring: {polnear['scoring']}. `speech` keeps speech cues "
            "(said, told, added, stated, according to, …); textacy's `direct_quotations` finds direct quotes only.\n"
        ),
        (
            f"Goal: content F1 ≥ {GOAL} and source F1 ≥ {GOAL} on speech cues. This run: content "
            f"{speech['content_overlap']['f1']:.3f}, source {speech['source']['f1']:.3f}. Published anchors "
            f"(other corpora, for orientation): {'; '.join(ANCHORS)}. citron's two figures use its own "
            "definitions, so the last two rows of each subset score sayso by them too: content tokens "
            f"{speech['content_tokens']['f1']:.3f}, source cue-paired exact {speech['source_cue_exact']['f1']:.3f} "
            "(different corpora still: PARC 3.0 is Wall Street Journal news).\n"
        ),
        _markdown_table(
            ("subset", "metric", "sayso", "textacy", "annotators"),
            [row for row in rows(r) if row[0].startswith("PolNeAR")],
        ),
        _agreement_markdown(polnear.get("agreement")),
        "\n## Attribution across domains: rules, model and hybrid\n",
        (
            "PolNeAR dev and GUM's Wikinews news and interview documents (dev and test splits; a second "
            "publisher and style), each scored with the overlap scorer above and with CofeNet's metric "
            "(Wang et al., COLING 2022): sentence-level exact-match and begin-match F1 per role over all "
            "cues, spans compared on their own, not as triples. `as_annotated` compares gold as written "
            "with sayso's content whose enclosing quotation marks are put back; `unquoted` drops enclosing "
            "marks and edge `,.:;` on both sides. `rules` is `sayso analyze --attribution rules`, `model` the "
            "trained tagger alone, `hybrid` the tagger reading the rules' roles (docs/models.md).\n"
        ),
        _markdown_table(("set", "metric", "rules", "model", "hybrid"), crossdomain_rows(r)),
        "\n## The in-house conflict-reporting set\n",
        (
            f"{gold['passages']} passages written for sayso (`tests/gold/`, data digest `{gold['digest']}`): "
            f"{gold['voices']['paragraphs']} paragraphs, {gold['attributions']['gold']} attributions, "
            f"{gold['assessments']['gold']} assessments, {gold['dates']['gold']} dates. Definitions are in "
            "`sayso/evaluation/gold.py`.\n"
        ),
        _markdown_table(
            ("layer", "metric", "sayso"), [row[:3] for row in rows(r) if row[0].startswith("gold")]
        ),
        "\n## Estimative language in real assessments (estimative-dev)\n",
        (
            f"`shared/data/estimative-dev`: {r['estimative_dev']['documents']} intelligence and think-tank documents, "
            f"{r['estimative_dev']['gold']} estimative phrases (data digest `{r['estimative_dev']['digest']}`), scored "
            "on the ICD 203 scale as `sayso/evaluation/estimative_dev.py` defines. A development set: measured, "
            "never fitted. Goals: phrase F1 ≥ 0.92, category ≥ 0.90, band ≥ 0.95, no band on a gold uncertainty, "
            "comparative or assessment verb (`unbanded_with_band` = 0), assessor ≥ 0.95 (a null assessor, sayso's "
            "\"unknown\", is right only where the gold says `unattributed`, never for the document's author).\n"
        ),
        _markdown_table(
            ("set", "metric", "sayso"), [row[:3] for row in rows(r) if row[0] == "estimative-dev"]
        ),
        *_blog_voices_markdown(r),
        "\n## Calibration of estimative language\n",
        f"![phrases against probability: sayso's range and median, readers' IQR, ICD 203 band]({r['calibration']['plot']})\n",
        report.calibration_markdown,
    ]
    if gate_failures is not None:
        parts.append("\n## Regression gate\n")
        parts.append(
            "All pinned floors hold.\n"
            if not gate_failures
            else "".join(f"- FAIL: {failure}\n" for failure in gate_failures)
        )
    return "\n".join(parts)
