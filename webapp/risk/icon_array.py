"""An icon array: the people who get PML marked among people like you, so that the risk is seen as
people, not a percentage (pml_risk_table.md, "How to show it": an icon array of 1000).

Walk defect 21: 10,000 squares of 2.7 px made a grey mesh on a phone. So a picture is never more than
1000 people: a figure that is a whole number per 1000 is one grid of 1000. A figure per 10,000 is ten
boxes of 1000 (the overview: one box for each 1000, the boxes holding a person with PML marked), and
the first box zoomed in as a grid of 1000 with its one person marked. The numbers are the domain's
natural frequency, unchanged. The template draws it as SVG; this module only lays it out."""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.pml_risk import NaturalFrequency

CELL = 10  # SVG units per person in a grid of 1000
GRID = (25, 40)  # columns x rows: 25 across is about 11 px a person on a 320 px phone
BLOCK = 1000  # people in one grid, and in one box of the overview
BOX_W, BOX_H, BOX_GAP = 50, 80, 8  # a box of the overview, in SVG units (the grid's shape)
BOXES = (5, 2)  # ten boxes of 1000: five across, two down


@dataclass(frozen=True, slots=True)
class Grid:
    """1000 people, drawn one icon each; `marked` of them, in the first places, get PML."""

    marked: int
    columns: int = GRID[0]
    rows: int = GRID[1]

    @property
    def people(self) -> int:
        return self.columns * self.rows

    @property
    def cell(self) -> int:
        return CELL

    @property
    def width(self) -> int:
        return self.columns * CELL

    @property
    def height(self) -> int:
        return self.rows * CELL

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"

    @property
    def marked_cells(self) -> list[tuple[int, int]]:
        """(x, y) of each marked person: the first ones, row by row from the top left, so they are easy
        to find and count."""
        return [((i % self.columns) * CELL, (i // self.columns) * CELL) for i in range(self.marked)]


@dataclass(frozen=True, slots=True)
class Box:
    x: int
    y: int
    marked: bool  # holds one person who gets PML


@dataclass(frozen=True, slots=True)
class IconArray:
    people: int  # the natural frequency's "out of": 1000 or 10,000
    affected: int
    grid: Grid  # the 1000 drawn person by person (for 10,000: the first box, zoomed in)
    boxes: tuple[Box, ...] = ()  # for 10,000: ten boxes of 1000

    @property
    def zoomed(self) -> bool:
        return bool(self.boxes)

    @property
    def box_size(self) -> tuple[int, int]:
        return BOX_W, BOX_H

    @property
    def overview_view_box(self) -> str:
        columns, rows = BOXES
        edge = 2  # room for the first box's thick outline
        width, height = columns * BOX_W + (columns - 1) * BOX_GAP, rows * BOX_H + (rows - 1) * BOX_GAP
        return f"{-edge} {-edge} {width + 2 * edge} {height + 2 * edge}"


def icon_array(frequency: NaturalFrequency) -> IconArray:
    if frequency.out_of == BLOCK:
        return IconArray(people=BLOCK, affected=frequency.affected, grid=Grid(marked=frequency.affected))
    columns, rows = BOXES
    if frequency.out_of != columns * rows * BLOCK or frequency.affected > columns * rows:
        raise ValueError(f"no icon array for {frequency.affected} in {frequency.out_of} people")
    # one person with PML in each of the first `affected` boxes: no box of 1000 holds more than one
    boxes = tuple(Box(x=(i % columns) * (BOX_W + BOX_GAP), y=(i // columns) * (BOX_H + BOX_GAP),
                      marked=i < frequency.affected) for i in range(columns * rows))
    return IconArray(people=frequency.out_of, affected=frequency.affected, grid=Grid(marked=1), boxes=boxes)
