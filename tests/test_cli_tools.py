"""The standalone command beside the real tools, in subprocesses: parallel runs, stdin, Ruff keeping
our noqa comments with `lint.external`, and the pre-commit hook through `pre-commit try-repo`."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT
from tests.test_cli import BUG
from tests.test_standalone_equivalence import run_check

BIN = Path(sys.executable).parent


def test_parallel_runs_print_the_same_as_one_job():
    folders = sorted(p.name for p in FIXTURES.glob("DBS*") if p.is_dir())
    one = run_check(["check", "--isolated", "-j1", *folders], FIXTURES)
    two = run_check(["check", "--isolated", "-j2", *reversed(folders)], FIXTURES)
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout and one.stdout.count("\n") > 50
    assert "Traceback" not in one.stderr + two.stderr


def test_stdin_from_an_editor():
    result = run_check(["check", "--stdin-filename", "app/routes.py", "-"], ROOT, stdin=BUG)
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith("app/routes.py:5:5: DBS005 ")
    plain = run_check(["check", "-"], ROOT, stdin=BUG)
    assert plain.stdout.startswith("-:5:5: DBS005 ")


RUFF_SOURCE = """\
import os  # noqa: F401
from sqlalchemy.ext.asyncio import AsyncSession


async def remove(db: AsyncSession, job) -> None:
    db.delete(job)  # noqa: DBS005
    db.delete(job)  # noqa:DBS005,DBS006
    unused = db.delete(job)  # noqa: DBS005, F841
"""


def _ruff(folder: Path, *args: str) -> subprocess.CompletedProcess:
    ruff = shutil.which("ruff", path=str(BIN)) or shutil.which("ruff")
    if ruff is None:
        pytest.skip("ruff is not installed")
    return subprocess.run([ruff, "check", "--no-cache", "--extend-select", "RUF100,RUF102", *args, "m.py"],
                          cwd=folder, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("external", [True, False])
def test_ruff_keeps_our_noqa_comments_with_lint_external(tmp_path, external):
    (tmp_path / "pyproject.toml").write_text('[tool.ruff.lint]\nselect = ["F", "RUF100", "RUF102"]\n'
                                             + ('external = ["DBS"]\n' if external else ""))
    (tmp_path / "m.py").write_text(RUFF_SOURCE)
    report = json.loads(_ruff(tmp_path, "--output-format", "json").stdout)
    on_our_lines = sorted((r["code"], r["location"]["row"]) for r in report if r["location"]["row"] >= 6)
    _ruff(tmp_path, "--fix")
    fixed = (tmp_path / "m.py").read_text()
    if external:
        assert on_our_lines == [], "no RUF100 (unused) and no RUF102 (invalid code) on our comments"
        assert fixed == RUFF_SOURCE, "and `ruff check --fix` leaves them in place"
        ours = run_check(["check", "-q", "m.py"], tmp_path)
        assert ours.returncode == 0 and ours.stdout == "", "and our check honours them"
    else:  # the control: without `external`, Ruff flags and deletes them
        assert ("RUF102", 6) in on_our_lines and ("RUF102", 7) in on_our_lines
        assert "DBS005" not in fixed


@pytest.mark.network
def test_pre_commit_try_repo_fails_on_the_bug_and_passes_once_fixed(tmp_path):
    pre_commit = shutil.which("pre-commit", path=str(BIN)) or shutil.which("pre-commit")
    if pre_commit is None:
        pytest.skip("pre-commit is not installed")
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.com", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@example.com", PRE_COMMIT_HOME=str(tmp_path / "cache"))
    git = lambda *args, cwd: subprocess.run(["git", *args], cwd=cwd, env=env, check=True,  # noqa: E731
                                            capture_output=True, text=True)
    # the hook repository: this checkout's files as they are now (committed or not), committed
    hook_repo = tmp_path / "hookrepo"
    listed = git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=ROOT).stdout.split("\0")
    for rel in filter(None, listed):
        source = ROOT / rel
        if source.is_file() and not rel.startswith(("tests/", "examples/", "bench/", "docs/")):
            (hook_repo / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, hook_repo / rel)
    git("init", "-q", cwd=hook_repo)
    git("add", "-A", cwd=hook_repo)
    git("commit", "-q", "-m", "hook", cwd=hook_repo)
    target = tmp_path / "target"
    (target / "app").mkdir(parents=True)
    (target / "app" / "jobs.py").write_text(BUG)
    (target / "notes.txt").write_text("not python\n")
    git("init", "-q", cwd=target)
    git("add", "-A", cwd=target)

    def try_repo() -> subprocess.CompletedProcess:
        return subprocess.run([pre_commit, "try-repo", str(hook_repo), "flake8-dbsession", "--all-files"],
                              cwd=target, env=env, capture_output=True, text=True, timeout=600)

    failed = try_repo()
    if "Could not find a version that satisfies" in failed.stdout + failed.stderr:
        pytest.skip("pip cannot reach a package index")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "app/jobs.py:5:5: DBS005 " in failed.stdout and "Failed" in failed.stdout
    (target / "app" / "jobs.py").write_text(BUG.replace("db.delete", "await db.delete"))
    git("add", "-A", cwd=target)
    passed = try_repo()
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout
