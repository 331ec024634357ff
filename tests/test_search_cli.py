"""`footprint search` end to end against loopback providers: dedup, partial failure,
exit codes, the cache, and API keys kept out of everything written or shown."""

from __future__ import annotations

import base64
import json
import os
import stat
import traceback
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from footprint.cli import app
from footprint.paths import cache_dir
from search_providers.base import ProviderError, Query
from search_providers.brave import BraveProvider
from search_providers.google_cse import GoogleCseProvider
from search_providers.serpapi import SerpApiProvider
from tests.search_servers import (
    BraveService,
    GoogleService,
    LoopbackServer,
    SearxngService,
    SerpApiService,
)

BRAVE_KEY = "brave-secret-4f9c2a7e"
SERP_KEY = "serp-secret-8d1b3c6f"
NAME = "Laura Hietanen"


@pytest.fixture
def brave(monkeypatch: pytest.MonkeyPatch) -> Iterator[BraveService]:
    service = BraveService(key=BRAVE_KEY, total=30)
    with LoopbackServer(service) as server:
        monkeypatch.setattr(BraveProvider, "default_base_url", server.url)
        monkeypatch.setenv("BRAVE_API_KEY", BRAVE_KEY)
        yield service


@pytest.fixture
def serpapi(monkeypatch: pytest.MonkeyPatch) -> Iterator[SerpApiService]:
    service = SerpApiService(key=SERP_KEY, total=25)
    with LoopbackServer(service) as server:
        monkeypatch.setattr(SerpApiProvider, "default_base_url", server.url)
        monkeypatch.setenv("SERPAPI_API_KEY", SERP_KEY)
        yield service


def _run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, ["search", NAME, *args])


