"""The generated API table still matches SQLAlchemy: the installed version, and the stored dumps."""
from __future__ import annotations

import importlib.util
import json

import pytest

from flake8_dbsession import sqla_api
from flake8_dbsession.model import api
from tests.conftest import ROOT

_spec = importlib.util.spec_from_file_location("gen_sqla_api", ROOT / "tools" / "gen_sqla_api.py")
gen = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(gen)


def test_generated_module_is_up_to_date():
    expected = gen.render(gen.merge(gen.load_dumps()))
    actual = (ROOT / "flake8_dbsession" / "sqla_api.py").read_text()
    assert actual == expected, "run: python tools/gen_sqla_api.py merge > flake8_dbsession/sqla_api.py"


def test_table_covers_three_series():
    assert sqla_api.SERIES == ("1.4", "2.0", "2.1")


def test_installed_sqlalchemy_matches_its_stored_dump():
    sqlalchemy = pytest.importorskip("sqlalchemy")
    pytest.importorskip("aiosqlite")
    series = ".".join(sqlalchemy.__version__.split(".")[:2])
    stored = gen.load_dumps().get(series)
    assert stored is not None, f"no dump for SQLAlchemy {series}: run 'gen_sqla_api.py dump' with it installed"
    live = json.loads(json.dumps(gen.dump()))
    if "sqlmodel.AsyncSession" not in live["classes"]:
        stored = dict(stored, classes={k: v for k, v in stored["classes"].items() if not k.startswith("sqlmodel")})
    assert live["version"] == stored["version"], (
        f"installed SQLAlchemy {live['version']}, table made from {stored['version']}: regenerate the dump")
    for cls, entry in stored["classes"].items():
        assert live["classes"].get(cls) == entry, f"{cls} changed in SQLAlchemy {live['version']}"
    assert live["drivers"] == stored["drivers"]


# Spot checks against sqlalchemy-semantics.md (the measurements the table must agree with)
@pytest.mark.parametrize("name", ["delete", "commit", "execute", "get", "refresh", "merge", "flush", "close",
                                  "rollback", "scalar", "scalars", "run_sync", "stream", "connection"])
def test_asyncsession_coroutines(name):
    assert api.must_be_consumed("AsyncSession", name)


@pytest.mark.parametrize("name", ["add", "add_all", "expunge", "expunge_all", "expire", "expire_all",
                                  "is_modified", "in_transaction", "get_bind"])
def test_asyncsession_sync_methods(name):
    assert not api.must_be_consumed("AsyncSession", name)
    assert api.result_protocols("AsyncSession", name) == frozenset()


def test_protocols():
    assert api.result_protocols("AsyncSession", "begin") == {"await", "async with"}
    assert api.result_protocols("async_sessionmaker", "begin") == {"async with"}
    assert api.result_protocols("AsyncEngine", "begin") == {"async with"}
    assert api.series_supporting("AsyncEngine", "begin", "await") == ["1.4"]
    assert api.result_protocols("AsyncEngine", "connect") == {"await", "async with"}
    assert api.result_protocols("AsyncConnection", "stream") == {"await", "async with"}
    assert api.must_be_consumed("AsyncConnection", "stream")  # a coroutine in 1.4
    assert api.instance_protocols("AsyncSession") == {"async with"}
    assert api.instance_protocols("Session") == {"with"}


def test_async_scoped_session_proxies_need_await_in_14():
    assert sqla_api.MEMBERS["async_scoped_session"]["commit"]["1.4"] == "sync->coroutine"
    assert api.must_be_consumed("async_scoped_session", "remove")


def test_sqlmodel_execute_returns_a_coroutine():
    assert sqla_api.MEMBERS["sqlmodel.AsyncSession"]["execute"]["2.0"] == "sync->coroutine"
    assert api.must_be_consumed("sqlmodel.AsyncSession", "exec")


def test_session_only_names():
    missing = api.missing_on("AsyncSession")
    assert {"query", "bulk_save_objects", "bulk_insert_mappings", "bulk_update_mappings",
            "enable_relationship_loading", "expire_on_commit"} <= missing
    assert "bind_mapper" not in missing  # AsyncSession has it in 2.1
    assert "add" not in missing and "run_sync" not in missing


def test_sync_io():
    for name in ("execute", "scalar", "scalars", "get", "get_one", "refresh", "merge", "flush", "commit",
                 "connection", "bulk_save_objects"):
        assert api.sync_does_io("Session", name), name
    for name in ("add", "add_all", "expire", "expunge", "query", "begin", "close", "rollback", "delete"):
        assert not api.sync_does_io("Session", name), name
    assert api.sync_does_io("Engine", "connect") and not api.sync_does_io("Engine", "dispose")
    assert api.sync_does_io("sqlmodel.Session", "exec")


def test_drivers():
    assert api.driver_flavour("postgresql", None) == ("sync", "psycopg2")
    assert api.driver_flavour("postgresql", None, "2.1") == ("both", "psycopg")
    assert api.driver_flavour("postgresql", "psycopg") == ("both", "psycopg")
    assert api.driver_flavour("postgresql", "asyncpg") == ("async", "asyncpg")
    assert api.driver_flavour("sqlite", "aiosqlite") == ("async", "aiosqlite")
    assert api.driver_flavour("postgresql", "psycopg_async")[0] == "async"
    assert api.driver_flavour("nosuchdb", "x") is None


def test_async_connection_transactions_are_awaitable():
    """Measured (semantics section 3): AsyncConnection.begin()/begin_nested() give an
    AsyncTransaction, awaitable and an async context manager."""
    for name in ("begin", "begin_nested"):
        assert api.result_protocols("AsyncConnection", name) == frozenset({"await", "async with"})
