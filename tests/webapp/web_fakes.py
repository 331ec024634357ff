"""The web an audit sees in the app's tests: a SearXNG stand-in whose results point at
pages on a loopback page server, and the Internet Archive's lookup on the same server.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from tests.page_server import PageServer, Reply, html
from tests.search_servers import LoopbackServer, SearxngService

PAGES = {
    "/henkilosto": ("Laura Hietanen – sosiaaliohjaaja – Uusi Suunta",
                    "Sosiaaliohjaaja Laura Hietanen ohjaa kriminaalityötä Tampereella."),
    "/2004/mielenosoitus": ("Mielenosoitus eläinten puolesta 2004",
                            "Laura Hietanen puhui Oikeutta eläimille -mielenosoituksessa 2004."),
    "/hammaslaakari": ("Hammaslääkäri Laura Hietanen, Oulu",
                       "Hammaslääkäri Laura Hietanen vastaanottaa Oulun keskustassa."),
    "/suunnistus": ("Tampereen suunnistajat: tulokset",
                    "Naisten sarja: 3. Laura Hietanen, Tampere."),
}  # fmt: skip
GONE = {"/kehakukka/1999": ("Kehäkukka 1999: Laura Hietanen", "Laura Hietanen kirjoitti.")}


@dataclass
class PeopleSearx(SearxngService):
    """SearXNG answering every query with the same people pages on the page server."""

    base: str = ""
    pages: dict[str, tuple[str, str]] = field(default_factory=dict)

    def reply(self, path: str, params: dict[str, str], headers: dict[str, str]) -> Any:
        if path != "/search" or params.get("format") != "json":
            return 403, {"Content-Type": "text/html"}, "Forbidden"
        results = []
        if params.get("pageno", "1") == "1":
            results = [
                {"url": self.base + page, "title": title, "content": snippet,
                 "engine": "bing", "engines": ["bing"], "score": 1.0, "category": "general"}
                for page, (title, snippet) in self.pages.items()
            ]  # fmt: skip
        body = {"query": params["q"], "number_of_results": len(results), "results": results,
                "answers": [], "corrections": [], "infoboxes": [], "suggestions": [],
                "unresponsive_engines": []}  # fmt: skip
        return 200, {"Content-Type": "application/json"}, json.dumps(body)


@dataclass
class Web:
    pages: PageServer
    searx: LoopbackServer
    service: PeopleSearx


@contextmanager
def fake_web(delay: float = 0.0, mode: str = "ok") -> Iterator[Web]:
    """Pages (live, gone, someone else's), the archive's lookup, and SearXNG finding them."""
    with PageServer() as pages:
        for path, (title, text) in PAGES.items():
            pages.route(path, Reply(200, html(title, f"<h1>{title}</h1><p>{text}</p>" * 3)))
        for path in GONE:
            pages.route(path, Reply(404, html("Not Found", "<h1>Not Found</h1>")))
        empty = json.dumps({"url": "x", "archived_snapshots": {}})
        pages.route("/wayback/available", Reply(200, empty, content_type="application/json"))
        pages.route("/cdx/search/cdx", Reply(200, "[]", content_type="application/json"))
        service = PeopleSearx(base=pages.url("").rstrip("/"), pages={**PAGES, **GONE},
                              delay=delay, mode=mode)  # fmt: skip
        with LoopbackServer(service) as searx:
            yield Web(pages, searx, service)
