"""What several pages need: the audit a page shows, and reading form values."""

from __future__ import annotations

from typing import TYPE_CHECKING

from flask import request

from footprint.errors import InputError
from footprint.web.pages import state

if TYPE_CHECKING:
    from footprint.store import AuditInfo, Store


def person_name() -> str | None:
    """The profile's name, when there is a profile that can be read."""
    try:
        loaded = state().profile()
    except InputError:
        return None
    return loaded.profile.name if loaded else None


def current_audit(store: Store, ref: str | None = None) -> AuditInfo | None:
    """The audit a page is about: `?audit=ID`, else the profile name's latest, else the latest."""
    ref = ref if ref is not None else request.args.get("audit")
    if ref:
        try:
            return store.audit(int(ref))
        except ValueError:
            raise InputError(f"audit {ref!r} is not an audit number") from None
    name = person_name()
    if name:
        found = store.latest_audit(name)
        if found is not None:
            return found
    return store.latest_audit()


def form_text(key: str, limit: int = 2000) -> str:
    return (request.form.get(key) or "").strip()[:limit]
