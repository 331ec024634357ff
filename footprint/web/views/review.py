"""Review: every result as a card, grouped by category; one click says what it is.

Each answer is saved at once as a correction in the store, exactly as `footprint label`
saves it, so it shows as "your correction" in the CLI and every report.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from datetime import date
from typing import Any

from flask import Blueprint, g, jsonify, redirect, request, url_for
from werkzeug.wrappers import Response

from footprint import review
from footprint.errors import InputError
from footprint.models import Category, PageStatus
from footprint.profile import Profile
from footprint.report.context import SECTION_ORDER, build_report_context
from footprint.store.urlkey import url_key
from footprint.web.pages import render, state, wants_json
from footprint.web.views.common import current_audit, form_text

bp = Blueprint("review", __name__)

ANSWERS = (Category.WORK, Category.PRIVATE, Category.ACTIVISM, Category.NAMESAKE)
KEYS = {Category.WORK: "w", Category.PRIVATE: "p", Category.ACTIVISM: "a", Category.NAMESAKE: "n"}


def card_id(url: str) -> str:
    return "r-" + hashlib.sha256(url_key(url).encode()).hexdigest()[:12]


def _filters() -> dict[str, Any]:
    category = request.args.get("category", "")
    status = request.args.get("status", "")
    return {
        "category": category if category in {c.value for c in Category} else "",
        "status": status if status in {s.value for s in PageStatus} else "",
        "todo": request.args.get("todo") == "1",
    }


def _keep(card: dict[str, Any], filters: dict[str, Any]) -> bool:
    if filters["status"] and card["status"] != filters["status"]:
        return False
    return not (filters["todo"] and card["corrected"])


@bp.get("/review")
def page() -> Response:
    store = state().store()
    audit = current_audit(store)
    if audit is None:
        return render("review.html.j2", audit=None)
    findings = store.load_findings(audit.id)
    context = build_report_context(
        findings, Profile(name=audit.name), lang=g.lang, generated=date.today()
    )
    sites = Counter(review.site_of(f.result.url) for f in findings)
    filters = _filters()
    sections = []
    for section in context["sections"]:
        if filters["category"] and section["key"] != filters["category"]:
            continue
        every = [*section["cards"], *section.get("lines", ())]  # a report digest's too
        every.sort(key=lambda c: (-(c["year"] or 0), c["rank"], c["title"]))
        cards = [c for c in every if _keep(c, filters)]
        for card in cards:
            card["id"] = card_id(card["href"] or card["url"])
            card["site"] = review.site_of(card["href"] or "")
            card["site_count"] = sites[card["site"]] if card["site"] else 0
        if cards:
            sections.append({**section, "cards": cards})
    done = review.progress(findings)
    return render(
        "review.html.j2",
        audit=audit,
        sections=sections,
        filters=filters,
        progress=done,
        answers=[(c.value, KEYS[c]) for c in ANSWERS],
        categories=[c.value for c in SECTION_ORDER],
        statuses=[s.value for s in PageStatus],
        shown=sum(len(s["cards"]) for s in sections),
    )


def _back(anchor: str = "") -> Response:
    target = request.form.get("next") or ""
    if not target.startswith("/review") or "//" in target:
        target = url_for("review.page")
    return redirect(target + (f"#{anchor}" if anchor else ""), code=303)


def _answer(category: str) -> Category:
    try:
        chosen = Category(category)
    except ValueError:
        chosen = None
    if chosen not in ANSWERS:
        raise InputError(f"unknown answer {category!r}: use work, private, activism or namesake")
    return chosen


@bp.post("/review/label")
def label() -> Response:
    url, category = form_text("url"), _answer(form_text("category"))
    saved = state().store().set_label(url, category, form_text("note", 500))
    if wants_json():
        return jsonify(ok=True, url=saved.url, category=saved.category.value, id=card_id(url))
    return _back(card_id(url))


@bp.post("/review/unlabel")
def unlabel() -> Response:
    url = form_text("url")
    state().store().remove_label(url)
    if wants_json():
        return jsonify(ok=True, url=url, id=card_id(url))
    return _back(card_id(url))


@bp.post("/review/site")
def site() -> Response:
    store = state().store()
    audit = current_audit(store, form_text("audit") or None)
    url = form_text("url")
    if audit is None:
        raise InputError("no audit to review yet: run an audit first")
    urls = review.label_site(store, store.load_findings(audit.id), url, Category.NAMESAKE)
    if wants_json():
        return jsonify(ok=True, ids=[card_id(u) for u in urls], category="namesake")
    return _back(card_id(url))
