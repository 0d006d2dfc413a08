"""SQLAlchemy's and sqlmodel's public names, by qualified name: which classes are sessions,
factories, engines and connections, and which functions build them.

A name counts only when it resolves (through the file's imports) into the ``sqlalchemy`` or
``sqlmodel`` packages: a first-party ``Session`` or ``requests.Session`` never matches.
"""
from __future__ import annotations

from dataclasses import replace

from flake8_dbsession.model.flavour import Flavour, Kind, Mode

S, A = Mode.SYNC, Mode.ASYNC

# (top-level package, last name) -> the flavour of an INSTANCE of that class
_CLASSES: dict[tuple[str, str], Flavour] = {
    ("sqlalchemy", "Session"): Flavour(Kind.SESSION, S, "Session"),
    ("sqlalchemy", "AsyncSession"): Flavour(Kind.SESSION, A, "AsyncSession"),
    ("sqlalchemy", "Engine"): Flavour(Kind.ENGINE, S, "Engine"),
    ("sqlalchemy", "AsyncEngine"): Flavour(Kind.ENGINE, A, "AsyncEngine"),
    ("sqlalchemy", "Connection"): Flavour(Kind.CONNECTION, S, "Connection"),
    ("sqlalchemy", "AsyncConnection"): Flavour(Kind.CONNECTION, A, "AsyncConnection"),
    ("sqlalchemy", "sessionmaker"): Flavour(
        Kind.FACTORY, S, "sessionmaker", product=Flavour(Kind.SESSION, S, "Session")),
    ("sqlalchemy", "async_sessionmaker"): Flavour(
        Kind.FACTORY, A, "async_sessionmaker", product=Flavour(Kind.SESSION, A, "AsyncSession")),
    ("sqlalchemy", "scoped_session"): Flavour(
        Kind.REGISTRY, S, "scoped_session", product=Flavour(Kind.SESSION, S, "Session")),
    ("sqlalchemy", "async_scoped_session"): Flavour(
        Kind.REGISTRY, A, "async_scoped_session", product=Flavour(Kind.SESSION, A, "AsyncSession")),
    ("sqlmodel", "Session"): Flavour(Kind.SESSION, S, "sqlmodel.Session"),
    ("sqlmodel", "AsyncSession"): Flavour(Kind.SESSION, A, "sqlmodel.AsyncSession"),
}

# functions that return an engine
_ENGINE_BUILDERS: dict[tuple[str, str], Flavour] = {
    ("sqlalchemy", "create_engine"): Flavour(Kind.ENGINE, S, "Engine"),
    ("sqlalchemy", "engine_from_config"): Flavour(Kind.ENGINE, S, "Engine"),
    ("sqlalchemy", "create_async_engine"): Flavour(Kind.ENGINE, A, "AsyncEngine"),
    ("sqlalchemy", "async_engine_from_config"): Flavour(Kind.ENGINE, A, "AsyncEngine"),
    ("sqlmodel", "create_engine"): Flavour(Kind.ENGINE, S, "Engine"),
}


def _key(qualname: str | None) -> tuple[str, str] | None:
    if not qualname or qualname.startswith("."):
        return None
    parts = qualname.split(".")
    if len(parts) < 2 or parts[0] not in ("sqlalchemy", "sqlmodel"):
        return None
    return parts[0], parts[-1]


CLASS_NAMES = frozenset(name for _, name in _CLASSES)


_EXTENSIONS = {"flask_sqlalchemy.SQLAlchemy", "flask_sqlalchemy.extension.SQLAlchemy",
               "flask_appbuilder.SQLA", "flask_appbuilder.models.sqla.SQLA"}  # SQLA subclasses SQLAlchemy


def extension_flavour(qualname: str | None) -> Flavour | None:
    """Flask-SQLAlchemy's ``db = SQLAlchemy(app)``: an object whose ``db.engine`` is a sync Engine."""
    if qualname in _EXTENSIONS:
        return Flavour(Kind.EXTENSION, S, None, evidence="Flask-SQLAlchemy's SQLAlchemy()")
    return None


def extension_attribute(attr: str, text: str) -> Flavour:
    """``db.engine``: a sync Engine; ``db.session``: a scoped_session registry of sync Sessions."""
    if attr == "engine":
        return Flavour(Kind.ENGINE, S, "Engine", evidence=f"Flask-SQLAlchemy's '{text}'")
    return replace(_CLASSES[("sqlalchemy", "scoped_session")], evidence=f"Flask-SQLAlchemy's '{text}'")


def class_flavour(qualname: str | None) -> Flavour | None:
    """The flavour of an instance of the SQLAlchemy class ``qualname`` names, if it is one."""
    key = _key(qualname)
    return _CLASSES.get(key) if key else None


def engine_builder(qualname: str | None) -> Flavour | None:
    key = _key(qualname)
    return _ENGINE_BUILDERS.get(key) if key else None


def is_sqla_function(qualname: str | None, name: str) -> bool:
    key = _key(qualname)
    return key is not None and key[1] == name


def is_fastapi_depends(qualname: str | None) -> bool:
    return bool(qualname) and qualname.split(".")[0] == "fastapi" and qualname.endswith("Depends")
