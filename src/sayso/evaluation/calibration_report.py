"""Calibration of estimative language: derive sayso's phrase table, and report how it compares.

Two jobs, both reading the WEP standards and raw survey answers in ``shared/data/wep``:

* ``derive(wep_dir)`` builds the rows of ``sayso/data/calibration.csv`` (run
  ``python -m sayso.evaluation.calibration_report --derive`` to rewrite it; the data folder is
  found beside the repository or given with ``--wep``).
* ``build(out_dir)`` writes ``calibration.md`` and ``calibration.png``: sayso's range and median
  per phrase against ICD 203, the UK PHIA yardstick and the pooled survey quartiles, flagging
  where standards and readers disagree and any phrase whose median leaves the reader IQR.

The recipe (``RECIPE``) says, for each canonical phrase, which survey phrases pool into it and
which band it takes on each standard; ``calibration.PROVENANCE.md`` explains the choices.
"""

from __future__ import annotations

import argparse
import csv
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from sayso.calibration import COLUMNS, Entry, Table, load_table
from sayso.errors import ConfigError

WEP_DIR = Path(__file__).resolve().parents[4] / "shared" / "data" / "wep"
TABLE_PATH = Path(__file__).resolve().parents[1] / "data" / "calibration.csv"
STANDARDS = {"icd203": "ICD203", "phia": "UK-PHIA", "nato": "NATO"}
# The standards file's terms, renamed to the labels sayso prints.
BAND_LABELS = {"almost certain(ly)": "almost certain", "likely or probable": "likely"}


@dataclass(frozen=True, slots=True)
class Recipe:
    """How one canonical phrase is calibrated.

    ``surveys``: the survey phrases pooled for it (empty when no survey asked about it);
    ``bands``: its band on icd203, phia and nato (the nearest band where a standard lacks the
    phrase; ``note`` says so); ``median``: a fixed median (%) when no survey covers the phrase,
    else the band midpoint is used; ``kind``: the category of the phrase. Rows of a modal,
    judgement or uncertainty phrase on a standard scale complete the table but are never shown:
    sayso gives those phrases no band there (only the readers' survey range, where one exists).
    """

    phrase: str
    surveys: tuple[str, ...]
    bands: tuple[str, str, str]
    note: str = ""
    median: float | None = None
    kind: str = "wep"  # the category sayso gives the phrase; only a "wep" takes a band on a standard scale


