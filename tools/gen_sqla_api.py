#!/usr/bin/env python3
"""Generate ``flake8_dbsession/sqla_api.py`` from SQLAlchemy itself.

Two steps, because one Python environment holds one SQLAlchemy version:

1. ``dump`` introspects the installed SQLAlchemy (and sqlmodel, if installed) and prints JSON:
   for every public member of the classes the linter reasons about, whether it is a coroutine
   function, a plain function that returns a coroutine (1.4's ``async_scoped_session`` proxies,
   sqlmodel's ``@deprecated`` ``execute``), a plain function, or an attribute, and, probed at run
   time on objects that do no I/O, which protocols (``await``, ``async with``, ``with``) the value
   it returns supports.  Run it once per SQLAlchemy series and keep the output in
   ``tools/sqla_api_data/<version>.json``::

       /tmp/sa14/bin/python tools/gen_sqla_api.py dump > tools/sqla_api_data/1.4.54.json

2. ``merge`` reads every dump in ``tools/sqla_api_data/`` and writes the Python module::

       python tools/gen_sqla_api.py merge > flake8_dbsession/sqla_api.py

``tests/test_sqla_api.py`` checks that the dump of the installed SQLAlchemy equals the stored dump
of its series and that ``sqla_api.py`` is what ``merge`` writes, so the table cannot drift.

Which sync ``Session``/``Connection``/``Engine`` calls do I/O is derived, not typed: a sync method
does I/O when its ``AsyncSession``/``AsyncConnection``/``AsyncEngine`` counterpart must be awaited
(SQLAlchemy made exactly the I/O methods coroutines), minus the release and lazy calls measured in
``shared/spec/sqlalchemy-semantics.md`` section 2 (``NOT_BLOCKING_IO`` below).
"""
from __future__ import annotations

import importlib
import inspect
import json
import sys
import warnings
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "sqla_api_data"

# ---------------------------------------------------------------------------------------------
# dump: introspection of one installed version


def _classify_function(fn, proxied_kind=None) -> str:
    # the function's own code first: from Python 3.12 a plain-def wrapper of a coroutine function
    # can be marked as one (typing_extensions.deprecated does), and inspect.iscoroutinefunction
    # then says "coro" where 3.10 and 3.11 say it is a plain def: the table must not depend on
    # the interpreter that generated it
    code = getattr(fn, "__code__", None)
    if code is not None and code.co_flags & inspect.CO_COROUTINE:
        return "coro"
    if inspect.isasyncgenfunction(fn):
        return "asyncgen"
    wrapped = getattr(fn, "__wrapped__", None)
    if wrapped is not None and inspect.iscoroutinefunction(wrapped):
        return "sync->coroutine"  # e.g. sqlmodel's @deprecated AsyncSession.execute
    if code is None and inspect.iscoroutinefunction(fn):
        return "coro"
    if proxied_kind in ("coro", "sync->coroutine"):
        code = getattr(fn, "__code__", None)
        if code is not None and "_proxied" in code.co_names:
            return "sync->coroutine"  # 1.4 async_scoped_session proxies: plain def returning a coroutine
    return "sync"


def _static_member(cls, name, proxied):
    st = inspect.getattr_static(cls, name)
    proxied_kind = None
    if proxied is not None and name in proxied:
        proxied_kind = proxied[name]["kind"]
    if isinstance(st, (classmethod, staticmethod)):
        return {"kind": _classify_function(st.__func__, proxied_kind), "cls": True}
    if inspect.isfunction(st):
        return {"kind": _classify_function(st, proxied_kind)}
    if isinstance(st, property):
        return {"kind": "attr"}
    if callable(st) and not hasattr(st, "__get__"):
        return {"kind": "sync"}
    return {"kind": "attr"}


def _protocols(obj) -> list[str]:
    out = []
    if hasattr(obj, "__await__") or inspect.iscoroutine(obj):
        out.append("await")
    if hasattr(obj, "__aenter__"):
        out.append("async with")
    if hasattr(obj, "__enter__"):
        out.append("with")
    return out


def _probe(make, name, member, one_arg):
    """Call a plain method on a fresh object (no I/O is needed) and record what the result supports."""
    if member["kind"] != "sync" or member.get("cls"):
        return None
    try:
        obj = make()
        fn = getattr(obj, name)
        sig = inspect.signature(fn)
        required = [
            p for p in sig.parameters.values()
            if p.default is p.empty and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
        ]
        from sqlalchemy import text

        if len(required) > (1 if one_arg else 0):
            return None
        args = [text("select 1")] * len(required)
        result = fn(*args)
    except Exception:  # noqa: BLE001 - a probe that cannot run tells nothing
        return None
    protocols = _protocols(result)
    if inspect.iscoroutine(result):
        result.close()
    return protocols or None


