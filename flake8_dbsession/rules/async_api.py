"""Async API misuse: DBS005 async-call-not-awaited, DBS006 sync-call-awaited,
DBS007 wrong-context-protocol, DBS008 sync-only-api-on-async-session."""
from __future__ import annotations

import ast
from dataclasses import dataclass, field

from flake8_dbsession import fixes
from flake8_dbsession.model import api, records
from flake8_dbsession.model.calls import MethodCall, context_protocols, method_call, query_session
from flake8_dbsession.model.flavour import Flavour, Kind
from flake8_dbsession.findings import source_text
from flake8_dbsession.model.usage import Use, bound_name, use_of
from flake8_dbsession.rules.across_calls import AcrossCalls
from flake8_dbsession.rules.base import Rule, register
from flake8_dbsession.model.callees import step_action
from flake8_dbsession.model.syntax import last_name
from flake8_dbsession.rules.io_calls import location

_ASYNC_RECEIVERS = (Kind.SESSION, Kind.CONNECTION, Kind.ENGINE, Kind.REGISTRY, Kind.TRANSACTION)
# the Session-side twin whose members an async object lacks (DBS008)
_SYNC_TWIN = {"AsyncSession": "Session", "sqlmodel.AsyncSession": "sqlmodel.Session",
              "async_scoped_session": "scoped_session"}


def _where(flavour: Flavour) -> str:
    """' (annotated 'AsyncSession')', or the annotation contradiction when there is one."""
    why = flavour.note or flavour.evidence
    return f" ({why})" if why else ""


def _note(flavour: Flavour | None) -> str:
    return f" ({flavour.note})" if flavour is not None and flavour.note else ""


@dataclass
class _Pending:
    """A coroutine bound to a name, waiting to see whether the name is ever awaited."""

    found: MethodCall
    name: str
    misuses: list[Use] = field(default_factory=list)
    fix: fixes.Fix | None = None


