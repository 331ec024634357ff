"""Reading shares: each bad one rejected with its reason, the good ones kept, copies dropped."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from footprint.workshop.codes import ALPHABET, Code
from footprint.workshop.rules import load_rules
from footprint.workshop.share import AGE_KEYS, CATEGORY_KEYS, STATUS_KEYS, Share
from footprint.workshop.validate import ShareError, check_shares, parse_share, read_shares
from tests.workshop_support import example_share_dict

RULES = load_rules().ids


def _text(data: Any) -> str:
    return json.dumps(data)


def test_a_good_share_reads_back_as_written() -> None:
    data = example_share_dict()
    share = parse_share(_text(data), RULES)
    assert share.to_dict() == data


def _edited(**changes: Any) -> dict[str, Any]:
    data = example_share_dict()
    for dotted, value in changes.items():
        *parents, last = dotted.split("__")
        target = data
        for key in parents:
            target = target[key]
        if value is _DELETE:
            del target[last]
        else:
            target[last] = value
    return data


_DELETE = object()
URL = "https://laura-hietanen.invalid/blog"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (_edited(schema=3), "newer footprint (share schema 3"),
        (_edited(schema=1), "older footprint, without a participant code"),
        (_edited(schema=0), "schema 0 is not one footprint ever wrote"),
        (_edited(schema="1"), "'schema' must be a whole number, not text"),
        (_edited(schema=_DELETE), "no 'schema'"),
        (_edited(kind="something-else"), "'kind'"),
        (_edited(name="Laura Hietanen"), "unexpected key 'name'"),
        (_edited(**{"Laura Hietanen": 1}), "unexpected key a key with unexpected characters"),
        (_edited(categories__url=1), "unexpected key 'url' in 'categories'"),
        (_edited(age=_DELETE), "'age' is missing"),
        (_edited(age__unknown=_DELETE), "'age.unknown' is missing"),
        (_edited(results="3"), "'results' must be a whole number, not text"),
        (_edited(results=3.0), "not a number with a fraction"),
        (_edited(results=True), "not true/false"),
        (_edited(results=-1), "between 0"),
        (_edited(categories__work=URL), "'categories.work' must be a whole number, not text"),
        (_edited(categories__work=5), "add up to"),
        (_edited(archived=99), "more than 'results'"),
        (_edited(code="laura"), "'code' is not a participant code"),
        (_edited(code=URL), "'code' is not a participant code"),
        (_edited(code="K7Q2-ABCDE-FGHJ0"), "'code' is not a participant code"),
        (_edited(code=7), "'code' must be the participant code"),
        (_edited(needs_action=[URL]), "'needs_action[0]' is not a rule id"),
        (_edited(needs_action=["Laura Hietanen"]), "'needs_action[0]' is not a rule id"),
        (_edited(needs_action=["laura-hietanen"]), "not in the workshop's rules"),
        (_edited(needs_action=["client-photos", "client-photos"]), "names a rule twice"),
        (_edited(needs_action="client-photos"), "must be a list"),
        (_edited(needs_action=[7]), "must be a rule id, not int"),
        (_edited(page_status=[1, 2]), "'page_status' must be an object"),
        ([example_share_dict()], "a JSON object, not a list"),
    ],
)
def test_bad_shares_are_rejected_with_the_reason(data: Any, reason: str) -> None:
    with pytest.raises(ShareError) as excinfo:
        parse_share(_text(data), RULES)
    assert reason in str(excinfo.value)
    assert URL not in str(excinfo.value) and "Laura" not in str(excinfo.value)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (_text(example_share_dict())[:57], "truncated"),
        ("", "truncated"),
        ('{"schema": 1,, }', "line 1: not valid JSON at column"),
        ('{"schema": 1, "schema": 1}', "appears twice"),
        ('{"schema": NaN}', "NaN is not a number JSON allows"),
        ("[" * 5000 + "]" * 5000, "nested more than 64 deep"),
        (" " * 20_000, "larger than 16 KB"),
    ],
)
def test_damaged_json_is_rejected(text: str, reason: str) -> None:
    with pytest.raises(ShareError, match=reason):
        parse_share(text, RULES)


def test_without_known_rules_any_rule_id_passes() -> None:
    data = _edited(needs_action=["our-own-rule"])
    assert parse_share(_text(data)).needs_action == ("our-own-rule",)


def test_bad_shares_do_not_stop_the_others(tmp_path: Path) -> None:
    good = [example_share_dict() for _ in range(3)]
    paths = []
    for i, data in enumerate(good):
        paths.append(tmp_path / f"good{i}.json")
        paths[-1].write_text(_text(data), encoding="utf-8")
    (tmp_path / "truncated.json").write_text(_text(good[0])[:40], encoding="utf-8")
    (tmp_path / "future.json").write_text(_text(_edited(schema=3)), encoding="utf-8")
    (tmp_path / "url.json").write_text(_text(_edited(needs_action=[URL])), encoding="utf-8")
    (tmp_path / "binary.json").write_bytes(b"\xff\xfe\x00garbage")
    (tmp_path / "copy.json").write_text(_text(good[1]), encoding="utf-8")
    (tmp_path / "folder.json").mkdir()
    order = [paths[0], tmp_path / "truncated.json", paths[1], tmp_path / "future.json",
             tmp_path / "missing.json", tmp_path / "url.json", tmp_path / "binary.json",
             tmp_path / "copy.json", tmp_path / "folder.json", paths[2]]  # fmt: skip
    read = read_shares(order, RULES)
    assert [s.code for s in read.shares] == [d["code"] for d in good]
    assert read.sources == tuple(str(p) for p in paths)
    reasons = {Path(r.source).name: r.reason for r in read.rejected}
    assert list(reasons) == ["truncated.json", "future.json", "missing.json", "url.json",
                             "binary.json", "folder.json"]  # fmt: skip  # input order
    assert "truncated" in reasons["truncated.json"]
    assert "newer" in reasons["future.json"]
    assert reasons["missing.json"] == "no such file"
    assert "not a rule id" in reasons["url.json"]
    assert "UTF-8" in reasons["binary.json"]
    assert [(Path(d.source).name, Path(d.first).name) for d in read.duplicates] == [
        ("copy.json", "good1.json")
    ]


_counts = st.integers(0, 40)


def _symbols(n: int) -> st.SearchStrategy[str]:
    return st.text(ALPHABET, min_size=n, max_size=n)


@st.composite
def shares(draw: st.DrawFn) -> Share:
    categories = {k: draw(_counts) for k in CATEGORY_KEYS}
    total = sum(categories.values())

    def split(keys: tuple[str, ...]) -> dict[str, int]:
        cuts = sorted(draw(st.lists(st.integers(0, total), min_size=len(keys) - 1,
                                    max_size=len(keys) - 1)))  # fmt: skip
        bounds = [0, *cuts, total]
        return {k: bounds[i + 1] - bounds[i] for i, k in enumerate(keys)}

    return Share(
        code=str(Code(draw(_symbols(4)), draw(_symbols(9)))),
        results=total,
        categories=categories,
        page_status=split(STATUS_KEYS),
        age=split(AGE_KEYS),
        archived=draw(st.integers(0, total)),
        needs_action=tuple(draw(st.lists(st.sampled_from(RULES), unique=True))),
    )


@settings(max_examples=150, deadline=None)
@given(share=shares())
def test_every_share_footprint_writes_is_accepted(share: Share) -> None:
    assert parse_share(share.to_json(), RULES) == share


@settings(max_examples=150, deadline=None)
@given(share=shares(), junk=st.text(min_size=1, max_size=30))
def test_text_in_any_field_is_rejected(share: Share, junk: str) -> None:
    data = share.to_dict()
    section = ("categories", "page_status", "age")[len(junk) % 3]
    key = next(iter(data[section]))
    data[section][key] = junk
    read = check_shares([("a.json", _text(data))], RULES)
    assert not read.shares and len(read.rejected) == 1
    assert "must be a whole number, not text" in read.rejected[0].reason


def test_a_huge_number_is_rejected_by_file_and_the_rest_go_on(tmp_path: Path) -> None:
    """A 5,000-digit figure once gave a traceback and ended the whole summary."""
    good = tmp_path / "good.json"
    good.write_text(_text(example_share_dict()), encoding="utf-8")
    huge = tmp_path / "huge.json"
    text = _text(example_share_dict())
    huge.write_text(text.replace('"archived": 1', '"archived": ' + "9" * 5000), encoding="utf-8")
    deep = tmp_path / "deep.json"
    deep.write_text('{"schema": ' + "[" * 8000 + "]" * 8000 + "}", encoding="utf-8")
    read = read_shares([huge, deep, good], RULES)
    assert len(read.shares) == 1 and read.sources == (str(good),)
    reasons = {Path(r.source).name: r.reason for r in read.rejected}
    assert "a number with more than 30 digits" in reasons["huge.json"]
    assert "nested more than 64 deep" in reasons["deep.json"]
    assert "9999" not in reasons["huge.json"]


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner,
                                                                 max_size=4),
    max_leaves=20,
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(
    key=st.sampled_from([*example_share_dict(), "categories.work", "age.unknown", "extra"]),
    value=_json_values,
)
def test_any_wrong_value_in_any_place_is_a_share_error(key: str, value: Any) -> None:
    """Whatever is put where, reading a share raises ShareError or returns a share."""
    data = example_share_dict()
    if "." in key:
        section, name = key.split(".")
        data[section][name] = value
    else:
        data[key] = value
    with contextlib.suppress(ShareError):  # anything else fails the test
        parse_share(json.dumps(data), RULES)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=300) | _json_values.map(json.dumps))
def test_any_text_is_a_share_or_a_share_error(text: str) -> None:
    with contextlib.suppress(ShareError):  # anything else fails the test
        parse_share(text, RULES)


def test_one_share_per_code_copies_dropped_others_rejected(tmp_path: Path) -> None:
    first = example_share_dict()
    copy = dict(first)
    other = {**first, "needs_action": []}  # the same code, another share
    read = check_shares([("a.json", _text(first)), ("b.json", _text(copy)),
                         ("c.json", _text(other))], RULES)  # fmt: skip
    assert read.sources == ("a.json",)
    assert [(d.source, d.first) for d in read.duplicates] == [("b.json", "a.json")]
    assert [r.source for r in read.rejected] == ["c.json"]
    assert "same participant code as a.json" in read.rejected[0].reason
    assert read.order == ("a.json", "b.json", "c.json")
