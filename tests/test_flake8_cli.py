"""The real flake8, in a subprocess: files, the examples project, stdin, options, config errors."""
from __future__ import annotations

import re
import textwrap

from tests.conftest import FIXTURES, ROOT, expected_markers, run_flake8

FORMAT = "--format=%(path)s:%(row)d:%(col)d:%(code)s:%(text)s"


def parse(stdout: str) -> set[tuple[str, int, str]]:
    out = set()
    for line in stdout.splitlines():
        match = re.match(r"^(.+?):(\d+):(\d+):(DBS\d{3}):", line)
        if match:
            out.add((match.group(1).replace("\\", "/"), int(match.group(2)), match.group(4)))
    return out


def expected_in(folder, prefix: str) -> set[tuple[str, int, str]]:
    out = set()
    for path in sorted(folder.rglob("*.py")):
        rel = prefix + path.relative_to(folder).as_posix()
        for line, code in expected_markers(path.read_text()):
            out.add((rel, line, code))
    return out


def test_examples_project_reports_exactly_the_seeded_bugs():
    result = run_flake8(["--select=DBS", FORMAT, "examples/"], cwd=ROOT)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert parse(result.stdout) == expected_in(ROOT / "examples", "examples/")
    assert len(parse(result.stdout)) >= 8


def test_fixtures_through_flake8():
    folders = sorted(p.name for p in FIXTURES.glob("DBS*") if p.is_dir())
    result = run_flake8(["--select=DBS", FORMAT, "--isolated", *folders], cwd=FIXTURES)
    assert "Traceback" not in result.stderr, result.stderr
    expected = set()
    for folder in folders:
        expected |= expected_in(FIXTURES / folder, f"{folder}/")
    assert parse(result.stdout) == expected


def test_message_format_and_position(project):
    root = project({"app/routes.py": textwrap.dedent("""\
        from sqlalchemy.ext.asyncio import AsyncSession

        async def delete_job(db: AsyncSession, job) -> None:
            db.delete(job)
        """)})
    result = run_flake8(["--select=DBS", "app/routes.py"], cwd=root)
    assert result.stdout.strip() == (
        "app/routes.py:4:5: DBS005 AsyncSession.delete() is a coroutine and is not awaited: "
        "the delete never happens; write 'await db.delete(job)'")


def test_stdin_with_display_name(project):
    root = project({"pyproject.toml": "[project]\nname = 'x'\n"})
    source = textwrap.dedent("""\
        from sqlalchemy.orm import Session

        async def handler(session: Session) -> None:
            session.commit()
        """)
    result = run_flake8(["--select=DBS", "--stdin-display-name", "app/x.py", "-"], cwd=root, stdin=source)
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith("app/x.py:4:5: DBS009 Session.commit() blocks the event loop")


def test_noqa_is_honoured(project):
    root = project({"app/x.py": textwrap.dedent("""\
        from sqlalchemy.ext.asyncio import AsyncSession

        async def f(db: AsyncSession, job) -> None:
            db.delete(job)  # noqa: DBS005
            db.delete(job)  # noqa
            db.flush()
        """)})
    result = run_flake8(["--select=DBS", FORMAT, "app/x.py"], cwd=root)
    assert parse(result.stdout) == {("app/x.py", 6, "DBS005")}


def test_select_and_ignore(project):
    root = project({"app/x.py": (FIXTURES / "DBS005" / "jobs_routes.py").read_text()})
    only = run_flake8(["--select=DBS008", FORMAT, "app/x.py"], cwd=root)
    assert only.stdout == ""
    ignored = run_flake8(["--select=DBS", "--extend-ignore=DBS005", FORMAT, "app/x.py"], cwd=root)
    assert ignored.stdout == ""


def test_factory_options_from_config_file(project):
    source = textwrap.dedent("""\
        from legacy.db import make_session
        from app.db import SessionLocal

        async def handler(job) -> None:
            async with make_session() as session:
                session.delete(job)
            with SessionLocal() as s:
                s.execute("select 1")
        """)
    helpers = {"legacy/__init__.py": "", "legacy/db.py": "def make_session(): ...\n",
               "app/__init__.py": "", "app/db.py": "SessionLocal = object()\n", "app/x.py": source}
    root = project({
        **{f"cfg/{k}": v for k, v in helpers.items()},
        "cfg/setup.cfg": "[flake8]\ndbs-async-factories = make_session\ndbs-sync-factories = app.db.SessionLocal\n",
    }) / "cfg"
    result = run_flake8(["--select=DBS", FORMAT, "app/x.py"], cwd=root)
    assert parse(result.stdout) == {("app/x.py", 6, "DBS005"), ("app/x.py", 8, "DBS009")}, result.stderr
    # the same on the command line
    root2 = project({**{f"cli/{k}": v for k, v in helpers.items()}, "cli/setup.py": ""}) / "cli"
    result = run_flake8(["--select=DBS", FORMAT, "--dbs-async-factories=make_session", "app/x.py"], cwd=root2)
    assert parse(result.stdout) == {("app/x.py", 6, "DBS005")}


