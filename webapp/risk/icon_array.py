"""An icon array: a picture of 1000 people (or 10,000 when the figure is not a whole number per
1000), with the people who get PML marked, so that the risk is seen as people, not a percentage
(pml_risk_table.md, "How to show it"). The template draws it as SVG; this module only lays it out."""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.pml_risk import NaturalFrequency

CELL = 10  # SVG units per person
RING_RADIUS = 40
RING_WIDTH = 6
# columns x rows: 40 x 25 fits a phone screen's width; 10,000 people make a square
GRIDS = {1000: (40, 25), 10_000: (100, 100)}


@dataclass(frozen=True, slots=True)
class IconArray:
    people: int
    affected: int
    columns: int
    rows: int

    @property
    def width(self) -> int:
        return self.columns * CELL

    @property
    def height(self) -> int:
        return self.rows * CELL

    @property
    def cell(self) -> int:
        return CELL

    @property
    def ringed(self) -> bool:
        """In 10,000 people one person is a speck on a phone: a ring around the marked ones shows
        where to look (it marks nobody itself)."""
        return self.people > 1000

    @property
    def margin(self) -> int:
        return RING_RADIUS + RING_WIDTH if self.ringed else 0

    @property
    def view_box(self) -> str:
        m = self.margin
        return f"{-m} {-m} {self.width + 2 * m} {self.height + 2 * m}"

    @property
    def ring_centre(self) -> tuple[float, float]:
        """The middle of the marked people (they fill the first cells of the first row)."""
        return (min(self.affected, self.columns) * CELL / 2, CELL / 2)

    @property
    def affected_cells(self) -> list[tuple[int, int]]:
        """(x, y) of each marked person: the first ones, row by row from the top left, so they are
        easy to find and count."""
        return [((i % self.columns) * CELL, (i // self.columns) * CELL) for i in range(self.affected)]


def icon_array(frequency: NaturalFrequency) -> IconArray:
    if frequency.out_of not in GRIDS:
        raise ValueError(f"no icon array for {frequency.out_of} people")
    columns, rows = GRIDS[frequency.out_of]
    return IconArray(people=frequency.out_of, affected=frequency.affected, columns=columns, rows=rows)
