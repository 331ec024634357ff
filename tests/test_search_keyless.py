"""The providers without a key (duckduckgo through a DDGS-like object, a saved file) and
the registry that lists every provider."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path
from typing import Any

import pytest
from ddgs.exceptions import DDGSException, RatelimitException, TimeoutException

import search_providers
from search_providers.base import ErrorKind, ProviderError, Query, SearchProvider, normalize_date
from search_providers.duckduckgo import DuckDuckGoProvider
from search_providers.file import FileProvider
from search_providers.registry import PROVIDERS

README = Path(__file__).resolve().parent.parent / "README.md"
Q = Query('"Laura Hietanen"', "sv")


class FakeDDGS:
    """Answers like `ddgs.DDGS().text`, or raises what it is given."""

    def __init__(self, rows: list[dict[str, Any]] | None = None, error: Exception | None = None):
        self.rows = rows or []
        self.error = error
        self.calls: list[tuple[str, dict[str, Any]]] = []

    def text(self, query: str, **kwargs: Any) -> list[dict[str, Any]]:
        self.calls.append((query, kwargs))
        if self.error is not None:
            raise self.error
        return self.rows[: kwargs.get("max_results") or None]


ROWS = [
    {"title": f"Laura {i}", "href": f"https://ex{i}.fi/", "body": f"<b>body</b> {i}"}
    for i in range(1, 8)
]


def test_duckduckgo_asks_for_finland_and_maps_rows() -> None:
    fake = FakeDDGS(ROWS)
    hits = DuckDuckGoProvider(ddgs=fake).search(Q, max_results=5)
    assert fake.calls == [
        ('"Laura Hietanen"', {"region": "fi-fi", "safesearch": "off", "max_results": 5})
    ]
    assert [h.url for h in hits] == [f"https://ex{i}.fi/" for i in range(1, 6)]
    assert hits[0].snippet == "body 1" and hits[0].published is None
    assert [h.rank for h in hits] == [1, 2, 3, 4, 5] and hits[0].provider == "duckduckgo"


def test_duckduckgo_skips_rows_without_an_address() -> None:
    rows = [{"title": "no href"}, {"title": "ok", "href": "https://ok.fi/"}, "junk"]
    hits = DuckDuckGoProvider(ddgs=FakeDDGS(rows)).search(Q)  # type: ignore[list-item]
    assert [h.url for h in hits] == ["https://ok.fi/"] and hits[0].rank == 1


@pytest.mark.parametrize(
    ("error", "kind", "words"),
    [
        (RatelimitException("202 Ratelimit"), ErrorKind.RATE_LIMITED, "limiting"),
        (TimeoutException("timed out"), ErrorKind.UNAVAILABLE, "did not answer"),
        (DDGSException("https://html.duckduckgo.com 403"), ErrorKind.UNAVAILABLE, "ddgs"),
        (RuntimeError("boom"), ErrorKind.UNAVAILABLE, "RuntimeError"),
    ],
)
def test_duckduckgo_errors_become_provider_errors(error: Exception, kind: ErrorKind, words: str):
    with pytest.raises(ProviderError) as caught:
        DuckDuckGoProvider(ddgs=FakeDDGS(error=error)).search(Q)
    assert caught.value.kind is kind and words in caught.value.message
    assert caught.value.provider == "duckduckgo" and caught.value.__cause__ is None


def test_duckduckgo_no_results_is_an_empty_result() -> None:
    provider = DuckDuckGoProvider(ddgs=FakeDDGS(error=DDGSException("No results found.")))
    assert provider.search(Q) == []


# --- file -------------------------------------------------------------------------------


def test_file_reads_jsonl_json_and_csv(tmp_path: Path) -> None:
    jsonl = tmp_path / "r.jsonl"
    jsonl.write_text(
        '{"url": "https://a.fi/", "title": "A", "query": "\\"L\\"", "provider": "google"}\n\n'
        '{"link": "https://b.fi/", "description": "B snippet", "date": "12.10.2004", "rank": 7}\n',
        encoding="utf-8",
    )
    hits = FileProvider(jsonl).search(Q)
    assert [(h.url, h.provider, h.query, h.rank) for h in hits] == [
        ("https://a.fi/", "google", '"L"', 1),
        ("https://b.fi/", "file", '"Laura Hietanen"', 7),
    ]
    assert hits[1].snippet == "B snippet" and hits[1].published == "2004-10-12"

    array = tmp_path / "r.json"
    array.write_text('[{"url": "https://c.fi/x", "published": "2001"}]', encoding="utf-8")
    assert FileProvider(array).search(Q)[0].published == "2001"

    table = tmp_path / "r.csv"
    table.write_text('URL,Title,Snippet\nhttps://d.fi/,D,"d, e"\n', encoding="utf-8-sig")
    (hit,) = FileProvider(table).search(Q)
    assert (hit.url, hit.title, hit.snippet) == ("https://d.fi/", "D", "d, e")


@pytest.mark.parametrize(
    ("name", "text", "words"),
    [
        ("bad.jsonl", '{"url": "https://a.fi/"}\n{"url": \n', "line 2: not valid JSON"),
        ("bad.json", '[{"url": "https://a.fi/"}, 3]', "array of objects"),
        ("bad.csv", "address,title\nhttps://a.fi/,A\n", "'url' column"),
        ("nourl.jsonl", '{"title": "no address"}\n', "record 1 has no http(s) 'url'"),
        ("rank.jsonl", '{"url": "https://a.fi/", "rank": "first"}\n', "'rank' must be"),
    ],
)
def test_file_errors_name_the_file_and_record(tmp_path: Path, name: str, text: str, words: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProviderError) as caught:
        FileProvider(path).load()
    assert words in caught.value.message and str(path) in caught.value.message


def test_file_missing(tmp_path: Path) -> None:
    with pytest.raises(ProviderError, match="no such file"):
        FileProvider(tmp_path / "nope.jsonl").load()


# --- dates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-05-11T00:00:00", "2023-05-11"),
        ("Mar 3, 2021", "2021-03-03"),
        ("3 Mar 2021", "2021-03-03"),
        ("3.3.2021", "2021-03-03"),
        ("3. maaliskuuta 2021", "2021-03-03"),
        ("toukokuu 2005", "2005"),
        ("2 days ago", None),
        ("5 päivää sitten", None),
        ("Feb 30, 2020", None),
        ("", None),
        (None, None),
    ],
)
def test_normalize_date(value: object, expected: str | None) -> None:
    assert normalize_date(value) == expected


# --- the registry -----------------------------------------------------------------------


def _provider_modules() -> list[str]:
    return [
        m.name
        for m in pkgutil.iter_modules(search_providers.__path__)
        if not m.name.startswith("_") and m.name not in {"base", "registry", "recordfile"}
    ]


def test_every_provider_module_is_registered() -> None:
    modules = _provider_modules()
    assert len(modules) >= 6
    registered = {cls.__module__ for cls in PROVIDERS.values()}
    for name in modules:
        module = importlib.import_module(f"search_providers.{name}")
        classes = [
            v
            for v in vars(module).values()
            if isinstance(v, type)
            and issubclass(v, SearchProvider)
            and v.__module__ == module.__name__
            and not getattr(v, "__abstractmethods__", None)
        ]
        assert classes, f"search_providers/{name}.py defines no provider"
        assert module.__name__ in registered, f"{name} is not in registry.PROVIDERS"
    for key, cls in PROVIDERS.items():
        assert cls.name == key and cls.title and cls.page_size > 0 and cls.max_pages > 0


def test_every_provider_and_setting_is_documented_in_the_readme() -> None:
    text = README.read_text(encoding="utf-8")
    section = re.search(r"<!-- usage:search -->(.*?)<!-- /usage:search -->", text, re.S)
    assert section, "README has no usage:search section"
    for name, cls in PROVIDERS.items():
        assert f"`{name}`" in section.group(1), f"provider {name} missing from the README"
        for var in cls.env_vars:
            assert f"`{var}`" in section.group(1)
            assert re.search(rf"^\| `{var}` \|", text, re.M), f"{var} missing from Configuration"
    assert re.search(r"^\| `FOOTPRINT_CACHE_TTL` \|", text, re.M)


def test_search_providers_never_imports_footprint() -> None:
    root = Path(search_providers.__file__).parent
    for path in root.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(from|import) footprint\b", source, re.M), path.name
