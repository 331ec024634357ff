"""The app's pages, one blueprint each."""

from __future__ import annotations

from flask import Flask


def register(app: Flask) -> None:
    from footprint.web.views import act, audit, guide, home, profile, report, review, workshop

    for module in (home, profile, audit, review, act, guide, report, workshop):
        app.register_blueprint(module.bp)
