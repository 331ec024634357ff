"""Registered domains by the Public Suffix List, without importing tldextract.

tldextract pulls in `requests` and builds its tries on import, about a quarter of a
second: more than classifying a few hundred results. Its bundled snapshot of the list
is all we use (never a download), so we read that file ourselves and walk the same
public (ICANN) rules the same way. Hosts this walk is not sure about (punycode,
non-ASCII, IP addresses, unknown suffixes) go to tldextract itself.
"""

from __future__ import annotations

import importlib.util
import re
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

SNAPSHOT = ".tld_set_snapshot"
PRIVATE_SEPARATOR = "// ===BEGIN PRIVATE DOMAINS==="
_RULE = re.compile(r"^(?P<suffix>[.*!]*\w[\S]*)", re.UNICODE | re.MULTILINE)
_IP_LIKE = re.compile(r"[0-9.]+|[0-9a-f:.]*:[0-9a-f:.]*")  # 127.0.0.1, ::1, 64:ff9b::a00:1
_PLAIN_HOST = re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)*")
_END = ""  # key of a trie node that ends a rule (no label is empty)
Trie = dict[str, Any]


def _snapshot() -> str | None:
    """tldextract's bundled list, found without importing the package."""
    spec = importlib.util.find_spec("tldextract")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        path = Path(folder) / SNAPSHOT
        if path.is_file():
            return path.read_text(encoding="utf-8")
    return None


def build_trie(text: str) -> Trie:
    """The public rules of a suffix list as a trie of labels, last label first."""
    public = text.partition(PRIVATE_SEPARATOR)[0]
    root: Trie = {}
    for match in _RULE.finditer(public):
        node = root
        for label in reversed(match.group("suffix").split(".")):
            node = node.setdefault(label, {})
        node[_END] = True
    return root


_LOCK = threading.Lock()  # the page check asks from many threads at once: build once
_BUILT: dict[str, Any] = {}


def _once(key: str, build: Any) -> Any:
    """Build a shared object once, even when many threads ask for it at the same time."""
    if key not in _BUILT:
        with _LOCK:
            if key not in _BUILT:
                _BUILT[key] = build()
    return _BUILT[key]


def _trie() -> Trie | None:
    def build() -> Trie | None:
        text = _snapshot()
        return build_trie(text) if text else None

    return _once("trie", build)


def suffix_start(labels: list[str], trie: Trie) -> int | None:
    """Index of the first label of the public suffix (tldextract's walk), or None."""
    node = trie
    start = index = len(labels)
    for label in reversed(labels):
        if label in node:
            index -= 1
            node = node[label]
            if _END in node:
                start = index
            continue
        if "*" in node:  # a wildcard rule, unless an exception ("!www.ck") says not
            return index if "!" + label in node else index - 1
        break
    return None if start == len(labels) else start


def _extractor() -> Any:
    def build() -> Any:
        import tldextract

        # the bundled snapshot only: no download, no cache written
        extractor = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
        extractor("example.fi")  # load the list now, once
        return extractor

    return _once("tldextract", build)


@lru_cache(maxsize=4096)
def split_host(host: str) -> tuple[str, str]:
    """(registered domain, public suffix) of a lower-case host: "yle.fi" for "svenska.yle.fi"."""
    trie = _trie() if _PLAIN_HOST.fullmatch(host) and "xn--" not in host else None
    start = suffix_start(host.split("."), trie) if trie is not None else None
    if start is None:
        parts = _extractor()(host)
        registered = f"{parts.domain}.{parts.suffix}" if parts.suffix else parts.domain
        return registered, parts.suffix
    labels = host.split(".")
    domain = labels[start - 1] if start > 0 else ""
    suffix = ".".join(labels[start:])
    return f"{domain}.{suffix}", suffix


def registered_domain(host: str) -> str:
    """The registered domain of a host (`www.yle.fi` → `yle.fi`); the host itself for IPs."""
    host = host.lower().rstrip(".")
    if _IP_LIKE.fullmatch(host):  # an address has no registered domain (nor tldextract's)
        return host
    return split_host(host)[0].strip(".") or host
