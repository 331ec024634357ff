"""Removal requests: deadlines on an injected clock, overdue first, and what is gone."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from footprint.errors import InputError, UsageError
from footprint.models import ArchiveCopy, PageCheck, PageStatus
from footprint.store import Channel, Store
from footprint.store.tracking import (
    CONTROLLERS,
    absence_counts,
    add_month,
    deadline,
    parse_channel,
    parse_date,
    removal_evidence,
)
from tests.store_support import Clock, cli, finding, save_audit


@pytest.mark.parametrize(
    ("sent", "due"),
    [
        ("2026-03-02", "2026-04-02"),
        ("2026-01-31", "2026-02-28"),
        ("2028-01-31", "2028-02-29"),
        ("2026-03-31", "2026-04-30"),
        ("2026-12-15", "2027-01-15"),
    ],
)
def test_a_month_is_a_calendar_month(sent: str, due: str) -> None:
    assert add_month(date.fromisoformat(sent)) == date.fromisoformat(due)


def test_only_controllers_have_a_deadline() -> None:
    sent = date(2026, 3, 2)
    for channel in Channel:
        expected = date(2026, 4, 2) if channel in CONTROLLERS else None
        assert deadline(channel, sent) == expected, channel
    assert {c.value for c in CONTROLLERS} == {"site-owner", "archive", "platform"}


def test_parsing_names_the_input_and_the_fix() -> None:
    today = date(2026, 3, 2)
    assert parse_channel("Bing") is Channel.BING
    with pytest.raises(UsageError, match=r"unknown channel 'email': use one of site-owner\|"):
        parse_channel("email")
    assert parse_date("2026-02-01", today) == date(2026, 2, 1)
    with pytest.raises(InputError, match=r"is not a date: use YYYY-MM-DD, e\.g\. 2026-03-02"):
        parse_date("1.2.2026", today)
    with pytest.raises(InputError, match="in the future"):
        parse_date("2026-03-03", today)


def test_deadlines_overdue_first_and_next_steps_as_the_clock_moves(_isolated_home: Path) -> None:
    clock = Clock("2026-01-31T09:00:00+00:00")
    with Store.open(clock=clock) as store:
        store.track("https://blog.example/post", Channel.SITE_OWNER, note="sent by e-mail")
        clock.advance(days=10)  # 2026-02-10
        store.track("https://facebook.example/laura", Channel.PLATFORM)
        store.track("https://blog.example/post", Channel.GOOGLE_DELISTING)
        store.track("https://old.example/", Channel.OMBUDSMAN, sent=date(2026, 1, 5))

        clock.now = clock.now.replace(month=2, day=28)  # the site owner's last day
        ctx = store.tracked_context()
        assert not any(r["overdue"] for r in ctx)
        assert ctx[0]["url"] == "https://blog.example/post" and ctx[0]["deadline"] == "2026-02-28"
        assert ctx[0]["next_step_code"] == "await_answer"

        clock.advance(days=1)  # 2026-03-01: a month and a day
        ctx = store.tracked_context()
        assert [(r["channel"], r["overdue"]) for r in ctx] == [
            ("site-owner", True),
            ("platform", False),
            ("ombudsman", False),
            ("google-delisting", False),
        ]
        assert ctx[0]["next_step_code"] == "notify_ombudsman"
        assert "Data Protection Ombudsman" in ctx[0]["next_step"]
        assert ctx[0]["note"] == "sent by e-mail"
        assert ctx[1]["deadline"] == "2026-03-10"
        assert ctx[3]["deadline"] is None and ctx[3]["next_step_code"] == "await_search_engine"

        later = store.tracked_context(date(2026, 6, 1))  # an explicit clock for the report
        assert [r["overdue"] for r in later] == [True, True, False, False]
        assert set(later[0]) >= {
            "url",
            "channel",
            "sent",
            "deadline",
            "overdue",
            "status",
            "next_step",
        }


def test_tracking_again_updates_and_done_closes(_isolated_home: Path) -> None:
    clock = Clock()
    with Store.open(clock=clock) as store:
        first, new = store.track("https://a.example/", Channel.SITE_OWNER, date(2026, 1, 2))
        assert new
        again, new = store.track("https://A.example/", Channel.SITE_OWNER, note="second letter")
        assert not new and again.id == first.id and again.sent == date(2026, 3, 2)
        store.track("https://a.example/", Channel.BING)
        assert store.close_requests("https://a.example/", Channel.BING) == 1
        assert [r.channel for r in store.requests()] == [Channel.SITE_OWNER]
        assert store.close_requests("https://a.example/") == 1
        assert store.requests() == []
        assert len(store.requests(include_closed=True)) == 2
        with pytest.raises(InputError, match="no open request"):
            store.close_requests("https://a.example/")


def test_removal_evidence_by_channel() -> None:
    live, gone = PageCheck(PageStatus.LIVE), PageCheck(PageStatus.GONE)
    no_copy = PageCheck(PageStatus.GONE, archive=ArchiveCopy(available=False))
    assert (
        removal_evidence(Channel.SITE_OWNER, False, None, True) == "no longer in the search results"
    )
    assert removal_evidence(Channel.SITE_OWNER, False, None, False) is None  # incomplete audit
    assert removal_evidence(Channel.SITE_OWNER, True, gone, False) == "the page is gone"
    assert removal_evidence(Channel.SITE_OWNER, True, live, True) is None
    assert removal_evidence(Channel.GOOGLE_OUTDATED, True, gone, True) is None  # still listed
    assert removal_evidence(Channel.BING, False, None, True) == "no longer in the search results"
    assert removal_evidence(Channel.ARCHIVE, True, no_copy, True) == (
        "the Internet Archive has no copy any more"
    )
    assert removal_evidence(Channel.ARCHIVE, False, None, True) is None


def test_a_later_audit_marks_tracked_results_removed(_isolated_home: Path) -> None:
    clock = Clock()
    urls = {c: f"https://{c}.example/laura" for c in ("owner", "bing", "platform", "kept", "late")}
    with Store.open(clock=clock) as store:
        save_audit(store, "Laura", [finding(u, "private", "live") for u in urls.values()])
        save_audit(store, "Someone Else", [finding("https://x.example/", "work")])
        store.track(urls["owner"], Channel.SITE_OWNER)
        store.track(urls["bing"], Channel.BING)
        store.track(urls["platform"], Channel.PLATFORM)
        store.track(urls["kept"], Channel.SITE_OWNER)
        clock.advance(days=20)

        # an audit of another name, and an unfinished one, prove nothing about absence
        save_audit(store, "Someone Else", [finding("https://x.example/", "work")])
        save_audit(store, "Laura", [], complete=False)
        assert {r.status.value for r in store.requests()} == {"open"}

        clock.advance(days=1)
        store.track(urls["late"], Channel.SITE_OWNER)  # sent on the day of the next audit
        latest = [
            finding(urls["platform"], "private", "gone"),
            finding(urls["kept"], "private", "live"),
        ]
        save_audit(store, "Laura", latest)
        by_url = {r.url: r for r in store.requests()}
    assert by_url[urls["owner"]].status.value == "removed"
    assert by_url[urls["owner"]].removed_reason == "no longer in the search results"
    assert by_url[urls["bing"]].status.value == "removed"
    assert by_url[urls["platform"]].removed_reason == "the page is gone"
    assert by_url[urls["kept"]].status.value == "open"
    assert by_url[urls["late"]].status.value == "removed"  # sent the same day as the audit
    assert by_url[urls["owner"]].next_step(date(2026, 4, 1))[0] == "confirm_removed"


def test_a_request_sent_after_an_audit_is_not_judged_by_it(_isolated_home: Path) -> None:
    clock = Clock()
    with Store.open(clock=clock) as store:
        save_audit(store, "Laura", [finding("https://a.example/", "private", "live")])
        audit_id = save_audit(store, "Laura", [], complete=False)
        clock.advance(days=3)
        store.track("https://a.example/", Channel.SITE_OWNER)
        store.finish_audit(audit_id, True)  # finishing the old audit later changes nothing
        assert [r.status.value for r in store.requests()] == ["open"]


def test_track_command_records_lists_and_closes(_isolated_home: Path) -> None:
    today = date.today()
    old = date(today.year - 1, today.month, min(today.day, 28)).isoformat()
    done = cli("track", "https://blog.example/post", "--channel", "site-owner", "--date", old)
    assert done.exit_code == 0, done.output
    assert "the answer is due by" in done.stderr
    assert cli("track", "https://blog.example/post", "-c", "bing").exit_code == 0

    listed = json.loads(cli("track", "--list", "--format", "json").stdout)
    assert [(r["channel"], r["overdue"]) for r in listed] == [("site-owner", True), ("bing", False)]
    table = cli("track", "--list")
    assert table.stdout.index("OVERDUE") < table.stdout.index("bing")
    assert "notify the Data Protection Ombudsman" in " ".join(table.stdout.split())
    assert "1 overdue" in table.stderr

    closed = cli("track", "--done", "https://blog.example/post", "--channel", "bing")
    assert closed.exit_code == 0 and "Closed 1 request" in closed.stderr
    assert len(json.loads(cli("track", "--list", "-f", "json").stdout)) == 1
    assert len(json.loads(cli("track", "--list", "--all", "-f", "json").stdout)) == 2


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["https://a.example/", "-c", "bing", "--date", "31.1.2026"],
            "--date '31.1.2026' is not a date",
        ),
        (["https://a.example/", "-c", "bing", "--date", "2999-01-01"], "in the future"),
        (["not-an-address", "-c", "bing"], "is not a web address"),
        (["--done", "https://none.example/"], "no open request for"),
    ],
)
def test_bad_track_input_is_one_line_and_changes_nothing(
    _isolated_home: Path, args: list[str], expected: str
) -> None:
    assert cli("track", "https://kept.example/", "-c", "platform").exit_code == 0
    done = cli("track", *args)
    assert done.exit_code == 3, done.output
    assert done.stderr.startswith("Error: ") and expected in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    with Store.open() as store:
        assert [(r.url, r.channel) for r in store.requests()] == [
            ("https://kept.example/", Channel.PLATFORM)
        ]


def test_absence_counts_only_after_a_complete_clean_search_of_the_web() -> None:
    assert absence_counts(True, [], ["bing"])
    assert absence_counts(True, [], ["file", "brave"])
    assert not absence_counts(False, [], ["bing"])  # stopped before the end
    assert not absence_counts(True, ["searxng: unavailable"], ["bing"])  # a source failed
    assert not absence_counts(True, [], ["file"])  # only a saved results file
    assert not absence_counts(True, [], [])  # no provider known


@pytest.mark.parametrize(
    ("providers", "failures"),
    [
        (("searxng", "file"), ("searxng: the server did not answer (HTTP 502)",)),
        (("file",), ()),
    ],
    ids=["partial-audit", "only-a-saved-file"],
)
def test_a_partial_or_file_only_audit_removes_nothing_by_absence(
    _isolated_home: Path, providers: tuple[str, ...], failures: tuple[str, ...]
) -> None:
    clock = Clock()
    with Store.open(clock=clock) as store:
        save_audit(store, "Laura", [finding("https://only-in-searxng.example/p", "private")])
        store.track("https://only-in-searxng.example/p", Channel.BING)
        store.track("https://owner.example/p", Channel.SITE_OWNER)
        clock.advance(days=3)
        gone = finding("https://owner.example/p", "private", "gone")
        save_audit(store, "Laura", [gone], providers=providers, failures=failures)
        by_url = {r.url: r for r in store.requests()}
    assert by_url["https://only-in-searxng.example/p"].status.value == "open"
    # a page found gone is still evidence, whatever the search
    assert by_url["https://owner.example/p"].removed_reason == "the page is gone"


def test_a_file_that_copies_provider_names_is_still_only_a_file(_isolated_home: Path) -> None:
    """Results read with --from keep the provider their file names; the sink knows better."""
    from footprint.models import SearchResult

    clock = Clock()
    with Store.open(clock=clock) as store:
        save_audit(store, "Laura", [finding("https://a.example/p", "private")])
        store.track("https://a.example/p", Channel.BING)
        clock.advance(days=3)
        copied = finding("https://b.example/q", "work")
        copied = replace(copied, result=SearchResult(url=copied.result.url, provider="bing"))
        save_audit(store, "Laura", [copied], providers=("file",))
        assert [r.status.value for r in store.requests()] == ["open"]
        # an audit saved without provider names goes by those its results carry
        save_audit(store, "Laura", [copied], providers=())
        assert [r.status.value for r in store.requests()] == ["removed"]


def test_partial_audits_show_as_partial_in_history(_isolated_home: Path) -> None:
    with Store.open() as store:
        save_audit(store, "Laura", [finding("https://a.example/", "work")])
        save_audit(
            store, "Laura", [finding("https://a.example/", "work")],
            providers=("searxng", "file"), failures=("searxng: unavailable",),
        )  # fmt: skip
        save_audit(store, "Laura", [], complete=False)
    data = json.loads(cli("history", "-f", "json").stdout)
    assert [(a["complete"], a["status"]) for a in data] == [
        (True, "complete"), (True, "partial"), (False, "incomplete"),
    ]  # fmt: skip
    assert data[1]["providers"] == ["searxng", "file"]
    table = cli("history")
    rows = [line for line in table.stdout.splitlines() if "Laura" in line]
    assert "partial" in rows[1] and "partial" not in rows[0]
    assert "a search source failed" in table.stderr
    compared = cli("diff", str(data[0]["id"]), str(data[1]["id"]), "-f", "json")
    assert f"audit {data[1]['id']} is partial" in compared.stderr


def test_track_matches_the_address_as_search_merges_it(_isolated_home: Path) -> None:
    clock = Clock()
    with Store.open(clock=clock) as store:
        page = "https://www.uusisuunta.fi/henkilosto/laura-hietanen"
        save_audit(store, "Laura", [finding(page, "work", "live")])
        request, _ = store.track("http://uusisuunta.fi/henkilosto/laura-hietanen/", Channel.BING)
        assert request.name == "Laura"  # the audit that found it, in another spelling
        clock.advance(days=3)
        save_audit(store, "Laura", [finding(page + "?utm_source=x", "work", "live")])
        assert [r.status.value for r in store.requests()] == ["open"]
        assert store.close_requests(page + "#top", Channel.BING) == 1


def test_the_audit_command_removes_nothing_after_a_partial_or_file_only_audit(
    _isolated_home: Path, tmp_path: Path, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reviewer's case: SearXNG down while the saved results file is read (exit 4)."""
    from footprint import demo

    profile = Path(demo.__file__).parent / "profile.toml"
    httpserver.expect_request("/search").respond_with_data("down", status=503)
    monkeypatch.setenv("SEARXNG_URL", httpserver.url_for("/").rstrip("/"))
    saved = tmp_path / "res.jsonl"
    saved.write_text(
        json.dumps({"url": "https://uusisuunta.fi/henkilosto", "title": "Laura Hietanen"}) + "\n",
        encoding="utf-8",
    )
    assert cli("track", "https://only-in-searxng.example/p", "-c", "bing").exit_code == 0
    common = ["--profile", str(profile), "--from", str(saved), "--offline"]
    partial = cli(
        "audit", "Laura Hietanen", "--provider", "searxng", *common,
        "--output", str(tmp_path / "a.pdf"),
    )  # fmt: skip
    assert partial.exit_code == 4, partial.output
    file_only = cli("audit", "Laura Hietanen", *common, "--output", str(tmp_path / "b.pdf"))
    assert file_only.exit_code == 0, file_only.output
    listed = json.loads(cli("track", "--list", "-f", "json").stdout)
    assert [(r["url"], r["status"]) for r in listed] == [
        ("https://only-in-searxng.example/p", "open")
    ]
    history = json.loads(cli("history", "-f", "json").stdout)
    assert [a["status"] for a in history] == ["partial", "complete"]


