"""Layouts of the course's diagrams: how each kind of diagram (steps, journey, cycle, hub, bands,
gap, lily) places a diagram's words in one language, drawn with course/diagram_scene.py."""
from __future__ import annotations

import math
from typing import TYPE_CHECKING

from course.diagram_scene import (LABEL, LEADING, NOTE, PAD, WIDTH, Canvas, Scene, Shape, box, box_height, box_lines,
                                  fits, rounded, wrap)

if TYPE_CHECKING:
    from course.diagrams import Diagram


def scene(diagram: Diagram, language: str) -> Scene:
    """The diagram laid out in one language."""
    return _LAYOUT[diagram.layout](diagram, language)


def _steps(diagram: Diagram, language: str, width: float = WIDTH - 20) -> Scene:
    canvas, y = Canvas(), 4.0
    for number, item in enumerate(diagram.items, start=1):
        height = box(canvas, item, language, 10, y, width, anchor="start", inset=30)
        canvas.shape("circle", "cd-badge", cx=10 + PAD + 13, cy=y + PAD + 11, r=13)
        canvas.text(10 + PAD + 13, y + PAD + 2, [str(number)], NOTE, True, css="cd-badge-text")
        y += height
        if number < len(diagram.items):
            canvas.arrow(f"M{10 + width / 2},{y + 2} v18")
            y += 26
    return canvas.done(y + 4)


def _journey(diagram: Diagram, language: str) -> Scene:
    canvas = Canvas()
    words = diagram.words
    y = canvas.text(WIDTH / 2, 2, wrap(words["routes"][language], NOTE, WIDTH - 20, True), NOTE, True)
    routes = [words[key][language] for key in ("route_1", "route_2", "route_3")]
    chip = (WIDTH - 20 - 2 * 8) / 3
    chip_lines = [wrap(route, NOTE, chip - 8) for route in routes]
    chip_height = 12 + max(len(lines) for lines in chip_lines) * NOTE * LEADING
    for number, lines in enumerate(chip_lines):
        x = 10 + number * (chip + 8)
        canvas.shape("rect", "cd-chip", x=x, y=y + 6, width=chip, height=chip_height, rx=chip_height / 2)
        canvas.text(x + chip / 2, y + 12, lines, NOTE)
    top = y + chip_height + 20
    canvas.arrow(f"M{WIDTH / 2 - 50},{top - 12} v10")
    column = WIDTH - 20 - 86
    y, count = top, len(diagram.items)
    for number, item in enumerate(diagram.items, start=1):
        height = box(canvas, item, language, 10, y, column, css="cd-accent-box" if item.group else "cd-box")
        # the action plan grows beside every module
        grow = 14 + 44 * number / count
        canvas.shape("rect", "cd-plan", x=WIDTH - 10 - grow, y=y, width=grow, height=height, rx=4)
        y += height
        if number < count:
            canvas.arrow(f"M{10 + column / 2},{y + 2} v14")
            y += 22
    plan = wrap(words["plan"][language], NOTE, 78, True)
    end = canvas.text(WIDTH - 10, y + 6, plan, NOTE, True, anchor="end")
    return canvas.done(end + 6)


def _cycle(diagram: Diagram, language: str) -> Scene:
    canvas, count = Canvas(), len(diagram.items)
    box_width, radius = 124.0, 112.0
    sized = [box_lines(item, language, box_width - 2 * PAD) for item in diagram.items]
    tallest = max(box_height(*lines) for lines in sized)
    centre_x, centre_y = WIDTH / 2, radius + tallest / 2 + 6
    angles = [-math.pi / 2 + 2 * math.pi * number / count for number in range(count)]
    gap = math.radians({3: 44, 4: 30}.get(count, 20))  # arrows start and end clear of the boxes
    for number, angle in enumerate(angles):
        start, end = angle + gap, angles[(number + 1) % count] + (2 * math.pi if number + 1 == count else 0) - gap
        x1, y1 = centre_x + radius * math.cos(start), centre_y + radius * math.sin(start)
        x2, y2 = centre_x + radius * math.cos(end), centre_y + radius * math.sin(end)
        large = 1 if end - start > math.pi else 0
        canvas.arrow(f"M{rounded(x1)},{rounded(y1)} A{radius},{radius} 0 {large} 1 {rounded(x2)},{rounded(y2)}")
    bottom = 0.0
    for item, angle, (label, note) in zip(diagram.items, angles, sized):
        height = box_height(label, note)
        bottom = max(bottom, centre_y + radius * math.sin(angle) + height / 2)
        x = min(max(centre_x + radius * math.cos(angle) - box_width / 2, 2), WIDTH - 2 - box_width)
        box(canvas, item, language, x, centre_y + radius * math.sin(angle) - height / 2, box_width)
    if "centre" in diagram.words:
        lines = wrap(diagram.words["centre"][language], NOTE, 100, True)
        canvas.text(centre_x, centre_y - len(lines) * NOTE * LEADING / 2, lines, NOTE, True, css="cd-strong")
    return canvas.done(max(bottom, centre_y + radius + 4) + 6)


