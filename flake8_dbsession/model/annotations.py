"""Annotations to flavours: ``AsyncSession``, ``Optional[Session]``, ``Session | None``,
``Annotated[AsyncSession, Depends(get_db)]``, string annotations, and, for return annotations of
generators and context managers, ``AsyncIterator[AsyncSession]`` and the like."""
from __future__ import annotations

import ast
from typing import Callable

from flake8_dbsession.model import sqla_names
from flake8_dbsession.model.flavour import Flavour

_TRANSPARENT = {"Optional", "Annotated", "Final", "ClassVar", "Required", "NotRequired", "ReadOnly"}
_CONTAINERS = {
    "Iterator", "Generator", "Iterable", "AsyncIterator", "AsyncGenerator", "AsyncIterable",
    "ContextManager", "AsyncContextManager", "AbstractContextManager", "AbstractAsyncContextManager",
}

QualnameOf = Callable[[ast.expr], "str | None"]
AliasOf = Callable[[str], "ast.expr | None"]


def _last(qualname: str | None, node: ast.expr) -> str | None:
    if qualname:
        return qualname.rsplit(".", 1)[-1]
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def annotation_flavour(node: ast.expr | None, qualname_of: QualnameOf, alias_of: AliasOf,
                       unwrap_containers: bool = False, _depth: int = 0) -> Flavour | None:
    """The flavour an annotation promises for the annotated value, or None."""
    if node is None or _depth > 8:
        return None

    def again(inner: ast.expr | None) -> Flavour | None:
        return annotation_flavour(inner, qualname_of, alias_of, unwrap_containers, _depth + 1)

    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        try:
            parsed = ast.parse(node.value.strip(), mode="eval").body
        except (SyntaxError, ValueError):
            return None
        return again(parsed)
    if isinstance(node, (ast.Name, ast.Attribute)):
        flavour = sqla_names.class_flavour(qualname_of(node))
        if flavour is not None:
            return flavour.declared(f"annotated '{flavour.display}'")
        if isinstance(node, ast.Name):
            alias = alias_of(node.id)
            if alias is not None:
                return again(alias)
        return None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return _one_of([again(node.left), again(node.right)], [node.left, node.right])
    if isinstance(node, ast.Subscript):
        base = _last(qualname_of(node.value), node.value)
        args = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        if base in _TRANSPARENT:
            return again(args[0]) if args else None
        if base == "Union":
            return _one_of([again(a) for a in args], args)
        if unwrap_containers and base in _CONTAINERS:
            return again(args[0]) if args else None
        # async_sessionmaker[AsyncSession], scoped_session[Session]
        flavour = sqla_names.class_flavour(qualname_of(node.value))
        if flavour is not None:
            return flavour.declared(f"annotated '{flavour.display}'")
    return None


def _is_none(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value is None or (
        isinstance(node, ast.Name) and node.id == "None")


def _one_of(flavours: list[Flavour | None], nodes: list[ast.expr]) -> Flavour | None:
    """``X | None``: X. Two different session types: unknown."""
    kept = [f for f, n in zip(flavours, nodes) if not _is_none(n)]
    if len(kept) == 1:
        return kept[0]
    return None


def depends_target(node: ast.expr | None, qualname_of: QualnameOf) -> ast.expr | None:
    """``Depends(dep)`` -> dep; ``Annotated[X, Depends(dep)]`` -> dep."""
    if isinstance(node, ast.Call) and node.args and sqla_names.is_fastapi_depends(qualname_of(node.func)):
        return node.args[0]
    if isinstance(node, ast.Call) and sqla_names.is_fastapi_depends(qualname_of(node.func)):
        for kw in node.keywords:
            if kw.arg == "dependency":
                return kw.value
    if isinstance(node, ast.Subscript) and _last(qualname_of(node.value), node.value) == "Annotated":
        args = node.slice.elts if isinstance(node.slice, ast.Tuple) else []
        for meta in args[1:]:
            target = depends_target(meta, qualname_of)
            if target is not None:
                return target
    return None
