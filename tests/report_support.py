"""Shared pieces of the report and audit tests: a small set of findings covering every
category and page status, and a lemma table kept between test runs."""

from __future__ import annotations

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

PERSON = Profile(name="Laura Hietanen", birth_year=1978, locations=("Tampere",))


def finding(
    url: str,
    category: Category,
    status: PageStatus | None,
    *,
    title: str = "",
    snippet: str = "",
    year: int | None = 2003,
    archived: bool = False,
    corrected: bool = False,
    topic: Category | None = None,
    reasons: tuple[Reason, ...] = (Reason("test", "employer 'Uusi Suunta' named in the snippet"),),
) -> Finding:
    archive = (
        ArchiveCopy(True, f"https://web.archive.org/web/2009/{url}", "2003-02-01", "2009-05-06", 9)
        if archived
        else ArchiveCopy(False)
    )
    check = PageCheck(status, "test", archive=archive) if status else None
    return Finding(
        SearchResult(url=url, title=title or f"Page at {url}", snippet=snippet or "Laura Hietanen"),
        Classification(category, 0.8, reasons, year=year, topic=topic, corrected=corrected),
        check,
    )


def sample_findings() -> list[Finding]:
    """One result for each thing the report treats differently."""
    return [
        finding("https://vastarinta.example.fi/2004/a", Category.ACTIVISM, PageStatus.LIVE,
                archived=True, title="Haastattelussa aktivisti"),
        finding("https://www.facebook.com/laura.hietanen.7", Category.PRIVATE, PageStatus.LIVE,
                title="Laura Hietanen | Facebook"),
        finding("https://blogi.example.fi/haat", Category.PRIVATE, PageStatus.LIVE),
        finding("http://kehakukka.example.fi/2001/3.html", Category.DEFUNCT, PageStatus.GONE,
                archived=True, topic=Category.ACTIVISM, title="Kehäkukka 3/2001"),
        finding("https://elainlehti.example.fi/1998", Category.DEFUNCT, PageStatus.PARKED),
        finding("https://lehti.example.fi/arkisto/2003", Category.DEFUNCT, PageStatus.CEASED),
        finding("https://yhdistys.example.fi/historia", Category.ACTIVISM, PageStatus.UNREACHABLE),
        finding("https://uusisuunta.example.fi/henkilosto", Category.WORK, PageStatus.LIVE,
                title="Henkilöstö – Uusi Suunta"),
        finding("https://fi.linkedin.com/in/laura", Category.WORK, PageStatus.SKIPPED),
        finding("https://muistot.example.fi/laura-1931", Category.NAMESAKE, PageStatus.LIVE,
                title="Laura Hietanen 1931–2020", corrected=True),
        finding("https://hiihto.example.fi/2025", Category.NAMESAKE, None),
    ]  # fmt: skip
