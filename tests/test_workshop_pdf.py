"""The kit and the group report as PDFs, read back with pypdf, in three languages."""

from __future__ import annotations

import io
import json
import re
import stat
import tempfile
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from footprint.errors import ExitStatus
from footprint.workshop.catalogue import catalogue
from footprint.workshop.codes import parse_code
from footprint.workshop.kit import build_kit_context, render_kit_html
from footprint.workshop.report import Intake, build_group_context
from footprint.workshop.rules import default_rules_text, load_rules, parse_rules
from footprint.workshop.share import Share
from footprint.workshop.summary import summarise
from footprint.workshop.validate import parse_share
from tests.workshop_support import (
    any_code,
    cli,
    facilitator,
    finding,
    leaks,
    pdf_text,
    random_audits,
    secrets_of,
    share_of,
    write_audit,
)

LANGS = ("fi", "sv", "en")


def _flat(text: str) -> str:
    """PDF text with line breaks and hyphenation joined, for phrase checks."""
    return re.sub(r"\s+", " ", text)


def _pdf(path: Path):  # type: ignore[no-untyped-def]
    from pypdf import PdfReader

    return PdfReader(io.BytesIO(path.read_bytes()))


@pytest.mark.parametrize("lang", LANGS)
def test_kit_in_each_language(tmp_path: Path, lang: str) -> None:
    out = tmp_path / f"kit-{lang}.pdf"
    result = cli("workshop", "kit", "--lang", lang, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    reader = _pdf(out)
    t = catalogue(lang)
    text = _flat(pdf_text(out.read_bytes()))
    assert reader.metadata.title == t["kit"]["doc_title"]
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged PDF
    assert 4 <= len(reader.pages) <= 7
    headings = [t["kit"][k] for k in ("title", "agenda_title", "privacy_title", "install_title",
                                      "questions_title", "share_title")]  # fmt: skip
    for heading in [*headings, load_rules().title_for(lang)]:
        assert heading in text
    for command in ("make demo", "footprint profile init me.toml", "duckduckgo",
                    "footprint workshop share"):  # fmt: skip
        assert command in text
    assert "759/2004" in text  # the Act on the Protection of Privacy in Working Life
    for rule_id in load_rules().ids:
        assert rule_id in text
    first_words = " ".join(load_rules().rules[0].text_for(lang).split()[:3])
    assert first_words in text
    assert "2:00" in text  # the agenda ends at two hours
    slips = tmp_path / f"kit-{lang}-codes.pdf"
    assert stat.S_IMODE(slips.stat().st_mode) == 0o600
    printed = re.findall(r"\b[0-9A-Z]{4}-[0-9A-Z]{5}-[0-9A-Z]{5}\b", pdf_text(slips.read_bytes()))
    assert len(set(printed)) == 20  # --participants 20 by default
    tags = {parse_code(code).tag for code in printed}
    assert len(tags) == 1 and tags.pop() in text  # the kit names its workshop
    assert t["kit"]["codes_title"] in text
    assert not set(printed) & set(re.findall(r"[0-9A-Z]{4}-[0-9A-Z]{5}-[0-9A-Z]{5}", text))


def test_kit_context_is_pure_and_complete() -> None:
    context = build_kit_context(load_rules(), "en")
    assert context["agenda"][0]["start"] == "0:00" and context["agenda"][-1]["end"] == "2:00"
    assert any("5 people" in line and "fewer than 3" in line for line in context["privacy"])
    example = parse_share(context["example_share"], load_rules().ids)  # a share that would pass
    assert example.needs_action == load_rules().ids[:2]


def test_custom_rules_appear_in_the_kit(tmp_path: Path) -> None:
    rules = tmp_path / "org.toml"
    rules.write_text(
        'title = "Säätiö Esimerkin pelisäännöt"\n'
        '[[rules]]\nid = "zeta-photos"\nrelates_to = ["client photos", "our canteen"]\n'
        'text.fi = "Kuvaamme tapahtumissa vain luvalla, sanoo Zetasäätiö."\n'
        'text.en = "We take pictures at events only with permission, says Zeta."\n'
        '[[rules]]\nid = "markup-rule"\n'
        'text = "Never <b>shout</b> & never use <script>x</script>."\n',
        encoding="utf-8",
    )
    out = tmp_path / "kit.pdf"
    result = cli("workshop", "kit", "--rules", str(rules), "--lang", "fi", "-o", str(out))
    assert result.exit_code == 0, result.output
    text = _flat(pdf_text(out.read_bytes()))
    assert "Säätiö Esimerkin pelisäännöt" in text
    assert "Zetasäätiö" in text and "zeta-photos" in text
    assert "asiakkaiden kuvat" in text and "our canteen" in text  # relates_to, translated or as is
    assert "<b>shout</b> & never use <script>x</script>" in text  # escaped, shown as written
    assert "client-photos" not in text  # the default rules are replaced, not added to
    html = render_kit_html(parse_rules(rules.read_text(encoding="utf-8")), "en")
    assert "<script>x" not in html and "&lt;script&gt;x" in html


def test_kit_with_a_bad_rules_file_fails_before_writing(tmp_path: Path) -> None:
    rules = tmp_path / "org.toml"
    rules.write_text('[[rules]]\nid = "a"\n', encoding="utf-8")
    out = tmp_path / "kit.pdf"
    result = cli("workshop", "kit", "--rules", str(rules), "-o", str(out))
    assert result.exit_code == ExitStatus.INPUT
    assert "'rules[0].text'" in result.stderr
    assert not out.exists()


def _write_shares(folder: Path, shares: list) -> list[Path]:  # type: ignore[type-arg]
    paths = []
    for i, share in enumerate(shares):
        paths.append(folder / f"share{i}.json")
        paths[-1].write_text(share.to_json(), encoding="utf-8")
    return paths


def _coded(*shares: Share) -> list[Share]:
    """The shares with codes of one workshop made on this test's device."""
    codes = facilitator(len(shares))
    return [replace(share, code=code) for share, code in zip(shares, codes, strict=True)]


@pytest.mark.parametrize("lang", LANGS)
def test_group_report_in_each_language(tmp_path: Path, lang: str) -> None:
    shares = [share_of({"work": 4, "private": 2}, needs_action=["client-photos", "old-content"])
              for _ in range(5)]  # fmt: skip
    shares = _coded(*shares, share_of({"work": 1, "activism": 3}, needs_action=["family-privacy"]))
    out = tmp_path / "group.pdf"
    result = cli("workshop", "summary", *map(str, _write_shares(tmp_path, shares)),
                 "--lang", lang, "-o", str(out))  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "6 shares used, 0 rejected, 0 duplicates dropped" in result.stderr
    t = catalogue(lang)
    reader = _pdf(out)
    text = _flat(pdf_text(out.read_bytes()))
    assert reader.metadata.title == t["group"]["doc_title"]
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    assert t["group"]["title"] in text
    fewer = t["common"]["fewer_than"].format(small=3)
    assert fewer in text  # activism (one person) and family-privacy (one person)
    assert t["common"]["hidden"] in text  # and one more cell hidden, so it cannot be subtracted
    assert f"{t['categories']['work']} 21 (6)" in text  # 5 x 4 + 1 work results, 6 people
    rule_text = load_rules().get("client-photos").text_for(lang)  # type: ignore[union-attr]
    assert " ".join(rule_text.split()[:3]) in text
    assert t["group"]["prompts"][0] in text


def test_group_context_suppresses_before_rendering() -> None:
    shares = [share_of({"work": 4}) for _ in range(5)] + [share_of({"activism": 2})]
    context = build_group_context(summarise(shares), load_rules(), "en", Intake(6, 6, 0, 0))
    svg = str(context["charts"][0]["svg"])
    assert "Activism</text>" in svg and "fewer than 3" in svg
    assert ">2<" not in svg  # the small figure itself is nowhere in the chart


def test_summary_rejects_bad_shares_and_goes_on(tmp_path: Path) -> None:
    shares = _coded(*(share_of({"work": 2}) for _ in range(5)))
    paths = _write_shares(tmp_path, shares)
    good = json.loads(shares[0].to_json())
    bad = {
        "truncated.json": shares[0].to_json()[:80],
        "future.json": json.dumps({**good, "schema": 3}),
        "smuggled.json": json.dumps({**good, "needs_action": ["https://laura.invalid/"]}),
        "extra.json": json.dumps({**good, "name": "Laura Hietanen"}),
        "copy.json": shares[3].to_json(),
        "huge.json": json.dumps({**good, "archived": 0}).replace(
            '"archived": 0', '"archived": ' + "9" * 5000
        ),
        "nested.json": '{"schema": ' + "[" * 8000 + "]" * 8000 + "}",
    }
    for name, text in bad.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    out = tmp_path / "group.pdf"
    result = cli("workshop", "summary", *map(str, paths), *(str(tmp_path / n) for n in bad),
                 "--lang", "en", "-o", str(out))  # fmt: skip
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert any("truncated.json: rejected" in line and "truncated" in line for line in lines)
    assert any("future.json: rejected" in line and "newer footprint" in line for line in lines)
    assert any("smuggled.json: rejected" in line and "not a rule id" in line for line in lines)
    assert any("extra.json: rejected" in line and "unexpected key 'name'" in line for line in lines)
    assert any("copy.json: dropped: the same share as" in line for line in lines)
    assert any("huge.json: rejected" in line and "more than 30 digits" in line for line in lines)
    assert any("nested.json: rejected" in line and "more than 64 deep" in line for line in lines)
    assert "laura.invalid" not in result.stderr and "Hietanen" not in result.stderr
    text = _flat(pdf_text(out.read_bytes()))
    assert "Share files given: 12. Used: 5. Rejected: 6. Duplicates dropped: 1." in text
    assert "truncated.json" not in text  # file names, which may name people, stay out


def test_summary_refuses_a_small_group(tmp_path: Path) -> None:
    paths = _write_shares(tmp_path, _coded(*(share_of() for _ in range(4))))
    (tmp_path / "copy.json").write_text(paths[0].read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "group.pdf"
    result = cli(
        "workshop", "summary", *map(str, paths), str(tmp_path / "copy.json"), "-o", str(out)
    )
    assert result.exit_code == ExitStatus.INPUT
    assert "only 4 usable shares" in result.stderr and "--min-group" in result.stderr
    assert not out.exists()
    bigger = cli("workshop", "summary", *map(str, paths), "--min-group", "6", "-o", str(out))
    assert bigger.exit_code == ExitStatus.INPUT and "at least 6" in bigger.stderr
    too_small = cli("workshop", "summary", *map(str, paths), "--min-group", "2", "-o", str(out))
    assert too_small.exit_code == ExitStatus.USAGE
    ok = cli("workshop", "summary", *map(str, paths), "--min-group", "4", "-o", str(out))
    assert ok.exit_code == 0 and out.exists()


@settings(max_examples=6, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])  # fmt: skip
@given(audits=st.lists(random_audits(), min_size=5, max_size=5))
def test_nothing_of_anyone_reaches_the_group_report(audits: list) -> None:  # type: ignore[type-arg]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        shares = []
        codes = facilitator(len(audits))
        for i, (audit, code) in enumerate(zip(audits, codes, strict=True)):
            path = write_audit(folder / f"audit{i}.json", audit["findings"], audit["profile"])
            shares.append(folder / f"share{i}.json")
            result = cli(
                "workshop",
                "share",
                str(path),
                "-o",
                str(shares[-1]),
                "--code",
                code,
                "--yes",
                "-n",
                "client-photos",
                "-n",
                "old-content",
                home=folder / f"device{i}",
            )  # each participant on their own device; fmt: skip
            assert result.exit_code == 0, result.output
        out = folder / "group.pdf"
        result = cli("workshop", "summary", *map(str, shares), "--lang", "en", "-o", str(out))
        assert result.exit_code == 0, result.output
        text = pdf_text(out.read_bytes())
    assert "Workshop group summary" in text  # the text was extracted at all
    fixed = json.dumps(catalogue("en"), ensure_ascii=False) + default_rules_text()
    for audit in audits:
        assert not leaks(secrets_of(audit), text, fixed)


def test_group_report_privacy_check_can_fail(tmp_path: Path) -> None:
    """The same extraction finds a string that is in a PDF (here a rule text we control)."""
    rules = tmp_path / "org.toml"
    rules.write_text('[[rules]]\nid = "a"\ntext = "Qwerty Hietanen Laura"\n', encoding="utf-8")
    paths = _write_shares(tmp_path, _coded(*(share_of(needs_action=["a"]) for _ in range(5))))
    out = tmp_path / "g.pdf"
    assert (
        cli(
            "workshop", "summary", *map(str, paths), "--rules", str(rules), "-o", str(out)
        ).exit_code
        == 0
    )
    text = pdf_text(out.read_bytes())
    assert leaks({"Qwerty Hietanen Laura", "Zzyzx Other"}, text, "") == ["Qwerty Hietanen Laura"]


def test_kit_to_group_report_end_to_end(tmp_path: Path) -> None:
    """Kit with codes → each participant's share on their own device → the group report."""
    kit = tmp_path / "kit.pdf"
    assert cli("workshop", "kit", "-o", str(kit), "--participants", "6").exit_code == 0
    codes = _CODE.findall(pdf_text((tmp_path / "kit-codes.pdf").read_bytes()))
    audit = write_audit(tmp_path / "audit.json", [finding("work", year=2020), finding("private")])
    paths = []
    for i, code in enumerate(codes[:5]):  # five of six participants share
        paths.append(tmp_path / f"s{i}.json")
        share = cli("workshop", "share", str(audit), "-o", str(paths[-1]), "--yes",
                    "--code", code.lower(), home=tmp_path / f"device{i}")  # fmt: skip
        assert share.exit_code == 0, share.output
    out = tmp_path / "group.pdf"
    result = cli("workshop", "summary", *map(str, paths), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "Työpajan ryhmäyhteenveto" in pdf_text(out.read_bytes())
    elsewhere = cli("workshop", "summary", *map(str, paths), "-o", str(out), "--force",
                    home=tmp_path / "another-device")  # fmt: skip
    assert elsewhere.exit_code == ExitStatus.INPUT
    assert "the device that made the kit" in elsewhere.stderr


_CODE = re.compile(r"\b[0-9A-Z]{4}-[0-9A-Z]{5}-[0-9A-Z]{5}\b")


def test_forged_copied_and_differenced_shares_do_not_count(tmp_path: Path) -> None:
    """The three attacks of issue 12 item 9, through the command line."""
    codes = facilitator(8)
    shares = [share_of({"work": 2, "private": i}, code=code) for i, code in enumerate(codes)]
    paths = _write_shares(tmp_path, shares)
    out = tmp_path / "group.pdf"
    # one participant's share plus three made up ones, beside the victim's
    forged = []
    for i in range(3):
        forged.append(tmp_path / f"forged{i}.json")
        code = any_code(codes[0][:4])  # the attacker knows the workshop's tag from their slip
        forged[-1].write_text(replace(shares[0], code=code).to_json(), encoding="utf-8")
    made_up = cli("workshop", "summary", str(paths[0]), *map(str, forged), str(paths[1]),
                  "-o", str(out))  # fmt: skip
    assert made_up.exit_code == ExitStatus.INPUT and "only 2 usable shares" in made_up.stderr
    assert made_up.stderr.count("is not one of workshop") == 3 and not out.exists()
    # five copies of one share, and a second share with the same code
    copies = [str(paths[0])] * 5
    again = tmp_path / "again.json"
    again.write_text(replace(shares[0], archived=0, categories={"work": 2}, results=2,
                             page_status={"live": 2}, age={"unknown": 2}).to_json(),
                     encoding="utf-8")  # fmt: skip
    twice = cli("workshop", "summary", *copies, str(again), "-o", str(out), "--min-group", "3")
    assert twice.exit_code == ExitStatus.INPUT and "only 1 usable share" in twice.stderr
    # a first report of five; then the same five plus one is refused, the same five again
    # (another language) and five more are allowed
    assert cli("workshop", "summary", *map(str, paths[:5]), "-o", str(out)).exit_code == 0
    plus_one = cli("workshop", "summary", *map(str, paths[:6]), "-o", str(tmp_path / "b.pdf"))
    assert plus_one.exit_code == ExitStatus.INPUT and "subtracting" in plus_one.stderr
    minus_one = cli("workshop", "summary", *map(str, paths[1:6]), "-o", str(tmp_path / "b.pdf"))
    assert minus_one.exit_code == ExitStatus.INPUT and "subtracting" in minus_one.stderr
    same = cli("workshop", "summary", *map(str, paths[:5]), "--lang", "en", "-o",
               str(tmp_path / "en.pdf"))  # fmt: skip
    assert same.exit_code == 0, same.output
    # a share counted once stays bound to its code: a changed share with it is refused later
    changed = tmp_path / "changed.json"
    changed.write_text(replace(shares[0], needs_action=("client-photos",)).to_json(),
                       encoding="utf-8")  # fmt: skip
    swap = cli("workshop", "summary", str(changed), *map(str, paths[1:5]), "-o",
               str(tmp_path / "c.pdf"))  # fmt: skip
    assert swap.exit_code == ExitStatus.INPUT
    assert "already counted with another share" in swap.stderr


@pytest.mark.parametrize("lang", LANGS)
def test_group_report_uses_the_personal_reports_category_names(lang: str) -> None:
    """One source of category names in each language: the personal report's catalogue."""
    from footprint.report import i18n

    names = i18n.section(lang, "category")
    shares = [share_of({"work": 2, "private": 1, "namesake": 3, "activism": 1, "defunct": 1})
              for _ in range(5)]  # fmt: skip
    context = build_group_context(summarise(shares), load_rules(), lang, Intake(5, 5, 0, 0))
    svg = str(context["charts"][0]["svg"])
    for key, name in names.items():
        assert f">{name}</text>" in svg, key
    assert catalogue(lang)["categories"] == names
    locale = Path(__file__).parent.parent / "footprint" / "workshop" / "locale" / f"{lang}.toml"
    assert "[categories]" not in locale.read_text(encoding="utf-8")  # not a second copy


def test_shares_of_other_rules_say_so_not_another_device(tmp_path: Path) -> None:
    """Shares marked under the organisation's rules, summarised without --rules, are refused
    for that reason (named, with the fix), not as if the kit were made on another device."""
    rules = tmp_path / "org.toml"
    rules.write_text('[[rules]]\nid = "own-rule"\ntext = "Oma sääntö"\n', encoding="utf-8")
    paths = _write_shares(
        tmp_path, _coded(*(share_of(needs_action=["own-rule"]) for _ in range(5)))
    )
    result = cli("workshop", "summary", *map(str, paths), "-o", str(tmp_path / "g.pdf"))
    assert result.exit_code == ExitStatus.INPUT
    assert "the device that made the kit" not in result.stderr
    assert "--rules" in result.stderr and paths[0].name in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("lang", LANGS)
def test_rules_nobody_marked_are_named_by_their_text(lang: str) -> None:
    """The group reads rules, not ids: the rules nobody marked are listed by their text."""
    rules = load_rules()
    first, *others = rules.rules
    shares = [share_of({"work": 2}, needs_action=[first.id]) for _ in range(5)]
    summary = summarise(shares, rules.ids)
    context = build_group_context(summary, rules, lang, Intake(5, 5, 0, 0))
    unmarked = str(context["unmarked"])
    assert others and first.text_for(lang) not in unmarked
    for rule in others:
        assert rule.text_for(lang) in unmarked
        assert rule.id not in unmarked
