"""The letters for every step, one per controller: pure functions the report, the CLI and the
web app share.

A controller is a registered domain (`yle.fi` for `svenska.yle.fi`): every address on it goes
into its one letter, and no letter lists another site's addresses. `plan` decides which
results need which letter (an erasure request, or an objection where the site claims a
legitimate interest in copying a register); `compose` fills a letter in; `Letter.text()` is
what the person pastes or saves. Nothing here does I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from footprint import guidance
from footprint.domains import registered_domain
from footprint.models import Category, Finding
from footprint.report import i18n
from footprint.report.actions import LETTER_ACTIONS, OBJECTION_ACTIONS, Action, actions_for
from footprint.report.digest import status_of
from footprint.store.tracking import add_month

MAX_ADDRESSES = 15  # more than this in one letter: the rest are counted, not listed
KINDS = guidance.LETTER_KINDS
PRIMARY = ("erasure", "objection")  # the letters a result's route can call for


@dataclass(frozen=True)
class Letter:
    """One letter to one controller, in one language, filled in."""

    kind: str
    controller: str  # the registered domain the letter goes to
    lang: str
    subject: str
    date: str
    greeting: str
    before: str
    addresses: tuple[str, ...]
    more: int
    after: tuple[str, ...]
    closing: str
    name: str
    placeholder: str

    def text(self) -> str:
        """The letter as plain text, to paste into an e-mail or a web form."""
        lines = [f"- {address}" for address in self.addresses]
        if self.more:
            lines.append(f"- … (+{self.more})")
        parts = [
            self.subject,
            self.date,
            self.greeting,
            self.before,
            "\n".join(lines),
            *self.after,
            f"{self.closing}\n{self.name}\n{self.placeholder}",
        ]
        return "\n\n".join(p for p in parts if p) + "\n"

    def filename(self) -> str:
        """A safe file name: `<controller>-<kind>-<lang>.txt`."""
        safe = re.sub(r"[^a-z0-9.-]+", "-", self.controller.lower()).strip(".-") or "site"
        return f"{safe}-{self.kind}-{self.lang}.txt"


def controller_of(url: str) -> str:
    """The registered domain a letter about `url` goes to ('' when there is no host)."""
    try:
        host = (urlsplit(url.strip()).hostname or "").lower().rstrip(".")
    except ValueError:
        return ""
    return registered_domain(host) if host else ""


def steps_for(finding: Finding) -> tuple[Action, ...]:
    """The recommended steps for one finding (as its report card shows them)."""
    c = finding.classification
    status = status_of(finding)
    archive = finding.check.archive if finding.check else None
    return actions_for(c.category, status, bool(archive and archive.available), finding.result.url)


def letter_kind(steps: Iterable[Action]) -> str | None:
    """The letter a result's steps call for: 'erasure', 'objection' or None (no letter)."""
    ids = {a.id for a in steps}
    if ids & LETTER_ACTIONS:
        return "erasure"
    if ids & OBJECTION_ACTIONS:
        return "objection"
    return None


def plan(findings: Sequence[Finding]) -> list[tuple[str, str, list[str]]]:
    """(controller, kind, addresses) per controller whose results call for a letter.

    In the order of first appearance; an erasure wins over an objection for one controller.
    """
    grouped: dict[str, tuple[str, list[str]]] = {}
    for finding in findings:
        if finding.classification.category is Category.NAMESAKE:
            continue
        kind = letter_kind(steps_for(finding))
        controller = controller_of(finding.result.url)
        if kind is None or not controller:
            continue
        old_kind, urls = grouped.get(controller, (kind, []))
        if finding.result.url not in urls:
            urls.append(finding.result.url)
        grouped[controller] = ("erasure" if "erasure" in (old_kind, kind) else kind, urls)
    return [(controller, kind, urls) for controller, (kind, urls) in grouped.items()]


