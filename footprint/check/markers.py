"""The phrases and hallmarks that tell a missing, parked or ceased page, in fi/sv/en.

Every phrase is lowercase and matched against text normalised by `normalise()`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

NOT_FOUND = (
    # Finnish
    "sivua ei löytynyt", "sivua ei löydy", "hakemaasi sivua ei", "etsimääsi sivua ei",
    "sivua ei ole olemassa", "sivu on poistettu",
    # Swedish
    "sidan kunde inte hittas", "sidan hittades inte", "sidan finns inte",
    "sidan du söker finns inte", "sidan kan inte hittas",
    # English
    "page not found", "404 not found", "error 404", "page cannot be found",
    "page could not be found", "page you requested could not be found",
    "page you are looking for does not exist", "page you're looking for doesn't exist",
    "this page doesn't exist", "this page does not exist", "no longer exists",
)  # fmt: skip

FOR_SALE = (
    # Finnish
    "tämä verkkotunnus on myytävänä", "verkkotunnus on myytävänä", "verkkotunnus myytävänä",
    "osta tämä verkkotunnus",
    # Swedish
    "domänen är till salu", "domännamnet är till salu", "köp den här domänen",
    # English
    "this domain is for sale", "domain is for sale", "this domain may be for sale",
    "buy this domain", "this domain name is for sale", "domain for sale", "parked free",
    "this domain is parked", "domain has been parked", "this web page is parked",
)  # fmt: skip

CEASED = (
    # Finnish
    "lehti lopetti ilmestymisensä", "lopetti ilmestymisensä", "lakkasi ilmestymästä",
    "arkisto ei enää päivity", "sivustoa ei enää päivitetä", "sivusto ei enää päivity",
    "ilmestyminen on päättynyt", "lehti on lakkautettu",
    # Swedish
    "tidningen har upphört", "har slutat utkomma", "har upphört att utkomma",
    "har slutat ges ut", "uppdateras inte längre", "arkivet uppdateras inte",
    # English
    "ceased publication", "has ceased publishing", "no longer updated",
    "this archive is no longer maintained", "no longer maintained", "no longer being updated",
    "is no longer published",
)  # fmt: skip

# Registered domains of domain-parking services and domain marketplaces.
PARKING_SERVICES = frozenset({
    "sedo.com", "sedoparking.com", "bodis.com", "parkingcrew.net", "dan.com", "afternic.com",
    "hugedomains.com", "above.com", "parklogic.com", "undeveloped.com", "domainmarket.com",
    "parked.com", "fabulous.com", "voodoo.com", "smartname.com", "trafficparking.com",
    "domainnamesales.com", "buydomains.com",
})  # fmt: skip

_QUOTE_CHARS = ("’", "‘", "´", "\u00a0")
_QUOTES = str.maketrans(dict.fromkeys(_QUOTE_CHARS[:3], "'") | {"\u00a0": " "})


def normalise(text: str) -> str:
    """Lowercase, NFC, straight apostrophes and single spaces: the form markers match.

    Each step runs only when it changes something (a page's whole text is normalised,
    up to 2 MB): ASCII is already NFC, and `translate` looks every character up.
    """
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
        if any(quote in text for quote in _QUOTE_CHARS):
            text = text.translate(_QUOTES)
    return " ".join(text.lower().split())


def find_marker(text: str, markers: Iterable[str]) -> str | None:
    """The first marker phrase that occurs in `text` (already normalised), or None."""
    for marker in markers:
        if marker in text:
            return marker
    return None
