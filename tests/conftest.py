"""Test setup: no test may reach beyond this machine.

Every socket connection and name lookup is checked: loopback is allowed, names under
the reserved `.invalid` TLD fail as NXDOMAIN (RFC 6761), anything else fails the test.
"""

from __future__ import annotations

import ipaddress
import socket
from pathlib import Path

import pytest

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
_real_getaddrinfo = socket.getaddrinfo

LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}


class InternetBlocked(RuntimeError):
    """A test tried to reach a host that is not this machine."""


def _is_loopback(host: object) -> bool:
    if not isinstance(host, str):
        return False
    if host.lower().rstrip(".") in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


def _check_address(address: object) -> None:
    if isinstance(address, tuple) and address and not _is_loopback(address[0]):
        raise InternetBlocked(f"tests may not connect to {address[0]!r}")


def _guarded_connect(self: socket.socket, address: object) -> None:
    if self.family in (socket.AF_INET, socket.AF_INET6):
        _check_address(address)
    return _real_connect(self, address)  # type: ignore[arg-type]


def _guarded_connect_ex(self: socket.socket, address: object) -> int:
    if self.family in (socket.AF_INET, socket.AF_INET6):
        _check_address(address)
    return _real_connect_ex(self, address)  # type: ignore[arg-type]


def _guarded_getaddrinfo(host, *args, **kwargs):  # type: ignore[no-untyped-def]
    if isinstance(host, bytes):
        host = host.decode()
    if host is None or _is_loopback(host):
        return _real_getaddrinfo(host, *args, **kwargs)
    if host.lower().rstrip(".").endswith(".invalid"):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
    raise InternetBlocked(f"tests may not look up {host!r}")


def _install_guard() -> None:
    socket.socket.connect = _guarded_connect  # type: ignore[method-assign]
    socket.socket.connect_ex = _guarded_connect_ex  # type: ignore[method-assign]
    socket.getaddrinfo = _guarded_getaddrinfo


def pytest_configure(config: pytest.Config) -> None:
    _install_guard()


@pytest.fixture(autouse=True)
def _network_guard() -> None:
    """Put the guard back before each test, in case a plugin or test replaced it."""
    _install_guard()


@pytest.fixture
def allow_loopback(monkeypatch: pytest.MonkeyPatch) -> None:
    """Let the page check fetch 127.0.0.1, where the tests' servers are."""
    monkeypatch.setenv("FOOTPRINT_ALLOW_PRIVATE", "1")


@pytest.fixture(scope="session")
def _shared_lemma_tables(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """One folder of lemma tables: public dictionary data, built once and kept.

    They are kept in pytest's cache folder (`.pytest_cache/`, as `make clean` or a clean
    clone leaves none) so that only the first run builds them; their file names carry
    simplemma's version. `tests/test_lemma_tables.py` builds a table afresh every run.
    """
    cache = getattr(request.config, "cache", None)
    if cache is None:  # run with -p no:cacheprovider
        return tmp_path_factory.mktemp("lemma-tables")
    return Path(cache.mkdir("lemma-tables"))


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    _shared_lemma_tables: Path,
) -> Path:
    """Every test gets its own FOOTPRINT_HOME and never touches the user's data.

    Only the lemma tables (about 140 MB of public dictionary data that take ~20 s to
    build) are shared through FOOTPRINT_LEMMA_TABLES, so they are built once.
    FOOTPRINT_RETRY_WAIT makes the retries of failing search services quick.
    """
    home = tmp_path_factory.mktemp("footprint-home")
    monkeypatch.setenv("FOOTPRINT_LEMMA_TABLES", str(_shared_lemma_tables))
    monkeypatch.setenv("FOOTPRINT_HOME", str(home))
    # Search services that fail are still retried, after 10 ms instead of 1 s and 2 s: the
    # waits themselves are tested with an injected sleep (tests/test_search_providers.py).
    monkeypatch.setenv("FOOTPRINT_RETRY_WAIT", "0.01")
    for key in (
        "BRAVE_API_KEY",
        "SERPAPI_API_KEY",
        "GOOGLE_API_KEY",
        "GOOGLE_CSE_ID",
        "SEARXNG_URL",
    ):
        monkeypatch.delenv(key, raising=False)
    return home


DATA = Path(__file__).parent / "data"
