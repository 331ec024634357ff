"""Corrections: the person's category overrides the classifier, now and in later audits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from footprint.errors import InputError, UsageError
from footprint.models import Category, Classification, Finding, PageStatus, Reason, SearchResult
from footprint.records import read_findings
from footprint.store import Label, Store, apply_labels
from footprint.store.labels import CORRECTION_CODE, parse_category
from tests.store_support import Clock, cli, finding, save_audit


def test_parse_category_names_the_choices() -> None:
    assert parse_category(" Work ") is Category.WORK
    with pytest.raises(UsageError) as info:
        parse_category("hobby")
    assert str(info.value) == (
        "unknown category 'hobby': use one of namesake, defunct, activism, work, private"
    )


def test_apply_labels_replaces_the_category_and_says_whose_it_is() -> None:
    classified = Finding(
        SearchResult(url="https://Foorumi.example/laura/", title="Laura"),
        Classification(
            Category.NAMESAKE,
            0.9,
            (Reason("born_elsewhere", "born in Oulu"),),
            year=2004,
            topic=Category.PRIVATE,
            page_status=PageStatus.LIVE,
        ),
    )
    other = finding("https://other.example/", "work")
    label = Label("https://foorumi.example/laura", Category.ACTIVISM, "my old forum")
    corrected, untouched = apply_labels([classified, other], [label])
    c = corrected.classification
    assert (c.category, c.corrected, c.confidence, c.year) == (Category.ACTIVISM, True, 1.0, 2004)
    assert c.topic is None and c.page_status is PageStatus.LIVE
    [reason] = c.reasons
    assert reason.code == CORRECTION_CODE
    assert reason.text == "your correction: my old forum"
    assert reason.params == {"note": "my old forum", "classifier_category": "namesake"}
    assert corrected.result == classified.result
    assert untouched == other
    assert apply_labels([classified], {}) == [classified]


def test_a_correction_holds_in_this_and_every_later_audit(_isolated_home: Path) -> None:
    clock = Clock()
    url = "https://lehti.example/juttu"
    with Store.open(clock=clock) as store:
        first = save_audit(
            store, "Laura", [finding(url, "namesake"), finding("https://x.example/", "work")]
        )
        store.set_label(url, Category.WORK, "I wrote this")
        clock.advance(days=30)
        second = save_audit(store, "Laura", [finding(url + "/", "private")])
        for audit_id in (first, second):
            [labelled] = [f for f in store.load_findings(audit_id) if "juttu" in f.result.url]
            assert labelled.classification.category is Category.WORK
            assert labelled.classification.corrected
        assert [a.counts for a in store.audits()] == [{"work": 2}, {"work": 1}]
        assert not store.diff(first, second).changed  # both audits agree: the person said so
        store.remove_label(url)
        assert store.load_findings(second)[0].classification.category is Category.PRIVATE
        with pytest.raises(InputError, match="no correction for"):
            store.remove_label(url)


def test_label_command_adds_lists_and_removes(_isolated_home: Path) -> None:
    with Store.open() as store:
        audit_id = save_audit(store, "Laura", [finding("https://a.example/page", "namesake")])
    added = cli("label", "https://a.example/page", "private", "--note", "my running club")
    assert added.exit_code == 0, added.output
    assert "your correction" in added.stderr

    listed = cli("label", "--list", "--format", "json")
    assert [(e["url"], e["category"], e["note"]) for e in json.loads(listed.stdout)] == [
        ("https://a.example/page", "private", "my running club")
    ]
    table = cli("label", "--list")
    assert "https://a.example/page" in table.stdout and "my running club" in table.stdout

    exported = cli("export", str(audit_id), "--format", "json")
    [record] = json.loads(exported.stdout)
    assert record["category"] == "private" and record["corrected"] is True
    assert record["reasons"] == ["your correction: my running club"]

    removed = cli("label", "--remove", "https://a.example/page")
    assert removed.exit_code == 0
    assert json.loads(cli("label", "--list", "--format", "json").stdout) == []


def test_bad_label_input_is_one_line_and_changes_nothing(_isolated_home: Path) -> None:
    with Store.open() as store:
        store.set_label("https://a.example/page", Category.WORK)
    for args, expected, status in [
        (["https://a.example/page", "hobby"], "unknown category 'hobby'", 2),
        (["a.example/page", "private"], "is not a web address", 3),
        (["--remove", "https://nothing.example/"], "no correction for", 3),
    ]:
        done = cli("label", *args)
        assert done.exit_code == status, done.output
        assert done.stderr.startswith("Error: ") and expected in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1
    with Store.open() as store:
        assert [(lb.url, lb.category) for lb in store.labels()] == [
            ("https://a.example/page", Category.WORK)
        ]


def test_label_for_an_address_no_audit_has_seen_warns(_isolated_home: Path) -> None:
    done = cli("label", "https://later.example/", "work")
    assert done.exit_code == 0
    assert "Warning: no saved audit has this address yet" in done.stderr


def test_exported_findings_read_back_with_corrections(_isolated_home: Path, tmp_path: Path) -> None:
    with Store.open() as store:
        audit_id = save_audit(
            store,
            "Laura",
            [
                finding("https://a.example/", "work", "live"),
                finding("https://b.example/", "defunct", "gone"),
            ],
        )
        store.set_label("https://b.example/", Category.NAMESAKE)
    out = tmp_path / "laura.json"
    done = cli("export", str(audit_id), "--format", "json", "--output", str(out))
    assert done.exit_code == 0 and done.stdout == ""
    assert out.stat().st_mode & 0o777 == 0o600
    back = read_findings(out)
    assert [(f.classification.category, f.classification.corrected) for f in back] == [
        (Category.WORK, False),
        (Category.NAMESAKE, True),
    ]
    assert back[1].check is not None and back[1].check.status is PageStatus.GONE


def test_corrections_reach_the_report_with_history_and_requests(_isolated_home: Path) -> None:
    from datetime import date

    from footprint.profile import Profile
    from footprint.report.context import build_report_context
    from footprint.store import Channel

    clock = Clock()
    blog = "https://blogi.example/laura/2004"
    with Store.open(clock=clock) as store:
        save_audit(store, "Laura", [finding(blog, "namesake", "live", "Blogi")])
        store.set_label(blog, Category.PRIVATE, "my old blog")
        store.track(blog, Channel.SITE_OWNER)
        clock.advance(days=40)
        audit_id = save_audit(
            store,
            "Laura",
            [finding(blog, "namesake", "live", "Blogi"), finding("https://n.example/", "work")],
        )
        context = build_report_context(
            store.load_findings(audit_id),
            Profile(name="Laura"),
            lang="en",
            generated=date(2026, 4, 11),
            previous=store.previous_context(audit_id),
            tracked=store.tracked_context(clock.now),
        )
    cards = {card["url"]: card for section in context["sections"] for card in section["cards"]}
    assert cards[blog]["category"] == "private" and cards[blog]["corrected"]
    assert {s["key"] for s in context["sections"]} == {"private", "work"}
    assert [n["url"] for n in context["previous"]["new"]] == ["https://n.example/"]
    assert context["previous"]["changed"] == []  # the correction holds in both audits
    [request] = context["tracked"]
    assert request["url"] == blog and request["overdue"]


def test_a_correction_applies_to_the_address_as_search_merges_it(_isolated_home: Path) -> None:
    with Store.open() as store:
        audit_id = save_audit(
            store,
            "Laura",
            [finding("https://kehakukka.fi/2001/mielenosoitus?utm_source=x", "activism")],
        )
    done = cli("label", "https://kehakukka.fi/2001/mielenosoitus", "namesake")
    assert done.exit_code == 0, done.output
    assert "no saved audit has this address yet" not in done.stderr
    with Store.open() as store:
        [corrected] = store.load_findings(audit_id)
        assert corrected.classification.category is Category.NAMESAKE
        assert store.audits()[0].counts == {"namesake": 1}
    removed = cli("label", "--remove", "http://www.kehakukka.fi/2001/mielenosoitus/")
    assert removed.exit_code == 0, removed.output
