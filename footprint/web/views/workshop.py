"""Workshop: a participant sees exactly the share file before downloading it; the
facilitator makes the kit and code slips, drops the share files in, sees which were
refused and why, sees the group summary and downloads the group report. The library
does all of it as for `footprint workshop`; the page keeps files in memory only.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Any

from flask import Blueprint, g, redirect, request, url_for
from werkzeug.wrappers import Response

from footprint.errors import InputError, UsageError
from footprint.web.pages import render, state
from footprint.web.views.common import current_audit, form_text

if TYPE_CHECKING:
    from footprint.workshop.group import PreparedSummary
    from footprint.workshop.share import Share

bp = Blueprint("workshop", __name__)

MIN_GROUP = 5
MAX_RULES_FILE = 64 * 1024


def _share(code: str, marked: list[str]) -> Share:
    """The person's share from their latest audit, with their answers from the review."""
    from footprint.workshop.codes import parse_code
    from footprint.workshop.share import build_share

    store = state().store()
    audit = current_audit(store)
    if audit is None:
        raise InputError("no audit yet: run your audit first, then make your share")
    findings = store.load_findings(audit.id)
    return build_share(findings, marked, current_year=date.today().year,
                       code=str(parse_code(code)))  # fmt: skip


def _figures(ruleset: Any) -> dict[str, str]:
    """Per rule, the figures of the person's audit it is about (to help them decide)."""
    from footprint.workshop.catalogue import catalogue, topic_label
    from footprint.workshop.share import build_share, related_figures

    store = state().store()
    audit = current_audit(store)
    if audit is None:
        return {}
    counts = build_share(store.load_findings(audit.id), [], current_year=date.today().year,
                         code="")  # fmt: skip
    t = catalogue(g.lang)
    return {
        rule.id: ", ".join(f"{topic_label(k, t)} {n}" for k, n in related_figures(rule, counts))
        for rule in ruleset.rules
    }


def _summary() -> tuple[Any, PreparedSummary | None, str]:
    """(admission, prepared summary, why there is none) for the share files dropped in."""
    from footprint.workshop.group import admit_shares, prepare_summary
    from footprint.workshop.validate import check_shares

    pool = state().pool()
    with pool.lock:
        items = list(pool.shares)
    if not items:
        return None, None, ""
    ruleset = pool.ruleset()
    read = check_shares(items, ruleset.ids)
    store = state().store()
    try:
        admission = admit_shares(store, read, None)
    except (InputError, UsageError) as exc:
        return read, None, str(exc)
    try:
        prepared = prepare_summary(store, admission, ruleset.ids, given=len(items),
                                   min_group=MIN_GROUP)  # fmt: skip
    except InputError as exc:
        return admission, None, str(exc)
    return admission, prepared, ""


def _example() -> str:
    from footprint.workshop.codes import EXAMPLE

    return EXAMPLE


@bp.get("/workshop")
def page(**extra: Any) -> Response:
    pool = state().pool()
    ruleset = pool.ruleset()
    admission, prepared, problem = _summary()
    return render(
        "workshop.html.j2",
        rules=ruleset.rules,
        code_example=_example(),
        rule_texts={rule.id: rule.text_for(g.lang) for rule in ruleset.rules},
        custom_rules=pool.rules is not None,
        figures=_figures(ruleset),
        has_audit=current_audit(state().store()) is not None,
        kit_ready=bool(pool.kit),
        tag=pool.tag,
        dropped=len(pool.shares),
        admission=admission,
        prepared=prepared,
        problem=problem,
        **{"preview": "", "code": "", "marked": [], "share_error": "", **extra},
    )


@bp.post("/workshop/share")
def share() -> Response:
    code = form_text("code", 40)
    ruleset = state().pool().ruleset()
    marked = [r for r in request.form.getlist("rule") if r in ruleset.ids]
    try:
        built = _share(code, marked)
    except InputError as exc:
        return page(code=code, marked=marked, share_error=str(exc))
    if request.form.get("action") == "download":
        return Response(
            built.to_json(),
            mimetype="application/json",
            headers={"Content-Disposition": 'attachment; filename="share.json"'},
        )
    return page(code=code, marked=marked, preview=built.to_json())


