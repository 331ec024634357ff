"""Inline SVG bar charts for the report summary: pure strings, every text escaped."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

_FONT = 'font-family="Inter, DejaVu Sans, sans-serif" font-size="15"'


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    colour: str  # a CSS colour from footprint's own palette


def bar_chart(bars: Sequence[Bar], *, title: str, width: int = 460, row: int = 32) -> str:
    """A horizontal bar chart: label, bar, count; scaled to the largest value."""
    # Wide enough for the longest label (an average Inter glyph is about 0.56 em), within
    # limits, so that "Verkkotunnus on pysäköity" is not cut at the chart's left edge.
    longest = max((len(b.label) for b in bars), default=0)
    label_w = min(width // 2, max(150, round(longest * 15 * 0.58) + 8))
    count_w, gap = 44, 10
    bar_area = width - label_w - count_w - 2 * gap
    top = max((b.value for b in bars), default=0) or 1
    height = row * len(bars) + 4
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
    ]
    for i, bar in enumerate(bars):
        y = i * row + 2
        length = round(bar_area * bar.value / top) if bar.value else 0
        colour = escape(bar.colour)
        parts.append(
            f'<text x="{label_w}" y="{y + row * 0.62:.1f}" text-anchor="end" '
            f'{_FONT} fill="#1f2933">{escape(bar.label)}</text>'
        )
        parts.append(
            f'<rect x="{label_w + gap}" y="{y + 4}" width="{bar_area}" height="{row - 10}" '
            f'rx="3" fill="#eef0f2"/>'
        )
        if length:
            parts.append(
                f'<rect x="{label_w + gap}" y="{y + 4}" width="{length}" height="{row - 10}" '
                f'rx="3" fill="{colour}"/>'
            )
        parts.append(
            f'<text x="{width - count_w + gap}" y="{y + row * 0.62:.1f}" '
            f'{_FONT} font-weight="600" fill="#1f2933">{int(bar.value)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
