"""How fast the classifier is: 1,000 results, offline, including building the Classifier.

    python benchmarks/classify_speed.py [--n 1000]

The results are the dev set's, repeated with small variations (another rank, a
changed number in the snippet) so that not every text is an exact repeat. The first
run on a machine also builds the lemma tables in footprint's cache folder (once,
about half a minute); the figure that matters is a run after that.
"""

from __future__ import annotations

import argparse
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
    args = parser.parse_args()
    items = load_items(["dev"])
    by_person: dict[str, list[SearchResult]] = {}
    for item in items:
        by_person.setdefault(item.person, []).append(item.result)
    share = max(1, args.n // len(by_person))
    started, cpu = time.perf_counter(), time.process_time()
    from footprint.classify import classify_all

    total = 0
    for person, results in by_person.items():
        profile = load_profile(DATA / "people" / f"{person}.toml").profile
        batch = variants(results, share)
        total += len(classify_all(batch, profile))
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(
        f"{total} results for {len(by_person)} people in {elapsed:.2f} s wall, {cpu:.2f} s CPU "
        f"({total / elapsed:.0f} results/s; Classifier construction and imports included)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
