"""`footprint workshop kit|share|summary|rules`: run a workshop without exposing anyone."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from footprint.cli.app import sub_app, warn
from footprint.cli.common import echo_summary, writable
from footprint.cli.terminal import stdin_is_terminal
from footprint.errors import InputError
from footprint.settings import Language

if TYPE_CHECKING:
    from footprint.workshop.rules import RuleSet
    from footprint.workshop.share import Share

workshop_app = sub_app(
    "workshop",
    "Run a workshop: the facilitator's kit, each participant's anonymous share, the group report.",
)
rules_app = typer.Typer(
    name="rules",
    help="Write and check the organisation's social media rules (TOML).",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
)
workshop_app.add_typer(rules_app, name="rules")


RULES_HELP = "The organisation's rules (TOML); default: footprint's rules for the social sector."


@workshop_app.command("kit")
def kit(
    output: Path = typer.Option(..., "--output", "-o", help="Where to write the kit PDF."),
    rules: Path | None = typer.Option(None, "--rules", help=RULES_HELP),
    lang: Language = typer.Option(Language.fi, "--lang", help="Language of the kit."),
) -> None:
    """Write the facilitator's handout: agenda, set-up, privacy promise, questions, rules."""
    from footprint.paths import write_private
    from footprint.workshop.kit import render_kit
    from footprint.workshop.rules import load_rules

    writable(output)
    ruleset = load_rules(rules)
    write_private(output, render_kit(ruleset, lang.value))
    echo_summary(
        f"Wrote {output}: the workshop kit with {len(ruleset.rules)} rules ({lang.value})."
    )


@workshop_app.command("share")
def share(
    audit: str | None = typer.Argument(
        None,
        help="An audit JSON file (footprint audit --json), a 'classify --format json' file, "
        "or a saved audit's id; default: your latest saved audit.",
    ),
    output: Path = typer.Option(..., "--output", "-o", help="Where to write the share file."),
    needs_action: list[str] = typer.Option(
        [], "--needs-action", "-n", help="The id of a rule that needs action for you (repeat)."
    ),
    rules: Path | None = typer.Option(None, "--rules", help=RULES_HELP),
    lang: Language = typer.Option(Language.fi, "--lang", help="Language of the rules when asking."),
    yes: bool = typer.Option(False, "--yes", "-y", help="Write without showing and asking."),
) -> None:
    """Write your anonymous share: only counts and the ids of rules you marked."""
    from datetime import date

    from footprint.paths import write_private
    from footprint.workshop.audit_source import load_audit
    from footprint.workshop.rules import load_rules
    from footprint.workshop.share import build_share, workshop_share_id

    writable(output)
    ruleset = load_rules(rules)
    for rule_id in needs_action:
        if rule_id not in ruleset.ids:
            raise InputError(
                f"--needs-action {rule_id!r} is not a rule in {ruleset.source}: "
                f"use one of {', '.join(ruleset.ids)}"
            )
    findings, origin = load_audit(audit)
    today = date.today()
    year, week, _ = today.isocalendar()
    share_id = workshop_share_id(_device_secret(), ruleset.ids, f"{year}-W{week:02d}")
    marked = list(needs_action)
    if not marked and not yes and stdin_is_terminal():
        counts = build_share(findings, (), current_year=today.year, share_id=share_id)
        marked = _ask_rules(ruleset, counts, lang.value)
    result = build_share(findings, marked, current_year=today.year, share_id=share_id)
    if not yes:
        typer.echo(f"From {origin}, this is everything the share file will hold:")
        typer.echo(result.to_json(), nl=False)
        if not _confirm(f"Write it to {output}?"):
            echo_summary("Nothing was written.")
            return
    write_private(output, result.to_json())
    marked_count = len(result.needs_action)
    echo_summary(
        f"Wrote {output}: {result.results} results as counts and {marked_count} marked "
        f"rule{'' if marked_count == 1 else 's'}. "
        "Hand it to the facilitator if you want to take part."
    )


