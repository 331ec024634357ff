"""Which steps to recommend for a result: rules from category, page status, archive and platform.

Every action the report shows comes from `actions_for`; each action names its text (a key
in the message catalogue) and the guidance links (ids in `footprint/guidance/links.toml`)
that carry it out. Nothing here does I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from footprint.guidance.sources import Source, lookup
from footprint.models import Category, PageStatus


@dataclass(frozen=True)
class Action:
    """One recommended step: catalogue key `action.<id>`, its links, and text parameters."""

    id: str
    links: tuple[str, ...] = ()
    params: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Platform:
    name: str
    links: tuple[str, ...]


PLATFORMS: dict[str, Platform] = {
    "facebook.com": Platform("Facebook", ("facebook_privacy", "facebook_delete")),
    "instagram.com": Platform("Instagram", ("instagram_privacy", "instagram_delete")),
    "linkedin.com": Platform("LinkedIn", ("linkedin_privacy", "linkedin_delete")),
    "x.com": Platform("X", ("x_privacy", "x_delete")),
    "twitter.com": Platform("X", ("x_privacy", "x_delete")),
    "youtube.com": Platform("YouTube", ("youtube_privacy", "youtube_delete")),
    "youtu.be": Platform("YouTube", ("youtube_privacy", "youtube_delete")),
}

NAMESAKE_NONE = Action("namesake_none")
SITE_OWNER = Action("site_owner_erasure", ("tietosuoja_erasure", "tietosuoja_notification"))
DELISTING = Action("search_delisting", ("google_eu_privacy", "bing_eu_privacy"))
OUTDATED = Action("google_outdated", ("google_outdated", "bing_content_removal"))
ARCHIVE = Action("archive_removal", ("archive_removal",))
DOMAIN_HOLDER = Action("domain_holder", ("traficom_domain_search",))
CEASED_PUBLISHER = Action("ceased_publisher", ("tietosuoja_erasure",))
WORK_REVIEW = Action("work_review")
PRIVATE_REVIEW = Action("private_review", ("google_results_about_you",))
RECHECK = Action("recheck")
NOT_CHECKED = Action("not_checked")

# Routes for the Nordic directory, people-search and company sites (sources.toml).
OPERATOR_UNLISTED = "operator_unlisted"  # ask your own operator: every directory at once
DIRECTORY_SITE = "directory_site"  # and the directory's own privacy contact
REGISTER_ROLE = "register_role"  # end or correct the role in the trade/association register
AGGREGATOR_COPY = "aggregator_copy"  # the company site copies the register: object, ask
SE_HIDE = "se_hide"  # the Swedish site's own hide route, repeated at its interval
SE_NO_ERASURE = "se_no_erasure"  # why a GDPR erasure letter does not work there
ROUTE_UNVERIFIED = "route_unverified"  # what footprint could not verify about this route
REGISTER_LINKS = {
    "FI": ("prh_personal_data", "prh_associations_privacy", "ytj_privacy"),
    "SE": ("bolagsverket_personal_data",),
}
SE_LAW_LINKS = ("imy_publishing_certificate", "mprt_personal_data")
# Delisting reaches further than Google: Bing's index also feeds other engines; Qwant has a form.
WIDE_DELISTING = Action(
    "search_delisting_wide",
    ("google_eu_privacy", "bing_eu_privacy", "qwant_rtbf", "duckduckgo_sources", "ecosia_bing"),
)

# Steps that mean writing to someone who holds the page: their results go into the letter.
LETTER_ACTIONS = frozenset({SITE_OWNER.id, CEASED_PUBLISHER.id})
# Steps whose letter is an objection (art. 21) to a controller that claims legitimate interest.
OBJECTION_ACTIONS = frozenset({AGGREGATOR_COPY})


def host_of(url: str) -> str:
    """The lower-case host of a URL without `www.`, or '' when there is none."""
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    return host.removeprefix("www.").removeprefix("m.")


def platform_of(url: str) -> Platform | None:
    """The social platform a URL belongs to, if it is one footprint gives advice for."""
    host = host_of(url)
    for domain, platform in PLATFORMS.items():
        if host == domain or host.endswith("." + domain):
            return platform
    return None


def actions_for(
    category: Category, status: PageStatus | None, archived: bool, url: str
) -> tuple[Action, ...]:
    """The recommended steps for one result, most important first."""
    if category is Category.NAMESAKE:
        return (NAMESAKE_NONE,)
    fi_domain = host_of(url).endswith(".fi")
    steps: list[Action] = []
    if status in (PageStatus.GONE, PageStatus.PARKED):
        steps.append(OUTDATED)
        if status is PageStatus.PARKED and fi_domain:
            steps.append(DOMAIN_HOLDER)
    elif status is PageStatus.CEASED:
        steps.append(CEASED_PUBLISHER)
        if fi_domain:
            steps.append(DOMAIN_HOLDER)
        steps.append(DELISTING)
    elif status is PageStatus.UNREACHABLE:  # look again; its content is known from the search
        steps.append(RECHECK)
        steps += _live_steps(category, url)
    else:  # live, or not checked: the page is (or may be) there
        if status in (None, PageStatus.SKIPPED):
            steps.append(NOT_CHECKED)
        steps += _live_steps(category, url)
    keep_archive = category is not Category.WORK or status not in (None, PageStatus.LIVE)
    if archived and keep_archive:
        steps.append(ARCHIVE)
    return tuple(steps)


def route_steps(source: Source) -> list[Action]:
    """The steps that work for a known directory, people-search or company site."""
    site = {"site": source.name, "months": str(source.recheck_months)}
    steps: list[Action]
    if source.route == "fi_directory":
        steps = [
            Action(OPERATOR_UNLISTED, ("fonecta_privacy",), site),
            Action(DIRECTORY_SITE, source.links, site),
            WIDE_DELISTING,
        ]
    elif source.route == "se_people_search":
        steps = [
            Action(SE_HIDE, source.links, site),
            WIDE_DELISTING,
            Action(SE_NO_ERASURE, SE_LAW_LINKS, site),
        ]
    elif source.route == "company_info":
        steps = [
            Action(REGISTER_ROLE, REGISTER_LINKS[source.country], site),
            Action(AGGREGATOR_COPY, source.links, site),
            WIDE_DELISTING,
        ]
    else:  # the register itself
        steps = [Action(REGISTER_ROLE, REGISTER_LINKS[source.country], site)]
    if not source.verified:
        steps.append(Action(ROUTE_UNVERIFIED, (), {"site": source.name}))
    return steps


def _live_steps(category: Category, url: str) -> list[Action]:
    source = lookup(url)
    if source is not None:
        return route_steps(source)
    platform = platform_of(url)
    steps: list[Action] = []
    if platform is not None:
        steps.append(Action("platform_settings", platform.links, {"platform": platform.name}))
    if category is Category.WORK:
        steps.append(WORK_REVIEW)
    elif platform is None:
        if category is Category.PRIVATE:
            steps.append(PRIVATE_REVIEW)
        steps += [SITE_OWNER, DELISTING]
    return steps


@dataclass(frozen=True)
class Priority:
    """One of the 'do these first' lines: catalogue key `priority.<id>` and its parameters."""

    id: str
    params: Mapping[str, str | int] = field(default_factory=dict)


# Which action counts toward which priority, in the order the summary lists them.
_PRIORITY_OF = (
    ("erasure", (SITE_OWNER.id, CEASED_PUBLISHER.id)),
    ("directory", (OPERATOR_UNLISTED, SE_HIDE)),
    ("register", (REGISTER_ROLE,)),
    ("outdated", (OUTDATED.id,)),
    ("archive", (ARCHIVE.id,)),
    ("platform", ("platform_settings",)),
    ("domain", (DOMAIN_HOLDER.id,)),
    ("recheck", (RECHECK.id,)),
    ("work", (WORK_REVIEW.id,)),
    ("namesake", (NAMESAKE_NONE.id,)),
)


def priorities(per_result: Iterable[tuple[Action, ...]], *, most: int = 5) -> list[Priority]:
    """The three to five things to do first, from every result's actions."""
    counts: dict[str, int] = {}
    platforms: list[str] = []
    for actions in per_result:
        seen: set[str] = set()
        for action in actions:
            for pid, ids in _PRIORITY_OF:
                if action.id in ids and pid not in seen:
                    seen.add(pid)
                    counts[pid] = counts.get(pid, 0) + 1
            name = action.params.get("platform")
            if name and name not in platforms:
                platforms.append(name)
    chosen: list[Priority] = []
    for pid, _ in _PRIORITY_OF:
        if counts.get(pid):
            params: dict[str, str | int] = {"count": counts[pid]}
            if pid == "platform":
                params["platforms"] = ", ".join(sorted(platforms))
            chosen.append(Priority(pid, params))
    chosen = chosen[:most]
    for filler in ("checklist", "reaudit"):
        if len(chosen) < 3:
            chosen.append(Priority(filler))
    return chosen
