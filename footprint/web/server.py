"""The Flask application and the loopback server that runs it.

Flask (on Werkzeug) because the library is synchronous and threaded: each request and the
background audit run in plain threads, the routing, request parsing, upload limits and
cookie handling are well-kept code, and templates stay footprint's own Jinja2 environment.
"""

from __future__ import annotations

import logging
import socket
import threading
from collections.abc import Callable
from pathlib import Path

from flask import Flask, Response, g, jsonify, request
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

from footprint.errors import ExitStatus, FootprintError, UsageError
from footprint.web import i18n, security
from footprint.web.config import HOST, MAX_UPLOAD, AppConfig
from footprint.web.state import AppState

STATIC = Path(__file__).parent / "static"
HTTP_STATUS = {
    ExitStatus.INPUT: 400,
    ExitStatus.USAGE: 400,
    ExitStatus.CONFIG: 400,
    ExitStatus.STORE: 503,
    ExitStatus.NETWORK: 502,
}


def create_app(config: AppConfig, state: AppState | None = None) -> Flask:
    """The app for one start; `config.port` must be the port it is served on."""
    app = Flask("footprint.web", static_folder=str(STATIC), static_url_path="/static")
    app.config["MAX_CONTENT_LENGTH"] = MAX_UPLOAD
    app.extensions["footprint"] = state or AppState(config)
    security.install(app, config)
    _install_language(app)
    _install_errors(app)
    from footprint.web.views import register

    register(app)
    return app


def _install_language(app: Flask) -> None:
    @app.before_request
    def _language() -> None:
        from footprint.web.pages import state

        switched = request.args.get("lang") or request.cookies.get(i18n.LANG_COOKIE)
        g.switched = request.args.get("lang") if request.args.get("lang") in i18n.NAMES else None
        profile_languages: tuple[str, ...] = ()
        if switched not in i18n.NAMES:
            try:
                loaded = state().profile()
            except FootprintError:
                loaded = None
            profile_languages = loaded.profile.languages if loaded else ()
        accept = [value for value, _q in request.accept_languages]
        g.lang = i18n.choose(switched, profile_languages, accept)

    @app.after_request
    def _remember(response: Response) -> Response:
        if getattr(g, "switched", None):
            response.set_cookie(i18n.LANG_COOKIE, g.switched, samesite="Strict", httponly=True)
        return response


def _install_errors(app: Flask) -> None:
    from footprint.web.pages import render, wants_json

    @app.errorhandler(FootprintError)
    def _footprint_error(exc: FootprintError) -> Response:
        status = HTTP_STATUS.get(exc.exit_status, 500)
        if wants_json():
            response = jsonify(ok=False, error=str(exc))
            response.status_code = status
            return response
        return render("error.html.j2", status=status, message=str(exc))

    @app.errorhandler(RequestEntityTooLarge)
    def _too_large(exc: RequestEntityTooLarge) -> Response:
        return render("error.html.j2", status=413, message=g_text("errors", "too_large"))

    @app.errorhandler(404)
    def _not_found(exc: HTTPException) -> Response:
        return render("error.html.j2", status=404, message=g_text("errors", "not_found"))


def g_text(section: str, key: str) -> str:
    lang = getattr(g, "lang", "en")
    return str(i18n.catalogue(lang)[section][key])


class _QuietHandler(WSGIRequestHandler):
    """No request log on the terminal: the addresses carry what the person looks at."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        pass


def _check_port(port: int) -> None:
    """A port the app cannot have is a one-line error (Werkzeug would print and exit 1)."""
    if port == 0:
        return
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server will
        try:
            probe.bind((HOST, port))
        except OSError as exc:
            raise UsageError(
                f"--port {port}: cannot listen on {HOST}:{port} ({exc.strerror or exc}): "
                "choose another port, or leave --port out"
            ) from None


def make_app_server(
    config: AppConfig, state: AppState | None = None
) -> tuple[BaseWSGIServer, AppState]:
    """Bind 127.0.0.1 (port 0: a free one), then build the app for the port it got."""
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    _check_port(config.port)
    placeholder = Flask("footprint.web.placeholder")
    server = make_server(
        HOST, config.port, placeholder, threaded=True, request_handler=_QuietHandler
    )
    config.port = server.server_port
    state = state or AppState(config)
    server.app = create_app(config, state)
    return server, state


def serve(
    config: AppConfig,
    *,
    ready: Callable[[AppConfig], None] | None = None,
    stop: threading.Event | None = None,
) -> None:
    """Serve until Ctrl-C (or `stop` is set); then stop every running audit and close."""
    server, state = make_app_server(config)
    state.start_demo()
    if stop is not None:

        def stopper() -> None:
            stop.wait()
            server.shutdown()

        threading.Thread(target=stopper, daemon=True).start()
    try:
        if ready is not None:
            ready(config)
        server.serve_forever(poll_interval=0.2)
    finally:
        server.server_close()
        state.close()
