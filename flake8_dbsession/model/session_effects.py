"""What a function does to sessions when it is called, for the summary layer: the module-level
sessions it leaves holding a connection, the I/O it runs on a session parameter, the awaited
session work of a coroutine. A mixin of :class:`~flake8_dbsession.model.summaries.Summaries`,
whose ``targets`` it follows (without dispatching to overrides: a question about sessions does
not pay for the class hierarchy)."""
from __future__ import annotations

import ast
import copy

from flake8_dbsession.findings import Related, source_text
from flake8_dbsession.model import api
from flake8_dbsession.model.callees import Callee, receiving_parameter, self_name, step, summary_key
from flake8_dbsession.model.flavour import Kind
from flake8_dbsession.model.ownership import session_calls
from flake8_dbsession.model.syntax import all_args, method_of, query_receiver

MAX_GLOBAL_DEPTH = 3
_RELEASE = {"commit", "rollback", "close", "remove"}
HOLDERS = (Kind.SESSION, Kind.CONNECTION, Kind.REGISTRY)  # db.session: the scoped session holds it

_global_cache: dict[tuple, tuple[str, ...]] = {}
_coroutine_cache: dict[tuple, "tuple[Related, ...] | None"] = {}


def forget() -> None:
    _global_cache.clear()
    _coroutine_cache.clear()


class SessionEffects:
    """Needs ``targets(func, callee, any_module, overrides)``, ``nodes(func)``, ``calls(func)`` and
    ``bound(func)`` (a body's own nodes, its calls in source order and the names it binds, read
    once per file) and the per-file caches
    ``_local_global``, ``_local_params``, ``_local_coroutine``."""

    # ------------------------------------------------------------------ module-level sessions
    def global_io(self, callee: Callee, depth: int = 1) -> tuple[str, ...]:
        """The module-level sessions (``db.session``) ``callee`` leaves holding a connection: its
        last use of each, itself or through the callees it runs, is I/O (not a commit, rollback
        or close). Keys are the source text as the function spells it."""
        func = callee.node
        cache = _global_cache if callee.path is not None else self._local_global
        key = summary_key(callee)
        if key in cache:
            return cache[key]
        cache[key] = ()
        model = getattr(callee.qualname_of, "__self__", None)
        local: set[str] | None = None  # the names the body binds: read at its first session-like call
        last: dict[str, str] = {}
        for node in self.calls(func):
            if not isinstance(node.func, ast.Attribute):
                continue
            method = node.func.attr
            if method in _RELEASE or api.method_does_io(method):
                receiver = node.func.value
            elif api.is_query_terminal(method):
                receiver = query_receiver(node.func.value)
            else:
                receiver = None
            if receiver is not None and model is not None and local is None:
                local = {a.arg for a in all_args(func.args)} | self.bound(func)
            if receiver is not None and model is not None and _global_root(receiver, local) \
                    and _holds(model, receiver):
                last[source_text(receiver)] = "release" if method in _RELEASE else "io"
            elif depth < MAX_GLOBAL_DEPTH and receiver is None and isinstance(node.func.value, ast.Name) \
                    and node.func.value.id == self_name(func):  # self._load(): the same object's method
                for target in self.targets(node.func, callee, any_module=True, overrides=False):
                    for held in self.global_io(target, depth + 1):
                        last[held] = "io"
        cache[key] = found = tuple(k for k, v in last.items() if v == "io")
        return found

    # ------------------------------------------------------------------ parameters
    def parameter_io(self, callee: Callee, param: str, api_name: str,
                     depth: int = 1) -> tuple[Related, ...] | None:
        """The first I/O ``callee`` runs on the session its parameter ``param`` receives: a call
        of a method that does I/O on SQLAlchemy's ``api_name`` class ('Session'), or the
        parameter handed on, by position or keyword, to a callee that does (the steps, in order);
        None when there is no such evidence."""
        func = callee.node
        key = (*summary_key(callee), param, api_name)
        cache = self._local_params
        if key in cache:
            return cache[key]
        cache[key] = None
        found = None
        if param in self.bound(func):
            return None  # 'with get_db_context(db) as db': which session the name holds is not known
        direct = sorted((position, method, terminal) for position, method, terminal in session_calls(func, param)
                        if terminal or api.sync_does_io(api_name, method))
        for node in self.calls(func):
            if direct and (node.lineno, node.col_offset) >= direct[0][0]:
                break
            handed = [(i, a) for i, a in enumerate(node.args)] + [(k.arg, k.value) for k in node.keywords if k.arg]
            where = [w for w, a in handed if isinstance(a, ast.Name) and a.id == param]
            if not where or depth >= MAX_GLOBAL_DEPTH:
                continue
            for target in self.targets(node.func, callee, any_module=True, overrides=False):
                inner_param = receiving_parameter(target, node, where[0])
                inner = self.parameter_io(target, inner_param, api_name, depth + 1) if inner_param else None
                if inner is not None:
                    found = (step(callee, node, f"{callee.name}() hands '{param}' to {target.name}()"),) + inner
                    break
            if found is not None:
                break
        if found is None and direct:
            (line, col), method, _ = direct[0]
            found = (Related(callee.path or "", line, col, f"{callee.name}() calls {param}...{method}()"),)
        cache[key] = found
        return found

    # ------------------------------------------------------------------ closures
    def generator_io(self, callee: Callee, names: list[str]) -> str | None:
        """The first of ``names`` (sessions of the enclosing function) that the generator
        ``callee`` runs I/O on from its closure (not a parameter, not rebound): its body runs as
        its consumer iterates it, a streaming response's for the whole stream. None for a
        function that is not a generator."""
        nodes = self.nodes(callee.node)
        if not any(isinstance(n, (ast.Yield, ast.YieldFrom)) for n in nodes):
            return None
        own = {a.arg for a in all_args(callee.node.args)} | self.bound(callee.node)
        return next((name for name in names if name not in own and any(
            terminal or api.method_does_io(method) for _, method, terminal in session_calls(callee.node, name))),
            None)

    # ------------------------------------------------------------------ coroutines
    def coroutine_session_io(self, callee: Callee, depth: int = 1) -> tuple[Related, ...] | None:
        """For an ``async def``: the awaited session I/O its body runs (``await self.session.
        execute(...)``), itself or through the project's coroutines it awaits, as steps; None
        when there is no such evidence. Decision 8: a call of it never awaited never runs it."""
        func = callee.node
        if not isinstance(func, ast.AsyncFunctionDef) or depth > MAX_GLOBAL_DEPTH:
            return None
        cache = _coroutine_cache if callee.path is not None else self._local_coroutine
        key = summary_key(callee)
        if key in cache:
            return cache[key]
        cache[key] = None
        nodes = self.nodes(func)
        if any(isinstance(n, (ast.Yield, ast.YieldFrom)) for n in nodes):
            return None  # an async generator: it is iterated, not awaited
        model = getattr(callee.qualname_of, "__self__", None)
        sessions = self._async_sessions(callee, model, nodes) if model is not None else set()
        found = None
        for node in sorted((n for n in nodes if isinstance(n, ast.Await) and isinstance(n.value, ast.Call)),
                           key=lambda n: (n.lineno, n.col_offset)):
            call = node.value
            if isinstance(call.func, ast.Attribute) and api.method_does_io(call.func.attr) \
                    and source_text(call.func.value) in sessions:
                found = (step(callee, call, f"{callee.name}() runs 'await {source_text(call, 50)}'"),)
                break
            for target in self.targets(call.func, callee, any_module=True, overrides=False):
                inner = self.coroutine_session_io(target, depth + 1)
                if inner is not None:
                    found = (step(callee, call, f"{callee.name}() awaits {source_text(call.func, 50)}()"),) + inner
                    break
            if found is not None:
                break
        cache[key] = found
        return found

    def _async_sessions(self, callee: Callee, model, nodes: list[ast.AST]) -> set[str]:
        """Texts that name an AsyncSession inside ``callee``: parameters annotated so,
        ``self.x`` whose class annotates it (or stores an annotated ``__init__`` parameter in it),
        module-level sessions and ``async with factory() as s`` targets."""
        out = set()
        for arg in all_args(callee.node.args):
            if _async_session(model.annotation(arg.annotation)):
                out.add(arg.arg)
        me = self_name(callee.node)
        if me is not None and callee.owner is not None:
            cls = callee.owner.node
            declared = {s.target.id: s.annotation for s in cls.body
                        if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)}
            init = method_of(cls, "__init__")
            if init is not None:
                params = {a.arg: a.annotation for a in all_args(init.args)}
                for node in self.nodes(init):
                    if isinstance(node, ast.Assign) and len(node.targets) == 1 \
                            and isinstance(node.targets[0], ast.Attribute) and isinstance(node.value, ast.Name) \
                            and node.value.id in params:
                        declared.setdefault(node.targets[0].attr, params[node.value.id])
            owner_model = getattr(callee.owner.qualname_of, "__self__", model)
            out |= {f"{me}.{name}" for name, annotation in declared.items()
                    if _async_session(owner_model.annotation(annotation))}
        local = {a.arg for a in all_args(callee.node.args)} | self.bound(callee.node)
        for node in nodes:
            if isinstance(node, ast.withitem) and isinstance(node.optional_vars, ast.Name) \
                    and isinstance(node.context_expr, ast.Call) and _global_root(node.context_expr.func, local) \
                    and (_async_session(module_flavour(model, node.context_expr))
                         or _async_session(module_flavour(model, node.context_expr, entered=True))):
                out.add(node.optional_vars.id)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Load) \
                    and _global_root(node, local) and _async_session(module_flavour(model, node)):
                out.add(source_text(node))
        return out


