"""Questions about SQLAlchemy's API, answered from the generated table :mod:`flake8_dbsession.sqla_api`.

Rules ask these; none of them keeps a method list of its own. "Latest" means the newest SQLAlchemy
series in the table that has the member: a call that works there is not reported.
"""
from __future__ import annotations

from functools import lru_cache

from flake8_dbsession import sqla_api

_AWAIT_KINDS = ("coro", "sync->coroutine")


def _kinds(api: str, name: str) -> dict[str, str]:
    return sqla_api.MEMBERS.get(api, {}).get(name, {})


def has_member(api: str, name: str) -> bool:
    return bool(_kinds(api, name))


def latest_kind(api: str, name: str) -> tuple[str, str] | None:
    """(series, kind) of ``api.name`` in the newest series that has it."""
    kinds = _kinds(api, name)
    if not kinds:
        return None
    series = max(kinds, key=lambda s: tuple(int(p) for p in s.split(".")))
    return series, kinds[series]


def _protocols_of_kind(kind: str) -> frozenset[str]:
    if kind in _AWAIT_KINDS:
        return frozenset({"await"})
    if kind.startswith("sync->"):
        return frozenset(kind[len("sync->"):].split("+"))
    return frozenset()


def result_protocols(api: str, name: str) -> frozenset[str] | None:
    """What the value ``api.name(...)`` returns supports in the latest series: await / async with / with."""
    latest = latest_kind(api, name)
    if latest is None or latest[1] in ("attr", "asyncgen"):
        return None
    return _protocols_of_kind(latest[1])


def series_supporting(api: str, name: str, protocol: str) -> list[str]:
    return [s for s, k in _kinds(api, name).items() if protocol in _protocols_of_kind(k)]


def must_be_consumed(api: str, name: str) -> bool:
    """True when ``api.name(...)`` gives a coroutine in some series: left unawaited, the work is lost."""
    return any(k in _AWAIT_KINDS for k in _kinds(api, name).values())


def instance_protocols(api: str) -> frozenset[str] | None:
    per = sqla_api.INSTANCE_PROTOCOLS.get(api)
    if not per:
        return None
    series = max(per, key=lambda s: tuple(int(p) for p in s.split(".")))
    return frozenset(per[series])


@lru_cache(maxsize=None)
def missing_on(async_api: str, sync_api: str = "Session") -> frozenset[str]:
    """Public names ``sync_api`` has (in some series) and ``async_api`` lacks in every series."""
    sync_names = set(sqla_api.MEMBERS.get(sync_api, {}))
    async_names = set(sqla_api.MEMBERS.get(async_api, {}))
    return frozenset(sync_names - async_names)


def sync_does_io(api: str, name: str) -> bool:
    """Does calling ``name`` on the sync ``api`` object do database I/O (blocking)?"""
    if api == "scoped_session":
        api = "Session"
    return name in sqla_api.SYNC_IO.get(api, ())


def session_method_does_io(method: str) -> bool:
    """A session method, by name, that takes a connection: ``query`` (its result runs) or an I/O
    method of a sync Session (the async names that do I/O are the same)."""
    return method == "query" or sync_does_io("Session", method) or sync_does_io("sqlmodel.Session", method)


def method_does_io(method: str) -> bool:
    """:func:`session_method_does_io`, or an I/O method of a Connection."""
    return session_method_does_io(method) or sync_does_io("Connection", method)


def is_query_terminal(name: str) -> bool:
    return name in sqla_api.QUERY_TERMINALS


def _series_key(series: str) -> tuple[int, ...]:
    return tuple(int(p) for p in series.split("."))


def driver_flavour(dialect: str, driver: str | None, min_series: str | None = None) -> tuple[str, str] | None:
    """('sync' | 'async' | 'both', driver) for ``dialect+driver://`` in the oldest series the
    project admits (``min_series``, or every series in the table); a bare URL (``driver`` None)
    means the dialect's default driver of that series. None when the table does not know it."""
    per_dialect = sqla_api.DRIVERS.get(dialect)
    if per_dialect is None:
        return None
    floor = _series_key(min_series) if min_series else (0,)
    if driver is None:
        defaults = sqla_api.DEFAULT_DRIVERS.get(dialect, {})
        admitted = sorted((s for s in defaults if _series_key(s) >= floor), key=_series_key)
        if not admitted:
            return None
        series = admitted[0]
        driver = defaults[series]
        flavour = per_dialect.get(driver, {}).get(series)
        return (flavour, driver) if flavour else None
    per = per_dialect.get(driver)
    if not per:
        return None
    admitted = sorted((s for s in per if _series_key(s) >= floor), key=_series_key) or sorted(per, key=_series_key)
    return per[admitted[0]], driver


def drivers_of(dialect: str, flavour: str) -> list[str]:
    """Drivers of ``dialect`` that serve ``flavour`` ('sync' or 'async') in the newest series."""
    out = []
    for driver, per in sqla_api.DRIVERS.get(dialect, {}).items():
        latest = per[max(per, key=_series_key)]
        if latest in (flavour, "both"):
            out.append(driver)
    return sorted(out)


@lru_cache(maxsize=None)
def coroutine_method_names() -> frozenset[str]:
    """Every method name that gives a coroutine on some async class: a cheap first filter."""
    return frozenset(name for members in sqla_api.MEMBERS.values() for name, kinds in members.items()
                     if any(k in _AWAIT_KINDS for k in kinds.values()))


@lru_cache(maxsize=None)
def sync_io_names() -> frozenset[str]:
    return frozenset(name for names in sqla_api.SYNC_IO.values() for name in names) | sqla_api.QUERY_TERMINALS


@lru_cache(maxsize=None)
def member_names() -> frozenset[str]:
    return frozenset(name for members in sqla_api.MEMBERS.values() for name in members)
