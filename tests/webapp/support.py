"""Running the app on 127.0.0.1 for a test, and talking to it as a browser would."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import requests

from footprint.web.config import AppConfig
from footprint.web.server import make_app_server
from footprint.web.state import AppState


@dataclass
class RunningApp:
    config: AppConfig
    state: AppState

    @property
    def base(self) -> str:
        return self.config.url.rstrip("/")

    def url(self, path: str = "/") -> str:
        return self.base + path

    def session(self) -> requests.Session:
        """A client that has opened the printed address, so it holds the cookie."""
        session = requests.Session()
        answer = session.get(self.config.start_url, allow_redirects=False, timeout=10)
        assert answer.status_code == 303, answer.text
        return session

    def post(self, session: requests.Session, path: str, data: dict[str, str], **kw):  # type: ignore[no-untyped-def]
        """A same-origin form post with the CSRF token, as the app's own pages send it."""
        headers = {"Origin": self.base, **kw.pop("headers", {})}
        body = {"csrf": self.config.csrf_token, **data}
        return session.post(
            self.url(path), data=body, headers=headers, allow_redirects=False, timeout=30, **kw
        )


@contextmanager
def running_app(
    folder: Path, *, demo: bool = False, profile: Path | None = None
) -> Iterator[RunningApp]:
    config = AppConfig(
        port=0,
        profile_path=profile or folder / "profile.toml",
        store_path=folder / "footprint.db",
        demo=demo,
    )
    server, state = make_app_server(config, AppState(config))
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield RunningApp(config, state)
    finally:
        server.shutdown()
        server.server_close()
        state.close()
        thread.join(timeout=5)