def _async_session(flavour) -> bool:
    return flavour is not None and flavour.is_async and flavour.kind in (Kind.SESSION, Kind.REGISTRY, Kind.CONNECTION)


def module_flavour(model, expr: ast.expr, entered: bool = False):
    """The flavour of an expression over module-level names, asked of a copy (see :func:`_holds`);
    ``entered``: of what a ``with`` item over it binds (``async with get_session_ctx() as s``)."""
    root = expr.func if isinstance(expr, ast.Call) else expr
    while isinstance(root, ast.Attribute):
        root = root.value
    if not isinstance(root, ast.Name) or root.id not in model.module_scope.names:
        return None
    saved = model.scope
    model.scope = model.module_scope
    try:
        return model.entered(copy.deepcopy(expr)) if entered else model.flavour(copy.deepcopy(expr))
    finally:
        model.scope = saved


def _global_root(expr: ast.expr, local: set[str]) -> bool:
    while isinstance(expr, ast.Attribute):
        expr = expr.value
    return isinstance(expr, ast.Name) and expr.id not in local and expr.id not in ("self", "cls")


def _holds(model, expr: ast.expr) -> bool:
    """Is ``expr`` a module-level session or registry, read at module scope of its model? Its
    root must be a name of the module (not a closure's); a copy is asked, so the model's memo of
    the real node (the linted file's own walk may ask about it in its scope) stays untouched."""
    return holds_connection(module_flavour(model, expr))


def holds_connection(flavour) -> bool:
    """A session, a connection or a registry: what keeps a pooled connection checked out."""
    return flavour is not None and flavour.kind in HOLDERS
