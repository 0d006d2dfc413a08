"""DBS010: a sync function that starts an event loop over async-session code whose engine, factory
or session was created outside that loop (seed 000: ``loop.run_until_complete(...)`` in a thread;
seed 002: ``asyncio.run(...)`` per worker thread).

The coroutine is the call handed to ``asyncio.run(...)`` / ``loop.run_until_complete(...)`` (or the
function handed to ``anyio.run(fn, ...)``): a nested ``async def``, or a coroutine function of this
file or another module of the project, followed into the coroutines it awaits (bounded depth).
It counts when it uses an async factory, engine, scoped session or session bound at module level or
imported (directly, or handed to the coroutine as an argument). Engines the coroutine creates, or
disposes before it ends, are the fix.
"""
from __future__ import annotations

import ast
import os

from flake8_dbsession.findings import source_text
from flake8_dbsession.model.flavour import Flavour, Kind
from flake8_dbsession.model.scopes import Imported, LocalDef
from flake8_dbsession.model.syntax import assigned_names, names_null_pool, parameter_names
from flake8_dbsession.model.walk import own_nodes
from flake8_dbsession.model.guards import is_main_guard, is_test_module
from flake8_dbsession.rules.base import Rule, register

_RUNNERS = {"asyncio.run", "anyio.run", "trio.run"}
_ASYNC_TO_SYNC = "asgiref.sync.async_to_sync"
_SHARED = (Kind.FACTORY, Kind.ENGINE, Kind.REGISTRY, Kind.SESSION)
_DESCRIBE = {Kind.FACTORY: "async session factory", Kind.ENGINE: "async engine",
             Kind.REGISTRY: "async scoped session", Kind.SESSION: "AsyncSession"}
_CLI_DECORATORS = {"command", "group", "callback"}  # click / typer
_MAX_DEPTH = 3


def _is_test_or_migration(filename: str) -> bool:
    base = os.path.basename(filename)
    parts = filename.replace(os.sep, "/").split("/")
    return is_test_module(filename) or (base == "env.py" and any("alembic" in p or "migration" in p for p in parts))


