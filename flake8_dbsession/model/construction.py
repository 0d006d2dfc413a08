"""What a call builds: sessions from factories and classes, factories from sessionmaker(...),
connections and transactions from engine and session methods, and names the user declared as
factories. Pure functions of the session model's current state."""
from __future__ import annotations

import ast
from dataclasses import replace
from typing import TYPE_CHECKING

from flake8_dbsession.findings import source_text
from flake8_dbsession.model import sqla_names
from flake8_dbsession.model.flavour import Flavour, Kind, Mode
from flake8_dbsession.model.scopes import Deferred, LocalDef

if TYPE_CHECKING:
    from flake8_dbsession.model.session_model import SessionModel

_TRANSACTION_API = {"AsyncSession": "AsyncSessionTransaction", "sqlmodel.AsyncSession": "AsyncSessionTransaction",
                    "Session": "SessionTransaction", "sqlmodel.Session": "SessionTransaction",
                    "AsyncConnection": "AsyncTransaction"}
_CONNECTION_API = {Mode.SYNC: "Connection", Mode.ASYNC: "AsyncConnection"}


def configured_factory(model: SessionModel, qualname: str | None, local: str) -> Flavour | None:
    """Names the user declared in dbs-sync-factories / dbs-async-factories."""
    settings = model.settings
    for mode, names in ((Mode.ASYNC, settings.async_factories), (Mode.SYNC, settings.sync_factories)):
        for name in names:
            if not _configured_match(name, qualname, local):
                continue
            session_api = "AsyncSession" if mode is Mode.ASYNC else "Session"
            factory_api = "async_sessionmaker" if mode is Mode.ASYNC else "sessionmaker"
            listed = f"listed in dbs-{mode.value}-factories"
            return Flavour(Kind.FACTORY, mode, factory_api,
                           product=Flavour(Kind.SESSION, mode, session_api,
                                           evidence=f"created by '{local}()', {listed}"),
                           evidence=f"'{name}' is {listed}")
    return None


def call_flavour(model: SessionModel, call: ast.Call) -> Flavour | None:
    func = call.func
    if isinstance(func, ast.Name) and func.id == "next" and len(call.args) == 1 \
            and not model.scope.lookup("next")[0] and isinstance(call.args[0], ast.Call):
        product = model.products.of_callable(call.args[0].func)
        if product is not None and product.generator and product.flavour is not None:
            return product.flavour.with_evidence(f"created by '{source_text(call)}'")
        return None
    qualname = model.qualname(func)
    cls = sqla_names.class_flavour(qualname)
    if cls is not None:
        return construct(model, cls, call)
    engine = sqla_names.engine_builder(qualname)
    if engine is not None:
        return engine.with_evidence(f"created by '{source_text(func)}()'")
    extension = sqla_names.extension_flavour(qualname)
    if extension is not None:
        return extension
    called = model.flavour(func)
    if called is not None:
        if called.kind in (Kind.FACTORY, Kind.REGISTRY) and called.product is not None:
            return called.product.with_evidence(f"created by '{source_text(call)}'")
        return None
    if isinstance(func, ast.Attribute):
        receiver = model.flavour(func.value)
        if receiver is not None:
            return method_result(receiver, func.attr)
        if func.attr == "connect" and isinstance(func.value, ast.Attribute) and func.value.attr == "bind":
            return _bind_connection(model, func)
    product = model.products.of_callable(func)  # also db_registry.session(): a method of an instance
    if product is None or product.flavour is None or (product.generator and not product.context):
        return None
    if product.context:
        return Flavour(Kind.CONTEXT, product.flavour.mode, None, product=product.flavour)
    return product.flavour.with_evidence(f"created by '{source_text(call)}'")


def _bind_connection(model: SessionModel, func: ast.Attribute) -> Flavour | None:
    """``session.bind.connect()``: a connection of the session's flavour (a bind that has
    ``connect()`` is an engine; the bind itself is left alone, it may be a connection)."""
    owner = model.flavour(func.value.value)  # type: ignore[attr-defined]
    if owner is None or owner.kind is not Kind.SESSION:
        return None
    return Flavour(Kind.CONNECTION, owner.mode, _CONNECTION_API[owner.mode],
                   evidence=f"from '{source_text(func)}()'")


def construct(model: SessionModel, cls: Flavour, call: ast.Call) -> Flavour | None:
    text = source_text(call.func)
    expire = _expire_on_commit(call)
    if cls.kind is Kind.SESSION:
        return replace(cls, evidence=f"created by '{text}()'", expire_on_commit=expire)
    if cls.kind is Kind.FACTORY:
        product = cls.product
        class_kw = _keyword(call, "class_")
        if class_kw is not None:
            product = sqla_names.class_flavour(model.qualname(class_kw))
            if product is None or product.kind is not Kind.SESSION:
                return None  # a custom Session subclass: no evidence of its flavour
        api = "async_sessionmaker" if product.is_async else "sessionmaker"
        return Flavour(Kind.FACTORY, product.mode, api,
                       product=replace(product, evidence="", expire_on_commit=expire),
                       evidence=f"'{text}(...)'", expire_on_commit=expire)
    if cls.kind is Kind.REGISTRY:
        inner = model.flavour(call.args[0]) if call.args else model.flavour(_keyword(call, "session_factory"))
        product = inner.product if inner is not None and inner.kind is Kind.FACTORY else cls.product
        if product is None or product.mode is not cls.mode:
            return None
        return Flavour(Kind.REGISTRY, cls.mode, cls.api, product=product, evidence=f"'{text}(...)'")
    return None


