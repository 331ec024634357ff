"""Each provider against a loopback server speaking its documented format and errors."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from search_providers._http import retry_after_seconds
from search_providers.base import ErrorKind, ProviderError, Query, redact
from search_providers.brave import BraveProvider
from search_providers.google_cse import GoogleCseProvider
from search_providers.searxng import SearxngProvider
from search_providers.serpapi import SerpApiProvider
from tests.search_servers import (
    BraveService,
    FakeService,
    GoogleService,
    LoopbackServer,
    SearxngService,
    SerpApiService,
)

KEY = "test-key-0123456789"
Q = Query('"Laura Hietanen"', "fi")


@pytest.fixture
def serve() -> Iterator:
    servers: list[LoopbackServer] = []

    def start(service: FakeService) -> LoopbackServer:
        server = LoopbackServer(service).__enter__()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.__exit__(None, None, None)


class Sleeps(list):
    """An injectable sleep that records instead of waiting."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def _brave(serve, **service):  # type: ignore[no-untyped-def]
    server = serve(BraveService(**service))
    sleeps = Sleeps()
    return BraveProvider(KEY, base_url=server.url, sleep=sleeps, timeout=5), server.service, sleeps


# --- Brave ------------------------------------------------------------------------------


def test_brave_request_is_pure_and_hides_the_key() -> None:
    provider = BraveProvider(KEY)
    request = provider.build_request(Q, 3)
    assert request.url == "https://api.search.brave.com/res/v1/web/search"
    assert request.params == {
        "q": '"Laura Hietanen"',
        "count": 20,
        "offset": 3,
        "country": "FI",
        "search_lang": "fi",
    }
    assert request.revealed_headers()["X-Subscription-Token"] == KEY
    assert KEY not in repr(request) and KEY not in repr(provider) and KEY not in str(vars(provider))


def test_brave_pages_to_its_limit_of_ten_pages_of_twenty(serve) -> None:
    provider, service, _ = _brave(serve, total=500)
    hits = provider.search(Q, max_results=1000)
    assert len(hits) == 200
    assert [int(r.params["offset"]) for r in service.log] == list(range(10))
    assert {r.params["count"] for r in service.log} == {"20"}
    assert [h.rank for h in hits] == list(range(1, 201))
    assert len({h.url for h in hits}) == 200


def test_brave_stops_when_no_more_results_are_available(serve) -> None:
    provider, service, _ = _brave(serve, total=45)
    hits = provider.search(Q, max_results=100)
    assert len(hits) == 45 and len(service.log) == 3


def test_brave_stops_at_max_results(serve) -> None:
    provider, service, _ = _brave(serve, total=500)
    assert len(provider.search(Q, max_results=30)) == 30
    assert len(service.log) == 2


def test_brave_parses_fields_and_cleans_markup(serve) -> None:
    provider, service, _ = _brave(serve, total=2)
    first = provider.search(Q)[0]
    assert first.title == '"Laura Hietanen" 1 & more'
    assert first.url == "https://site1.example/laura-hietanen/page-1"
    assert first.published == "2019-02-15"
    assert (first.provider, first.query, first.rank) == ("brave", '"Laura Hietanen"', 1)
    assert service.log[0].headers["x-subscription-token"] == KEY
    assert service.log[0].params["country"] == "FI"


def test_brave_invalid_token_is_an_auth_error_naming_the_fix(serve) -> None:
    server = serve(BraveService(key="another-key"))
    provider = BraveProvider(KEY, base_url=server.url)
    with pytest.raises(ProviderError) as caught:
        provider.search(Q)
    err = caught.value
    assert err.kind is ErrorKind.AUTH and err.provider == "brave"
    assert (
        "BRAVE_API_KEY is invalid" in err.message
        and "api-dashboard.search.brave.com" in err.message
    )
    assert KEY not in str(err) and KEY not in repr(err)


def test_brave_rate_limit_honours_retry_after_then_succeeds(serve) -> None:
    provider, service, sleeps = _brave(
        serve, total=5, mode="rate_limited", failures_left=1, retry_after="2"
    )
    assert len(provider.search(Q)) == 5
    assert sleeps == [2.0] and len(service.log) == 2


def test_brave_rate_limit_gives_up_after_bounded_retries(serve) -> None:
    provider, service, sleeps = _brave(serve, mode="rate_limited", retry_after="1")
    with pytest.raises(ProviderError) as caught:
        provider.search(Q)
    assert caught.value.kind is ErrorKind.RATE_LIMITED
    assert sleeps == [1.0, 1.0] and len(service.log) == 3  # max_retries=2


