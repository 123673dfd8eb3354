"""Charts for self-discovery results: a radar (a hexagon for six axes) drawn as inline SVG,
always with a table of the same numbers beside it (the chart is hidden from screen
readers, the table is not).

No JavaScript and nothing fetched, so the same markup works on the page, in the "Who I am"
summary and in its PDF. Colours are set as SVG attributes as well as classes, so the chart
reads correctly even where app.css is not loaded.

    {% load discovery_charts %}
    {% radar_chart points maximum=100 label="Interest profile" value_label="Score" %}

`points` is a sequence of (label, value) or (label, value, highlighted) tuples, or a
mapping of label to value, drawn clockwise from the top.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django import template

register = template.Library()

# Geometry in SVG user units; the chart scales to its box. The width leaves room for a
# label as long as "Investigative 100", in bold, on either side.
WIDTH = 520
HEIGHT = 290
CENTRE_X = 260
CENTRE_Y = 145
RADIUS = 100
LABEL_GAP = 14
RINGS = (0.25, 0.5, 0.75, 1.0)


@dataclass(frozen=True)
class Spoke:
    label: str
    value: float
    shown: str  # the value as printed
    high: bool
    x: float  # the axis end
    y: float
    px: float  # the value's point
    py: float
    lx: float  # the label
    ly: float
    anchor: str


@dataclass(frozen=True)
class Radar:
    spokes: tuple[Spoke, ...]
    rings: tuple[str, ...]  # polygon points, inner to outer
    shape: str  # the value polygon's points
    label: str
    name_label: str
    value_label: str
    maximum: float
    width: int = WIDTH
    height: int = HEIGHT
    cx: int = CENTRE_X
    cy: int = CENTRE_Y


def _points(rows: Any) -> list[tuple[str, float, bool]]:
    items = rows.items() if isinstance(rows, Mapping) else rows
    out = []
    for row in items:
        label, value, *rest = row
        out.append((str(label), float(value), bool(rest[0]) if rest else False))
    return out


def _shown(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def radar(
    rows: Sequence[Any] | Mapping[str, float],
    maximum: float = 100,
    label: str = "",
    name_label: str = "",
    value_label: str = "Value",
) -> Radar:
    """The chart's geometry: axes clockwise from the top, values scaled to `maximum`."""
    points = _points(rows)
    n = max(len(points), 3)
    angles = [-math.pi / 2 + 2 * math.pi * i / n for i in range(n)]

    def at(i: int, r: float) -> tuple[float, float]:
        return (
            round(CENTRE_X + r * math.cos(angles[i]), 1),
            round(CENTRE_Y + r * math.sin(angles[i]), 1),
        )

    spokes = []
    for i, (name, value, high) in enumerate(points):
        share = min(1.0, max(0.0, value / maximum)) if maximum else 0.0
        x, y = at(i, RADIUS)
        px, py = at(i, RADIUS * share)
        lx, ly = at(i, RADIUS + LABEL_GAP)
        cos, sin = math.cos(angles[i]), math.sin(angles[i])
        anchor = "start" if cos > 0.3 else "end" if cos < -0.3 else "middle"
        # Baselines: below the point at the bottom, above it at the top, centred at the sides.
        ly += 12 if sin > 0.9 else 0 if sin < -0.9 else 5
        spokes.append(Spoke(name, value, _shown(value), high, x, y, px, py, lx, ly, anchor))
    rings = tuple(
        " ".join("{},{}".format(*at(i, RADIUS * ring)) for i in range(len(points)))
        for ring in RINGS
    )
    shape = " ".join(f"{s.px},{s.py}" for s in spokes)
    return Radar(tuple(spokes), rings, shape, label, name_label, value_label, maximum)


@register.inclusion_tag("discovery/charts/radar.html")
def radar_chart(
    rows: Sequence[Any] | Mapping[str, float],
    maximum: float = 100,
    label: str = "",
    name_label: str = "",
    value_label: str = "Value",
) -> dict[str, Any]:
    """A radar chart with its data table, which `label` captions and which carries the
    numbers for screen readers (the drawing itself is hidden from them)."""
    chart = radar(
        rows, maximum=maximum, label=label, name_label=name_label, value_label=value_label
    )
    return {"chart": chart}


@register.simple_tag
def interests_result(result: Any, engagement: Any = None) -> Any:
    """The interests result as its template shows it; None for a result it cannot read."""
    from headway.discovery.kinds.interests import result_view

    try:
        return result_view(result, getattr(engagement, "pk", None))
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


@register.simple_tag
def strengths_result(result: Any) -> Any:
    """The strengths result as its template shows it; None for a result it cannot read."""
    from headway.discovery.kinds.strengths import result_view

    try:
        return result_view(result)
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
