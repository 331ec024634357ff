"""Review: every result as a card, grouped by category; one click says what it is.

Each answer is saved at once as a correction in the store, exactly as `footprint label`
saves it, so it shows as "your correction" in the CLI and every report.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from flask import Blueprint, g, jsonify, redirect, request, url_for
from werkzeug.wrappers import Response

from footprint.errors import InputError
from footprint.models import Category, PageStatus
from footprint.web import i18n
from footprint.web.pages import render, state, wants_json
from footprint.web.views.common import current_audit, form_text

if TYPE_CHECKING:
    from footprint.corrections import Suggestion
    from footprint.store import Store

bp = Blueprint("review", __name__)

ANSWERS = (Category.WORK, Category.PRIVATE, Category.ACTIVISM, Category.NAMESAKE)
KEYS = {Category.WORK: "w", Category.PRIVATE: "p", Category.ACTIVISM: "a", Category.NAMESAKE: "n"}


def card_id(url: str) -> str:
    """The id of a result's card on the review and act pages (from its address)."""
    return "r-" + hashlib.blake2s(url.encode(), digest_size=6).hexdigest()


def _filters() -> dict[str, Any]:
    category = request.args.get("category", "")
    status = request.args.get("status", "")
    return {
        "category": category if category in {c.value for c in Category} else "",
        "status": status if status in {s.value for s in PageStatus} else "",
        "todo": request.args.get("todo") == "1",
    }


def _shown(store: Store, card: dict[str, Any]) -> dict[str, Any] | None:
    """The offer to remember on the card named by `?teach=` (the answer was just given)."""
    if request.args.get("teach") != card["id"] or not card["corrected"] or not card["href"]:
        return None
    category = Category(card["category"])
    suggestion = _suggestion(store, card["href"], category)
    return offer(suggestion, category) if suggestion else None


def _keep(card: dict[str, Any], filters: dict[str, Any]) -> bool:
    if filters["status"] and card["status"] != filters["status"]:
        return False
    return not (filters["todo"] and card["corrected"])


@bp.get("/review")
def page() -> Response:
    from footprint import review
    from footprint.report.context import SECTION_ORDER
    from footprint.report.i18n import catalogue

    store = state().store()
    audit = current_audit(store)
    if audit is None:
        return render("review.html.j2", audit=None)
    findings = store.load_findings(audit.id)
    grouped = review.review_cards(findings, g.lang)
    report_words = catalogue(g.lang)
    filters = _filters()
    taught = request.args.get("taught", "")
    sections = []
    for category in SECTION_ORDER:
        if filters["category"] and category.value != filters["category"]:
            continue
        cards = [c for c in grouped[category] if _keep(c, filters)]
        for card in cards:
            card["id"] = card_id(card["href"] or card["url"])
            card["offer"], card["taught"] = _shown(store, card), card["id"] == taught
        if cards:
            sections.append({
                "key": category.value,
                "label": report_words["category"][category.value],
                "intro": report_words["category_intro"][category.value],
                "cards": cards,
            })  # fmt: skip
    words = i18n.catalogue(g.lang)["review"]
    return render(
        "review.html.j2",
        audit=audit,
        sections=sections,
        filters=filters,
        progress=review.progress(findings),
        answers=[(c.value, KEYS[c]) for c in ANSWERS],
        categories=[c.value for c in SECTION_ORDER],
        statuses=[s.value for s in PageStatus],
        answer_labels=dict(words["answer"]),
        site_text=words["site_not_me"],
        label_url=url_for("review.label"),
        unlabel_url=url_for("review.unlabel"),
        site_url=url_for("review.site"),
        remember_url=url_for("review.remember"),
        teach_words=words["teach"],
        act_url=url_for("act.page", audit=audit.id),
    )


def _back(anchor: str = "", **shown: str) -> Response:
    """Back to the review page the form was on; `teach`/`taught` show a card's offer."""
    target = request.form.get("next") or ""
    if not target.startswith("/review") or "//" in target:
        target = url_for("review.page")
    parts = urlsplit(target)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k not in ("teach", "taught")]
    query += [(k, v) for k, v in shown.items() if v]
    target = urlunsplit(("", "", parts.path, urlencode(query), ""))
    return redirect(target + (f"#{anchor}" if anchor else ""), code=303)


def _answer(category: str) -> Category:
    try:
        chosen = Category(category)
    except ValueError:
        chosen = None
    if chosen not in ANSWERS:
        raise InputError(f"unknown answer {category!r}: use work, private, activism or namesake")
    return chosen


def _suggestion(store: Store, url: str, category: Category) -> Suggestion | None:
    """What this answer could teach, when the result is in a saved audit and shows something
    new: the other person's town, birth year and trade, or the person's own town or username."""
    from footprint.corrections import news, suggest

    if store.seen(url) is None:
        return None
    try:
        suggestion = suggest(store, url, category)
    except InputError:  # found but not sorted yet: nothing to learn from
        return None
    suggestion = news(store, suggestion)
    return None if suggestion.empty else suggestion


def offer(suggestion: Suggestion, category: Category) -> dict[str, Any]:
    """The offer to remember, in the page's language (the template and app.js show it)."""
    words = i18n.catalogue(g.lang)["review"]["teach"]
    return {
        "kind": suggestion.kind,
        "category": category.value,
        "url": suggestion.url,
        "title": words[f"{suggestion.kind}_title"],
        "button": words[f"{suggestion.kind}_button"],
        "facts": [
            {"value": f"{key}={value}", "text": words["fact"][key].format(value=value)}
            for key, value in suggestion.items()
        ],
    }


@bp.post("/review/label")
def label() -> Response:
    store = state().store()
    url, category = form_text("url"), _answer(form_text("category"))
    saved = store.set_label(url, category, form_text("note", 500))
    suggestion = _suggestion(store, saved.url, category)
    if wants_json():
        return jsonify(
            ok=True, url=saved.url, category=saved.category.value, id=card_id(url),
            offer=offer(suggestion, category) if suggestion else None,
        )  # fmt: skip
    return _back(card_id(url), teach=card_id(url) if suggestion else "")


@bp.post("/review/remember")
def remember() -> Response:
    """Keep the facts the person ticked; every later audit of the name sorts with them."""
    from footprint.corrections import remember as keep

    store = state().store()
    url, category = form_text("url"), _answer(form_text("category"))
    suggestion = _suggestion(store, url, category)
    ticked = (fact.partition("=") for fact in request.form.getlist("fact"))
    kept = suggestion.only({(k, v) for k, eq, v in ticked if eq}) if suggestion else None
    if kept is None or kept.empty:
        raise InputError(f"{url}: no fact chosen to remember: tick at least one and try again")
    keep(store, kept)
    if wants_json():
        words = i18n.catalogue(g.lang)["review"]["teach"]
        return jsonify(ok=True, id=card_id(url), text=words["taught"])
    return _back(card_id(url), taught=card_id(url))


@bp.post("/review/unlabel")
def unlabel() -> Response:
    url = form_text("url")
    state().store().remove_label(url)
    if wants_json():
        return jsonify(ok=True, url=url, id=card_id(url))
    return _back(card_id(url))


@bp.post("/review/site")
def site() -> Response:
    from footprint import review

    store = state().store()
    audit = current_audit(store, form_text("audit") or None)
    url = form_text("url")
    if audit is None:
        raise InputError("no audit to review yet: run an audit first")
    urls = review.label_site(store, store.load_findings(audit.id), url, Category.NAMESAKE)
    if wants_json():
        return jsonify(ok=True, ids=[card_id(u) for u in urls], category="namesake")
    return _back(card_id(url))
