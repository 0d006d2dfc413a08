"""DBS013: one ``AsyncSession`` used by several awaitables that run concurrently:
``asyncio.gather(db.execute(a), db.execute(b))``, ``gather(f(db), g(db))``,
``gather(*[f(db, x) for x in xs])``, ``gather(*jobs)`` over ``jobs.append(f(db))``, two
``tg.create_task(...)`` of one task group sharing ``db``.
"""
from __future__ import annotations

import ast

from flake8_dbsession.findings import source_text
from flake8_dbsession.model import api
from flake8_dbsession.model.scopes import LocalDef
from flake8_dbsession.model.syntax import all_args, last_name
from flake8_dbsession.model.walk import own_nodes
from flake8_dbsession.rules.base import Rule, register
from flake8_dbsession.rules.handoffs import _call_arguments

_GATHER = {"asyncio.gather"}
_TASK_GROUPS = {"asyncio.TaskGroup", "asyncio.taskgroups.TaskGroup", "anyio.create_task_group"}


def _appends(func: ast.AST, name: str):
    """(inside a loop, appended value) for each ``name.append(value)`` in ``func``'s own body."""
    stack: list[tuple[ast.AST, bool]] = [(child, False) for child in ast.iter_child_nodes(func)]
    while stack:
        node, loop = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            continue
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "append" \
                and isinstance(node.func.value, ast.Name) and node.func.value.id == name and node.args:
            yield loop, node.args[0]
        inner = loop or isinstance(node, (ast.For, ast.AsyncFor, ast.While))
        stack.extend((child, inner) for child in ast.iter_child_nodes(node))