def _records(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_two_providers_are_merged_and_deduplicated(brave, serpapi) -> None:
    result = _run("--provider", "brave", "--provider", "serpapi")
    assert result.exit_code == 0, result.output
    records = _records(result.stdout)
    assert len(records) == 30  # 30 + 25 hits of the same pages
    assert len({r["url"] for r in records}) == 30
    both = [r for r in records if len(r["found_by"]) == 2]
    assert len(both) == 25
    assert {tuple(p) for p in both[0]["found_by"]} == {
        ("brave", f'"{NAME}"'),
        ("serpapi", f'"{NAME}"'),
    }
    assert [r["rank"] for r in records] == list(range(1, 31))  # best rank first
    assert records[0]["url"] == "https://site1.example/laura-hietanen/page-1"
    assert "2 queries sent, 30 results (25 duplicates removed)" in result.stderr
    assert "per provider: brave 30, serpapi 25" in result.stderr
    assert [len(brave.log), len(serpapi.log)] == [2, 3]


def test_a_failing_provider_gives_a_partial_result_and_exit_4(brave, serpapi) -> None:
    serpapi.key = "a-different-key"  # the server no longer accepts ours
    result = _run("--provider", "brave", "--provider", "serpapi")
    assert result.exit_code == 4, result.output
    assert len(_records(result.stdout)) == 30
    assert "serpapi failed (auth): SERPAPI_API_KEY is invalid" in result.stderr
    assert "https://serpapi.com/manage-api-key" in result.stderr
    assert "per provider: brave 30, serpapi 0" in result.stderr
    assert SERP_KEY not in result.output and BRAVE_KEY not in result.output


def test_output_file_is_private_and_written_whole(brave, tmp_path: Path) -> None:
    out = tmp_path / "results.jsonl"
    result = _run("--provider", "brave", "--output", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert len(_records(out.read_text(encoding="utf-8"))) == 30
    assert f"written to {out}" in result.stderr
    assert list(tmp_path.iterdir()) == [out]  # no temporary file left behind


def test_every_provider_failing_is_exit_6_and_writes_nothing(brave, serpapi, tmp_path) -> None:
    brave.mode = serpapi.mode = "not_json"
    out = tmp_path / "results.jsonl"
    out.write_text("an earlier good run\n", encoding="utf-8")
    result = _run("--provider", "brave", "--provider", "serpapi", "--output", str(out), "--force")
    assert result.exit_code == 6, result.output
    assert "brave failed (unavailable)" in result.stderr
    assert "serpapi failed (unavailable)" in result.stderr
    assert "Error: every provider failed" in result.stderr
    assert out.read_text(encoding="utf-8") == "an earlier good run\n"


def test_every_provider_refusing_the_key_is_exit_5(brave) -> None:
    brave.key = "another"
    result = _run("--provider", "brave")
    assert result.exit_code == 5, result.output
    assert "BRAVE_API_KEY is invalid" in result.stderr


def test_named_provider_without_a_key_is_exit_5(monkeypatch: pytest.MonkeyPatch) -> None:
    result = _run("--provider", "serpapi")
    assert result.exit_code == 5
    assert "SERPAPI_API_KEY is not set" in result.stderr and "serpapi.com" in result.stderr


def test_bad_language_is_exit_3() -> None:
    result = _run("--lang", "de", "--provider", "file", "--from", "x.csv")
    assert result.exit_code == 3 and "use fi, sv or en" in result.stderr


def test_profile_queries_and_languages_reach_the_provider(brave, tmp_path: Path) -> None:
    profile = tmp_path / "me.toml"
    profile.write_text(
        'name = "Laura Hietanen"\nlocations = ["Turku"]\nlanguages = ["fi", "sv"]\n',
        encoding="utf-8",
    )
    result = _run("--profile", str(profile), "--provider", "brave", "--max-results", "20")
    assert result.exit_code == 0, result.output
    sent = {(r.params["q"], r.params["search_lang"]) for r in brave.log}
    assert sent == {
        (f'"{NAME}"', "fi"),
        (f'"{NAME}" Turku', "fi"),
        (f'"{NAME}"', "sv"),
        (f'"{NAME}" Åbo', "sv"),
    }
    assert "4 queries sent" in result.stderr


def test_google_end_of_service_is_said_once(monkeypatch: pytest.MonkeyPatch) -> None:
    service = GoogleService(key="g-key", total=3)
    with LoopbackServer(service) as server:
        monkeypatch.setattr(GoogleCseProvider, "default_base_url", server.url)
        monkeypatch.setenv("GOOGLE_API_KEY", "g-key")
        monkeypatch.setenv("GOOGLE_CSE_ID", "cx-1")
        profile_args = ("--lang", "fi,sv,en")
        result = _run("--provider", "google", *profile_args)
    assert result.exit_code == 0, result.output
    assert result.stderr.count("2027-01-01") == 1
    assert len(_records(result.stdout)) == 3


def _cache_bytes() -> bytes:
    return b"".join(p.read_bytes() for p in cache_dir().iterdir() if p.is_file())


def test_answers_are_cached_without_the_keys(brave, serpapi) -> None:
    first = _run("--provider", "brave", "--provider", "serpapi")
    assert first.exit_code == 0, first.output
    requests_made = len(brave.log) + len(serpapi.log)
    again = _run("--provider", "brave", "--provider", "serpapi")
    assert again.exit_code == 0 and again.stdout == first.stdout
    assert len(brave.log) + len(serpapi.log) == requests_made  # all from the cache

    folder = cache_dir()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    files = [p for p in folder.iterdir() if p.is_file()]
    assert files and all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in files)
    stored = _cache_bytes()
    assert b"site1.example" in stored  # the answers really are in there
    assert BRAVE_KEY.encode() not in stored and SERP_KEY.encode() not in stored

    fresh = _run("--provider", "brave", "--provider", "serpapi", "--no-cache")
    assert fresh.exit_code == 0
    assert len(brave.log) + len(serpapi.log) == 2 * requests_made


def test_cache_ttl_zero_turns_the_cache_off(brave, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FOOTPRINT_CACHE_TTL", "0")
    assert _run("--provider", "brave").exit_code == 0
    assert _run("--provider", "brave").exit_code == 0
    assert len(brave.log) == 4


def test_keys_stay_out_of_errors_reprs_and_tracebacks() -> None:
    provider = SerpApiProvider(SERP_KEY, base_url="http://127.0.0.1:9", timeout=2)
    assert SERP_KEY not in repr(provider) and SERP_KEY not in repr(vars(provider))
    assert SERP_KEY not in repr(provider.build_request(Query("x"), 0))
    with pytest.raises(ProviderError) as caught:
        provider.search(Query("x"))
    shown = "".join(traceback.format_exception(caught.value))
    assert "cannot connect" in shown and SERP_KEY not in shown and "api_key" not in shown


def test_search_help_is_listed() -> None:
    result = CliRunner().invoke(app, ["--help"])
    assert "search" in result.output
    assert os.environ.get("BRAVE_API_KEY") is None  # conftest keeps real keys out of tests


def test_a_brave_key_without_a_subscription_is_exit_5(brave) -> None:
    brave.mode = "subscription_not_found"
    result = _run("--provider", "brave")
    assert result.exit_code == 5, result.output
    assert "brave failed (auth)" in result.stderr
    assert "https://api-dashboard.search.brave.com/app/keys" in result.stderr


PASSWORD = "s3cret-pw-5e1d"


def test_searxng_credentials_go_as_basic_auth_and_are_never_shown_or_cached(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    token = base64.b64encode(f"laura:{PASSWORD}".encode()).decode()
    service = SearxngService(total=5, basic_auth=f"Basic {token}")
    with LoopbackServer(service) as server:
        address = server.url.replace("http://", f"http://laura:{PASSWORD}@")
        monkeypatch.setenv("SEARXNG_URL", address)
        found = _run("--provider", "searxng")
        assert found.exit_code == 0, found.output
        assert len(_records(found.stdout)) == 5  # the instance accepted the password
        service.mode = "server_error"
        failed = _run("--provider", "searxng", "--no-cache")
    assert failed.exit_code == 6 and "searxng failed" in failed.stderr
    monkeypatch.setenv("SEARXNG_URL", f"http://laura:{PASSWORD}@127.0.0.1:9")
    unreachable = _run("--provider", "searxng", "--no-cache")
    assert "cannot connect to 127.0.0.1:9" in unreachable.stderr
    monkeypatch.setenv("SEARXNG_URL", f"htp://laura:{PASSWORD}@127.0.0.1:9")
    misspelt = _run("--provider", "searxng")
    assert misspelt.exit_code == 5 and "htp://***@127.0.0.1:9" in misspelt.stderr
    for result in (found, failed, unreachable, misspelt):
        assert PASSWORD not in result.output
    assert PASSWORD.encode() not in _cache_bytes() and token.encode() not in _cache_bytes()


def test_google_engine_id_is_not_stored_and_engines_do_not_share_answers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    service = GoogleService(key="g-key", total=3)
    with LoopbackServer(service) as server:
        monkeypatch.setattr(GoogleCseProvider, "default_base_url", server.url)
        monkeypatch.setenv("GOOGLE_API_KEY", "g-key")
        monkeypatch.setenv("GOOGLE_CSE_ID", "cx-secret-7f3a")
        assert _run("--provider", "google").exit_code == 0
        assert _run("--provider", "google").exit_code == 0
        assert len(service.log) == 1  # the second answer came from the cache
        monkeypatch.setenv("GOOGLE_CSE_ID", "cx-other-9b2c")
        assert _run("--provider", "google").exit_code == 0
        assert [r.params["cx"] for r in service.log] == ["cx-secret-7f3a", "cx-other-9b2c"]
    stored = _cache_bytes()
    assert b"site1.example" in stored
    assert b"cx-secret-7f3a" not in stored and b"cx-other-9b2c" not in stored


def test_every_warning_and_error_line_masks_credentials(capsys: pytest.CaptureFixture) -> None:
    from footprint.cli.app import error, warn

    warn(f"cannot reach http://laura:{PASSWORD}@10.0.0.2:8080/search?api_key=k-123")
    error("the instance at https://t0ken@s.example/ refused")
    shown = capsys.readouterr().err
    assert "http://***@10.0.0.2:8080/search?api_key=***" in shown
    assert "https://***@s.example/" in shown and "t0ken" not in shown and "k-123" not in shown
