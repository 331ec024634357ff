"""What kind of site a result is on: a professional profile, a personal account, a forum…

Sites (platforms.toml) are recognised by their registered domain (the Public Suffix List
bundled with tldextract, read by `footprint.domains`: it never fetches one) and, for social
sites, by the path: a Facebook page of an organisation is not a personal profile, and an account
whose handle is the person's name is probably theirs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlsplit

from footprint.classify import knowledge
from footprint.domains import split_host

# kinds
PROFESSIONAL = "professional"  # a work profile or professional network
ACADEMIC = "academic"  # a university or research site
EMPLOYER = "employer"  # a public body, municipality or the person's employer
REGISTRY = "registry"  # company and board registers
SOCIAL = "social"  # a social network: personal account, or a page/group
FORUM = "forum"  # a discussion board
BLOG = "blog"  # a blog host
HOBBY = "hobby"  # sports results, photos, music, games
NEWS = "news"  # a news site
OBITUARY = "obituary"  # death notices and memorial pages
ARCHIVE = "archive"  # a web archive copy
CLASSIFIEDS = "classifieds"  # buying and selling
VIDEO = "video"
PETITION = "petition"  # petitions and campaigns

_KNOWN = knowledge.platforms()  # platforms.toml
# registered domain, host or "domain/first segment" → (name, kind)
_SITES: dict[str, tuple[str, str]] = _KNOWN.sites
_HOST_HINTS = _KNOWN.host_hints  # hosts whose names say what they are
_GENERIC_PATHS = _KNOWN.generic_paths  # a social site's first segments that are no account


@dataclass(frozen=True)
class Site:
    """The site a result is on and what the address says about it."""

    name: str  # "LinkedIn", or the registered domain
    kind: str | None  # one of the kinds above, None when unknown
    domain: str  # registered domain, e.g. "hs.fi"
    host: str
    section: str = ""  # for social sites: profile | page | group | event | post | company
    handle: str = ""  # the account or page name in the address


def identify(url: str, extra_employer_domains: tuple[str, ...] = ()) -> Site:
    """The site of `url`."""
    parts = urlsplit(url if "//" in url else f"//{url}")
    host = (parts.hostname or "").lower().removeprefix("www.")
    registered, suffix = split_host(host) if host else ("", "")
    path = unquote(parts.path)
    segments = [s for s in path.split("/") if s]
    for domain in extra_employer_domains:
        d = domain.lower().removeprefix("www.").split("/")[0]
        if d and (host == d or host.endswith("." + d)):
            return Site(domain, EMPLOYER, registered, host)
    known = None
    for candidate in (host, f"{registered}/{segments[0]}" if segments else "", registered):
        if candidate in _SITES:
            known = _SITES[candidate]
            break
    if known is None:
        kind = None
        for pattern, hint in _HOST_HINTS:
            if pattern.search(host) or (hint in (OBITUARY, FORUM) and pattern.search(path.lower())):
                kind = hint
                break
        if kind is None and (suffix.endswith("edu") or suffix.startswith("ac.")):
            kind = ACADEMIC
        if kind is None and (suffix.startswith("gov") or suffix.endswith(".gov")):
            kind = EMPLOYER
        return Site(registered or host, kind, registered, host)
    name, kind = known
    section, handle = "", ""
    if kind in (SOCIAL, PROFESSIONAL, HOBBY, VIDEO):
        section, handle = _social_section(name, segments, parts.query)
    elif kind == BLOG:  # the blog's name: "name.blogspot.com" or "medium.com/@name"
        if segments and segments[0].startswith("@"):
            section, handle = "account", segments[0][1:]
        elif host.count(".") >= 2:
            handle = host.split(".")[0]
    return Site(name, kind, registered, host, section, handle)


def _social_section(name: str, segments: list[str], query: str) -> tuple[str, str]:
    first = segments[0].lower() if segments else ""
    if name == "LinkedIn":
        if first in ("in", "pub"):
            return "profile", segments[1] if len(segments) > 1 else ""
        if first in ("company", "school", "showcase"):
            return "company", segments[1] if len(segments) > 1 else ""
        if first in ("posts", "pulse", "feed"):
            return "post", segments[1] if len(segments) > 1 else ""
        return "", ""
    if name == "Facebook":
        if first == "profile.php":
            return "profile", parse_qs(query).get("id", [""])[0]
        if first == "people":
            return "profile", segments[1] if len(segments) > 1 else ""
        if first in ("groups", "group"):
            return "group", segments[1] if len(segments) > 1 else ""
        if first == "events":
            return "event", ""
        if first == "pages":
            return "page", segments[1] if len(segments) > 1 else ""
        if first and first not in _GENERIC_PATHS:
            section = (
                "post" if len(segments) > 1 and segments[1] in ("posts", "photos", "videos") else ""
            )
            return section or "account", segments[0]
        return "", ""
    if first.startswith("@"):
        return "account", first[1:]
    if first in ("user", "c", "channel", "people", "photos", "athletes") and len(segments) > 1:
        # "photos/name" is the account's page; "photos/name/sets/123" one of its posts
        return ("post" if len(segments) > 2 else "account"), segments[1]
    if first and first not in _GENERIC_PATHS:
        post = len(segments) > 1 and segments[1] in ("status", "p", "posts", "reel", "video")
        return ("post" if post else "account"), segments[0]
    return "", ""


def handle_key(handle: str) -> str:
    """A handle reduced to letters, for comparing with the person's names."""
    return re.sub(r"[^a-zåäö]", "", handle.lower())
