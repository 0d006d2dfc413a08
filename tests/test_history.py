"""Historic session-bug fixes of real applications (tests/history/*, see its README): the
"before" half of each is reported with its markers' codes, the "after" half is silent, and
``case.toml`` says honestly which "before" halves are caught today."""
from __future__ import annotations

from pathlib import Path

import pytest

from flake8_dbsession import toml_reader
from tests.test_projects import lint_project


HISTORY = Path(__file__).resolve().parent / "history"
CASES = sorted(p for p in HISTORY.iterdir() if (p / "case.toml").is_file())
# how many "before" halves are reported with exactly their markers: this floor only ever rises
# (raise it when a change catches more). A count, not a share: a new case the linter does not
# catch yet (the work an issue starts from) must not fail the suite, a lost one must.
MIN_DETECTED = 51
KINDS = (
    "broken session import",
    "sync session I/O in async code",
    "un-awaited AsyncSession call",
    "wrong sync/async API",
    "session not closed",
    "long-lived session",
    "connection held across network I/O",
    "lazy load in async code",
    "relationship read under lazy='raise'",
    "detached or expired instance",
    "AsyncSession shared by concurrent tasks",
    "session crosses a task boundary",
    "event loop started over a shared async engine",
)


def case_info(case: Path) -> dict:
    with open(case / "case.toml", "rb") as handle:
        return toml_reader.load(handle)


def detected(case: Path) -> tuple[bool, str]:
    """A "before" half is reported when at least one of its marked lines gets its code and no
    unmarked line gets a finding (a fix may mend several places; each is marked)."""
    expected, actual, messages = lint_project(case / "before")
    missing, extra = sorted(expected - actual), sorted(actual - expected)
    return (bool(expected & actual) and not extra,
            f"missing: {missing}\nextra: {[(k, messages[k]) for k in extra]}")


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_case_is_complete(case):
    info = case_info(case)
    for key in ("repo", "fix", "files", "kind", "code", "summary", "detected"):
        assert key in info, f"case.toml lacks '{key}'"
    assert info["kind"] in KINDS, f"kind must be one of {KINDS}"
    assert len(info["fix"]) == 40, "the fixing commit's full sha"
    for half in ("before", "after"):
        files = list((case / half).rglob("*.py"))
        assert files, f"{half}/ has no Python file"
        for path in files:
            head = path.read_text().lstrip()[:400]
            assert info["repo"] in head or path.stat().st_size == 0, f"{path} does not credit {info['repo']}"
    expected, _, _ = lint_project(case / "before")
    assert {code for _, _, code in expected} == {info["code"]}, "before/ markers carry the case's code"


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_after_fix_is_silent(case):
    """Silent, except where the maintainers' fix left a bug of the same kind in place: such a line
    is marked in after/ and ``after_note`` in case.toml says why it is still a bug."""
    expected, actual, messages = lint_project(case / "after")
    assert actual == expected, [(k, messages.get(k, "not reported")) for k in sorted(actual ^ expected)]
    if expected:
        assert case_info(case).get("after_note"), "after/ has markers: case.toml must explain them in after_note"


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_before_fix_detection_is_as_recorded(case):
    found, detail = detected(case)
    recorded = case_info(case)["detected"]
    assert found == recorded, (f"case.toml says detected = {str(recorded).lower()}, but it is "
                               f"{str(found).lower()}: update it\n{detail}")


def test_history_detected_does_not_drop():
    if not CASES:
        pytest.skip("no cases")
    assert sum(case_info(c)["detected"] for c in CASES) >= MIN_DETECTED


def table() -> str:
    """The closing-note table: per kind of historic bug, how many "before" halves are caught."""
    rows: dict[str, list[int]] = {}
    for case in CASES:
        info = case_info(case)
        row = rows.setdefault(info["kind"], [0, 0])
        row[0] += detected(case)[0]
        row[1] += 1
    apps = {case_info(c)["repo"] for c in CASES}
    lines = ["| kind of historic bug | found |", "|---|---|"]
    lines += [f"| {kind} | {found} of {total} |" for kind, (found, total) in sorted(rows.items())]
    found = sum(r[0] for r in rows.values())
    total = sum(r[1] for r in rows.values())
    lines.append(f"| **all** ({len(apps)} applications) | **{found} of {total}** |")
    return "\n".join(lines)


if __name__ == "__main__":  # python -m tests.test_history
    print(table())
