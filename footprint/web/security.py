"""The app's guards: loopback Host only, the per-start secret, Origin + CSRF on changes.

- `Host` must be the address the app serves (`127.0.0.1:PORT` or `localhost:PORT`), so a
  web page whose domain is re-bound to 127.0.0.1 (DNS rebinding) is refused.
- The printed address carries a random secret once (`?token=`); it becomes an HttpOnly,
  SameSite=Strict cookie and the address is cleaned. Without the cookie every page is
  refused.
- Every state change (anything but GET/HEAD) needs an `Origin` of the app itself and the
  CSRF token (a form field or the `X-CSRF-Token` header).
- Every answer carries a strict Content-Security-Policy; no page is ever cached.
"""

from __future__ import annotations

import hmac
from urllib.parse import urlencode

from flask import Flask, Response, g, redirect, request

from footprint.web.config import AppConfig

COOKIE = "footprint_app"
SAFE_METHODS = frozenset({"GET", "HEAD"})
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; "
    "object-src 'none'; frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",  # Origin stays on our own POSTs; nothing leaks outside
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cache-Control": "no-store",
}

# Plain words in every UI language: the refusal comes before any language is chosen.
_REFUSED = {
    "host": "This address is not footprint's. Open the address footprint app printed. / "
    "Tämä ei ole footprintin osoite. / Det här är inte footprints adress.",
    "secret": "Open the address that 'footprint app' printed in the terminal (it carries a "
    "one-time key). / Avaa osoite, jonka 'footprint app' tulosti. / Öppna adressen som "
    "'footprint app' skrev ut.",
    "origin": "Refused: this change did not come from footprint's own page.",
    "token": "Refused: the form's security token is missing or wrong. Reload the page and "
    "try again.",
}


def refused(kind: str, status: int = 403) -> Response:
    response = Response(_REFUSED[kind] + "\n", status=status, mimetype="text/plain")
    response.headers["X-Footprint-Refused"] = kind
    return response


def _same(a: str | None, b: str) -> bool:
    return a is not None and hmac.compare_digest(a.encode(), b.encode())


def install(app: Flask, config: AppConfig) -> None:
    """Put the guards in front of every view and the headers on every answer."""

    @app.before_request
    def _guard() -> Response | None:
        if request.host not in config.hosts:
            return refused("host", 421 if request.host else 400)
        token = request.args.get("token")
        if token is not None and request.method in SAFE_METHODS:
            if not _same(token, config.secret):
                return refused("secret")
            rest = {k: v for k, v in request.args.items() if k != "token"}
            target = request.path + (f"?{urlencode(rest)}" if rest else "")
            response = redirect(target, code=303)
            response.set_cookie(COOKIE, config.secret, httponly=True, samesite="Strict", path="/")
            return response  # type: ignore[return-value]
        if not _same(request.cookies.get(COOKIE), config.secret):
            return refused("secret")
        if request.method not in SAFE_METHODS:
            if request.headers.get("Origin") not in config.origins:
                return refused("origin")
            sent = request.headers.get("X-CSRF-Token") or request.form.get("csrf")
            if not _same(sent, config.csrf_token):
                return refused("token")
        g.csrf = config.csrf_token
        return None

    @app.after_request
    def _headers(response: Response) -> Response:
        for name, value in HEADERS.items():
            response.headers[name] = value
        if request.endpoint == "static":  # the app's own files: nothing personal in them
            response.headers["Cache-Control"] = "private, max-age=3600"
        return response
