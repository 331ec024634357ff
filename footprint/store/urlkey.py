"""The key that matches one address across audits, corrections and removal requests.

Search engines spell the same page slightly differently (`HTTPS://Example.fi/a/`,
`https://example.fi/a#top`); the key ignores exactly those differences and nothing more.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit


def url_key(url: str) -> str:
    """Lower-case scheme and host, no fragment, no trailing slash."""
    text = url.strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return text
    path = parts.path.rstrip("/")
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, ""))
