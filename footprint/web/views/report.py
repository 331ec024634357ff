"""Report and history: the PDF or HTML of an audit as reviewed (the person's corrections
in it), in Finnish, Swedish or English; the saved audits and what changed since the one
before. The report is the library's (`footprint.pipeline`), exactly as `footprint report`
renders it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from flask import Blueprint, g, request
from werkzeug.wrappers import Response

from footprint.errors import InputError
from footprint.settings import LANGUAGES
from footprint.store import AuditInfo
from footprint.web.pages import render, state
from footprint.web.views.common import current_audit

bp = Blueprint("report", __name__)

FORMATS = {"pdf": "application/pdf", "html": "text/html"}


def _changes(audit: AuditInfo) -> dict[str, Any] | None:
    store = state().store()
    previous = store.previous_audit(audit.id)
    if previous is None:
        return None
    diff = store.diff(previous.id, audit.id)
    return {
        "previous": previous,
        "new": [f.result for f in diff.new],
        "gone": [f.result for f in diff.gone],
        "changed": [c.to_dict() for c in diff.changed],
    }


@bp.get("/report")
def page() -> Response:
    store = state().store()
    audit = current_audit(store)
    audits = list(reversed(store.audits(audit.name))) if audit else []
    return render(
        "report.html.j2",
        audit=audit,
        audits=audits,
        changes=_changes(audit) if audit else None,
        langs=LANGUAGES,
    )


@bp.get("/report/download")
def download() -> Response:
    from footprint.pipeline import render_report, saved_report_data, slug

    audit = current_audit(state().store())
    if audit is None:
        raise InputError("no audit yet: run an audit first")
    lang = request.args.get("lang") or g.lang
    fmt = request.args.get("format") or "pdf"
    if lang not in LANGUAGES or fmt not in FORMATS:
        raise InputError(f"no report in {lang!r} as {fmt!r}: use fi, sv or en, and pdf or html")
    now = datetime.now().astimezone()
    data = saved_report_data(audit.id, now=now, store_path=state().store_path)
    body = render_report(data, lang=lang, generated=now, formats=(fmt,))[fmt]
    name = f"{slug(audit.name)}-{audit.date}-{lang}.{fmt}"
    return Response(
        body,
        mimetype=FORMATS[fmt],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