MIDDLE = ("roughly even chance", "realistic possibility", "even chance")
HEDGE = "hedge: no standard calibrates it (NIC: likelihood cannot be assessed); no band on a standard scale, row kept for completeness"
RECIPE: tuple[Recipe, ...] = (
    Recipe("almost certainly", ("almost certainly", "almost certain"), ("almost certain", "almost certain", "highly likely"),
           "NATO has no term above 90%: nearest band"),
    Recipe("extremely likely", (), ("almost certain", "almost certain", "highly likely"),
           "intensified 'very likely' (IPCC/EFSA 'extremely likely' >= 95%); no survey", 97.0),
    Recipe("very likely", ("very likely",), ("very likely", "highly likely", "highly likely")),
    Recipe("highly likely", ("highly likely",), ("very likely", "highly likely", "highly likely")),
    Recipe("highly probable", (), ("very likely", "highly likely", "highly likely"), "ICD 203 synonym of very likely; median of readers' 'highly likely'", 90.0),
    Recipe("we assess", ("control",), ("very likely", "highly likely", "likely"),
           "unhedged judgement ('X assesses that ...'): no standard number; reader anchor = bare 'X believes that' "
           "(Belem control)", kind="assess-verb"),
    Recipe("likely", ("likely",), ("likely", "likely", "likely")),
    Recipe("probably", ("probably",), ("likely", "likely", "likely")),
    Recipe("probable", ("probable",), ("likely", "likely", "likely")),
    Recipe("we believe", ("we believe",), ("likely", "likely", "likely"), "Kent lists 'we believe' with probable",
           kind="assess-verb"),
    Recipe("better than even", ("better than even",), ("likely", "likely", "even chance"),
           "between ICD even chance and likely; readers 60"),
    Recipe("roughly even chance", ("about even",), MIDDLE, "PHIA has no 50% term: nearest band"),
    Recipe("realistic possibility", ("realistic possibility",), MIDDLE,
           "PHIA term only; readers put it well above the PHIA band"),
    Recipe("possible", ("possible",), MIDDLE, HEDGE, kind="modal"),
    Recipe("possibly", ("possibly", "maybe"), MIDDLE, HEDGE, kind="modal"),
    Recipe("may", ("may happen",), MIDDLE, HEDGE, kind="modal"),
    Recipe("might", ("might happen",), MIDDLE, HEDGE, kind="modal"),
    Recipe("could", ("could happen",), MIDDLE, HEDGE, kind="modal"),
    Recipe("not unlikely", (), MIDDLE, "litotes: negated 'unlikely' (Mosteller & Youtz: negation halves the distance)"),
    Recipe("unlikely", ("unlikely",), ("unlikely", "unlikely", "unlikely")),
    Recipe("not likely", ("not likely",), ("unlikely", "unlikely", "unlikely")),
    Recipe("probably not", ("probably not",), ("unlikely", "unlikely", "unlikely"), "Kent 'probably not' 20-40"),
    Recipe("improbable", ("improbable",), ("unlikely", "unlikely", "unlikely"),
           "ICD 203 row of unlikely; readers put it lower (Canada-PS: 2-12%)"),
    Recipe("we doubt", ("we doubt", "doubtful"), ("unlikely", "unlikely", "unlikely"), "Kent lists 'we doubt' with probably not"),
    Recipe("cannot afford", (), ("unlikely", "unlikely", "unlikely"),
           "negated capacity: the action is judged unlikely; no survey"),
    Recipe("no significant threat", (), ("unlikely", "unlikely", "unlikely"),
           "hedged threat denial: harm judged unlikely; no survey"),
    Recipe("cannot rule out", (), ("unlikely", "unlikely", "unlikely"),
           "NIC: for unlikely or even remote events worth mentioning; no survey; an uncertainty statement, no band",
           20.0, kind="uncertainty"),
    Recipe("little chance", ("little chance", "chances are slight"), ("very unlikely", "highly unlikely", "unlikely")),
    Recipe("very unlikely", ("very unlikely",), ("very unlikely", "highly unlikely", "highly unlikely")),
    Recipe("highly unlikely", ("highly unlikely",), ("very unlikely", "highly unlikely", "highly unlikely")),
    Recipe("highly improbable", (), ("very unlikely", "highly unlikely", "highly unlikely"),
           "ICD 203 synonym of very unlikely; median of readers' 'highly unlikely'", 5.0),
    Recipe("no threat", (), ("very unlikely", "highly unlikely", "highly unlikely"),
           "flat threat denial: harm judged very unlikely; no survey"),
    Recipe("lacks the capability", (), ("very unlikely", "highly unlikely", "highly unlikely"),
           "negated capability ('does not have the ability to'): the action is judged very unlikely; no survey"),
    Recipe("extremely unlikely", (), ("almost no chance", "remote chance", "highly unlikely"),
           "no standard US/UK term; IPCC/EFSA 'extremely unlikely' <= 5%; no survey", 3.0),
    Recipe("almost no chance", ("almost no chance",), ("almost no chance", "remote chance", "highly unlikely")),
    Recipe("remote", ("remote chance",), ("almost no chance", "remote chance", "highly unlikely"),
           "ICD 203 synonym of almost no chance"),
    Recipe("almost certainly not", (), ("almost no chance", "remote chance", "highly unlikely"),
           "Kent 2-12%; nearest ICD band"),
)


@dataclass(frozen=True, slots=True)
class Quartiles:
    n: int
    q25: float
    median: float
    q75: float


def _survey_answers(wep_dir: Path) -> dict[str, list[float]]:
    """Every raw survey answer (%) by normalised phrase, pooled over the five surveys."""
    answers: dict[str, list[float]] = defaultdict(list)

    def rows(relative: str) -> list[dict[str, str]]:
        path = wep_dir / relative
        if not path.exists():
            raise ConfigError(f"survey file not found: {path}")
        with path.open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))

    for row in rows("kucharski-capphrase/absolute_judgements.csv"):
        answers[row["term"].lower()].append(float(row["probability"]))
    for relative, rename in (
        ("mauboussin-probability-survey/probability_survey_results.csv", lambda c: c.replace("_", " ")),
        ("fagen-ulmschneider-probability-words/survey-results.csv", lambda c: c.strip('"').lower()),
        ("zonination-perceptions/probly.csv", str.lower),
    ):
        for row in rows(relative):
            for column, value in row.items():
                if value and value.replace(".", "", 1).isdigit():
                    answers[rename(column)].append(float(value))
    for row in rows("belem-2024-uncertainty-perceptions/humans_experiment1_nonverifiable.csv"):
        if row["include_participant"] == "True":
            answers[row["uncertainty_expression"]].append(float(row["response"]))
    return answers


