"""What a Starlette or FastAPI application keeps on its state: ``request.app.state.NAME(...)``.

Every request carries the application it runs in (``request.app``), and the application's
``state`` holds what the project stored there. open-webui's ``main.py`` stores its embedding
function once at start-up::

    app = FastAPI()
    app.state.EMBEDDING_FUNCTION = get_embedding_function(engine, model, ...)

and a route handler holding the request's session then awaits
``request.app.state.EMBEDDING_FUNCTION(text)``: an HTTP round trip to the embedding API. Calling
the stored name runs what was stored, and that is what the summary layer follows.

Evidence, never names:
- the receiver is a parameter annotated with Starlette's ``Request``, ``HTTPConnection`` or
  ``WebSocket`` (FastAPI re-exports them), so ``.app`` is the application;
- the values are the project's assignments to ``<application>.state.NAME``, where the
  application is ``<request>.app`` or a module-level ``FastAPI()`` / ``Starlette()`` of the
  assigning module; an assignment to any other object's ``state`` does not count;
- a value is a first-party function (``= handler``) or what a first-party function returns
  (``= get_embedding_function(...)``: the nested functions and lambdas it returns).

Where a name is assigned is found from the project's text (one scan per process, shared with the
class table); only the files that assign the name are parsed, on the first question about it, and
what they assign is kept per process as plain data.
"""
from __future__ import annotations

import ast
from typing import NamedTuple

from flake8_dbsession.model.classes import dotted
from flake8_dbsession.model.syntax import absolute_name, all_args

REQUEST_TYPES = frozenset({
    "starlette.requests.Request", "starlette.requests.HTTPConnection", "starlette.websockets.WebSocket",
    "fastapi.Request", "fastapi.WebSocket", "fastapi.requests.Request", "fastapi.requests.HTTPConnection",
    "fastapi.websockets.WebSocket",
})
APPLICATION_TYPES = frozenset({
    "fastapi.FastAPI", "fastapi.applications.FastAPI", "starlette.applications.Starlette",
})


class Stored(NamedTuple):
    """One assignment ``<application>.state.NAME = value``: where it is, a name bound at the top
    of its module through which the module's facts are reached (the assigning function, or the
    application), and the value: ``called`` (what a function returns) or not (the function
    itself), spelled as written (``get_embedding_function``, ``utils.make``) and, when the module
    imports it, by its qualified name (the assigning module's facts are then not needed)."""

    path: str
    line: int
    col: int
    anchor: str
    function: str
    called: bool
    qualname: str | None = None  # the function's qualified name, when the module imports it


def state_attribute(func: ast.expr) -> tuple[str, str] | None:
    """(the request's name, NAME) for ``request.app.state.NAME``; None for anything else."""
    if not isinstance(func, ast.Attribute):
        return None
    state = func.value
    if not (isinstance(state, ast.Attribute) and state.attr == "state"):
        return None
    app = state.value
    if isinstance(app, ast.Attribute) and app.attr == "app" and isinstance(app.value, ast.Name):
        return app.value.id, func.attr
    return None


def stored_in(tree: ast.Module, path: str, name: str, module: str | None = None) -> list[Stored]:
    """The assignments of ``<application>.state.<name>`` in one module (``module``: its name, for
    its relative imports). Statements only are walked, never expressions: a module that stores
    its functions at start-up is mostly statements."""
    imports = _top_imports(tree, module, path.endswith("__init__.py"))
    applications = set()
    for stmt in tree.body:  # app = FastAPI(...)
        if isinstance(stmt, (ast.Assign, ast.AnnAssign)) and isinstance(stmt.value, ast.Call) \
                and _resolve(stmt.value.func, imports) in APPLICATION_TYPES:
            targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
            applications |= {t.id for t in targets if isinstance(t, ast.Name)}
    out: list[Stored] = []
    for top in tree.body:
        anchor = top.name if isinstance(top, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) else None
        for node in _statements(top):
            if not isinstance(node, ast.Assign) or len(node.targets) != 1:
                continue
            target = node.targets[0]
            if not (isinstance(target, ast.Attribute) and target.attr == name
                    and isinstance(target.value, ast.Attribute) and target.value.attr == "state"):
                continue
            owner = target.value.value
            if isinstance(owner, ast.Name) and owner.id in applications:
                here = anchor or owner.id
            elif isinstance(owner, ast.Attribute) and owner.attr == "app" and anchor is not None:
                here = anchor  # request.app.state.NAME = ... inside a handler
            else:
                continue
            value = node.value
            called = isinstance(value, ast.Call)
            function = dotted(value.func if called else value)
            if function:
                head, _, rest = function.partition(".")
                qualname = f"{imports[head]}.{rest}".rstrip(".") if head in imports else None
                out.append(Stored(path, node.lineno, node.col_offset, here, function, called, qualname))
    return out


_BODIES = ("body", "orelse", "finalbody", "handlers", "cases")
_NESTED = tuple(t for t in (ast.stmt, ast.excepthandler, getattr(ast, "match_case", None)) if t is not None)


def _statements(stmt: ast.stmt):
    """``stmt`` and the statements nested in it (bodies of defs, classes, ifs, loops, trys)."""
    stack = [stmt]
    while stack:
        node = stack.pop()
        yield node
        for field in _BODIES:
            children = getattr(node, field, None)
            if isinstance(children, list):
                stack.extend(child for child in children if isinstance(child, _NESTED))


def _top_imports(tree: ast.Module, module: str | None = None, is_package: bool = False) -> dict[str, str]:
    """Local name -> qualified name of a module's top-level imports (relative ones read in
    ``module``, as the resolver reads them)."""
    out = {}
    for stmt in tree.body:
        if isinstance(stmt, ast.ImportFrom):
            base = absolute_name("." * stmt.level + (stmt.module or ""), module, is_package)
            if not base:
                continue
            for alias in stmt.names:
                out[alias.asname or alias.name] = f"{base}.{alias.name}"
        elif isinstance(stmt, ast.Import):
            for alias in stmt.names:
                if alias.asname:
                    out[alias.asname] = alias.name
                else:
                    top = alias.name.split(".")[0]
                    out[top] = top
    return out


def _resolve(expr: ast.expr, imports: dict[str, str]) -> str | None:
    text = dotted(expr)
    if text is None:
        return None
    head, _, rest = text.partition(".")
    if head not in imports:
        return None
    return f"{imports[head]}.{rest}" if rest else imports[head]


def request_parameter(function: ast.AST, name: str, qualname_of) -> bool:
    """Is ``name`` a parameter of ``function`` annotated as a Starlette request or websocket?"""
    args = getattr(function, "args", None)
    if not isinstance(args, ast.arguments):
        return False
    for arg in all_args(args):
        if arg.arg == name:
            return arg.annotation is not None and qualname_of(arg.annotation) in REQUEST_TYPES
    return False
