"""Reading result records: JSONL, JSON arrays, CSV, and the errors for bad input."""

from pathlib import Path

import pytest

from footprint.errors import ExitStatus, InputError
from footprint.models import Category, Classification, Finding, Reason, SearchResult
from footprint.records import read_findings, read_results, to_csv, to_json, to_jsonl


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_jsonl_json_and_csv_give_the_same_results(tmp_path: Path) -> None:
    records = [
        {
            "url": "https://a.fi/x",
            "title": "Äänestys",
            "snippet": "…",
            "rank": 1,
            "published": "2003-05-01",
        },
        {"url": "https://b.fi/", "title": "B", "rank": "2"},
    ]
    jsonl = write(tmp_path, "r.jsonl", to_jsonl(records))
    array = write(tmp_path, "r.json", to_json(records))
    csv = write(
        tmp_path, "r.csv", to_csv(records, ("url", "title", "snippet", "rank", "published"))
    )
    parsed = [read_results(p) for p in (jsonl, array, csv)]
    assert parsed[0] == parsed[1] == parsed[2]
    assert parsed[0][0].title == "Äänestys"
    assert parsed[0][1].rank == 2
    assert parsed[0][0].published == "2003-05-01"


def test_malformed_jsonl_line_names_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, "r.jsonl", '{"url": "https://a.fi"}\n\n{"url": oops}\n')
    with pytest.raises(InputError, match=r"r\.jsonl: line 3: not valid JSON") as info:
        read_results(path)
    assert info.value.exit_status is ExitStatus.INPUT


def test_csv_without_url_column_lists_needed_columns(tmp_path: Path) -> None:
    path = write(tmp_path, "r.csv", "title,snippet\nA,B\n")
    with pytest.raises(
        InputError, match=r"needs a header row with a 'url' column.*found: title, snippet"
    ):
        read_results(path)


def test_record_without_url_names_the_record(tmp_path: Path) -> None:
    path = write(tmp_path, "r.jsonl", '{"url": "https://a.fi"}\n{"title": "no url"}\n')
    with pytest.raises(InputError, match="record 2: a result needs a 'url'"):
        read_results(path)


def test_empty_input_is_no_results(tmp_path: Path) -> None:
    assert read_results(write(tmp_path, "r.jsonl", "\n  \n")) == []
    assert read_results(write(tmp_path, "r.csv", "")) == []


def test_missing_and_non_utf8_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_results(tmp_path / "nope.jsonl")
    bad = tmp_path / "latin1.jsonl"
    bad.write_bytes('{"url": "https://a.fi", "title": "Hämeenlinna"}'.encode("latin-1"))
    with pytest.raises(InputError, match="not UTF-8"):
        read_results(bad)


def test_findings_round_trip_and_require_a_category(tmp_path: Path) -> None:
    finding = Finding(
        SearchResult(url="https://a.fi", title="T", found_by=(("brave", '"Laura"'),)),
        Classification(
            Category.WORK, 0.8, (Reason("employer", "employer 'X' named", {"employer": "X"}),), 2019
        ),
    )
    path = write(tmp_path, "f.json", to_json([finding.to_dict()]))
    assert read_findings(path) == [finding]
    with pytest.raises(InputError, match="has no 'category'"):
        read_findings(write(tmp_path, "r.jsonl", '{"url": "https://a.fi"}\n'))


@pytest.mark.parametrize(
    ("record", "message"),
    [
        (
            '{"url": "https://a.fi", "rank": "first"}',
            "record 1: 'rank' must be a whole number, not 'first'",
        ),
        (
            '{"url": "https://a.fi", "category": "bogus"}',
            "'category' must be one of namesake, defunct",
        ),
    ],
)
def test_bad_values_are_named_in_plain_words(tmp_path: Path, record: str, message: str) -> None:
    path = write(tmp_path, "r.jsonl", record + "\n")
    reader = read_findings if "category" in record else read_results
    with pytest.raises(InputError, match=message):
        reader(path)
