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
SCHEMES = frozenset({"http", "https"})


def allow_private_from_env() -> bool:
    return settings.allow_private()


def _non_public(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address.split("%")[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return not ip.is_global or ip.is_multicast


def _skip(reason: str) -> Outcome:
    return Outcome(PageStatus.SKIPPED, reason)


def check_address(url: str, *, allow_private: bool, resolve: bool = True) -> Outcome | None:
    """Why `url` must not be fetched (or is certainly gone), or None when it may be.

    With `resolve`, the host is looked up here: a name that does not exist is `gone`
    and a temporary DNS failure `unreachable`. Without (behind a proxy, which resolves
    names itself) only literal addresses and `localhost` are checked.
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
    if allow_private and not resolve:
        return None
    if host.lower().rstrip(".") == "localhost" or host.lower().endswith(".localhost"):
        addresses = ["127.0.0.1"]
    elif _is_literal(host) or not resolve:
        addresses = [host]
    else:
        try:
            found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as exc:
            if isinstance(exc, UnicodeError):
                return _skip("the host name is not valid")
            return outcome_for_error(exc)
        addresses = [str(info[4][0]) for info in found]
    private = [a for a in addresses if _non_public(a)]
    if private and not allow_private:
        return _skip(
            f"{host} is a private or local address ({private[0]}); "
            f"set {ALLOW_PRIVATE_ENV}=1 to check it"
        )
    return None


def _is_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host.split("%")[0])
    except ValueError:
        return False
    return True
