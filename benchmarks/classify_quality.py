"""How well the classifier sorts the labelled results in tests/data/classify.

    python benchmarks/classify_quality.py [--set dev|heldout|all] [--json] [--verbose]
                                          [--dump FILE] [--dir FOLDER] [--offline]

Prints per-class precision, recall and F1, macro-F1, accuracy and the confusion
matrix; with --verbose also every misclassified result with its reasons; with --dump
every prediction (category, topic, confidence, year, reasons) as JSON, to compare runs.
With --dir it scores a folder in the same format written elsewhere (a blind part:
`results.jsonl` and `people/`); with --offline it sorts without the recorded page checks
and leaves the defunct results out, as an audit without network would.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from footprint.classify import Classifier  # noqa: E402
from footprint.models import Category, Classification, PageCheck, SearchResult  # noqa: E402
from footprint.profile import load_profile  # noqa: E402

DATA = ROOT / "tests" / "data" / "classify"
LABELS = [c.value for c in Category]


@dataclass(frozen=True)
class Item:
    person: str
    label: str
    topic: str | None
    result: SearchResult
    check: PageCheck | None
    note: str


def load_items(names: Sequence[str], data: Path = DATA) -> list[Item]:
    paths = []
    for name in names:  # the set, or its parts while it is being written
        whole = data / f"{name}.jsonl"
        paths += [whole] if whole.exists() else sorted(data.glob(f"{name}_part*.jsonl"))
    if not paths:
        raise SystemExit(f"{data}: no {' or '.join(names)} set")
    return [item for path in paths for item in load_file(path)]


def load_file(path: Path) -> list[Item]:
    """The labelled items of one JSONL file."""
    items = []
    if not path.exists():
        raise SystemExit(f"{path}: no such file")
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            check = raw.get("check")
            items.append(
                Item(
                    raw["person"],
                    raw["label"],
                    raw.get("topic"),
                    SearchResult.from_dict(raw["result"]),
                    PageCheck.from_dict(check) if check else None,
                    raw.get("note", ""),
                )
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise SystemExit(f"{path}:{lineno}: {exc}") from None
    return items


def classify_items(items: Sequence[Item], data: Path = DATA) -> list[Classification]:
    classifiers: dict[str, Classifier] = {}
    out = []
    for item in items:
        if item.person not in classifiers:
            profile = load_profile(data / "people" / f"{item.person}.toml").profile
            classifiers[item.person] = Classifier(profile)
        out.append(classifiers[item.person].classify(item.result, item.check))
    return out


def scores(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, Any]:
    """Per-class precision/recall/F1, macro-F1 (over classes present), accuracy, confusion."""
    confusion = Counter(zip(gold, predicted, strict=True))
    per_class = {}
    present = [c for c in LABELS if c in gold or c in predicted]
    for c in present:
        tp = confusion[(c, c)]
        fp = sum(n for (g, p), n in confusion.items() if p == c and g != c)
        fn = sum(n for (g, p), n in confusion.items() if g == c and p != c)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[c] = {"precision": precision, "recall": recall, "f1": f1, "support": tp + fn}
    in_gold = [c for c in present if per_class[c]["support"]]
    macro = sum(per_class[c]["f1"] for c in in_gold) / len(in_gold) if in_gold else 0.0
    accuracy = (
        sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold) if gold else 0.0
    )
    matrix = {g: {p: confusion[(g, p)] for p in LABELS} for g in LABELS}
    return {"n": len(gold), "macro_f1": macro, "accuracy": accuracy, "per_class": per_class,
            "confusion": matrix}  # fmt: skip


def report(result: dict[str, Any]) -> str:
    lines = [
        f"{result['n']} results",
        "",
        f"{'class':<10} {'prec':>6} {'recall':>6} {'F1':>6} {'n':>4}",
    ]
    for c, s in result["per_class"].items():
        lines.append(
            f"{c:<10} {s['precision']:>6.3f} {s['recall']:>6.3f} {s['f1']:>6.3f} {s['support']:>4}"
        )
    lines += ["", f"macro-F1  {result['macro_f1']:.3f}", f"accuracy  {result['accuracy']:.3f}", ""]
    lines.append("confusion (rows: label, columns: predicted)")
    lines.append(" " * 10 + "".join(f"{p[:8]:>9}" for p in LABELS))
    for g in LABELS:
        lines.append(f"{g:<10}" + "".join(f"{result['confusion'][g][p]:>9}" for p in LABELS))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=["dev", "heldout", "all"], default="dev")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--verbose", "-v", action="store_true", help="list misclassified results")
    parser.add_argument("--dump", type=Path, help="write every prediction as JSON to FILE")
    parser.add_argument(
        "--part", help="score only this file of tests/data/classify, e.g. dev_part_c.jsonl"
    )
    parser.add_argument("--dir", type=Path, help="score FOLDER/results.jsonl with FOLDER/people")
    parser.add_argument(
        "--offline", action="store_true", help="no page checks; defunct results left out"
    )
    args = parser.parse_args(argv)
    names = ["dev", "heldout"] if args.set == "all" else [args.set]
    data = args.dir if args.dir else DATA
    if args.dir:
        items = load_file(args.dir / "results.jsonl")
    else:
        items = load_items(names) if args.part is None else load_file(DATA / args.part)
    if args.offline:
        items = [replace(i, check=None) for i in items if i.label != "defunct"]
    predicted = classify_items(items, data)
    if args.dump:
        dumped = [{"url": i.result.url, "label": i.label, **p.to_dict()}
                  for i, p in zip(items, predicted, strict=True)]  # fmt: skip
        args.dump.write_text(json.dumps(dumped, indent=1, ensure_ascii=False), encoding="utf-8")
    result = scores([i.label for i in items], [p.category.value for p in predicted])
    pairs = zip(items, predicted, strict=True)
    topics = [(i.topic, p.topic.value if p.topic else None) for i, p in pairs
              if i.label == "defunct" and p.category.value == "defunct"]  # fmt: skip
    result["defunct_topic_accuracy"] = (
        sum(g == p for g, p in topics) / len(topics) if topics else None
    )
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(report(result))
        if result["defunct_topic_accuracy"] is not None:
            print(
                f"\ndefunct topic accuracy {result['defunct_topic_accuracy']:.3f} ({len(topics)})"
            )
    if args.verbose:
        for item, got in zip(items, predicted, strict=True):
            if got.category.value != item.label:
                print(f"\n[{item.person}] {item.label} → {got.category.value}: {item.result.title}")
                print(f"  {item.result.url}")
                print(f"  snippet: {item.result.snippet[:200]}")
                if item.check:
                    print(f"  check: {item.check.status.value} {item.check.title[:80]}")
                print(f"  note: {item.note}")
                for reason in got.reasons:
                    print(f"  · {reason.text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
