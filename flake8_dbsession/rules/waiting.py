"""When a slow call made with a connection checked out is the point, not a leak (DBS018): the
call is handed the held session or connection (``acquire_lock(conn, key)``), or it is the sleep of
a loop that polls or retries with it (``while True: conn.execute(try_lock); sleep(backoff)``),
directly, through a handle built on it (``MigrationContext.configure(connection)``), or through a
probe handed a session the function holds itself (``while not connect(session)``)."""
from __future__ import annotations

import ast

from flake8_dbsession.findings import source_text
from flake8_dbsession.model.syntax import assigned_names, parameter_names
from flake8_dbsession.rules.io_calls import SLOW_FUNCTIONS


def works_with_held(node: ast.Call, holding: dict[str, ast.AST]) -> bool:
    """``acquire_lock(conn, key)``: the slow call is handed the held session or connection, so
    the wait is part of using it (advisory locks, retries); the callee's own code is where a
    slow call made while it holds the connection would be reported."""
    values = list(node.args) + [kw.value for kw in node.keywords]
    return any(isinstance(v, (ast.Name, ast.Attribute)) and source_text(v) in holding for v in values)


def polls_held(model, node: ast.Call, holding: dict[str, ast.AST]) -> bool:
    """A sleep in a loop that uses the held session or connection is polling or retrying with it."""
    if model.qualname(node.func) not in SLOW_FUNCTIONS:
        return False
    for ancestor in reversed(model.ancestors):
        if isinstance(ancestor, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            return False
        if isinstance(ancestor, (ast.While, ast.For, ast.AsyncFor)):
            func = model.function_scope.node if model.function_scope is not None else None
            users = set(holding) | _built_on(func, holding, ancestor)
            handed = users & _own_names(func)  # probes handed a session this function holds
            return any(isinstance(sub, ast.Call) and _uses(sub, users, handed) for sub in ast.walk(ancestor))
    return False


def _uses(call: ast.Call, users: set[str], handed: set[str]) -> bool:
    """``conn.execute(...)`` on one of ``users``, or ``connect(session)`` handed one of ``handed``
    (mealie's wait-for-the-database loop)."""
    if isinstance(call.func, ast.Attribute) and source_text(call.func.value) in users:
        return True
    return any(isinstance(a, (ast.Name, ast.Attribute)) and source_text(a) in handed
               for a in list(call.args) + [k.value for k in call.keywords])


def _own_names(func: ast.AST | None) -> set[str]:
    """Names ``func`` binds itself (parameters, assignments, ``with`` targets): a session read
    from an enclosing function's scope (open-webui's status stream polling with the request's
    session, 81510e9) is not this function's to poll with."""
    if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return set()
    return parameter_names(func) | assigned_names(func)


def _built_on(func: ast.AST | None, holding: dict[str, ast.AST], loop: ast.AST) -> set[str]:
    """Handles built on a held session or connection before the loop and not rebound in it
    (``context = MigrationContext.configure(connection)``): using them uses it. A name the loop
    rebinds from such a call (``item = Files.get_file_by_id(id, db=db)``) holds rows read again
    and again, not a handle."""
    if func is None:
        return set()
    built, rebound = set(), set()
    for node in ast.walk(func):
        if not isinstance(node, ast.Assign):
            continue
        names = {t.id for t in node.targets if isinstance(t, ast.Name)}
        if loop.lineno <= node.lineno <= (loop.end_lineno or loop.lineno):
            rebound |= names
        elif isinstance(node.value, ast.Call) and node.lineno < loop.lineno and any(
                isinstance(a, (ast.Name, ast.Attribute)) and source_text(a) in holding
                for a in list(node.value.args) + [k.value for k in node.value.keywords]):
            built |= names
    return built - rebound
