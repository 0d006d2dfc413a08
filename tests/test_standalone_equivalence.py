"""`flake8-dbsession check` prints exactly what `flake8 --select=DBS` prints, on the acceptance
scenarios, the fixture projects, the single-file fixtures and the examples project."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT, run_flake8

STANDALONE = [str(Path(sys.executable).with_name("flake8-dbsession"))]
ACCEPTANCE = ROOT.parent / "shared" / "acceptance"
CONFIG_FILES = ("setup.cfg", "tox.ini", ".flake8")


def run_check(args: list[str], cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(STANDALONE + args, cwd=str(cwd), input=stdin, capture_output=True, text=True,
                          timeout=300)


def flake8_lines(args: list[str], cwd: Path) -> list[str]:
    result = run_flake8(["--select=DBS", *args], cwd=cwd)
    assert "Traceback" not in result.stderr, result.stderr
    return sorted(line.removeprefix("./") for line in result.stdout.splitlines())


def standalone_lines(args: list[str], cwd: Path) -> list[str]:
    result = run_check(["check", "-q", *args], cwd=cwd)
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    return sorted(result.stdout.splitlines())


def _groups(parent: Path) -> list[tuple[Path, list[str]]]:
    """(cwd, paths): folders with a flake8 config of their own run alone from inside (flake8 reads
    its config from the working directory); the others together from their parent."""
    alone, together = [], []
    for folder in sorted(p for p in parent.iterdir() if p.is_dir() and not p.name.startswith(".")):
        (alone if any((folder / name).exists() for name in CONFIG_FILES) else together).append(folder)
    return [(folder, ["."]) for folder in alone] + ([(parent, [f.name for f in together])] if together else [])


def _cases() -> list[tuple[str, Path, list[str], list[str]]]:
    cases = [("examples", ROOT / "examples", ["."], [])]
    for cwd, paths in _groups(FIXTURES / "projects"):
        cases.append((f"projects/{cwd.name if paths == ['.'] else '*'}", cwd, paths, []))
    single = sorted(p.name for p in FIXTURES.glob("DBS*") if p.is_dir())
    cases.append(("fixtures/DBS*", FIXTURES, single, ["--isolated"]))
    if ACCEPTANCE.is_dir():
        for cwd, paths in _groups(ACCEPTANCE):
            cases.append((f"acceptance/{cwd.name if paths == ['.'] else '*'}", cwd, paths, []))
    return cases


@pytest.mark.parametrize("name, cwd, paths, extra", _cases(), ids=[c[0] for c in _cases()])
def test_same_findings_as_flake8(name, cwd, paths, extra):
    expected = flake8_lines([*extra, *paths], cwd)
    assert standalone_lines([*extra, *paths], cwd) == expected
    if name in ("examples", "fixtures/DBS*"):
        assert expected, "the comparison must cover real findings"
