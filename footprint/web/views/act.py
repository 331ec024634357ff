"""Act: per result the steps and links the report gives, the erasure letter for its site,
and "I sent it", which records the request as `footprint track` does; the tracked
requests are listed overdue first with what to do next.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from flask import Blueprint, g, redirect, request, url_for
from werkzeug.wrappers import Response

from footprint.errors import InputError
from footprint.web.pages import render, state
from footprint.web.views.common import current_audit, form_text, person_name
from footprint.web.views.review import card_id

if TYPE_CHECKING:
    from footprint.models import Finding
    from footprint.profile import Profile
    from footprint.store import AuditInfo, Store

bp = Blueprint("act", __name__)

# Which request an action's "I sent it" records by default.
CHANNEL_OF = {
    "site_owner_erasure": "site-owner",
    "ceased_publisher": "site-owner",
    "domain_holder": "site-owner",
    "search_delisting": "google-delisting",
    "google_outdated": "google-outdated",
    "archive_removal": "archive",
    "platform_settings": "platform",
}


def _person(audit: AuditInfo) -> Profile:
    """The profile when it is the audited person's (its name fills the letter)."""
    from footprint.profile import Profile

    loaded = state().profile() if person_name() == audit.name else None
    return loaded.profile if loaded else Profile(name=audit.name)


def _cards(findings: list[Finding], audit: AuditInfo) -> list[dict[str, Any]]:
    from footprint import review
    from footprint.models import Category
    from footprint.report.actions import LETTER_ACTIONS
    from footprint.report.context import build_report_context

    context = build_report_context(findings, _person(audit), lang=g.lang, generated=date.today())
    cards = []
    for section in context["sections"]:
        for card in [*section["cards"], *section.get("lines", ())]:
            if card["category"] == Category.NAMESAKE.value:
                continue
            target = card["href"] or card["url"]
            card["id"] = card_id(target)
            card["site"] = review.site_of(card["href"] or "")
            card["letter"] = any(a["id"] in LETTER_ACTIONS for a in card["actions"])
            ids = [a["id"] for a in card["actions"]]
            # the request "I sent it" records by default; none for a step that is no request
            card["channel"] = next((CHANNEL_OF[i] for i in ids if i in CHANNEL_OF), None)
            card["section_label"] = section["label"]
            cards.append(card)
    return cards


def _tracked(store: Store) -> list[dict[str, Any]]:
    today = store.today()
    return [request.to_dict(today) for request in store.requests()]


@bp.get("/act")
def page() -> Response:
    from footprint.store import Channel

    store = state().store()
    audit = current_audit(store)
    cards = _cards(store.load_findings(audit.id), audit) if audit else []
    return render(
        "act.html.j2",
        audit=audit,
        cards=cards,
        tracked=_tracked(store),
        channels=[c.value for c in Channel],
        today=store.today().isoformat(),
        recorded=request.args.get("recorded", ""),
    )


def _site_findings(store: Store, audit: AuditInfo, site: str) -> list[Finding]:
    from footprint import review

    found = [f for f in store.load_findings(audit.id) if review.site_of(f.result.url) == site]
    if not site or not found:
        raise InputError(f"no result of this audit is on {site!r}")
    return found


def _letter(site: str) -> tuple[AuditInfo, dict[str, Any], str]:
    from footprint.report.context import build_report_context
    from footprint.report.letter_text import letter_text

    store = state().store()
    audit = current_audit(store)
    if audit is None:
        raise InputError("no audit yet: run an audit first")
    findings = _site_findings(store, audit, site)
    context = build_report_context(findings, _person(audit), lang=g.lang, generated=date.today())
    if context["letter"] is None:  # the report leaves the letter out when nothing calls for it
        raise InputError(f"no result of this audit on {site!r} calls for an erasure request")
    return audit, context["letter"], letter_text(context["letter"])


@bp.get("/act/letter")
def letter() -> Response:
    site = (request.args.get("site") or "").strip()[:253]
    audit, parts, text = _letter(site)
    return render("letter.html.j2", audit=audit, site=site, letter=parts, text=text)


@bp.get("/act/letter.txt")
def letter_download() -> Response:
    site = (request.args.get("site") or "").strip()[:253]
    _audit, _parts, text = _letter(site)
    safe = "".join(ch if ch.isalnum() or ch in ".-" else "-" for ch in site) or "site"
    return Response(
        text,
        mimetype="text/plain",
        headers={"Content-Disposition": f'attachment; filename="erasure-request-{safe}.txt"'},
    )


@bp.post("/act/track")
def track() -> Response:
    from footprint.store.tracking import parse_channel, parse_date

    store = state().store()
    url = form_text("url")
    channel = parse_channel(form_text("channel", 40))
    sent = parse_date(form_text("sent", 20) or store.today().isoformat(), store.today())
    store.track(url, channel, sent, form_text("note", 500))
    back = url_for("act.page", recorded=card_id(url), audit=request.form.get("audit") or None)
    return redirect(f"{back}#{card_id(url)}", code=303)


@bp.post("/act/close")
def close() -> Response:
    from footprint.store.tracking import parse_channel

    url = form_text("url")
    channel = parse_channel(form_text("channel", 40))
    state().store().close_requests(url, channel)
    return redirect(url_for("act.page") + "#tracked", code=303)