def _hub(diagram: Diagram, language: str) -> Scene:
    canvas, width, radius = Canvas(), 160.0, 66.0
    rows = [diagram.items[index:index + 2] for index in range(0, len(diagram.items), 2)]
    half = (len(rows) + 1) // 2
    heights = [max(box_height(*box_lines(item, language, width - 2 * PAD)) for item in row) for row in rows]
    centre_y = 4 + sum(heights[:half]) + 24 * max(half - 1, 0) + 24 + radius
    y, links = 4.0, []
    for number, (row, height) in enumerate(zip(rows, heights)):
        if number == half:
            y = centre_y + radius + 24
        for column, item in enumerate(row):
            x = 12 + column * (WIDTH - 24 - width)
            links.append((x + width / 2, y + (height if number < half else 0)))
            canvas.shape("rect", "cd-box", x=x, y=y, width=width, height=height, rx=6)
            label, note = box_lines(item, language, width - 2 * PAD)
            below = canvas.text(x + width / 2, y + PAD, label, LABEL, True)
            if note:
                canvas.text(x + width / 2, below + 4, note, NOTE)
        y += height + 24
    for x, y_link in links:
        canvas.shape("path", "cd-link", d=f"M{rounded(x)},{rounded(y_link)} L{WIDTH / 2},{rounded(centre_y)}")
    canvas.shape("circle", "cd-centre", cx=WIDTH / 2, cy=centre_y, r=radius)
    label = wrap(diagram.words["centre"][language], LABEL, 2 * radius - 16, True)
    note = wrap(diagram.words.get("centre_note", {}).get(language, ""), NOTE, 2 * radius - 24)
    block = len(label) * LABEL * LEADING + (len(note) * NOTE * LEADING + 2 if note else 0)
    below = canvas.text(WIDTH / 2, centre_y - block / 2, label, LABEL, True, css="cd-centre-text")
    if note:
        canvas.text(WIDTH / 2, below + 2, note, NOTE, css="cd-centre-text")
    return canvas.done(y - 20)


def _bands(diagram: Diagram, language: str) -> Scene:
    canvas, y = Canvas(), 4.0
    # two boxes a row, or one when a word of a label would not fit half the width
    width = (WIDTH - 20 - 3 * 8) / 2
    if not all(fits(item.label[language], LABEL, width - 2 * PAD - 22, True) for item in diagram.items):
        width = WIDTH - 20 - 2 * 8
    columns = 1 if width > WIDTH / 2 else 2
    for group, heading in diagram.groups:
        members = [item for item in diagram.items if item.group == group]
        top = y
        y = canvas.text(18, y + 8, wrap(heading[language], LABEL, WIDTH - 40, True), LABEL, True,
                        anchor="start", css="cd-strong") + 6
        for start in range(0, len(members), columns):
            row = members[start:start + columns]
            height = max(box_height(*box_lines(item, language, width - 2 * PAD - 22)) for item in row)
            for column, item in enumerate(row):
                x = 18 + column * (width + 8)
                canvas.shape("rect", "cd-box", x=x, y=y, width=width, height=height, rx=6)
                label, note = box_lines(item, language, width - 2 * PAD - 22)
                canvas.text(x + PAD, y + PAD, [str(diagram.items.index(item) + 1)], LABEL, True,
                            anchor="start", css="cd-strong")
                below = canvas.text(x + PAD + 22, y + PAD, label, LABEL, True, anchor="start")
                if note:
                    canvas.text(x + PAD + 22, below + 4, note, NOTE, anchor="start")
            y += height + 8
        canvas.shapes.insert(0, Shape("rect", (("x", 10), ("y", rounded(top)), ("width", WIDTH - 20),
                                               ("height", rounded(y - top)), ("rx", 8)), "cd-band"))
        y += 10
    return canvas.done(y - 6)


