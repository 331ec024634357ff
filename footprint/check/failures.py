"""What a failed fetch means: the page is gone, or we could not tell.

A name that does not exist (NXDOMAIN) or a refused connection means `gone`; a temporary
DNS failure, a timeout, a TLS error or a dropped connection means `unreachable`.
"""

from __future__ import annotations

import errno
import socket
from collections.abc import Iterator

from footprint.check.verdict import Outcome
from footprint.models import PageStatus

_NO_SUCH_NAME = {socket.EAI_NONAME, getattr(socket, "EAI_NODATA", socket.EAI_NONAME)}
NO_SUCH_NAME = Outcome(PageStatus.GONE, "the name does not exist (NXDOMAIN)")


class Stopped(Exception):
    """The total deadline passed while this page was being checked."""


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """The exception and everything it wraps (urllib3 and requests nest them)."""
    seen: set[int] = set()
    todo = [exc]
    while todo:
        current = todo.pop(0)
        if id(current) in seen or len(seen) > 20:
            continue
        seen.add(id(current))
        yield current
        wrapped = [current.__cause__, current.__context__, getattr(current, "reason", None)]
        wrapped += [a for a in current.args if isinstance(a, BaseException)]
        todo += [w for w in wrapped if isinstance(w, BaseException)]


def outcome_for_error(exc: BaseException) -> Outcome:
    """The page status a fetch error stands for."""
    import requests

    if isinstance(exc, Stopped):
        return Outcome(PageStatus.UNREACHABLE, "deadline: the check ran out of time")
    for cause in _causes(exc):
        if isinstance(cause, socket.gaierror):
            if cause.errno in _NO_SUCH_NAME:
                return NO_SUCH_NAME
            return Outcome(PageStatus.UNREACHABLE, f"temporary DNS failure: {cause.strerror}")
        if isinstance(cause, ConnectionRefusedError) or (
            isinstance(cause, OSError) and cause.errno == errno.ECONNREFUSED
        ):
            return Outcome(PageStatus.GONE, "connection refused: nothing serves the site")
    if isinstance(exc, requests.exceptions.SSLError):
        return Outcome(PageStatus.UNREACHABLE, "TLS error: the certificate or encryption failed")
    if isinstance(exc, requests.exceptions.ProxyError):
        return Outcome(PageStatus.UNREACHABLE, "the proxy failed to connect")
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return Outcome(PageStatus.UNREACHABLE, "timed out while connecting, also on retry")
    if isinstance(exc, requests.exceptions.Timeout):
        return Outcome(PageStatus.UNREACHABLE, "timed out waiting for the page, also on retry")
    if isinstance(exc, requests.exceptions.InvalidURL | requests.exceptions.InvalidSchema):
        return Outcome(PageStatus.SKIPPED, f"not a valid address: {exc}")
    if isinstance(exc, requests.exceptions.RequestException):
        return Outcome(PageStatus.UNREACHABLE, f"the connection failed: {type(exc).__name__}")
    return Outcome(PageStatus.UNREACHABLE, f"the check failed: {type(exc).__name__}")


def is_transient(exc: BaseException) -> bool:
    """Whether one retry may help: timeouts, dropped connections, temporary DNS failures."""
    import requests

    if isinstance(exc, Stopped | requests.exceptions.SSLError | requests.exceptions.InvalidURL):
        return False
    if not isinstance(exc, requests.exceptions.RequestException | OSError):
        return False
    return outcome_for_error(exc).status is PageStatus.UNREACHABLE
