"""How long one hostile result takes to sort, by the size of its fields (1 KB to 1 MB).

    python benchmarks/classify_hostile.py [--max-kb 1024] [--no-caps]

Each shape (a run of capitals, names with ages, birth marks, dates, list breaks…) fills
the title, the snippet, the page title and the page excerpt at each size. Printed: the
milliseconds per result and the time per KB, which stays flat or falls when sorting is
linear in the input. With --no-caps the field caps of `footprint.classify.limits` are
lifted, so the figures show the patterns themselves (every one must be linear).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from footprint.classify import Classifier, limits  # noqa: E402
from footprint.models import PageCheck, PageStatus, SearchResult  # noqa: E402
from footprint.profile import parse_profile  # noqa: E402

PROFILE = parse_profile(
    """
name = "Laura Hietanen"
birth_year = 1978
locations = ["Tampere"]
[work]
titles = ["sosiaaliohjaaja"]
[activism]
years = [1996, 2006]
"""
).profile
SHAPES = {
    "capitals": "A",
    "hyphens": "Aa-",
    "name, age": "Laura Hietanen, 16, ",
    "birth mark": "Hietanen s. 1931 ",
    "career word": "qualif",
    "dates": "12.3.2004 ",
    "ages": "Laura Hietanen 40-vuotias ",
    "life spans": "Hietanen (1931–2019) ",
    "list breaks": ", ",
    "prose": "Laura Hietanen työskentelee sosiaaliohjaajana Tampereella ja juoksee. ",
}


def fill(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def timed(classifier: Classifier, unit: str, size: int) -> float:
    text = fill(unit, size)
    url = "https://example.invalid/" + fill("a-b/", min(size, 8192))
    result = SearchResult(url=url, title=text, snippet=text)
    check = PageCheck(PageStatus.LIVE, title=text, excerpt=text)
    started = time.perf_counter()
    classifier.classify(result, check)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-kb", type=int, default=1024)
    parser.add_argument("--no-caps", action="store_true", help="lift the field caps")
    args = parser.parse_args()
    if args.no_caps:
        for name in ("TITLE_CHARS", "SNIPPET_CHARS", "EXCERPT_CHARS", "URL_CHARS"):
            setattr(limits, name, 1 << 40)
    sizes = [kb for kb in (1, 4, 16, 64, 256, 1024) if kb <= args.max_kb]
    classifier = Classifier(PROFILE)
    classifier.classify(SearchResult(url="https://example.invalid/", title="Laura Hietanen"))
    print(f"ms per result (each of 4 fields this size){' — no caps' if args.no_caps else ''}")
    head = "".join(f"{str(kb) + ' KB':>10}" for kb in sizes)
    print(f"{'shape':<12}{head}  ms/KB at the top")
    worst = 0.0
    for shape, unit in SHAPES.items():
        row = [timed(classifier, unit, kb * 1024) for kb in sizes]
        worst = max(worst, max(row))
        per_kb = row[-1] * 1000 / sizes[-1]
        print(f"{shape:<12}" + "".join(f"{t * 1000:>10.1f}" for t in row) + f"  {per_kb:.3f}")
    print(f"\nslowest result: {worst * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
