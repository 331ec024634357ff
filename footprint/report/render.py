"""Render a report context to HTML and to a tagged PDF (nothing is fetched while rendering)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from footprint.errors import ReportError

TEMPLATE = "report/report.html.j2"


def render_report_html(context: Mapping[str, Any]) -> str:
    """The report as one self-contained HTML page (CSS inline, no outside resources)."""
    import jinja2

    from footprint.templating import render_html

    try:
        return render_html(TEMPLATE, dict(context))
    except jinja2.TemplateNotFound as exc:
        raise ReportError(
            f"the report template {exc.name} is missing: reinstall footprint"
        ) from None
    except FileNotFoundError as exc:
        raise ReportError(str(exc)) from None


def render_report_pdf(context: Mapping[str, Any], *, one_shot: bool = False) -> bytes:
    """The report as a tagged PDF with title, author, language, bookmarks and page numbers.

    `one_shot=True` when the process ends soon after (the CLI), see `render_pdf`.
    """
    from footprint.templating import render_pdf

    html = render_report_html(context)
    try:
        return render_pdf(html, one_shot=one_shot)
    except OSError as exc:  # Pango or a font library missing
        raise ReportError(
            f"cannot render the PDF ({exc}): run 'make sysdeps' to install Pango and fonts"
        ) from None
