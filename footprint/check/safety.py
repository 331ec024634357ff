"""Which addresses may be fetched: http and https to public hosts only.

An address whose host is, or resolves to, a loopback, private, link-local or otherwise
non-public address is not fetched unless FOOTPRINT_ALLOW_PRIVATE=1 is set: a search
result must not make footprint probe the person's own network.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from footprint import settings
from footprint.check.failures import outcome_for_error
from footprint.check.verdict import Outcome
from footprint.models import PageStatus

ALLOW_PRIVATE_ENV = settings.ALLOW_PRIVATE
Addresses = tuple[str, ...]  # the checked addresses a fetch may connect to
SCHEMES = frozenset({"http", "https"})


def allow_private_from_env() -> bool:
    return settings.allow_private()


_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")  # RFC 6052: an IPv4 address in the last 32 bits
_NAT64_LOCAL = ipaddress.IPv6Network("64:ff9b:1::/48")  # RFC 8215: local use only
_V4_COMPATIBLE = ipaddress.IPv6Network("::/96")  # deprecated ::a.b.c.d


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses an IPv6 address carries: mapped, compatible, NAT64, 6to4, Teredo."""
    found = [a for a in (ip.ipv4_mapped, ip.sixtofour) if a is not None]
    found += list(ip.teredo or ())
    if ip in _NAT64 or ip in _V4_COMPATIBLE:
        found.append(ipaddress.IPv4Address(ip.packed[12:]))
    return found


def _non_public(address: str) -> bool:
    """Whether an address is loopback, private, link-local, reserved or multicast — also
    when it is written as an IPv6 address that carries such an IPv4 address
    (`::127.0.0.1`, `::ffff:10.0.0.1`, `64:ff9b::a00:1`, `2002:7f00:1::`)."""
    try:
        ip = ipaddress.ip_address(address.split("%")[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        if ip in _NAT64_LOCAL:
            return True
        if any(_non_public(str(v4)) for v4 in _embedded_ipv4(ip)):
            return True
    return not ip.is_global or ip.is_multicast


def _skip(reason: str) -> Outcome:
    return Outcome(PageStatus.SKIPPED, reason)


def check_address(url: str, *, allow_private: bool, resolve: bool = True) -> Outcome | None:
    """Why `url` must not be fetched (or is certainly gone), or None when it may be."""
    vetted = vet_address(url, allow_private=allow_private, resolve=resolve)
    return vetted if isinstance(vetted, Outcome) else None


def vet_address(url: str, *, allow_private: bool, resolve: bool = True) -> Outcome | Addresses:
    """Why `url` must not be fetched, or the addresses it may be fetched from.

    With `resolve`, the host is looked up here, once: a name that does not exist is `gone`,
    a temporary DNS failure `unreachable`, and the addresses found are the only ones the
    fetch may connect to (`connect` pins them), so a second lookup cannot change them.
    Without (behind a proxy, which resolves names itself) only literal addresses and
    `localhost` are checked, and the addresses are empty: the proxy connects.
    """
    try:
        parts = urlsplit(url)
        host = parts.hostname
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError:
        return _skip("not a valid address")
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        return _skip(f"not a web address ({scheme or 'no scheme'}:), not fetched")
    if not host:
        return _skip("the address has no host")
    literal = _literal(host)
    if host.lower().rstrip(".") == "localhost" or host.lower().endswith(".localhost"):
        addresses: Addresses = ("127.0.0.1",)
    elif literal:
        addresses = (literal,)
    elif not resolve:
        return ()
    else:
        try:
            found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as exc:
            if isinstance(exc, UnicodeError):
                return _skip("the host name is not valid")
            return outcome_for_error(exc)
        addresses = tuple(dict.fromkeys(str(info[4][0]) for info in found))
    private = [a for a in addresses if _non_public(a)]
    if private and not allow_private:
        return _skip(
            f"{host} is a private or local address ({private[0]}); "
            f"set {ALLOW_PRIVATE_ENV}=1 to check it"
        )
    return addresses if resolve else ()


def _literal(host: str) -> str | None:
    """The address a host written as a number stands for: `::1`, `127.0.0.1`, and the
    shorthands the C library also reads (`127.1`, `2130706433`, `0x7f.0.0.1`)."""
    try:
        return str(ipaddress.ip_address(host.split("%")[0]))
    except ValueError:
        pass
    if not host or not all(c in "0123456789abcdefxABCDEFX." for c in host):
        return None
    try:
        return socket.inet_ntoa(socket.inet_aton(host))
    except OSError:
        return None