@register
class AsyncCallNotAwaited(AcrossCalls):
    code = "DBS005"
    name = "async-call-not-awaited"
    summary = ("a coroutine method of an async session, connection or engine is never awaited: "
               "the work silently never happens")

    def __init__(self, file) -> None:
        super().__init__(file)
        self._pending: dict[int, dict[str, _Pending]] = {}

    def _coroutine_call(self, node: ast.Call) -> MethodCall | None:
        if not (isinstance(node.func, ast.Attribute) and node.func.attr in api.coroutine_method_names()):
            return None  # cheap: most calls are not SQLAlchemy coroutines by name alone
        found = method_call(self.model, node)
        if found is None or not found.receiver.is_async or found.receiver.kind not in _ASYNC_RECEIVERS:
            return None
        return found if api.must_be_consumed(found.api, found.method) else None

    def _fix(self, node: ast.Call) -> fixes.Fix | None:
        return fixes.insert_await(node, self.model.ancestors, self.model.in_async_function)

    def visit_Call(self, node: ast.Call) -> None:
        found = self._coroutine_call(node)
        if found is None:
            self._project_coroutine(node)
            return
        use = use_of(node, self.model.parent, self.model.parent_of_ancestor(2))
        if use is Use.OTHER:
            self._stored_in_record(node, found)
            return
        if use is Use.AWAITED:
            return
        if use is Use.ASYNC_WITH:
            protocols = api.result_protocols(found.api, found.method) or frozenset()
            if "async with" in protocols:
                return
        if use is Use.WITH:
            return  # DBS007's business
        if use is Use.BOUND:
            name = bound_name(self.model.parent)
            self._pending.setdefault(id(self.model.scope), {})[name] = _Pending(found, name, fix=self._fix(node))
            return
        self.report(node, self._message(found, use) + _note(found.receiver), self._fix(node))

    def _project_coroutine(self, node: ast.Call) -> None:
        """Decision 8: ``if not self.claim_code(...)`` where ``claim_code`` is the project's own
        ``async def`` that awaits session I/O (itself or through the coroutines it awaits): the
        call only builds a coroutine, so the session work never happens."""
        func = node.func
        if not isinstance(func, (ast.Name, ast.Attribute)) or not self.model.in_async_function:
            return  # (a sync caller has no loop to await it on: another kind of mistake)
        parent = self.model.parent
        if isinstance(parent, (ast.Await, ast.Call, ast.keyword, ast.Return, ast.Assign, ast.withitem)):
            return  # awaited, handed on, returned or bound: the common cases, settled cheaply
        use = use_of(node, parent, self.model.parent_of_ancestor(2))
        if use not in (Use.DISCARDED, Use.TRUTH, Use.COMPARED_TO_NONE, Use.ATTRIBUTE, Use.ITERATED):
            return
        detector = self._detector()
        if not detector.summaries.defines(last_name(func), coroutine=True):
            return  # the project defines no 'async def' of that name
        for callee in detector.callees(node.func, *self._class_context(), any_module=True, overrides=False):
            steps = detector.summaries.coroutine_session_io(callee) \
                if isinstance(callee.node, ast.AsyncFunctionDef) else None
            if not steps:
                continue
            text, where = source_text(node), steps[-1]
            head = (f"{source_text(node.func, 40)}() is a coroutine function of this project "
                    f"(it {step_action(where)} at {location(where, detector.root)}) and is not awaited")
            tail = {Use.TRUTH: "a coroutine object is always true, so this test never sees the result, and ",
                    Use.COMPARED_TO_NONE: "a coroutine object is never None, so this comparison never sees "
                                          "the result, and ",
                    Use.ATTRIBUTE: "the attribute is looked up on the coroutine and raises AttributeError, and ",
                    Use.ITERATED: "iterating the coroutine raises TypeError, and "}.get(use, "")
            self.report(node, f"{head}: {tail}the session work never happens; write 'await {text}'",
                        self._fix(node), related=steps)
            return

    def _stored_in_record(self, node: ast.Call, found: MethodCall) -> None:
        """``TableResults(name, conn.run_sync(check))``: handed to a project record class whose
        field is annotated with plain types, the coroutine is stored where nothing awaits it."""
        parent = self.model.parent
        call = self.model.parent_of_ancestor(2) if isinstance(parent, ast.keyword) else parent
        if not isinstance(call, ast.Call):
            return
        cls = records.record_class(self.model, self.file.project_resolver, call.func)
        annotation = records.field_annotation(cls, call, node) if cls is not None else None
        if annotation is None or not records.holds_plain_values(annotation):
            return
        self.report(node, f"{found.label} is a coroutine and is not awaited: it is stored in "
                          f"{cls.name}, whose field is annotated '{source_text(annotation)}', so the "
                          f"{found.method} never happens; write 'await {source_text(node)}'"
                          f"{_note(found.receiver)}", self._fix(node))

    def visit_Name(self, node: ast.Name) -> None:
        if not self._pending:
            return
        scope = self.model.scope
        here = self._pending.get(id(scope), {})
        if isinstance(node.ctx, ast.Store):
            pending = here.pop(node.id, None)
            if pending is not None:
                self._report_pending(pending)
            return
        if not isinstance(node.ctx, ast.Load):
            return
        pending = here.get(node.id)
        if pending is None:
            self._escape_from_outer(node.id, scope)
            return
        parent = self.model.parent
        use = use_of(node, parent, self.model.parent_of_ancestor(2))
        if use is Use.OTHER and isinstance(parent, ast.Call) and node in parent.args \
                and method_call(self.model, parent) is not None:
            use = Use.ATTRIBUTE  # handed to a session method as if it were the loaded object
        if use in (Use.TRUTH, Use.COMPARED_TO_NONE, Use.ATTRIBUTE, Use.ITERATED):
            pending.misuses.append(use)
        elif use is not Use.DISCARDED:
            del here[node.id]  # awaited, returned or handed on: not ours to judge

    def _escape_from_outer(self, name: str, scope) -> None:
        """A closure reads the name: the coroutine may be awaited there."""
        outer = scope.parent
        while outer is not None:
            pending = self._pending.get(id(outer), {})
            if name in pending:
                del pending[name]
                return
            outer = outer.parent

    def _finish(self, node: ast.AST) -> None:
        for pending in self._pending.pop(id(self.model.scope), {}).values():
            self._report_pending(pending)
        for key in [k for k, v in self._pending.items() if not v]:
            del self._pending[key]

    leave_FunctionDef = leave_AsyncFunctionDef = leave_Lambda = leave_Module = _finish

    def _report_pending(self, pending: _Pending) -> None:
        found = pending.found
        text = source_text(found.call)
        head = f"{found.label} is a coroutine and '{pending.name}' is never awaited"
        if pending.misuses:
            verb = "tested" if pending.misuses[0] in (Use.TRUTH, Use.COMPARED_TO_NONE) else "used"
            head += f" (it is {verb} as if it held the result)"
        self.report(found.call, f"{head}: the {found.method} never happens; write "
                                f"'{pending.name} = await {text}'{_note(found.receiver)}", pending.fix)

    def _message(self, found: MethodCall, use: Use) -> str:
        text = source_text(found.call)
        head = f"{found.label} is a coroutine and is not awaited"
        if use is Use.TRUTH:
            return (f"{head}: a coroutine object is always true, so this test never sees the result; "
                    f"write 'await {text}'")
        if use is Use.COMPARED_TO_NONE:
            return (f"{head}: a coroutine object is never None, so this comparison never sees the result; "
                    f"write '(await {text})'")
        if use is Use.ATTRIBUTE:
            attr = self.model.parent.attr  # type: ignore[union-attr]
            return (f"{head}: '.{attr}' is looked up on the coroutine and raises AttributeError, and the "
                    f"{found.method} never happens; write '(await {text}).{attr}'")
        if use is Use.ITERATED:
            return (f"{head}: iterating the coroutine raises TypeError and the {found.method} never "
                    f"happens; write 'for ... in (await {text})'")
        if use is Use.ASYNC_WITH:
            return f"{head}: 'async with' needs the awaited value here; write 'await {text}'"
        return f"{head}: the {found.method} never happens; write 'await {text}'"


