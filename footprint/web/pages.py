"""Rendering a page: the app's templates (templates/app/) with what every page needs."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from flask import Response, current_app, g, request, url_for

from footprint.report import i18n as report_i18n
from footprint.templating import environment
from footprint.web import i18n
from footprint.web.state import AppState


def state() -> AppState:
    found: AppState = current_app.extensions["footprint"]
    return found


def lang_url(code: str) -> str:
    """This page in another language."""
    args = {k: v for k, v in request.args.items() if k != "lang"}
    args["lang"] = code
    return f"{request.path}?{urlencode(args)}"


def render(template: str, *, status: int = 200, **context: Any) -> Response:
    lang = g.get("lang") or "en"  # a request refused before its language was chosen
    body = (
        environment()
        .get_template(f"app/{template}")
        .render(
            t=i18n.catalogue(lang),
            r=report_i18n.catalogue(lang),
            lang=lang,
            languages=i18n.NAMES,
            lang_url=lang_url,
            csrf=g.get("csrf", ""),
            url_for=url_for,
            endpoint=request.endpoint or "",
            here=request.full_path.rstrip("?"),
            request_audit=request.args.get("audit", ""),
            demo=state().config.demo,
            **context,
        )
    )
    return Response(body, status=status, mimetype="text/html")


def wants_json() -> bool:
    return "application/json" in request.headers.get("Accept", "")
