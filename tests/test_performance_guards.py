"""What keeps the plugin cheap inside flake8, tested by behaviour, never by timing (the benchmark
in bench/ measures time): the relevance gate, and an analysis that leaves no reference cycles
behind (cyclic garbage would keep every linted file's tree alive until a full collection)."""
from __future__ import annotations

import ast
import os
import gc
from collections import OrderedDict
from pathlib import Path

import pytest

from flake8_dbsession.analysis import analyze
from flake8_dbsession.model import summaries
from flake8_dbsession.project import resolve
from flake8_dbsession.project.resolve import ProjectResolver
from flake8_dbsession.relevance import IMPORT_STATEMENT, import_statements, might_use_sessions, worth_linting
from flake8_dbsession.rules.io_calls import imports_slow_library
from flake8_dbsession.settings import Settings

S = Settings()


@pytest.mark.parametrize("source", [
    "import sqlalchemy\n",
    "from sqlmodel import Session\n",
    "from app.db import SessionLocal\n",
    "from app.deps import get_db\n",
    "from app import database\n",
    "import app.session as s\n",
    "from app.core import (\n    settings,\n    async_engine,\n)\n",
    "from app.core import settings, \\\n    AsyncSessionLocal\n",
    "def handler():\n    from .db import get_session\n    return get_session()\n",
])
def test_gate_lets_in_files_that_can_reach_a_session(source):
    assert might_use_sessions(source, S)


@pytest.mark.parametrize("source", [
    "",
    "x = 1\n",
    # 'engine', 'session' and 'db' used as local words only: nothing imported can be a session
    "from prefect.utilities import run\n\nflow_engine = run()\nsession = requests_session()\n",
    "import httpx\n\nasync def f():\n    async with httpx.AsyncClient() as session:\n        return session\n",
    '"""Talks about the database and SQL sessions."""\nimport json\n',
])
def test_gate_keeps_out_files_with_no_way_to_a_session(source):
    assert not might_use_sessions(source, S)


def test_gate_lets_in_a_configured_factory():
    settings = Settings.from_values({"dbs-sync-factories": "app.core.make_unit"})
    assert might_use_sessions("from app.core import make_unit\nwith make_unit() as u:\n    pass\n", settings)


@pytest.mark.parametrize("source", [
    # what a file naming SQLAlchemy must also show to be linted: a session, factory, engine or
    # connection, or a call the rules read
    "from sqlalchemy.orm import Session\n",
    "from sqlalchemy import select\n\nasync def f(s):\n    return await s.scalars(select(User))\n",
    "import sqlalchemy as sa\nfrom app.models import db\n",
    "import sqlalchemy\n\ndef f(conn):\n    conn.execute(sqlalchemy.text('x'))\n",
    "from sqlalchemy.ext.asyncio import create_async_engine\n",
    "from sqlalchemy import orm\nmaker = orm.sessionmaker()\n",
    "import sqlalchemy\nasyncio.run(main())\n",  # an event loop: DBS010 reads other modules
    "from sqlalchemy import Column\nfrom app.db import get_db\n",  # a session-looking import
])
def test_linted_file_gate_lets_in_session_code(source):
    assert worth_linting(source, S)
    assert might_use_sessions(source, S)


@pytest.mark.parametrize("source", [
    # model definitions, column types, exceptions: nothing a rule reads (superset: 130 such files)
    "from sqlalchemy import Column, Integer, String\nfrom sqlalchemy.orm import relationship\n\n"
    "class User(Base):\n    id = Column(Integer, primary_key=True)\n    items = relationship('Item')\n",
    "from sqlalchemy.exc import IntegrityError\n\ndef explain(error: IntegrityError) -> str:\n    return str(error)\n",
    "from sqlalchemy.types import TypeDecorator, String\n\nclass Upper(TypeDecorator):\n    impl = String\n",
])
def test_linted_file_gate_keeps_out_files_that_only_name_the_library(source):
    assert not worth_linting(source, S)
    assert might_use_sessions(source, S)  # as another module's facts, such a file is still read


def test_linted_file_gate_is_not_narrowed_under_a_flavour_policy():
    """DBS011 reports any use of a session name in a path; with a policy the library's name is enough."""
    settings = Settings.from_values({"dbs-sync-paths": "app/jobs/**"})
    source = "from sqlalchemy.exc import IntegrityError\n"
    assert worth_linting(source, settings) and not worth_linting(source, S)


