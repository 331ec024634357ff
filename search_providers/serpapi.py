"""SerpApi's Google engine: `GET /search.json?engine=google`, key in `api_key`.

Ten organic results a page; `start` is the result offset (0, 10, 20 …); `hl` the
language, `gl=fi` the country. Errors come as `{"error": "…"}`: 401 for a bad key, 429
when the plan's searches or its hourly throughput are used up. The month's searches being
used up ("Your searches for the month are exhausted…", "…has run out of searches") comes
with 429 or even 200, and no waiting helps: it is read from the message, not the status.
"""

from __future__ import annotations

from typing import Any, ClassVar

from search_providers._http import KeyedProvider, Request, Response, json_error, retry_after_seconds
from search_providers.base import ErrorKind, Page, ProviderError, Query, Secret, clean_text

KEY_URL = "https://serpapi.com/manage-api-key"
PLANS_URL = "https://serpapi.com/pricing"
NO_RESULTS = "hasn't returned any results"
_QUOTA_WORDS = ("run out of searches", "searches for the month are exhausted")


class SerpApiProvider(KeyedProvider):
    name = "serpapi"
    title = "SerpApi (Google results)"
    env_vars = ("SERPAPI_API_KEY",)
    key_var = "SERPAPI_API_KEY"
    key_url = KEY_URL
    page_size = 10
    max_pages = 10
    default_base_url: ClassVar[str] = "https://serpapi.com"

    def build_request(self, query: Query, page: int) -> Request:
        params: dict[str, str | int | Secret] = {
            "engine": "google",
            "q": query.text,
            "start": page * self.page_size,
            "gl": query.country,
            "api_key": self._key,
        }
        if query.language:
            params["hl"] = query.language
        return Request(f"{self.base_url}/search.json", params, {"Accept": "application/json"})

    def parse_data(self, query: Query, page: int, data: dict[str, Any]) -> Page:
        organic = data.get("organic_results")
        if not isinstance(organic, list):
            message = data.get("error")
            if isinstance(message, str) and NO_RESULTS not in message:
                detail = clean_text(message)[:200]
                if _is_quota(detail):
                    raise self._quota_error()
                raise self.error(ErrorKind.UNAVAILABLE, f"search failed: {detail}")
            return Page()  # Google found nothing
        start = page * self.page_size
        items = [r for r in organic if isinstance(r, dict) and isinstance(r.get("link"), str)]
        hits = []
        for i, item in enumerate(items, 1):
            position = item.get("position")
            rank = position if isinstance(position, int) and position > start else start + i
            hits.append(
                self.hit(
                    query,
                    rank,
                    item["link"],
                    item.get("title"),
                    item.get("snippet"),
                    item.get("date"),
                )
            )
        pagination = data.get("serpapi_pagination") or data.get("pagination")
        more = bool(pagination.get("next")) if isinstance(pagination, dict) else len(hits) >= 10
        return Page(tuple(hits), more and page + 1 < self.max_pages)

    def error_for(self, response: Response) -> ProviderError:
        detail = clean_text(json_error(response).get("error"))[:200]
        if response.status in (401, 403):
            return self.error(
                ErrorKind.AUTH,
                f"SERPAPI_API_KEY is invalid: copy your key from {KEY_URL} "
                "and export SERPAPI_API_KEY=…",
            )
        if _is_quota(detail):
            return self._quota_error()
        if response.status == 429:
            return self.error(
                ErrorKind.RATE_LIMITED,
                "too many searches this hour for the plan: try again later",
                retry_after_seconds(response.header("retry-after")),
            )
        return self.status_error(response, detail)

    def _quota_error(self) -> ProviderError:
        return self.error(
            ErrorKind.QUOTA,
            "the account's searches for this month are used up: wait for the next month "
            f"or change the plan at {PLANS_URL}",
        )


def _is_quota(message: str) -> bool:
    """Whether SerpApi's error message says the month's searches are used up."""
    lowered = message.lower()
    return any(words in lowered for words in _QUOTA_WORDS)