def _drivers() -> dict:
    """{dialect: {"default": driver of a bare 'dialect://' URL, "drivers": {driver: sync|async|both}}},
    read from SQLAlchemy's dialect classes (``is_async``, ``get_async_dialect_cls``)."""
    import pkgutil

    from sqlalchemy.engine.url import make_url

    def load(name):
        try:
            url = make_url(name + "://")
            return url, url._get_entrypoint()
        except Exception:  # noqa: BLE001 - not a dialect in this version
            return None, None

    out = {}
    for dialect in ("postgresql", "mysql", "sqlite", "mssql", "oracle"):
        package = importlib.import_module(f"sqlalchemy.dialects.{dialect}")
        url, default = load(dialect)
        if default is None:
            continue
        drivers = {}
        modules = [m.name for m in pkgutil.iter_modules(package.__path__)]
        for name in modules + [m + "_async" for m in modules]:
            url, cls = load(f"{dialect}+{name}")
            driver = getattr(cls, "driver", None)
            if cls is None or name not in (driver, f"{driver}_async"):
                continue  # a helper module ('base', 'types'...) that loads the default dialect
            if getattr(cls, "is_async", False):
                flavour = "async"
            else:
                flavour = "sync"
                get_async = getattr(cls, "get_async_dialect_cls", None)
                try:
                    if get_async is not None and getattr(get_async(url), "is_async", False):
                        flavour = "both"
                except Exception:  # noqa: BLE001
                    pass
            drivers[name] = flavour
        out[dialect] = {"default": default.driver, "drivers": dict(sorted(drivers.items()))}
    return out


def dump() -> dict:
    warnings.simplefilter("ignore")
    import sqlalchemy as sa
    from sqlalchemy.engine import Connection, Engine
    from sqlalchemy.ext.asyncio import (
        AsyncConnection,
        AsyncEngine,
        AsyncSession,
        async_scoped_session,
        create_async_engine,
    )
    from sqlalchemy.ext.asyncio.engine import AsyncTransaction
    from sqlalchemy.ext.asyncio.session import AsyncSessionTransaction
    from sqlalchemy.orm import Query, Session, scoped_session, sessionmaker
    from sqlalchemy.orm.session import SessionTransaction

    try:
        from sqlalchemy.ext.asyncio import async_sessionmaker
    except ImportError:  # 1.4
        async_sessionmaker = None

    # A fresh engine for every probe: a probe may invalidate or dispose what it is given.
    def aengine():
        return create_async_engine("sqlite+aiosqlite://")

    def engine():
        return sa.create_engine("sqlite://")

    def aconnection():
        """A started AsyncConnection (in-memory SQLite): begin() and begin_nested() refuse an
        unstarted one, so probing those needs a connection that was awaited once."""
        import asyncio

        async def connect():
            return await aengine().connect()

        return asyncio.run(connect())

    def amaker():
        if async_sessionmaker is not None:
            return async_sessionmaker(aengine())
        return sessionmaker(aengine(), class_=AsyncSession)

    classes = {
        "AsyncSession": (AsyncSession, lambda: AsyncSession(aengine()), None),
        "AsyncConnection": (AsyncConnection, aconnection, None),
        "AsyncEngine": (AsyncEngine, aengine, None),
        "AsyncSessionTransaction": (AsyncSessionTransaction, lambda: AsyncSession(aengine()).begin(), None),
        "AsyncTransaction": (AsyncTransaction, lambda: aengine().connect().begin(), None),
        "async_scoped_session": (
            async_scoped_session, lambda: async_scoped_session(amaker(), scopefunc=lambda: 1), "AsyncSession"),
        "Session": (Session, lambda: Session(engine()), None),
        "SessionTransaction": (SessionTransaction, lambda: Session(engine()).begin(), None),
        "scoped_session": (scoped_session, lambda: scoped_session(sessionmaker(engine())), "Session"),
        "sessionmaker": (sessionmaker, lambda: sessionmaker(engine()), None),
        "Connection": (Connection, lambda: engine().connect(), None),
        "Engine": (Engine, engine, None),
        "Query": (Query, None, None),
    }
    if async_sessionmaker is not None:
        classes["async_sessionmaker"] = (async_sessionmaker, amaker, None)
    else:  # 1.4: sessionmaker(class_=AsyncSession) plays the part
        classes["async_sessionmaker"] = (sessionmaker, amaker, None)
    try:
        from sqlmodel import Session as SMSession
        from sqlmodel.ext.asyncio.session import AsyncSession as SMAsyncSession
    except ImportError:
        pass
    else:
        classes["sqlmodel.AsyncSession"] = (SMAsyncSession, lambda: SMAsyncSession(aengine()), None)
        classes["sqlmodel.Session"] = (SMSession, lambda: SMSession(engine()), None)

    out: dict = {"version": sa.__version__, "classes": {}, "drivers": _drivers()}
    for key, (cls, make, proxied_name) in classes.items():
        proxied = out["classes"].get(proxied_name, {}).get("members") if proxied_name else None
        members = {}
        for name in sorted(dir(cls)):
            if name.startswith("_"):
                continue
            try:
                member = _static_member(cls, name, proxied)
            except AttributeError:
                continue
            if make is not None:
                # Only async objects are probed with an argument (stream(q)); a sync call with a
                # statement would run it and report on the result object.
                returns = _probe(make, name, member, one_arg=key.lower().startswith(("async", "sqlmodel.async")))
                if returns:
                    member["returns"] = returns
            members[name] = member
        if make is not None:  # attributes set in __init__ (Session.expire_on_commit, twophase...)
            try:
                instance_names = set(dir(make()))
            except Exception:  # noqa: BLE001
                instance_names = set()
            for name in sorted(instance_names - set(members)):
                if not name.startswith("_"):
                    members[name] = {"kind": "attr", "instance": True}
        entry = {"members": members}
        if make is not None:
            try:
                entry["protocols"] = _protocols(make())
            except Exception:  # noqa: BLE001
                pass
        out["classes"][key] = entry
    return out


