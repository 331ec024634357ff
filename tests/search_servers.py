"""Loopback servers that speak each search provider's documented JSON, limits and errors.

Each fake has an index of `total` results per query and a `mode` for the failure to
show. Every request is logged (path, params, headers) so tests can check paging.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

Reply = tuple[int, dict[str, str], str]


@dataclass
class Logged:
    path: str
    params: dict[str, str]
    headers: dict[str, str]


@dataclass
class FakeService:
    """The behaviour of one fake provider; subclasses implement `reply`."""

    key: str = "test-key-0123456789"
    total: int = 30
    mode: str = "ok"
    failures_left: int = 10**9  # how many requests the mode applies to before answering normally
    retry_after: str | None = "1"
    delay: float = 0.0
    log: list[Logged] = field(default_factory=list)

    def handle(self, path: str, params: dict[str, str], headers: dict[str, str]) -> Reply:
        self.log.append(Logged(path, params, headers))
        if self.delay:
            time.sleep(self.delay)
        if self.mode != "ok" and self.failures_left > 0:
            self.failures_left -= 1
            failure = self.failure(params, headers)
            if failure is not None:
                return failure
        return self.reply(path, params, headers)

    def failure(self, params: dict[str, str], headers: dict[str, str]) -> Reply | None:
        if self.mode == "not_json":
            return 200, {"Content-Type": "text/html"}, "<html><body>Login to Wi-Fi</body></html>"
        if self.mode == "truncated":
            return 200, {"Content-Type": "application/json"}, '{"web": {"results": [{"url": '
        if self.mode == "server_error":
            return 503, {"Content-Type": "text/plain"}, "Service Unavailable"
        return None

    def reply(self, path: str, params: dict[str, str], headers: dict[str, str]) -> Reply:
        raise NotImplementedError

    def item(self, query: str, n: int) -> dict[str, Any]:
        slug = "-".join(query.replace('"', "").lower().split()) or "q"
        return {"n": n, "url": f"https://site{n}.example/{slug}/page-{n}", "title": f"{query} {n}"}

    def items(self, query: str, start: int, count: int) -> list[dict[str, Any]]:
        return [self.item(query, n) for n in range(start + 1, min(start + count, self.total) + 1)]


def _json(status: int, body: Any, headers: dict[str, str] | None = None) -> Reply:
    return status, {"Content-Type": "application/json", **(headers or {})}, json.dumps(body)


@dataclass
class BraveService(FakeService):
    """`/res/v1/web/search`: count ≤ 20, offset a page index ≤ 9."""

    def failure(self, params: dict[str, str], headers: dict[str, str]) -> Reply | None:
        rate = {"Retry-After": self.retry_after} if self.retry_after else {}
        if self.mode == "rate_limited":
            return _json(
                429, _brave_error(429, "RATE_LIMITED", "Request rate limit exceeded"), rate
            )
        if self.mode == "quota":
            return _json(429, _brave_error(429, "QUOTA_LIMITED", "Monthly quota exceeded"))
        if self.mode == "subscription_not_found":  # a key without a web-search subscription
            return _json(
                404, _brave_error(404, "SUBSCRIPTION_NOT_FOUND", "Subscription not found.")
            )
        if self.mode == "quota_errors_array":
            return _json(
                429,
                {"type": "ErrorResponse", "errors": [{"code": "QUOTA_LIMITED", "detail": "quota"}]},
            )
        return super().failure(params, headers)

    def reply(self, path: str, params: dict[str, str], headers: dict[str, str]) -> Reply:
        if path != "/res/v1/web/search":
            return _json(404, {"message": "not found"})
        if headers.get("x-subscription-token") != self.key:
            return _json(
                422,
                _brave_error(422, "SUBSCRIPTION_TOKEN_INVALID", "The provided token is invalid."),
            )
        count, offset = int(params.get("count", "20")), int(params.get("offset", "0"))
        if not 1 <= count <= 20 or not 0 <= offset <= 9:
            return _json(422, _brave_error(422, "VALIDATION", "Unable to validate request"))
        start = offset * count
        results = [
            {
                "title": f"<strong>{i['title']}</strong> &amp; more",
                "url": i["url"],
                "description": f"About {params['q']} …",
                "page_age": f"2019-0{1 + i['n'] % 9}-15T08:00:00",
                "age": "January 15, 2019",
            }
            for i in self.items(params["q"], start, count)
        ]
        more = start + count < self.total and offset < 9
        return _json(
            200,
            {
                "type": "search",
                "query": {"original": params["q"], "more_results_available": more},
                "web": {"type": "search", "results": results},
            },
        )


def _brave_error(status: int, code: str, detail: str) -> dict[str, Any]:
    return {
        "type": "ErrorResponse",
        "error": {"id": "0f1e2d", "status": status, "code": code, "detail": detail, "meta": {}},
        "time": 1754364294,
    }


@dataclass
class SerpApiService(FakeService):
    """`/search.json?engine=google`: `start` offset, 10 a page, `api_key`."""

    def failure(self, params: dict[str, str], headers: dict[str, str]) -> Reply | None:
        if self.mode == "quota":
            return _json(429, {"error": "Your account has run out of searches."})
        if self.mode in ("month_exhausted", "month_exhausted_200"):
            status = 200 if self.mode.endswith("200") else 429
            return _json(status, {"error": SERPAPI_MONTH_EXHAUSTED})
        if self.mode == "rate_limited":
            rate = {"Retry-After": self.retry_after} if self.retry_after else {}
            return _json(429, {"error": "Your account has exceeded the hourly throughput."}, rate)
        return super().failure(params, headers)

    def reply(self, path: str, params: dict[str, str], headers: dict[str, str]) -> Reply:
        if params.get("api_key") != self.key:
            return _json(401, {"error": "Invalid API key. Your API key should be here: …"})
        if params.get("engine") != "google":
            return _json(400, {"error": "Unsupported engine"})
        start = int(params.get("start", "0"))
        page = self.items(params["q"], start, 10)
        if not page:
            return _json(
                200,
                {
                    "search_metadata": {"status": "Success"},
                    "error": "Google hasn't returned any results for this query.",
                },
            )
        results = [
            {
                "position": i["n"],
                "title": i["title"],
                "link": i["url"],
                "snippet": f"{params['q']} snippet",
                "date": "Mar 3, 2021",
            }
            for i in page
        ]
        body: dict[str, Any] = {
            "search_metadata": {"status": "Success"},
            "organic_results": results,
        }
        if start + 10 < self.total:
            body["serpapi_pagination"] = {"current": start // 10 + 1, "next": "https://serpapi…"}
        return _json(200, body)


SERPAPI_MONTH_EXHAUSTED = (
    "Your searches for the month are exhausted. You can upgrade plans on SerpApi.com website."
)


@dataclass
class GoogleService(FakeService):
    """`/customsearch/v1`: num ≤ 10, start 1-based, start + num ≤ 100."""

    recorded_dates: bool = False

    def failure(self, params: dict[str, str], headers: dict[str, str]) -> Reply | None:
        if self.mode == "quota":
            return _json(429, _google_error(429, "rateLimitExceeded", QUOTA_MESSAGE))
        if self.mode == "daily_limit":
            return _json(403, _google_error(403, "dailyLimitExceeded", "Daily Limit Exceeded"))
        return super().failure(params, headers)

    def reply(self, path: str, params: dict[str, str], headers: dict[str, str]) -> Reply:
        if params.get("key") != self.key:
            message = "API key not valid. Please pass a valid API key."
            return _json(400, _google_error(400, "badRequest", message))
        num, start = int(params.get("num", "10")), int(params.get("start", "1"))
        if not 1 <= num <= 10 or start < 1 or start + num > 100:
            return _json(400, _google_error(400, "invalid", "Invalid Value"))
        page = self.items(params["q"], start - 1, num)
        body: dict[str, Any] = {
            "kind": "customsearch#search",
            "queries": {"request": [{"startIndex": start, "count": num}]},
        }
        if page:
            body["items"] = [self.result(i) for i in page]
        if start - 1 + num < self.total:
            body["queries"]["nextPage"] = [{"startIndex": start + num, "count": 10}]
        return _json(200, body)

    def result(self, item: dict[str, Any]) -> dict[str, Any]:
        """A `customsearch#result`; with `recorded_dates`, dated as real answers date them."""
        result: dict[str, Any] = {
            "kind": "customsearch#result",
            "title": item["title"],
            "htmlTitle": item["title"],
            "link": item["url"],
            "displayLink": item["url"].split("/")[2],
            "snippet": "snippet",
            "htmlSnippet": "snippet",
            "formattedUrl": item["url"],
            "pagemap": {"metatags": [{"article:published_time": "2016-11-02T10:00:00+02:00"}]},
        }
        if self.recorded_dates:
            snippet, pagemap = GOOGLE_DATED[(item["n"] - 1) % len(GOOGLE_DATED)]
            text = f"{snippet} A text about {item['title']} and more&nbsp;..."
            plain = text.replace("<b>", "").replace("</b>", "").replace("&nbsp;", " ")
            result.update(snippet=plain, htmlSnippet=text)
            result["pagemap"] = pagemap
        return result


# How real Custom Search answers carry dates: seldom as `article:published_time`, often as
# another meta tag or a schema.org object, and in about half the results only as the date
# Google puts before the snippet ("Jul 7, 2024 ... text").
GOOGLE_DATED: list[tuple[str, dict[str, Any]]] = [
    ("", {"metatags": [{"og:type": "article", "article:published_time": "2016-11-02T10:00"}]}),
    ("Jul 7, 2024 <b>...</b>", {"metatags": [{"og:type": "website", "theme-color": "#000"}]}),
    ("Sep 27, 2022 <b>...</b>", {"cse_thumbnail": [{"src": "https://x.example/t.jpg"}]}),
    ("", {"metatags": [{"article:modified_time": "2020-01-02T08:00:00+00:00"}]}),
    ("", {"metatags": [{"dc.date": "2018-06-07"}]}),
    ("", {"newsarticle": [{"headline": "x", "datepublished": "2017-08-09"}]}),
    ("3 days ago <b>...</b>", {"metatags": [{"og:title": "x"}]}),
    ("", {}),
    ("Dec 1, 2023 <b>...</b>", {"metatags": [{"og:updated_time": "2024-01-01T00:00:00Z"}]}),
    ("", {"metatags": [{"og:site_name": "x"}, {"og:updated_time": "2014-02-03T12:00:00Z"}]}),
]


QUOTA_MESSAGE = (
    "Quota exceeded for quota metric 'Queries' and limit 'Queries per day' of service "
    "'customsearch.googleapis.com'"
)


def _google_error(code: int, reason: str, message: str) -> dict[str, Any]:
    status = {400: "INVALID_ARGUMENT", 403: "PERMISSION_DENIED", 429: "RESOURCE_EXHAUSTED"}
    return {
        "error": {
            "code": code,
            "message": message,
            "errors": [{"message": message, "domain": "global", "reason": reason}],
            "status": status.get(code, "UNKNOWN"),
        }
    }


@dataclass
class SearxngService(FakeService):
    """`/search?format=json&pageno=N`: `per_page` a page; 403 when JSON output is disabled.

    A real instance gives about 30 results a page, as many as its engines return. With
    `limiter`, `/search` applies the header probes of SearXNG's bot detection
    (`searx/botdetection/http_*.py`) and answers what they answer: 429 "Too Many Requests".
    Mode `limited` is its `ip_limit` method, which allows 4 API requests an hour.
    """

    per_page: int = 10
    limiter: bool = False
    basic_auth: str | None = None  # "Basic …": the instance sits behind a password

    def handle(self, path: str, params: dict[str, str], headers: dict[str, str]) -> Reply:
        if self.basic_auth and headers.get("authorization") != self.basic_auth:
            self.log.append(Logged(path, params, headers))
            return 401, {"WWW-Authenticate": 'Basic realm="searxng"'}, "Unauthorized"
        return super().handle(path, params, headers)

    def failure(self, params: dict[str, str], headers: dict[str, str]) -> Reply | None:
        if self.mode == "limited":
            return TOO_MANY_REQUESTS
        if self.mode == "json_disabled":
            return 403, {"Content-Type": "text/html"}, "<html><title>403 Forbidden</title></html>"
        if self.mode == "unresponsive":
            body = {
                "query": params.get("q"),
                "number_of_results": 0,
                "results": [],
                "answers": [],
                "suggestions": [],
                "unresponsive_engines": [["google", "timeout"], ["duckduckgo", "CAPTCHA"]],
            }
            return _json(200, body)
        return super().failure(params, headers)

    def reply(self, path: str, params: dict[str, str], headers: dict[str, str]) -> Reply:
        if self.limiter and path == "/search" and looks_like_a_bot(headers):
            return TOO_MANY_REQUESTS
        if path != "/search" or params.get("format") != "json":
            return 403, {"Content-Type": "text/html"}, "Forbidden"
        pageno = int(params.get("pageno", "1"))
        page = self.items(params["q"], (pageno - 1) * self.per_page, self.per_page)
        results = [
            {
                "url": i["url"],
                "title": i["title"],
                "content": "content",
                "publishedDate": "2012-04-01T00:00:00" if i["n"] % 2 else None,
                "engine": "bing",
                "engines": ["bing", "google"],
                "score": 1.0,
                "category": "general",
            }
            for i in page
        ]
        body = {
            "query": params["q"],
            "number_of_results": 0,
            "results": results,
            "answers": [],
            "corrections": [],
            "infoboxes": [],
            "suggestions": [],
            "unresponsive_engines": [["qwant", "timeout"]] if pageno > 1 else [],
        }
        return _json(200, body)


TOO_MANY_REQUESTS: Reply = (429, {"Content-Type": "text/html; charset=utf-8"}, "Too Many Requests")
_BOT_AGENTS = re.compile(r"(unknown|[Cc][Uu][Rr][Ll]|[wW]get|python-requests|Python|HttpClient)")


def looks_like_a_bot(headers: dict[str, str]) -> bool:
    """SearXNG's header probes on `/search`: Accept, Accept-Encoding, Accept-Language,
    Connection and User-Agent (`searx/botdetection/http_*.py`)."""
    encodings = [e.strip() for e in headers.get("accept-encoding", "").split(",")]
    accept = headers.get("accept", "")
    return (
        not ("text/html" in accept or "*/*" in accept)
        or not ("gzip" in encodings or "deflate" in encodings)
        or not headers.get("accept-language", "").strip()
        or headers.get("connection", "").strip() == "close"
        or bool(_BOT_AGENTS.match(headers.get("user-agent", "unknown")))
    )


class LoopbackServer:
    """A threaded HTTP server on 127.0.0.1 and an ephemeral port, serving one fake."""

    def __init__(self, service: FakeService) -> None:
        self.service = service
        handle: Callable[[str, dict[str, str], dict[str, str]], Reply] = service.handle

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                params = {
                    k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()
                }
                headers = {k.lower(): v for k, v in self.headers.items()}
                status, reply_headers, body = handle(parts.path, params, headers)
                data = body.encode()
                try:
                    self.send_response(status)
                    for name, value in reply_headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test)

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> LoopbackServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@contextmanager
def serving_brave(
    monkeypatch: Any, key: str, total: int = 3, *, env: bool = True
) -> Iterator[BraveService]:
    """A fake Brave on loopback that the `brave` provider asks (with `key` in the environment
    when `env`): for tests that run whole audits against it."""
    from search_providers.brave import BraveProvider

    service = BraveService(key=key, total=total)
    with LoopbackServer(service) as server:
        monkeypatch.setattr(BraveProvider, "default_base_url", server.url)
        if env:
            monkeypatch.setenv("BRAVE_API_KEY", key)
        yield service
