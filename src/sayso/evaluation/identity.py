"""Resolved-name accuracy on GUM: pronoun and description speakers against GUM's gold coreference.

The gold speakers are GUM's attribution sources (``gum-attribution-wikinews.jsonl``), whose
``speaker_name`` is the speaker mention's coreference entity: its Wikipedia identity, else the
longest proper name in its chain, else null ("researchers", "the authors"). The mentions scored are
those that do not name anyone themselves: a pronoun or a common-noun description. A prediction is
right when it names the same person (one name's words contain the other's: "Eastman" and
"Creswell Eastman", a hyphen read as a space: "Al-Maeena" and "Al Maeena"; an acronym of the
other's initials: "KCNA") or when both are null.

    python -m sayso.evaluation.identity [--splits dev,test] [--genres news,interview]
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sayso.identity.resolution import Resolver

GUM = Path(__file__).resolve().parents[4] / "shared" / "data" / "gum" / "gum-attribution-wikinews.jsonl"


def _clean(name: str) -> list[str]:
    """A Wikipedia identity as words: "John_Baird_%28Canadian_politician%29" → ["john", "baird"]."""
    name = re.sub(r"%28.*?%29|\(.*?\)", "", name.replace("_", " ").replace("-", " "))
    return [w.strip(".,").lower() for w in name.split() if len(w.strip(".,")) > 1]


def _name_words(name: str) -> set[str]:
    return set(_clean(name))


def _initials_of(acronym: str, name: str) -> bool:
    """"KCNA" and "Korean Central News Agency": one body, by its initials."""
    words = _clean(name)
    return acronym.isupper() and len(acronym) >= 2 and len(words) >= 2 and acronym.lower() == "".join(w[0] for w in words)


def same_person(predicted: str | None, gold: str | None) -> bool:
    if predicted is None or gold is None:
        return predicted is None and gold is None
    a, b = _name_words(predicted), _name_words(gold)
    if a and b and (a <= b or b <= a):
        return True
    if _initials_of(predicted, gold) or _initials_of(gold, predicted):
        return True
    # the same surname, and one first name short for the other ("Cres"/"Creswell", "Chris"/"Christine")
    a_words, b_words = _clean(predicted), _clean(gold)
    if len(a_words) < 2 or len(b_words) < 2 or a_words[-1] != b_words[-1]:
        return False
    return a_words[0].startswith(b_words[0]) or b_words[0].startswith(a_words[0])


def records(splits: Iterable[str], genres: Iterable[str], path: Path = GUM) -> list[dict[str, Any]]:
    splits, genres = set(splits), set(genres)
    with path.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    return [r for r in rows if r["split"] in splits and r["genre"] in genres]


def score(docs: Iterable[tuple[dict[str, Any], Any]]) -> dict[str, Any]:
    """Accuracy over the pronoun/description gold speakers of ``(record, parsed Doc)`` pairs."""
    rows = []
    for record, doc in docs:
        attributions = doc._.attributions or []
        resolver = Resolver(doc, [dict(a) for a in attributions])
        for quote in record["quotes"]:
            speaker = quote["speaker"]
            if speaker is None or quote.get("nested"):
                continue
            mention = (speaker["start"], speaker["end"])
            if resolver.head(mention) is None or resolver.is_named(mention):
                continue
            predicted, _ = resolver.resolve(mention)
            pipeline = next(  # what the whole pipeline credited to an attribution at this mention
                (a.get("speaker_name") for a in attributions if a.get("speaker_mention")
                 and a["speaker_mention"][0] < mention[1] and mention[0] < a["speaker_mention"][1]),
                None,
            )
            rows.append({
                "doc": record["id"], "mention": speaker["text"], "gold": quote["speaker_name"],
                "predicted": predicted, "pipeline": pipeline,
                "correct": same_person(predicted, quote["speaker_name"]),
            })
    named = [r for r in rows if r["gold"] is not None]
    return {
        "mentions": len(rows),
        "accuracy": round(sum(r["correct"] for r in rows) / len(rows), 3) if rows else None,
        "named_mentions": len(named),
        "named_accuracy": round(sum(r["correct"] for r in named) / len(named), 3) if named else None,
        "named_resolved": sum(r["predicted"] is not None for r in named),
        "wrong_name": sum(r["predicted"] is not None and not r["correct"] for r in rows),
        "end_to_end_accuracy": round(sum(same_person(r["pipeline"], r["gold"]) for r in rows) / len(rows), 3)
        if rows else None,
        "rows": rows,
    }


def evaluate(splits: Iterable[str] = ("dev", "test"), genres: Iterable[str] = ("news", "interview")) -> dict[str, Any]:
    from sayso import pipeline
    from sayso.reading import read

    chosen = records(splits, genres)
    nlp = pipeline.load()
    docs = nlp.pipe(pipeline.prepare_doc(nlp, read(r["text"])) for r in chosen)
    return score(zip(chosen, docs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--splits", default="dev,test")
    parser.add_argument("--genres", default="news,interview")
    parser.add_argument("--rows", action="store_true", help="print every scored mention")
    args = parser.parse_args()
    result = evaluate(args.splits.split(","), args.genres.split(","))
    rows = result.pop("rows")
    if args.rows:
        for r in rows:
            print(json.dumps(r, ensure_ascii=False))
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
