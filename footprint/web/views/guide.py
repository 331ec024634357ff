"""Guide: the professionals' checklist and "protect your contact details", from the same
library data and functions as the PDF report (footprint/guidance, footprint/report)."""

from __future__ import annotations

from flask import Blueprint, g
from werkzeug.wrappers import Response

from footprint.web.pages import render

bp = Blueprint("guide", __name__)


@bp.get("/guide")
def page() -> Response:
    from footprint.report.context import checklist_items
    from footprint.report.routes import levers_content

    return render(
        "guide.html.j2",
        checklist=checklist_items(g.lang),
        levers=levers_content(g.lang),
    )
