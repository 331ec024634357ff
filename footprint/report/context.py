"""Everything a report shows, as plain data: `build_report_context` is pure and renders nothing.

Texts from the web (titles, snippets, addresses, reasons) go into the context as they are;
the template escapes them. Only the chart SVG is pre-built markup, and it holds nothing
but catalogue labels and numbers, escaped by `chart.py`.
"""

from __future__ import annotations

import calendar
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

from footprint import guidance
from footprint.models import Category, Finding, PageCheck, PageStatus, Reason
from footprint.profile import Profile
from footprint.report import i18n, letters, routes
from footprint.report.actions import LETTER_ACTIONS, Action, actions_for, priorities
from footprint.report.chart import Bar, bar_chart
from footprint.report.checks import PageChecks, page_checks
from footprint.report.digest import choose_full, status_of
from footprint.store.labels import CORRECTION_CODE

SCHEMA = 1

# The order of the report's sections: what most needs doing first.
SECTION_ORDER = (
    Category.ACTIVISM,
    Category.PRIVATE,
    Category.DEFUNCT,
    Category.WORK,
    Category.NAMESAKE,
)
STATUS_ORDER = (
    PageStatus.LIVE,
    PageStatus.GONE,
    PageStatus.PARKED,
    PageStatus.CEASED,
    PageStatus.UNREACHABLE,
    PageStatus.SKIPPED,
)
CATEGORY_COLOURS = {
    Category.ACTIVISM: "#b7793a",
    Category.PRIVATE: "#4f8a5b",
    Category.DEFUNCT: "#7b6a9b",
    Category.WORK: "#2f6f8f",
    Category.NAMESAKE: "#8c9096",
}
STATUS_COLOURS = {
    PageStatus.LIVE: "#4f8a5b",
    PageStatus.GONE: "#b55a4c",
    PageStatus.PARKED: "#b7793a",
    PageStatus.CEASED: "#7b6a9b",
    PageStatus.UNREACHABLE: "#8c9096",
    PageStatus.SKIPPED: "#c4c7cc",
}
GUIDANCE_SECTIONS = (
    ("site_owner", ("tietosuoja_erasure", "tietosuoja_remove_your_data")),
    (
        "search",
        (
            "google_eu_privacy",
            "google_outdated",
            "google_personal_info",
            "google_results_about_you",
            "bing_eu_privacy",
            "bing_content_removal",
        ),
    ),
    ("archive", ("archive_removal",)),
    ("domain", ("traficom_domain_search",)),
    (
        "platforms",
        (
            "facebook_privacy",
            "facebook_delete",
            "instagram_privacy",
            "instagram_delete",
            "linkedin_privacy",
            "linkedin_delete",
            "x_privacy",
            "x_delete",
            "youtube_privacy",
            "youtube_delete",
        ),
    ),
    ("ombudsman", ("tietosuoja_notification", "tietosuoja_remove_your_data")),
)
MAX_TITLE, MAX_SNIPPET, MAX_URL, MAX_LETTER_ADDRESSES = 200, 320, 300, 15

ReasonText = Callable[[Reason, str], str]