def test_track_records_which_letter_went_where_and_a_refusal_leads_to_the_ombudsman(
    _isolated_home: Path,
) -> None:
    sent = cli("track", "https://blog.example/post", "-c", "site-owner", "--letter", "objection")
    assert sent.exit_code == 0 and "(objection letter)" in sent.stderr
    assert cli("track", "https://blog.example/post", "-c", "google-delisting").exit_code == 0
    listed = json.loads(cli("track", "--list", "-f", "json").stdout)
    assert {(r["channel"], r["letter"]) for r in listed} == {
        ("site-owner", "objection"),
        ("google-delisting", ""),
    }
    engine = next(r for r in listed if r["channel"] == "google-delisting")
    assert engine["next_step_code"] == "await_search_engine"

    refused = cli("track", "--refused", "https://blog.example/post", "-c", "google-delisting")
    assert refused.exit_code == 0, refused.output
    assert "Marked 1 request" in refused.stderr and "delisting appeal" in refused.stderr
    listed = json.loads(cli("track", "--list", "-f", "json").stdout)
    engine = next(r for r in listed if r["channel"] == "google-delisting")
    assert (engine["status"], engine["next_step_code"]) == ("refused", "appeal_ombudsman")
    owner = next(r for r in listed if r["channel"] == "site-owner")
    assert owner["status"] == "open"
    table = " ".join(cli("track", "--list").stdout.split())
    assert "objection letter" in table and "delisting appeal to the Data Protection" in table

    bad = cli("track", "https://blog.example/x", "-c", "bing", "--letter", "poem")
    assert bad.exit_code == 2 and "unknown letter 'poem'" in bad.output
    again = cli("track", "--refused", "https://blog.example/post", "-c", "google-delisting")
    assert again.exit_code == 3 and "no open request" in again.output


