"""Profile: a form for every field of the profile TOML the command line reads.

The form turns text into the profile's shape (one entry per line, years as numbers);
`profile_from_mapping` then validates it exactly as `footprint profile check` does. An
error is shown next to its field and nothing typed is lost.
"""

from __future__ import annotations

import re
from typing import Any

from flask import Blueprint, g, redirect, request, url_for
from werkzeug.wrappers import Response

from footprint.errors import ProfileError
from footprint.paths import private_dir, write_private
from footprint.profile import LANGUAGES, Profile, parse_profile, profile_from_mapping
from footprint.web.i18n import catalogue
from footprint.web.pages import render, state

bp = Blueprint("profile", __name__)

MAX_PROFILE = 64 * 1024
LINES = ("aliases", "locations", "work.employers", "work.titles", "work.domains",
         "work.keywords", "private.accounts", "private.keywords", "activism.organizations",
         "activism.keywords", "publications.names")  # fmt: skip
GROUPS = (
    ("person", ("name", "aliases", "birth_year", "locations", "languages")),
    ("work", ("work.employers", "work.titles", "work.domains", "work.keywords")),
    ("private", ("private.accounts", "private.keywords")),
    ("activism", ("activism.organizations", "activism.years", "activism.keywords")),
    ("publications", ("publications.names",)),
)


def _values(profile: Profile | None) -> dict[str, Any]:
    """The form's values from a profile (or empty)."""
    data = profile.to_dict() if profile else {}
    values: dict[str, Any] = {"name": data.get("name", "")}
    for key in LINES:
        section, _, field = key.rpartition(".")
        source = data.get(section, {}) if section else data
        values[key] = "\n".join(source.get(field, []))
    values["birth_year"] = str(data.get("birth_year") or "")
    years = (data.get("activism") or {}).get("years") or ["", ""]
    values["activism.first"], values["activism.last"] = (str(y) for y in years)
    values["languages"] = list(data.get("languages") or ["fi"])
    return values


def _submitted() -> dict[str, Any]:
    values: dict[str, Any] = {k: (request.form.get(k) or "")[:5000] for k in ("name", *LINES)}
    for key in ("birth_year", "activism.first", "activism.last"):
        values[key] = (request.form.get(key) or "").strip()[:10]
    values["languages"] = [lang for lang in request.form.getlist("languages") if lang in LANGUAGES]
    return values


def _year(text: str, field: str, errors: dict[str, str], t: dict[str, Any]) -> int | None:
    if not text:
        return None
    if not re.fullmatch(r"\d{4}", text):
        errors[field] = t["profile"]["error_year"]
        return None
    return int(text)


def _mapping(values: dict[str, Any], errors: dict[str, str]) -> dict[str, Any]:
    """The profile mapping the form describes; conversion problems go into `errors`."""
    t = catalogue(g.lang)
    data: dict[str, Any] = {"name": values["name"].strip()}
    for key in LINES:
        items = [line.strip() for line in values[key].splitlines() if line.strip()]
        section, _, field = key.rpartition(".")
        (data.setdefault(section, {}) if section else data)[field] = items
    birth = _year(values["birth_year"], "birth_year", errors, t)
    if birth is not None:
        data["birth_year"] = birth
    first = _year(values["activism.first"], "activism.years", errors, t)
    last = _year(values["activism.last"], "activism.years", errors, t)
    if first is not None or last is not None:
        if first is None or last is None:
            errors["activism.years"] = t["profile"]["error_years_both"]
        else:
            data.setdefault("activism", {})["years"] = [first, last]
    data["languages"] = values["languages"] or ["fi"]
    return data


def _field_of(message: str) -> str:
    """Which form field a profile error is about: 'activism.years' or "activism years"."""
    fields = ("name", "birth_year", "languages", "activism.years", *LINES)
    for key in re.findall(r"'([a-z_.]+)'", message):
        if key in fields:
            return key
    for key in sorted(fields, key=len, reverse=True):
        if re.search(rf"\b{re.escape(key.replace('.', ' ').replace('_', ' '))}\b", message):
            return key
    return "form"


def _show(values: dict[str, Any], errors: dict[str, str], **extra: Any) -> Response:
    extra = {"warnings": [], "saved": False, "exists": True, "imported": "", **extra}
    return render(
        "profile.html.j2",
        status=400 if errors else 200,
        values=values,
        errors=errors,
        groups=GROUPS,
        lines=LINES,
        path=str(state().profile_path),
        langs=LANGUAGES,
        **extra,
    )


@bp.get("/profile")
def page() -> Response:
    try:
        loaded = state().profile()
    except ProfileError as exc:  # a file the form can mend: show why, and an empty form
        return _show(_values(None), {"form": str(exc)})
    warnings = list(loaded.warnings) if loaded else []
    saved = request.args.get("saved") == "1"
    return _show(
        _values(loaded.profile if loaded else None), {}, warnings=warnings, saved=saved,
        exists=loaded is not None, imported=(request.args.get("imported") or "")[:80],
    )  # fmt: skip


def _save(profile: Profile) -> None:
    from footprint.profile_toml import profile_to_toml

    path = state().profile_path
    private_dir(path.parent)
    write_private(path, profile_to_toml(profile))


@bp.post("/profile")
def save() -> Response:
    values = _submitted()
    errors: dict[str, str] = {}
    mapping = _mapping(values, errors)
    if not mapping["name"]:
        errors["name"] = catalogue(g.lang)["profile"]["error_name"]
    if errors:
        return _show(values, errors)
    source = str(state().profile_path)
    try:
        loaded = profile_from_mapping(mapping, source)
    except ProfileError as exc:
        message = str(exc).removeprefix(f"{source}: ")  # the form is the input here
        return _show(values, {_field_of(message): message})
    _save(loaded.profile)
    return redirect(url_for("profile.page", saved="1"), code=303)


@bp.post("/profile/import")
def import_file() -> Response:
    upload = request.files.get("file")
    t = catalogue(g.lang)
    if upload is None or not upload.filename:
        return _show(_values(None), {"import": t["profile"]["error_no_file"]}, warnings=[],
                     saved=False, exists=False)  # fmt: skip
    data = upload.stream.read(MAX_PROFILE + 1)
    if len(data) > MAX_PROFILE:
        return _show(_values(None), {"import": t["profile"]["error_big"]}, warnings=[],
                     saved=False, exists=False)  # fmt: skip
    name = re.sub(r"[^\w.-]", "_", upload.filename)[:80]
    try:
        loaded = parse_profile(data.decode("utf-8-sig"), name)
    except UnicodeDecodeError:
        loaded = None
        problem = t["profile"]["error_utf8"]
    except ProfileError as exc:
        loaded = None
        problem = str(exc)
    if loaded is None:
        current = state().profile()
        return _show(_values(current.profile if current else None), {"import": problem},
                     warnings=[], saved=False, exists=current is not None)  # fmt: skip
    _save(loaded.profile)
    return redirect(url_for("profile.page", saved="1", imported=name), code=303)


@bp.get("/profile/download")
def download() -> Response:
    path = state().profile_path
    if state().profile() is None:
        return redirect(url_for("profile.page"), code=303)
    return Response(
        path.read_text(encoding="utf-8"),  # the file as it is, comments and all
        mimetype="application/toml",
        headers={"Content-Disposition": 'attachment; filename="profile.toml"'},
    )
