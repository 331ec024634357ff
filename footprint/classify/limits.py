"""How much of each field the classifier reads.

Search results and pages are untrusted text: an engine may send a 60 KB `content`, a
crafted page a megabyte of title. Real titles are under 150 characters, snippets under
400 and the page check's excerpt 500 (`footprint.check.page.EXCERPT_CHARS`); the caps
leave room for engines and files that send more, and keep every result's sorting
bounded (`benchmarks/classify_hostile.py` measures it).
"""

from __future__ import annotations

from dataclasses import replace

from footprint.models import PageCheck, SearchResult

TITLE_CHARS = 500  # a result's or a page's title
SNIPPET_CHARS = 2_000  # a search engine's snippet
EXCERPT_CHARS = 4_000  # a page's excerpt
URL_CHARS = 2_048  # an address (browsers and engines cut longer ones too)
PUBLISHED_CHARS = 40  # a date


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit]


def bounded(result: SearchResult, check: PageCheck | None) -> tuple[SearchResult, PageCheck | None]:
    """The result and its page check with each field cut to what the classifier reads;
    the same objects when nothing is over a cap."""
    published = result.published
    if (
        len(result.title) > TITLE_CHARS
        or len(result.snippet) > SNIPPET_CHARS
        or len(result.url) > URL_CHARS
        or (published is not None and len(published) > PUBLISHED_CHARS)
    ):
        result = replace(
            result,
            title=_cut(result.title, TITLE_CHARS),
            snippet=_cut(result.snippet, SNIPPET_CHARS),
            url=_cut(result.url, URL_CHARS),
            published=None if published is None else _cut(published, PUBLISHED_CHARS),
        )
    if check is not None and (
        len(check.title) > TITLE_CHARS
        or len(check.excerpt) > EXCERPT_CHARS
        or len(check.final_url or "") > URL_CHARS
    ):
        check = replace(
            check,
            title=_cut(check.title, TITLE_CHARS),
            excerpt=_cut(check.excerpt, EXCERPT_CHARS),
            final_url=None if check.final_url is None else _cut(check.final_url, URL_CHARS),
        )
    return result, check
