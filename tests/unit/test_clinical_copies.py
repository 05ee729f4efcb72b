"""The copies of the clinical files in tests/clinical are the shared files, byte for byte."""

from __future__ import annotations

import pytest

from tests.clinical_files import COPIES, NAMES, SHARED


@pytest.mark.parametrize("name", NAMES)
def test_the_copy_is_the_shared_file(name):
    if not SHARED.exists():
        pytest.skip("no ../shared/clinical next to this clone: the copies stand in for it")
    assert (COPIES / name).read_bytes() == (SHARED / name).read_bytes(), (
        f"../shared/clinical/{name} changed: copy it to tests/clinical/ and check the code against it")
