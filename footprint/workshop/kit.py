"""The facilitator's kit: agenda, how to run the audit, the privacy promise, questions, rules,
and the participant codes as slips to cut apart.

`build_kit_context` and `build_slips_context` are pure and testable without rendering;
`render_kit` and `render_slips` make the PDFs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from footprint.workshop.catalogue import catalogue, topic_label
from footprint.workshop.codes import EXAMPLE, Code
from footprint.workshop.protocol import protocol_context
from footprint.workshop.rules import RuleSet
from footprint.workshop.share import Share
from footprint.workshop.summary import DEFAULT_MIN_GROUP, SMALL_CELL

# A made-up share, shown in the kit so that participants see exactly what they would hand in.
EXAMPLE_COUNTS = {
    "categories": {"namesake": 6, "defunct": 3, "activism": 2, "work": 9, "private": 3},
    "page_status": {"live": 15, "gone": 3, "parked": 1, "ceased": 2, "unreachable": 1,
                    "skipped": 0, "unchecked": 1},
    "age": {"under-2": 5, "2-5": 6, "5-10": 4, "over-10": 6, "unknown": 2},
}  # fmt: skip


def example_share(rules: RuleSet) -> Share:
    """A made-up share with the first two rules marked."""
    return Share(
        code=EXAMPLE,
        results=sum(EXAMPLE_COUNTS["categories"].values()),
        categories=EXAMPLE_COUNTS["categories"],
        page_status=EXAMPLE_COUNTS["page_status"],
        age=EXAMPLE_COUNTS["age"],
        archived=4,
        needs_action=rules.ids[:2],
    )


def _clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def agenda(items: list[dict[str, Any]]) -> list[dict[str, str]]:
    """Agenda items with their start and end times, from each item's length in minutes."""
    rows, start = [], 0
    for item in items:
        end = start + int(item["minutes"])
        rows.append({"start": _clock(start), "end": _clock(end), "title": item["title"],
                     "text": item["text"]})  # fmt: skip
        start = end
    return rows


def build_kit_context(
    rules: RuleSet, lang: str, tag: str | None = None, codes: int = 0
) -> dict[str, Any]:
    """Everything the kit template needs, in `lang`; `tag` and `codes` name the code slips."""
    from footprint import __version__

    t = catalogue(lang)
    kit = t["kit"]
    numbers = {"min_group": DEFAULT_MIN_GROUP, "small": SMALL_CELL}
    return {
        "lang": lang,
        "doc_title": kit["doc_title"],
        "t": t,
        "agenda": agenda(kit["agenda"]),
        "steps": kit["steps"],
        "privacy": [line.format(**numbers) for line in kit["privacy"]],
        "questions": kit["questions"],
        "protocol": protocol_context(lang),
        "codes_text": [line.format(tag=tag or "", count=codes) for line in kit["codes_text"]]
        if tag
        else [],
        "example_share": example_share(rules).to_json(),
        "rules_title": rules.title_for(lang) or kit["checklist_title"],
        "checklist_example": f"footprint workshop share --needs-action {rules.rules[0].id} "
        "--output share.json",
        "checklist": [
            {
                "id": rule.id,
                "text": rule.text_for(lang),
                "look_at": [topic_label(topic, t) for topic in rule.relates_to],
            }
            for rule in rules.rules
        ],
        "footer": t["common"]["footer"].format(version=__version__),
    }


def render_kit_html(rules: RuleSet, lang: str, tag: str | None = None, codes: int = 0) -> str:
    from footprint.templating import render_html

    return render_html("workshop/kit.html.j2", build_kit_context(rules, lang, tag, codes))


def render_kit(rules: RuleSet, lang: str, tag: str | None = None, codes: int = 0) -> bytes:
    """The kit as a tagged PDF (naming the workshop whose code slips come with it)."""
    from footprint.templating import render_pdf

    return render_pdf(render_kit_html(rules, lang, tag, codes))


def build_slips_context(tag: str, codes: Sequence[Code], lang: str) -> dict[str, Any]:
    """The code slips: one per participant code, to print, cut apart and draw at random."""
    from footprint import __version__

    t = catalogue(lang)
    slips = t["slips"]
    return {
        "lang": lang,
        "doc_title": slips["slips_doc_title"],
        "t": t,
        "title": slips["slips_title"].format(tag=tag),
        "intro": slips["slips_intro"],
        "heading": slips["slip_heading"],
        "text": slips["slip_text"],
        "codes": [str(code) for code in codes],
        "footer": t["common"]["footer"].format(version=__version__),
    }


def render_slips(tag: str, codes: Sequence[Code], lang: str) -> bytes:
    """The code slips as a tagged PDF."""
    from footprint.templating import render_html, render_pdf

    return render_pdf(render_html("workshop/slips.html.j2", build_slips_context(tag, codes, lang)))
