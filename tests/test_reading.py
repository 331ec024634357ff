"""The reading layer: every file a person gives footprint is bounded and checked.

Hostile files — a 5,000-digit number, JSON or TOML nested 100,000 deep, a key given
twice, `url` as a list, a wrong type anywhere — give exit 3 and one line that names the
file (and the line where it is known), through every command that reads a file, and
never a traceback. Property tests feed arbitrary values into every field.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from footprint.cli import app
from footprint.errors import InputError
from footprint.profile import parse_profile, profile_from_mapping
from footprint.reading import ReadError, parse_json, parse_toml, read_text
from footprint.records import read_findings, read_results
from footprint.report.saved import load_saved
from footprint.workshop.audit_source import parse_audit
from footprint.workshop.rules import parse_rules, rules_from_mapping
from footprint.workshop.validate import ShareError, parse_share
from search_providers.recordfile import MAX_DEPTH, RecordFileError, loads_strict

DEEP = 100_000
HUGE = "1" * 5000
FINDING = {"url": "https://a.fi/x", "title": "T", "category": "work", "confidence": 0.5}

# (file name, text) that every JSON reader must refuse
BAD_JSON = {
    "huge-int.json": '[{"url": "https://a.fi/", "rank": ' + HUGE + "}]",
    "huge-int.jsonl": '{"url": "https://a.fi/"}\n{"url": "https://b.fi/", "rank": ' + HUGE + "}\n",
    "deep.json": "[" * DEEP + "]" * DEEP,
    "deep-object.json": '{"a":' * DEEP + "1" + "}" * DEEP,
    "deep.jsonl": '{"url": "https://a.fi/", "x": ' + "[" * DEEP + "]" * DEEP + "}\n",
    "url-list.jsonl": '{"url": ["https://a.fi/"], "category": "work"}\n',
    "duplicate.jsonl": '{"url": "https://a.fi/", "url": "https://b.fi/", "category": "work"}\n',
    "duplicate.csv": "url,title,url\nhttps://a.fi/,A,https://b.fi/\n",
    "wrong-type.json": json.dumps([{**FINDING, "evidence": [5]}]),
    "check-text.json": json.dumps([{**FINDING, "check": "live"}]),
    "nan.json": '[{"url": "https://a.fi/", "category": "work", "confidence": NaN}]',
    "huge-float.json": '[{"url": "https://a.fi/", "category": "work", "confidence": 1e999}]',
    "csv-huge-field.csv": 'url,title\nhttps://a.fi/,"' + "x" * 200_000 + '"\n',
}
# what the message must say (besides the file's name) for each
EXPECT = {
    "huge-int.json": "line 1: a number with more than 30 digits",
    "huge-int.jsonl": "line 2: a number with more than 30 digits",
    "deep.json": f"line 1: nested more than {MAX_DEPTH} deep",
    "deep-object.json": f"line 1: nested more than {MAX_DEPTH} deep",
    "deep.jsonl": f"line 1: nested more than {MAX_DEPTH} deep",
    "url-list.jsonl": "'url' must be text, not a list",
    "duplicate.jsonl": "'url' appears twice",
    "duplicate.csv": "line 1: the column 'url' appears twice",
    "wrong-type.json": "'evidence[]' must be an object, not a whole number",
    "check-text.json": "'check' must be an object, not text",
    "nan.json": "NaN is not a number JSON allows",
    "huge-float.json": "is too large",
    "csv-huge-field.csv": "not valid CSV",
}
BAD_TOML = {
    "deep.toml": 'name = "Laura Hietanen"\nx = ' + "[" * DEEP + "]" * DEEP + "\n",
    "deep-table.toml": 'name = "Laura Hietanen"\nx = ' + "{a = " * DEEP + "1" + "}" * DEEP + "\n",
    "huge-int.toml": 'name = "Laura Hietanen"\nbirth_year = ' + HUGE + "\n",
    "huge-hex.toml": 'name = "Laura Hietanen"\nbirth_year = 0x' + "f" * 5000 + "\n",
    "duplicate.toml": 'name = "Laura Hietanen"\nname = "Laura Hietanen"\n',
}
EXPECT_TOML = {
    "deep.toml": f"line 2: nested more than {MAX_DEPTH} deep",
    "deep-table.toml": f"line 2: nested more than {MAX_DEPTH} deep",
    "huge-int.toml": "line 2: a number with more than 30 digits",
    "huge-hex.toml": "line 2: a number with more than 30 digits",
    "duplicate.toml": "Cannot overwrite a value",
}


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _assert_one_line_error(out: Any, path: Path, expect: str) -> None:
    assert out.exit_code == 3, out.output
    assert "Traceback" not in out.output
    message = out.output.strip()
    assert message.count("\n") == 0, message
    assert message.startswith(f"Error: {path}: ")
    assert expect in message


@pytest.mark.parametrize("name", sorted(BAD_JSON))
@pytest.mark.parametrize(
    "command",
    [
        ["check", "--archive", "none"],
        ["report", "--name", "Laura Hietanen", "--lang", "en"],
        ["workshop", "share", "--yes", "--needs-action", "client-photos"],
        ["search", "Laura Hietanen", "--from"],
    ],
    ids=["check", "report", "workshop-share", "search-from"],
)
def test_every_results_reader_refuses_hostile_files_with_exit_3(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, command: list[str]
) -> None:
    monkeypatch.setenv("FOOTPRINT_HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    if command[0] in {"search", "check"} and name in {"wrong-type.json", "check-text.json"}:
        pytest.skip("these read search results only: a finding's other fields are not read")
    path = _write(tmp_path, name, BAD_JSON[name])
    args = [*command, str(path)]
    if command[0] == "workshop":
        args += ["-o", str(tmp_path / "share.json")]
    if command[0] == "report":
        args += ["-o", str(tmp_path / "r.pdf")]
    if command[0] == "search":
        args += ["-o", str(tmp_path / "out.jsonl")]
    out = CliRunner().invoke(app, args)
    expect = EXPECT[name]
    if command[0] == "workshop" and name.endswith(".csv"):
        expect = "not JSON"  # a share is made from an audit's JSON only
    if command[0] == "search" and name == "url-list.jsonl":
        expect = "has no http(s) 'url'"  # the search provider's own message
    _assert_one_line_error(out, path, expect)
    assert not (tmp_path / "r.pdf").exists() and not (tmp_path / "share.json").exists()


@pytest.mark.parametrize("name", sorted(BAD_TOML))
def test_a_hostile_profile_gives_exit_3(tmp_path: Path, name: str) -> None:
    path = _write(tmp_path, name, BAD_TOML[name])
    out = CliRunner().invoke(app, ["profile", "check", str(path)])
    _assert_one_line_error(out, path, EXPECT_TOML[name])


@pytest.mark.parametrize("name", sorted(BAD_TOML))
def test_a_hostile_rules_file_gives_exit_3(tmp_path: Path, name: str) -> None:
    text = BAD_TOML[name].replace('name = "Laura Hietanen"', 'title = "Our rules"')
    path = _write(tmp_path, name, text)
    out = CliRunner().invoke(app, ["workshop", "rules", "check", str(path)])
    expect = EXPECT_TOML[name].replace("birth_year", "title")
    _assert_one_line_error(out, path, expect)


@pytest.mark.parametrize(
    ("edit", "expect"),
    [
        (lambda d: d.update(findings=[{**FINDING, "url": ["https://a.fi/"]}]), "'url' must be"),
        (lambda d: d.update(complete="no"), "'complete' must be true or false"),
        (lambda d: d.update(failures="searxng"), "'failures' must be a list of texts"),
        (lambda d: d.update(generated=2026), "'generated' must be"),
        (lambda d: d.update(profile={"name": "A B", "aliases": 5}), "'aliases' must be"),
    ],
)
def test_a_saved_audit_with_a_wrong_type_gives_exit_3(
    tmp_path: Path, edit: Any, expect: str
) -> None:
    document = {"schema": 1, "name": "Laura Hietanen", "findings": [FINDING], "failures": []}
    edit(document)
    path = _write(tmp_path, "audit.json", json.dumps(document))
    out = CliRunner().invoke(app, ["report", str(path), "-o", str(tmp_path / "r.pdf")])
    _assert_one_line_error(out, path, expect)


def test_a_share_with_a_5000_digit_number_is_rejected_not_a_traceback() -> None:
    text = '{"schema": 1, "kind": "footprint-workshop-share", "results": ' + HUGE + "}"
    with pytest.raises(ShareError, match="a number with more than 30 digits"):
        parse_share(text)


def test_a_file_over_the_size_limit_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    path = _write(tmp_path, "big.jsonl", '{"url": "https://a.fi/"}\n' * 10)
    with pytest.raises(ReadError, match=r"big\.jsonl: larger than 1 MB"):
        read_text(path, max_bytes=100)
    assert read_text(path, max_bytes=1000).count("\n") == 10


def test_legitimate_long_values_still_pass(tmp_path: Path) -> None:
    """Dates, long texts with brackets and digits inside strings are not numbers or nesting."""
    text = json.dumps(
        [
            {
                "url": "https://a.fi/?id=" + "9" * 80,
                "title": "[" * 500,
                "snippet": "1" * 5000,
                "published": "2004-05-01",
                "rank": 12345678901234567890,
            }
        ]
    )
    [result] = read_results(_write(tmp_path, "ok.json", text))
    assert result.rank == 12345678901234567890 and result.title == "[" * 500
    profile = parse_profile(
        'name = "Laura Hietanen"\n# [[[[ 9999999999999999999999999999999999\n'
        'aliases = ["[[[[", """multi "line" ]]]] 12345678901234567890123456789012345"""]\n',
        "p.toml",
    )
    assert profile.profile.aliases[0] == "[[[["
    assert parse_toml("seen = 1979-05-27T07:32:00.999999-07:00\n", "t.toml")["seen"].year == 1979


@pytest.mark.parametrize("depth", [1, MAX_DEPTH - 1, MAX_DEPTH, MAX_DEPTH + 1, 5000])
def test_the_depth_limit_is_exact_for_json_and_toml(depth: int) -> None:
    text = "[" * depth + "]" * depth
    toml = "x = " + text
    if depth <= MAX_DEPTH:
        assert loads_strict(text) is not None
        assert "x" in parse_toml(toml, "t.toml")
    else:
        with pytest.raises(RecordFileError, match="nested more than"):
            loads_strict(text)
        with pytest.raises(ReadError, match="nested more than"):
            parse_toml(toml, "t.toml")


# --- properties: any value in any field is read or refused with the file named --------------

JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**40), max_value=10**40)
    | st.floats(allow_nan=False)
    | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
FINDING_KEYS = st.sampled_from(
    [
        "url",
        "title",
        "snippet",
        "published",
        "rank",
        "provider",
        "query",
        "found_by",
        "category",
        "confidence",
        "reasons",
        "evidence",
        "year",
        "topic",
        "page_status",
        "corrected",
        "check",
    ]
)
CHECK_KEYS = st.sampled_from(
    ["status", "reason", "final_url", "http_status", "title", "excerpt", "archive", "checked_at"]
)
PROPERTY = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip


def _only_input_errors(call: Any, source: str) -> None:
    try:
        call()
    except InputError as exc:
        assert source in str(exc) and "\n" not in str(exc)


@PROPERTY
@given(key=FINDING_KEYS, value=JSON_VALUES, check_key=CHECK_KEYS, check_value=JSON_VALUES)
def test_any_value_in_any_finding_field_is_read_or_refused(
    tmp_path: Path, key: str, value: Any, check_key: str, check_value: Any
) -> None:
    finding = {**FINDING, "check": {"status": "live", check_key: check_value}, key: value}
    path = tmp_path / "f.json"
    try:
        text = json.dumps([finding])
    except ValueError:
        return
    path.write_text(text, encoding="utf-8")
    _only_input_errors(lambda: read_findings(path), str(path))
    _only_input_errors(lambda: read_results(path), str(path))
    _only_input_errors(lambda: parse_audit(text, "f.json"), "f.json")
    document = json.dumps({"schema": 1, "name": "A B", "findings": [finding]})
    path.write_text(document, encoding="utf-8")
    _only_input_errors(lambda: load_saved(path), str(path))


@PROPERTY
@given(key=st.sampled_from(["schema", "name", "profile", "lang", "complete", "failures",
                            "generated", "findings"]), value=JSON_VALUES)  # fmt: skip
def test_any_value_in_a_saved_audit_is_read_or_refused(
    tmp_path: Path, key: str, value: Any
) -> None:
    document = {"schema": 1, "name": "A B", "findings": [FINDING], key: value}
    path = tmp_path / "audit.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    _only_input_errors(lambda: load_saved(path), str(path))


TOML_VALUES = st.recursive(
    st.booleans() | st.integers(min_value=-(10**15), max_value=10**15) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


@PROPERTY
@given(
    key=st.sampled_from(
        [
            "name",
            "aliases",
            "birth_year",
            "locations",
            "languages",
            "work",
            "private",
            "activism",
            "publications",
            "wrok",
        ]
    ),
    value=TOML_VALUES,
    section_key=st.sampled_from(["employers", "titles", "years", "organizations", "names"]),
    section_value=TOML_VALUES,
)
def test_any_value_in_a_profile_is_read_or_refused(
    key: str, value: Any, section_key: str, section_value: Any
) -> None:
    data = {"name": "A B", "activism": {section_key: section_value}, key: value}
    _only_input_errors(lambda: profile_from_mapping(data, "p.toml"), "p.toml")


@PROPERTY
@given(
    key=st.sampled_from(["id", "text", "relates_to", "other"]),
    value=TOML_VALUES,
    top=st.sampled_from(["title", "rules"]),
    top_value=TOML_VALUES,
)
def test_any_value_in_a_rules_file_is_read_or_refused(
    key: str, value: Any, top: str, top_value: Any
) -> None:
    data: dict[str, Any] = {"rules": [{"id": "a", "text": "x", key: value}]}
    _only_input_errors(lambda: rules_from_mapping(data, "r.toml"), "r.toml")
    _only_input_errors(lambda: rules_from_mapping({**data, top: top_value}, "r.toml"), "r.toml")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="[]{}\"\\\n 0123456789,:ae-.#='", max_size=200))
def test_arbitrary_text_never_escapes_the_readers(text: str) -> None:
    """Random fragments of JSON and TOML syntax: an answer or a ReadError, nothing else."""
    for parse in (parse_json, parse_toml):
        try:
            parse(text, "x")
        except ReadError as exc:
            assert str(exc).startswith("x: ")
    _only_input_errors(lambda: parse_rules(text, "x"), "x")
    _only_input_errors(lambda: parse_profile(text, "x"), "x")
    with contextlib.suppress(ShareError):
        parse_share(text)


@pytest.mark.parametrize(
    ("manifest", "expect"),
    [
        ('{"items": ' + "[" * DEEP + "]" * DEEP + "}", "nested more than"),
        ('{"items": [{"files": {"a": 1}}], "n": ' + HUGE + "}", "more than 30 digits"),
        ('{"items": 5}', "not the manifest footprint writes"),
        ('{"items": ["x"]}', "not the manifest footprint writes"),
    ],
)
def test_a_hostile_evidence_manifest_gives_exit_3(
    tmp_path: Path, manifest: str, expect: str
) -> None:
    from footprint.evidence import sha256

    folder = tmp_path / "paketti"
    folder.mkdir()
    (folder / "manifest.json").write_text(manifest, encoding="utf-8")
    (folder / "SHA256SUMS").write_text(f"{sha256(manifest)}  manifest.json\n", encoding="utf-8")
    out = CliRunner().invoke(app, ["evidence", "verify", str(folder)])
    assert out.exit_code == 3 and "Traceback" not in out.output
    assert out.output.strip().count("\n") == 0 and expect in out.output