def build_report_context(
    findings: Sequence[Finding],
    profile: Profile,
    *,
    lang: str,
    generated: date | datetime,
    previous: Mapping[str, Any] | None = None,
    tracked: Sequence[Mapping[str, Any]] | None = None,
    failures: Sequence[str] = (),
    complete: bool = True,
    reason_text: ReasonText | None = None,
) -> dict[str, Any]:
    """The data the report template needs, in the report's language."""
    t = i18n.catalogue(lang)
    say = reason_text or default_reason_text()
    day = generated.date() if isinstance(generated, datetime) else generated
    cards = [_card(f, lang, say) for f in findings]
    full = choose_full(findings, tracked_urls=[str(r.get("url") or "") for r in tracked or ()])
    for i, card in enumerate(cards):
        card["full"] = i in full
    by_category = Counter(f.classification.category for f in findings)
    by_status = Counter(status_of(f) or PageStatus.SKIPPED for f in findings)
    sections = []
    for category in SECTION_ORDER:
        if not by_category[category]:
            continue
        mine = sorted((c for c in cards if c["category"] == category.value), key=_card_order)
        sections.append({
            "key": category.value,
            "label": t["category"][category.value],
            "intro": t["category_intro"][category.value],
            "colour": CATEGORY_COLOURS[category],
            "count": by_category[category],
            "cards": [c for c in mine if c["full"]],
            "lines": [c for c in mine if not c["full"]],
            "actions": _section_actions(mine),
        })  # fmt: skip
    shown = len(full)
    name = profile.name
    pages = page_checks(findings)
    return {
        "schema": SCHEMA,
        "lang": lang,
        "t": t,
        "title": f"{t['meta']['doc_title']} – {name}",
        "author": t["meta"]["author"],
        "person": name,
        "generated": i18n.format_date(day, lang),
        "generated_iso": day.isoformat(),
        "page_counter": _page_counter_css(t["meta"]),
        "summary": {
            "total": len(findings),
            "intro": i18n.text(
                lang, _intro_key(pages), total=len(findings), name=name, checked=pages.checked
            ),
            "unchecked": i18n.text(lang, f"unchecked.{pages.why_none}") if pages.why_none else None,
            "categories": [
                {
                    "key": c.value,
                    "label": t["category"][c.value],
                    "count": by_category[c],
                    "colour": CATEGORY_COLOURS[c],
                }
                for c in SECTION_ORDER
            ],
            "statuses": [
                {
                    "key": s.value,
                    "label": t["status"][s.value],
                    "count": by_status[s],
                    "colour": STATUS_COLOURS[s],
                }
                for s in STATUS_ORDER
            ],
            "category_chart": bar_chart(
                [
                    Bar(t["category"][c.value], by_category[c], CATEGORY_COLOURS[c])
                    for c in SECTION_ORDER
                ],
                title=t["summary"]["by_category"],
            ),
            "status_chart": bar_chart(
                [Bar(t["status"][s.value], by_status[s], STATUS_COLOURS[s]) for s in STATUS_ORDER],
                title=t["summary"]["by_status"],
            ),
            "priorities": [
                i18n.text(lang, f"priority.{p.id}", **p.params)
                for p in priorities(c["action_objects"] for c in cards)
            ],
            "corrected": sum(1 for f in findings if f.classification.corrected),
            "corrected_note": i18n.text(
                lang,
                "summary.corrected_note",
                count=sum(1 for f in findings if f.classification.corrected),
            ),
            "failures": [str(f) for f in failures],
            "complete": complete,
            "digest": i18n.text(
                lang,
                "summary.digest",
                full=shown,
                total=len(findings),
                rest=len(findings) - shown,
                others=t["card"]["more_in_section"],
            )
            if shown < len(findings)
            else None,
        },
        "sections": sections,
        "guidance": _guidance(lang),
        "letter": _letter(cards, name, day, lang),
        "checklist": checklist_items(lang),
        "letters": letters.letters_section(findings, name=name, lang=lang, day=day),
        "routes": routes.routes_section(cards, lang),
        "levers": routes.levers_section(findings, profile, lang),
        "help": routes.help_section(lang),
        "previous": _previous(previous, lang) if previous else None,
        "tracked": _tracked(tracked, lang) if tracked else None,
    }


def _intro_key(pages: PageChecks) -> str:
    """The summary's first sentence: it says a page was checked only when it was."""
    if not pages.total:
        return "summary.intro_none"
    if pages.checked == pages.total:
        return "summary.intro"
    return "summary.intro_partly" if pages.checked else "summary.intro_unchecked"


def default_reason_text() -> ReasonText:
    """The classifier's translator of reasons, or each reason's English text without it."""
    try:
        from footprint.classify import render_reason
    except ImportError:
        return lambda reason, lang: reason.text
    return lambda reason, lang: str(render_reason(reason, lang))


def _card(finding: Finding, lang: str, say: ReasonText) -> dict[str, Any]:
    t = i18n.catalogue(lang)
    result, c = finding.result, finding.classification
    status = status_of(finding)
    archive = finding.check.archive if finding.check else None
    archived = bool(archive and archive.available)
    actions = actions_for(c.category, status, archived, result.url)
    archive_info = None
    if archive is not None:
        span = ""
        if archive.available and (archive.first_capture or archive.last_capture):
            span = i18n.text(
                lang,
                "card.archive_span",
                first=i18n.format_date(archive.first_capture, lang) or "?",
                last=i18n.format_date(archive.last_capture, lang) or "?",
            )
        archive_info = {
            "available": archive.available,
            "text": t["card"]["archive_yes" if archive.available else "archive_no"],
            "span": span,
            "url": _safe_href(archive.url) if archive.available else None,
        }
    year = c.year or _year_of(result.published)
    return {
        "category": c.category.value,
        "title": _clip(result.title.strip(), MAX_TITLE) or t["card"]["no_title"],
        "url": _clip(result.url, MAX_URL),
        "href": _safe_href(result.url),
        "host": urlsplit(result.url).hostname or "",
        "snippet": _clip(" ".join(result.snippet.split()), MAX_SNIPPET),
        "year": year,
        "status": (status or PageStatus.SKIPPED).value,
        "status_label": t["status"][status.value if status else "none"],
        "status_colour": STATUS_COLOURS[status or PageStatus.SKIPPED],
        "archive": archive_info,
        "reasons": [_reason(r, lang, say, finding.check) for r in c.reasons if r.text or r.code],
        "topic": t["category"][c.topic.value] if c.topic and c.topic != c.category else None,
        "corrected": c.corrected,
        "confidence": round(c.confidence * 100),
        "actions": [_action(a, lang, c.category.value) for a in actions],
        "action_objects": actions,
        "rank": result.rank if result.rank is not None else 10**6,
        **routes.card_fields(result.url, lang),
    }