def test_track_prints_the_follow_up_for_a_site_with_the_dates_filled_in(
    _isolated_home: Path,
) -> None:
    assert cli("track", "https://www.vanhablogi.fi/a", "-c", "site-owner", "--date", "2026-01-31",
               "--letter", "erasure").exit_code == 0  # fmt: skip
    assert cli("track", "https://vanhablogi.fi/b", "-c", "site-owner", "--date", "2026-02-03")\
        .exit_code == 0  # fmt: skip
    assert cli("track", "https://toinen.fi/c", "-c", "site-owner").exit_code == 0
    letter = cli("track", "--followup", "https://vanhablogi.fi/b", "--lang", "en")
    assert letter.exit_code == 0, letter.output
    text = letter.stdout
    assert "On 31 January 2026 I sent you a request" in " ".join(text.split())
    assert "that is by 28 February 2026" in " ".join(text.split())
    assert "https://www.vanhablogi.fi/a" in text and "https://vanhablogi.fi/b" in text
    assert "toinen.fi" not in text
    none = cli("track", "--followup", "https://eiole.fi/")
    assert none.exit_code == 3 and "no open request to the site" in none.output


def test_no_follow_up_before_the_answer_is_due(_isolated_home: Path) -> None:
    """A follow-up says the answer is late; before the month is over it would be untrue."""
    assert cli("track", "https://tuore.fi/a", "-c", "site-owner").exit_code == 0
    early = cli("track", "--followup", "https://tuore.fi/a", "--lang", "en")
    assert early.exit_code == 3, early.output
    assert early.stdout == ""
    assert "not overdue" in early.stderr and "https://tuore.fi/a" in early.stderr
    assert len(early.stderr.strip().splitlines()) == 1
