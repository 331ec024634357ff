"""The app's pages, one blueprint each."""

from __future__ import annotations

from flask import Flask


def register(app: Flask) -> None:
    from footprint.web.views import act, audit, home, profile, report, review, workshop

    for module in (home, profile, audit, review, act, report, workshop):
        app.register_blueprint(module.bp)