# ---------------------------------------------------------------------------------------------
# merge: all stored dumps -> one Python module

# Calls whose async counterpart is a coroutine but which, on a sync session, release a connection
# or do no I/O of their own (measured: sqlalchemy-semantics.md section 2). Rules never report them
# as blocking I/O.
NOT_BLOCKING_IO = {
    "close": "gives the connection back",
    "close_all": "gives connections back",
    "rollback": "gives the connection back",
    "invalidate": "gives the connection back",
    "reset": "gives the connection back",
    "delete": "I/O only for unloaded cascade collections",
    "delete_all": "I/O only for unloaded cascade collections",
    "execution_options": "no SQL unless an isolation level is set",
    "aclose": "gives the connection back",
    "dispose": "closes pooled connections, sends no SQL",
}
# Sync I/O calls that have no coroutine counterpart because AsyncSession lacks them.
SESSION_ONLY_IO_PREFIX = "bulk_"
# Engine calls that check out a connection (semantics section 2: "engine.connect() (checkout)").
ENGINE_CHECKOUT = ("connect", "begin", "raw_connection")
# Query methods that run the query (semantics section 2: iterating a Query, .all() and similar).
QUERY_TERMINALS = ("all", "first", "one", "one_or_none", "scalar", "count")

SYNC_TWINS = {
    "Session": "AsyncSession",
    "Connection": "AsyncConnection",
    "Engine": "AsyncEngine",
    "sqlmodel.Session": "sqlmodel.AsyncSession",
}


def _series(version: str) -> str:
    return ".".join(version.split(".")[:2])


def load_dumps(data_dir: Path = DATA_DIR) -> dict[str, dict]:
    dumps = {}
    for path in sorted(data_dir.glob("*.json")):
        data = json.loads(path.read_text())
        dumps[_series(data["version"])] = data
    return dict(sorted(dumps.items(), key=lambda kv: tuple(int(x) for x in kv[0].split("."))))


