"""Shared helpers: analyse a source string in process, or run the real flake8 in a subprocess."""
from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from flake8_dbsession.analysis import analyze
from flake8_dbsession.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
FLAKE8 = [sys.executable, "-m", "flake8"]
MARKER = re.compile(r"#\s*(DBS\d{3}(?:\s*,\s*DBS\d{3})*)\s*$")


def findings(source: str, filename: str = "app/module.py", settings: Settings | None = None, codes=None):
    return analyze(ast.parse(source), filename, settings or Settings(), codes)


def expected_markers(source: str) -> set[tuple[int, str]]:
    """{(line, code)} from trailing '# DBS005' comments (several codes: '# DBS005, DBS009')."""
    out = set()
    for lineno, line in enumerate(source.splitlines(), start=1):
        match = MARKER.search(line)
        if match:
            for code in re.findall(r"DBS\d{3}", match.group(1)):
                out.add((lineno, code))
    return out


def run_flake8(args: list[str], cwd: Path | str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    env.pop("FLAKE8_CONFIG", None)
    return subprocess.run(FLAKE8 + args, cwd=str(cwd), input=stdin, capture_output=True, text=True,
                          env=env, timeout=300)


@pytest.fixture
def project(tmp_path: Path):
    """Write a small project: project({'app/x.py': '...', 'setup.cfg': '...'}) -> its root."""

    def make(files: dict[str, str]) -> Path:
        for rel, text in files.items():
            path = tmp_path / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
        return tmp_path

    return make