@pytest.mark.parametrize("source, slow", [
    ("import httpx\n", True),
    ("from requests import get\n", True),
    ("import urllib.request\n", True),
    ("from urllib import request\n", True),
    ("from urllib.request import urlopen\n", True),
    ("def f():\n    import subprocess\n", True),
    ("from app.utils import (\n    helper,\n)\nimport boto3\n", True),
    ("import time\ntime.sleep(1)\n", True),
    ("from urllib.parse import urlencode\n", False),
    ('"""Handles HTTP requests through httpx."""\nimport json\n', False),
    ("# we used to call requests here\nx = 1\n", False),
])
def test_slow_call_detector_reads_only_modules_that_import_a_slow_library(source, slow):
    """Another module is parsed for DBS018/DBS019 only when it imports a slow library: words in
    docstrings, comments or ``urllib.parse`` imports are no evidence of a slow call."""
    assert imports_slow_library(source) is slow


def test_resolver_skips_modules_that_fail_the_gate(project):
    """A module whose text cannot hold a session is not parsed for session questions."""
    root = project({
        "pyproject.toml": "[project]\nname='app'\ndependencies=['sqlalchemy']\n",
        "app/__init__.py": "",
        "app/db.py": "from sqlalchemy.orm import sessionmaker\nSessionLocal = sessionmaker()\n",
        "app/util.py": "def helper():\n    return 1\n",
        "app/main.py": ("from app.db import SessionLocal\nfrom app.util import helper\n\n"
                        "def f():\n    session = SessionLocal()\n    helper()\n    session.execute('x')\n"),
    })
    main = root / "app" / "main.py"
    findings = analyze(ast.parse(main.read_text()), str(main), S)
    assert [f.code for f in findings] == ["DBS016"]
    built = {path.rsplit("/", 1)[-1] for path in ProjectResolver._facts}
    assert "db.py" in built and "util.py" not in built


SOURCE = '''
from contextlib import contextmanager
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine

engine = create_engine("sqlite://")
SessionLocal = sessionmaker(bind=engine)
AsyncSessionLocal = async_sessionmaker(create_async_engine("sqlite+aiosqlite://"))


@contextmanager
def scope():
    session = SessionLocal()
    try:
        yield session
    finally:
        session.close()


class Repo:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self.other = self.session

    async def get(self):
        return await self.session.execute(select(1))


def work():
    with scope() as s:
        s.execute(select(1))
    session = SessionLocal()
    session.execute(select(1))


async def handler(db: AsyncSession = None):
    db.execute(select(1))
    f = lambda: SessionLocal()
    return f
'''


def test_analysis_leaves_no_reference_cycles(project, monkeypatch):
    root = project({
        "pyproject.toml": "[project]\nname='app'\ndependencies=['sqlalchemy']\n",
        "app/__init__.py": "",
        **{f"app/m{i}.py": f"from sqlalchemy.orm import sessionmaker\nMaker{i} = sessionmaker()\n" for i in range(4)},
        "app/main.py": SOURCE + "".join(f"from app.m{i} import Maker{i}\n" for i in range(4))
        + "".join(f"\ndef use{i}():\n    s = Maker{i}()\n    s.execute(select(1))\n" for i in range(4)),
    })
    monkeypatch.setattr(resolve, "MAX_FACTS", 1)  # evict module facts while answering
    monkeypatch.setattr(ProjectResolver, "_facts", OrderedDict())
    monkeypatch.setattr(ProjectResolver, "_answers", {})
    main = root / "app" / "main.py"
    tree = ast.parse(main.read_text())
    gc.collect()
    gc.disable()
    try:
        findings = analyze(tree, str(main), S)
        unreachable = gc.collect()
    finally:
        gc.enable()
    assert findings  # the analysis did real work
    assert unreachable == 0


@pytest.mark.parametrize("source, cls", [
    ("Provider()", "Provider"),
    ("clients.HttpClient(base)", "clients.HttpClient"),
    ("make_client()", None),
    ("db.session.query(User)", None),
    ("factory()()", None),
])
def test_only_class_shaped_calls_are_followed_to_their_methods(source, cls):
    """DBS018 follows ``Provider().fetch()`` into the class; ``db.session.query(...).all()`` names a
    function, so its module is never parsed to look for a class there."""
    from flake8_dbsession.model.classes import constructed_class

    found = constructed_class(ast.parse(source, mode="eval").body)
    assert (ast.unparse(found) if found is not None else None) == cls


def test_a_rule_with_nothing_to_do_is_not_walked(tmp_path, monkeypatch):
    """DBS011 without a configured policy is inert: it is not given the file's nodes at all."""
    import flake8_dbsession.analysis as analysis

    seen = []
    original = analysis._hook_tables

    def recording(rules):
        seen.extend(rule.code for rule in rules)
        return original(rules)

    monkeypatch.setattr(analysis, "_hook_tables", recording)
    path = tmp_path / "jobs.py"
    source = "from sqlalchemy.orm import Session\n"
    analyze(ast.parse(source), str(path), S)
    assert "DBS011" not in seen and "DBS005" in seen
    seen.clear()
    policy = Settings.from_values({"dbs-sync-paths": "**", "dbs-project-root": str(tmp_path)})
    analyze(ast.parse(source), str(path), policy)
    assert "DBS011" in seen