@register
class EventLoopBridge(Rule):
    code = "DBS010"
    name = "event-loop-bridge"
    summary = ("a sync function runs an event loop (asyncio.run, run_until_complete) over coroutine code "
               "using an async engine, factory or session created outside that loop")

    def __init__(self, file) -> None:
        super().__init__(file)
        self._skip_file = _is_test_or_migration(file.filename)

    def visit_Call(self, node: ast.Call) -> None:
        if self._skip_file:
            return
        func = node.func
        bridged = self._async_to_sync(func)
        if bridged is not None:  # async_to_sync(work)(*args): a new loop per call
            coroutine, arguments = bridged, list(node.args) + [k.value for k in node.keywords]
            sync_func = self._sync_function()
            if sync_func is None:
                return
        else:
            is_runner = isinstance(func, ast.Attribute) and func.attr == "run_until_complete"
            if not is_runner and not (isinstance(func, (ast.Attribute, ast.Name))
                                      and (func.attr if isinstance(func, ast.Attribute) else func.id) == "run"
                                      and self.model.qualname(func) in _RUNNERS):
                return
            sync_func = self._sync_function()
            if sync_func is None or not node.args:
                return
            target = node.args[0]
            if self.model.qualname(func) in ("anyio.run", "trio.run"):
                coroutine, arguments = target, list(node.args[1:])
            elif isinstance(target, ast.Call):
                coroutine, arguments = target.func, list(target.args) + [k.value for k in target.keywords]
            else:
                return
        made_here = assigned_names(sync_func) | parameter_names(sync_func)
        found = self._shared_from_arguments(arguments, sync_func) \
            or self._shared_in(coroutine, 1, set(), made_here)
        if found is None or self._may_be_pool_less(found[0]):
            return
        name, flavour = found
        self.report(node, f"'{source_text(node, 60)}' runs an event loop inside sync function "
                          f"'{sync_func.name}' over coroutine code that uses '{name}', an "
                          f"{_DESCRIBE[flavour.kind]} created outside that loop: its pooled connections belong "
                          f"to the loop that opened them (asyncpg: 'attached to a different loop'), and "
                          f"starting a loop fails outright where one is already running; use a sync session "
                          f"here, or create the engine inside the coroutine (poolclass=NullPool) and dispose it")

    def visit_Module(self, node: ast.Module) -> None:
        self._module = node

    def _may_be_pool_less(self, name: str) -> bool:
        """The shared object may sit on an engine without a pool (``poolclass=NullPool``, the
        fix polar made in fae98a8 with a worker-only ``create_sessionmaker(is_celery=True)``):
        connections are then opened by the loop that uses them. Read where the name is bound:
        this file, the function that builds it, or the module it is imported from."""
        binding = self.model.module_scope.names.get(name)
        resolver = self.file.project_resolver
        if isinstance(binding, Imported):
            text = resolver.module_text(binding.qualname) if resolver is not None else None
            return text is not None and "NullPool" in text
        module = getattr(self, "_module", None)
        if module is None:
            return False
        if names_null_pool(module):
            return True
        for stmt in module.body:
            if isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Call) \
                    and any(isinstance(t, ast.Name) and t.id == name for t in stmt.targets):
                built_by = self._definition(stmt.value.func)
                if built_by is not None and names_null_pool(built_by[0]):
                    return True
        return False

    def _async_to_sync(self, func: ast.expr) -> ast.expr | None:
        """``async_to_sync(work)`` (asgiref), or a helper of this file that returns it for its
        argument (polar's ``a2s(f)``): the coroutine function ``work``, run in a new event loop
        when called from a thread that runs none."""
        if not isinstance(func, ast.Call) or len(func.args) != 1:
            return None
        bridge = func.func
        if self.model.qualname(bridge) == _ASYNC_TO_SYNC:
            return func.args[0]
        binding = self.model.scope.lookup(bridge.id)[1] if isinstance(bridge, ast.Name) else None
        if not isinstance(binding, LocalDef) or not binding.node.args.args:
            return None
        param = binding.node.args.args[0].arg
        returns = [n.value for n in own_nodes(binding.node) if isinstance(n, ast.Return)]
        bridges = [v for v in returns if isinstance(v, ast.Call) and len(v.args) == 1
                   and isinstance(v.args[0], ast.Name) and v.args[0].id == param
                   and self.model.qualname(v.func) == _ASYNC_TO_SYNC]
        plain = [v for v in returns if isinstance(v, ast.Name) and v.id == param]
        if bridges and len(bridges) + len(plain) == len(returns):
            return func.args[0]
        return None

    def _sync_function(self) -> ast.FunctionDef | None:
        """The enclosing plain ``def``, unless it is a process entry point."""
        scope = self.model.function_scope
        if scope is None or scope.kind != "function" or not isinstance(scope.node, ast.FunctionDef):
            return None
        func = scope.node
        if func.name in self.settings.entrypoint_functions:
            return None
        for decorator in func.decorator_list:
            target = decorator.func if isinstance(decorator, ast.Call) else decorator
            if isinstance(target, ast.Attribute) and target.attr in _CLI_DECORATORS:
                return None
            if (self.model.qualname(target) or "").startswith(("click.", "typer.")):
                return None
        for ancestor in self.model.ancestors:
            if isinstance(ancestor, ast.If) and is_main_guard(ancestor.test):
                return None
        return func

    def _shared_from_arguments(self, arguments: list[ast.expr], sync_func: ast.FunctionDef):
        """``asyncio.run(work(AsyncSessionLocal))``: a shared async object handed in."""
        for arg in arguments:
            if isinstance(arg, ast.Name):
                flavour = self._outside_flavour(arg, sync_func)
                if flavour is not None:
                    return arg.id, flavour
        return None

    def _outside_flavour(self, name: ast.Name, sync_func: ast.FunctionDef) -> Flavour | None:
        """The flavour of ``name`` when it is an async object shared beyond this function: bound at
        module level or imported. Objects the sync function makes have their pool created inside
        the one loop it starts; parameters come from a caller that may have made them for it."""
        if self.model.scope.binding_kind(name.id) != "module":
            return None  # bound in this or an enclosing function: made for, or given to, this code
        flavour = self.model.flavour(name)
        if flavour is None or flavour.kind not in _SHARED or not flavour.is_async:
            return None
        return flavour

    def _shared_in(self, coroutine: ast.expr, depth: int, seen: set[int], made_here: set[str]):
        """(name, flavour) of a shared async object the coroutine function uses, or None.
        ``made_here``: names the sync function binds itself (not shared: made outside any loop
        but used by the one loop it starts)."""
        definition = self._definition(coroutine)
        if definition is None:
            return None
        node, flavour_of = definition
        if not isinstance(node, ast.AsyncFunctionDef) or id(node) in seen:
            return None
        seen.add(id(node))
        same_file = flavour_of == self._here
        local = assigned_names(node) | parameter_names(node) | (made_here if same_file else set())
        local |= _disposed(node)  # the seed's fix: the coroutine empties the pool before its loop ends
        for sub in own_nodes(node):
            if isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Load) and sub.id not in local \
                    and (not same_file or self.model.scope.binding_kind(sub.id) == "module"):
                flavour = flavour_of(sub)
                if flavour is not None and flavour.kind in _SHARED and flavour.is_async:
                    return sub.id, flavour
            # awaited coroutines of this file are followed; another module's are read one level deep
            if same_file and depth < _MAX_DEPTH and isinstance(sub, ast.Await) and isinstance(sub.value, ast.Call) \
                    and isinstance(sub.value.func, ast.Name) and sub.value.func.id not in local:
                inner = self._shared_in(sub.value.func, depth + 1, seen, made_here)
                if inner is not None:
                    return inner
        return None

    def _here(self, name: ast.Name) -> Flavour | None:
        return self.model.flavour(name)

    def _definition(self, expr: ast.expr):
        """(async def node, how to read names in it) for a coroutine function reference."""
        if not isinstance(expr, ast.Name):
            return None
        binding = self.model.scope.lookup(expr.id)[1]
        if isinstance(binding, LocalDef):
            return binding.node, self._here
        resolver = self.file.project_resolver
        if isinstance(binding, Imported) and resolver is not None:
            found, facts = resolver.definition(binding.qualname)
            if isinstance(found, LocalDef) and facts is not None:
                return found.node, facts.model.flavour
        return None


def _disposed(func: ast.AST) -> set[str]:
    """Names the coroutine calls ``.dispose()`` on."""
    return {node.func.value.id for node in own_nodes(func)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "dispose"
            and isinstance(node.func.value, ast.Name)}
