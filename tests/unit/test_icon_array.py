"""The icon array's layout: 1000 people in 40 x 25, or 10,000 in 100 x 100 (issue 6)."""

import pytest

from webapp.domain.pml_risk import natural_frequency
from webapp.risk.icon_array import icon_array


@pytest.mark.parametrize(("per_1000", "people", "affected", "columns", "rows"), [
    (3, 1000, 3, 40, 25),
    (10, 1000, 10, 40, 25),
    (0.1, 10_000, 1, 100, 100),
    (0.6, 10_000, 6, 100, 100),
])
def test_the_picture_has_one_icon_per_person_and_marks_the_affected(per_1000, people, affected, columns, rows):
    array = icon_array(natural_frequency(per_1000))
    assert (array.people, array.affected, array.columns, array.rows) == (people, affected, columns, rows)
    assert array.columns * array.rows == people
    assert len(array.affected_cells) == affected


def test_the_affected_fill_the_first_places_row_by_row():
    array = icon_array(natural_frequency(3))
    assert array.affected_cells == [(0, 0), (10, 0), (20, 0)]
    assert array.view_box == "0 0 400 250"
    assert not array.ringed


def test_in_10000_people_a_ring_shows_where_the_few_are():
    array = icon_array(natural_frequency(0.2))
    assert array.ringed
    assert array.ring_centre == (10.0, 5.0)
    assert array.view_box.startswith("-")  # room for the ring around the top left corner


def test_a_picture_of_an_unusual_size_is_refused():
    with pytest.raises(ValueError, match="no icon array"):
        icon_array(natural_frequency(0.05))