def _reason(reason: Reason, lang: str, say: ReasonText, check: PageCheck | None = None) -> str:
    """A reason in the report's language; the person's own correction says so."""
    if reason.code == "page_gone":
        return i18n.text(lang, f"page_gone.{_gone_how(reason, check)}")
    if reason.code != CORRECTION_CODE:
        return say(reason, lang)
    t = i18n.catalogue(lang)
    parts = [t["card"]["your_correction"]]
    if reason.params.get("note"):
        parts[0] += f": {reason.params['note']}"
    old = reason.params.get("classifier_category")
    if old in t["category"]:
        parts.append(i18n.text(lang, "card.classifier_said", category=t["category"][old]))
    return " – ".join(parts)


def _gone_how(reason: Reason, check: PageCheck | None) -> str:
    """How a gone page went, in words a reader knows rather than HTTP codes (locale `page_gone`).

    The check's own reason is read by the first words `footprint.check` gives it.
    """
    code = reason.params.get("http_status")
    if code == 410:
        return "removed"
    if code == 404:
        return "not_found"
    said = check.reason if check is not None else ""
    if said.startswith("the name does not exist"):
        return "no_site"
    if said.startswith("connection refused"):
        return "no_server"
    return "not_shown"


def _action(action: Action, lang: str, category: str) -> dict[str, Any]:
    """One step: its full text and links, and the short label a card uses to point at it."""
    key = "-".join([action.id, *(_slug(v) for v in action.params.values())])
    return {
        "id": action.id,
        "anchor": f"act-{category}-{key}",
        "short": i18n.text(lang, f"action_short.{action.id}", **action.params),
        "text": i18n.text(lang, f"action.{action.id}", **action.params),
        "links": [_link(lid, lang) for lid in action.links],
    }


def checklist_items(lang: str) -> list[dict[str, Any]]:
    """The professionals' checklist in a language, each item with its labelled links
    (the report's last chapter and the app's guide page show the same)."""
    return [
        {
            "id": item.id,
            "title": item.title,
            "text": item.text,
            "links": [_link(lid, lang) for lid in item.links],
        }
        for item in guidance.checklist(lang)
    ]


def _link(link_id: str, lang: str) -> dict[str, str]:
    """An outside link in the report's language: its id, label and address (links.toml)."""
    return {
        "id": link_id,
        "label": i18n.catalogue(lang)["link"][link_id],
        "url": guidance.link(link_id).url(lang),
    }


def _slug(text: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in text.lower())


