"""DuckDuckGo and friends through the `ddgs` library: no key, best effort, no dates.

`DDGS().text(query, region="fi-fi", max_results=…)` returns dicts with `title`, `href`
and `body`. The library scrapes web pages, so it can be blocked or time out; its
exceptions become ProviderErrors. Pass `ddgs=` a DDGS-like object to test without it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Protocol

from search_providers.base import (
    ErrorKind,
    Page,
    ProviderError,
    Query,
    SearchHit,
    SearchProvider,
    clean_text,
)

REGION = "fi-fi"
NO_RESULTS = "No results found."


class DDGSLike(Protocol):
    def text(self, query: str, **kwargs: Any) -> list[dict[str, Any]]: ...


class DuckDuckGoProvider(SearchProvider):
    name = "duckduckgo"
    title = "DuckDuckGo (via the ddgs library, no key)"
    env_vars = ()
    key_url = None
    page_size = 50
    max_pages = 1  # the library pages by itself up to max_results
    uses_language = False  # one region for every language

    def __init__(self, *, ddgs: DDGSLike | None = None, timeout: int = 10) -> None:
        self._ddgs = ddgs
        self.timeout = timeout

    @classmethod
    def from_env(cls, env: Mapping[str, str], **kwargs: Any) -> DuckDuckGoProvider:
        return cls(timeout=int(kwargs.get("timeout", 10)))

    @property
    def ddgs(self) -> DDGSLike:
        if self._ddgs is None:
            from ddgs import DDGS

            self._ddgs = DDGS(timeout=self.timeout)
        return self._ddgs

    def pages(self, query: Query, max_results: int) -> Iterator[Page]:
        yield self._fetch(query, max(1, min(max_results, self.limit)))

    def search_page(self, query: Query, page: int) -> Page:
        if page:
            return Page()
        return self._fetch(query, self.page_size)

    def _fetch(self, query: Query, max_results: int) -> Page:
        try:
            rows = self.ddgs.text(
                query.text, region=REGION, safesearch="off", max_results=max_results
            )
        except Exception as exc:  # the library's errors, whatever their class
            if str(exc) == NO_RESULTS:
                return Page()
            raise self._error(exc) from None
        hits = tuple(
            SearchHit(
                title=clean_text(row.get("title")),
                url=row["href"],
                snippet=clean_text(row.get("body")),
                published=None,
                rank=i,
                provider=self.name,
                query=query.text,
            )
            for i, row in enumerate(
                (r for r in rows or [] if isinstance(r, dict) and isinstance(r.get("href"), str)),
                1,
            )
        )
        return Page(hits[:max_results], more=False)

    def _error(self, exc: Exception) -> ProviderError:
        from ddgs.exceptions import RatelimitException, TimeoutException

        kind_name = type(exc).__name__
        if isinstance(exc, RatelimitException):
            return ProviderError(
                ErrorKind.RATE_LIMITED,
                self.name,
                "DuckDuckGo is limiting requests from this address: wait a few minutes, "
                "or configure a provider with a key (brave, serpapi) or your own searxng",
            )
        if isinstance(exc, TimeoutException | TimeoutError):
            return ProviderError(
                ErrorKind.UNAVAILABLE,
                self.name,
                f"DuckDuckGo did not answer within {self.timeout} s: try again later",
            )
        return ProviderError(
            ErrorKind.UNAVAILABLE,
            self.name,
            f"the ddgs library failed ({kind_name}): try again later, or use a provider "
            "with a key (brave, serpapi) or your own searxng",
        )
