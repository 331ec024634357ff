"""The data model survives a round trip through JSON."""

import json

from footprint.models import (
    ArchiveCopy,
    Category,
    Classification,
    Finding,
    PageCheck,
    PageStatus,
    Reason,
    SearchResult,
)


def test_finding_round_trip_through_json() -> None:
    finding = Finding(
        result=SearchResult(
            url="https://kehakukka.invalid/2001/05/mielenosoitus",
            title="Mielenosoitus",
            snippet="Laura Hietanen kirjoittaa…",
            published="2001-05-12",
            rank=4,
            provider="brave",
            query='"Laura Hietanen"',
            found_by=(("brave", '"Laura Hietanen"'), ("searxng", '"Laura Hietanen" Tampere')),
        ),
        classification=Classification(
            category=Category.DEFUNCT,
            confidence=0.9,
            reasons=(
                Reason("page_gone", "the page is gone (HTTP 404)", {"status": 404}),
                Reason("activism_years", "year 2001 falls in your activism years 1996–2006"),
            ),
            year=2001,
            topic=Category.ACTIVISM,
            page_status=PageStatus.GONE,
        ),
        check=PageCheck(
            status=PageStatus.GONE,
            reason="HTTP 404",
            http_status=404,
            archive=ArchiveCopy(
                True, "https://web.archive.org/web/2003/x", "2001-06-01", "2004-01-01", 7
            ),
        ),
    )
    data = json.loads(json.dumps(finding.to_dict()))
    assert data["category"] == "defunct"
    assert data["reasons"][1] == "year 2001 falls in your activism years 1996–2006"
    assert data["topic"] == "activism"
    assert Finding.from_dict(data) == finding


def test_plain_reason_strings_are_accepted() -> None:
    c = Classification.from_dict({"category": "work", "confidence": 0.5, "reasons": ["LinkedIn"]})
    assert c.reasons == (Reason("text", "LinkedIn"),)
    assert c.topic is None and c.page_status is None
