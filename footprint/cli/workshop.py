"""`footprint workshop kit|share|summary|rules`: run a workshop without exposing anyone."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from footprint.cli.app import sub_app, warn
from footprint.cli.common import FORCE_HELP, echo_summary, writable
from footprint.cli.terminal import stdin_is_terminal
from footprint.errors import InputError, UsageError
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
    participants: int = typer.Option(
        20, "--participants", min=1, max=500,
        help="How many participant codes to make: one per person who may share.",
    ),
    codes: Path | None = typer.Option(
        None, "--codes", help="Where to write the code slips PDF; default: NAME-codes.pdf beside "
        "the kit.",
    ),
    rules: Path | None = typer.Option(None, "--rules", help=RULES_HELP),
    lang: Language = typer.Option(Language.fi, "--lang", help="Language of the kit."),
    force: bool = typer.Option(False, "--force", help=FORCE_HELP),
) -> None:  # fmt: skip
    """Write the facilitator's handout and the participant code slips to print and cut."""
    from footprint.paths import write_private
    from footprint.store import Store
    from footprint.workshop.kit import render_kit, render_slips
    from footprint.workshop.ledger import create_workshop
    from footprint.workshop.rules import load_rules

    slips_path = codes or output.with_name(f"{output.stem}-codes.pdf")
    if slips_path.resolve() == output.resolve():
        raise UsageError("--codes must be another file than --output")
    writable(output, force=force)
    writable(slips_path, force=force)
    ruleset = load_rules(rules)
    with Store.open() as store:
        made = create_workshop(store, participants)
    tag = made.workshop.tag
    kit_pdf = render_kit(ruleset, lang.value, tag, participants)
    slips_pdf = render_slips(tag, made.codes, lang.value)
    write_private(output, kit_pdf, overwrite=force)
    write_private(slips_path, slips_pdf, overwrite=force)
    echo_summary(
        f"Wrote {output}: the kit for workshop {tag} with {len(ruleset.rules)} rules "
        f"({lang.value}), and {slips_path}: {participants} participant codes to print, cut "
        "apart and draw at random. Make the group report on this device."
    )


@workshop_app.command("share")
def share(
    audit: str | None = typer.Argument(
        None,
        help="An audit JSON file (footprint audit --json), a 'classify --format json' file, "
        "or a saved audit's id; default: your latest saved audit.",
    ),
    output: Path = typer.Option(..., "--output", "-o", help="Where to write the share file."),
    code: str | None = typer.Option(
        None, "--code", "-c", help="The participant code on the slip you drew; asked if not given."
    ),
    needs_action: list[str] = typer.Option(
        [], "--needs-action", "-n", help="The id of a rule that needs action for you (repeat)."
    ),
    rules: Path | None = typer.Option(None, "--rules", help=RULES_HELP),
    lang: Language = typer.Option(Language.fi, "--lang", help="Language of the rules when asking."),
    yes: bool = typer.Option(False, "--yes", "-y", help="Write without showing and asking."),
    force: bool = typer.Option(False, "--force", help=FORCE_HELP),
) -> None:
    """Write your anonymous share: only counts, the ids of rules you marked and your code."""
    from datetime import date

    from footprint.paths import write_private
    from footprint.workshop.audit_source import load_audit
    from footprint.workshop.codes import parse_code
    from footprint.workshop.rules import load_rules
    from footprint.workshop.share import build_share

    writable(output, force=force)
    ruleset = load_rules(rules)
    for rule_id in needs_action:
        if rule_id not in ruleset.ids:
            raise InputError(
                f"--needs-action {rule_id!r} is not a rule in {ruleset.source}: "
                f"use one of {', '.join(ruleset.ids)}"
            )
    findings, origin = load_audit(audit)
    participant = str(parse_code(code if code is not None else _ask_code()))
    year = date.today().year
    marked = list(needs_action)
    if not marked and not yes and stdin_is_terminal():
        counts = build_share(findings, (), current_year=year, code=participant)
        marked = _ask_rules(ruleset, counts, lang.value)
    result = build_share(findings, marked, current_year=year, code=participant)
    if not yes:
        typer.echo(f"From {origin}, this is everything the share file will hold:")
        typer.echo(result.to_json(), nl=False)
        if not _confirm(f"Write it to {output}?"):
            echo_summary("Nothing was written.")
            return
    write_private(output, result.to_json(), overwrite=force)
    marked_count = len(result.needs_action)
    echo_summary(
        f"Wrote {output}: {result.results} results as counts and {marked_count} marked "
        f"rule{'' if marked_count == 1 else 's'}. "
        "Hand it to the facilitator if you want to take part."
    )


def _ask_code() -> str:
    """The participant code, asked on a terminal; without one it must be given as --code."""
    from footprint.workshop.codes import EXAMPLE

    if not stdin_is_terminal():
        raise UsageError(f"give the participant code from your slip: --code {EXAMPLE}")
    return str(typer.prompt("The participant code on your slip"))


def _confirm(question: str) -> bool:
    """Ask yes/no; no answer at all (no terminal, closed input) is a usage mistake."""
    try:
        return typer.confirm(question, default=True)
    except typer.Abort:
        raise UsageError(
            "footprint workshop share shows the file and asks before writing it, and nobody "
            "answered: run it in a terminal, or add --yes to write without asking"
        ) from None


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
    workshop: str | None = typer.Option(
        None, "--workshop", "-w", help="The workshop's tag (first part of the codes); needed "
        "only when the shares come from several workshops.",
    ),
    rules: Path | None = typer.Option(None, "--rules", help=RULES_HELP),
    lang: Language = typer.Option(Language.fi, "--lang", help="Language of the report."),
    force: bool = typer.Option(False, "--force", help=FORCE_HELP),
) -> None:  # fmt: skip
    """Write the group report from the shares; bad shares are left out, one by one."""
    from footprint.paths import write_private
    from footprint.store import Store
    from footprint.workshop.group import admit_shares, prepare_summary, record_summary
    from footprint.workshop.report import render_group
    from footprint.workshop.rules import load_rules
    from footprint.workshop.validate import read_shares

    writable(output, force=force)
    ruleset = load_rules(rules)
    read = read_shares(shares, ruleset.ids)
    with Store.open() as store:
        admission = admit_shares(store, read, workshop)
        for rejected in admission.rejected:
            warn(f"{rejected.source}: rejected: {rejected.reason}")
        for duplicate in admission.duplicates:
            warn(f"{duplicate.source}: dropped: the same share as {duplicate.first}")
        prepared = prepare_summary(
            store, admission, ruleset.ids, given=len(shares), min_group=min_group
        )
        report = render_group(prepared.summary, ruleset, lang.value, prepared.intake)
        write_private(output, report, overwrite=force)
        record_summary(store, prepared)
    intake = prepared.intake
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

    writable(path, force=True)  # an existing file is refused below, as an input mistake
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
