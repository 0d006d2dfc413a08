"""Receiver types: which first-party classes a receiver may be, as the code states it.

Evidence, never a guess from names: a parameter's or attribute's annotation (``X``, ``X | None``,
``Optional[X]``, ``"X"``, ``Repo[Model]``; the elements of ``list[X]`` / ``Sequence[X]`` when
iterated), a constructor call (``X(...)``: that class exactly), ``x or Default()`` (both sides),
``cast(X, ...)``, an attribute assigned in ``__init__`` (from a parameter, a constructor, or a method
of the class whose returns are constructors or whose return annotation names a class), and class
level annotations (dataclass fields, declared attributes). The answers are class *expressions*,
resolved by :class:`~flake8_dbsession.model.classes.ClassMethods` in the module that wrote them.
"""
from __future__ import annotations

import ast
from typing import NamedTuple

from flake8_dbsession.model.classes import constructed_class
from flake8_dbsession.model.syntax import class_annotations, method_of
from flake8_dbsession.model.walk import own_nodes

_WRAPPERS = {"Optional", "Union", "Annotated", "Final", "ClassVar"}
_CONTAINERS = {"list", "List", "Sequence", "Iterable", "Iterator", "set", "Set", "frozenset", "tuple", "Tuple",
               "Collection", "AsyncIterator", "AsyncIterable", "MutableSequence", "Generator"}


class TypeRef(NamedTuple):
    """A class expression and whether the value is exactly that class (a constructor) or may be
    any subclass (an annotation, a cast): the latter dispatches to overrides (decision 9)."""

    expr: ast.expr
    exact: bool


def annotation_classes(annotation: ast.expr | None, elements: bool = False) -> list[ast.expr]:
    """``Provider``, ``Provider | None``, ``Optional[Provider]``, ``"Provider"``, ``Repo[User]`` ->
    the class expressions; ``elements``: those of a container's items (``list[Provider]``)."""
    if annotation is None:
        return []
    if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
        try:
            annotation = ast.parse(annotation.value, mode="eval").body
        except (SyntaxError, ValueError, RecursionError):
            return []
    if isinstance(annotation, (ast.Name, ast.Attribute)):
        return [] if elements or _last(annotation) in _CONTAINERS or _last(annotation) == "Any" else [annotation]
    if isinstance(annotation, ast.BinOp) and isinstance(annotation.op, ast.BitOr):
        return annotation_classes(annotation.left, elements) + annotation_classes(annotation.right, elements)
    if isinstance(annotation, ast.Subscript):
        head = _last(annotation.value)
        args = annotation.slice.elts if isinstance(annotation.slice, ast.Tuple) else [annotation.slice]
        if head in _WRAPPERS:
            return [c for arg in (args[:1] if head == "Annotated" else args)
                    for c in annotation_classes(arg, elements)]
        if head in _CONTAINERS:
            return [c for arg in args[:1] for c in annotation_classes(arg)] if elements else []
        return [] if elements else annotation_classes(annotation.value)  # Repo[User]: the generic class
    return []


def _last(expr: ast.expr) -> str | None:
    return expr.id if isinstance(expr, ast.Name) else expr.attr if isinstance(expr, ast.Attribute) else None


def value_types(value: ast.expr, params: dict[str, ast.expr | None]) -> list[TypeRef | str]:
    """What an assigned value may be: a parameter's annotated classes, a constructor (exact), a
    ``cast``, both sides of ``a or B()`` / ``a if c else B()``; ``self.method()`` gives the
    method's name (read by the caller, which knows the class)."""
    values = value.values if isinstance(value, ast.BoolOp) else \
        [value.body, value.orelse] if isinstance(value, ast.IfExp) else [value]
    out: list[TypeRef | str] = []
    for item in values:
        if isinstance(item, ast.Name) and item.id in params:
            out += [TypeRef(c, False) for c in annotation_classes(params[item.id])]
        elif isinstance(item, ast.Call) and _last(item.func) == "cast" and item.args:
            out += [TypeRef(c, False) for c in annotation_classes(item.args[0])]
        elif constructed_class(item) is not None:
            out.append(TypeRef(constructed_class(item), True))
        elif isinstance(item, ast.Call) and isinstance(item.func, ast.Attribute) \
                and isinstance(item.func.value, ast.Name) and item.func.value.id in ("self", "cls"):
            out.append(item.func.attr)  # self._get_embeddings()
    return out


def attribute_classes(cls: ast.ClassDef) -> dict[str, list[TypeRef | str]]:
    """``self.provider = provider or YahooFinanceProvider()`` in ``__init__`` -> {'provider': [the
    parameter's annotated class, YahooFinanceProvider]}; class-level ``provider: Provider`` (a
    dataclass field, a declared attribute) too. Every class the attribute may hold, in order."""
    out: dict[str, list[TypeRef | str]] = {}
    for name, annotation in class_annotations(cls):
        refs = [TypeRef(c, False) for c in annotation_classes(annotation)]
        if refs:
            out[name] = refs
    init = method_of(cls, "__init__")
    if init is None:
        return out
    params = {a.arg: a.annotation for a in init.args.posonlyargs + init.args.args + init.args.kwonlyargs}
    for node in own_nodes(init):
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            target, value = node.target, node.value
            if isinstance(target, ast.Attribute):
                out.setdefault(target.attr, []).extend(TypeRef(c, False) for c in annotation_classes(node.annotation))
        else:
            continue
        if not (isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == "self"):
            continue
        refs = value_types(value, params)
        if refs:
            out.setdefault(target.attr, []).extend(r for r in refs if r not in out.get(target.attr, []))
    return out


def narrowed_attributes(func: ast.AST, nodes: list[ast.AST] | None = None) -> dict[str, list[TypeRef]]:
    """``self.model_type_instance = cast(LargeLanguageModel, self.model_type_instance)`` (or a
    constructor) inside ``func`` itself: what the attribute is for the rest of that body
    (``nodes``: its :func:`own_nodes`, when already walked)."""
    out: dict[str, list[TypeRef]] = {}
    for node in own_nodes(func) if nodes is None else nodes:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == "self":
                refs = [r for r in value_types(node.value, {}) if isinstance(r, TypeRef)]
                if refs:
                    out[target.attr] = refs
    return out


def returned_types(func: ast.FunctionDef | ast.AsyncFunctionDef) -> list[TypeRef]:
    """What a function returns: its constructors when every ``return`` builds one (exact), else
    its return annotation's classes."""
    returns = [n for n in own_nodes(func) if isinstance(n, ast.Return)]
    built = [constructed_class(r.value) for r in returns if r.value is not None]
    if returns and all(b is not None for b in built):
        return [TypeRef(b, True) for b in built]
    return [TypeRef(c, False) for c in annotation_classes(func.returns)]
