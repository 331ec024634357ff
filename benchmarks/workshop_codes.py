"""What the participant codes cost: one code's check, a kit's codes, a group's summary.

The facilitator's device keeps a salted scrypt hash of each code (footprint/workshop/codes.py),
so checking a code is deliberately slow: slow enough that trying every one of the 2**45
secrets is out of reach, fast enough that a kit and a summary take seconds. This prints,
at the default cost (2**14 rounds over 16 MiB):

  - one verifier (median of --repeat runs) and the years a single core would need to try
    every secret of one workshop;
  - `create_workshop` for --participants codes;
  - `admit_shares` + `prepare_summary` for that many shares.

    PYTHONPATH=. python benchmarks/workshop_codes.py [--participants 30] [--repeat 20]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))

from footprint.store import Store
from footprint.workshop.codes import DEFAULT_COST, SECRET_LENGTH, Code, verifier
from footprint.workshop.group import admit_shares, prepare_summary
from footprint.workshop.ledger import create_workshop
from footprint.workshop.share import Share
from footprint.workshop.validate import check_shares

YEAR = 365 * 24 * 3600


def _share(code: str) -> Share:
    return Share(code, 3, {"work": 2, "private": 1}, {"live": 3}, {"unknown": 3}, 0, ())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    code, salt = Code("K7Q2", "ABCDEFGHJ"), b"0123456789abcdef"
    times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        verifier(code, salt, DEFAULT_COST)
        times.append(time.perf_counter() - start)
    one = statistics.median(times)
    every = 32**SECRET_LENGTH * one / YEAR
    print(f"one code's check (scrypt n={DEFAULT_COST}): {one * 1000:.1f} ms (median of "
          f"{args.repeat}); trying every secret on one core: {every:,.0f} years")  # fmt: skip

    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "footprint.db") as store:
        start = time.perf_counter()
        made = create_workshop(store, args.participants)
        made_s = time.perf_counter() - start
        files = [(f"s{i}.json", _share(str(c)).to_json()) for i, c in enumerate(made.codes)]
        start = time.perf_counter()
        admission = admit_shares(store, check_shares(files))
        prepare_summary(store, admission, (), given=len(files), min_group=5)
        summary_s = time.perf_counter() - start
    print(
        f"a kit's {args.participants} codes: {made_s:.2f} s; "
        f"a summary of {args.participants} shares: {summary_s:.2f} s"
    )


if __name__ == "__main__":
    main()