def _expire_on_commit(call: ast.Call) -> bool | None:
    """SQLAlchemy's default is True; a value the linter cannot read is None."""
    value = _keyword(call, "expire_on_commit")
    if value is None:
        return None if any(kw.arg is None for kw in call.keywords) else True
    if isinstance(value, ast.Constant) and isinstance(value.value, bool):
        return value.value
    return None


def method_result(receiver: Flavour, method: str) -> Flavour | None:
    mode = receiver.mode
    if receiver.kind is Kind.REGISTRY and receiver.product is not None:
        if method in ("begin", "begin_nested", "connection"):
            return method_result(receiver.product, method)
        return None
    if receiver.kind is Kind.FACTORY and method == "begin" and receiver.product is not None:
        return Flavour(Kind.CONTEXT, mode, None, product=receiver.product.with_evidence(
            "from the factory's begin()"), call_api=receiver.api, call_method="begin")
    if receiver.kind is Kind.SESSION:
        if method in ("begin", "begin_nested"):
            return Flavour(Kind.TRANSACTION, mode, _TRANSACTION_API.get(receiver.api or ""))
        if method == "connection" and mode is Mode.SYNC:
            return Flavour(Kind.CONNECTION, mode, "Connection")
    if receiver.kind is Kind.ENGINE:
        if method == "connect":
            return Flavour(Kind.CONNECTION, mode, _CONNECTION_API[mode], evidence="from the engine's connect()")
        if method == "begin":
            return Flavour(Kind.CONTEXT, mode, None, product=Flavour(Kind.CONNECTION, mode, _CONNECTION_API[mode]),
                           call_api=receiver.api, call_method="begin")
        if method == "execution_options":
            return receiver
    if receiver.kind is Kind.CONNECTION and method in ("begin", "begin_nested"):
        return Flavour(Kind.TRANSACTION, mode, _TRANSACTION_API.get(receiver.api or "", None)
                       if mode is Mode.ASYNC else None)
    return None


def await_flavour(model: SessionModel, expr: ast.Await) -> Flavour | None:
    inner = expr.value
    if not (isinstance(inner, ast.Call) and isinstance(inner.func, ast.Attribute)):
        return None
    receiver = model.flavour(inner.func.value)
    if receiver is None or not receiver.is_async:
        return None
    method = inner.func.attr
    if receiver.kind is Kind.REGISTRY and receiver.product is not None:
        receiver = receiver.product
    if receiver.kind is Kind.SESSION and method == "connection":
        return Flavour(Kind.CONNECTION, Mode.ASYNC, "AsyncConnection")
    if receiver.kind is Kind.ENGINE and method in ("connect", "begin"):
        return Flavour(Kind.CONNECTION, Mode.ASYNC, "AsyncConnection")
    if receiver.kind in (Kind.SESSION, Kind.CONNECTION) and method in ("begin", "begin_nested"):
        return method_result(receiver, method)
    return None


def _configured_match(name: str, qualname: str | None, local: str) -> bool:
    if "." not in name:
        return name == local
    if qualname is None:
        return False
    if qualname.startswith("."):  # relative import: compare what it names
        return name.endswith("." + qualname.lstrip("."))
    return name == qualname


def agree(flavours: list[Flavour | None]) -> Flavour | None:
    if not flavours or any(f is None for f in flavours):
        return None
    first = flavours[0]
    if all(f.kind is first.kind and f.mode is first.mode and f.api == first.api for f in flavours):
        return first
    return None


def _keyword(call: ast.Call, name: str) -> ast.expr | None:
    for kw in call.keywords:
        if kw.arg == name:
            return kw.value
    return None


def created_session(model: SessionModel, call: ast.expr, registry_calls: bool = False) -> Flavour | None:
    """The session ``call`` creates: a factory's call, ``Session(engine)``, a first-party
    ``get_session()``, ``next(get_db())``. A scoped registry's call is not a creation: the registry
    owns that session and ``remove()`` ends it (``registry_calls``: count it anyway, for code that
    runs at import time, where the one session it gives is then shared by every thread)."""
    if not isinstance(call, ast.Call):
        return None
    flavour = model.flavour(call)
    if flavour is None or flavour.kind is not Kind.SESSION:
        return None
    if isinstance(call.func, (ast.Name, ast.Attribute)):
        called = model.flavour(call.func)
        if called is not None and called.kind is Kind.REGISTRY and not registry_calls:
            return None
        if called is None:
            product = model.products.of_callable(call.func)
            if product is not None and product.accessor:
                return None  # self._require_session(): hands out the session the object holds
    return flavour


def may_create_session(model: SessionModel, call: ast.expr) -> bool:
    """A cheap look before :func:`created_session`, which may read other modules: the callee is
    SQLAlchemy's, ``next``, a name already known here, or one named like a session factory
    (``dbs-session-names``: get_session, SessionLocal, get_db...)."""
    if not isinstance(call, ast.Call):
        return False
    func = call.func
    if isinstance(func, ast.Name):
        name = func.id
        binding = model.scope.lookup(name)[1]
        if name == "next" or isinstance(binding, (Flavour, LocalDef)):
            return True
    elif isinstance(func, ast.Attribute):
        name = func.attr
    else:
        return False
    if sqla_names.class_flavour(model.qualname(func)) is not None:
        return True
    return name in model.settings.factory_names or model.settings.session_named(name)


def may_hold_session(model: SessionModel, expr: ast.expr) -> bool:
    """A cheap look before asking a name's flavour (which may read other modules): the name is bound
    to a session, connection or registry, or to a parameter or a creation that may turn out one."""
    if not isinstance(expr, ast.Name):
        return False
    binding = model.scope.lookup(expr.id)[1]
    if isinstance(binding, Flavour):
        return binding.kind in (Kind.SESSION, Kind.CONNECTION, Kind.REGISTRY)
    return isinstance(binding, Deferred) and (binding.how == "param" or may_create_session(model, binding.node))
