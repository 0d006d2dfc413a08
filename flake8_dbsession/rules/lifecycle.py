"""Long-lived and leaked sessions: DBS016 session-not-closed, DBS017 dependency-without-finally,
DBS019 long-lived-session-attribute (sessions created in __init__), DBS020 module-level-session."""
from __future__ import annotations

import ast
from typing import NamedTuple

from flake8_dbsession.findings import Related, source_text
from flake8_dbsession.model.construction import created_session, may_create_session
from flake8_dbsession.model import api, sqla_names
from flake8_dbsession.model.flavour import Kind
from flake8_dbsession.model.ownership import Fate, fate_of, queries, stored_fate, yields_outside_cleanup
from flake8_dbsession.model.guards import is_main_guard, is_pytest_fixture, is_test_module
from flake8_dbsession.rules.base import Rule, register
from flake8_dbsession.model.receiver_types import attribute_classes
from flake8_dbsession.rules.across_calls import AcrossCalls

_FUNCS = (ast.FunctionDef, ast.AsyncFunctionDef)


def checks_out_connections(model, call: ast.Call) -> bool:
    """A session built directly on something other than a known engine (``Session(bind=conn)``, as
    Alembic migrations do with ``op.get_bind()``) borrows that connection: it checks nothing out of
    a pool, so leaving it open leaks nothing. Factories and engines do check out, unless the call
    hands the factory a bind of its own (``Session = sessionmaker()`` ... ``Session(bind=connection)``
    in a mapper event, as Superset's tag listeners do)."""
    keyword = next((kw.value for kw in call.keywords if kw.arg == "bind"), None)
    if sqla_names.class_flavour(model.qualname(call.func)) is None:
        if keyword is None:
            return True
        bind = keyword
    else:
        bind = call.args[0] if call.args else keyword
    flavour = model.flavour(bind)
    return flavour is not None and flavour.kind is Kind.ENGINE


class Created(NamedTuple):
    """A session made in the function: the name (or ``obj.attr``) bound to it, the call, and the
    ``with`` that would close it."""

    name: str
    call: ast.Call
    with_: str


class _Creations(Rule):
    """Shared: sessions created by ``name = <creation>`` in the function being walked."""

    def __init__(self, file) -> None:
        super().__init__(file)
        self._created: dict[int, list[Created]] = {}

    def visit_Assign(self, node: ast.Assign) -> None:
        if len(node.targets) != 1 or not isinstance(node.value, ast.Call):
            return
        target = node.targets[0]
        stored = isinstance(target, ast.Attribute) and not (
            isinstance(target.value, ast.Name) and self.model.function_scope is not None
            and target.value.id == self.model.function_scope.self_name)  # self.x: DBS019's
        if not (isinstance(target, ast.Name) or stored):
            return
        func = self.model.function_scope
        if func is None or func.kind != "function":
            return
        if not may_create_session(self.model, node.value):
            return
        created = created_session(self.model, node.value)  # a registry's call is the registry's
        if created is not None and checks_out_connections(self.model, node.value):
            with_ = "async with" if created.is_async else "with"
            name = target.id if isinstance(target, ast.Name) else source_text(target, 200)
            self._created.setdefault(id(func), []).append(Created(name, node.value, with_))

    def visit_withitem(self, node: ast.withitem) -> None:
        """``with Session(engine).no_autoflush as session:``: the block ends the no-autoflush
        scope, not the session, which stays open (dify's tool services)."""
        expr = node.context_expr
        if not (isinstance(expr, ast.Attribute) and expr.attr == "no_autoflush" and isinstance(expr.value, ast.Call)
                and isinstance(node.optional_vars, ast.Name)):
            return
        func = self.model.function_scope
        if func is None or func.kind != "function" or not may_create_session(self.model, expr.value):
            return
        created = created_session(self.model, expr.value)
        if created is not None and checks_out_connections(self.model, expr.value):
            with_ = "async with" if created.is_async else "with"
            self._created.setdefault(id(func), []).append(Created(node.optional_vars.id, expr.value, with_))

    def _take(self) -> list[Created]:
        func = self.model.function_scope
        return self._created.pop(id(func), []) if func is not None else []