@bp.post("/workshop/rules")
def rules() -> Response:
    from footprint.workshop.rules import parse_rules

    upload = request.files.get("file")
    if upload is None or not upload.filename:
        raise InputError("choose the rules file first (TOML)")
    data = upload.stream.read(MAX_RULES_FILE + 1)
    if len(data) > MAX_RULES_FILE:
        raise InputError("that rules file is too large (at most 64 KB)")
    name = re.sub(r"[^\w.-]", "_", upload.filename)[:80]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{name}: not UTF-8 text: save it as UTF-8") from None
    state().pool().rules = parse_rules(text, name)
    return redirect(url_for("workshop.page") + "#facilitator", code=303)


@bp.post("/workshop/kit")
def kit() -> Response:
    from footprint.workshop.kit import render_kit, render_slips
    from footprint.workshop.ledger import create_workshop

    try:
        participants = int(form_text("participants", 5) or "20")
    except ValueError:
        raise InputError("how many participants? write a number such as 20") from None
    if not 1 <= participants <= 500:
        raise InputError("the number of participants must be between 1 and 500")
    lang = form_text("lang", 5) or g.lang
    pool = state().pool()
    ruleset = pool.ruleset()
    made = create_workshop(state().store(), participants)
    tag = made.workshop.tag
    kit_pdf = render_kit(ruleset, lang, tag, participants)
    slips_pdf = render_slips(tag, made.codes, lang)
    with pool.lock:
        pool.kit, pool.slips, pool.tag = kit_pdf, slips_pdf, tag
    return redirect(url_for("workshop.page") + "#facilitator", code=303)


def _pdf(body: bytes, name: str) -> Response:
    if not body:
        return redirect(url_for("workshop.page") + "#facilitator", code=303)
    return Response(body, mimetype="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})  # fmt: skip


@bp.get("/workshop/kit.pdf")
def kit_pdf() -> Response:
    pool = state().pool()
    return _pdf(pool.kit, f"workshop-kit-{pool.tag}.pdf")


@bp.get("/workshop/codes.pdf")
def codes_pdf() -> Response:
    pool = state().pool()
    return _pdf(pool.slips, f"workshop-codes-{pool.tag}.pdf")


@bp.post("/workshop/shares")
def shares() -> Response:
    from footprint.web.workshop_pool import MAX_SHARE_FILES
    from footprint.workshop.validate import MAX_BYTES

    pool = state().pool()
    added = []
    for upload in request.files.getlist("files")[:MAX_SHARE_FILES]:
        name = re.sub(r"[^\w.-]", "_", upload.filename or "share")[:80]
        data = upload.stream.read(MAX_BYTES + 1)
        # a file too large or not text is passed on as it is: the strict reader rejects it
        text = (
            data.decode("utf-8", errors="replace")
            if len(data) <= MAX_BYTES
            else "x" * (MAX_BYTES + 1)
        )
        added.append((name, text))
    with pool.lock:
        pool.shares = (pool.shares + added)[:MAX_SHARE_FILES]
    return redirect(url_for("workshop.page") + "#summary", code=303)


@bp.post("/workshop/shares/clear")
def clear() -> Response:
    pool = state().pool()
    with pool.lock:
        pool.shares = []
    return redirect(url_for("workshop.page") + "#summary", code=303)


@bp.post("/workshop/summary.pdf")
def summary_pdf() -> Response:
    from footprint.workshop.group import record_summary
    from footprint.workshop.report import render_group

    _admission, prepared, problem = _summary()
    if prepared is None:
        raise InputError(problem or "drop the share files in first")
    lang = form_text("lang", 5) or g.lang
    body = render_group(prepared.summary, state().pool().ruleset(), lang, prepared.intake)
    record_summary(state().store(), prepared)  # later reports cannot be subtracted from it
    return _pdf(body, f"workshop-group-{prepared.admission.workshop.tag}.pdf")