@register
class SyncCallAwaited(Rule):
    code = "DBS006"
    name = "sync-call-awaited"
    summary = "await on a method that returns no awaitable (AsyncSession.add, a sync Session's methods): TypeError"

    def visit_Await(self, node: ast.Await) -> None:
        call = node.value
        if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
                and call.func.attr in api.member_names()):
            return
        found = method_call(self.model, call)
        if found is None:
            chain = query_session(self.model, call.func.value) if isinstance(call, ast.Call) and isinstance(
                call.func, ast.Attribute) else None
            if chain is not None and not chain[1].is_async and not chain[1].declared_only:
                session_expr, flavour = chain
                self.report(call, f"'{source_text(session_expr)}' is a sync {flavour.display}{_where(flavour)}: "
                                  f"Query.{call.func.attr}() returns no awaitable, so 'await {source_text(call)}' "
                                  f"raises TypeError after the query has run; use an AsyncSession with "
                                  f"'await {source_text(session_expr)}.execute(select(...))', or drop the 'await'",
                            fixes.remove_await(node, safe=False))
            return
        receiver = found.receiver
        if receiver.is_async and found.method in api.missing_on(found.api, _SYNC_TWIN.get(found.api, "Session")):
            return  # DBS008: the attribute itself fails first
        if receiver.kind is Kind.FACTORY and found.method != "begin":
            return
        protocols = api.result_protocols(found.api, found.method)
        if protocols is None or "await" in protocols:
            return
        text = source_text(call)
        if not receiver.is_async and receiver.declared_only:
            return  # 'session: Session' yet awaited: working code says the annotation is wrong
        if not receiver.is_async:
            self.report(call, f"'{source_text(found.receiver_expr)}' is a sync {receiver.display}{_where(receiver)}: "
                              f"{found.label} returns no awaitable, so 'await {text}' raises TypeError after "
                              f"the call has run; use an AsyncSession, or drop the 'await'",
                        fixes.remove_await(node, safe=False))
            return
        if "async with" in protocols:
            older = api.series_supporting(found.api, found.method, "await")
            since = f" (awaitable only in SQLAlchemy {', '.join(older)})" if older else ""
            self.report(call, f"{found.label} returns an async context manager, not an awaitable{since}: "
                              f"'await {text}' raises TypeError; write 'async with {text} as ...'")
            return
        self.report(call, f"{found.label} is not a coroutine: 'await {text}' raises TypeError after the "
                          f"{found.method} has already run; write '{text}' without 'await'", fixes.remove_await(node))


