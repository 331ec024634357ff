"""The suffix-list walk gives tldextract's answer (tldextract is the oracle here)."""

from __future__ import annotations

import pytest
import tldextract

from footprint.domains import build_trie, split_host, suffix_start

HOSTS = [
    "yle.fi", "svenska.yle.fi", "www.bbc.co.uk", "bbc.co.uk", "co.uk", "fi",
    "laura.blogspot.com", "blogspot.com", "helda.helsinki.fi", "city.kawasaki.jp",
    "foo.kawasaki.jp", "a.b.foo.kawasaki.jp", "www.ck", "shop.www.ck", "foo.ck",
    "x.y.foo.ck", "kunta.gov.uk", "my.raceresult.com", "fi.linkedin.com",
    "example.invalid", "localhost", "192.168.0.1", "xn--bcher-kva.fi", "vasabladet.fi",
    "uusisuunta.fi", "a.b.c.d.e.com", "s3.amazonaws.com", "www.abo.fi", "kaupunki.hel.fi",
    "ahvenanmaa.ax", "hamina.fi", "sites.google.com", "foo.edu.au", "bar.ac.uk",
]  # fmt: skip


@pytest.fixture(scope="module")
def oracle() -> tldextract.TLDExtract:
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


@pytest.mark.parametrize("host", HOSTS)
def test_split_host_agrees_with_tldextract(host: str, oracle: tldextract.TLDExtract) -> None:
    parts = oracle(host)
    expected = f"{parts.domain}.{parts.suffix}" if parts.suffix else parts.domain
    assert split_host(host) == (expected, parts.suffix)


def test_walk_follows_wildcards_and_exceptions() -> None:
    trie = build_trie(
        "// comment\nfi\n*.ck\n!www.ck\nco.uk\nuk\n// ===BEGIN PRIVATE DOMAINS===\nblogspot.com\n"
    )
    assert suffix_start(["a", "yle", "fi"], trie) == 2
    assert suffix_start(["shop", "foo", "ck"], trie) == 1  # *.ck: foo.ck is a suffix
    assert suffix_start(["www", "ck"], trie) == 1  # !www.ck: only ck
    assert suffix_start(["bbc", "co", "uk"], trie) == 1
    assert suffix_start(["me", "blogspot", "com"], trie) is None  # private rules left out
