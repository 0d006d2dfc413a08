"""Small questions about syntax that the model and several rules ask: the last name of a
reference, a function's parameters, the names an assignment target binds."""
from __future__ import annotations

import ast

from flake8_dbsession.model import lazy_bodies
from flake8_dbsession.model.walk import own_nodes


def last_name(expr: ast.expr | None) -> str | None:
    """'create_task' for ``asyncio.create_task`` or ``loop.create_task``; 'x' for ``x``."""
    if isinstance(expr, ast.Attribute):
        return expr.attr
    return expr.id if isinstance(expr, ast.Name) else None


def called_name(expr: ast.expr | None) -> str | None:
    """:func:`last_name`, looking through one call: 'selectinload' for ``selectinload(A.b)``."""
    return last_name(expr.func if isinstance(expr, ast.Call) else expr)


def absolute_name(qualname: str, module: str | None, is_package: bool) -> str | None:
    """'..db.SessionLocal' read in module ``module`` (``is_package``: its file is an
    ``__init__.py``) -> 'app.db.SessionLocal'; an absolute name as it is; None when the dots go
    above the top package or the module's name is unknown."""
    if not qualname.startswith("."):
        return qualname
    level = len(qualname) - len(qualname.lstrip("."))
    rest = qualname[level:]
    if module is None:
        return None
    package = module.split(".")
    if not is_package:
        package = package[:-1]
    if level - 1 > len(package):
        return None
    base = package[: len(package) - (level - 1)]
    parts = base + ([rest] if rest else [])
    return ".".join(p for p in parts if p) or None


def call_arguments(call: ast.Call) -> list[tuple[int | str, ast.expr]]:
    """(position or keyword, value) of each argument a call gives (``**kwargs`` left out)."""
    return [*enumerate(call.args), *((kw.arg, kw.value) for kw in call.keywords if kw.arg)]


def all_args(args: ast.arguments) -> list[ast.arg]:
    """Every parameter: positional-only, positional, keyword-only, ``*args``, ``**kwargs``."""
    out = list(args.posonlyargs) + list(args.args) + list(args.kwonlyargs)
    if args.vararg:
        out.append(args.vararg)
    if args.kwarg:
        out.append(args.kwarg)
    return out


def parameter_names(func: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) -> set[str]:
    return {arg.arg for arg in all_args(func.args)}


def target_names(target: ast.AST) -> list[str]:
    """Names an assignment target rebinds (``a, (b, *c) = ...``), not names inside ``x.attr``."""
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, (ast.Tuple, ast.List)):
        return [n for elt in target.elts for n in target_names(elt)]
    if isinstance(target, ast.Starred):
        return target_names(target.value)
    return []


def dotted_prefixes(expr: ast.expr) -> list[str]:
    """``self.maker`` -> ['self', 'self.maker']; ``maker`` -> ['maker']; anything else -> []."""
    parts: list[str] = []
    while isinstance(expr, ast.Attribute):
        parts.append(expr.attr)
        expr = expr.value
    if not isinstance(expr, ast.Name):
        return []
    parts.append(expr.id)
    parts.reverse()
    return [".".join(parts[:i]) for i in range(1, len(parts) + 1)]


def method_of(cls: ast.ClassDef, name: str) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
    """The method ``name`` defined in the class body (not inherited), or None."""
    indexed = lazy_bodies.indexed_method(cls, name)
    if indexed is not lazy_bodies.NOT_INDEXED:  # a shed class: the one method is parsed, not the class
        return indexed
    for stmt in cls.body:
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)) and stmt.name == name:
            return stmt
    return None


def class_annotations(cls: ast.ClassDef) -> list[tuple[str, ast.expr]]:
    """(name, annotation) of the class body's ``name: Annotation`` statements (dataclass fields,
    declared attributes, ``Mapped[...]`` columns), in order."""
    indexed = lazy_bodies.indexed_annotations(cls)
    if indexed is not lazy_bodies.NOT_INDEXED:  # a shed class: kept with its index, the body is not parsed
        return list(indexed)
    return [(stmt.target.id, stmt.annotation) for stmt in cls.body
            if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name)]


def query_receiver(expr: ast.expr) -> ast.expr | None:
    """``db`` for ``db.query(M).filter(...)`` (any chain of calls over a ``.query(...)``)."""
    for _ in range(100):
        if not (isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute)):
            return None
        if expr.func.attr == "query":
            return expr.func.value
        expr = expr.func.value
    return None


def names_null_pool(tree: ast.AST) -> bool:
    """Does ``tree`` spell ``NullPool`` (``poolclass=NullPool``, ``pool.NullPool``)? Code that
    builds its engine without a pool opens connections per use: holding one drains no pool."""
    return any(getattr(node, "id", None) == "NullPool" or getattr(node, "attr", None) == "NullPool"
               for node in ast.walk(tree))


def assigned_names(func: ast.AST, nodes: list[ast.AST] | None = None) -> set[str]:
    """Names a function binds itself (assignments, with/for targets, imports, nested defs);
    ``nodes``: its :func:`own_nodes`, when already walked."""
    out = set()
    for node in own_nodes(func) if nodes is None else nodes:
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            out.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            out.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            out |= {(a.asname or a.name).split(".")[0] for a in node.names}
    return out
