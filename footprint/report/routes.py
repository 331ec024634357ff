"""The report's removal routes: which known site a result is on, and the routes chapter.

`card_fields` adds a result's `source_kind` to its card; `routes_section` builds the
"Removal routes" chapter from `footprint/guidance/sources.toml` for the sites found in the
results. Pure: no I/O beyond reading the packaged data once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from footprint import guidance
from footprint.guidance import levers
from footprint.guidance.sources import Source, lookup, sources
from footprint.models import Finding
from footprint.profile import Profile
from footprint.report import i18n

# Links the search-engine part of the chapter shows (Google's and Bing's are in the guide).
SEARCH_LINKS = ("qwant_rtbf", "duckduckgo_sources", "ecosia_bing", "tietosuoja_notification")
SE_LAW_LINKS = ("imy_publishing_certificate", "mprt_personal_data")
HELP_LINKS = ("police_net_tip", "riku_victim_support")


def card_fields(url: str, lang: str) -> dict[str, Any]:
    """`source_kind` (or None) and its label in the report's language, for one result."""
    found = lookup(url)
    if found is None:
        return {"source_kind": None, "source_kind_label": None, "source_id": None}
    label = i18n.text(lang, f"routes.kind_{found.kind}")
    return {"source_kind": found.kind, "source_kind_label": label, "source_id": found.id}


def _links(ids: Sequence[str], lang: str) -> list[dict[str, str]]:
    t = i18n.catalogue(lang)
    return [{"id": i, "label": t["link"][i], "url": guidance.link(i).url(lang)} for i in ids]


def _entry(source: Source, lang: str, found: int) -> dict[str, Any]:
    return {
        "id": source.id,
        "name": source.name,
        "country": source.country,
        "kind": source.kind,
        "kind_label": i18n.text(lang, f"routes.kind_{source.kind}"),
        "found": found,
        "shows": source.text("shows", lang),
        "data_from": source.text("data_from", lang),
        "legal_basis": source.text("legal_basis", lang),
        "recheck": i18n.text(lang, "routes.recheck", months=source.recheck_months),
        "verified": source.verified,
        "unverified": source.unverified[lang],
        "sources": list(source.sources),
        "links": _links(source.links, lang),
    }


def routes_section(cards: Sequence[Mapping[str, Any]], lang: str) -> dict[str, Any]:
    """The chapter: the routes of the known sites in the results, then the search engines.

    Only the sites that are in the person's results (namesakes aside) get their route; a
    line says how many sites footprint knows and where all their routes are (the README's
    "Removal routes"). The Swedish publishing-certificate note comes with a Swedish
    people-search site only.
    """
    found: dict[str, int] = {}
    for card in cards:
        if card.get("source_id") and card.get("category") != "namesake":
            found[card["source_id"]] = found.get(card["source_id"], 0) + 1
    known = sources()
    shown = sorted(
        (s for s in known if s.id in found), key=lambda s: (s.country != "FI", s.name.lower())
    )
    t = i18n.catalogue(lang)["routes"]
    swedish = any(s.route == "se_people_search" for s in shown)
    return {
        "title": t["title"],
        "intro": t["intro"] if shown else t["intro_none"],
        "all_routes": i18n.text(lang, "routes.all_routes", count=len(known)),
        "found_count": len(found),
        "sites": [_entry(s, lang, found[s.id]) for s in shown],
        "se_law": {"text": t["se_law"], "links": _links(SE_LAW_LINKS, lang)} if swedish else None,
        "search": {
            "title": t["search_title"],
            "body": t["search_body"],
            "links": _links(SEARCH_LINKS, lang),
        },
    }


def link_ids() -> set[str]:
    """Every link id the routes chapter can show (tests check each is in the PDF)."""
    ids = set(SEARCH_LINKS) | set(SE_LAW_LINKS) | set(HELP_LINKS)
    for source in sources():
        ids.update(source.links)
    for lever in levers.all_levers():
        ids.update(lever.links)
    return ids


def levers_section(
    findings: Sequence[Finding], profile: Profile, lang: str
) -> dict[str, Any] | None:
    """'Protect your contact details', or None when nothing in the audit calls for it."""
    if not levers.needed(findings, profile):
        return None
    why = "work" if levers.work_exposes(profile) else "results"
    return {**levers_content(lang), "intro": i18n.catalogue(lang)["levers"][f"intro_{why}"]}


def levers_content(lang: str) -> dict[str, Any]:
    """The levers with their labelled links, whether or not an audit calls for them (the
    app's guide page shows them always); `levers_section` adds why this person sees them."""
    t = i18n.catalogue(lang)
    items = levers.levers(lang)
    for item in items:
        for link in item["links"]:
            link["label"] = t["link"][link["id"]]
    return {
        "title": t["levers"]["title"],
        "not_covered": t["levers"]["not_covered"],
        "levers": items,
    }


def help_section(lang: str) -> dict[str, Any]:
    """Where to turn when a result threatens you: the police, victim support, evidence."""
    t = i18n.catalogue(lang)["help"]
    return {
        "title": t["title"],
        "body": t["body"],
        "evidence": t["evidence"],
        "links": _links(HELP_LINKS, lang),
    }
