"""Flavour: what a value is, as far as sessions go (kind x sync/async), and why we believe it."""
from __future__ import annotations

import enum
from dataclasses import dataclass, replace


class Kind(enum.Enum):
    SESSION = "session"  # Session / AsyncSession instance
    FACTORY = "factory"  # sessionmaker / async_sessionmaker (calling it gives a session)
    REGISTRY = "registry"  # scoped_session / async_scoped_session (proxies a session)
    ENGINE = "engine"
    CONNECTION = "connection"
    TRANSACTION = "transaction"  # SessionTransaction, AsyncSessionTransaction, AsyncTransaction
    CONTEXT = "context"  # a context manager whose target is ``product`` (sessionmaker.begin())
    EXTENSION = "extension"  # Flask-SQLAlchemy's SQLAlchemy(): its ``engine`` is a sync Engine


class Mode(enum.Enum):
    SYNC = "sync"
    ASYNC = "async"


@dataclass(frozen=True)
class Flavour:
    """One fact about a value.

    ``api`` is the class key of :mod:`flake8_dbsession.sqla_api` (``"AsyncSession"``,
    ``"sqlmodel.AsyncSession"``, ``"async_sessionmaker"``...), or ``None`` when only the kind is known.
    ``product`` is what calling a factory / registry, or entering a context, gives.
    ``evidence`` says why, in words a message can quote ("annotated 'AsyncSession'").
    ``note`` carries a contradiction worth telling the user (an annotation construction overrides).
    ``call_api``/``call_method`` name the call that produced a CONTEXT (for protocol lookups).
    ``expire_on_commit``: what the factory (and so its sessions) does on commit; SQLAlchemy's
    default is True, None means it is set to something the linter cannot read.
    ``declared_only``: the only evidence is an annotation. Code that works at run time while
    contradicting its annotation (``session: Session`` then ``await session.execute(...)``) shows
    the annotation is wrong; rules whose failure would be loud and immediate skip such values.
    """

    kind: Kind
    mode: Mode
    api: str | None = None
    product: Flavour | None = None
    evidence: str = ""
    note: str = ""
    call_api: str | None = None
    call_method: str | None = None
    declared_only: bool = False  # known from an annotation alone, nothing built it
    expire_on_commit: bool | None = None  # factories and their sessions: None when unknown

    @property
    def is_async(self) -> bool:
        return self.mode is Mode.ASYNC

    @property
    def display(self) -> str:
        """The class name a user knows: 'AsyncSession' for sqlmodel's too."""
        if self.api is None:
            return f"{self.mode.value} {self.kind.value}"
        return self.api.rsplit(".", 1)[-1]

    def with_evidence(self, evidence: str, note: str = "") -> Flavour:
        return replace(self, evidence=evidence, note=note or self.note)

    def declared(self, evidence: str) -> Flavour:
        return replace(self, evidence=evidence, declared_only=True)


def session(mode: Mode, api: str, evidence: str = "") -> Flavour:
    return Flavour(Kind.SESSION, mode, api, evidence=evidence)


SYNC_SESSION_API = "Session"
ASYNC_SESSION_API = "AsyncSession"