@register
class SessionNotClosed(_Creations):
    code = "DBS016"
    name = "session-not-closed"
    summary = ("a session created in a function and bound to a local name is not closed on every path: "
               "its pooled connection leaks until the garbage collector finds it")

    def _finish(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        for name, call, with_ in self._take():
            text = source_text(call)
            if not name.isidentifier():  # request.state.db = Session(): queried by the request's code
                verdict = stored_fate(node, name, call)
            else:
                verdict = fate_of(node, name)
                if verdict.fate is not Fate.CLOSED and not queries(node, name, api.session_method_does_io):
                    continue  # a session that runs no query holds no connection: nothing leaks
            if verdict.fate is Fate.OPEN:
                self.report(call, f"session '{name}' from '{text}' is never closed in '{node.name}': the "
                                  f"connection it holds goes back to the pool only when the garbage collector "
                                  f"finds it; write '{with_} {text} as {name}:' or close it in a 'finally' block")
            elif verdict.fate is Fate.CLOSED_ONLY_ON_SUCCESS:
                self.report(call, f"session '{name}' from '{text}' is not closed when an exception is raised in "
                                  f"'{node.name}': '{name}.close()' is outside a 'finally' block, so an error "
                                  f"before it leaks the connection; write '{with_} {text} as {name}:' or move the "
                                  f"close() into 'finally'")

    leave_FunctionDef = leave_AsyncFunctionDef = _finish


@register
class DependencyWithoutFinally(_Creations):
    code = "DBS017"
    name = "dependency-without-finally"
    summary = ("a generator (FastAPI dependency, @contextmanager) yields a session it created with the "
               "cleanup outside a finally: the session leaks whenever the consumer raises")

    def _finish(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        created = [c for c in self._take() if c.name.isidentifier()]
        if created and is_pytest_fixture(node, self.model.qualname):
            return  # pytest resumes the generator after a failing test: the cleanup runs
        for name, call, with_ in created:
            found = yields_outside_cleanup(node, name)
            if found is None:
                continue
            text = source_text(call)
            self.report(found, f"'{node.name}' yields session '{name}' with its cleanup outside a 'finally': "
                               f"when the code using it raises, the generator is closed at the yield, "
                               f"'{name}.close()' never runs and the connection leaks; write 'try: yield "
                               f"{name} finally: {name}.close()' or '{with_} {text} as {name}: yield {name}'")

    leave_FunctionDef = leave_AsyncFunctionDef = _finish


@register
class LongLivedSessionAttribute(AcrossCalls):
    code = "DBS019"
    name = "long-lived-session-attribute"
    summary = ("a class keeps a session on self (created in __init__, or injected while its methods make "
               "slow external calls): one session, and a held connection, for the object's whole life")

    def __init__(self, file) -> None:
        super().__init__(file)
        self._injected: dict[int, list[tuple[ast.Assign, str]]] = {}

    def visit_Assign(self, node: ast.Assign) -> None:
        func = self.model.function_scope
        if func is None or func.class_scope is None or not isinstance(func.node, _FUNCS) \
                or func.node.name != "__init__":
            return
        for target in node.targets:
            if not (isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name)
                    and target.value.id == func.self_name):
                continue
            created = created_session(self.model, node.value) if may_create_session(self.model, node.value) \
                else None
            cls = func.class_scope.node  # type: ignore[assignment]
            if created is not None:
                self.report(node, f"'{cls.name}' creates session '{source_text(target)}' in __init__ and keeps it: "
                                  f"every method shares one session for the object's whole life, holding a "
                                  f"pooled connection from its first query and never closed; take a session "
                                  f"factory in __init__ and open a session per unit of work "
                                  f"('with self.session_factory() as session:')")
            elif not isinstance(node.value, ast.Call):
                flavour = self.model.flavour(node.value)
                if flavour is not None and flavour.kind is Kind.SESSION:
                    self._injected.setdefault(id(cls), []).append((node, source_text(target)))

    def leave_ClassDef(self, node: ast.ClassDef) -> None:
        """An injected session kept on self is reported only when a method makes a slow call."""
        stored = self._injected.pop(id(node), [])
        if not stored or is_test_module(self.file.filename):
            return  # test helpers holding a test database's session: no service pool runs dry
        attrs = attribute_classes(node)
        detector = self._detector()
        for method in node.body:
            if not isinstance(method, _FUNCS) or method.name == "__init__":
                continue
            for call in (n for n in ast.walk(method) if isinstance(n, ast.Call)):
                slow = detector.slow_call(call, set(), node, attrs)
                if slow is None:
                    continue
                related = (Related("", call.lineno, call.col_offset, f"{node.name}.{method.name}() makes the call"),)
                for assign, attr in stored:
                    self.report(assign, f"'{node.name}' keeps the injected session '{attr}' while its method "
                                        f"'{method.name}' makes a slow call, {slow.label}: the request's session "
                                        f"and its pooled connection stay with the object across that call; take a "
                                        f"session factory and open a session per unit of work",
                                related=related + slow.steps)
                return


@register
class ModuleLevelSession(Rule):
    code = "DBS020"
    name = "module-level-session"
    summary = ("a session created at import time (module scope, class attribute, default argument): shared "
               "by every thread and request, never closed")

    def visit_Call(self, node: ast.Call) -> None:
        where = self._import_time_place()
        if where is None or not may_create_session(self.model, node) \
                or created_session(self.model, node, registry_calls=True) is None:
            return
        text = source_text(node)
        self.report(node, f"session created at import time ({where}): '{text}' is shared by every request, "
                          f"thread and task that uses this module and is never closed; keep the factory at "
                          f"module level and create a session per unit of work ('with {text} as session:')")

    def _import_time_place(self) -> str | None:
        ancestors = self.model.ancestors
        for index in range(len(ancestors) - 2, -1, -1):
            node = ancestors[index]
            if isinstance(node, ast.arguments):
                return "a default argument value"
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                return None
            if isinstance(node, ast.If) and is_main_guard(node.test):
                return None
            if isinstance(node, ast.ClassDef):
                return "a class attribute"
        return "module scope"
