"""The PML picture's layout (issue 6; walk defect 21): never more than 1000 people drawn one by one, and
exactly the domain's numbers: a figure per 1000 is one grid of 1000, a figure per 10,000 is ten boxes of
1000 with one person in each of the first boxes, and the first box zoomed in."""

import pytest

from webapp.domain.pml_risk import JCV_NEGATIVE_PER_1000, RISK_TABLE, natural_frequency
from webapp.risk.icon_array import icon_array


@pytest.mark.parametrize(("per_1000", "people", "affected"), [(3, 1000, 3), (10, 1000, 10), (2, 1000, 2)])
def test_a_figure_per_1000_is_one_grid_of_1000_with_the_affected_marked(per_1000, people, affected):
    array = icon_array(natural_frequency(per_1000))
    assert (array.people, array.affected, array.zoomed) == (people, affected, False)
    assert array.grid.people == 1000 and array.grid.columns * array.grid.rows == 1000
    assert len(array.grid.marked_cells) == affected


@pytest.mark.parametrize(("per_1000", "affected"), [(0.1, 1), (0.3, 3), (0.6, 6), (0.9, 9)])
def test_a_figure_per_10000_is_ten_boxes_with_one_person_in_each_of_the_first(per_1000, affected):
    array = icon_array(natural_frequency(per_1000))
    assert (array.people, array.affected, array.zoomed) == (10_000, affected, True)
    assert len(array.boxes) * array.grid.people == 10_000
    assert [box.marked for box in array.boxes] == [True] * affected + [False] * (10 - affected)
    assert len(array.grid.marked_cells) == 1  # the zoomed first box holds exactly one of them


def test_every_figure_in_the_table_can_be_drawn_with_its_exact_numbers():
    figures = {figure for _row, cells in RISK_TABLE for figure in cells} | {JCV_NEGATIVE_PER_1000}
    assert len(figures) > 10
    for figure in figures:
        frequency = natural_frequency(figure)
        array = icon_array(frequency)
        shown = sum(box.marked for box in array.boxes) if array.zoomed else len(array.grid.marked_cells)
        assert (array.people, shown) == (frequency.out_of, frequency.affected), figure


def test_people_are_big_enough_to_see_on_a_320_px_phone():
    array = icon_array(natural_frequency(3))
    # about 288 px of picture at 320 px: each person gets at least 10 px
    assert 288 / array.grid.columns >= 10


def test_the_affected_fill_the_first_places_row_by_row():
    array = icon_array(natural_frequency(3))
    assert array.grid.marked_cells == [(0, 0), (10, 0), (20, 0)]
    assert array.grid.view_box == "0 0 250 400"


def test_a_picture_of_an_unusual_size_is_refused():
    with pytest.raises(ValueError, match="no icon array"):
        icon_array(natural_frequency(0.05))
