"""The session model: what each expression is, from imports, construction and annotations."""
from __future__ import annotations

import ast
import textwrap

import pytest

from flake8_dbsession.model.flavour import Kind, Mode
from flake8_dbsession.model.session_model import SessionModel
from flake8_dbsession.model.walk import walk
from flake8_dbsession.settings import Settings


class Probe:
    """Records the flavour of every expression passed to probe(...) in the source."""

    def __init__(self, model: SessionModel) -> None:
        self.model = model
        self.seen: list = []

    def enter(self, node):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "probe":
            self.seen.append(self.model.flavour(node.args[0]))

    def leave(self, node):
        pass


def flavours(source: str, settings: Settings | None = None):
    model = SessionModel(settings or Settings())
    probe = Probe(model)
    walk(ast.parse(textwrap.dedent(source)), [model, probe])
    return probe.seen


def one(source: str, settings: Settings | None = None):
    (found,) = flavours(source, settings)
    return found


def describe(flavour) -> str | None:
    if flavour is None:
        return None
    return f"{flavour.mode.value} {flavour.kind.value} {flavour.api}"


@pytest.mark.parametrize("source,expected", [
    ("from sqlalchemy.ext.asyncio import AsyncSession\ndef f(s: AsyncSession): probe(s)",
     "async session AsyncSession"),
    ("from sqlalchemy.ext.asyncio import AsyncSession as AS\ndef f(s: AS): probe(s)", "async session AsyncSession"),
    ("import sqlalchemy.orm as orm\ndef f(s: orm.Session): probe(s)", "sync session Session"),
    ("import sqlalchemy\ndef f(s: sqlalchemy.orm.Session): probe(s)", "sync session Session"),
    ("from typing import Optional\nfrom sqlalchemy.orm import Session\ndef f(s: Optional[Session]): probe(s)",
     "sync session Session"),
    ("from sqlalchemy.orm import Session\ndef f(s: Session | None = None): probe(s)", "sync session Session"),
    ("from sqlalchemy.orm import Session\ndef f(s: 'Session'): probe(s)", "sync session Session"),
    ("from typing import Union\nfrom sqlalchemy.orm import Session\ndef f(s: Union[None, Session]): probe(s)",
     "sync session Session"),
    ("from sqlmodel import Session\ndef f(s: Session): probe(s)", "sync session sqlmodel.Session"),
    ("from sqlmodel.ext.asyncio.session import AsyncSession\ndef f(s: AsyncSession): probe(s)",
     "async session sqlmodel.AsyncSession"),
    ("from sqlalchemy.ext.asyncio import AsyncEngine\ndef f(e: AsyncEngine): probe(e)", "async engine AsyncEngine"),
    # construction
    ("from sqlalchemy.ext.asyncio import async_sessionmaker\nF = async_sessionmaker(e)\nprobe(F)",
     "async factory async_sessionmaker"),
    ("from sqlalchemy.ext.asyncio import async_sessionmaker\nF = async_sessionmaker(e)\ns = F()\nprobe(s)",
     "async session AsyncSession"),
    ("from sqlalchemy.orm import sessionmaker\nfrom sqlalchemy.ext.asyncio import AsyncSession\n"
     "F = sessionmaker(e, class_=AsyncSession)\nprobe(F())", "async session AsyncSession"),
    ("from sqlalchemy.orm import sessionmaker\nfrom sqlmodel.ext.asyncio.session import AsyncSession\n"
     "F = sessionmaker(e, class_=AsyncSession)\nprobe(F())", "async session sqlmodel.AsyncSession"),
    ("from sqlalchemy.orm import sessionmaker\nfrom app import MySession\n"
     "F = sessionmaker(e, class_=MySession)\nprobe(F())", None),
    ("from sqlalchemy.orm import sessionmaker, scoped_session\nS = scoped_session(sessionmaker(e))\nprobe(S)",
     "sync registry scoped_session"),
    ("from sqlalchemy.orm import sessionmaker, scoped_session\nS = scoped_session(sessionmaker(e))\nprobe(S())",
     "sync session Session"),
    ("from sqlalchemy import create_engine\nprobe(create_engine('sqlite://').connect())",
     "sync connection Connection"),
    ("from sqlalchemy.ext.asyncio import create_async_engine as cae\ne = cae('x')\n"
     "async def f():\n    async with e.begin() as conn: probe(conn)", "async connection AsyncConnection"),
    ("from sqlalchemy.ext.asyncio import create_async_engine\ne = create_async_engine('x')\n"
     "async def f():\n    conn = await e.connect()\n    probe(conn)", "async connection AsyncConnection"),
    ("from sqlalchemy.ext.asyncio import async_sessionmaker\nF = async_sessionmaker(e)\n"
     "async def f():\n    async with F.begin() as s: probe(s)", "async session AsyncSession"),
    ("from sqlalchemy.ext.asyncio import async_sessionmaker\nF = async_sessionmaker(e)\n"
     "async def f():\n    async with F() as s, s.begin() as tx: probe(tx)",
     "async transaction AsyncSessionTransaction"),
    # sync twins of async objects are deliberately unknown
    ("from sqlalchemy.ext.asyncio import AsyncSession\ndef f(s: AsyncSession): probe(s.sync_session)", None),
    # names alone are never evidence
    ("def f(session, db, engine): probe(session)", None),
    ("import requests\ns = requests.Session()\nprobe(s)", None),
    ("from app.models import Session\ns = Session()\nprobe(s)", None),
    ("class Session: pass\ns = Session()\nprobe(s)", None),
])
def test_flavour(source, expected):
    assert describe(one(source)) == expected


