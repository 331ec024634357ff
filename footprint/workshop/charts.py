"""Inline SVG bar charts for the group report, built as escaped strings.

Every label is escaped here, so a chart is safe to put into a template as markup.
A suppressed figure gets no bar, only its note (e.g. "fewer than 3").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

WIDTH = 500
ROW = 22
LABEL_W = 190
BAR_MAX = 230
BAR_H = 13
BAR_COLOUR = "#4f7396"
TEXT_COLOUR = "#2b2b2b"
MUTED_COLOUR = "#767676"
FONT = "Inter, 'DejaVu Sans', sans-serif"


@dataclass(frozen=True)
class Bar:
    label: str
    value: int | None  # None when the figure is suppressed
    detail: str = ""  # shown after the value, e.g. "(4)"; or the note when suppressed


def bar_chart(bars: Sequence[Bar], title: str) -> Markup:
    """A horizontal bar chart; bars are scaled to the largest value shown."""
    largest = max((b.value for b in bars if b.value is not None), default=0) or 1
    height = ROW * len(bars) + 6
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{escape(title)}" '
        f'font-family="{escape(FONT)}" font-size="9.5">',
        f"<title>{escape(title)}</title>",
    ]
    for i, bar in enumerate(bars):
        y = 3 + i * ROW
        mid = y + ROW / 2 + 3.3
        parts.append(
            f'<text x="{LABEL_W - 8}" y="{mid:.1f}" text-anchor="end" '
            f'fill="{TEXT_COLOUR}">{escape(bar.label)}</text>'
        )
        if bar.value is None:
            parts.append(
                f'<rect x="{LABEL_W}" y="{y + (ROW - BAR_H) / 2:.1f}" width="10" height="{BAR_H}" '
                f'fill="none" stroke="{MUTED_COLOUR}" stroke-width="0.8" stroke-dasharray="2 2"/>'
                f'<text x="{LABEL_W + 16}" y="{mid:.1f}" fill="{MUTED_COLOUR}" '
                f'font-style="italic">{escape(bar.detail)}</text>'
            )
            continue
        width = BAR_MAX * bar.value / largest
        parts.append(
            f'<rect x="{LABEL_W}" y="{y + (ROW - BAR_H) / 2:.1f}" width="{width:.1f}" '
            f'height="{BAR_H}" rx="1.5" fill="{BAR_COLOUR}"/>'
            f'<text x="{LABEL_W + width + 6:.1f}" y="{mid:.1f}" fill="{TEXT_COLOUR}">'
            f"{bar.value}"
            + (f' <tspan fill="{MUTED_COLOUR}">{escape(bar.detail)}</tspan>' if bar.detail else "")
            + "</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))
