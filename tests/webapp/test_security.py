"""The app's guards, over real HTTP on loopback: host, secret, origin, token, headers."""

from __future__ import annotations

import re

import requests

from footprint.web.security import COOKIE
from tests.webapp.data import HOSTILE_TITLE, seed
from tests.webapp.support import RunningApp


def test_listens_on_loopback_only(app: RunningApp) -> None:
    assert app.config.url.startswith("http://127.0.0.1:")
    assert app.config.port > 0


def test_every_page_needs_the_secret(app: RunningApp) -> None:
    for path in ("/", "/review", "/profile", "/static/app.js"):
        answer = requests.get(app.url(path), timeout=10, allow_redirects=False)
        assert answer.status_code == 403, path
        assert answer.headers["X-Footprint-Refused"] == "secret"
    wrong = requests.get(app.url("/?token=not-the-secret"), timeout=10, allow_redirects=False)
    assert wrong.status_code == 403
    forged = requests.get(app.url("/review"), cookies={COOKIE: "guess"}, timeout=10)
    assert forged.status_code == 403


def test_printed_address_becomes_a_strict_cookie_and_is_cleaned(app: RunningApp) -> None:
    answer = requests.get(app.config.start_url + "&lang=sv", timeout=10, allow_redirects=False)
    assert answer.status_code == 303
    assert answer.headers["Location"] == "/?lang=sv"  # the secret is not kept in the address
    cookie = answer.headers["Set-Cookie"]
    assert f"{COOKIE}={app.config.secret}" in cookie
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie


def test_a_rebound_host_name_is_refused(app: RunningApp) -> None:
    session = app.session()
    for host in ("attacker.example", f"attacker.example:{app.config.port}", "127.0.0.1:1"):
        answer = session.get(app.url("/review"), headers={"Host": host}, timeout=10)
        assert answer.status_code == 421, host
        assert answer.headers["X-Footprint-Refused"] == "host"
    assert session.get(app.url("/review"), timeout=10).status_code == 200
    local = requests.get(app.url("/review"), headers={"Host": f"localhost:{app.config.port}"},
                         cookies={COOKIE: app.config.secret}, timeout=10)  # fmt: skip
    assert local.status_code == 200


def test_state_changes_need_our_origin_and_the_token(app: RunningApp) -> None:
    seed(app.state.store())
    session = app.session()
    target = {"url": "https://oulu.example/laura", "category": "namesake"}
    no_origin = session.post(app.url("/review/label"), timeout=10,
                             data={**target, "csrf": app.config.csrf_token})  # fmt: skip
    assert no_origin.status_code == 403 and no_origin.headers["X-Footprint-Refused"] == "origin"
    other = app.post(session, "/review/label", target, headers={"Origin": "http://evil.example"})
    assert other.status_code == 403 and other.headers["X-Footprint-Refused"] == "origin"
    null = app.post(session, "/review/label", target, headers={"Origin": "null"})
    assert null.status_code == 403
    missing = session.post(app.url("/review/label"), data=target, timeout=10,
                           headers={"Origin": app.base})  # fmt: skip
    assert missing.status_code == 403 and missing.headers["X-Footprint-Refused"] == "token"
    wrong = app.post(session, "/review/label", {**target, "csrf": "0" * 64})
    assert wrong.status_code == 403
    assert app.state.store().labels() == []  # nothing refused was saved
    done = app.post(session, "/review/label", target)
    assert done.status_code == 303
    assert [(lb.url, lb.category.value) for lb in app.state.store().labels()] == [
        ("https://oulu.example/laura", "namesake")
    ]


def test_strict_headers_on_every_answer(app: RunningApp) -> None:
    session = app.session()
    for path in ("/review", "/static/app.css", "/no-such-page"):
        answer = session.get(app.url(path), timeout=10)
        csp = answer.headers["Content-Security-Policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp, path
        assert "unsafe-inline" not in csp and "object-src 'none'" in csp
        assert answer.headers["X-Content-Type-Options"] == "nosniff"
        if not path.startswith("/static/"):
            assert answer.headers["Cache-Control"] == "no-store"
    refused = requests.get(app.url("/"), timeout=10)
    assert "default-src 'self'" in refused.headers["Content-Security-Policy"]


def test_pages_load_nothing_from_outside_and_run_no_inline_script(app: RunningApp) -> None:
    seed(app.state.store())
    html = app.session().get(app.url("/review"), timeout=10).text
    assert not re.search(r"<script(?![^>]*\bsrc=\"/static/)", html)
    for attr in re.findall(r'(?:src|href)="([^"]+)"', html):
        if attr.startswith(("http://", "https://", "//")):
            assert re.search(r'<a [^>]*href="' + re.escape(attr), html), attr  # links only
    assert not re.search(r'<link[^>]+href="(https?:)?//', html)
    assert " style=" not in html


def test_hostile_result_text_is_escaped(app: RunningApp) -> None:
    seed(app.state.store())
    html = app.session().get(app.url("/review"), timeout=10).text
    assert "<script>window.__pwned" not in html
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    assert "<img src=x" not in html and "<svg onload" not in html
    assert 'href="javascript:' not in html
    assert HOSTILE_TITLE not in html


def test_oversized_upload_is_refused(app: RunningApp) -> None:
    session = app.session()
    answer = session.post(
        app.url("/profile/import"),
        files={"file": ("p.toml", b"x" * 2_000_000)},
        data={"csrf": app.config.csrf_token},
        headers={"Origin": app.base},
        timeout=30,
    )
    assert answer.status_code == 413
