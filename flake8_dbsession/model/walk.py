"""The one pass: an iterative depth-first walk that calls ``enter``/``leave`` on listeners.

Iterative, so a deeply nested expression (``a + a + ... + a`` ten thousand times) cannot exhaust
the interpreter's stack. Children are visited in field order, which is source order for
statements and, for ``with`` items, puts the item (and its target binding) before the body.
"""
from __future__ import annotations

import ast
from typing import Callable, Iterable, Protocol


class Listener(Protocol):
    def enter(self, node: ast.AST) -> None: ...

    def leave(self, node: ast.AST) -> None: ...


# Nodes no listener cares about: expression contexts and operators (every Name has a Load child)
# and constants. Skipping them removes about a third of the nodes of a typical module.
SKIPPED = (ast.expr_context, ast.operator, ast.boolop, ast.cmpop, ast.unaryop, ast.Constant)
_SKIPPED_TYPES = frozenset(
    [ast.Constant, ast.alias] + [cls for base in SKIPPED[:-1] for cls in base.__subclasses__()])
# fields that never hold nodes (names, numbers, flags), and annotations: the session model reads
# those from the annotated node itself, and no rule looks inside them
_SCALAR_FIELDS = frozenset({"id", "attr", "name", "arg", "module", "level", "kind", "type_comment", "is_async",
                            "simple", "conversion", "tag", "annotation", "returns", "type_params"})
_FIELDS: dict[type, tuple[str, ...]] = {}


def children(node: ast.AST) -> list[ast.AST]:
    """The child nodes that matter, in field order (source order for statements)."""
    kind = type(node)
    fields = _FIELDS.get(kind)
    if fields is None:
        fields = _FIELDS[kind] = tuple(f for f in kind._fields if f not in _SCALAR_FIELDS)
    out = []
    append = out.append
    skipped = _SKIPPED_TYPES
    for field in fields:
        value = getattr(node, field, None)
        if value is None:
            continue
        if type(value) is list:
            for item in value:
                if type(item) not in skipped and isinstance(item, ast.AST):
                    append(item)
        elif type(value) not in skipped and isinstance(value, ast.AST):
            append(value)
    return out


def walk(root: ast.AST, listeners: Iterable[Listener], prune: Callable[[ast.AST], bool] | None = None) -> None:
    """Enter and leave every node under ``root``; ``prune(node)`` True keeps the walk out of that
    node's children (it is still entered and left)."""
    listeners = list(listeners)
    enters = [listener.enter for listener in listeners]
    leaves = [listener.leave for listener in reversed(listeners)]
    stack: list[tuple[ast.AST, bool]] = [(root, False)]
    pop, push = stack.pop, stack.append
    while stack:
        node, leaving = pop()
        if leaving:
            for leave in leaves:
                leave(node)
            continue
        for enter in enters:
            enter(node)
        push((node, True))
        if prune is not None and node is not root and prune(node):
            continue
        for child in reversed(children(node)):
            push((child, False))


def walk_with_hooks(root: ast.AST, model, enter_hooks: dict, leave_hooks: dict) -> None:
    """The analysis' walk: the session model (its ``ancestors`` and ``handlers()``) sees every node
    before the rule hooks do on the way in and after them on the way out; hooks are looked up by
    node type. The same order as :func:`walk`, with the per-node calls inlined and no allocation
    per node (two parallel stacks instead of (node, leaving) tuples): this loop runs for every
    node of every linted file."""
    model_enter, model_leave = model.handlers()
    ancestors = model.ancestors
    nodes: list[ast.AST] = [root]
    leaving_flags: list[bool] = [False]
    pop_node, push_node = nodes.pop, nodes.append
    pop_flag, push_flag = leaving_flags.pop, leaving_flags.append
    get_enter, get_leave = enter_hooks.get, leave_hooks.get
    get_model_enter, get_model_leave = model_enter.get, model_leave.get
    fields_of = _FIELDS
    skipped = _SKIPPED_TYPES
    node_type = ast.AST
    while nodes:
        node = pop_node()
        kind = type(node)
        if pop_flag():
            hooks = get_leave(kind)
            if hooks:
                for hook in hooks:
                    hook(node)
            handler = get_model_leave(kind)
            if handler is not None:
                handler(node)
            ancestors.pop()
            continue
        ancestors.append(node)
        handler = get_model_enter(kind)
        if handler is not None:
            handler(node)
        hooks = get_enter(kind)
        if hooks:
            for hook in hooks:
                hook(node)
        push_node(node)
        push_flag(True)
        fields = fields_of.get(kind)
        if fields is None:
            fields = fields_of[kind] = tuple(f for f in kind._fields if f not in _SCALAR_FIELDS)
        for field in reversed(fields):  # children pushed last-first: popped in field order
            value = getattr(node, field, None)
            if value is None:
                continue
            if type(value) is list:
                for item in reversed(value):
                    if type(item) not in skipped and isinstance(item, node_type):
                        push_node(item)
                        push_flag(False)
            elif type(value) not in skipped and isinstance(value, node_type):
                push_node(value)
                push_flag(False)


_NESTED = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)
# expression contexts and operators: every Name has a Load/Store child, and no caller looks at them
_NO_CHILD_TYPES = frozenset(cls for base in SKIPPED[:-1] for cls in base.__subclasses__())


def own_nodes(func: ast.AST) -> list[ast.AST]:
    """The nodes of a function body that belong to it: nested defs, lambdas and classes are
    listed but not entered; expression contexts and operators are left out. Depth-first, last
    child first (the order callers have always seen). Many rules ask this of the same functions,
    so it is one loop over ``_fields`` rather than ``ast.iter_child_nodes`` generators."""
    out: list[ast.AST] = []
    append = out.append
    node_type, skipped, nested = ast.AST, _NO_CHILD_TYPES, _NESTED
    stack = [child for child in ast.iter_child_nodes(func) if type(child) not in skipped]
    pop, push = stack.pop, stack.append
    while stack:
        node = pop()
        append(node)
        if isinstance(node, nested):
            continue
        for field in node._fields:
            value = getattr(node, field, None)
            if type(value) is list:
                for item in value:
                    if isinstance(item, node_type) and type(item) not in skipped:
                        push(item)
            elif isinstance(value, node_type) and type(value) not in skipped:
                push(value)
    return out


_BLOCKS = frozenset(("body", "orelse", "finalbody", "handlers", "cases"))


def own_statements(func: ast.AST) -> list[ast.AST]:
    """The statements of a function body that belong to it (and its ``except`` handlers and
    ``case`` clauses), nested definitions listed but not entered: what :func:`own_nodes` finds
    of statements, in its order, without walking a single expression."""
    out: list[ast.AST] = []
    stack = list(getattr(func, "body", ()))
    while stack:
        node = stack.pop()
        out.append(node)
        if isinstance(node, _NESTED):
            continue
        for field in node._fields:  # in field order, as own_nodes: the same one wins a name bound twice
            if field in _BLOCKS:
                value = getattr(node, field, None)
                if type(value) is list:
                    stack.extend(value)
    return out
