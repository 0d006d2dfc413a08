"""The shapes the summary layer answers with, and small readings of one function's header:
which class a method runs on, where an argument lands, which calls a body iterates."""
from __future__ import annotations

import ast
from typing import Callable, NamedTuple

from flake8_dbsession.findings import Related
from flake8_dbsession.model.classes import ClassRef
from flake8_dbsession.model.syntax import last_name


class Callee(NamedTuple):
    """A function a call runs: its def, its module's name resolution, the module's path (None for
    the linted file), and the class ``self`` is (``exact``: that class only, else any subclass)."""

    node: ast.FunctionDef | ast.AsyncFunctionDef
    qualname_of: Callable[[ast.expr], str | None]
    path: str | None = None
    owner: ClassRef | None = None
    exact: bool = True
    override: bool = False  # found in a subclass of the receiver's class (decision 9)
    enclosing: Callee | None = None  # the function a nested def or lambda was found in (its closure)

    @property
    def name(self) -> str:
        return f"{self.owner.name}.{self.node.name}" if self.owner is not None else self.node.name


class SlowPath(NamedTuple):
    """Why a function is slow: the library call at the end (``reason``) and each call on the way
    there, in order; the last step is the slow call itself."""

    reason: str
    steps: tuple[Related, ...]

    @property
    def where(self) -> Related:
        return self.steps[-1]


def local_functions(nodes: list[ast.AST], name: str) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    """The functions a body (its own nodes) binds to ``name``: ``def name(...)`` nested in it, and
    ``name = lambda ...: ...`` (as a one-statement function, see :func:`as_function`)."""
    out = []
    for node in nodes:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == name:
            out.append(node)
        elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Lambda) \
                and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            out.append(as_function(node.value, name))
    return out


def returned_functions(nodes: list[ast.AST]) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    """The nested functions and lambdas a body returns (``return async_embedding_function``,
    ``return lambda q: embed(q)``): calling the function's result runs one of them."""
    out = []
    for node in nodes:
        if not isinstance(node, ast.Return) or node.value is None:
            continue
        if isinstance(node.value, ast.Lambda):
            out.append(as_function(node.value, "<lambda>"))
        elif isinstance(node.value, ast.Name):
            out += [f for f in local_functions(nodes, node.value.id) if f not in out]
    return sorted(out, key=lambda f: (f.lineno, f.col_offset))  # source order


_LAMBDAS: dict[int, tuple[ast.Lambda, ast.FunctionDef]] = {}


def as_function(node: ast.Lambda, name: str) -> ast.FunctionDef:
    """``lambda args: expr`` as ``def name(args): return expr`` at the lambda's position, made
    once per lambda node (the summary layer's answers are keyed by position)."""
    hit = _LAMBDAS.get(id(node))
    if hit is not None and hit[0] is node:
        return hit[1]
    body = ast.Return(node.body)
    extra = {"type_params": []} if "type_params" in ast.FunctionDef._fields else {}  # Python 3.12+
    func = ast.FunctionDef(name=name, args=node.args, body=[body], decorator_list=[], returns=None,
                           type_comment=None, **extra)
    for made in (func, body):
        ast.copy_location(made, node)
    if len(_LAMBDAS) > 256:
        _LAMBDAS.clear()
    _LAMBDAS[id(node)] = (node, func)
    return func


def summary_key(callee: Callee) -> tuple:
    """Where a callee is, as the summary caches key their answers: its module, its position and
    the class ``self`` is (one body summarised per class it runs for)."""
    owner = (callee.owner.name, callee.owner.lineno) if callee.owner else None
    return callee.path, callee.node.lineno, callee.node.col_offset, owner


def step(callee: Callee, node: ast.AST, note: str) -> Related:
    return Related(callee.path or "", getattr(node, "lineno", 1), getattr(node, "col_offset", 0), note)


def is_abstract(func: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """An interface's method (ABC, Protocol): ``@abstractmethod``, or a body of only a docstring,
    ``...``, ``pass`` or ``raise NotImplementedError``. It is no evidence of what the
    implementation does; its overrides are."""
    if any(last_name(d) == "abstractmethod" for d in func.decorator_list):
        return True
    for stmt in func.body:
        if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
            continue  # docstring, ...
        if isinstance(stmt, ast.Pass):
            continue
        if isinstance(stmt, ast.Raise) and "NotImplementedError" in ast.dump(stmt):
            continue
        return False
    return True


def self_name(func: ast.FunctionDef | ast.AsyncFunctionDef) -> str | None:
    args = func.args.posonlyargs + func.args.args
    return args[0].arg if args and args[0].arg in ("self", "cls") else None


def receiving_parameter(callee: Callee, call: ast.Call, where: int | str) -> str | None:
    """The parameter of ``callee`` that argument ``where`` of ``call`` (a position, or a keyword)
    lands in; ``self``/``cls`` is skipped for a method called on an object."""
    args = callee.node.args
    params = [a.arg for a in args.posonlyargs + args.args]
    if params and params[0] in ("self", "cls") and isinstance(call.func, ast.Attribute):
        params = params[1:]
    if isinstance(where, int):
        return params[where] if where < len(params) else None
    return where if where in params or where in {a.arg for a in args.kwonlyargs} else None


def iterated_calls(nodes: list[ast.AST]) -> set[int]:
    """ids of the calls whose result a function (its own nodes) iterates: ``for x in gen()``, or
    ``r = gen()`` then ``for x in r`` (dify's plugin client streams its daemon's answer through
    generators)."""
    bound: dict[str, int] = {}
    iterated: set[int] = set()
    loops = []
    for node in nodes:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) \
                and isinstance(node.value, ast.Call):
            bound[node.targets[0].id] = id(node.value)
        elif isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension)):
            loops.append(node.iter)
    for iterable in loops:
        if isinstance(iterable, ast.Call):
            iterated.add(id(iterable))
        elif isinstance(iterable, ast.Name) and iterable.id in bound:
            iterated.add(bound[iterable.id])
    return iterated


def step_function(step: Related) -> str:
    """'YahooProvider._fetch_with_retry' of a step whose note reads "YahooProvider._fetch_with_retry()
    calls ...": every note :func:`step` writes starts with the function it happens in."""
    return step.note.split("()", 1)[0]


def step_action(step: Related) -> str:
    """What the step's function does there: "runs 'await s.execute(...)'", "calls httpx.get()"."""
    return step.note.split("() ", 1)[-1]
