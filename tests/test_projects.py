"""Multi-file fixture projects (tests/fixtures/projects/*): every file's findings are exactly its
inline '# DBSnnn' markers. A project's setup.cfg [flake8] section configures it."""
from __future__ import annotations

import ast
import configparser
from collections import OrderedDict
from pathlib import Path

import pytest

from flake8_dbsession.analysis import analyze
from flake8_dbsession.project import resolve
from flake8_dbsession.project.resolve import ProjectResolver
from flake8_dbsession.model import session_effects, summaries
from flake8_dbsession.settings import OPTIONS_BY_NAME, Settings
from tests.conftest import FIXTURES, expected_markers, run_flake8

PROJECTS = sorted(p for p in (FIXTURES / "projects").iterdir() if p.is_dir())


def project_settings(root: Path) -> Settings:
    cfg = root / "setup.cfg"
    values = {}
    if cfg.is_file():
        parser = configparser.ConfigParser()
        parser.read(cfg)
        if parser.has_section("flake8"):
            values = {k: v for k, v in parser.items("flake8") if k in OPTIONS_BY_NAME}
    return Settings.from_values(values)


def lint_project(root: Path) -> tuple[set, set, dict]:
    settings = project_settings(root)
    expected, actual, messages = set(), set(), {}
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        source = path.read_text()
        expected |= {(rel, line, code) for line, code in expected_markers(source)}
        for finding in analyze(ast.parse(source), str(path), settings):
            actual.add((rel, finding.line, finding.code))
            messages[(rel, finding.line, finding.code)] = finding.message
    return expected, actual, messages


@pytest.mark.parametrize("root", PROJECTS, ids=lambda p: p.name)
def test_project(root):
    expected, actual, messages = lint_project(root)
    missing = sorted(expected - actual)
    extra = sorted(actual - expected)
    assert not missing and not extra, f"missing: {missing}\nextra: {[(k, messages[k]) for k in extra]}"


@pytest.mark.parametrize("root", PROJECTS, ids=lambda p: p.name)
def test_project_through_flake8(root):
    """The same through flake8 in a subprocess, from the project's own folder (its config applies)."""
    result = run_flake8(["--select=DBS", "--format=%(path)s:%(row)d:%(code)s", "."], cwd=root)
    assert "Traceback" not in result.stderr, result.stderr
    actual = set()
    for line in result.stdout.splitlines():
        path, row, code = line.rsplit(":", 2)
        actual.add((path.removeprefix("./"), int(row), code))
    expected, _, _ = lint_project(root)
    assert actual == expected


@pytest.mark.parametrize("root", PROJECTS, ids=lambda p: p.name)
def test_project_with_one_module_cached(root, monkeypatch):
    """With room for one module's facts, every cross-module question evicts and rebuilds them:
    the answers must not change (module facts are a cache, never a source of truth)."""
    monkeypatch.setattr(resolve, "MAX_FACTS", 1)
    monkeypatch.setattr(ProjectResolver, "_facts", OrderedDict())
    monkeypatch.setattr(ProjectResolver, "_answers", {})
    monkeypatch.setattr(summaries, "_slow_cache", {})
    monkeypatch.setattr(session_effects, "_global_cache", {})
    monkeypatch.setattr(session_effects, "_coroutine_cache", {})
    monkeypatch.setattr(summaries, "_dispatch_cache", {})
    expected, actual, messages = lint_project(root)
    assert actual == expected, [(k, messages.get(k)) for k in actual ^ expected]