def _gap(diagram: Diagram, language: str) -> Scene:
    canvas, words = Canvas(), diagram.words
    left, right = 34.0, WIDTH - 26.0
    step = (right - left) / 5

    def at(value: float) -> float:
        return left + (value - 1) * step
    y = 4.0
    for item in diagram.items:
        y = canvas.text(left - 14, y, wrap(item.label[language], LABEL, WIDTH - 30, True), LABEL, True,
                        anchor="start")
        line_y = y + 16
        canvas.shape("path", "cd-scale", d=f"M{left},{rounded(line_y)} H{right}")
        reality, aspiration = item.values
        canvas.shape("path", "cd-gap", d=f"M{rounded(at(reality))},{rounded(line_y)} H{rounded(at(aspiration))}")
        canvas.shape("circle", "cd-reality", cx=at(reality), cy=line_y, r=8)
        mid = at(aspiration)
        canvas.shape("polygon", "cd-aspiration", points=f"{rounded(mid)},{rounded(line_y - 9)} {rounded(mid + 9)},"
                     f"{rounded(line_y)} {rounded(mid)},{rounded(line_y + 9)} {rounded(mid - 9)},{rounded(line_y)}")
        gap_text = words["gap"][language].format(gap=_number(aspiration - reality, words["decimal"][language]))
        y = canvas.text((at(reality) + at(aspiration)) / 2, line_y + 12, [gap_text], NOTE, True, css="cd-strong")
        y += 10
    y += 4
    canvas.shape("path", "cd-scale", d=f"M{left},{rounded(y)} H{right}")
    for value in range(1, 7):
        canvas.shape("path", "cd-scale", d=f"M{rounded(at(value))},{rounded(y - 5)} v10")
        canvas.text(at(value), y + 6, [str(value)], NOTE, True)
    y += 6 + NOTE * LEADING + 2
    y = max(canvas.text(left, y, wrap(words["low"][language], NOTE, 150), NOTE, anchor="start"),
            canvas.text(right, y, wrap(words["high"][language], NOTE, 150), NOTE, anchor="end")) + 12
    canvas.shape("circle", "cd-reality", cx=left, cy=y + 9, r=7)
    y = canvas.text(left + 16, y, wrap(words["reality"][language], NOTE, WIDTH - 70), NOTE, anchor="start") + 6
    canvas.shape("polygon", "cd-aspiration", points=f"{left},{rounded(y + 1)} {left + 8},{rounded(y + 9)} "
                                                    f"{left},{rounded(y + 17)} {left - 8},{rounded(y + 9)}")
    y = canvas.text(left + 16, y, wrap(words["aspiration"][language], NOTE, WIDTH - 70), NOTE, anchor="start")
    return canvas.done(y + 6)


def _lily(diagram: Diagram, language: str) -> Scene:
    canvas, y = Canvas(), 4.0
    # one pad flowering in the first pond; a pond full of pads, most of them flowering, in the second
    ponds = ([(180, 0, True)], [(x, row, flowering) for row, xs in ((0, (50, 130, 210, 290)), (1, (90, 170, 250, 320)))
                                  for x, flowering in zip(xs, (True, False, True, True))])
    for item, pads in zip(diagram.items, ponds):
        canvas.shape("rect", "cd-water", x=10, y=y, width=WIDTH - 20, height=90, rx=8)
        for x, row, flowering in pads:
            cy = y + (52 if len(pads) == 1 else 40 + row * 30)
            canvas.shape("ellipse", "cd-pad", cx=x, cy=cy, rx=24, ry=8)
            canvas.shape("polygon", "cd-water", points=f"{x},{rounded(cy)} {x + 24},{rounded(cy - 3)} {x + 24},{rounded(cy + 3)}")
            if flowering:
                for turn in (-35, 35, 0):
                    canvas.shape("ellipse", "cd-flower", cx=x, cy=cy - 10, rx=5, ry=10,
                                 transform=f"rotate({turn} {x} {rounded(cy - 4)})")
        y += 96
        label, note = box_lines(item, language, WIDTH - 20)
        y = canvas.text(WIDTH / 2, y, label, LABEL, True)
        if note:
            y = canvas.text(WIDTH / 2, y + 2, note, NOTE)
        y += 14
    return canvas.done(y - 8)


_LAYOUT = {"steps": _steps, "journey": _journey, "cycle": _cycle, "hub": _hub, "bands": _bands,
           "gap": _gap, "lily": _lily}
# the further words each layout needs (the `words:` mapping of a diagram file)
LAYOUT_WORDS = {"journey": ("routes", "route_1", "route_2", "route_3", "plan"), "hub": ("centre",),
                "gap": ("gap", "decimal", "low", "high", "reality", "aspiration")}

LAYOUTS = tuple(_LAYOUT)


def _number(value: float, separator: str) -> str:
    return f"{value:+.1f}".replace(".", separator)