def test_tox_ini_and_dot_flake8_configs(project):
    source = "from app.db import S\n\nasync def f(j):\n    async with S() as s:\n        s.delete(j)\n"
    for config in ("tox.ini", ".flake8"):
        root = project({f"{config}-case/app/x.py": source, f"{config}-case/app/db.py": "S = object()\n",
                        f"{config}-case/{config}": "[flake8]\ndbs-async-factories = app.db.S\n"})
        result = run_flake8(["--select=DBS", FORMAT, "app/x.py"], cwd=root / f"{config}-case")
        assert parse(result.stdout) == {("app/x.py", 5, "DBS005")}, (config, result.stderr)


def test_bad_option_value_is_a_one_line_error(project):
    root = project({"app/x.py": "x = 1\n", "setup.cfg": "[flake8]\ndbs-session-names = (unclosed\n"})
    result = run_flake8(["--select=DBS", "app/x.py"], cwd=root)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines == ["flake8-dbsession: error: dbs-session-names: invalid regular expression '(unclosed': "
                     "missing ), unterminated subpattern at position 0"]


def test_bad_factory_name_on_command_line(project):
    root = project({"app/x.py": "x = 1\n"})
    result = run_flake8(["--dbs-async-factories=app.db.1bad", "app/x.py"], cwd=root)
    assert result.returncode == 2
    assert result.stderr.strip().startswith("flake8-dbsession: error: dbs-async-factories: 'app.db.1bad'")
    assert len(result.stderr.strip().splitlines()) == 1


def test_bare_postgresql_url_with_sqlalchemy_21(project):
    source = ('from sqlalchemy.ext.asyncio import create_async_engine\n\n'
              'e = create_async_engine("postgresql://u@h/db")\n')
    old = project({"old/pyproject.toml": '[project]\nname="a"\ndependencies=["SQLAlchemy>=2.0"]\n',
                   "old/app/db.py": source})
    new = project({"new/pyproject.toml": '[project]\nname="b"\ndependencies=["SQLAlchemy[asyncio]>=2.1"]\n',
                   "new/app/db.py": source})
    assert parse(run_flake8(["--select=DBS", FORMAT, "app/db.py"], cwd=old / "old").stdout) == {
        ("app/db.py", 3, "DBS004")}
    assert run_flake8(["--select=DBS", "app/db.py"], cwd=new / "new").stdout == ""
    reqs = project({"reqs/requirements.txt": "sqlalchemy~=2.1.3\n", "reqs/app/db.py": source,
                    "reqs/setup.py": ""})
    assert run_flake8(["--select=DBS", "app/db.py"], cwd=reqs / "reqs").stdout == ""


def test_plugin_is_registered():
    result = run_flake8(["--version"], cwd=ROOT)
    assert "flake8-dbsession" in result.stdout


def test_help_documents_every_option():
    from flake8_dbsession.settings import OPTIONS

    result = run_flake8(["--help"], cwd=ROOT)
    for opt in OPTIONS:
        assert f"--{opt.name}" in result.stdout


def test_io_calls_option(project):
    source = textwrap.dedent("""\
        from sqlalchemy import text
        from sqlalchemy.orm import Session

        from app.clients import stripe


        def charge(session: Session) -> None:
            session.execute(text("select 1"))
            stripe.fetch("cus_1")
            session.commit()
        """)
    root = project({"io/app/__init__.py": "", "io/app/clients/__init__.py": "",
                    "io/app/clients/stripe.py": "def fetch(customer):\n    return customer\n",
                    "io/app/billing.py": source, "io/setup.py": ""}) / "io"
    assert run_flake8(["--select=DBS", FORMAT, "app/billing.py"], cwd=root).stdout == ""
    result = run_flake8(["--select=DBS", FORMAT, "--dbs-io-calls=app.clients.*.fetch", "app/billing.py"], cwd=root)
    assert parse(result.stdout) == {("app/billing.py", 9, "DBS018")}, result.stderr
