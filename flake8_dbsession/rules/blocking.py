"""DBS009 blocking-session-io-in-async: sync session I/O made directly in an ``async def``."""
from __future__ import annotations

import ast
from dataclasses import dataclass

from flake8_dbsession.model import api
from flake8_dbsession.model.calls import method_call, query_session
from flake8_dbsession.model.flavour import Flavour, Kind
from flake8_dbsession.findings import source_text
from flake8_dbsession.model.construction import may_hold_session
from flake8_dbsession.model.scopes import Deferred
from flake8_dbsession.rules.base import register
from flake8_dbsession.rules.across_calls import AcrossCalls
from flake8_dbsession.model.callees import step_function
from flake8_dbsession.rules.io_calls import location, receiving_parameter

_SYNC_IO_RECEIVERS = (Kind.SESSION, Kind.REGISTRY, Kind.CONNECTION, Kind.ENGINE)


@dataclass
class _Blocking:
    node: ast.AST
    label: str
    receiver: str
    flavour: Flavour
    count: int = 1
    related: tuple = ()


@register
class BlockingSessionIO(AcrossCalls):
    code = "DBS009"
    name = "blocking-session-io-in-async"
    summary = ("I/O on a sync session, connection or engine directly in an async def: the event loop "
               "stalls for the whole query")

    def __init__(self, file) -> None:
        super().__init__(file)
        self._found: dict[int, dict[str, _Blocking]] = {}
        # receivers known only by a sync annotation yet awaited in the same function: the
        # annotation is wrong (the object is async), so their plain calls are not blocking I/O
        self._contradicted: dict[int, set[str]] = {}

    def visit_Await(self, node: ast.Await) -> None:
        value = node.value
        if not (self.model.in_async_function and isinstance(value, ast.Call)
                and isinstance(value.func, ast.Attribute) and value.func.attr in api.sync_io_names()):
            return
        found = method_call(self.model, node.value)
        receiver_expr = found.receiver_expr if found is not None else None
        flavour = found.receiver if found is not None else None
        if found is None and isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Attribute):
            chain = query_session(self.model, node.value.func.value)
            if chain is not None:
                receiver_expr, flavour = chain
        if flavour is not None and flavour.declared_only and not flavour.is_async:
            self._contradicted.setdefault(id(self.model.scope), set()).add(source_text(receiver_expr))

    def _record(self, node: ast.AST, receiver_expr: ast.expr, flavour: Flavour, label: str,
                related: tuple = ()) -> None:
        key = source_text(receiver_expr)
        per_function = self._found.setdefault(id(self.model.scope), {})
        if key in per_function:
            per_function[key].count += 1
        else:
            per_function[key] = _Blocking(node, label, key, flavour, related=related)

    def visit_Call(self, node: ast.Call) -> None:
        if not isinstance(node.func, ast.Attribute) or node.func.attr not in api.sync_io_names():
            if node.args and self.model.in_async_function and not isinstance(self.model.parent, ast.Await):
                self._borrowed_io(node)
            return
        if not self.model.in_async_function or isinstance(self.model.parent, ast.Await):
            return  # 'await sync_session.x()' is DBS006's
        found = method_call(self.model, node)
        if found is not None:
            receiver = found.receiver
            if receiver.kind is Kind.ENGINE and isinstance(self.model.parent, ast.withitem):
                return  # 'with engine.connect() as conn': the I/O made on conn is reported
            if not receiver.is_async and receiver.kind in _SYNC_IO_RECEIVERS and \
                    api.sync_does_io(found.api, found.method):
                self._record(node, found.receiver_expr, receiver, found.label)
            return
        if isinstance(node.func, ast.Attribute) and api.is_query_terminal(node.func.attr):
            chain = query_session(self.model, node.func.value)
            if chain is not None and not chain[1].is_async:
                self._record(node, chain[0], chain[1], f"{chain[1].display}.query(...).{node.func.attr}()")

    def _borrowed_io(self, node: ast.Call) -> None:
        """``log_transaction(session, row)`` or ``service.save(db=db)`` in async code, where the
        first-party sync function queries or commits with the sync session it is handed, itself
        or through the functions it hands it to: the loop blocks all the same. Counted with the
        session's own calls and placed on the first."""
        handed = [(i, a) for i, a in enumerate(node.args)] + [(k.arg, k.value) for k in node.keywords if k.arg]
        for where, arg in handed:
            if not may_hold_session(self.model, arg):
                continue  # only names bound to a session or to what may be one
            binding = self.model.scope.lookup(arg.id)[1]
            if isinstance(binding, Deferred) and binding.how == "param":
                declared = self.model.annotation(getattr(binding.node, "annotation", None))
                if declared is not None and declared.is_async:
                    continue  # 'session: AsyncSession': not worth settling its Depends here
            flavour = self.model.flavour(arg)
            if flavour is None or flavour.is_async or flavour.kind not in (Kind.SESSION, Kind.CONNECTION) \
                    or flavour.declared_only:
                continue
            detector = self._detector()
            for callee in detector.callees(node.func, *self._class_context(), any_module=True, overrides=False):
                if isinstance(callee.node, ast.AsyncFunctionDef):
                    continue
                param = receiving_parameter(callee, node, where)
                steps = detector.summaries.parameter_io(callee, param, flavour.api or "Session") if param else None
                if steps is None:
                    continue
                via = f" via {step_function(steps[-1])}() at {location(steps[-1], detector.root)}" \
                    if len(steps) > 1 else ""
                self._record(node, arg, flavour, f"{source_text(node.func, 40)}() (it runs queries on "
                                                 f"'{arg.id}'{via})", steps)
                return

    def _iterated(self, iterable: ast.expr) -> None:
        if not self.model.in_async_function:
            return
        chain = query_session(self.model, iterable)
        if chain is not None and not chain[1].is_async:
            self._record(iterable, chain[0], chain[1], f"iterating {chain[1].display}.query(...)")

    def visit_For(self, node: ast.For) -> None:
        self._iterated(node.iter)

    def visit_comprehension(self, node: ast.comprehension) -> None:
        self._iterated(node.iter)

    def leave_AsyncFunctionDef(self, node: ast.AsyncFunctionDef) -> None:
        contradicted = self._contradicted.pop(id(self.model.scope), set())
        for found in self._found.pop(id(self.model.scope), {}).values():
            if found.receiver in contradicted and found.flavour.declared_only:
                continue
            more = f"; {found.count - 1} more blocking call(s) on '{found.receiver}' follow" if found.count > 1 else ""
            why = found.flavour.note or found.flavour.evidence
            why = f" ({why})" if why else ""
            self.report(found.node,
                        f"{found.label} blocks the event loop in async def '{node.name}': '{found.receiver}' is a "
                        f"sync {found.flavour.display}{why}, so every other task waits for the whole query{more}; "
                        f"use an AsyncSession with 'await', or run the work in 'await asyncio.to_thread(...)'",
                        related=found.related)
