"""Every fixture file: the findings are exactly the inline '# DBSnnn' markers, all codes at once."""
from __future__ import annotations

import pytest

from tests.conftest import FIXTURES, expected_markers, findings

FIXTURE_FILES = sorted(FIXTURES.glob("DBS*/*.py"))


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fixture(path):
    source = path.read_text()
    expected = expected_markers(source)
    actual = {(f.line, f.code) for f in findings(source, filename=str(path))}
    missing = sorted(expected - actual)
    extra = sorted(actual - expected)
    details = {(f.line, f.code): f.message for f in findings(source, filename=str(path))}
    assert not missing and not extra, (
        f"missing: {missing}\nextra: {[(k, details[k]) for k in extra]}")


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_positive_fixtures_exercise_their_rule(path):
    """A fixture file named *_ok.py is negative; every other one reports its folder's rule."""
    expected = expected_markers(path.read_text())
    codes = {code for _, code in expected}
    if path.stem.endswith("_ok"):
        assert path.parent.name not in codes
    else:
        assert path.parent.name in codes
