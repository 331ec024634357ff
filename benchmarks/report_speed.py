"""How fast a large report renders: 300 results → PDF, with peak memory.

Target (issue 5): under 3 s and under 400 MB on the project's 2-core machine. Prints the
time of each stage (context, HTML, PDF), the page count and the process's peak RSS.
`--strict` exits 1 when a target is missed (for CI); by default it only reports.
`--floor` also renders the same results as the barest list WeasyPrint can lay out (one
unstyled two-line paragraph per result, no chapters), to show what the engine alone costs.

    PYTHONPATH=. python benchmarks/report_speed.py [--results 300] [--lang fi] [--strict] [--floor]

Measured 2026-11-21 (2 cores, PDF/UA-1 with tags): 300 results 61 pages ≈ 14.4 s, 199 MB
(was 80 pages, 20 s, 219 MB before each section listed its steps once; 15.4 s before the
cycle collector was paused during rendering); 35 results 15 pages ≈ 3.4 s. `--floor`:
300 bare unstyled two-line paragraphs alone take ≈ 3.1 s, so no report that lists every
result can render 300 of them in 3 s with WeasyPrint on one core. Where the time goes
(300 results): layout ≈ 45 %, drawing ≈ 25 %, CSS cascade ≈ 12 %, tags ≈ 6 %, PDF writing
≈ 6 %; the pages without result cards cost ≈ 1.1 s, each result card ≈ 40 ms, and the
cost follows the amount of text, not our CSS (borders, pills, page breaks and running
headers each measured at under 2 %).
"""

from __future__ import annotations

import argparse
import io
import resource
import sys
import time
from collections.abc import Callable
from datetime import date

from footprint.models import (
    ArchiveCopy,
    Category,
    Classification,
    Finding,
    PageCheck,
    PageStatus,
    Reason,
    SearchResult,
)  # fmt: skip
from footprint.profile import Profile

TARGET_SECONDS, TARGET_MB = 3.0, 400

REASONS = (
    Reason("text", "employer 'Uusi Suunta -säätiö' named in the snippet"),
    Reason("text", "year 2001 falls in your activism years 1996–2006"),
    Reason("text", "different home town (Oulu) and age (16)"),
)
SNIPPET = (
    "Laura Hietanen kertoo Tampereella, miksi jälkihuolto tarvitsee asuntoja ja miten "
    "vapautuvan vangin ensimmäiset viikot ratkaisevat paljon. Säätiön sosiaaliohjaaja…"
)


def findings(n: int) -> list[Finding]:
    """A realistic mix: many namesakes, every category and page status, some archived."""
    mix = [Category.NAMESAKE] * 4 + [Category.WORK] * 2 + [
        Category.PRIVATE, Category.ACTIVISM, Category.DEFUNCT, Category.PRIVATE,
    ]  # fmt: skip
    statuses = list(PageStatus)
    out = []
    for i in range(n):
        category = mix[i % len(mix)]
        status = statuses[i % len(statuses)]
        snapshot = f"https://web.archive.org/web/2009/https://s{i}.example.fi/"
        archived = ArchiveCopy(True, snapshot, "2001-02-03", "2009-04-05", 12)
        archive = archived if i % 4 == 0 else ArchiveCopy(False)
        out.append(Finding(
            SearchResult(url=f"https://site{i % 37}.example.fi/arkisto/{2000 + i % 25}/juttu-{i}",
                         title=f"Tulos {i}: Laura Hietanen ja kriminaalityön arki", snippet=SNIPPET,
                         rank=i + 1),
            Classification(category, 0.8, REASONS[: 1 + i % 3], year=1998 + i % 28),
            PageCheck(status, "benchmark", archive=archive),
        ))  # fmt: skip
    return out


def floor_seconds(data: list[Finding], render_pdf: Callable[[str], bytes]) -> float:
    """Seconds WeasyPrint needs for the least a result can show: title, address, status, why."""
    from html import escape

    rows = "".join(
        f"<p><b>{escape(f.result.title)}</b> {escape(f.result.url)}<br>"
        f"{f.check.status.value} · {f.classification.year} · "
        f"{escape(' · '.join(r.text for r in f.classification.reasons))}</p>"
        for f in data
    )
    html = f'<!DOCTYPE html><html lang="fi"><title>floor</title><body>{rows}</body></html>'
    start = time.perf_counter()
    render_pdf(html)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--results", type=int, default=300)
    parser.add_argument("--lang", default="fi", choices=("fi", "sv", "en"))
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--floor", action="store_true", help="also time the barest possible list")
    args = parser.parse_args()

    from pypdf import PdfReader

    from footprint.report.context import build_report_context
    from footprint.report.render import render_report_html
    from footprint.templating import render_pdf

    person = Profile(name="Laura Hietanen")
    data = findings(args.results)
    render_pdf("<p>warm-up: fonts and Pango</p>")

    wall, cpu = time.perf_counter(), time.process_time()
    context = build_report_context(data, person, lang=args.lang, generated=date(2026, 11, 21))
    t_context = time.perf_counter() - wall
    html = render_report_html(context)
    t_html = time.perf_counter() - wall - t_context
    pdf = render_pdf(html)
    total = time.perf_counter() - wall
    total_cpu = time.process_time() - cpu
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"{args.results} results, {pages} pages, {len(pdf) / 1024:.0f} KiB PDF ({args.lang})")
    print(
        f"  context {t_context:.2f} s, HTML {t_html:.2f} s, PDF {total - t_context - t_html:.2f} s"
    )
    print(f"  total   {total:.2f} s wall, {total_cpu:.2f} s CPU   (target < {TARGET_SECONDS} s)")
    print(f"  peak    {peak_mb:.0f} MB RSS               (target < {TARGET_MB} MB)")
    if args.floor:
        floor = floor_seconds(data, render_pdf)
        print(f"  floor   {floor:.2f} s for {args.results} bare two-line paragraphs")
    checks = (("time", total < TARGET_SECONDS), ("memory", peak_mb < TARGET_MB))
    missed = [name for name, ok in checks if not ok]
    print("  targets: " + ("met" if not missed else "MISSED: " + ", ".join(missed)))
    return 1 if missed and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