def pooled_quartiles(wep_dir: Path = WEP_DIR) -> dict[str, Quartiles]:
    """Median and quartiles (linear interpolation) of each sayso phrase's pooled survey answers."""
    answers = _survey_answers(wep_dir)
    result = {}
    for recipe in RECIPE:
        values = [v for term in recipe.surveys for v in answers.get(term, ())]
        if recipe.surveys and not values:
            raise ConfigError(f"no survey answers for {recipe.phrase!r} (looked for {', '.join(recipe.surveys)})")
        if values:
            q25, median, q75 = np.percentile(values, [25, 50, 75])
            result[recipe.phrase] = Quartiles(len(values), float(q25), float(median), float(q75))
    return result


def _standard_bands(wep_dir: Path) -> dict[str, dict[str, tuple[float, float]]]:
    """Each scale's bands as ``label -> (low %, high %)``."""
    bands: dict[str, dict[str, tuple[float, float]]] = defaultdict(dict)
    with (wep_dir / "standards_scales.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            for scale, standard in STANDARDS.items():
                if row["standard"] == standard:
                    label = BAND_LABELS.get(row["term"], row["term"])
                    bands[scale][label] = (float(row["low_pct"]), float(row["high_pct"]))
    return bands


def listed_terms(wep_dir: Path = WEP_DIR) -> dict[str, set[str]]:
    """Each standard scale's own words, lowercase: terms and alternatives, "almost certain(ly)" and
    "improbable (improbably)" spelled out both ways, "likely or probable" split."""
    listed: dict[str, set[str]] = defaultdict(set)
    with (wep_dir / "standards_scales.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            for scale, standard in STANDARDS.items():
                if row["standard"] != standard:
                    continue
                for term in [row["term"], *row["alt_terms"].split(";")]:
                    term = term.strip().lower()
                    for part in term.split(" or ") if term else ():
                        base = re.sub(r"\s*\([\w ]+\)", "", part).strip()
                        listed[scale].add(base)
                        for joined, inner in re.findall(r"(\S?)\(([\w ]+)\)", part):  # "certain(ly)", "(probably)"
                            listed[scale].add(base + inner if joined else inner)
    return listed


def definition(recipe: Recipe, scale: str, listed: dict[str, set[str]]) -> str:
    """What ``scale`` gives the phrase: its own term, its nearest band, survey numbers, or none."""
    if scale == "readers":
        return "survey range" if recipe.surveys else ("ICD 203 values" if recipe.kind == "wep" else "none")
    if recipe.kind != "wep":
        return "none"
    forms = {recipe.phrase, recipe.phrase.removesuffix("ly"), recipe.phrase + "ly"}  # "almost certain(ly)"
    return "term" if forms & listed[scale] else "nearest band"


def _nearest_band(bands: dict[str, tuple[float, float]], value: float) -> str:
    """The band containing ``value`` (the one whose middle is nearer on a shared edge), else the closest."""
    def distance(band: str) -> tuple[float, float]:
        low, high = bands[band]
        return max(low - value, value - high, 0.0), abs((low + high) / 2 - value)

    return min(bands, key=distance)


def derive(wep_dir: Path = WEP_DIR) -> list[Entry]:
    """The table rows: each phrase's band and low/median/high on every scale.

    Standard scales take the band's range; the median is the pooled survey median clipped into
    the band (so it lies in the band and as near the readers as the standard allows), else the
    recipe's fixed median, else the band midpoint. ``readers`` is the pooled median and
    quartiles, labelled with the phrase's ICD 203 band when the median lies in it, else the
    nearest one; without survey data it repeats ICD 203.
    """
    bands = _standard_bands(wep_dir)
    survey = pooled_quartiles(wep_dir)
    entries = []
    for recipe in RECIPE:
        quartiles = survey.get(recipe.phrase)
        for scale, band in zip(STANDARDS, recipe.bands, strict=True):
            if band not in bands[scale]:
                raise ConfigError(f"recipe {recipe.phrase!r}: {scale} has no band {band!r}")
            low, high = bands[scale][band]
            if quartiles:
                median, basis = min(max(quartiles.median, low), high), "pooled survey median clipped into band"
            elif recipe.median is not None:
                median, basis = min(max(recipe.median, low), high), "fixed median (no survey)"
            else:
                median, basis = (low + high) / 2, "band midpoint (no survey)"
            basis = f"{basis}; {recipe.note}" if recipe.note else basis
            entries.append(Entry(recipe.phrase, scale, band, low / 100, median / 100, high / 100, basis))
        if quartiles:
            icd_low, icd_high = bands["icd203"][recipe.bands[0]]
            inside = icd_low <= quartiles.median <= icd_high
            band = recipe.bands[0] if inside else _nearest_band(bands["icd203"], quartiles.median)
            basis = f"pooled survey n={quartiles.n} ({', '.join(recipe.surveys)}): q25, median, q75"
            entries.append(
                Entry(recipe.phrase, "readers", band, quartiles.q25 / 100, quartiles.median / 100,
                      quartiles.q75 / 100, basis)
            )
        else:
            icd = entries[-3]
            entries.append(Entry(recipe.phrase, "readers", icd.band, icd.low, icd.median, icd.high,
                                 "no survey data: ICD 203 values"))
    return entries


def write_table(entries: Iterable[Entry], path: Path = TABLE_PATH) -> None:
    """Write derived rows in the shipped CSV format (probabilities rounded to 4 places)."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(COLUMNS)
        for e in entries:
            writer.writerow([e.phrase, e.scale, e.band, round(e.low, 4), round(e.median, 4), round(e.high, 4), e.basis])


# ---- the report ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CalibrationReport:
    markdown: str
    plot_path: Path
    violations: list[str]


def violations(table: Table, survey: dict[str, Quartiles], scale: str = "icd203") -> list[str]:
    """Phrases the surveys cover whose median on ``scale`` lies outside the pooled reader IQR."""
    return [
        phrase
        for phrase, q in survey.items()
        if phrase in table and not q.q25 / 100 <= table.lookup(phrase, scale).median <= q.q75 / 100
    ]


def _disagreement(table: Table, phrase: str, quartiles: Quartiles | None) -> str:
    """Where the standard bands and the readers' IQR do not overlap, say which way readers lean."""
    if quartiles is None:
        return "no survey data"
    notes = []
    for scale, name in (("icd203", "ICD"), ("phia", "PHIA")):
        entry = table.lookup(phrase, scale)
        if quartiles.q25 / 100 > entry.high:
            notes.append(f"readers above {name}")
        elif quartiles.q75 / 100 < entry.low:
            notes.append(f"readers below {name}")
        elif not entry.low <= quartiles.median / 100 <= entry.high:
            notes.append(f"reader median outside {name} band")
    return "; ".join(notes)


def _pct(low: float, high: float) -> str:
    return f"{100 * low:g}–{100 * high:g}"


LEGEND = (
    "Which phrases each scale defines: on `icd203`, `phia` and `nato` a band cell reads **term** when "
    "the standard lists the phrase itself (or its adjective/adverb form), *nearest* when the phrase is a "
    "likelihood word the standard does not list, placed in the band of its closest listed term "
    "(`sayso/data/calibration.PROVENANCE.md` says why, phrase by phrase), and **no band** "
    "for a modal, an assessment verb or an uncertainty statement: sayso gives those no number on a "
    "standard scale (`band` and `probability` null). On `readers` a phrase has its survey range when a "
    "survey asked about it, modals included; an unsurveyed likelihood word repeats its ICD 203 row; any "
    "other phrase has none. Comparatives (\"more likely\") have no row: no scale gives them a number.\n\n"
)


def markdown(table: Table, survey: dict[str, Quartiles], listed: dict[str, set[str]] | None = None) -> str:
    """A table per phrase: kind, sayso (ICD 203 default), what each standard defines, readers, disagreements."""
    listed = listed if listed is not None else {scale: set() for scale in STANDARDS}
    recipes = {r.phrase: r for r in RECIPE}
    lines = [
        "| phrase | kind | sayso median (icd203) | ICD 203 | UK PHIA | NATO | readers median [IQR] (n) "
        "| standards vs readers |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for phrase in table.phrases:
        recipe = recipes.get(phrase, Recipe(phrase, (), ("", "", "")))
        q = survey.get(phrase)
        readers = f"{q.median:g} [{q.q25:g}–{q.q75:g}] ({q.n})" if q else "—"
        cells = []
        for scale in STANDARDS:
            entry, defined = table.lookup(phrase, scale), definition(recipe, scale, listed)
            cells.append("no band" if defined == "none" else
                         f"{entry.band} {_pct(entry.low, entry.high)} ({'term' if defined == 'term' else '*nearest*'})")
        median = f"{100 * table.lookup(phrase).median:g}" if recipe.kind == "wep" else "—"
        readers_cell = readers if definition(recipe, "readers", listed) != "none" else "none"
        lines.append(
            f"| {phrase} | {recipe.kind} | {median} | {' | '.join(cells)} | {readers_cell} | "
            f"{_disagreement(table, phrase, q) if recipe.kind == 'wep' else ''} |"
        )
    return LEGEND + "\n".join(lines) + "\n"


def plot(table: Table, survey: dict[str, Quartiles], path: Path) -> Path:
    """Phrases against probability: ICD band, sayso range and median, survey IQR and median."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    phrases = sorted(table.phrases, key=lambda p: table.lookup(p).median)
    fig, ax = plt.subplots(figsize=(8, 0.32 * len(phrases) + 1.2))
    kinds = {r.phrase: r.kind for r in RECIPE}
    labels = []
    for y, phrase in enumerate(phrases):
        icd = table.lookup(phrase)
        banded = kinds.get(phrase, "wep") == "wep"
        labels.append(phrase if banded else f"{phrase} (no band: {kinds[phrase]})")
        if banded:  # a modal, judgement or uncertainty statement has no band on ICD 203: readers only
            ax.barh(y, icd.high - icd.low, left=icd.low, height=0.7, color="#c6dbef",
                    label="ICD 203 band (sayso range)" if "ICD 203 band (sayso range)" not in ax.get_legend_handles_labels()[1] else None)
            ax.plot(icd.median, y, "D", color="#08519c", markersize=5,
                    label="sayso median" if "sayso median" not in ax.get_legend_handles_labels()[1] else None)
        q = survey.get(phrase)
        if q:
            ax.plot([q.q25 / 100, q.q75 / 100], [y, y], color="#d94801", linewidth=2,
                    label="readers IQR" if "readers IQR" not in ax.get_legend_handles_labels()[1] else None)
            ax.plot(q.median / 100, y, "|", color="#d94801", markersize=10)
    ax.set_yticks(range(len(phrases)), labels, fontsize=8)
    ax.set_xlim(0, 1)
    ax.set_xlabel("probability")
    ax.legend(loc="lower right", fontsize=7)
    ax.grid(axis="x", alpha=0.3)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return path


def build(out_dir: Path, wep_dir: Path = WEP_DIR) -> CalibrationReport:
    """Write ``calibration.md`` and ``calibration.png`` to ``out_dir`` for the shipped table."""
    table = load_table()
    survey = pooled_quartiles(wep_dir)
    bad = violations(table, survey)
    text = markdown(table, survey, listed_terms(wep_dir))
    if bad:
        text += f"\nsayso medians outside the reader IQR: {', '.join(bad)}\n"
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "calibration.md").write_text(text, encoding="utf-8")
    return CalibrationReport(text, plot(table, survey, out_dir / "calibration.png"), bad)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wep", type=Path, default=WEP_DIR, help="the shared/data/wep folder")
    parser.add_argument("--derive", action="store_true", help=f"rewrite {TABLE_PATH.name} from the data")
    parser.add_argument("--out", type=Path, help="write calibration.md and calibration.png here")
    args = parser.parse_args(argv)
    if args.derive:
        write_table(derive(args.wep))
        print(f"wrote {TABLE_PATH}")
    if args.out:
        report = build(args.out, args.wep)
        print(report.markdown)
        print(f"plot: {report.plot_path}; violations: {report.violations or 'none'}")


if __name__ == "__main__":
    main()
