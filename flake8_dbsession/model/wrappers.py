"""Objects that wrap a session: repositories, caches, services and units of work built with one.

Real services rarely call the session themselves: ``repo = StockPriceRepository(session)``,
``self.cache = MarketDataCache(self.repository)``, then ``await self.cache.get_cached_data()``.
A call on such a wrapper is I/O on the wrapped session when the wrapper's method (read from the
class's own ``ast``, this file's or another project module's, never imported) calls an I/O method
on the attribute its ``__init__`` stored the session in, directly or through another wrapper.

Evidence is the construction: the session is passed to the constructor at the use site (or in
the ``__init__`` of the class being linted), the constructor stores that parameter on ``self``,
and the method uses that attribute. A class whose ``__init__`` does anything else with the
parameter, or a method that only passes it on, is no evidence.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import Callable

from flake8_dbsession.findings import source_text
from flake8_dbsession.model import api
from flake8_dbsession.model.flavour import Flavour, Kind
from flake8_dbsession.model.scopes import Imported, LocalClass
from flake8_dbsession.model.syntax import all_args, method_of, query_receiver, target_names
from flake8_dbsession.model.walk import own_nodes

MAX_DEPTH = 3
_FUNCS = (ast.FunctionDef, ast.AsyncFunctionDef)


@dataclass(frozen=True)
class SessionRef:
    """The wrapped session as the use site names it ('session', 'self.session')."""

    key: str
    flavour: Flavour


@dataclass(frozen=True, eq=False)
class Wrapper:
    """An instance of a first-party class holding a session (or another wrapper) in ``fields``."""

    cls: ast.ClassDef
    fields: tuple[tuple[str, SessionRef | Wrapper], ...]

    @property
    def name(self) -> str:
        return self.cls.name


Lookup = Callable[[str], object]  # a name in the class's module -> its binding
Value = SessionRef | Wrapper


def session_io(wrapper: Wrapper, name: str, depth: int = 0, does: Callable[[str], bool] | None = None,
               find: Callable[[str], ast.FunctionDef | ast.AsyncFunctionDef | None] | None = None
               ) -> SessionRef | None:
    """The wrapped session that calling ``wrapper.name(...)`` does I/O on (or, with ``does``,
    calls a method ``does`` accepts on: ``commit``...), or None. ``find``: how to look a method
    of the wrapper up (default: the class's own body; callers that know the bases pass theirs)."""
    does = does or api.method_does_io
    func = find(name) if find is not None else method_of(wrapper.cls, name)
    if func is None or depth > MAX_DEPTH:
        return None
    fields = dict(wrapper.fields)
    self_name = (func.args.posonlyargs + func.args.args)[0].arg if func.args.args else None
    for node in own_nodes(func):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        receiver = node.func.value
        if isinstance(receiver, ast.Name) and receiver.id == self_name:  # self.other_method()
            found = session_io(wrapper, node.func.attr, depth + 1, does, find)
        elif isinstance(receiver, ast.Attribute) and isinstance(receiver.value, ast.Name) \
                and receiver.value.id == self_name and receiver.attr in fields:
            inner = fields[receiver.attr]
            if isinstance(inner, SessionRef):
                found = inner if does(node.func.attr) else None
            else:
                found = session_io(inner, node.func.attr, depth + 1, does)
        else:
            found = _query_chain(node, self_name, fields) if does is api.method_does_io else None
        if found is not None:
            return found
    return None


def _query_chain(call: ast.Call, self_name: str | None, fields: dict) -> SessionRef | None:
    """``self.db.query(M).filter(...).all()``: a Query terminal on a wrapped session."""
    if not api.is_query_terminal(call.func.attr):  # type: ignore[attr-defined]
        return None
    owner = query_receiver(call.func.value)  # type: ignore[attr-defined]
    if isinstance(owner, ast.Attribute) and isinstance(owner.value, ast.Name) and owner.value.id == self_name:
        inner = fields.get(owner.attr)
        return inner if isinstance(inner, SessionRef) else None
    return None


def constructed(cls: ast.ClassDef, call: ast.Call, value_of: Callable[[ast.expr], Value | None],
                lookup: Lookup, class_of: Callable[[ast.expr, Lookup], tuple | None], depth: int = 0) -> Wrapper | None:
    """``Repo(session)``: the wrapper it builds, when ``__init__`` stores a session (or a wrapper)
    it is given on ``self``. ``value_of`` answers for the call's arguments (the use site);
    ``lookup`` and ``class_of`` resolve names in the class's own module (nested constructions
    such as ``repository or StockPriceRepository(session)`` in ``__init__``)."""
    init = method_of(cls, "__init__")
    if init is None or depth > MAX_DEPTH:
        return None
    params = [a.arg for a in init.args.posonlyargs + init.args.args][1:]
    env: dict[str, Value] = {}
    for index, arg in enumerate(call.args):
        if isinstance(arg, ast.Starred):
            break
        if index < len(params):
            found = value_of(arg)
            if found is not None:
                env[params[index]] = found
    for kw in call.keywords:
        if kw.arg is not None:
            found = value_of(kw.value)
            if found is not None:
                env[kw.arg] = found
    if not env:
        return None
    fields = stored_fields(cls, init, env, lookup, class_of, depth)
    return Wrapper(cls, tuple(fields.items())) if fields else None


def stored_fields(cls: ast.ClassDef, init, env: dict[str, Value], lookup: Lookup, class_of,
                  depth: int = 0) -> dict[str, Value]:
    """What ``__init__`` stores on ``self`` of the values ``env`` gives its parameters."""
    self_name = init.args.args[0].arg if init.args.args else "self"
    fields: dict[str, Value] = {}

    def evaluate(expr: ast.expr) -> Value | None:
        if isinstance(expr, ast.Name):
            return env.get(expr.id)
        if isinstance(expr, ast.Attribute) and isinstance(expr.value, ast.Name) and expr.value.id == self_name:
            return fields.get(expr.attr)
        if isinstance(expr, ast.BoolOp) and isinstance(expr.op, ast.Or):
            # repository or StockPriceRepository(session): what the default builds is evidence
            return next((v for v in map(evaluate, expr.values) if v is not None), None)
        if isinstance(expr, ast.IfExp):
            return evaluate(expr.body) or evaluate(expr.orelse)
        if isinstance(expr, ast.Call):
            found = class_of(expr.func, lookup)
            if found is not None:
                inner_cls, inner_lookup = found
                return constructed(inner_cls, expr, evaluate, inner_lookup, class_of, depth + 1)
        return None

    for stmt in init.body:
        if isinstance(stmt, (ast.Assign, ast.AnnAssign)) and stmt.value is not None:
            targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
            for target in targets:
                if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) \
                        and target.value.id == self_name:
                    found = evaluate(stmt.value)
                    if found is not None:
                        fields[target.attr] = found
                    else:
                        fields.pop(target.attr, None)
    return fields


