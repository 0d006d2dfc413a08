"""DBS012: the session of the current scope (a parameter, a ``Depends`` value, a ``with`` target)
is handed to work that outlives the scope or runs on another thread without being waited for:
``asyncio.create_task(f(db))``, ``background_tasks.add_task(f, db)``, ``executor.submit(f, db)``,
``threading.Thread(target=f, args=(db,))``, Celery ``f.delay(db)``.
"""
from __future__ import annotations

import ast

from flake8_dbsession.findings import source_text
from flake8_dbsession.model.flavour import Kind
from flake8_dbsession.model.scopes import Imported, LocalDef
from flake8_dbsession.model.syntax import all_args, last_name
from flake8_dbsession.model.walk import own_nodes
from flake8_dbsession.rules.base import Rule, register

_TASK_SPAWNERS = {"asyncio.create_task", "asyncio.ensure_future"}
_LOOP_GETTERS = {"asyncio.get_event_loop", "asyncio.get_running_loop", "asyncio.new_event_loop"}
_EXECUTORS = {"concurrent.futures.ThreadPoolExecutor", "concurrent.futures.ProcessPoolExecutor",
              "concurrent.futures.thread.ThreadPoolExecutor", "concurrent.futures.process.ProcessPoolExecutor"}
_THREADS = {"threading.Thread"}
_BACKGROUND_TASKS = {"fastapi.BackgroundTasks", "fastapi.background.BackgroundTasks",
                     "starlette.background.BackgroundTasks"}
_CELERY_DECORATORS = {"task", "shared_task"}
# what waiting for a handle looks like, per kind of hand-off
_WAITS = {"task": None, "future": None, "thread": {"join"}}  # None: any later use counts as waiting


_HANDOFF_NAMES = {q.rsplit(".", 1)[-1] for q in _TASK_SPAWNERS | _THREADS} | {
    "create_task", "submit", "add_task", "delay", "apply_async"}
_HANDLE_MAKERS = {q.rsplit(".", 1)[-1] for q in _LOOP_GETTERS | _EXECUTORS}


def _function_of(model) -> ast.AST | None:
    scope = model.function_scope
    return scope.node if scope is not None and scope.kind == "function" else None


def _owned_session(model, expr: ast.expr, func: ast.AST | None) -> str | None:
    """``db`` when ``expr`` is a session name that belongs to the function's scope: one of its
    parameters or the target of a ``with`` in it. Sessions it created itself are DBS016's."""
    if func is None or not isinstance(expr, ast.Name):
        return None
    flavour = model.flavour(expr)
    if flavour is None or flavour.kind is not Kind.SESSION:
        return None
    if any(a.arg == expr.id for a in all_args(func.args)):
        return expr.id
    for node in reversed(model.ancestors):
        if node is func:
            break
        if isinstance(node, (ast.With, ast.AsyncWith)) and any(
                isinstance(item.optional_vars, ast.Name) and item.optional_vars.id == expr.id for item in node.items):
            return expr.id
    return None


def _call_arguments(call: ast.Call) -> list[ast.expr]:
    return [a.value if isinstance(a, ast.Starred) else a for a in call.args] + [kw.value for kw in call.keywords]


