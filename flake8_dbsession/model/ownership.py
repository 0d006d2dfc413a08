"""What a function does with a session it created: closes it (``with``, ``close()`` in ``finally``,
``contextlib.closing``, an exit stack), hands it on (``return``, ``yield``, stored on an object, a
container or a global, given to a constructor, read by a closure), or leaves it open.

Read the way an engineer reads the function, not by data-flow proof: when in doubt, the session
counts as handed on and nothing is reported."""
from __future__ import annotations

import ast
import enum
from dataclasses import dataclass

from flake8_dbsession.model.api import is_query_terminal
from flake8_dbsession.model.syntax import last_name, query_receiver
from flake8_dbsession.model.walk import own_nodes

_CLOSERS = {"close", "aclose"}
_CLOSING_WRAPPERS = {"closing", "aclosing", "enter_context", "enter_async_context", "push", "push_async_exit",
                     "callback", "push_async_callback"}
_CONTAINER_STORES = {"append", "add", "extend", "insert", "put", "put_nowait", "setdefault", "appendleft",
                     "update", "set"}


class Fate(enum.Enum):
    CLOSED = "closed"
    HANDED_ON = "handed on"
    CLOSED_ONLY_ON_SUCCESS = "closed outside finally"
    OPEN = "never closed"


@dataclass(frozen=True)
class Verdict:
    fate: Fate
    close_call: ast.AST | None = None  # the close() outside finally, for messages


def _parents(func: ast.AST) -> dict[ast.AST, ast.AST]:
    parents: dict[ast.AST, ast.AST] = {}
    for node in [func, *own_nodes(func)]:
        for child in ast.iter_child_nodes(node):
            parents[child] = node
    return parents


def _inside_finally(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    child = node
    parent = parents.get(child)
    while parent is not None:
        if isinstance(parent, (ast.Try, getattr(ast, "TryStar", ast.Try))) and child in parent.finalbody:
            return True
        if isinstance(parent, ast.ExceptHandler) and (parent.type is None or _catches_all(parent.type)):
            return True  # except BaseException/Exception: ...close(); raise
        child, parent = parent, parents.get(parent)
    return False


def _catches_all(kind: ast.expr) -> bool:
    names = kind.elts if isinstance(kind, ast.Tuple) else [kind]
    return any(getattr(n, "id", getattr(n, "attr", None)) in ("Exception", "BaseException") for n in names)


def fate_of(func: ast.FunctionDef | ast.AsyncFunctionDef, name: str) -> Verdict:
    """What ``func`` does with the session bound to local ``name``."""
    parents = _parents(func)
    closes: list[ast.AST] = []
    stored = False
    globals_ = {n for node in own_nodes(func) if isinstance(node, (ast.Global, ast.Nonlocal)) for n in node.names}
    if name in globals_:
        return Verdict(Fate.HANDED_ON)
    for node in own_nodes(func):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            if any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(node)):
                return Verdict(Fate.HANDED_ON)  # a closure reads it: it may close it
            continue
        if not (isinstance(node, ast.Name) and node.id == name and isinstance(node.ctx, ast.Load)):
            continue
        parent = parents.get(node)
        if isinstance(parent, ast.withitem) and parent.context_expr is node:
            return Verdict(Fate.CLOSED)
        if isinstance(parent, ast.Attribute) and parent.attr in _CLOSERS and isinstance(parents.get(parent), ast.Call):
            closes.append(parents[parent])
            continue
        handed = _handed_on(node, parent, parents)
        if handed == "leaves":
            return Verdict(Fate.HANDED_ON)
        if handed == "stored":
            stored = True  # kwargs['session'] = session: someone else may close it, unless we do
            continue
        if isinstance(parent, ast.Call) and (node in parent.args or any(k.value is node for k in parent.keywords)):
            callee = last_name(parent.func)
            if callee in _CLOSING_WRAPPERS:
                return Verdict(Fate.CLOSED)
            if callee in _CONTAINER_STORES or (callee and callee[:1].isupper()):
                return Verdict(Fate.HANDED_ON)  # stored in a container, or given to a constructor
    if not closes:
        return Verdict(Fate.HANDED_ON if stored else Fate.OPEN)
    if any(_inside_finally(close, parents) for close in closes):
        return Verdict(Fate.CLOSED)
    if not _can_raise_before(func, name, closes[0]):
        return Verdict(Fate.CLOSED)  # nothing between creation and close() can raise
    return Verdict(Fate.CLOSED_ONLY_ON_SUCCESS, closes[0])


