"""The key that matches one address across audits, corrections and removal requests.

It is the same key `footprint search` merges duplicates by
(`footprint.search.dedup.canonical_url`): scheme, a leading `www.`, a trailing slash,
the host's case, the fragment, a default port, the order of query parameters and
tracking parameters such as `utm_*` and `fbclid` are ignored. One address, one key,
everywhere; changing it needs a migration that recomputes the stored keys.
"""

from __future__ import annotations

from footprint.search.dedup import canonical_url


def url_key(url: str) -> str:
    """The address's comparison key, as search merges duplicates by."""
    return canonical_url(url)
