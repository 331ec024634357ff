"""`footprint app` as a person starts it: it prints its address once, serves it, and stops
cleanly on Ctrl-C."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from footprint.store import Store
from footprint.web.config import AppConfig
from tests.store_support import REPO, subprocess_env
from tests.webapp.web_fakes import fake_web


def test_prints_the_address_serves_it_and_stops_on_ctrl_c() -> None:
    child = subprocess.Popen(
        [sys.executable, "-m", "footprint", "app", "--no-browser"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO,
        env=subprocess_env(),
    )  # fmt: skip
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.startswith("footprint is running at http://127.0.0.1:"), line
        address = line.split(" at ", 1)[1].strip()
        assert "?token=" in address
        session = requests.Session()
        assert session.get(address, timeout=10).status_code == 200  # the profile form
        assert requests.get(address.split("?")[0], timeout=10).status_code == 403  # no key
        child.send_signal(signal.SIGINT)
        _out, err = child.communicate(timeout=15)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == 0
    assert "Stopped" in err and "Traceback" not in err


def _launch(env: dict[str, str]) -> tuple[subprocess.Popen[str], str]:
    """`footprint app --no-browser` and the address it printed."""
    child = subprocess.Popen(
        [sys.executable, "-m", "footprint", "app", "--no-browser"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO, env=env,
    )  # fmt: skip
    assert child.stdout is not None
    return child, child.stdout.readline().split(" at ", 1)[1].strip()


def _start(env: dict[str, str]) -> tuple[subprocess.Popen[str], str, requests.Session, str]:
    child, address = _launch(env)
    session = requests.Session()
    session.get(address, timeout=10)
    secret = address.split("?token=", 1)[1]
    return child, address.split("?")[0], session, AppConfig(secret=secret).csrf_token


def _post(session: requests.Session, base: str, path: str, csrf: str) -> None:
    answer = session.post(base + path.lstrip("/"), data={"csrf": csrf}, timeout=10,
                          headers={"Origin": base.rstrip("/")}, allow_redirects=False)  # fmt: skip
    assert answer.status_code == 303, answer.text


@pytest.mark.usefixtures("allow_loopback")
def test_killed_mid_audit_loses_nothing_and_resumes(tmp_path: Path) -> None:
    env = subprocess_env()
    home = Path(env["FOOTPRINT_HOME"])
    home.mkdir(parents=True, exist_ok=True)
    (home / "profile.toml").write_text('name = "Laura Hietanen"\nlocations = ["Tampere"]\n')
    with fake_web(delay=0.3) as web:
        env.update(SEARXNG_URL=web.searx.url, FOOTPRINT_ALLOW_PRIVATE="1",
                   FOOTPRINT_ARCHIVE_URL=web.pages.url("").rstrip("/"))  # fmt: skip
        child, base, session, csrf = _start(env)
        try:
            _post(session, base, "/audit/start", csrf)
            deadline = time.monotonic() + 60
            while (
                session.get(base + "audit/status.json", timeout=10).json()["counts"]["search"][
                    "done"
                ]
                < 2
            ):
                assert time.monotonic() < deadline
                time.sleep(0.1)
        finally:
            child.kill()  # no goodbye: as if the computer was switched off
            child.wait(timeout=10)
        with Store.open(home / "footprint.db") as store:
            (stopped,) = store.audits()
            assert not stopped.complete

        child, base, session, csrf = _start(env)
        try:
            page = session.get(base + "audit?lang=en", timeout=10).text
            assert "An unfinished audit" in page
            _post(session, base, "/audit/resume", csrf)
            deadline = time.monotonic() + 120
            while session.get(base + "audit/status.json", timeout=10).json()["running"]:
                assert time.monotonic() < deadline
                time.sleep(0.2)
            status = session.get(base + "audit/status.json", timeout=10).json()
            assert status["outcome"] == "done", status
        finally:
            child.send_signal(signal.SIGINT)
            child.wait(timeout=15)
    with Store.open(home / "footprint.db") as store:
        (finished,) = store.audits()
        assert finished.complete and finished.results == 5


def test_a_port_in_use_is_one_line_and_exit_2() -> None:
    import socket

    from tests.store_support import cli

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = cli("app", "--no-browser", "--port", str(port))
    assert result.exit_code == 2
    assert f"--port {port}: cannot listen on 127.0.0.1:{port}" in result.stderr
    assert "Traceback" not in result.stderr


def test_what_it_says_about_the_address_is_true() -> None:
    """The printed address opens the app in a second browser too (a reopened tab), so the
    message may not say it works once; it says to keep the address to this computer."""
    child, address = _launch(subprocess_env())
    try:
        assert child.stdout is not None
        said = child.stdout.readline()
        for _ in range(2):
            assert requests.Session().get(address, timeout=10).status_code == 200
        child.send_signal(signal.SIGINT)
        child.communicate(timeout=15)
    finally:
        if child.poll() is None:
            child.kill()
    assert "once" not in said and "this computer" in said, said
