"""The test setup itself: the internet is out of reach, loopback is not."""

import socket

import pytest

from tests.conftest import InternetBlocked


def test_public_address_is_blocked() -> None:
    with socket.socket() as s, pytest.raises(InternetBlocked):
        s.connect(("93.184.216.34", 80))


def test_public_name_lookup_is_blocked() -> None:
    with pytest.raises(InternetBlocked):
        socket.getaddrinfo("example.com", 443)


def test_invalid_tld_is_nxdomain() -> None:
    with pytest.raises(socket.gaierror) as info:
        socket.getaddrinfo("no-such-magazine.invalid", 80)
    assert info.value.errno == socket.EAI_NONAME


def test_loopback_is_allowed() -> None:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        with socket.create_connection(server.getsockname(), timeout=2):
            pass
