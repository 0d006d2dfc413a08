"""How an expression's value is used by the node around it: awaited, thrown away, truth-tested..."""
from __future__ import annotations

import ast
import enum


class Use(enum.Enum):
    AWAITED = "awaited"
    DISCARDED = "discarded"  # an expression statement
    TRUTH = "truth"  # if / while / assert / not / and-or operand
    COMPARED_TO_NONE = "compared"  # x is None, x == None
    ATTRIBUTE = "attribute"  # x.attr
    BOUND = "bound"  # name = x
    ITERATED = "iterated"  # for x in <value>
    ASYNC_WITH = "async with"
    WITH = "with"
    OTHER = "other"  # returned, passed on, stored: it may be awaited elsewhere


def use_of(node: ast.AST, parent: ast.AST | None, grandparent: ast.AST | None = None) -> Use:
    if isinstance(parent, ast.Await):
        return Use.AWAITED
    if isinstance(parent, ast.Expr):
        return Use.DISCARDED
    if isinstance(parent, (ast.If, ast.While, ast.IfExp, ast.Assert)) and parent.test is node:
        return Use.TRUTH
    if isinstance(parent, ast.UnaryOp) and isinstance(parent.op, ast.Not):
        return Use.TRUTH
    if isinstance(parent, ast.BoolOp) and parent.values and parent.values[-1] is not node:
        return Use.TRUTH
    if isinstance(parent, ast.Compare) and len(parent.ops) == 1 and _is_none(
            parent.comparators[0] if parent.left is node else parent.left) and isinstance(
            parent.ops[0], (ast.Is, ast.IsNot, ast.Eq, ast.NotEq)):
        return Use.COMPARED_TO_NONE
    if isinstance(parent, (ast.For, ast.comprehension)) and parent.iter is node:
        return Use.ITERATED
    if isinstance(parent, ast.Attribute) and parent.value is node:
        return Use.ATTRIBUTE
    if isinstance(parent, ast.Assign) and parent.value is node and len(parent.targets) == 1 \
            and isinstance(parent.targets[0], ast.Name):
        return Use.BOUND
    if isinstance(parent, ast.AnnAssign) and parent.value is node and isinstance(parent.target, ast.Name):
        return Use.BOUND
    if isinstance(parent, ast.withitem) and parent.context_expr is node:
        return Use.ASYNC_WITH if isinstance(grandparent, ast.AsyncWith) else Use.WITH
    return Use.OTHER


def bound_name(parent: ast.AST) -> str | None:
    if isinstance(parent, ast.Assign):
        return parent.targets[0].id  # type: ignore[attr-defined]
    if isinstance(parent, ast.AnnAssign):
        return parent.target.id  # type: ignore[attr-defined]
    return None


def _is_none(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and node.value is None