def session_value(flavour: Flavour | None, key: str) -> SessionRef | None:
    if flavour is not None and flavour.kind in (Kind.SESSION, Kind.CONNECTION):
        return SessionRef(key, flavour)
    return None


def class_in_module(func: ast.expr, lookup: Lookup, definition) -> tuple | None:
    """(ClassDef, lookup in its module) for ``Name(...)`` naming a first-party class."""
    if not isinstance(func, ast.Name):
        return None
    binding = lookup(func.id)
    if isinstance(binding, LocalClass):
        return binding.node, lookup
    if isinstance(binding, Imported) and definition is not None:
        found, facts = definition(binding.qualname)
        if isinstance(found, LocalClass) and facts is not None:
            return found.node, facts.scope.names.get
    return None


class WrapperBindings:
    """The session model's part for wrappers: local names bound to ``Repo(session)`` in the
    function being walked, and the attributes a class's ``__init__`` builds from its session
    parameters. Kept on the scopes (``Scope.wrappers``), so they end with them."""

    def __init__(self, model) -> None:
        self.model = model

    def bind(self, node: ast.Assign) -> None:
        """``repo = StockPriceRepository(session)``: remember the wrapper (any other binding of the
        name forgets it)."""
        model = self.model
        func = model.scope.function
        if func is None:
            return
        if func.wrappers:
            for target in node.targets:
                for name in target_names(target):
                    func.wrappers.pop(name, None)
        value = node.value
        if not (len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) and isinstance(value, ast.Call)
                and isinstance(value.func, ast.Name) and value.func.id[:1].isupper()
                and (value.args or value.keywords)):
            return  # only 'repo = Repo(session)': a class, by Python's naming convention (a cheap first look)
        arguments = [a for a in list(value.args) + [k.value for k in value.keywords] if self._local(a)]
        if not any(self._value(a) is not None for a in arguments):
            return  # nothing of a session goes in: not worth resolving the class
        found = class_in_module(value.func, self._lookup, model.definition)
        if found is None:
            return
        wrapper = constructed(found[0], value, self._value, found[1], self._class_of)
        if wrapper is not None:
            if func.wrappers is None:
                func.wrappers = {}
            func.wrappers[node.targets[0].id] = wrapper

    def of(self, expr: ast.expr) -> Wrapper | None:
        """The wrapper ``expr`` holds here: a local name bound to ``Repo(session)``, or
        ``self.repo`` that ``__init__`` built from a session."""
        func = self.model.scope.function
        if func is None:
            return None
        if isinstance(expr, ast.Name):
            return func.wrappers.get(expr.id) if func.wrappers else None
        if isinstance(expr, ast.Attribute) and isinstance(expr.value, ast.Name) and func.class_scope is not None \
                and expr.value.id == func.self_name:
            return self._class_wrappers(func.class_scope).get(expr.attr)
        return None

    def _local(self, expr: ast.expr) -> bool:
        """A name bound in the function (a parameter, a local) or ``self.x``: cheap to ask about."""
        scope = self.model.scope
        if isinstance(expr, ast.Name):
            return scope.binding_kind(expr.id) in ("function", "lambda")
        return isinstance(expr, ast.Attribute) and isinstance(expr.value, ast.Name) and \
            scope.function is not None and expr.value.id == scope.function.self_name

    def _lookup(self, name: str):
        return self.model.scope.lookup(name)[1]

    def _class_of(self, func: ast.expr, lookup: Lookup):
        return class_in_module(func, lookup, self.model.definition)

    def _value(self, expr: ast.expr) -> Value | None:
        """A session (as the code names it) or a wrapper of one, for a constructor argument."""
        found = self.of(expr)
        if found is not None:
            return found
        if not isinstance(expr, (ast.Name, ast.Attribute)):
            return None
        return session_value(self.model.flavour(expr), source_text(expr))

    def _class_wrappers(self, class_scope) -> dict:
        """``self.cache = cache or MarketDataCache(self.repository)`` in ``__init__``, where the
        chain starts at a parameter annotated as a session: attribute -> wrapper."""
        if class_scope.wrappers is not None:
            return class_scope.wrappers
        class_scope.wrappers = {}
        cls = class_scope.node
        init = method_of(cls, "__init__")
        if init is None or not init.args.args:
            return class_scope.wrappers
        self_name = init.args.args[0].arg
        stored = {stmt.value.id: stmt.targets[0].attr for stmt in init.body
                  if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.value, ast.Name)
                  and isinstance(stmt.targets[0], ast.Attribute) and isinstance(stmt.targets[0].value, ast.Name)
                  and stmt.targets[0].value.id == self_name}
        env = {}
        for arg in all_args(init.args)[1:]:
            key = f"{self_name}.{stored[arg.arg]}" if arg.arg in stored else arg.arg
            ref = session_value(self.model.annotation(arg.annotation), key)
            if ref is not None:
                env[arg.arg] = ref
        if env:
            built = stored_fields(cls, init, env, self._lookup, self._class_of)
            class_scope.wrappers = {name: value for name, value in built.items() if isinstance(value, Wrapper)}
        return class_scope.wrappers