def _confirm(question: str) -> bool:
    """Ask yes/no; no answer at all (closed input) counts as no."""
    try:
        return typer.confirm(question, default=True)
    except typer.Abort:
        return False


def _device_secret() -> bytes:
    """This device's share secret, created once (0600) in footprint's data folder."""
    import secrets

    from footprint.paths import home, private_dir, write_private

    path = home() / "workshop-share.key"
    if path.exists() and len(path.read_bytes()) >= 32:
        return path.read_bytes()
    private_dir(path.parent)
    write_private(path, secrets.token_bytes(32))
    return path.read_bytes()


def _ask_rules(ruleset: RuleSet, counts: Share, lang: str) -> list[str]:
    """Ask about each rule in turn; the related figures of the audit help decide."""
    from footprint.workshop.catalogue import catalogue, topic_label
    from footprint.workshop.share import related_figures

    t = catalogue(lang)
    typer.echo("Which rules need action in your footprint? (Enter = no)")
    marked = []
    for i, rule in enumerate(ruleset.rules, 1):
        typer.echo(f"\n{i}/{len(ruleset.rules)} [{rule.id}] {rule.text_for(lang)}")
        figures = related_figures(rule, counts)
        if figures:
            typer.echo("  your audit: " + ", ".join(f"{topic_label(k, t)} {n}" for k, n in figures))
        if typer.confirm("  Needs action?", default=False):
            marked.append(rule.id)
    typer.echo("")
    return marked


@workshop_app.command("summary")
def summary(
    shares: list[Path] = typer.Argument(..., help="The share files the participants handed in."),
    output: Path = typer.Option(..., "--output", "-o", help="Where to write the group report PDF."),
    min_group: int = typer.Option(
        5, "--min-group", min=3, help="Refuse with fewer usable shares than this (at least 3)."
    ),
    rules: Path | None = typer.Option(None, "--rules", help=RULES_HELP),
    lang: Language = typer.Option(Language.fi, "--lang", help="Language of the report."),
) -> None:
    """Write the group report from the shares; bad shares are left out, one by one."""
    from footprint.paths import write_private
    from footprint.workshop.report import Intake, render_group
    from footprint.workshop.rules import load_rules
    from footprint.workshop.summary import summarise
    from footprint.workshop.validate import read_shares

    writable(output)
    ruleset = load_rules(rules)
    read = read_shares(shares, ruleset.ids)
    for rejected in read.rejected:
        warn(f"{rejected.source}: rejected: {rejected.reason}")
    for duplicate in read.duplicates:
        warn(f"{duplicate.source}: dropped: the same share as {duplicate.first}")
    group = summarise(read.shares, ruleset.ids, min_group=min_group)
    intake = Intake(len(shares), len(read.shares), len(read.rejected), len(read.duplicates))
    write_private(output, render_group(group, ruleset, lang.value, intake))
    echo_summary(
        f"Wrote {output}: {intake.used} shares used, {intake.rejected} rejected, "
        f"{intake.duplicates} duplicates dropped."
    )


@rules_app.command("init")
def rules_init(
    path: Path = typer.Argument(Path("workshop-rules.toml"), help="Where to write the rules."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing file."),
) -> None:
    """Write a commented example rules file to fill in."""
    from footprint.paths import write_private
    from footprint.workshop.rules import rules_template

    writable(path)
    if path.exists() and not force:
        raise InputError(f"{path}: already exists: edit it, or use --force to start over")
    write_private(path, rules_template())
    typer.echo(
        f"Wrote {path}: write your rules, then check them with "
        f"'footprint workshop rules check {path}'."
    )


@rules_app.command("check")
def rules_check(path: Path = typer.Argument(..., help="The rules TOML file.")) -> None:
    """Validate a rules file and list its rules."""
    from footprint.workshop.rules import LANGUAGES, load_rules

    ruleset = load_rules(path)
    typer.echo(f"{path}: OK, {len(ruleset.rules)} rules")
    for rule in ruleset.rules:
        langs = ", ".join(lang for lang in LANGUAGES if lang in rule.text) or "one text"
        typer.echo(f"  {rule.id:<28} ({langs})")
