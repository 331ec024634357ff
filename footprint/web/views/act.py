"""Placeholder until the page lands."""

from __future__ import annotations

from flask import Blueprint
from werkzeug.wrappers import Response

from footprint.web.pages import render

bp = Blueprint("act", __name__)


@bp.get("/act")
def page() -> Response:
    return render("error.html.j2", status=404, message="")
