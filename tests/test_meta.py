"""The rule registry, the docs, the README, the CHANGELOG and the fixtures agree."""
from __future__ import annotations

import re

import pytest

from flake8_dbsession.rules import REGISTRY
from flake8_dbsession.settings import OPTIONS
from tests.conftest import FIXTURES, ROOT

DOCS = ROOT / "flake8_dbsession" / "rule_docs"
ALL_CODES = [f"DBS{n:03d}" for n in range(1, 21)]
SECTIONS = ["## What it does", "## Why is this bad?", "## Example", "## Use instead", "## Options"]


def test_codes_are_in_the_catalog_range():
    assert set(REGISTRY) <= set(ALL_CODES)


def test_every_rule_has_a_doc_page_and_no_page_lacks_a_rule():
    assert {p.stem for p in DOCS.glob("DBS*.md")} == set(REGISTRY)


@pytest.mark.parametrize("code", sorted(REGISTRY))
def test_doc_page_shape(code):
    text = (DOCS / f"{code}.md").read_text()
    assert text.splitlines()[0] == f"# {code}: {REGISTRY[code].name}"
    positions = [text.find(section) for section in SECTIONS]
    assert all(p >= 0 for p in positions), f"{code}.md lacks one of {SECTIONS}"
    assert positions == sorted(positions), f"{code}.md sections out of order"
    assert f"# {code}" in text.split("## Example", 1)[1], "the example marks the offending line"


@pytest.mark.parametrize("code", sorted(REGISTRY))
def test_fixtures_exist_positive_and_negative(code):
    """Single files under fixtures/DBSnnn/ or projects under fixtures/projects/DBSnnn-*; names
    ending in _ok are the negative ones."""
    stems = [p.stem for p in (FIXTURES / code).glob("*.py")]
    stems += [p.name for p in (FIXTURES / "projects").glob(f"{code}-*") if p.is_dir()]
    assert any(not s.endswith("_ok") for s in stems), f"no positive fixture for {code}"
    assert any(s.endswith("_ok") for s in stems), f"no negative (*_ok) fixture for {code}"


def test_changelog_mentions_every_rule_and_option():
    text = (ROOT / "CHANGELOG.md").read_text()
    for code, cls in REGISTRY.items():
        assert f"{code} {cls.name}" in text, code
    for opt in OPTIONS:
        assert f"`{opt.name}`" in text, opt.name


def test_readme_table_lists_all_twenty_codes_with_status():
    text = (ROOT / "README.md").read_text()
    rows = {m.group(1): (m.group(2), m.group(3)) for m in re.finditer(
        r"^\| (?:\[)?(DBS\d{3})(?:\]\([^)]*\))? \| ([a-z0-9-]+) \| (implemented|planned) \|", text, re.M)}
    assert sorted(rows) == ALL_CODES
    for code, (name, status) in rows.items():
        if code in REGISTRY:
            assert (name, status) == (REGISTRY[code].name, "implemented"), code
        else:
            assert status == "planned", code


def test_readme_documents_every_option():
    text = (ROOT / "README.md").read_text()
    for opt in OPTIONS:
        assert f"`{opt.name}`" in text, opt.name


def test_readme_opens_with_the_two_commands():
    lines = (ROOT / "README.md").read_text().splitlines()
    block = lines[lines.index("```sh") + 1: lines.index("```sh") + 3]
    assert "pip install ." in block[0] and "flake8 --select=DBS examples/" in block[0]
    assert 'pip install ".[test]"' in block[1] and "pytest" in block[1]


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text().splitlines()
    test_command = readme[readme.index("```sh") + 2]
    assert test_command in (ROOT / ".ci" / "run").read_text()


def test_one_toml_reader():
    """Every TOML file is read through flake8_dbsession/toml_reader.py (tomllib, or tomli on 3.10):
    a module importing tomllib itself read no declared dependencies on 3.10 (issue 21)."""
    readers = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "flake8_dbsession").rglob("*.py")
                     if re.search(r"^\s*(import|from)\s+toml(lib|i)\b", p.read_text(), re.M))
    assert readers == ["flake8_dbsession/toml_reader.py"]
