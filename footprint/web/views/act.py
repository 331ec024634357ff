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
    from footprint.models import Category
    from footprint.report.context import build_report_context
    from footprint.report.letters import controller_of, plan

    letters = {controller: kind for controller, kind, _urls in plan(findings)}
    context = build_report_context(findings, _person(audit), lang=g.lang, generated=date.today())
    cards = []
    for section in context["sections"]:
        for card in [*section["cards"], *section.get("lines", ())]:
            if card["category"] == Category.NAMESAKE.value:
                continue
            target = card["href"] or card["url"]
            card["id"] = card_id(target)
            card["site"] = controller_of(card["href"] or "")
            card["letter"] = letters.get(card["site"], "")  # the kind of its site's letter
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
    from footprint.report.routes import levers_section
    from footprint.store import Channel

    store = state().store()
    audit = current_audit(store)
    findings = store.load_findings(audit.id) if audit else []
    cards = _cards(findings, audit) if audit else []
    return render(
        "act.html.j2",
        audit=audit,
        cards=cards,
        # "protect your contact details" in full when the audit calls for it (as the PDF)
        levers=levers_section(findings, _person(audit), g.lang) if audit else None,
        tracked=_tracked(store),
        channels=[c.value for c in Channel],
        today=store.today().isoformat(),
        recorded=request.args.get("recorded", ""),
    )


def _letter(site: str) -> tuple[AuditInfo, Any]:
    """The letter to one site (controller) about this audit's results on it."""
    from footprint.report.letters import letters_for_site

    store = state().store()
    audit = current_audit(store)
    if audit is None:
        raise InputError("no audit yet: run an audit first")
    found = letters_for_site(store.load_findings(audit.id), site, name=_person(audit).name,
                             lang=g.lang, day=date.today())  # fmt: skip
    if not found:
        raise InputError(f"no letter is needed for {site!r} in this audit")
    return audit, found[0]


@bp.get("/act/letter")
def letter() -> Response:
    site = (request.args.get("site") or "").strip()[:253]
    audit, letter = _letter(site)
    return render("letter.html.j2", audit=audit, site=site, letter=letter, text=letter.text())


@bp.get("/act/letter.txt")
def letter_download() -> Response:
    site = (request.args.get("site") or "").strip()[:253]
    _audit, letter = _letter(site)
    return Response(
        letter.text(),
        mimetype="text/plain",
        headers={"Content-Disposition": f'attachment; filename="{letter.filename()}"'},
    )


@bp.post("/act/track")
def track() -> Response:
    from footprint.store.tracking import parse_channel, parse_date

    store = state().store()
    url = form_text("url")
    channel = parse_channel(form_text("channel", 40))
    sent = parse_date(form_text("sent", 20) or store.today().isoformat(), store.today())
    letter = form_text("letter", 20) if channel.value == "site-owner" else ""
    store.track(url, channel, sent, form_text("note", 500), letter=letter)
    back = url_for("act.page", recorded=card_id(url), audit=request.form.get("audit") or None)
    return redirect(f"{back}#{card_id(url)}", code=303)


@bp.post("/act/close")
def close() -> Response:
    from footprint.store.tracking import parse_channel

    url = form_text("url")
    channel = parse_channel(form_text("channel", 40))
    state().store().close_requests(url, channel)
    return redirect(url_for("act.page") + "#tracked", code=303)
