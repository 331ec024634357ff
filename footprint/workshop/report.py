"""The group report: the summary as figures, charts, the rules most often marked, prompts.

`build_group_context` is pure; `render_group` makes the PDF. Nothing here sees a share,
only the already suppressed `GroupSummary`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from footprint.workshop.catalogue import catalogue
from footprint.workshop.charts import Bar, bar_chart
from footprint.workshop.rules import RuleSet
from footprint.workshop.summary import SMALL_CELL, Cell, CellState, GroupSummary


@dataclass(frozen=True)
class Intake:
    """How many share files were given, used, rejected and dropped as duplicates."""

    given: int
    used: int
    rejected: int
    duplicates: int


def _figure(cell: Cell, t: dict[str, Any]) -> str:
    if cell.state is CellState.SMALL:
        return str(t["common"]["fewer_than"].format(small=SMALL_CELL))
    if cell.state is CellState.HIDDEN:
        return str(t["common"]["hidden"])
    return str(cell.results)


def _bars(cells: tuple[Cell, ...], labels: dict[str, str], t: dict[str, Any],
          *, skip_zero: bool = False) -> list[Bar]:  # fmt: skip
    bars = []
    for cell in cells:
        if skip_zero and cell.shown and not cell.results:
            continue
        if cell.shown:
            bars.append(Bar(labels[cell.key], cell.results, f"({cell.participants})"))
        else:
            bars.append(Bar(labels[cell.key], None, _figure(cell, t)))
    return bars


def _rule_text(rules: RuleSet, rule_id: str, lang: str) -> str:
    """A rule as the group reads it: its text in `lang` (its id only if the rules lack it)."""
    rule = rules.get(rule_id)
    return rule.text_for(lang) if rule else rule_id


def build_group_context(
    summary: GroupSummary, rules: RuleSet, lang: str, intake: Intake
) -> dict[str, Any]:
    """Everything the group template needs, in `lang`."""
    from footprint import __version__

    t = catalogue(lang)
    g = t["group"]
    charts = [
        (g["categories_title"], _bars(summary.categories, t["categories"], t)),
        (g["status_title"], _bars(summary.page_status, t["statuses"], t, skip_zero=True)),
        (g["age_title"], _bars(summary.age, t["ages"], t)),
    ]
    marked = [c for c in summary.rules if not (c.shown and not c.results)]
    unmarked = [_rule_text(rules, c.key, lang) for c in summary.rules if c.shown and not c.results]
    most = max((c.results or 0 for c in marked), default=0) or 1
    cells = (summary.results, summary.archived, summary.marked_any,
             *summary.categories, *summary.page_status, *summary.age, *summary.rules)  # fmt: skip
    return {
        "lang": lang,
        "doc_title": g["doc_title"],
        "t": t,
        "lead": g["lead"].format(participants=summary.participants, small=SMALL_CELL),
        "figures": [
            (str(summary.participants), g["participants"]),
            (_figure(summary.results, t), g["results"]),
            (_figure(summary.archived, t), g["archived"]),
            (_figure(summary.marked_any, t), g["marked_any"]),
        ],
        "charts": [{"title": title, "svg": bar_chart(bars, title)} for title, bars in charts],
        "rules": [
            {
                "id": cell.key,
                "text": _rule_text(rules, cell.key, lang),
                "figure": _figure(cell, t),
                "width": round(100 * (cell.results or 0) / most) if cell.shown else 0,
            }
            for cell in marked
        ],
        "unmarked": g["rules_unmarked"].format(rules=" · ".join(unmarked)) if unmarked else "",
        "prompts": g["prompts"],
        "note_small": g["note_small"].format(small=SMALL_CELL),
        "note_hidden": g["note_hidden"] if any(c.state is CellState.HIDDEN for c in cells) else "",
        "intake": g["intake"].format(**vars(intake)),
        "footer": t["common"]["footer"].format(version=__version__),
    }


def render_group_html(summary: GroupSummary, rules: RuleSet, lang: str, intake: Intake) -> str:
    from footprint.templating import render_html

    return render_html("workshop/group.html.j2", build_group_context(summary, rules, lang, intake))


def render_group(summary: GroupSummary, rules: RuleSet, lang: str, intake: Intake) -> bytes:
    """The group report as a tagged PDF."""
    from footprint.templating import render_pdf

    return render_pdf(render_group_html(summary, rules, lang, intake))