def test_depends_generator_dependency():
    found = one("""
        from fastapi import Depends
        from sqlalchemy.ext.asyncio import async_sessionmaker
        F = async_sessionmaker(e)
        async def get_db():
            async with F() as session:
                yield session
        async def route(db=Depends(get_db)):
            probe(db)
        """)
    assert describe(found) == "async session AsyncSession"
    assert found.evidence == "from Depends(get_db)"


def test_annotated_depends_alias():
    found = one("""
        from typing import Annotated
        from fastapi import Depends
        from sqlalchemy.orm import Session, sessionmaker
        F = sessionmaker(e)
        def get_db():
            db = F()
            try:
                yield db
            finally:
                db.close()
        DB = Annotated[Session, Depends(get_db)]
        async def route(db: DB):
            probe(db)
        """)
    assert describe(found) == "sync session Session"


def test_construction_beats_a_wrong_annotation():
    found = one("""
        from fastapi import Depends
        from sqlalchemy.ext.asyncio import AsyncSession
        from sqlalchemy.orm import sessionmaker
        F = sessionmaker(e)
        def get_db():
            with F() as db:
                yield db
        async def route(db: AsyncSession = Depends(get_db)):
            probe(db)
        """)
    assert found.mode is Mode.SYNC
    assert "annotated AsyncSession" in found.note and "the annotation is wrong" in found.note


def test_return_annotation_and_next():
    found = flavours("""
        from typing import Iterator
        from sqlalchemy.orm import Session
        def get_session() -> Session: ...
        def get_db() -> Iterator[Session]: ...
        probe(get_session())
        probe(next(get_db()))
        probe(get_db())
        """)
    assert [describe(f) for f in found] == ["sync session Session", "sync session Session", None]


def test_contextmanager_helper():
    found = one("""
        import contextlib
        from sqlalchemy.orm import sessionmaker
        F = sessionmaker(e)
        @contextlib.contextmanager
        def session_scope():
            session = F()
            try:
                yield session
            finally:
                session.close()
        def work():
            with session_scope() as s:
                probe(s)
        """)
    assert describe(found) == "sync session Session"


