"""How fast the classifier is: 1,000 results, offline, including building the Classifier.

    python benchmarks/classify_speed.py [--n 1000] [--runs 1]

With --one-profile ID all the results are sorted for one person, as in one audit (where
most results are about someone else); by default each person's own results are sorted
for them, which builds six Classifiers. With --runs N it runs itself N times, each in a
fresh process (imports count), and prints the best and the median wall-clock and CPU
times: the machine may be shared.

The results are the dev set's, repeated with small variations (another rank, a
changed number in the snippet) so that not every text is an exact repeat. The first
run on a machine also builds the lemma tables in footprint's cache folder (once,
about half a minute); the figure that matters is a run after that.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.classify_quality import DATA, load_items  # noqa: E402
from footprint.models import SearchResult  # noqa: E402
from footprint.profile import load_profile  # noqa: E402


def variants(results: list[SearchResult], n: int) -> list[SearchResult]:
    out = []
    i = 0
    while len(out) < n:
        r = results[i % len(results)]
        round_ = i // len(results)
        if round_:
            r = replace(r, rank=(r.rank or 0) + round_, snippet=f"{r.snippet} ({round_})")
        out.append(r)
        i += 1
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=1, help="fresh processes to time")
    parser.add_argument(
        "--one-profile",
        metavar="ID",
        help="one audit's case: every result (about anyone) sorted for this one person",
    )
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.runs > 1:
        return _repeat(args.n, args.runs, args.one_profile)
    items = load_items(["dev"])
    by_person: dict[str, list[SearchResult]] = {}
    for item in items:
        by_person.setdefault(args.one_profile or item.person, []).append(item.result)
    share = max(1, args.n // len(by_person))
    started, cpu = time.perf_counter(), time.process_time()
    from footprint.classify import classify_all

    total = 0
    for person, results in by_person.items():
        profile = load_profile(DATA / "people" / f"{person}.toml").profile
        batch = variants(results, share)
        total += len(classify_all(batch, profile))
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    if args.json:
        print(json.dumps({"n": total, "people": len(by_person), "wall": elapsed, "cpu": cpu}))
        return 0
    print(
        f"{total} results for {len(by_person)} people in {elapsed:.2f} s wall, {cpu:.2f} s CPU "
        f"({total / elapsed:.0f} results/s; Classifier construction and imports included)"
    )
    return 0


def _repeat(n: int, runs: int, one_profile: str | None) -> int:
    """Time `runs` fresh processes; print the best and the median."""
    timings = []
    extra = ["--one-profile", one_profile] if one_profile else []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, __file__, "--n", str(n), "--json", *extra],
            check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip
        timings.append(json.loads(out))
    wall = sorted(t["wall"] for t in timings)
    cpu = sorted(t["cpu"] for t in timings)
    first = timings[0]
    print(
        f"{first['n']} results for {first['people']} people, {runs} runs: "
        f"wall best {wall[0]:.2f} s, median {statistics.median(wall):.2f} s; "
        f"CPU best {cpu[0]:.2f} s, median {statistics.median(cpu):.2f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
