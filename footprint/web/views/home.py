"""`/`: the running audit, else the review when there is an audit, else the profile form."""

from __future__ import annotations

from flask import Blueprint, redirect, url_for
from werkzeug.wrappers import Response

from footprint.web.pages import state
from footprint.web.views.common import current_audit

bp = Blueprint("home", __name__)


@bp.get("/")
def index() -> Response:
    job = state().jobs().current
    if job is not None and job.running:  # e.g. the demo's audit, started with the app
        return redirect(url_for("audit.page"), code=303)
    if current_audit(state().store()) is not None:
        return redirect(url_for("review.page"), code=303)
    if state().profile() is None:
        return redirect(url_for("profile.page"), code=303)
    return redirect(url_for("audit.page"), code=303)
