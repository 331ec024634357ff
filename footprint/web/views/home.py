"""`/`: the review when there is an audit to review, else the profile form."""

from __future__ import annotations

from flask import Blueprint, redirect, url_for
from werkzeug.wrappers import Response

from footprint.web.pages import state
from footprint.web.views.common import current_audit

bp = Blueprint("home", __name__)


@bp.get("/")
def index() -> Response:
    if current_audit(state().store()) is not None:
        return redirect(url_for("review.page"), code=303)
    if state().profile() is None:
        return redirect(url_for("profile.page"), code=303)
    return redirect(url_for("audit.page"), code=303)
