"""SearXNG, the person's own metasearch instance: `GET {SEARXNG_URL}/search?format=json`.

No key. JSON output must be enabled on the instance (`search.formats` in settings.yml);
otherwise it answers 403. An empty page whose engines did not answer
(`unresponsive_engines`) is a failure, not "nothing found"; on a later page it is the end.
A page holds as many results as the engines gave (about 30), so ranks count the results
received. With its limiter on, the instance's bot detection answers 429 to requests
without the headers a browser sends (Accept with text/html, Accept-Language, …), so
they are sent; it also allows only a few JSON requests an hour, which no header changes.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import Any

from search_providers._http import HttpProvider, Request, Response
from search_providers.base import (
    ErrorKind,
    Page,
    ProviderError,
    Query,
    as_list,
    clean_text,
    env_value,
    redact,
)

DOCS_URL = "https://docs.searxng.org/admin/settings/settings_search.html"
LIMITER_URL = "https://docs.searxng.org/admin/searx.limiter"
# What SearXNG's bot detection (searx/botdetection/http_accept*.py) wants to see.
ACCEPT = "application/json, text/html;q=0.9, */*;q=0.8"


class SearxngProvider(HttpProvider):
    name = "searxng"
    title = "SearXNG (your own instance)"
    env_vars = ("SEARXNG_URL",)
    key_url = "https://docs.searxng.org/admin/installation.html"
    page_size = 10  # about; the instance decides
    max_pages = 5

    @classmethod
    def from_env(cls, env: Mapping[str, str], **kwargs: Any) -> SearxngProvider:
        url = env_value(env, "SEARXNG_URL")
        if url is None:
            raise ProviderError(
                ErrorKind.CONFIG,
                cls.name,
                f"SEARXNG_URL is not set: run your own SearXNG instance (see {cls.key_url}) "
                "and export SEARXNG_URL=http://localhost:8080",
            )
        if not url.startswith(("http://", "https://")):
            raise ProviderError(
                ErrorKind.CONFIG,
                cls.name,
                f"SEARXNG_URL must start with http:// or https://, not {redact(url)[:60]!r}",
            )
        return cls(base_url=url, **kwargs)

    def build_request(self, query: Query, page: int) -> Request:
        params: dict[str, str | int] = {"q": query.text, "format": "json", "pageno": page + 1}
        if query.language:
            params["language"] = query.language
        headers = {"Accept": ACCEPT, "Accept-Language": _accept_language(query.language)}
        return Request(f"{self.base_url}/search", params, headers)

    def error_for(self, response: Response) -> ProviderError:
        if response.status == 403:
            return self.error(
                ErrorKind.CONFIG,
                "the instance does not allow JSON output (HTTP 403): add `json` to "
                f"`search.formats` in its settings.yml and restart it (see {DOCS_URL})",
            )
        if response.status == 429:
            return self.error(
                ErrorKind.RATE_LIMITED,
                "the instance keeps answering 429 (too many requests): its limiter may be "
                "refusing these searches. On your own instance set `server.limiter: false` in "
                "settings.yml, or add this machine's address to `pass_ip` under "
                f"`[botdetection.ip_lists]` in limiter.toml, and restart it (see {LIMITER_URL})",
            )
        return self.status_error(response)

    def pages(self, query: Query, max_results: int) -> Iterator[Page]:
        """Pages whose hits are ranked by the running count of results received."""
        received = 0
        for page in super().pages(query, max_results):
            hits = tuple(replace(h, rank=received + i) for i, h in enumerate(page.hits, 1))
            received += len(hits)
            yield Page(hits, page.more)

    def parse_data(self, query: Query, page: int, data: dict[str, Any]) -> Page:
        results = [
            r
            for r in as_list(data.get("results"))
            if isinstance(r, dict) and isinstance(r.get("url"), str)
        ]
        unresponsive = data.get("unresponsive_engines")
        if not results and unresponsive and page == 0:
            raise self.error(
                ErrorKind.UNAVAILABLE,
                f"no engine of the instance answered ({_describe(unresponsive)}): "
                "try again later or enable other engines in its settings.yml",
            )
        hits = tuple(
            self.hit(query, i, r["url"], r.get("title"), r.get("content"), r.get("publishedDate"))
            for i, r in enumerate(results, 1)
        )  # ranked within the page; `pages` makes them count across pages
        return Page(hits, more=bool(hits))


def _describe(unresponsive: object) -> str:
    """'google: timeout, bing: CAPTCHA' from SearXNG's [[engine, reason], …]."""
    parts = []
    for item in unresponsive if isinstance(unresponsive, list) else []:
        if isinstance(item, list | tuple) and item:
            reason = f": {clean_text(item[1])}" if len(item) > 1 and item[1] else ""
            parts.append(f"{clean_text(item[0])}{reason}")
    return ", ".join(parts[:5]) or "unknown engines"


def _accept_language(language: str | None) -> str:
    """An Accept-Language header preferring the query's language, as a browser sends it."""
    if language and language != "en":
        return f"{language},en;q=0.5"
    return "en"