def stored_fate(func: ast.FunctionDef | ast.AsyncFunctionDef, text: str, created: ast.AST) -> Verdict:
    """``request.state.db = Session()`` then ``request.state.db.close()``: a session stored on an
    object that the same function closes is its own; stored and not closed, it is handed on."""
    parents = _parents(func)
    closes = [node for node in own_nodes(func) if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr in _CLOSERS and _text(node.func.value) == text]
    if not closes:
        return Verdict(Fate.HANDED_ON)
    if any(_inside_finally(close, parents) for close in closes):
        return Verdict(Fate.CLOSED)
    if not _can_raise_before(func, None, closes[0], getattr(created, "end_lineno", None)):
        return Verdict(Fate.CLOSED)
    return Verdict(Fate.CLOSED_ONLY_ON_SUCCESS, closes[0])


def _text(node: ast.AST) -> str | None:
    try:
        return ast.unparse(node)
    except (ValueError, RecursionError):
        return None


def _can_raise_before(func: ast.AST, name: str | None, close: ast.AST, created_line: int | None = None) -> bool:
    """Is there a call, an await or a raise between the session's creation and ``close``?"""
    for node in own_nodes(func) if name is not None else ():
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            created_line = node.end_lineno if created_line is None else min(created_line, node.end_lineno)
    if created_line is None:
        return True
    close_line = getattr(close, "lineno", 0)
    for node in own_nodes(func):
        line = getattr(node, "lineno", None)
        if line is None or not (created_line < line < close_line) or node is close:
            continue
        if isinstance(node, (ast.Call, ast.Await, ast.Raise, ast.Assert, ast.Subscript)):
            return True
    return False


def session_calls(func: ast.AST, name: str):
    """(position, method, is a Query terminal) for each call on session ``name`` in ``func``:
    ``name.commit()``, and ``name.query(M).filter(...).first()`` (a Query terminal runs I/O)."""
    for node in own_nodes(func):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        position = (node.lineno, node.col_offset)
        if isinstance(node.func.value, ast.Name) and node.func.value.id == name:
            yield position, node.func.attr, False
        elif is_query_terminal(node.func.attr):
            receiver = query_receiver(node.func.value)
            if isinstance(receiver, ast.Name) and receiver.id == name:
                yield position, node.func.attr, True


def queries(func: ast.AST, name: str, does_io) -> bool:
    """Does ``func`` run I/O on the session ``name`` (``name.<method>(...)`` where ``does_io(method)``)?
    Without I/O a session never takes a connection, and leaving it open costs nothing."""
    return any(terminal or does_io(method) for _, method, terminal in session_calls(func, name))


def last_use(func: ast.AST, name: str, does_io, releases) -> str | None:
    """'io' or 'release': what the last call on session ``name`` in ``func`` (in source order)
    does, counting only calls ``does_io`` or ``releases`` accepts; None when there is none."""
    found = []
    for position, method, terminal in session_calls(func, name):
        if not terminal and releases(method):
            found.append((position, "release"))
        elif terminal or does_io(method):
            found.append((position, "io"))
    return max(found)[1] if found else None


def _handed_on(node: ast.AST, parent: ast.AST | None, parents: dict[ast.AST, ast.AST]) -> str | None:
    """'leaves': returned or yielded (possibly in a tuple), passed by keyword or inside a literal;
    'stored': stored on an object, in a container or a dict, or given another name; else None."""
    current, above = node, parent
    while isinstance(above, (ast.Tuple, ast.List, ast.Dict, ast.Set, ast.Starred)):
        current, above = above, parents.get(above)
    if isinstance(above, (ast.Return, ast.Yield, ast.YieldFrom)):
        return "leaves"
    if isinstance(above, (ast.Assign, ast.AnnAssign, ast.NamedExpr)) and getattr(above, "value", None) is current:
        return "stored"  # stored on an object or in a container, or given another name
    if isinstance(above, ast.keyword) or (isinstance(above, ast.Call) and current is not node):
        return "leaves"  # inside a literal passed to a call: treated as handed on
    return None


def yields_outside_cleanup(func: ast.FunctionDef | ast.AsyncFunctionDef, name: str) -> ast.AST | None:
    """The ``yield name`` of a generator whose cleanup of ``name`` is not in a ``finally`` (nor a
    ``with``), or None."""
    parents = _parents(func)
    for node in own_nodes(func):
        if isinstance(node, ast.Yield) and isinstance(node.value, ast.Name) and node.value.id == name:
            if not _yield_protected(node, name, parents):
                return node
    return None


def _yield_protected(node: ast.AST, name: str, parents: dict[ast.AST, ast.AST]) -> bool:
    child, parent = node, parents.get(node)
    while parent is not None:
        if isinstance(parent, (ast.Try, getattr(ast, "TryStar", ast.Try))) and child in parent.body \
                and parent.finalbody:
            return True
        if isinstance(parent, (ast.With, ast.AsyncWith)) and any(
                isinstance(n, ast.Name) and n.id == name for item in parent.items for n in ast.walk(item)):
            return True
        child, parent = parent, parents.get(parent)
    return False
