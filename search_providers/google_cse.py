"""Google's Custom Search JSON API: `GET /customsearch/v1?key=…&cx=…`.

`num` is at most 10, `start` is 1-based and `start + num` may not pass 100. The API is
closed to new customers and existing ones have until 2027-01-01 to move elsewhere, so
the provider carries a notice that is shown once per run.
Errors come as `{"error": {"code", "message", "errors": [{"reason"}], "status"}}`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from search_providers._http import HttpProvider, Request, Response, json_error, retry_after_seconds
from search_providers.base import (
    ErrorKind,
    Page,
    ProviderError,
    Query,
    Secret,
    as_dict,
    as_list,
    clean_text,
    env_value,
    leading_date,
    missing_setting,
    normalize_date,
)

KEY_URL = "https://developers.google.com/custom-search/v1/overview"
END_OF_SERVICE = "2027-01-01"
LAST_INDEX = 100  # start + num may not pass this

_QUOTA_REASONS = {"dailyLimitExceeded", "quotaExceeded", "dailyLimitExceededUnreg"}
_RATE_REASONS = {"rateLimitExceeded", "userRateLimitExceeded"}
_AUTH_REASONS = {"keyInvalid", "keyExpired", "accessNotConfigured", "forbidden", "ipRefererBlocked"}


class GoogleCseProvider(HttpProvider):
    name = "google"
    title = "Google Custom Search JSON API"
    env_vars = ("GOOGLE_API_KEY", "GOOGLE_CSE_ID")
    key_url = KEY_URL
    page_size = 10
    max_pages = 10
    notice = (
        "Google's Custom Search JSON API is closed to new customers and existing customers "
        f"have until {END_OF_SERVICE} to move: plan to use brave, serpapi or searxng instead"
    )
    default_base_url: ClassVar[str] = "https://customsearch.googleapis.com"

    def __init__(self, api_key: str, engine_id: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._key = Secret(api_key)
        self.engine_id = engine_id

    @classmethod
    def from_env(cls, env: Mapping[str, str], **kwargs: Any) -> GoogleCseProvider:
        key = env_value(env, "GOOGLE_API_KEY")
        if key is None:
            raise missing_setting(cls, "GOOGLE_API_KEY")
        engine_id = env_value(env, "GOOGLE_CSE_ID")
        if engine_id is None:
            raise ProviderError(
                ErrorKind.CONFIG,
                cls.name,
                "GOOGLE_CSE_ID is not set: copy the search engine ID from "
                "https://programmablesearchengine.google.com/controlpanel/all "
                "and export GOOGLE_CSE_ID=…",
            )
        return cls(key, engine_id, **kwargs)

    def _window(self, page: int) -> tuple[int, int]:
        """`start` (1-based) and `num` for a page, keeping start + num within the limit."""
        start = page * self.page_size + 1
        return start, max(0, min(self.page_size, LAST_INDEX - start))

    def build_request(self, query: Query, page: int) -> Request:
        start, num = self._window(page)
        params: dict[str, str | int | Secret] = {
            "key": self._key,
            "cx": self.engine_id,
            "q": query.text,
            "num": num,
            "start": start,
            "gl": query.country,
        }
        if query.language:
            params["lr"] = f"lang_{query.language}"
            params["hl"] = query.language
        return Request(f"{self.base_url}/customsearch/v1", params, {"Accept": "application/json"})

    def parse_data(self, query: Query, page: int, data: dict[str, Any]) -> Page:
        start, _ = self._window(page)
        items = [r for r in as_list(data.get("items")) if isinstance(r, dict)]
        hits = tuple(
            self.hit(
                query, start - 1 + i, r["link"], r.get("title"), r.get("snippet"), _published(r)
            )
            for i, r in enumerate((r for r in items if isinstance(r.get("link"), str)), 1)
        )
        _, next_num = self._window(page + 1)
        more = bool(as_dict(data.get("queries")).get("nextPage")) and next_num > 0
        return Page(hits, more and page + 1 < self.max_pages)

    def error_for(self, response: Response) -> ProviderError:
        reason, message = _google_error(response)
        retry = retry_after_seconds(response.header("retry-after"))
        lowered = message.lower()
        if reason in _QUOTA_REASONS or (response.status == 429 and "per day" in lowered):
            return self.error(
                ErrorKind.QUOTA,
                "the project's daily Custom Search queries are used up: try again tomorrow "
                "or raise the quota in the Google Cloud console",
            )
        if reason in _RATE_REASONS or response.status == 429:
            return self.error(
                ErrorKind.RATE_LIMITED, "too many queries per minute: try again shortly", retry
            )
        if reason in _AUTH_REASONS or "api key" in lowered or response.status in (401, 403):
            return self.error(
                ErrorKind.AUTH,
                "GOOGLE_API_KEY is invalid or the Custom Search API is not enabled for its "
                f"project: see {KEY_URL} (new customers cannot sign up any more)",
            )
        return self.status_error(response, message)


def _google_error(response: Response) -> tuple[str, str]:
    """The first `reason` of a Google API error body, and its message."""
    error = as_dict(json_error(response).get("error"))
    if not error:
        return "", ""
    message = clean_text(error.get("message"))[:200]
    for item in error.get("errors") or []:
        if isinstance(item, dict) and isinstance(item.get("reason"), str):
            return item["reason"], message
    details = error.get("details")
    for item in details if isinstance(details, list) else []:
        if isinstance(item, dict) and isinstance(item.get("reason"), str):
            return item["reason"], message
    return str(error.get("status") or ""), message


# Where a Custom Search result carries its date, most telling first: the page's own
# publication meta tags, a schema.org object's datePublished, the date Google puts before
# the snippet ("Jul 7, 2024 ... "), and last the time the page was changed.
_PUBLISHED_TAGS = (
    "article:published_time", "og:article:published_time", "datepublished", "date",
    "dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued", "dcterms.created",
    "pubdate", "publishdate", "publish-date", "sailthru.date", "parsely-pub-date",
)  # fmt: skip
_SCHEMA_OBJECTS = ("newsarticle", "article", "blogposting", "creativework", "webpage")
_MODIFIED_TAGS = ("article:modified_time", "og:updated_time", "dcterms.modified", "lastmod")


def _published(item: Mapping[str, Any]) -> str | None:
    """The result's date from its pagemap and snippet, or None."""
    pagemap = as_dict(item.get("pagemap"))
    metatags = [as_dict(tags) for tags in as_list(pagemap.get("metatags"))]
    objects = [as_dict(o) for name in _SCHEMA_OBJECTS for o in as_list(pagemap.get(name))]
    candidates: list[object] = [tags.get(key) for key in _PUBLISHED_TAGS for tags in metatags]
    candidates += [o.get("datepublished") for o in objects]
    candidates.append(leading_date(clean_text(item.get("snippet"))))
    candidates += [tags.get(key) for key in _MODIFIED_TAGS for tags in metatags]
    candidates += [o.get("datemodified") for o in objects]
    return next((found for c in candidates if (found := normalize_date(c))), None)
