"""One result per page: canonical URLs, and merging the hits that point to the same page.

Two addresses are the same page when they differ only in scheme, a leading `www.`, a
trailing slash, the host's case, the fragment, a default port, the order of query
parameters, or tracking parameters such as `utm_*` and `fbclid`.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import parse_qsl, urlencode, urlsplit

from footprint.models import SearchResult
from search_providers.base import SearchHit

TRACKING_PARAMETERS = frozenset(
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid",
        "igshid", "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok",
        "ref_src", "ref_url", "si", "spm", "vero_id", "oly_anon_id", "oly_enc_id",
        "wt.mc_id", "ocid", "cmpid",
    }
)  # fmt: skip


def _is_tracking(name: str) -> bool:
    name = name.lower()
    return name.startswith(("utm_", "pk_", "mtm_")) or name in TRACKING_PARAMETERS


def canonical_url(url: str) -> str:
    """The comparison key of an address (not an address to visit)."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return url.strip()
    host = (parts.hostname or "").lower().rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    if port and not (parts.scheme in ("http", "https") and port in (80, 443)):
        host = f"{host}:{port}"
    path = parts.path.rstrip("/")
    params = sorted(
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)
    )
    query = f"?{urlencode(params)}" if params else ""
    return f"{host}{path}{query}"


def _rank(hit: SearchHit) -> int:
    return hit.rank if hit.rank > 0 else 1_000_000


def merge_hits(hits: Iterable[SearchHit]) -> list[SearchResult]:
    """Deduplicated results, best rank first; each keeps every (provider, query) that found it.

    The best-ranked hit gives the address, title and snippet; a date comes from any hit
    that has one when the best has none.
    """
    groups: dict[str, list[SearchHit]] = {}
    for hit in hits:
        groups.setdefault(canonical_url(hit.url), []).append(hit)
    merged = []
    for order, group in enumerate(groups.values()):
        best = min(group, key=_rank)  # min keeps the first of equal ranks
        found_by = tuple(dict.fromkeys((h.provider, h.query) for h in group))
        published = best.published or next((h.published for h in group if h.published), None)
        result = SearchResult(
            url=best.url,
            title=best.title or next((h.title for h in group if h.title), ""),
            snippet=best.snippet or next((h.snippet for h in group if h.snippet), ""),
            published=published,
            rank=best.rank if best.rank > 0 else None,
            provider=best.provider,
            query=best.query,
            found_by=found_by,
        )
        merged.append((_rank(best), order, result))
    merged.sort(key=lambda item: (item[0], item[1]))
    return [result for _, _, result in merged]
