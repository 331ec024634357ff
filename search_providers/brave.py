"""Brave Search API: `GET /res/v1/web/search`, key in the `X-Subscription-Token` header.

Up to 20 results a page (`count`); `offset` counts pages, at most 9, so 200 results a
query. Stop when `query.more_results_available` is false. Errors come as
`{"error": {"code": "SUBSCRIPTION_TOKEN_INVALID" | "RATE_LIMITED" | "QUOTA_LIMITED", …}}`
(an `errors[]` array is read too); a key without a search subscription gets HTTP 404
with `SUBSCRIPTION_NOT_FOUND`, a key problem rather than a bad request.
"""

from __future__ import annotations

from typing import Any, ClassVar

from search_providers._http import KeyedProvider, Request, Response, json_error, retry_after_seconds
from search_providers.base import (
    ErrorKind,
    Page,
    ProviderError,
    Query,
    as_dict,
    as_list,
    clean_text,
)

KEY_URL = "https://api-dashboard.search.brave.com/app/keys"
PLANS_URL = "https://api-dashboard.search.brave.com/app/subscriptions"
# A wrong key, and a key whose plan does not include web search (sent with HTTP 404).
_AUTH_CODES = frozenset({"SUBSCRIPTION_TOKEN_INVALID", "SUBSCRIPTION_NOT_FOUND"})


class BraveProvider(KeyedProvider):
    name = "brave"
    title = "Brave Search API"
    env_vars = ("BRAVE_API_KEY",)
    key_var = "BRAVE_API_KEY"
    key_url = KEY_URL
    page_size = 20
    max_pages = 10  # offset 0…9
    default_base_url: ClassVar[str] = "https://api.search.brave.com"

    def build_request(self, query: Query, page: int) -> Request:
        params: dict[str, str | int] = {
            "q": query.text,
            "count": self.page_size,
            "offset": page,
            "country": query.country.upper(),
        }
        if query.language:
            params["search_lang"] = query.language
        return Request(
            f"{self.base_url}/res/v1/web/search",
            params,
            {"Accept": "application/json", "X-Subscription-Token": self._key},
        )

    def parse_data(self, query: Query, page: int, data: dict[str, Any]) -> Page:
        results = as_list(as_dict(data.get("web")).get("results"))
        start = page * self.page_size
        items = [r for r in results if isinstance(r, dict) and isinstance(r.get("url"), str)]
        hits = tuple(
            self.hit(
                query, start + i, r["url"], r.get("title"), r.get("description"), r.get("page_age")
            )
            for i, r in enumerate(items, 1)
        )
        more = bool(as_dict(data.get("query")).get("more_results_available"))
        return Page(hits, more and page + 1 < self.max_pages)

    def error_for(self, response: Response) -> ProviderError:
        code, detail = _error_code(response)
        retry = retry_after_seconds(response.header("retry-after")) or _reset_seconds(response)
        if code in _AUTH_CODES or response.status in (401, 403):
            return self.error(
                ErrorKind.AUTH,
                "BRAVE_API_KEY is invalid or not subscribed to web search: "
                f"create a key at {KEY_URL} and export BRAVE_API_KEY=…",
            )
        if code == "QUOTA_LIMITED":
            return self.error(
                ErrorKind.QUOTA,
                "the plan's monthly searches are used up: wait for the next month or "
                f"raise the plan at {PLANS_URL}",
            )
        if code == "RATE_LIMITED" or response.status == 429:
            return self.error(
                ErrorKind.RATE_LIMITED,
                "too many requests per second for the plan: try again in a moment",
                retry,
            )
        return self.status_error(response, detail or code)


def _error_code(response: Response) -> tuple[str, str]:
    """Brave's error `code` and `detail`, from `error` or from an `errors[]` array."""
    data = json_error(response)
    for item in [data.get("error"), *as_list(data.get("errors"))]:
        if isinstance(item, dict) and isinstance(item.get("code"), str):
            return item["code"], clean_text(item.get("detail"))[:200]
    return "", ""


def _reset_seconds(response: Response) -> float | None:
    """The per-second window's reset from `X-RateLimit-Reset: 1, 1419704`."""
    value = response.header("x-ratelimit-reset")
    try:
        return float(value.split(",")[0]) if value else None
    except ValueError:
        return None
