"""Connections held across slow calls: DBS018 session-held-across-io, and DBS019's second half
(a class that keeps an injected session on self while its methods make slow calls)."""
from __future__ import annotations

import ast

from flake8_dbsession.findings import source_text
from flake8_dbsession.model import api, wrappers
from flake8_dbsession.model.app_state import state_attribute
from flake8_dbsession.model.calls import method_call
from flake8_dbsession.model.construction import may_hold_session
from flake8_dbsession.model.flavour import Flavour, Kind
from flake8_dbsession.model.guards import is_test_module
from flake8_dbsession.model.ownership import last_use
from flake8_dbsession.model.scopes import Deferred, Imported, LocalDef
from flake8_dbsession.model.session_effects import HOLDERS, holds_connection, module_flavour
from flake8_dbsession.model.syntax import names_null_pool
from flake8_dbsession.relevance import reads_attribute_of
from flake8_dbsession.rules.base import register
from flake8_dbsession.rules.across_calls import AcrossCalls
from flake8_dbsession.rules.callee_wrappers import wraps_and_queries
from flake8_dbsession.rules.io_calls import Callee, builds_client, receiving_parameter
from flake8_dbsession.rules.waiting import polls_held, works_with_held

_RELEASE = {"commit", "rollback", "close", "aclose", "reset", "invalidate", "remove"}
_DETACHERS = {"sqlalchemy.orm.session.make_transient", "sqlalchemy.orm.make_transient"}
_does_io = api.method_does_io


def _module_session(model, name: str) -> bool:
    """Is module-level ``name`` a session, a registry or Flask-SQLAlchemy's extension object?"""
    flavour = module_flavour(model, ast.Name(id=name, ctx=ast.Load()))
    return flavour is not None and (holds_connection(flavour) or flavour.kind is Kind.EXTENSION)


_STREAMING_RESPONSES = {"starlette.responses.StreamingResponse", "fastapi.responses.StreamingResponse",
                        "sse_starlette.sse.EventSourceResponse", "sse_starlette.EventSourceResponse"}


def _short_call(call: ast.Call) -> str:
    return f"{source_text(call.func, 40)}()"