def test_self_attributes_from_init():
    found = flavours("""
        from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
        F = async_sessionmaker(e)
        class Service:
            def __init__(self, session: AsyncSession, other) -> None:
                self.session = session
                self.other = other
                self.own = F()
            async def run(self):
                probe(self.session)
                probe(self.other)
                probe(self.own)
        class Repo:
            session: AsyncSession
            def get(self):
                probe(self.session)
        """)
    assert [describe(f) for f in found] == ["async session AsyncSession", None, "async session AsyncSession",
                                            "async session AsyncSession"]


def test_rebinding_forgets():
    found = flavours("""
        from sqlalchemy.ext.asyncio import AsyncSession
        def f(s: AsyncSession):
            probe(s)
            s = something_else()
            probe(s)
        """)
    assert [describe(f) for f in found] == ["async session AsyncSession", None]


def test_function_level_import():
    found = flavours("""
        def f(s):
            from sqlalchemy.orm import Session
            def g(x: Session):
                probe(x)
        def h(y: Session):
            probe(y)
        """)
    assert [describe(f) for f in found] == ["sync session Session", None]


def test_configured_factories():
    settings = Settings.from_values({"dbs-async-factories": "app.db.Maker, bare_factory"})
    found = flavours("""
        from app.db import Maker
        from ..db import Maker as Relative
        import app.db
        probe(Maker())
        probe(bare_factory())
        probe(app.db.Maker())
        probe(Relative())
        """, settings)
    assert [describe(f) for f in found] == ["async session AsyncSession"] * 4


def test_kind_values_are_stable():
    assert {k.value for k in Kind} >= {"session", "factory", "engine", "connection"}


def test_branches_with_different_flavours_forget():
    found = flavours("""
        from sqlalchemy.ext.asyncio import async_sessionmaker
        from sqlalchemy.orm import sessionmaker
        A = async_sessionmaker(e)
        S = sessionmaker(e)
        async def f(flag):
            if flag:
                session = A()
            else:
                session = S()
            probe(session)
            other = A()
            other = A()
            probe(other)
        """)
    assert [describe(f) for f in found] == [None, "async session AsyncSession"]


def test_expire_on_commit_is_recorded():
    found = flavours("""
        from sqlalchemy.ext.asyncio import async_sessionmaker
        from sqlalchemy.orm import sessionmaker
        A = async_sessionmaker(e, expire_on_commit=False)
        B = sessionmaker(e)
        C = sessionmaker(e, expire_on_commit=flag)
        probe(A)
        probe(A())
        probe(B())
        probe(C())
        """)
    assert [f.expire_on_commit for f in found] == [False, False, True, None]


def test_cross_module_factory_and_its_expire_on_commit(tmp_path):
    from flake8_dbsession.analysis import FileContext

    (tmp_path / "pyproject.toml").write_text("[project]\nname='x'\n")
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "__init__.py").write_text("from .db import Maker as ReExported\n")
    (tmp_path / "app" / "db.py").write_text("from sqlalchemy.ext.asyncio import async_sessionmaker\n"
                                            "Maker = async_sessionmaker(e, expire_on_commit=False)\n")
    route = tmp_path / "app" / "routes.py"
    route.write_text("from app import ReExported\nfrom .db import Maker\nprobe(ReExported())\nprobe(Maker())\n")
    context = FileContext(str(route), Settings())
    probe = Probe(context.model)
    walk(ast.parse(route.read_text()), [context.model, probe])
    assert [describe(f) for f in probe.seen] == ["async session AsyncSession"] * 2
    assert [f.expire_on_commit for f in probe.seen] == [False, False]


def test_a_function_product_is_kept_with_its_node():
    """A shed body read again is made of new nodes, and a dropped node's id may be reused: an
    answer kept for one function must not be handed to another that happens to get its id."""
    model = SessionModel(Settings())
    factory, plain = ast.parse(
        "from contextlib import contextmanager\n@contextmanager\ndef f():\n    yield make()\n"
        "def g():\n    return 1\n").body[1:]
    model.products._cache[id(plain)] = (factory, "stale answer")
    assert model.products.of_function(plain) != "stale answer"