@register
class WrongContextProtocol(Rule):
    code = "DBS007"
    name = "wrong-context-protocol"
    summary = ("'with' on an async session, factory, transaction or connection, or 'async with' "
               "on a sync one: TypeError")

    def visit_With(self, node: ast.With) -> None:
        self._check(node, "with", "async with")

    def visit_AsyncWith(self, node: ast.AsyncWith) -> None:
        self._check(node, "async with", "with")

    def _check_context_function(self, item: ast.withitem, used: str, other: str, node) -> None:
        """``async with db_session()`` where ``db_session`` is a ``@contextmanager`` function:
        whatever it yields, the protocol is the decorator's (litestar-fullstack, fixed in 9332da1)."""
        product = _context_function(self.model, item.context_expr)
        if product is None or product.protocol == used:
            return
        text = source_text(item.context_expr)
        target = f" as {source_text(item.optional_vars)}" if item.optional_vars is not None else ""
        decorator = "@asynccontextmanager" if product.protocol == "async with" else "@contextmanager"
        self.report(item.context_expr,
                    f"'{used}' on {text} fails: '{source_text(item.context_expr.func)}' is a {decorator} "
                    f"function, which supports only '{other}' ({_protocol_error(used)}); "
                    f"write '{other} {text}{target}'",
                    self._statement_fix(node, other))

    def _statement_fix(self, node: ast.With | ast.AsyncWith, other: str) -> fixes.Fix | None:
        """Switch the statement's keyword when every item supports the other protocol (``async
        with`` only inside ``async def``)."""
        if isinstance(node, ast.With) and not self.model.in_async_function:
            return None
        for item in node.items:
            found = context_protocols(self.model, item.context_expr)
            if found is not None:
                if other not in found[0]:
                    return None
                continue
            product = _context_function(self.model, item.context_expr)
            if product is None or product.protocol != other:
                return None
        return fixes.toggle_async_with(node, self.file.lines)

    def _check(self, node: ast.With | ast.AsyncWith, used: str, other: str) -> None:
        for item in node.items:
            found = context_protocols(self.model, item.context_expr)
            if found is None:
                self._check_context_function(item, used, other, node)
                continue
            protocols, label, flavour = found
            if used in protocols:
                continue
            if used == "async with" and flavour is not None and flavour.declared_only and not flavour.is_async:
                continue  # 'session: Session' in async code: the annotation is the likelier mistake
            text = source_text(item.context_expr)
            target = f" as {source_text(item.optional_vars)}" if item.optional_vars is not None else ""
            if other in protocols:
                fix = f"write '{other} {text}{target}'"
                supports = f"supports only '{other}'"
            else:
                fix = f"use 'await {text}'" if "await" in protocols else "do not use it as a context manager"
                supports = "is not a context manager"
            self.report(item.context_expr,
                        f"'{used}' on {label} fails: {label} {supports} ({_protocol_error(used)})"
                        f"{_note(flavour)}; {fix}",
                        self._statement_fix(node, other) if other in protocols else None)


def _context_function(model, expr: ast.expr):
    """The product of ``f()`` when ``f`` is a first-party ``@contextmanager`` or
    ``@asynccontextmanager`` function about sessions (it yields one, or its annotation says so)."""
    if not (isinstance(expr, ast.Call) and isinstance(expr.func, (ast.Name, ast.Attribute))):
        return None
    product = model.products.of_callable(expr.func)
    if product is None or product.protocol is None or not (product.flavour is not None or product.names_session):
        return None
    return product


_SESSION_ONLY = frozenset().union(*(api.missing_on(a, s) for a, s in _SYNC_TWIN.items()))
_REPLACEMENTS = {
    "query": "await {s}.execute(select(...))",
    "expire_on_commit": "{s}.sync_session.expire_on_commit, or expire_on_commit= on the factory",
}


@register
class SyncOnlyApiOnAsyncSession(Rule):
    code = "DBS008"
    name = "sync-only-api-on-async-session"
    summary = ("an attribute only the sync Session has (query, bulk_save_objects...) used on an "
               "AsyncSession: AttributeError")

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if not isinstance(node.ctx, ast.Load) or node.attr not in _SESSION_ONLY:
            return
        receiver = self.model.flavour(node.value)
        if receiver is None or not receiver.is_async or receiver.api is None:
            return
        if receiver.kind not in (Kind.SESSION, Kind.REGISTRY):
            return
        if node.attr not in api.missing_on(receiver.api, _SYNC_TWIN.get(receiver.api, "Session")):
            return
        s = source_text(node.value)
        if node.attr == "query" and receiver.api == "sqlmodel.AsyncSession":
            fix = f"await {s}.exec(select(...))"
        else:
            fix = _REPLACEMENTS.get(node.attr, "await {s}.run_sync(lambda sync_session: sync_session.%s(...))"
                                    % node.attr).format(s=s)
        self.report(node, f"{receiver.display} has no attribute '{node.attr}': '{s}.{node.attr}' raises "
                          f"AttributeError{_where(receiver)}; write '{fix}'")


def _protocol_error(used: str) -> str:
    """The error ``with``/``async with`` on an object without that protocol raises, as every
    supported Python raises it (decision 11: the message does not depend on the interpreter)."""
    kind, method = ("synchronous", "__enter__") if used == "with" else ("asynchronous", "__aenter__")
    return (f"TypeError: the object does not support the {kind} context manager protocol; "
            f"AttributeError: {method} before Python 3.11")