def _section_actions(cards: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Every step the section's cards recommend, once, in order of first use.

    The full text and links are written once per section; each card names its steps by
    their short labels, linked to this list, so 300 results do not repeat the same text.
    """
    seen: dict[str, dict[str, Any]] = {}
    for card in cards:
        for action in card["actions"]:
            seen.setdefault(action["anchor"], action)
    return list(seen.values())


def _card_order(card: Mapping[str, Any]) -> tuple[int, int, str]:
    return (-(card["year"] or 0), card["rank"], card["title"])


def _guidance(lang: str) -> dict[str, Any]:
    t = i18n.catalogue(lang)
    return {
        "title": t["guidance"]["title"],
        "intro": t["guidance"]["intro"],
        "sections": [
            {
                "key": key,
                "title": t["guidance"][f"{key}_title"],
                "body": t["guidance"][f"{key}_body"],
                "links": [_link(lid, lang) for lid in ids],
            }
            for key, ids in GUIDANCE_SECTIONS
        ],
    }


def _letter(
    cards: Sequence[Mapping[str, Any]], name: str, day: date, lang: str
) -> dict[str, Any] | None:
    parts = guidance.letter(lang)
    addresses: list[str] = []
    for card in cards:
        if (
            any(a.id in LETTER_ACTIONS for a in card["action_objects"])
            and card["url"] not in addresses
        ):
            addresses.append(card["url"])
    if not addresses:
        return None  # no result calls for the letter: no letter with a placeholder address
    extra = max(0, len(addresses) - MAX_LETTER_ADDRESSES)
    fill = {"name": name, "deadline": i18n.format_date(add_month(day), lang)}
    return {
        "title": i18n.text(lang, "letter.title"),
        "intro": i18n.text(lang, "letter.intro"),
        "date": i18n.text(lang, "letter.sent_on", date=i18n.format_date(day, lang)),
        "subject": parts["subject"],
        "greeting": parts["greeting"],
        "before": parts["before"].format(**fill),
        "addresses": addresses[:MAX_LETTER_ADDRESSES],
        "more": extra,
        "after": [p.format(**fill) for p in parts["after"]],
        "closing": parts["closing"],
        "name": name,
        "placeholder": parts["placeholder"],
        "deadline": fill["deadline"],
    }


def _previous(previous: Mapping[str, Any], lang: str) -> dict[str, Any]:
    t = i18n.catalogue(lang)

    def label(group: str, value: Any) -> str:
        return str(t[group].get(str(value), value or ""))

    new = []
    for item in previous.get("new") or ():
        if isinstance(item, Finding):
            new.append(
                {
                    "title": item.result.title,
                    "url": item.result.url,
                    "category": label("category", item.classification.category.value),
                }
            )
        else:
            new.append(
                {
                    "title": item.get("title", ""),
                    "url": item.get("url", ""),
                    "category": label("category", item.get("category")),
                }
            )
    gone = [
        {
            "title": g.get("title", ""),
            "url": g.get("url", ""),
            "category": label("category", g.get("category")),
        }
        for g in previous.get("gone") or ()
    ]
    changed = []
    for ch in previous.get("changed") or ():
        notes = []
        if ch.get("old_category") != ch.get("new_category"):
            notes.append(
                i18n.text(
                    lang,
                    "since.category_change",
                    old=label("category", ch.get("old_category")),
                    new=label("category", ch.get("new_category")),
                )
            )
        if ch.get("old_status") != ch.get("new_status"):
            notes.append(
                i18n.text(
                    lang,
                    "since.status_change",
                    old=label("status", ch.get("old_status") or "none"),
                    new=label("status", ch.get("new_status") or "none"),
                )
            )
        changed.append(
            {"title": ch.get("title", ""), "url": ch.get("url", ""), "note": "; ".join(notes)}
        )
    return {
        "intro": i18n.text(
            lang, "since.intro", date=i18n.format_date(str(previous.get("date") or ""), lang)
        ),
        "new": new,
        "gone": gone,
        "changed": changed,
    }


def _tracked(tracked: Sequence[Mapping[str, Any]], lang: str) -> list[dict[str, Any]]:
    t = i18n.catalogue(lang)
    rows = []
    for item in tracked:
        channel = str(item.get("channel") or "")
        status = str(item.get("status") or "")
        rows.append(
            {
                "url": _clip(str(item.get("url") or ""), MAX_URL),
                "channel": t["channel"].get(channel, channel),
                "sent": i18n.format_date(str(item.get("sent") or ""), lang),
                "deadline": i18n.format_date(str(item.get("deadline") or ""), lang)
                or t["tracked"]["no_deadline"],
                "overdue": bool(item.get("overdue")),
                "status": t["request_status"].get(status, status),
            }
        )
    rows.sort(key=lambda r: not r["overdue"])
    return rows


def add_month(day: date) -> date:
    """The same day next month, or that month's last day (a GDPR answer deadline)."""
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _year_of(published: str | None) -> int | None:
    if published and published[:4].isdigit():
        return int(published[:4])
    return None


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _safe_href(url: str | None) -> str | None:
    """A link target only for http(s) addresses; anything else is shown as text alone."""
    if not url:
        return None
    scheme = urlsplit(url.strip()).scheme.lower()
    return url.strip() if scheme in ("http", "https") else None


def _css_string(text: str) -> str:
    out = text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ").replace("\n", " ")
    return f'"{out}"'


def _page_counter_css(meta: Mapping[str, Any]) -> str:
    """The CSS `content` value of the page-number footer, e.g. "Sivu " counter(page) …."""
    return (
        f"{_css_string(meta['page_before'])} counter(page) "
        f"{_css_string(meta['page_between'])} counter(pages) {_css_string(meta['page_after'])}"
    )
