"""`footprint app` as a person starts it: it prints its address once, serves it, and stops
cleanly on Ctrl-C."""

from __future__ import annotations

import signal
import subprocess
import sys

import requests

from tests.store_support import REPO, subprocess_env


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