def test_brave_does_not_wait_longer_than_its_bound(serve) -> None:
    provider, service, sleeps = _brave(serve, mode="rate_limited", retry_after="3600")
    with pytest.raises(ProviderError) as caught:
        provider.search(Q)
    assert caught.value.retry_after == 3600 and sleeps == [] and len(service.log) == 1


def test_brave_rate_limit_without_retry_after_backs_off_exponentially(serve) -> None:
    provider, _, sleeps = _brave(serve, mode="rate_limited", retry_after=None)
    with pytest.raises(ProviderError):
        provider.search(Q)
    assert sleeps == [1.0, 2.0]


@pytest.mark.parametrize("mode", ["quota", "quota_errors_array"])
def test_brave_quota_is_not_retried(serve, mode: str) -> None:
    provider, service, sleeps = _brave(serve, mode=mode)
    with pytest.raises(ProviderError) as caught:
        provider.search(Q)
    assert caught.value.kind is ErrorKind.QUOTA and "used up" in caught.value.message
    assert sleeps == [] and len(service.log) == 1


@pytest.mark.parametrize("mode", ["not_json", "truncated"])
def test_brave_malformed_answer_is_unavailable(serve, mode: str) -> None:
    provider, _, _ = _brave(serve, mode=mode)
    with pytest.raises(ProviderError) as caught:
        provider.search(Q)
    assert caught.value.kind is ErrorKind.UNAVAILABLE and "not JSON" in caught.value.message


def test_brave_empty_result_is_not_an_error(serve) -> None:
    provider, service, _ = _brave(serve, total=0)
    assert provider.search(Q) == [] and len(service.log) == 1


def test_brave_server_error_is_retried(serve) -> None:
    provider, service, sleeps = _brave(serve, total=3, mode="server_error", failures_left=1)
    assert len(provider.search(Q)) == 3 and sleeps == [1.0] and len(service.log) == 2


def test_brave_slow_answer_times_out(serve) -> None:
    server = serve(BraveService(delay=1.0))
    provider = BraveProvider(KEY, base_url=server.url, timeout=0.2)
    with pytest.raises(ProviderError) as caught:
        provider.search(Q)
    assert caught.value.kind is ErrorKind.UNAVAILABLE
    assert "did not answer within 0.2 s" in caught.value.message
    assert KEY not in caught.value.message and "?" not in caught.value.message


def test_nothing_listening_is_unavailable_without_the_url() -> None:
    provider = SerpApiProvider(KEY, base_url="http://127.0.0.1:9", timeout=2)
    with pytest.raises(ProviderError) as caught:
        provider.search(Q)
    assert caught.value.kind is ErrorKind.UNAVAILABLE and "cannot connect" in caught.value.message
    assert caught.value.__cause__ is None and caught.value.__suppress_context__
    assert KEY not in str(caught.value)


# --- SerpApi ----------------------------------------------------------------------------


def test_serpapi_pages_with_start_offsets(serve) -> None:
    server = serve(SerpApiService(total=35))
    provider = SerpApiProvider(KEY, base_url=server.url)
    hits = provider.search(Q, max_results=100)
    assert len(hits) == 35
    assert [r.params["start"] for r in server.service.log] == ["0", "10", "20", "30"]
    first = server.service.log[0].params
    assert (first["engine"], first["gl"], first["hl"], first["api_key"]) == (
        "google",
        "fi",
        "fi",
        KEY,
    )
    assert [h.rank for h in hits] == list(range(1, 36))
    assert hits[0].published == "2021-03-03" and hits[0].url.startswith("https://site1.")


def test_serpapi_limit_is_ten_pages(serve) -> None:
    server = serve(SerpApiService(total=500))
    assert len(SerpApiProvider(KEY, base_url=server.url).search(Q, max_results=500)) == 100
    assert server.service.log[-1].params["start"] == "90"


def test_serpapi_no_results_message_is_an_empty_result(serve) -> None:
    server = serve(SerpApiService(total=0))
    assert SerpApiProvider(KEY, base_url=server.url).search(Q) == []


def test_serpapi_bad_key_is_auth(serve) -> None:
    server = serve(SerpApiService(key="other"))
    with pytest.raises(ProviderError) as caught:
        SerpApiProvider(KEY, base_url=server.url).search(Q)
    assert (
        caught.value.kind is ErrorKind.AUTH and "SERPAPI_API_KEY is invalid" in caught.value.message
    )


def test_serpapi_out_of_searches_is_quota(serve) -> None:
    server = serve(SerpApiService(mode="quota"))
    with pytest.raises(ProviderError) as caught:
        SerpApiProvider(KEY, base_url=server.url, sleep=Sleeps()).search(Q)
    assert caught.value.kind is ErrorKind.QUOTA and len(server.service.log) == 1