@register
class SessionCrossesTaskBoundary(Rule):
    code = "DBS012"
    name = "session-crosses-task-boundary"
    summary = ("the current scope's session handed to a task, background task, thread or Celery job that "
               "outlives the scope: the session is closed under it and silently reopens")

    def __init__(self, file) -> None:
        super().__init__(file)
        self._loops: set[str] = set()  # names bound to an event loop
        self._executors: set[str] = set()  # names / self attributes bound to a pool executor (not `with`)
        # per function: (call, handle name or None, kind, session, where) waiting for the function's end
        self._pending: dict[int, list[tuple[ast.Call, str | None, str, str, str]]] = {}

    # ------------------------------------------------------------------ what the handles are
    def visit_Assign(self, node: ast.Assign) -> None:
        if not isinstance(node.value, ast.Call) or len(node.targets) != 1 \
                or last_name(node.value.func) not in _HANDLE_MAKERS:
            return
        qualname = self.model.qualname(node.value.func)
        target = source_text(node.targets[0])
        if qualname in _LOOP_GETTERS:
            self._loops.add(target)
        elif qualname in _EXECUTORS:
            self._executors.add(target)

    # ------------------------------------------------------------------ hand-offs
    def visit_Call(self, node: ast.Call) -> None:
        if last_name(node.func) not in _HANDOFF_NAMES:
            return
        handoff = self._handoff(node)
        if handoff is None:
            return
        kind, handed, where = handoff
        func = _function_of(self.model)
        for index, expr in enumerate(handed):
            session = _owned_session(self.model, expr, func)
            if session is None or self._ignored_by_target(node, kind, index):
                continue
            handle = self._handle(node, kind)
            if handle is False:
                return  # awaited, joined or kept in the same statement
            self._pending.setdefault(id(func), []).append((node, handle, kind, session, where))
            return

    def _ignored_by_target(self, node: ast.Call, kind: str, index: int) -> bool:
        """``Thread(target=update_total_uses, args=(session, key))`` where ``update_total_uses``
        never reads that parameter (it opens a session of its own): nothing of the session is
        used on the other side (langflow-ai/langflow's fix 54cfca3 kept the signature)."""
        target = None
        if kind == "thread":
            target = next((k.value for k in node.keywords if k.arg == "target"), None)
        elif kind == "task":
            coro = node.args[0] if node.args else None
            target = coro.func if isinstance(coro, ast.Call) else None
        elif kind in ("future", "background") and node.args:
            target = node.args[0]
        if not isinstance(target, ast.Name):
            return False
        found, binding = self.model.scope.lookup(target.id)
        definition = None
        module = self.model.module_scope.node if self.model.module_scope is not None else None
        if not found and isinstance(module, ast.Module):  # defined further down the module
            definition = next((s for s in module.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))
                               and s.name == target.id), None)
        elif isinstance(binding, LocalDef):
            definition = binding.node
        elif isinstance(binding, Imported) and self.file.project_resolver is not None:
            found, _ = self.file.project_resolver.definition(binding.qualname)
            definition = found.node if isinstance(found, LocalDef) else None
        if definition is None or definition.args.vararg is not None:
            return False
        params = [a.arg for a in definition.args.posonlyargs + definition.args.args]
        if index >= len(params):
            return False
        name = params[index]
        return not any(isinstance(n, ast.Name) and n.id == name for n in own_nodes(definition))

    def _handoff(self, node: ast.Call) -> tuple[str, list[ast.expr], str] | None:
        """(kind, expressions handed over, where the work runs) for a hand-off call."""
        func = node.func
        qualname = self.model.qualname(func)
        if qualname in _TASK_SPAWNERS or (isinstance(func, ast.Attribute) and func.attr == "create_task"
                                          and self._is_loop(func.value)):
            coro = node.args[0] if node.args else next(
                (k.value for k in node.keywords if k.arg in ("coro", "coro_or_future")), None)
            if isinstance(coro, ast.Call):
                return "task", _call_arguments(coro), "a task that keeps running after '{func}' returns"
            return None
        if qualname in _THREADS:
            handed = []
            for kw in node.keywords:
                if kw.arg == "args" and isinstance(kw.value, (ast.Tuple, ast.List)):
                    handed += kw.value.elts
                elif kw.arg == "kwargs" and isinstance(kw.value, ast.Dict):
                    handed += kw.value.values
            return "thread", handed, "another thread that '{func}' never joins"
        if not isinstance(func, ast.Attribute):
            return None
        receiver = source_text(func.value)
        if func.attr == "submit" and receiver in self._executors:
            return "future", _call_arguments(node)[1:], "a pool thread that '{func}' never waits for"
        if func.attr == "add_task" and self._is_background_tasks(func.value):
            return "background", _call_arguments(node)[1:], "a background task that runs after the response is sent"
        if func.attr in ("delay", "apply_async") and self._is_celery_task(func.value):
            handed = _call_arguments(node) if func.attr == "delay" else self._apply_async_arguments(node)
            return "celery", handed, "a Celery worker"
        return None

    def _is_loop(self, expr: ast.expr) -> bool:
        if isinstance(expr, ast.Call):
            return self.model.qualname(expr.func) in _LOOP_GETTERS
        return source_text(expr) in self._loops

    def _is_background_tasks(self, expr: ast.expr) -> bool:
        func = _function_of(self.model)
        if func is None or not isinstance(expr, ast.Name):
            return False
        for arg in all_args(func.args):
            if arg.arg == expr.id and arg.annotation is not None:
                return self.model.qualname(arg.annotation) in _BACKGROUND_TASKS
        return False

    def _is_celery_task(self, expr: ast.expr) -> bool:
        """``send_report.delay(...)``: ``send_report`` is a function decorated ``@app.task`` /
        ``@shared_task`` here or in another module of the project."""
        if not isinstance(expr, ast.Name):
            return False
        binding = self.model.scope.lookup(expr.id)[1]
        node = None
        if isinstance(binding, LocalDef):
            node = binding.node
        elif isinstance(binding, Imported) and self.file.project_resolver is not None:
            found, _ = self.file.project_resolver.definition(binding.qualname)
            node = found.node if isinstance(found, LocalDef) else None
        if node is None:
            return False
        for decorator in node.decorator_list:
            target = decorator.func if isinstance(decorator, ast.Call) else decorator
            last = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", None)
            if last in _CELERY_DECORATORS:
                return True
        return False

    @staticmethod
    def _apply_async_arguments(node: ast.Call) -> list[ast.expr]:
        args = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == "args"), None)
        handed = list(args.elts) if isinstance(args, (ast.Tuple, ast.List)) else []
        kwargs = node.args[1] if len(node.args) > 1 else next(
            (k.value for k in node.keywords if k.arg == "kwargs"), None)
        if isinstance(kwargs, ast.Dict):
            handed += kwargs.values
        return handed

    def _handle(self, node: ast.Call, kind: str) -> str | None | bool:
        """The name the hand-off's result is bound to (None: thrown away), or False when the same
        statement waits for it or keeps it (awaited, ``.result()``, ``.join()``, passed on)."""
        if kind in ("background", "celery"):
            return None  # nothing to wait for: the work runs after the response / elsewhere
        ancestors = self.model.ancestors
        parent = ancestors[-2] if len(ancestors) > 1 else None
        if kind == "thread" and isinstance(parent, ast.Attribute) and parent.attr == "start":
            # Thread(...).start() as a statement: nothing is left to join
            started = ancestors[-4] if len(ancestors) > 3 else None
            return None if isinstance(started, ast.Expr) else False
        if isinstance(parent, ast.Expr):
            return None
        if isinstance(parent, ast.Assign) and len(parent.targets) == 1 and isinstance(parent.targets[0], ast.Name):
            return parent.targets[0].id
        return False

    def _finish(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        for call, handle, kind, session, where in self._pending.pop(id(node), []):
            if handle is not None and self._waited(node, call, handle, kind):
                continue
            text = source_text(call, 60)
            self.report(call, f"'{text}' hands session '{session}' of '{node.name}' to "
                              f"{where.format(func=node.name)}: the session is closed or reused under that "
                              f"work, and a closed session silently reopens instead of refusing, outside the "
                              f"transaction and never closed again; hand over the session factory and open a "
                              f"session inside the task")

    leave_FunctionDef = leave_AsyncFunctionDef = _finish

    @staticmethod
    def _waited(func: ast.AST, call: ast.Call, handle: str, kind: str) -> bool:
        """Is ``handle`` used after ``call`` in a way that waits for it? For tasks and futures any
        further use counts (awaited, gathered, ``.result()``, kept in a list): only a handle that is
        dropped, or used only for ``add_done_callback``, is fire-and-forget. Threads need ``join()``."""
        waits = _WAITS[kind]
        after = (call.lineno, call.col_offset)
        uses: list[ast.Name] = []
        read_attr: dict[int, str] = {}  # id(use) -> the attribute read on it ('join' for t.join)
        for node in own_nodes(func):
            if isinstance(node, ast.Name) and node.id == handle and isinstance(node.ctx, ast.Load) \
                    and (node.lineno, node.col_offset) > after:
                uses.append(node)
            elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == handle:
                read_attr[id(node.value)] = node.attr
        if waits is None:
            return any(read_attr.get(id(use)) != "add_done_callback" for use in uses)
        return any(read_attr.get(id(use)) in waits for use in uses)