@pytest.mark.parametrize("source", [
    "import a\nfrom b import c\n",
    "from x import (\n    a,\n    b,\n)  ; import y\nimport z\n",  # nothing found after the parentheses
    "import a; b = 'import c'\nx = 1  # import d\n    import e\n",
    "importlib.reload(m)\nfrom a import importer\nimport\tb\n",
    "from a \\\n    import b\nimport c, \\\n    d\n",
    '"""\nimport in_a_docstring\n"""\n',
    "import a\r\nfrom b import c\r\n",
    "x = 1\rimport a\rimport b\r",  # lone CR: one line for the pattern, as for findall
    "import a\rimport b\r",
    "",
    "no imports here, only the word import",
])
def test_import_statements_are_what_the_pattern_finds(source):
    """The text gates' import reader is a faster ``IMPORT_STATEMENT.findall``: the same answer."""
    assert import_statements(source) == IMPORT_STATEMENT.findall(source)


def test_import_statements_match_findall_on_real_files():
    import flake8_dbsession

    root = Path(flake8_dbsession.__file__).parent.parent
    files = sorted(root.glob("flake8_dbsession/**/*.py")) + sorted(root.glob("tests/history/*/*/**/*.py"))
    assert len(files) > 100
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert import_statements(text) == IMPORT_STATEMENT.findall(text), path


def test_a_class_answered_once_is_not_read_again_for_the_next_file(tmp_path, monkeypatch):
    """The summary layer keeps its answers per class and where each class is, per process: a
    second file asking about the same provider finds its answer without the provider's module
    (evicted from the facts cache meanwhile) being parsed again, and reports the same."""
    from flake8_dbsession.model import summaries

    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    app = tmp_path / "app"
    app.mkdir()
    (app / "__init__.py").write_text("")
    (app / "db.py").write_text("from sqlalchemy import create_engine\nfrom sqlalchemy.orm import sessionmaker\n\n"
                               "SessionLocal = sessionmaker(create_engine('postgresql://app@db/app'))\n")
    (app / "providers.py").write_text("import httpx\n\n\nclass Provider:\n    def fetch(self, symbol):\n"
                                      "        return self._get(symbol)\n\n    def _get(self, symbol):\n"
                                      "        return httpx.get(f'https://prices/{symbol}')\n")
    service = ("from sqlalchemy import text\n\nfrom app.db import SessionLocal\n"
               "from app.providers import Provider\n\n\n"
               "def refresh(provider: Provider, symbol):\n    with SessionLocal() as session:\n"
               "        session.execute(text('select 1'))\n        provider.fetch(symbol)\n        session.commit()\n")
    for name in ("first.py", "second.py"):
        (app / name).write_text(service)
    monkeypatch.setattr(ProjectResolver, "_facts", OrderedDict())
    summaries.forget()
    ProjectResolver._answers.clear()

    def lint(name):
        path = app / name
        return [(f.line, f.code) for f in analyze(ast.parse(path.read_text()), str(path), S)]

    assert lint("first.py") == [(10, "DBS018")]
    ProjectResolver._evicted.extend(f for f in ProjectResolver._facts.values() if f is not None)
    ProjectResolver._facts.clear()  # every module's facts evicted, as a large project's run does
    ProjectResolver.release_evicted()
    built = []
    original = ProjectResolver.facts

    def counting(self, location):
        if location.file and location.file not in ProjectResolver._facts:
            built.append(os.path.basename(location.file))
        return original(self, location)

    monkeypatch.setattr(ProjectResolver, "facts", counting)
    assert lint("second.py") == [(10, "DBS018")]
    assert "providers.py" not in built


def test_parsing_holds_the_collector_off_only_while_it_parses():
    from flake8_dbsession import parsing

    assert gc.isenabled()
    assert isinstance(parsing.parse("x = 1\n"), ast.Module) and gc.isenabled()
    with pytest.raises(SyntaxError):
        parsing.parse("def (:\n")
    assert gc.isenabled()  # back on after a failed parse too
    gc.disable()
    try:
        parsing.parse("x = 1\n")
        assert not gc.isenabled()  # left off when it was off
    finally:
        gc.enable()


