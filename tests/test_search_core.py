"""Query planning, deduplication, running providers, and choosing them from the environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from footprint.errors import ConfigError, ExitStatus, InputError
from footprint.http import cache_ttl, retry_wait
from footprint.profile import ActivismProfile, Profile, WorkProfile
from footprint.search import (
    MAX_QUERIES,
    canonical_url,
    cap_plan,
    make_providers,
    merge_hits,
    parse_languages,
    plan_queries,
    run_search,
)
from footprint.search.run import DOWN_AFTER
from search_providers.base import ErrorKind, Page, ProviderError, Query, SearchHit, SearchProvider
from search_providers.brave import BraveProvider
from search_providers.duckduckgo import DuckDuckGoProvider
from search_providers.file import FileProvider
from search_providers.google_cse import GoogleCseProvider
from search_providers.searxng import SearxngProvider
from tests.search_servers import LoopbackServer, SearxngService

LAURA = Profile(
    name="Laura Hietanen",
    aliases=("Laura H.",),
    locations=("Tampere",),
    languages=("fi", "sv"),
    work=WorkProfile(employers=("Uusi Suunta -säätiö",)),
    activism=ActivismProfile(organizations=("Oikeutta eläimille",)),
)


# --- planning ---------------------------------------------------------------------------


def test_plan_covers_name_alias_town_employer_and_activism_in_each_language() -> None:
    plan = plan_queries(LAURA)
    fi = [(q.text, q.purpose) for q in plan if q.language == "fi"]
    assert fi == [
        ('"Laura Hietanen"', "name"),
        ('"Laura H."', "alias"),
        ('"Laura Hietanen" Tampere', "town"),
        ('"Laura Hietanen" "Uusi Suunta -säätiö"', "employer"),
        ('"Laura Hietanen" "Oikeutta eläimille"', "activism"),
    ]
    sv = [q.text for q in plan if q.language == "sv"]
    assert '"Laura Hietanen" Tammerfors' in sv and len(sv) == 5
    assert {q.language for q in plan} == {"fi", "sv"}


def test_plan_languages_can_be_overridden_and_are_checked() -> None:
    assert {q.language for q in plan_queries(LAURA, ["en"])} == {"en"}
    assert parse_languages("fi, SV,fi") == ("fi", "sv")
    assert parse_languages(None) is None
    with pytest.raises(InputError, match="use fi, sv or en"):
        parse_languages("de")


def test_plan_keeps_quotes_balanced() -> None:
    plan = plan_queries(Profile(name='Laura "Lalli" Hietanen'))
    assert plan[0].text == '"Laura Lalli Hietanen"'


# --- deduplication ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "variant",
    [
        "https://www.example.fi/a/b/",
        "http://example.fi/a/b",
        "https://EXAMPLE.fi/a/b#section",
        "https://example.fi:443/a/b?utm_source=x&utm_medium=y",
        "https://example.fi/a/b?fbclid=abc&gclid=def",
    ],
)
def test_canonical_url_ignores_what_does_not_change_the_page(variant: str) -> None:
    assert canonical_url(variant) == canonical_url("https://example.fi/a/b")


def test_canonical_url_keeps_what_does() -> None:
    base = canonical_url("https://example.fi/a")
    assert canonical_url("https://example.fi/b") != base
    assert canonical_url("https://example.fi/a?id=2") != canonical_url("https://example.fi/a?id=3")
    assert canonical_url("https://sub.example.fi/a") != base
    assert canonical_url("https://example.fi/a?b=1&a=2") == canonical_url(
        "https://example.fi/a?a=2&b=1"
    )
    assert canonical_url("https://example.fi:8443/a") != base


def _hit(url: str, rank: int, provider: str, query: str, **kw: str) -> SearchHit:
    return SearchHit(title=kw.get("title", url), url=url, rank=rank, provider=provider,
                     query=query, published=kw.get("published"))  # fmt: skip


def test_merge_keeps_best_rank_and_every_finder() -> None:
    hits = [
        _hit("https://www.a.fi/x/", 5, "brave", "q1"),
        _hit("https://b.fi/", 1, "brave", "q1"),
        _hit("http://a.fi/x?utm_source=n", 2, "serpapi", "q2", title="best", published="2004"),
        _hit("https://a.fi/x", 9, "brave", "q1"),
        _hit("https://c.fi/", 3, "serpapi", "q2"),
    ]
    results = merge_hits(hits)
    assert [r.url for r in results] == [
        "https://b.fi/",
        "http://a.fi/x?utm_source=n",
        "https://c.fi/",
    ]
    merged = results[1]
    assert (merged.rank, merged.title, merged.provider, merged.query) == (
        2,
        "best",
        "serpapi",
        "q2",
    )
    assert merged.found_by == (("brave", "q1"), ("serpapi", "q2"))
    assert merged.published == "2004"


# --- running ----------------------------------------------------------------------------


class Scripted(SearchProvider):
    """A provider that answers from a script: hits per query, or an error."""

    title = "scripted"
    page_size = 2
    max_pages = 3

    def __init__(self, name: str, urls: list[str], fail: dict[int, ProviderError] | None = None):
        self.name = name  # type: ignore[misc]
        self.urls = urls
        self.fail = fail or {}
        self.calls: list[tuple[str, str | None, int]] = []

    def search_page(self, query: Query, page: int) -> Page:
        self.calls.append((query.text, query.language, page))
        if len(self.calls) in self.fail:
            raise self.fail[len(self.calls)]
        chunk = self.urls[page * 2 : page * 2 + 2]
        hits = tuple(
            SearchHit(u, u, rank=page * 2 + i, provider=self.name, query=query.text)
            for i, u in enumerate(chunk, 1)
        )
        return Page(hits, more=page * 2 + 2 < len(self.urls))


def _err(kind: ErrorKind, provider: str = "bad") -> ProviderError:
    return ProviderError(kind, provider, f"{kind.value} went wrong")


def test_run_search_merges_providers_and_reports_progress() -> None:
    one = Scripted("one", ["https://a.fi/", "https://b.fi/", "https://c.fi/"])
    two = Scripted("two", ["https://www.b.fi", "https://d.fi/"])
    seen: list[tuple[str, int, int]] = []
    outcome = run_search(
        Profile(name="Laura Hietanen"), [one, two], progress=lambda *a: seen.append(a)
    )
    assert outcome.queries_sent == 2 and outcome.raw_count == 5
    assert outcome.queries == ['"Laura Hietanen"']
    assert outcome.duplicates_removed == 1 and len(outcome.results) == 4
    assert outcome.per_provider == {"one": 3, "two": 2}
    assert seen == [('one: "Laura Hietanen"', 1, 2), ('two: "Laura Hietanen"', 2, 2)]
    assert outcome.exit_status() is ExitStatus.OK
    assert outcome.summary().startswith("2 queries sent, 4 results (1 duplicates removed)")


def test_run_search_respects_max_results_per_query() -> None:
    one = Scripted("one", [f"https://{i}.fi/" for i in range(6)])
    outcome = run_search(Profile(name="X Y"), [one], max_results=3)
    assert len(outcome.results) == 3 and [c[2] for c in one.calls] == [0, 1]


def test_one_failing_provider_does_not_stop_the_others() -> None:
    bad = Scripted("bad", ["https://x.fi/"], fail={1: _err(ErrorKind.AUTH)})
    good = Scripted("good", ["https://a.fi/"])
    outcome = run_search(LAURA, [bad, good], languages=["fi"])
    assert len(bad.calls) == 1  # an auth failure is not retried with the next queries
    assert len(good.calls) == 5
    assert [f.to_dict() for f in outcome.failures] == [
        {
            "provider": "bad",
            "kind": "auth",
            "message": "auth went wrong",
            "query": '"Laura Hietanen"',
            "count": 1,
        }
    ]
    assert outcome.results and outcome.exit_status() is ExitStatus.PARTIAL


def test_pages_found_before_a_failure_are_kept() -> None:
    flaky = Scripted(
        "flaky",
        ["https://a.fi/", "https://b.fi/", "https://c.fi/"],
        {2: _err(ErrorKind.UNAVAILABLE, "flaky")},
    )
    outcome = run_search(Profile(name="X Y", aliases=("Z",)), [flaky])
    assert {r.url for r in outcome.results} >= {"https://a.fi/", "https://b.fi/"}
    assert outcome.failures[0].kind is ErrorKind.UNAVAILABLE
    assert len(flaky.calls) == 4  # an unavailable page does not stop the next query
    assert outcome.exit_status() is ExitStatus.PARTIAL


def test_every_provider_failing_is_network_or_config() -> None:
    down = Scripted("down", [], {i: _err(ErrorKind.UNAVAILABLE, "down") for i in range(1, 9)})
    outcome = run_search(Profile(name="X Y"), [down])
    assert outcome.all_failed and outcome.exit_status() is ExitStatus.NETWORK
    locked = Scripted("locked", [], {1: _err(ErrorKind.AUTH, "locked")})
    assert run_search(Profile(name="X Y"), [locked]).exit_status() is ExitStatus.CONFIG


def test_repeated_failures_are_listed_once_with_a_count() -> None:
    refused = {i: _err(ErrorKind.BAD_REQUEST, "picky") for i in range(1, 9)}
    picky = Scripted("picky", [], refused)
    outcome = run_search(LAURA, [picky], languages=["fi"])
    assert len(outcome.failures) == 1 and outcome.failures[0].count == 5


def test_a_provider_that_is_down_is_not_asked_again_and_said_once() -> None:
    down = Scripted("down", [], {i: _err(ErrorKind.UNAVAILABLE, "down") for i in range(1, 20)})
    good = Scripted("good", ["https://a.fi/"])
    outcome = run_search(LAURA, [down, good])  # 10 queries: 5 in each of fi and sv
    assert len(down.calls) == DOWN_AFTER == 2 and len(good.calls) == 10
    assert [(f.provider, f.count) for f in outcome.failures] == [("down", 2)]
    assert outcome.failures[0].message == (
        "unavailable went wrong (not asked again after 2 failures in a row: 8 searches not sent)"
    )
    assert outcome.exit_status() is ExitStatus.PARTIAL


def test_a_provider_that_recovers_is_asked_on() -> None:
    blips = {1: _err(ErrorKind.UNAVAILABLE, "blip"), 3: _err(ErrorKind.UNAVAILABLE, "blip")}
    blip = Scripted("blip", ["https://a.fi/"], blips)
    outcome = run_search(LAURA, [blip], languages=["fi"])
    assert len(blip.calls) == 5 and outcome.failures[0].count == 2
    assert "not asked again" not in outcome.failures[0].message


def test_a_searxng_answering_503_gets_two_queries_not_every_one() -> None:
    sleeps: list[float] = []
    with LoopbackServer(SearxngService(mode="server_error")) as server:
        provider = SearxngProvider(base_url=server.url, sleep=sleeps.append)
        outcome = run_search(LAURA, [provider])
        asked = {r.params["q"] for r in server.service.log}
    assert len(asked) == 2 and len(server.service.log) == 6  # 2 queries, each tried 3 times
    assert sleeps == [1.0, 2.0] * 2
    assert outcome.all_failed and "8 searches not sent" in outcome.failures[0].message


def test_the_plan_is_capped_with_the_most_telling_queries_kept() -> None:
    crowd = Profile(
        name="Laura Hietanen",
        aliases=tuple(f"Alias{i} Hietanen" for i in range(300)),
        locations=("Tampere",),
        languages=("fi", "sv", "en"),
        work=WorkProfile(employers=("Uusi Suunta -säätiö",)),
    )
    one = Scripted("one", ["https://a.fi/"])
    outcome = run_search(crowd, [one])
    assert outcome.queries_sent == MAX_QUERIES == len(one.calls)
    sent = [(text, language) for text, language, _ in one.calls]
    for language in ("fi", "sv", "en"):
        assert ('"Laura Hietanen"', language) in sent
        assert ('"Alias0 Hietanen"', language) in sent
    assert any(
        n.startswith("the profile makes 909 searches; footprint runs 50") for n in outcome.notices
    )


def test_a_plan_under_the_cap_is_untouched() -> None:
    plan = plan_queries(LAURA)
    assert cap_plan(plan) == (plan, 0)
    kept, left_out = cap_plan(plan, 4)
    assert left_out == 6 and [q.purpose for q in kept] == ["name", "alias", "name", "alias"]


def test_language_blind_and_query_blind_providers_are_asked_once(tmp_path: Path) -> None:
    rows = [{"title": "t", "href": "https://a.fi/", "body": ""}]

    class Fake:
        calls = 0

        def text(self, query: str, **kwargs: object) -> list[dict[str, str]]:
            Fake.calls += 1
            return rows

    saved = tmp_path / "r.jsonl"
    saved.write_text('{"url": "https://a.fi"}\n', encoding="utf-8")
    profile = Profile(name="X Y", languages=("fi", "sv", "en"))
    outcome = run_search(profile, [DuckDuckGoProvider(ddgs=Fake()), FileProvider(saved)])
    assert Fake.calls == 1 and outcome.queries_sent == 2
    (result,) = outcome.results
    assert result.found_by == (("duckduckgo", '"X Y"'), ("file", '"X Y"'))


def test_notices_are_collected_once() -> None:
    class Noticed(Scripted):
        notice = "this service ends soon"

    outcome = run_search(Profile(name="X"), [Noticed("a", []), Noticed("b", [])])
    assert outcome.notices == ["this service ends soon"]
    assert GoogleCseProvider.notice and "2027-01-01" in GoogleCseProvider.notice


# --- choosing providers -----------------------------------------------------------------


def test_default_is_duckduckgo_without_keys() -> None:
    (provider,) = make_providers(env={})
    assert provider.name == "duckduckgo"


def test_the_retry_wait_is_a_setting_given_to_every_http_provider(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    env = {"BRAVE_API_KEY": "b", "SEARXNG_URL": "http://127.0.0.1:1"}
    monkeypatch.delenv("FOOTPRINT_RETRY_WAIT")
    assert retry_wait() == 1.0
    assert [p.backoff for p in make_providers(env=env, no_cache=True)] == [1.0, 1.0]
    monkeypatch.setenv("FOOTPRINT_RETRY_WAIT", "0.25")
    assert [p.backoff for p in make_providers(env=env, no_cache=True)] == [0.25, 0.25]
    for nonsense in ("soon", "-1", "600"):
        monkeypatch.setenv("FOOTPRINT_RETRY_WAIT", nonsense)
        with pytest.raises(ConfigError, match="FOOTPRINT_RETRY_WAIT"):
            retry_wait()


def test_default_is_every_configured_provider() -> None:
    env = {"BRAVE_API_KEY": "b", "SEARXNG_URL": "http://127.0.0.1:1", "SERPAPI_API_KEY": "s"}
    names = [p.name for p in make_providers(env=env, no_cache=True)]
    assert names == ["brave", "serpapi", "searxng"]


def test_named_provider_without_its_key_is_a_config_error_with_the_fix() -> None:
    with pytest.raises(ConfigError) as caught:
        make_providers(["brave"], env={})
    assert "BRAVE_API_KEY is not set" in str(caught.value)
    assert "api-dashboard.search.brave.com" in str(caught.value)
    with pytest.raises(ConfigError, match="GOOGLE_CSE_ID is not set"):
        make_providers(["google"], env={"GOOGLE_API_KEY": "k"})


def test_half_configured_google_is_reported_even_by_default() -> None:
    with pytest.raises(ConfigError, match="GOOGLE_API_KEY is set but GOOGLE_CSE_ID is not"):
        make_providers(env={"GOOGLE_API_KEY": "k"})


def test_unknown_provider_is_an_input_error() -> None:
    with pytest.raises(InputError, match="unknown provider 'bing'"):
        make_providers(["bing"], env={})


def test_from_file_alone_or_added(tmp_path: Path) -> None:
    saved = tmp_path / "r.csv"
    saved.write_text("url\nhttps://a.fi/\n", encoding="utf-8")
    assert [p.name for p in make_providers(env={}, from_file=saved)] == ["file"]
    both = make_providers(["brave"], env={"BRAVE_API_KEY": "k"}, from_file=saved, no_cache=True)
    assert [p.name for p in both] == ["brave", "file"]
    assert isinstance(both[0], BraveProvider)
    bad = tmp_path / "bad.csv"
    bad.write_text("link?\n", encoding="utf-8")
    with pytest.raises(InputError, match="'url' column"):
        make_providers(env={}, from_file=bad)
    with pytest.raises(ConfigError, match="--from FILE"):
        make_providers(["file"], env={})


def test_providers_share_one_cached_session() -> None:
    env = {"BRAVE_API_KEY": "b", "SERPAPI_API_KEY": "s"}
    brave, serpapi = make_providers(env=env)
    assert brave.session is serpapi.session
    assert type(brave.session).__name__ == "CachedSession"
    plain = make_providers(env=env, no_cache=True)[0]
    assert type(plain.session).__name__ == "Session"


@pytest.mark.parametrize(
    ("value", "seconds"),
    [("", 86400), ("3600", 3600), ("30m", 1800), ("12h", 43200), ("2d", 172800), ("0", 0)],
)
def test_cache_ttl(monkeypatch: pytest.MonkeyPatch, value: str, seconds: int) -> None:
    monkeypatch.setenv("FOOTPRINT_CACHE_TTL", value)
    assert cache_ttl() == seconds


def test_cache_ttl_rejects_nonsense(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FOOTPRINT_CACHE_TTL", "a week")
    with pytest.raises(ConfigError, match="FOOTPRINT_CACHE_TTL"):
        cache_ttl()
