"""What a diagram becomes in one language: positioned shapes and text lines (a scene), which
fragments/diagram.html draws as inline SVG, and the drawing steps every layout
(course/diagram_layouts.py) builds one from: wrapped text, boxes and arrows on a canvas.

Every scene is drawn in a 360-unit-wide view box, so that on a 390-pixel phone (content about
358 px wide) one unit is about one CSS pixel and the smallest text (13 units) stays above 12 px."""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from course.diagrams import Item

WIDTH = 360
LABEL, NOTE = 15, 13          # font sizes in view-box units
LEADING = 1.3                 # line height as a multiple of the font size
PAD = 10


@dataclass(frozen=True)
class Line:
    x: float
    y: float
    text: str
    size: int
    bold: bool = False
    anchor: str = "middle"
    css: str = "cd-text"


@dataclass(frozen=True)
class Shape:
    tag: str                 # rect | circle | ellipse | path | polygon
    attrs: tuple[tuple[str, object], ...]
    css: str


@dataclass(frozen=True)
class Scene:
    width: int
    height: int
    shapes: tuple[Shape, ...]
    lines: tuple[Line, ...]



def wrap(words: str, size: int, width: float, bold: bool = False) -> list[str]:
    """Break text into lines that fit `width` units, estimating a sans-serif glyph's width."""
    per_char = _glyph(size, bold)
    lines: list[str] = []
    for word in words.split():
        if lines and (len(lines[-1]) + 1 + len(word)) * per_char <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _glyph(size: int, bold: bool) -> float:
    return size * (0.62 if bold else 0.56)


def fits(words: str, size: int, width: float, bold: bool = False) -> bool:
    """Whether every word of `words` fits on a line of `width` units."""
    return all(len(word) * _glyph(size, bold) <= width for word in words.split())



class Canvas:
    def __init__(self) -> None:
        self.shapes: list[Shape] = []
        self.lines: list[Line] = []

    def shape(self, tag: str, css: str, **attrs: object) -> None:
        self.shapes.append(Shape(tag, tuple((key.replace("_", "-"), rounded(value))
                                            for key, value in attrs.items()), css))

    def text(self, x: float, y: float, lines: list[str], size: int, bold: bool = False,
             anchor: str = "middle", css: str = "cd-text") -> float:
        """Write lines whose first baseline sits one size below `y`; return the y below them."""
        for number, content in enumerate(lines):
            baseline = y + size + number * size * LEADING
            self.lines.append(Line(rounded(x), rounded(baseline), content, size, bold, anchor, css))
        return y + len(lines) * size * LEADING

    def arrow(self, d: str) -> None:
        self.shape("path", "cd-arrow", d=d)

    def done(self, height: float) -> Scene:
        return Scene(WIDTH, math.ceil(height), tuple(self.shapes), tuple(self.lines))


def box_lines(item: Item, language: str, width: float) -> tuple[list[str], list[str]]:
    label = wrap(item.label[language], LABEL, width, bold=True)
    note = wrap(item.note[language], NOTE, width) if item.note else []
    return label, note


def box_height(label: list[str], note: list[str]) -> float:
    return 2 * PAD + len(label) * LABEL * LEADING + (4 + len(note) * NOTE * LEADING if note else 0)


def box(canvas: Canvas, item: Item, language: str, x: float, y: float, width: float,
         css: str = "cd-box", anchor: str = "middle", inset: float = 0) -> float:
    """A framed box with a bold label and an optional note; returns its height."""
    label, note = box_lines(item, language, width - 2 * PAD - inset)
    height = box_height(label, note)
    canvas.shape("rect", css, x=x, y=y, width=width, height=height, rx=6)
    tx = x + width / 2 + inset / 2 if anchor == "middle" else x + PAD + inset
    below = canvas.text(tx, y + PAD, label, LABEL, True, anchor)
    if note:
        canvas.text(tx, below + 4, note, NOTE, anchor=anchor)
    return height


def rounded(value: object) -> object:
    return round(value, 1) if isinstance(value, float) else value