def test_the_analysis_of_a_file_holds_the_collector_off_and_gives_it_back(project, monkeypatch):
    """Held off while the file is analysed (the trees parsed for it are shed before it runs
    again), on again afterwards, also when a rule raises; left off when it was off."""
    from flake8_dbsession.model import walk as walk_module
    from flake8_dbsession import analysis

    root = project({"pyproject.toml": "[project]\nname='app'\n", "app/__init__.py": "",
                    "app/main.py": SOURCE})
    main = root / "app" / "main.py"
    seen = []
    original = analysis.walk_with_hooks

    def watching(*args):
        seen.append(gc.isenabled())
        return original(*args)

    monkeypatch.setattr(analysis, "walk_with_hooks", watching)
    assert analyze(ast.parse(main.read_text()), str(main), S) and seen == [False] and gc.isenabled()

    def failing(*args):
        raise RuntimeError("a rule failed")

    monkeypatch.setattr(analysis, "walk_with_hooks", failing)
    with pytest.raises(RuntimeError):
        analyze(ast.parse(main.read_text()), str(main), S)
    assert gc.isenabled()
    gc.disable()
    try:
        monkeypatch.setattr(analysis, "walk_with_hooks", original)
        analyze(ast.parse(main.read_text()), str(main), S)
        assert not gc.isenabled()
    finally:
        gc.enable()
    assert walk_module.walk_with_hooks is original


@pytest.mark.parametrize("source, used", [
    ("db.session.query(User).all()\n", True),
    ("x = 1\nSession .commit()\n", True),
    ("rows = (Session\n    .query(User))\n", True),
    ("def run(session=NEW_SESSION):\n    session.query(User)\n", False),  # Airflow's sentinel default
    ("SASession.query(User)\n", False),  # another name ending in it
    ("Session()\n", False),  # called, not read: not a receiver of the helper's own query
])
def test_a_module_session_counts_only_where_the_file_reads_an_attribute_of_it(source, used):
    from flake8_dbsession.relevance import reads_attribute_of as _used_as_receiver

    name = "NEW_SESSION" if "NEW_SESSION" in source else "Session" if "Session" in source else "db"
    assert _used_as_receiver(name, source) is used


REGISTRY_MODULE = '''
from typing import cast

from sqlalchemy.orm import Session as SASession, scoped_session, sessionmaker

Session = scoped_session(sessionmaker())
NEW_SESSION: SASession = cast(SASession, None)
'''

HELPER_LEAVES_REGISTRY_OPEN = '''
import requests
from sqlalchemy.orm import Session as SASession

from app.db import NEW_SESSION, Session


class Report:
    def _load(self):
        return Session.query(Row).all()

    def build(self, session: SASession = NEW_SESSION):
        rows = self._load()
        requests.get("https://example.com")  # DBS018
        return rows
'''


@pytest.mark.parametrize("lines", [True, False])
def test_the_module_session_gate_reads_the_text_when_the_front_end_gives_it(project, monkeypatch, lines):
    """The flake8 plugin passes the file's lines as the standalone front end does: the gate on
    module sessions reads them (a helper's query through ``Session`` still counts; Airflow's
    ``NEW_SESSION``, only ever a default, lets no helper be read), and without them lets every
    module session through."""
    root = project({"pyproject.toml": "[project]\nname = 'app'\ndependencies = ['sqlalchemy', 'requests']\n",
                    "app/__init__.py": "", "app/db.py": REGISTRY_MODULE,
                    "app/report.py": HELPER_LEAVES_REGISTRY_OPEN})
    path = str(root / "app" / "report.py")
    source = HELPER_LEAVES_REGISTRY_OPEN
    given = source.splitlines(keepends=True) if lines else None
    found = analyze(ast.parse(source), path, S, {"DBS018"}, lines=given)
    assert [(f.line, f.code) for f in found] == [(14, "DBS018")]
    sentinel_only = source.replace("Session.query(Row).all()", "Row.query_all()")
    asked = []
    original = summaries.Summaries.global_io
    monkeypatch.setattr(summaries.Summaries, "global_io",
                        lambda self, callee, depth=1: asked.append(callee.name) or original(self, callee, depth))
    assert analyze(ast.parse(sentinel_only), path, S, {"DBS018"},
                   lines=sentinel_only.splitlines(keepends=True) if lines else None) == []
    assert asked == ([] if lines else ["Report._load"])  # the helper is not read for a name never read from


@pytest.mark.parametrize("qualname, slow", [
    ("requests", True), ("requests.get", True), ("urllib.request.urlopen", True), ("time.sleep", True),
    ("urllib.parse.quote", False), ("requestsx.get", False), ("app.requests.get", False),
])
def test_slow_library_names_match_whole_modules(qualname, slow):
    from flake8_dbsession.model.slow_libraries import _matches_library

    assert _matches_library(qualname) is slow
