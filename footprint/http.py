"""The network edge: how footprint identifies itself and builds its HTTP sessions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from footprint import __version__

if TYPE_CHECKING:
    import requests

USER_AGENT = f"footprint/{__version__} (personal digital-footprint self-audit)"


def new_session() -> requests.Session:
    """A plain `requests` session that names the tool.

    `requests` honours HTTPS_PROXY, NO_PROXY and REQUESTS_CA_BUNDLE from the
    environment by default (`trust_env`); keep it that way.
    """
    import requests

    session = requests.Session()
    session.headers["User-Agent"] = USER_AGENT
    return session