@register
class SessionHeldAcrossIO(AcrossCalls):
    code = "DBS018"
    name = "session-held-across-io"
    summary = ("a slow external call (HTTP, sleep, subprocess, first-party code that makes one) while a "
               "session holds a pooled connection: under load the pool runs dry")

    def __init__(self, file) -> None:
        super().__init__(file)
        self._in_tests = is_test_module(file.filename)
        self._holding: dict[int, dict[str, ast.AST]] = {}  # function -> session text -> first I/O
        self._clients: dict[int, set[str]] = {}
        self._blocks: dict[int, list[str]] = {}  # with-block -> names it owns
        self._loaded: dict[int, dict[str, str]] = {}  # function -> object name -> session text
        self._expired: dict[int, set[str]] = {}  # function -> sessions committed with expire_on_commit
        self._pending: dict[int, list[ast.Call]] = {}  # function -> calls handed a session, unread yet
        self._bound_by: dict[int, dict[str, ast.Call]] = {}  # function -> name -> the call that bound it

    def _loaded_objects(self, found) -> None:
        """``job = await session.get(Job, 1)``: remember which session loaded ``job``. Called for a
        session call that does I/O; the statement is the nearest one above it, when the call is
        in its value (the walk keeps the ancestors, so no second walk of the value is needed)."""
        if found.receiver.expire_on_commit is not True:
            return
        ancestors = self.model.ancestors
        child = ancestors[-1]
        for parent in reversed(ancestors[:-1]):
            if isinstance(parent, ast.stmt):
                if isinstance(parent, ast.Assign) and parent.value is child:
                    loaded = self._loaded.setdefault(self._scope_key(), {})
                    for target in parent.targets:
                        if isinstance(target, ast.Name):
                            loaded[target.id] = source_text(found.receiver_expr)
                return
            child = parent

    def visit_Attribute(self, node: ast.Attribute) -> None:
        """Reading an expired attribute after commit checks a connection out again (P12)."""
        if not isinstance(node.ctx, ast.Load) or not isinstance(node.value, ast.Name):
            return
        key_scope = self._scope_key()
        owner = self._loaded.get(key_scope, {}).get(node.value.id)
        if owner is not None and owner in self._expired.get(key_scope, set()):
            self._expired[key_scope].discard(owner)
            self._hold(key_scope, owner, node)

    def _note_pool_less(self, call: ast.expr, target: ast.expr) -> None:
        """Remember where a ``with`` target came from; whether that call builds its engine with
        ``NullPool`` is asked only when a finding is about to be made (see :meth:`_pool_less`)."""
        if isinstance(call, ast.Call) and isinstance(target, ast.Name):
            self._bound_by.setdefault(self._scope_key(), {})[target.id] = call

    def _pool_less(self, key_scope: int, key: str) -> bool:
        """``with session_scope(nullpool=True) as session``: a first-party helper that builds its
        engine with ``NullPool`` (Superset's Celery tasks) gives a session whose connection comes
        from no pool; holding it runs no pool dry."""
        call = self._bound_by.get(key_scope, {}).get(key)
        if call is None:
            return False
        callee = self._detector()._callee(call.func, *self._class_context(), any_module=True)
        return callee is not None and names_null_pool(callee.node)

    def _scope_key(self) -> int:
        return id(self.model.function_scope)

    def visit_Assign(self, node: ast.Assign) -> None:
        key_scope = self._scope_key()
        if isinstance(node.value, ast.Call) and builds_client(self.model.qualname(node.value.func)):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    self._clients.setdefault(key_scope, set()).add(target.id)
        if len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
            if isinstance(node.value, ast.Call):
                self._bound_by.setdefault(key_scope, {})[name] = node.value  # a coroutine? a NullPool session?
            elif name in self._bound_by.get(key_scope, {}):
                del self._bound_by[key_scope][name]

    def visit_withitem(self, node: ast.withitem) -> None:
        expr = node.context_expr
        if isinstance(expr, ast.Call) and builds_client(self.model.qualname(expr.func)) \
                and isinstance(node.optional_vars, ast.Name):
            self._clients.setdefault(self._scope_key(), set()).add(node.optional_vars.id)
            return
        found = method_call(self.model, expr)
        if node.optional_vars is not None:
            self._shadow(source_text(node.optional_vars))
        if found is not None and found.receiver.kind is Kind.ENGINE and found.method in ("connect", "begin"):
            key = source_text(node.optional_vars) if node.optional_vars is not None else source_text(expr)
            self._hold(self._scope_key(), key, expr)
        if node.optional_vars is not None:
            with_node = self.model.parent
            self._blocks.setdefault(id(with_node), []).append(source_text(node.optional_vars))
            self._note_pool_less(expr, node.optional_vars)

    def _shadow(self, name: str) -> None:
        """``async with engine.begin() as conn:`` inside an outer ``async with ... as conn:``: the
        outer block's connection stays checked out until that block ends, though its name now
        means the inner one (agenta's migration utils). It is kept under a name of its own."""
        holding = self._holding.get(self._scope_key())
        if not holding or name not in holding:
            return
        for names in self._blocks.values():
            if name in names:
                first = holding.pop(name)
                outer = f"{name} (the connection of line {getattr(first, 'lineno', '?')})"
                holding[outer] = first
                names[names.index(name)] = outer
                return

    def _leave_with(self, node: ast.AST) -> None:
        key_scope = self._scope_key()
        holding = self._holding.get(key_scope, {})
        for key in self._blocks.pop(id(node), []):
            holding.pop(key, None)  # the block's exit gives the connection back
            self._drop_pending(key_scope, key)  # and whatever was done with it inside

    leave_With = leave_AsyncWith = _leave_with

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        named = isinstance(func, ast.Attribute) and (func.attr in _RELEASE or _does_io(func.attr))
        found = method_call(self.model, node) if named else None  # cheap filter on the method name
        key_scope = self._scope_key()
        if found is not None and found.receiver.kind in HOLDERS:
            key = source_text(found.receiver_expr)
            self._drop_pending(key_scope, key)  # the session's own call decides from here on
            if found.method in _RELEASE:
                self._holding.get(key_scope, {}).pop(key, None)
                if found.method in ("commit", "rollback"):
                    self._expired.setdefault(key_scope, set()).add(key)
                else:  # closed: its objects are detached, reading them raises instead of loading
                    self._expired.get(key_scope, set()).discard(key)
            elif found.method in ("expunge", "expunge_all"):
                self._forget(key_scope, node.args[0] if node.args else None)
            elif _does_io(found.method):
                self._hold(key_scope, key, node)
                if found.receiver.kind is Kind.SESSION:
                    self._loaded_objects(found)
            return
        if self.model.qualname(func) in _DETACHERS:
            self._forget(key_scope, node.args[0] if node.args else None)
            return
        if self._wrapper_io(node, key_scope) or self._global_io(node, key_scope):
            return
        if self._borrowing(node, key_scope) and not self._may_be_slow(node):
            return  # handed a session: read if a slow call follows; asked itself only if it may be one
        if isinstance(self.model.parent, ast.Return) and self.model.qualname(func) in _STREAMING_RESPONSES:
            self._streamed(node, key_scope)
            return
        if not self._holding.get(key_scope) and not self._pending.get(key_scope):
            return
        cls, attrs = self._class_context()
        detector = self._detector()
        func = self.model.function_scope
        slow = detector.slow_call(node, self._clients.get(key_scope, set()), cls, attrs,
                                  awaited=self._run_before_resuming())
        if slow is not None:
            self._slow_call_made(node, slow.label, key_scope, related=slow.steps)

    def _streamed(self, node: ast.Call, key_scope: int) -> None:
        """``return StreamingResponse(...)`` / ``EventSourceResponse(...)`` while a session the
        endpoint was given (its request's dependency) holds a connection: the dependency closes
        it after the response is sent (FastAPI before 0.106 and from 0.118; a middleware's session
        always), so the connection stays checked out for the whole stream (polar c2c166d)."""
        func = self.model.function_scope
        if func is None or not isinstance(func.node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return
        args = func.node.args
        given = {a.arg for a in args.posonlyargs + args.args + args.kwonlyargs}
        self._streamed_generator(node, func, given, key_scope)
        self._slow_call_made(node, f"{_short_call(node)} (the response streams for as long as the client stays "
                                   f"connected, and the request's session is closed only after it)", key_scope,
                             only=given)

    def _streamed_generator(self, node: ast.Call, func, given: set[str], key_scope: int) -> None:
        """``return StreamingResponse(content=_generate())`` where ``_generate`` is a generator
        defined in the endpoint that queries the endpoint's own session: its first query checks
        the request's connection out while the response streams, and it stays out until the
        request ends (Airflow 9813bf5). Counted as a checkout at the ``return``."""
        for value in list(node.args) + [kw.value for kw in node.keywords]:
            if not (isinstance(value, ast.Call) and isinstance(value.func, ast.Name)):
                continue
            binding = func.names.get(value.func.id)
            if not isinstance(binding, LocalDef):
                continue
            sessions = [name for name in sorted(given)
                        if holds_connection(self.model.flavour(ast.Name(id=name, ctx=ast.Load())))]
            name = self._detector().summaries.generator_io(Callee(binding.node, self.model.qualname), sessions) \
                if sessions else None
            if name is not None:
                self._hold(key_scope, name, value)
                return

    def visit_Await(self, node: ast.Await) -> None:
        """``callback = self._dispatch_callback_async(...)`` earlier, ``await callback`` now: the
        coroutine's body, and its slow call, runs at the ``await``."""
        key_scope = self._scope_key()
        call = self._bound_by.get(key_scope, {}).get(getattr(node.value, "id", None))
        if call is None or (not self._holding.get(key_scope) and not self._pending.get(key_scope)):
            return
        detector = self._detector()
        callee = detector._callee(call.func, *self._class_context())
        if callee is None or not isinstance(callee.node, ast.AsyncFunctionDef):
            return
        path = detector.function_reason(callee, 1)
        if path is not None:
            self._slow_call_made(node, f"awaiting '{source_text(node.value)}' (the coroutine of "
                                       f"'{source_text(call.func, 40)}()', which calls {path.reason})", key_scope,
                                 related=path.steps if len(path.steps) > 1 else ())

    def _run_before_resuming(self) -> bool:
        """Does the coroutine the current call makes run before this function goes on? Awaited
        here, or handed to an awaited ``asyncio.gather()``, directly or as an element of a list or
        comprehension it unpacks (``await asyncio.gather(*[embed(m) for m in memories])``)."""
        depth = 1
        node = self.model.parent_of_ancestor(depth)
        if isinstance(node, ast.Await):
            return True
        while isinstance(node, (ast.ListComp, ast.GeneratorExp, ast.List, ast.Tuple, ast.Starred)):
            depth += 1
            node = self.model.parent_of_ancestor(depth)
        return isinstance(node, ast.Call) and self.model.qualname(node.func) == "asyncio.gather" \
            and isinstance(self.model.parent_of_ancestor(depth + 1), ast.Await)

    def _slow_call_made(self, node: ast.expr, label: str, key_scope: int, only: set[str] | None = None,
                        related: tuple = ()) -> None:
        for borrowed in self._pending.pop(key_scope, []):  # now it matters: read the callees
            if borrowed is node:  # the slow call itself, handed the session: it did not check it out before
                self._pending.setdefault(key_scope, []).append(node)
            else:
                self._borrowed_io(borrowed, key_scope)
        holding = self._holding.get(key_scope)
        if self._in_tests:
            return
        if not holding or (isinstance(node, ast.Call) and (works_with_held(node, holding)
                                                           or polls_held(self.model, node, holding))):
            return
        other_branches = self._other_branches()
        held = [(key, first) for key, first in holding.items()
                if not self._pool_less(key_scope, key) and (only is None or key in only)
                and not any(lo <= getattr(first, "lineno", 0) <= hi for lo, hi in other_branches)]
        if not held:
            return
        key, first = held[0]
        self.report(node, f"{label} runs while '{key}' holds a pooled connection (checked out by "
                          f"'{source_text(first, 40)}' on line {getattr(first, 'lineno', '?')} and kept until "
                          f"its commit, rollback or close): every slow call keeps that connection from other "
                          f"requests and under load the pool runs dry; commit or close first, or make the "
                          f"call before the session's first query", related=related)

    def _hold(self, key_scope: int, key: str, node: ast.AST) -> None:
        """``key`` checks a connection out at ``node`` unless it already holds one on this path
        (a checkout in another branch of an ``if`` is not on this path: this one replaces it)."""
        holding = self._holding.setdefault(key_scope, {})
        first = holding.get(key)
        if first is None or any(lo <= getattr(first, "lineno", 0) <= hi for lo, hi in self._other_branches()):
            holding[key] = node

    def _other_branches(self) -> list[tuple[int, int]]:
        """Line ranges of the ``if`` bodies whose ``else`` (or ``elif``) the walk is in now: a
        connection checked out there was not checked out on this path (an ``elif`` chain nests
        each branch in the previous one's ``orelse``, so the ``if`` is not left yet)."""
        out = []
        ancestors = self.model.ancestors
        for parent, child in zip(ancestors, ancestors[1:]):
            if isinstance(parent, ast.If) and parent.body and any(child is n for n in parent.orelse):
                out.append((parent.body[0].lineno, parent.body[-1].end_lineno or parent.body[-1].lineno))
        return out

    def _forget(self, key_scope: int, obj: ast.expr | None) -> None:
        """``make_transient(job)``, ``session.expunge(job)``: ``job`` leaves its session, and its
        expired attributes are no longer loaded on read (``expunge_all()``: every object)."""
        loaded = self._loaded.get(key_scope, {})
        if obj is None:
            loaded.clear()
        elif isinstance(obj, ast.Name):
            loaded.pop(obj.id, None)

    def _wrapper_io(self, node: ast.Call, key_scope: int) -> bool:
        """``await self.cache.get_cached_data(...)``, where the cache wraps a repository that wraps
        the session: I/O on the wrapped session checks its connection out; a wrapper method that
        commits or closes it gives the connection back."""
        func = node.func
        wrapper = self.model.wrapper(func.value) if isinstance(func, ast.Attribute) else None
        if wrapper is None:
            return False
        holding = self._holding.setdefault(key_scope, {})
        released = wrappers.session_io(wrapper, func.attr, does=_RELEASE.__contains__)
        if released is not None:
            holding.pop(released.key, None)
            return True
        used = wrappers.session_io(wrapper, func.attr)
        if used is not None and used.flavour.kind in HOLDERS:
            self._hold(key_scope, used.key, node)
            return True
        return False

    def _global_io(self, node: ast.Call, key_scope: int) -> bool:
        """``dataset = cls._get_dataset(id)`` where that method queries through the module-level
        ``db.session`` and leaves it open: the connection is checked out here as surely as by a
        query of this function's own. Asked of the same object's methods and this file's
        functions only (``self.m()``, ``cls.m()``, ``helper()``), whose bodies are at hand."""
        func = node.func
        # the module's sessions are asked first, at the file's first call: asked later, they would
        # see imports made below an early call, which changes findings (see docs/real-applications.md)
        if not self._module_sessions() or not self._own_body(func):
            return False
        detector = self._detector()
        cls, attrs = self._class_context()
        for callee in detector.callees(func, cls, attrs, overrides=False):
            held = detector.summaries.global_io(callee)
            if held:
                for key in held:
                    self._hold(key_scope, key, node)
                return True
        return False

    def _own_body(self, func: ast.expr) -> bool:
        """``self.m``, ``cls.m`` or a function of this file: a body at hand, without resolving."""
        if isinstance(func, ast.Attribute):
            return isinstance(func.value, ast.Name) and func.value.id in ("self", "cls")
        return isinstance(func, ast.Name) and isinstance(self.model.scope.lookup(func.id)[1], LocalDef)

    def _module_sessions(self) -> bool:
        """Does this module bind, at its top, a name that may be a module-level session
        (``from extensions.ext_database import db``, ``Session = scoped_session(...)``) and use
        it as a receiver (``db.session.query``, ``Session.commit``)? Without one, its functions'
        helpers have none to leave open; Airflow's ``NEW_SESSION``, a typed ``None`` that is only
        ever a parameter's default, is never one. Asked once per file."""
        found = self.__dict__.get("_has_module_sessions")
        if found is None:
            settings, model, source = self.settings, self.model, self.file.source
            found = self._has_module_sessions = any(
                _module_session(model, name) for name, b in model.module_scope.names.items()
                if (isinstance(b, Flavour) or isinstance(b, (Imported, Deferred)) and settings.session_named(name))
                and (source is None or reads_attribute_of(name, source)))
        return found

    def _may_be_slow(self, node: ast.Call) -> bool:
        """Is a call handed a session worth asking whether it is slow itself? Only when the
        module of the function it names can reach a slow library through its imports (a text
        question): open-webui hands the request's session to nearly every table method, none
        of which can (``send_post_request(..., user=user)`` in the route's own module can)."""
        func = node.func
        detector = self._detector()
        if state_attribute(func) is not None:
            return True  # request.app.state.NAME(...): what the project stores there is asked for
        if self._own_body(func):
            return detector.summaries.may_reach_slow(self.file.path)
        qualname = self.model.qualname(func)
        path = detector.summaries.module_path(qualname) if qualname else None
        if path is None and isinstance(func, ast.Attribute):
            owner = self.model.qualname(func.value)  # Users.get_user_by_id: the module of 'Users'
            path = detector.summaries.module_path(owner) if owner else None
        if path is None:  # requestor.request(...) on a local built here: asked as any other call
            return isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) \
                and detector._assigned_local(func.value.id)
        return detector.summaries.may_reach_slow(path)

    def _borrowing(self, node: ast.Call, key_scope: int) -> bool:
        """A call handed a name that may hold a session (``repo_save(session, row)``,
        ``Models.get(id, db=db)``) is kept, in order, and its callee read only when a slow call
        follows in the function: most such calls are never followed by one."""
        values = list(node.args) + [kw.value for kw in node.keywords if kw.arg is not None]
        if any(may_hold_session(self.model, arg) for arg in values):
            self._pending.setdefault(key_scope, []).append(node)
            return True
        return False

    def _drop_pending(self, key_scope: int, key: str) -> None:
        """Calls handed ``key`` before its own commit, close or query: what they did is overridden."""
        pending = self._pending.get(key_scope)
        if pending:
            self._pending[key_scope] = [call for call in pending if not any(
                isinstance(a, ast.Name) and a.id == key
                for a in list(call.args) + [kw.value for kw in call.keywords])]

    def _borrowed_io(self, node: ast.Call, key_scope: int) -> None:
        """``save_prices(session, rows)``, ``Models.get_model_by_id(id, db=db)``: first-party code
        that queries with the session it is given checks the connection out as surely as the
        caller's own query would; first-party code whose last use of it is a commit, rollback or
        close (``release_transaction(session)``) gives the connection back. A helper that commits
        and then refreshes has checked it out again."""
        handed = [(index, arg) for index, arg in enumerate(node.args)] + \
            [(kw.arg, kw.value) for kw in node.keywords if kw.arg is not None]
        callee = None
        for where, arg in handed:
            if not may_hold_session(self.model, arg):
                continue  # only names bound to a session, or to what may be one
            flavour = self.model.flavour(arg)
            if flavour is None or flavour.kind not in HOLDERS:
                continue
            callee = callee or self._detector()._callee(node.func, *self._class_context(), any_module=True)
            if callee is None:
                return
            param = receiving_parameter(callee, node, where)
            if param is None:
                continue
            key = source_text(arg)
            holding = self._holding.setdefault(key_scope, {})
            last = last_use(callee.node, param, _does_io, _RELEASE.__contains__)
            if last is None and wraps_and_queries(self._detector().classes, callee, param, flavour):
                last = "io"  # CheckoutRepository.from_session(session), then a repository query
            if last == "release":
                holding.pop(key, None)
            elif last == "io" and key not in holding:
                holding[key] = node

    def leave_If(self, node: ast.If) -> None:
        """A connection checked out in a branch that ends in ``return`` or ``raise`` is not held
        by the code after the ``if`` (that path left the function)."""
        key_scope = self._scope_key()
        holding = self._holding.get(key_scope)
        pending = self._pending.get(key_scope)
        if not holding and not pending:
            return
        for branch in (node.body, node.orelse):
            if not branch or not isinstance(branch[-1], (ast.Return, ast.Raise)):
                continue
            first, last = branch[0].lineno, branch[-1].end_lineno or branch[-1].lineno
            for key, checkout in list((holding or {}).items()):
                if first <= getattr(checkout, "lineno", 0) <= last:
                    del holding[key]
            if pending:
                self._pending[key_scope] = pending = [call for call in pending if not first <= call.lineno <= last]

    def _finish(self, node: ast.AST) -> None:
        for table in (self._holding, self._clients, self._loaded, self._expired, self._pending, self._bound_by):
            table.pop(self._scope_key(), None)

    leave_FunctionDef = leave_AsyncFunctionDef = _finish
