"""The kit's draft protocol for offensive writing about staff online (issue 17 item 2)."""

from __future__ import annotations

import io
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from footprint import guidance
from footprint.workshop.kit import render_kit
from footprint.workshop.protocol import (
    load_protocol,
    parse_protocol,
    protocol_context,
    protocol_link_ids,
)
from footprint.workshop.rules import load_rules
from tests.workshop_support import pdf_text

LANGS = ("fi", "sv", "en")
DATA = Path(__file__).parent.parent / "footprint" / "workshop" / "protocol.toml"


def _data() -> dict[str, Any]:
    return tomllib.loads(DATA.read_text(encoding="utf-8"))


def test_every_claim_has_its_sources_and_every_link_is_in_the_links_file() -> None:
    protocol = load_protocol()
    assert {step.id for step in protocol.steps} == {
        "record", "support", "assess", "police", "removal"
    }  # fmt: skip
    for fact in protocol.facts:
        assert fact.sources and all(s.startswith("https://") for s in fact.sources)
        assert fact.note.strip()
    kit_links = guidance.links("kit")
    assert protocol_link_ids() == set(kit_links)  # each kit link is used, each used is listed
    threat = next(f for f in protocol.facts if f.id == "threat-public-prosecution")
    assert "1 October 2021" in threat.text["en"] and "1. päivästä 2021" in threat.text["fi"]
    assert "698/2021" in threat.note and "HE 226/2020" in threat.note
    survey = next(f for f in protocol.facts if f.id == "akava-2021-targeting")
    assert "44" in survey.text["fi"] and "44" in survey.text["sv"] and "44" in survey.text["en"]


def test_kit_links_stay_out_of_the_personal_report() -> None:
    report = guidance.links()
    for link_id in ("talentia_targeting_survey", "parliament_threat_prosecution"):
        assert link_id not in report and link_id in guidance.all_links()
    assert "police_net_tip" in report and "police_net_tip" in guidance.links("kit")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["fact"][0].update(sources=[]), "needs https sources"),
        (lambda d: d["fact"][0].update(sources=["http://example.fi/"]), "needs https sources"),
        (lambda d: d["fact"][0]["text"].pop("sv"), "needs a text in each of fi, sv, en"),
        (lambda d: d["step"][0].update(links=["google_outdated"]), "does not list for the kit"),
        (lambda d: d["step"][0].update(links=["made_up_link"]), "does not list for the kit"),
        (lambda d: d["step"][0].update(facts=["no-such-fact"]), "not defined"),
        (lambda d: d["step"][2].update(facts=[]), "facts no step uses"),
        (lambda d: d["title"].update(fi="  "), "empty text"),
    ],
)
def test_the_data_is_checked(change, message: str) -> None:  # type: ignore[no-untyped-def]
    data = _data()
    change(data)
    with pytest.raises(ValueError, match=message):
        parse_protocol(data)


def _uris(pdf: bytes) -> list[str]:
    from pypdf import PdfReader

    uris = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            if action is not None and "/URI" in action:
                uris.append(str(action["/URI"]))
    return uris


@pytest.fixture(scope="module")
def kits() -> dict[str, bytes]:
    return {lang: render_kit(load_rules(), lang, "K7Q2", 12) for lang in LANGS}


@pytest.mark.parametrize("lang", LANGS)
def test_the_protocol_is_in_the_kit_in_each_language(kits: dict[str, bytes], lang: str) -> None:
    text = re.sub(r"\s+", " ", pdf_text(kits[lang]))
    context = protocol_context(lang)
    assert context["title"] in text
    for step in context["steps"]:
        assert step["title"] in text and step["question"] in text
        for fact in step["facts"]:
            assert " ".join(fact["text"].split()[:6]) in text
    assert "112" in text
    assert "footprint evidence add" in text  # the record step points to footprint's evidence log
    others = [protocol_context(other)["title"] for other in LANGS if other != lang]
    assert not any(title in text for title in others)  # one language per kit


@pytest.mark.parametrize("lang", LANGS)
def test_the_protocols_links_resolve_to_the_links_file(kits: dict[str, bytes], lang: str) -> None:
    uris = _uris(kits[lang])
    wanted = {guidance.link(link_id).url(lang) for link_id in protocol_link_ids()}
    assert wanted <= set(uris), wanted - set(uris)
    outside = {u for u in uris if u not in wanted}
    assert not outside  # the kit links to nothing the links file does not list
    text = re.sub(r"\s+", "", pdf_text(kits[lang]))
    for url in wanted:  # the address is also printed, for a kit read on paper
        assert url.replace("https://", "") in text