def test_serpapi_throughput_limit_is_rate_limited_and_retried(serve) -> None:
    server = serve(SerpApiService(mode="rate_limited", failures_left=2, retry_after="1", total=4))
    sleeps = Sleeps()
    assert len(SerpApiProvider(KEY, base_url=server.url, sleep=sleeps).search(Q)) == 4
    assert sleeps == [1.0, 1.0]


# --- Google Custom Search ---------------------------------------------------------------


def test_google_pages_with_one_based_start_within_one_hundred(serve) -> None:
    server = serve(GoogleService(total=500))
    provider = GoogleCseProvider(KEY, "cse-id", base_url=server.url)
    hits = provider.search(Q, max_results=500)
    windows = [(int(r.params["start"]), int(r.params["num"])) for r in server.service.log]
    assert windows[0] == (1, 10) and windows[1] == (11, 10) and windows[-1] == (91, 9)
    assert all(start + num <= 100 for start, num in windows)
    assert len(hits) == 99 and [h.rank for h in hits] == list(range(1, 100))
    first = server.service.log[0].params
    assert (first["cx"], first["lr"], first["hl"], first["gl"]) == ("cse-id", "lang_fi", "fi", "fi")
    assert hits[0].published == "2016-11-02"


def test_google_stops_without_next_page(serve) -> None:
    server = serve(GoogleService(total=15))
    hits = GoogleCseProvider(KEY, "cx", base_url=server.url).search(Q)
    assert len(hits) == 15 and len(server.service.log) == 2


def test_google_carries_the_end_of_service_notice() -> None:
    notice = GoogleCseProvider.notice or ""
    assert "closed to new customers" in notice and "2027-01-01" in notice


def test_google_bad_key_is_auth(serve) -> None:
    server = serve(GoogleService(key="other"))
    with pytest.raises(ProviderError) as caught:
        GoogleCseProvider(KEY, "cx", base_url=server.url).search(Q)
    assert caught.value.kind is ErrorKind.AUTH and "GOOGLE_API_KEY" in caught.value.message


@pytest.mark.parametrize("mode", ["quota", "daily_limit"])
def test_google_daily_quota_is_quota(serve, mode: str) -> None:
    server = serve(GoogleService(mode=mode))
    sleeps = Sleeps()
    with pytest.raises(ProviderError) as caught:
        GoogleCseProvider(KEY, "cx", base_url=server.url, sleep=sleeps).search(Q)
    assert caught.value.kind is ErrorKind.QUOTA and sleeps == []


# --- SearXNG ----------------------------------------------------------------------------


def test_searxng_pages_with_pageno_and_language(serve) -> None:
    server = serve(SearxngService(total=25))
    hits = SearxngProvider(base_url=server.url + "/").search(Q, max_results=100)
    assert len(hits) == 25
    assert [r.params["pageno"] for r in server.service.log] == ["1", "2", "3", "4"]
    assert server.service.log[0].params["language"] == "fi"
    assert server.service.log[0].params["format"] == "json"
    assert hits[0].published == "2012-04-01" and hits[1].published is None


def test_searxng_json_disabled_says_how_to_enable_it(serve) -> None:
    server = serve(SearxngService(mode="json_disabled"))
    with pytest.raises(ProviderError) as caught:
        SearxngProvider(base_url=server.url).search(Q)
    message = caught.value.message
    assert caught.value.kind is ErrorKind.CONFIG
    assert "json" in message and "search.formats" in message and "settings.yml" in message


def test_searxng_unresponsive_engines_with_no_results_is_a_failure(serve) -> None:
    server = serve(SearxngService(mode="unresponsive"))
    with pytest.raises(ProviderError) as caught:
        SearxngProvider(base_url=server.url).search(Q)
    assert caught.value.kind is ErrorKind.UNAVAILABLE
    assert (
        "google: timeout" in caught.value.message and "duckduckgo: CAPTCHA" in caught.value.message
    )


def test_searxng_empty_without_unresponsive_engines_is_nothing_found(serve) -> None:
    server = serve(SearxngService(total=0))
    assert SearxngProvider(base_url=server.url).search(Q) == []


def test_searxng_url_from_env_is_checked() -> None:
    with pytest.raises(ProviderError) as caught:
        SearxngProvider.from_env({"SEARXNG_URL": "searx.example.org"})
    assert caught.value.kind is ErrorKind.CONFIG and "http://" in caught.value.message
    with pytest.raises(ProviderError) as missing:
        SearxngProvider.from_env({})
    assert "SEARXNG_URL is not set" in missing.value.message
    assert (
        SearxngProvider.from_env({"SEARXNG_URL": "https://s.example/"}).base_url
        == "https://s.example"
    )