def compose(
    kind: str,
    controller: str,
    addresses: Sequence[str],
    *,
    name: str,
    lang: str,
    day: date,
    sent: date | None = None,
) -> Letter:
    """One letter filled in: `sent` is when the earlier request went (follow-up, appeal)."""
    if kind not in KINDS:
        raise ValueError(f"no letter kind {kind!r}: use one of {', '.join(KINDS)}")
    parts = guidance.letter(lang, kind)
    if kind != "followup":
        deadline = i18n.format_date(add_month(day), lang)
    elif sent is not None:  # a follow-up: the month that ran from the first letter
        deadline = i18n.format_date(add_month(sent), lang)
    else:
        deadline = i18n.text(lang, "letters.deadline_unknown")
    fill = {
        "name": name,
        "controller": controller,
        "deadline": deadline,
        "sent": i18n.format_date(sent, lang) if sent else i18n.text(lang, "letters.sent_unknown"),
    }
    listed = list(dict.fromkeys(addresses))
    return Letter(
        kind=kind,
        controller=controller,
        lang=lang,
        subject=str(parts["subject"]),
        date=i18n.text(lang, "letter.sent_on", date=i18n.format_date(day, lang)),
        greeting=str(parts["greeting"]),
        before=str(parts["before"]).format(**fill),
        addresses=tuple(listed[:MAX_ADDRESSES]),
        more=max(0, len(listed) - MAX_ADDRESSES),
        after=tuple(str(p).format(**fill) for p in parts["after"]),
        closing=str(parts["closing"]),
        name=name,
        placeholder=str(parts["placeholder"]),
    )


def letters_for(findings: Sequence[Finding], *, name: str, lang: str, day: date) -> list[Letter]:
    """One letter per controller whose results call for one, in the report's language."""
    return [
        compose(kind, controller, urls, name=name, lang=lang, day=day)
        for controller, kind, urls in plan(findings)
    ]


def letters_for_site(
    findings: Sequence[Finding], site: str, *, name: str, lang: str, day: date
) -> list[Letter]:
    """The letter(s) for one controller (the web app's per-site view)."""
    wanted = controller_of(f"https://{site}/") or site
    return [
        letter
        for letter in letters_for(findings, name=name, lang=lang, day=day)
        if letter.controller == wanted
    ]


def all_steps(findings: Sequence[Finding], *, name: str, lang: str, day: date) -> dict[str, str]:
    """Every letter as files: for each controller its letter, an access request and a
    follow-up for when the month has passed (file name → text)."""
    files: dict[str, str] = {}
    for controller, kind, urls in plan(findings):
        for each in (kind, "access", "followup"):
            letter = compose(each, controller, urls, name=name, lang=lang, day=day)
            files[letter.filename()] = letter.text()
    for letter in appeals(findings, name=name, lang=lang, day=day):
        files[letter.filename()] = letter.text()
    return files


# Search engines a delisting appeal can be about (the Ombudsman letter's {controller}).
ENGINES = ("Google", "Microsoft Bing")
DELISTING_ACTIONS = frozenset({"search_delisting", "search_delisting_wide"})


def delisted(findings: Sequence[Finding]) -> list[str]:
    """The addresses the report suggests asking the search engines to delist."""
    return [
        f.result.url
        for f in findings
        if f.classification.category is not Category.NAMESAKE
        and any(a.id in DELISTING_ACTIONS for a in steps_for(f))
    ]


def appeals(findings: Sequence[Finding], *, name: str, lang: str, day: date) -> list[Letter]:
    """A delisting appeal to the Data Protection Ombudsman per search engine, when any
    result is one to delist (sent when an engine refuses)."""
    urls = delisted(findings)
    if not urls:
        return []
    return [compose("ombudsman", e, urls, name=name, lang=lang, day=day) for e in ENGINES]


MAX_PRINTED = 10  # letters printed in the report; the rest are saved with --letters


def _as_dict(letter: Letter) -> dict[str, object]:
    return {
        **{k: getattr(letter, k) for k in Letter.__dataclass_fields__},
        "label": i18n.text(letter.lang, f"letters.kind_{letter.kind}"),
        "to": i18n.text(letter.lang, "letters.for_site", site=letter.controller),
        "text": letter.text(),
    }


def letters_section(
    findings: Sequence[Finding], *, name: str, lang: str, day: date
) -> dict[str, object]:
    """The report's letters chapter: one letter per controller, then the next steps' letters."""
    t = i18n.catalogue(lang)["letters"]
    primary = letters_for(findings, name=name, lang=lang, day=day)
    nexts = []
    if primary:
        first = primary[0]
        nexts.append(compose("followup", first.controller, first.addresses, name=name,
                             lang=lang, day=day))  # fmt: skip
    nexts += appeals(findings, name=name, lang=lang, day=day)[:1]
    extra = len(primary) - MAX_PRINTED
    return {
        "title": t["title"],
        "intro": t["intro"],
        "none": t["none"] if not primary else "",
        "letters": [_as_dict(letter) for letter in primary[:MAX_PRINTED]],
        "more": i18n.text(lang, "letters.more_sites", count=extra) if extra > 0 else "",
        "next_title": t["next_title"],
        "next_intro": t["next_intro"],
        "next": [_as_dict(letter) for letter in nexts],
    }