def merge(dumps: dict[str, dict]) -> dict:
    """Merge per-version dumps into {class: {member: {series: info}}} plus derived sets."""
    series = list(dumps)
    classes: dict[str, dict] = {}
    protocols: dict[str, dict] = {}
    for ser, data in dumps.items():
        for cls, entry in data["classes"].items():
            members = classes.setdefault(cls, {})
            for name, info in entry["members"].items():
                kind = info["kind"]
                if kind == "sync" and info.get("returns"):
                    kind = "sync->" + "+".join(info["returns"])
                members.setdefault(name, {})[ser] = kind
            if "protocols" in entry:
                protocols.setdefault(cls, {})[ser] = entry["protocols"]
    sync_io = {}
    for sync_cls, async_cls in SYNC_TWINS.items():
        io = set()
        for name, per in classes.get(sync_cls, {}).items():
            if name in NOT_BLOCKING_IO:
                continue
            twin = classes.get(async_cls, {}).get(name, {})
            if any(k in ("coro", "sync->coroutine") for k in twin.values()):
                io.add(name)
            elif sync_cls.endswith("Session") and name.startswith(SESSION_ONLY_IO_PREFIX):
                io.add(name)
            elif sync_cls == "Engine" and name in ENGINE_CHECKOUT:
                io.add(name)
        sync_io[sync_cls] = sorted(io)
    terminals = sorted(t for t in QUERY_TERMINALS if t in classes.get("Query", {}))
    drivers: dict[str, dict] = {}
    defaults: dict[str, dict] = {}
    for ser, data in dumps.items():
        for dialect, info in data.get("drivers", {}).items():
            defaults.setdefault(dialect, {})[ser] = info["default"]
            for driver, flavour in info["drivers"].items():
                drivers.setdefault(dialect, {}).setdefault(driver, {})[ser] = flavour
    return {"series": series, "classes": classes, "protocols": protocols, "sync_io": sync_io,
            "query_terminals": terminals, "drivers": drivers, "default_drivers": defaults}


def render(merged: dict) -> str:
    lines = [
        '"""SQLAlchemy API facts, GENERATED by tools/gen_sqla_api.py from SQLAlchemy '
        + ", ".join(merged["series"]) + '.',
        "",
        "Do not edit by hand: change the generator or the stored dumps and run",
        "``python tools/gen_sqla_api.py merge > flake8_dbsession/sqla_api.py``.",
        "",
        "MEMBERS[class][name][series] is one of: 'coro' (async def), 'sync->coroutine' (plain def",
        "returning a coroutine), 'sync' (plain def), 'sync->await+async with' and the like (plain def",
        "whose result supports those protocols), 'asyncgen', 'attr' (not callable).",
        '"""',
        "# fmt: off",
        "SERIES = " + repr(tuple(merged["series"])),
        "",
        "MEMBERS = {",
    ]
    for cls in sorted(merged["classes"]):
        lines.append(f"    {cls!r}: {{")
        for name, per in sorted(merged["classes"][cls].items()):
            lines.append(f"        {name!r}: {dict(per)!r},")
        lines.append("    },")
    lines.append("}")
    lines.append("")
    lines.append("# Protocols an instance supports, per series ('with', 'async with', 'await').")
    lines.append("INSTANCE_PROTOCOLS = {")
    for cls in sorted(merged["protocols"]):
        lines.append(f"    {cls!r}: {merged['protocols'][cls]!r},")
    lines.append("}")
    lines.append("")
    lines.append("# Sync calls that do I/O (derived: the async twin is a coroutine; see the generator).")
    lines.append("SYNC_IO = {")
    for cls, names in sorted(merged["sync_io"].items()):
        lines.append(f"    {cls!r}: frozenset({names!r}),")
    lines.append("}")
    lines.append("")
    lines.append("QUERY_TERMINALS = frozenset(" + repr(merged["query_terminals"]) + ")")
    lines.append("")
    lines.append("# DRIVERS[dialect][driver][series]: 'sync', 'async' or 'both' (from the dialect classes).")
    lines.append("DRIVERS = {")
    for dialect in sorted(merged["drivers"]):
        lines.append(f"    {dialect!r}: {{")
        for driver, per in sorted(merged["drivers"][dialect].items()):
            lines.append(f"        {driver!r}: {per!r},")
        lines.append("    },")
    lines.append("}")
    lines.append("# The driver a bare 'dialect://' URL loads, per series.")
    lines.append("DEFAULT_DRIVERS = {")
    for dialect in sorted(merged["default_drivers"]):
        lines.append(f"    {dialect!r}: {merged['default_drivers'][dialect]!r},")
    lines.append("}")
    lines.append("# fmt: on")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    if argv[:1] == ["dump"]:
        json.dump(dump(), sys.stdout, indent=1, sort_keys=True)
        sys.stdout.write("\n")
        return 0
    if argv[:1] == ["merge"]:
        sys.stdout.write(render(merge(load_dumps())))
        return 0
    sys.stderr.write("usage: gen_sqla_api.py dump|merge\n")
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