def test_retry_after_reads_seconds_and_http_dates() -> None:
    assert retry_after_seconds("7") == 7.0
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:10 GMT", now=1445412480.0) == 10.0
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412490.0) == 0.0
    assert retry_after_seconds("soon") is None and retry_after_seconds(None) is None


# --- what answers recorded from the real services showed (issue 16) --------------------


def test_searxng_ranks_count_the_results_received_across_pages(serve) -> None:
    server = serve(SearxngService(total=75, per_page=30))  # a real page holds about 30
    hits = SearxngProvider(base_url=server.url).search(Q, max_results=50)
    assert len(hits) == 50 and len(server.service.log) == 2
    assert [h.rank for h in hits] == list(range(1, 51))


def test_google_dates_come_from_other_meta_tags_and_the_snippet(serve) -> None:
    server = serve(GoogleService(total=10, recorded_dates=True))
    hits = GoogleCseProvider(KEY, "cx", base_url=server.url).search(Q, max_results=10)
    assert [h.published for h in hits] == [
        "2016-11-02",  # article:published_time
        "2024-07-07",  # "Jul 7, 2024 ..." before the snippet
        "2022-09-27",  # "Sep 27, 2022 ..."
        "2020-01-02",  # article:modified_time
        "2018-06-07",  # dc.date
        "2017-08-09",  # a schema.org NewsArticle's datePublished
        None,  # "3 days ago ..." says nothing once saved
        None,  # no date anywhere
        "2023-12-01",  # the snippet's date before a later og:updated_time
        "2014-02-03",  # og:updated_time in the second metatags object
    ]
    assert hits[1].snippet.startswith("Jul 7, 2024 ... A text about")


@pytest.mark.parametrize("mode", ["month_exhausted", "month_exhausted_200"])
def test_serpapi_month_exhausted_is_a_used_up_quota_not_retried(serve, mode: str) -> None:
    server = serve(SerpApiService(mode=mode))
    sleeps = Sleeps()
    with pytest.raises(ProviderError) as caught:
        SerpApiProvider(KEY, base_url=server.url, sleep=sleeps).search(Q)
    err = caught.value
    assert err.kind is ErrorKind.QUOTA and sleeps == [] and len(server.service.log) == 1
    assert "searches for this month are used up" in err.message
    assert "https://serpapi.com/pricing" in err.message


def test_brave_subscription_not_found_is_a_key_problem(serve) -> None:
    provider, service, sleeps = _brave(serve, mode="subscription_not_found")
    with pytest.raises(ProviderError) as caught:
        provider.search(Q)
    err = caught.value
    assert err.kind is ErrorKind.AUTH and sleeps == [] and len(service.log) == 1
    assert "BRAVE_API_KEY" in err.message and "api-dashboard.search.brave.com" in err.message


def test_searxng_passes_the_limiter_header_checks(serve) -> None:
    server = serve(SearxngService(total=5, limiter=True))
    hits = SearxngProvider(base_url=server.url).search(Q)
    assert len(hits) == 5
    sent = server.service.log[0].headers
    assert "text/html" in sent["accept"] and "application/json" in sent["accept"]
    assert sent["accept-language"].startswith("fi")


def test_searxng_lasting_429_names_the_limiter_and_the_fix(serve) -> None:
    server = serve(SearxngService(mode="limited"))
    sleeps = Sleeps()
    with pytest.raises(ProviderError) as caught:
        SearxngProvider(base_url=server.url, sleep=sleeps).search(Q)
    message = caught.value.message
    assert caught.value.kind is ErrorKind.RATE_LIMITED and len(server.service.log) == 3
    assert "limiter" in message and "server.limiter" in message
    assert "pass_ip" in message and "limiter.toml" in message


def test_redact_masks_credentials_in_addresses_and_messages() -> None:
    assert redact("http://laura:pw@127.0.0.1:8080/search") == "http://***@127.0.0.1:8080/search"
    assert redact("cannot reach https://token@s.example/ or ftp://a:b@c") == (
        "cannot reach https://***@s.example/ or ftp://***@c"
    )
    assert (
        redact("/search.json?q=x&api_key=abc123&start=0") == "/search.json?q=x&api_key=***&start=0"
    )
    assert redact("write to laura@example.fi at https://example.fi/a@b") == (
        "write to laura@example.fi at https://example.fi/a@b"
    )
