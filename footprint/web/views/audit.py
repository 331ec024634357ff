"""Audit: choose the search providers, run the audit in the background, watch it, cancel
it, resume it. Keys typed here are for this run only: kept in the job's memory, never
written anywhere, and dropped when the run ends.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, jsonify, redirect, request, url_for
from werkzeug.wrappers import Response

from footprint.errors import InputError
from footprint.web.pages import render, state
from footprint.web.views.common import form_text

bp = Blueprint("audit", __name__)


def _providers() -> list[dict[str, Any]]:
    """Each search provider the person can choose, whether it is set up, where to get a key."""
    from footprint import settings
    from footprint.search.providers import configured
    from search_providers.registry import KEYLESS_DEFAULT, PROVIDERS, SEARCH_ORDER

    env = settings.provider_env()
    out = []
    for name in (*SEARCH_ORDER, KEYLESS_DEFAULT):
        cls = PROVIDERS[name]
        out.append({
            "name": name,
            "variables": list(cls.env_vars),
            "configured": configured(name, env),
            "key_url": cls.key_url,
        })  # fmt: skip
    return out


def _person() -> Any:
    loaded = state().profile()
    if loaded is None:
        raise InputError("fill in your profile first: the audit searches for your name")
    return loaded.profile


@bp.get("/audit")
def page() -> Response:
    jobs = state().jobs()
    job = jobs.current
    unfinished = None
    loaded = state().profile()
    if loaded is not None and (job is None or not job.running):
        unfinished = state().store().unfinished_audit(loaded.profile.name)
    return render(
        "audit.html.j2",
        job=job.snapshot() if job else None,
        providers=_providers(),
        has_profile=loaded is not None,
        person=loaded.profile.name if loaded else "",
        unfinished=unfinished,
    )


@bp.get("/audit/status.json")
def status() -> Response:
    job = state().jobs().current
    return jsonify(job.snapshot() if job else {"running": False, "counts": {}})


def _chosen() -> tuple[list[str] | None, dict[str, str]]:
    known = {p["name"]: p for p in _providers()}
    names = [n for n in request.form.getlist("provider") if n in known]
    keys = {}
    for name in names:
        for variable in known[name]["variables"]:
            typed = form_text(f"key-{variable}", 500)
            if typed:
                keys[variable] = typed
    return names or None, keys


@bp.post("/audit/start")
def start() -> Response:
    from footprint.web.jobs import AuditRequest

    demo = state().config.demo
    names, keys = (None, {}) if demo else _chosen()
    state().jobs().start(AuditRequest(
        _person(), providers=names, keys=keys, offline=request.form.get("offline") == "1",
        demo=demo,
    ))  # fmt: skip
    return redirect(url_for("audit.page"), code=303)


@bp.post("/audit/resume")
def resume() -> Response:
    from footprint.web.jobs import AuditRequest

    names, keys = _chosen()
    state().jobs().start(AuditRequest(_person(), providers=names, keys=keys, resume=True))
    return redirect(url_for("audit.page"), code=303)


@bp.post("/audit/cancel")
def cancel() -> Response:
    state().jobs().cancel()
    return redirect(url_for("audit.page"), code=303)
