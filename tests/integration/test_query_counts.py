"""A page makes the same number of SQL statements with one month or five years of history
(STYLE.md habit 17; issue 7)."""

from __future__ import annotations

from tests.querycount_pages import measure


def test_pages_make_as_many_queries_for_five_years_as_for_one_month():
    counts = measure()
    assert len(counts) >= 6  # the pages were reached, signed in
    growing = {page: c for page, c in counts.items() if c[0] != c[1]}
    assert growing == {}, growing