@register
class AsyncSessionConcurrentUse(Rule):
    code = "DBS013"
    name = "async-session-concurrent-use"
    summary = ("one AsyncSession used by awaitables that run concurrently (gather, task groups): it raises "
               "or silently corrupts and leaks its pooled connection")

    def __init__(self, file) -> None:
        super().__init__(file)
        self._groups: dict[str, dict[str, ast.Call]] = {}  # task group name -> session -> first create_task

    def _sessions_in(self, expr: ast.expr, depth: int = 0) -> set[str]:
        """The async sessions an awaitable uses: ``db.execute(...)`` (a coroutine method of ``db``)
        or ``f(..., db, ...)`` (handed to the coroutine)."""
        if not isinstance(expr, ast.Call):
            return set()
        out = set()
        func = expr.func
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) \
                and func.attr in api.coroutine_method_names() and self._is_async_session(func.value):
            out.add(func.value.id)
        out |= self._closure_sessions(func)
        for arg in _call_arguments(expr):
            if isinstance(arg, ast.Name) and self._is_async_session(arg):
                out.add(arg.id)
            elif isinstance(arg, ast.Call) and depth < 2 and self._is_coroutine_function(arg.func):
                # _card_getter_task(self._get_user_card(session, request)): the inner coroutine
                # runs inside the outer one's task (polarsource/polar, fixed in 9909bb3)
                out |= self._sessions_in(arg, depth + 1)
        return out

    def _appended(self, name: str) -> list[tuple[ast.Call, bool]]:
        """``jobs.append(work(org, repo))`` in the function, before ``gather(*jobs)``: the calls
        appended, and whether each is appended in a loop (then it stands for many awaitables)."""
        func = self.model.function_scope
        if func is None:
            return []
        out = []
        for loop, node in _appends(func.node, name):
            if isinstance(node, ast.Call):
                out.append((node, loop))
        return out

    def _closure_sessions(self, func: ast.expr) -> set[str]:
        """An async def nested in this function that uses an async session of it from its closure
        (polarsource/polar's recommended_in_repo, fixed in e196ff5)."""
        if not isinstance(func, ast.Name):
            return set()
        scope = self.model.function_scope
        binding = self.model.scope.lookup(func.id)[1]
        if scope is None or not isinstance(binding, LocalDef) or not isinstance(binding.node, ast.AsyncFunctionDef) \
                or not any(node is binding.node for node in own_nodes(scope.node)):
            return set()  # only a def nested in this very function closes over its session
        own = {a.arg for a in all_args(binding.node.args)}
        out = set()
        for node in own_nodes(binding.node):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and node.id not in own \
                    and node.id not in out and self._is_async_session(node):
                out.add(node.id)
        return out

    def _is_coroutine_function(self, func: ast.expr) -> bool:
        """``self.method`` of the class being walked, or a function of this file, that is async def."""
        scope = self.model.function_scope
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and scope is not None \
                and scope.class_scope is not None and func.value.id == scope.self_name:
            return any(isinstance(stmt, ast.AsyncFunctionDef) and stmt.name == func.attr
                       for stmt in scope.class_scope.node.body)
        if isinstance(func, ast.Name):
            binding = self.model.scope.lookup(func.id)[1]
            return isinstance(binding, LocalDef) and isinstance(binding.node, ast.AsyncFunctionDef)
        return False

    def _is_async_session(self, expr: ast.Name) -> bool:
        return self.model.async_session(expr) is not None

    def visit_Call(self, node: ast.Call) -> None:
        if last_name(node.func) not in ("gather", "create_task", "start_soon"):
            return
        qualname = self.model.qualname(node.func)
        if qualname in _GATHER:
            self._check_gather(node)
            return
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr in ("create_task", "start_soon") \
                and isinstance(func.value, ast.Name) and func.value.id in self._groups:
            self._check_group_task(node, func.value.id)

    def _check_gather(self, node: ast.Call) -> None:
        seen: dict[str, int] = {}
        for arg in node.args:
            if isinstance(arg, ast.Starred) and isinstance(arg.value, (ast.ListComp, ast.GeneratorExp, ast.SetComp)):
                for session in self._sessions_in(arg.value.elt):
                    seen[session] = seen.get(session, 0) + 2  # one awaitable per element: many
                continue
            if isinstance(arg, ast.Starred) and isinstance(arg.value, ast.Name):
                for call, many in self._appended(arg.value.id):
                    for session in self._sessions_in(call):
                        seen[session] = seen.get(session, 0) + (2 if many else 1)
                continue
            for session in self._sessions_in(arg):
                seen[session] = seen.get(session, 0) + 1
        shared = sorted(s for s, count in seen.items() if count > 1)
        if shared:
            session = shared[0]
            self.report(node, f"'{source_text(node, 60)}' runs several awaitables on one AsyncSession "
                              f"'{session}' at once: an AsyncSession is not safe for concurrent use, so this "
                              f"raises (IllegalStateChangeError, 'concurrent operations are not permitted') or "
                              f"silently leaks its pooled connection; await them one after another, or give "
                              f"each awaitable its own session from the factory")

    # ------------------------------------------------------------------ task groups
    def visit_withitem(self, node: ast.withitem) -> None:
        expr = node.context_expr
        if isinstance(expr, ast.Call) and self.model.qualname(expr.func) in _TASK_GROUPS \
                and isinstance(node.optional_vars, ast.Name):
            self._groups[node.optional_vars.id] = {}

    def _leave_with(self, node: ast.With | ast.AsyncWith) -> None:
        for item in node.items:
            if isinstance(item.optional_vars, ast.Name):
                self._groups.pop(item.optional_vars.id, None)

    leave_AsyncWith = leave_With = _leave_with

    def _check_group_task(self, node: ast.Call, group: str) -> None:
        args = node.args
        if node.func.attr == "create_task":
            used = self._sessions_in(args[0]) if args else set()
        else:  # anyio: tg.start_soon(fn, *args)
            used = {a.id for a in args[1:] if isinstance(a, ast.Name) and self._is_async_session(a)}
        tasks = self._groups[group]
        for session in sorted(used):
            first = tasks.setdefault(session, node)
            if first is not node:
                self.report(node, f"'{source_text(node, 60)}' starts a second task of task group '{group}' on "
                                  f"the AsyncSession '{session}' (the first on line {first.lineno}): the tasks run "
                                  f"concurrently and an AsyncSession is not safe for concurrent use; it raises or "
                                  f"silently corrupts and leaks its pooled connection; give each task its own "
                                  f"session from the factory")
                return
