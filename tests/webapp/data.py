"""Saved audits for the app's tests, written through the store as an audit writes them."""

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
)
from footprint.store import Store
from tests.store_support import save_audit

NAME = "Laura Hietanen"
HOSTILE_TITLE = '<script>window.__pwned = 1</script>Laura <img src=x onerror="window.__pwned=2">'
HOSTILE_SNIPPET = (
    '"><svg onload="window.__pwned=3"></svg> <a href="javascript:window.__pwned=4">x</a>'
)


def _finding(
    url: str,
    title: str,
    category: Category,
    status: PageStatus | None,
    snippet: str = "",
    year: int | None = None,
    archived: bool = False,
) -> Finding:
    archive = ArchiveCopy(True, "https://web.archive.org/web/2010/" + url, "2009-01-02",
                          "2012-05-06", 4) if archived else None  # fmt: skip
    check = PageCheck(status, reason="test", archive=archive) if status else None
    return Finding(
        SearchResult(url=url, title=title, snippet=snippet, rank=1, provider="brave",
                     query=f'"{NAME}"'),
        Classification(category, 0.8, (Reason("test", f"the test put it in {category.value}"),),
                       year=year, page_status=status),
        check,
    )  # fmt: skip


def findings() -> list[Finding]:
    return [
        _finding("https://www.uusisuunta.fi/henkilosto", "Laura Hietanen – sosiaaliohjaaja",
                 Category.WORK, PageStatus.LIVE, "Sosiaaliohjaaja Laura Hietanen vastaa", 2024),
        _finding("https://blogi.example.fi/2004/kuva", "Mielenosoitus 2004", Category.ACTIVISM,
                 PageStatus.LIVE, "Laura Hietanen puhui mielenosoituksessa", 2004, archived=True),
        _finding("https://blogi.example.fi/2005/toinen", "Toinen kirjoitus", Category.ACTIVISM,
                 PageStatus.GONE, "Laura Hietanen kirjoitti", 2005, archived=True),
        _finding("https://oulu.example/laura", "Laura Hietanen, Oulu, hammaslääkäri",
                 Category.NAMESAKE, PageStatus.LIVE, "Hammaslääkäri Laura Hietanen Oulusta", 2021),
        _finding("https://facebook.com/laura.hietanen.7", "Laura Hietanen | Facebook",
                 Category.PRIVATE, PageStatus.LIVE, "Laura Hietanen on Facebookissa", 2019),
        _finding("https://hostile.example/x", HOSTILE_TITLE, Category.PRIVATE, PageStatus.LIVE,
                 HOSTILE_SNIPPET, 2020),
        _finding("javascript:window.__pwned=5", "A javascript address", Category.PRIVATE, None,
                 "an address that is a script"),
    ]  # fmt: skip


def seed(store: Store, name: str = NAME) -> int:
    return save_audit(store, name, findings())
