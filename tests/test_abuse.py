"""Bad inputs, through both front ends (flake8 with the plugin, and the standalone command): each
gives findings or nothing, plus at most a one-line warning; never a traceback, never a hang.
Also: nothing of the linted project is ever run (a canary project), and the output is the same
whatever the run, the number of jobs or the order of the paths."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.conftest import run_flake8
from tests.test_standalone_equivalence import run_check

SESSION_BUG = textwrap.dedent("""\
    from sqlalchemy.ext.asyncio import AsyncSession


    async def remove(db: AsyncSession, job) -> None:
        db.delete(job)
""")


def _both(root: Path, *paths: str, flake8: bool = True, timeout: float = 120):
    """(flake8's result or None, the standalone's result), each checked for tracebacks and time."""
    started = time.monotonic()
    ours = run_check(["check", "--isolated", "-q", *paths], root)
    assert time.monotonic() - started < timeout
    assert "Traceback" not in ours.stderr + ours.stdout, ours.stderr[-2000:]
    assert ours.returncode in (0, 1), ours.stderr
    assert all(line.startswith("flake8-dbsession: warning: ") for line in ours.stderr.splitlines()), ours.stderr
    theirs = None
    if flake8:
        started = time.monotonic()
        theirs = run_flake8(["--isolated", "--select=DBS,E999,E902", *paths], cwd=root)
        assert time.monotonic() - started < timeout
        assert "Traceback" not in theirs.stderr + theirs.stdout, theirs.stderr[-2000:]
    return theirs, ours


def _codes(stdout: str) -> set[tuple[str, str]]:
    return {(line.split(":")[0].removeprefix("./"), line.split()[1]) for line in stdout.splitlines() if ": " in line}


@pytest.mark.parametrize("name, data, expected", [
    ("latin1_no_cookie.py", b"from sqlalchemy.orm import Session\nname = '\xe9\xff'\ns = Session()\n", "DBS020"),
    ("lying_cookie.py", b"# -*- coding: utf-8 -*-\nfrom sqlalchemy.orm import Session\nx = '\xff'\ns = Session()\n",
     "DBS020"),
    ("latin1_cookie.py", b"# -*- coding: latin-1 -*-\nfrom sqlalchemy.orm import Session\nx = '\xe9'\ns = Session()\n",
     "DBS020"),
    ("unknown_cookie.py", b"# -*- coding: klingon -*-\nfrom sqlalchemy.orm import Session\ns = Session()\n", "DBS020"),
    ("bom.py", b"\xef\xbb\xbf" + SESSION_BUG.encode(), "DBS005"),
    ("nul.py", b"from sqlalchemy.orm import Session\ns = Session()\x00\n", None),
    ("utf16.py", SESSION_BUG.encode("utf-16"), None),
    ("empty.py", b"", None),
    ("only_comment.py", b"# flake8: noqa\n", None),
])
def test_odd_bytes(tmp_path, name, data, expected):
    (tmp_path / name).write_bytes(data)
    # on Python 3.10 flake8 itself dies on a null byte (its ast.parse raises ValueError, not
    # SyntaxError) before any plugin runs: only the standalone command is checked there
    flake8 = sys.version_info >= (3, 11) or name not in ("nul.py", "utf16.py")
    theirs, ours = _both(tmp_path, name, flake8=flake8)
    if expected is not None:
        assert (name, expected) in _codes(ours.stdout), ours.stdout + ours.stderr
        assert _codes(ours.stdout) == {c for c in _codes(theirs.stdout) if not c[1].startswith("E")}


@pytest.mark.parametrize("name, source, flake8_survives", [
    ("deep_expression.py", "import sqlalchemy\nx = " + " + ".join(["a"] * 5000) + "\n", False),
    ("deep_parentheses.py", "import sqlalchemy\nx = " + "(" * 1000 + "1" + ")" * 1000 + "\n", True),
    ("deep_blocks.py", "import sqlalchemy\n" + "".join("    " * i + "if x:\n" for i in range(1000))
     + "    " * 1000 + "pass\n", False),  # flake8 survives it, in 14 s of its own checks: not run here
    ("blocks_95.py", "from sqlalchemy.orm import Session\ndef f(s: Session):\n"
     + "".join("    " * (i + 1) + "if x:\n" for i in range(95)) + "    " * 96 + "s.commit()\n", True),
    ("long_chain.py", "import sqlalchemy\nx = a" + ".b" * 800 + "\ny = f" + "()" * 800 + "\n", True),
])
def test_deep_and_wide_code(tmp_path, name, source, flake8_survives):
    """flake8 itself dies on a 5,000-term expression (its own ast.parse raises RecursionError);
    the standalone command reports the file as unparseable and goes on. 1,000-deep parentheses
    and blocks do not parse (Python's limits are 200 and 100); 95-deep blocks and 800-long chains
    do, and are analysed."""
    (tmp_path / name).write_text(source)
    (tmp_path / "ok.py").write_text(SESSION_BUG)
    theirs, ours = _both(tmp_path, name, "ok.py", flake8=flake8_survives)
    assert ("ok.py", "DBS005") in _codes(ours.stdout)


def test_a_100000_line_file(tmp_path):
    block = textwrap.dedent("""\
        async def handler_{n}(db: AsyncSession, job) -> None:
            result = await db.execute(select(Job).where(Job.id == job))
            for row in result.scalars():
                if row.done:
                    db.delete(row)
                else:
                    await db.merge(row)
            await db.commit()
        """)
    header = "from sqlalchemy import select\nfrom sqlalchemy.ext.asyncio import AsyncSession\n\n"
    source = header + "\n\n".join(block.format(n=n) for n in range(10_000))
    assert source.count("\n") >= 100_000
    (tmp_path / "huge.py").write_text(source)
    _, ours = _both(tmp_path, "huge.py", flake8=False, timeout=180)
    assert len(ours.stdout.splitlines()) == 10_000


def test_unreadable_and_vanishing_files(tmp_path, monkeypatch, capsys):
    from flake8_dbsession.cli import lint
    from flake8_dbsession.cli.main import main
    (tmp_path / "ok.py").write_text(SESSION_BUG)
    (tmp_path / "gone.py").write_text(SESSION_BUG)
    os.symlink(tmp_path / "nowhere.py", tmp_path / "dangling.py")
    real_open = open

    def flaky_open(path, *args, **kwargs):
        if str(path).endswith("gone.py"):
            raise FileNotFoundError(2, "No such file or directory")
        return real_open(path, *args, **kwargs)
    monkeypatch.setattr(lint, "open", flaky_open, raising=False)
    monkeypatch.chdir(tmp_path)
    rc = main(["check", "--isolated", "-j1", "-q"])
    out, err = capsys.readouterr()
    assert rc == 1 and out.startswith("ok.py:5:5: DBS005")
    assert err == "flake8-dbsession: warning: gone.py: cannot read: No such file or directory\n"
    theirs = run_flake8(["--isolated", "--select=DBS", "."], cwd=tmp_path)
    assert "Traceback" not in theirs.stderr


def test_symlink_loop_import_cycles_and_broken_configuration(tmp_path):
    app = tmp_path / "app"
    app.mkdir()
    (app / "__init__.py").write_text("from app.a import *\n")
    (app / "a.py").write_text("from app.b import SessionLocal\nfrom app.b import *\n" + SESSION_BUG)
    (app / "b.py").write_text("from app.a import SessionLocal\nfrom app.a import *\n")
    os.symlink(app, app / "loop")
    os.symlink(tmp_path, app / "up")
    (tmp_path / "pyproject.toml").write_text("[project\nname = ")
    (tmp_path / "setup.cfg").write_text("[flake8\nselect = ")
    theirs, ours = _both(tmp_path, "app")
    assert ("app/a.py", "DBS005") in _codes(ours.stdout)
    assert ("app/a.py", "DBS005") in _codes(theirs.stdout)


def test_project_root_is_the_filesystem_root(tmp_path):
    (tmp_path / "m.py").write_text(SESSION_BUG)
    (tmp_path / "setup.cfg").write_text("[flake8]\ndbs-project-root = /\n")
    (tmp_path / "pyproject.toml").write_text('[tool.flake8-dbsession]\nproject-root = "/"\n')
    started = time.monotonic()
    ours = run_check(["check", "-q", "m.py"], tmp_path)
    theirs = run_flake8(["--select=DBS", "m.py"], cwd=tmp_path)
    assert time.monotonic() - started < 120
    assert "Traceback" not in ours.stderr + theirs.stderr
    assert ours.stdout.startswith("m.py:5:5: DBS005") and theirs.stdout.startswith("m.py:5:5: DBS005")


# --------------------------------------------------------------------------------- nothing is run
CANARY = textwrap.dedent("""\
    import os, sys
    open(os.path.join({marker!r}, __name__ + ".ran"), "w").write("ran")
    sys.exit(3)
""")


def test_nothing_of_the_project_is_imported_or_executed(tmp_path):
    """Every module, conftest.py, setup.py and __init__.py of the project writes a marker and
    exits when run or imported; both front ends lint it (cross-module rules read every module)
    and no marker appears."""
    marker = tmp_path / "markers"
    marker.mkdir()
    root = tmp_path / "project"
    canary = CANARY.format(marker=str(marker))
    files = {
        "setup.py": canary + "from setuptools import setup\nsetup(name='app')\n",
        "conftest.py": canary,
        "app/__init__.py": canary + "from app.db import SessionLocal, get_session\n",
        "app/db.py": canary + "from sqlalchemy.ext.asyncio import async_sessionmaker\nSessionLocal = "
                              "async_sessionmaker()\n\nasync def get_session():\n    async with SessionLocal() as s:\n"
                              "        yield s\n",
        "app/models.py": canary + "from sqlalchemy.orm import relationship\n",
        "app/routes.py": canary + "from app.db import SessionLocal\nfrom app import get_session\nfrom app.models "
                                  "import *\n\n\nasync def remove(job):\n    async with SessionLocal() as db:\n"
                                  "        db.delete(job)\n",
        "tests/conftest.py": canary,
        "tests/test_app.py": canary + "from app.routes import remove\n",
    }
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    (root / "pyproject.toml").write_text('[project]\nname = "app"\ndependencies = ["sqlalchemy"]\n')
    env_before = dict(os.environ)
    theirs = run_flake8(["--select=DBS", "."], cwd=root)
    ours = run_check(["check", "-q", "."], root)
    assert "app/routes.py:11:9: DBS005" in ours.stdout and "app/routes.py:11:9: DBS005" in theirs.stdout
    assert list(marker.iterdir()) == [], "a module of the project was imported or executed"
    assert dict(os.environ) == env_before


# -------------------------------------------------------------------------------- deterministic
def test_output_is_byte_identical_across_runs_jobs_and_path_order(tmp_path):
    from tests.conftest import FIXTURES
    folders = sorted(p.name for p in FIXTURES.glob("DBS*") if p.is_dir())
    runs = [
        run_check(["check", "--isolated", "-j1", *folders], FIXTURES),
        run_check(["check", "--isolated", "-j2", *folders], FIXTURES),
        run_check(["check", "--isolated", "-j2", *reversed(folders)], FIXTURES),
        run_check(["check", "--isolated", "-j1", "--output-format", "json", *folders], FIXTURES),
        run_check(["check", "--isolated", "-j2", "--output-format", "json", *reversed(folders)], FIXTURES),
    ]
    assert runs[0].stdout == runs[1].stdout == runs[2].stdout and runs[0].stdout.count("\n") > 50
    assert runs[3].stdout == runs[4].stdout
    flake8 = [run_flake8(["--isolated", "--select=DBS", f"-j{jobs}", *paths], cwd=FIXTURES)
              for jobs, paths in ((1, folders), (2, folders), (2, list(reversed(folders))))]
    assert flake8[0].stdout == flake8[1].stdout
    assert sorted(flake8[0].stdout.splitlines()) == sorted(flake8[2].stdout.splitlines())


def test_no_traceback_when_stdout_closes_early(tmp_path):
    (tmp_path / "m.py").write_text(SESSION_BUG * 3)
    proc = subprocess.Popen([sys.executable, "-m", "flake8_dbsession.cli.main", "check", "--isolated", "m.py"],
                            cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()
    _, err = proc.communicate(timeout=60)
    assert b"Traceback" not in err
