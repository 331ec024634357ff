"""What changed between two audits: the pure rules, and two audits built from served results."""

from __future__ import annotations

import json
from pathlib import Path

import requests
from pytest_httpserver import HTTPServer

from footprint.models import Finding, PageStatus
from footprint.search.dedup import canonical_url
from footprint.store import Store, StoreSink, diff_findings
from footprint.store.urlkey import url_key
from tests.store_support import Clock, cli, finding, save_audit


def test_new_gone_and_changed_by_address() -> None:
    old = [
        finding("https://same.example/", "work", "live"),
        finding("https://gone.example/", "private", "live"),
        finding("https://recat.example/", "activism", "live"),
        finding("https://down.example/", "work", "live"),
    ]
    new = [
        finding("https://same.example/", "work", "live"),
        finding("https://recat.example/", "namesake", "live"),
        finding("https://down.example/", "work", "gone"),
        finding("https://fresh.example/", "private", "live"),
    ]
    changes = diff_findings(old, new)
    assert [f.result.url for f in changes.new] == ["https://fresh.example/"]
    assert [f.result.url for f in changes.gone] == ["https://gone.example/"]
    assert [(c.new.result.url, c.category_changed, c.status_changed) for c in changes.changed] == [
        ("https://recat.example/", True, False),
        ("https://down.example/", False, True),
    ]
    assert changes and not diff_findings(new, new)


def test_an_unchecked_page_is_not_a_status_change() -> None:
    old = [finding("https://a.example/", "work", "live"), finding("https://b.example/", "work")]
    new = [
        finding("https://a.example/", "work", "skipped"),
        finding("https://b.example/", "work", "gone"),
    ]
    assert not diff_findings(old, new).changed


def test_spellings_of_one_address_are_one_result() -> None:
    assert (
        url_key("HTTPS://Example.FI/Sivu/#top")
        == url_key("https://example.fi/Sivu")
        == url_key("http://www.example.fi/Sivu/?utm_source=x&fbclid=abc")
        == canonical_url("https://example.fi/Sivu")  # the key search merges duplicates by
    )
    assert url_key("https://example.fi/?q=1") != url_key("https://example.fi/?q=2")
    assert url_key("https://example.fi/Sivu") != url_key("https://example.fi/sivu")
    old = [finding("https://Example.fi/a/", "work")]
    new = [finding("https://example.fi/a", "work")]
    assert not diff_findings(old, new)


def test_the_same_page_as_search_spells_it_is_neither_new_nor_gone(_isolated_home: Path) -> None:
    with Store.open() as store:
        first = save_audit(
            store, "Laura", [finding("http://uusisuunta.fi/henkilosto/laura-hietanen/", "work")]
        )
        second = save_audit(
            store,
            "Laura",
            [finding("https://www.uusisuunta.fi/henkilosto/laura-hietanen?utm_source=x", "work")],
        )
    done = cli("diff", str(first), str(second), "--format", "json")
    assert done.exit_code == 0, done.output
    data = json.loads(done.stdout)
    assert (data["new"], data["gone"], data["changed"]) == ([], [], [])


def _serve(httpserver: HTTPServer, path: str, findings: list[Finding]) -> str:
    httpserver.expect_request(path).respond_with_json([f.to_dict() for f in findings])
    return httpserver.url_for(path)


def _save_fetched(store: Store, name: str, url: str) -> int:
    """Fetch a results file over HTTP and save it as an audit, step by step."""
    response = requests.get(url, timeout=5)
    response.raise_for_status()
    fetched = [Finding.from_dict(record) for record in response.json()]
    sink = StoreSink(store)
    sink.started(name, {"name": name}, [f'"{name}"'])
    sink.results_found([f.result for f in fetched])
    for f in fetched:
        if f.check is not None:
            sink.page_checked(f.result.url, f.check)
        sink.classified(f)
    sink.finished(True, [])
    assert sink.audit_id is not None
    return sink.audit_id


def test_diff_of_two_audits_built_from_served_results(httpserver: HTTPServer) -> None:
    march = [
        finding("https://uusisuunta.fi/henkilosto", "work", "live", "Henkilöstö"),
        finding("https://kehakukka.fi/1999/mielenosoitus", "activism", "live", "Mielenosoitus"),
        finding("https://keskustelu.example/laura", "private", "live", "Keskustelu"),
    ]
    april = [
        finding("https://uusisuunta.fi/henkilosto", "work", "live", "Henkilöstö"),
        finding("https://kehakukka.fi/1999/mielenosoitus", "defunct", "gone", "Mielenosoitus"),
        finding("https://lehti.example/<b>uutinen</b>", "namesake", "live", "Uutinen <script>"),
    ]
    clock = Clock()
    with Store.open(clock=clock) as store:
        first = _save_fetched(store, "Laura Hietanen", _serve(httpserver, "/march.json", march))
        clock.advance(days=31)
        second = _save_fetched(store, "Laura Hietanen", _serve(httpserver, "/april.json", april))
        context = store.previous_context(second)
    assert {first, second} == {1, 2}

    done = cli("diff", "--format", "json")
    assert done.exit_code == 0, done.output
    data = json.loads(done.stdout)
    assert (data["old_audit"]["id"], data["new_audit"]["id"]) == (first, second)
    assert [f["url"] for f in data["new"]] == ["https://lehti.example/<b>uutinen</b>"]
    assert data["gone"] == [
        {"url": "https://keskustelu.example/laura", "title": "Keskustelu", "category": "private"}
    ]
    assert data["changed"] == [
        {
            "url": "https://kehakukka.fi/1999/mielenosoitus",
            "title": "Mielenosoitus",
            "old_category": "activism",
            "new_category": "defunct",
            "old_status": "live",
            "new_status": "gone",
        }
    ]
    assert context is not None and context["gone"] == data["gone"]
    assert context["changed"] == data["changed"]
    assert context["new"][0].check.status is PageStatus.LIVE

    table = cli("diff", str(first), str(second))
    assert table.exit_code == 0
    assert "New (1)" in table.stdout and "Gone (1)" in table.stdout
    assert "activism → defunct, page live → gone" in table.stdout
    assert "Uutinen <script>" in table.stdout  # shown as text, not interpreted

    same = cli("diff", str(second), str(second), "--format", "json")
    assert json.loads(same.stdout)["changed"] == []
