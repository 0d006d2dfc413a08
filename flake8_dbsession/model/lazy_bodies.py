"""Module facts keep their top-level functions and classes as names and lines, until asked.

Module facts bind each top-level ``def`` and ``class`` to its node, and most of a module's nodes
are in those definitions. Kept for the rest of the run, they made every full pass of the garbage
collector (flake8's own passes too) walk them: on Airflow, 3.4 million more objects scanned over
the run than flake8 alone, about 1.7 s. Few of them are ever read (a factory's ``yield``, a
method's ``await``, a decorator), so :func:`shed` drops every field that holds nodes (body,
arguments, decorators, return annotation, bases), and the first read of any of them parses that
definition's own lines again from the module's text, which the index keeps anyway (strings cost
the collector nothing).

A shed node is an instance of a subclass of its ``ast`` class with the same name (astroid's tree
rebuilder dispatches on the class name), so ``isinstance`` tests and ``_fields`` walks see what
they always saw; tables keyed by the exact node type (the session model's handlers) list the
subclasses of :data:`LAZY_DEFINITIONS` too. Only definitions in column 0 are shed: their lines
parse on their own.
"""
from __future__ import annotations

import ast
import re

from flake8_dbsession.parsing import parse

# a line break as the tokenizer counts lines: \n, \r\n or a lone \r
_LINE_END = re.compile(r"(?<=\n)|(?<=\r)(?!\n)")
# the fields that hold nodes (names, line numbers and type comments stay)
_SHED_FIELDS = {
    ast.FunctionDef: ("args", "body", "decorator_list", "returns", "type_params"),
    ast.AsyncFunctionDef: ("args", "body", "decorator_list", "returns", "type_params"),
    # a class keeps its header (bases, keywords, decorators: a few nodes) and an index of its
    # methods, so that finding one method, or a base to look in next, parses no more than that
    ast.ClassDef: ("body",),
}


def _field(name: str) -> property:
    def read(node: ast.AST):
        fields = node.__dict__.get("_fields_read")
        if fields is None:
            fields = node.__dict__["_fields_read"] = _parse_fields(node)
        return fields[name]

    def write(node: ast.AST, value) -> None:
        read(node)
        node.__dict__["_fields_read"][name] = value

    return property(read, write)


def _lazy(base: type) -> type:
    shed = [name for name in _SHED_FIELDS[base] if name in base._fields]
    return type(base.__name__, (base,), {"__module__": __name__, "_base": base, "_shed": tuple(shed),
                                         **{name: _field(name) for name in shed}})


LAZY_DEFINITIONS = {base: _lazy(base) for base in _SHED_FIELDS}

# (body, module source) of the classes read since the last shed_read_classes()
_read_classes: list[tuple[list[ast.stmt], list]] = []


def _parse_fields(node: ast.AST) -> dict[str, object]:
    """The shed fields of a definition, parsed from its own lines (line numbers as in the
    module); from the whole module when its lines do not parse alone (``def f(): pass; x = (``).
    A class read this way has its methods shed in turn, after the file being linted
    (:func:`shed_read_classes`): a class is read to find one method, and keeping all of them made
    every read class (Airflow's 3,000-line ``TaskInstance``) stay whole for the rest of the run."""
    source = node.__dict__["_source"]  # [the module's text, its lines once split], one per module
    first = node.__dict__["_first_line"]  # its first decorator's line, or its own
    text: str = source[0]
    if source[1] is None:
        source[1] = _LINE_END.split(text)
    own = "".join(source[1][first - 1:node.end_lineno])
    # blank lines in front give the definition its lines in the module (cheaper than moving every
    # node's numbers afterwards); a method is read inside a class of one line above it
    if node.col_offset == 0:
        found = _parsed(node, "\n" * (first - 1) + own)
    else:
        found = _parsed(node, "\n" * (first - 2) + "class _:\n" + own, inside_class=True)
    found = found or _parsed(node, text, anywhere=True)
    if found is None:  # the text no longer parses: an empty definition, no crash
        empty = {"args": ast.arguments([], [], None, [], [], None, []), "returns": None,
                 "body": [ast.Pass(lineno=node.lineno, col_offset=4, end_lineno=node.lineno, end_col_offset=8)]}
        return {name: empty.get(name, []) for name in type(node)._shed}
    if isinstance(found, ast.ClassDef):
        built = node.__dict__.get("_built_methods")
        if built:  # the methods handed out from the index before: the same nodes in the body
            found.body = [built.get((s.lineno, s.name), s) if type(s) in _METHOD_KINDS else s for s in found.body]
        _read_classes.append((found.body, source))
    return {name: getattr(found, name) for name in type(node)._shed}


def _parsed(node: ast.AST, text: str, inside_class: bool = False, anywhere: bool = False) -> ast.AST | None:
    """The definition of ``node``'s kind and name on ``node``'s line in ``text``: a statement of
    the module, of its one class (``inside_class``) or (``anywhere``) at any depth."""
    try:
        tree = parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    statements = tree.body[0].body if inside_class and tree.body and isinstance(tree.body[0], ast.ClassDef) \
        else ast.walk(tree) if anywhere else tree.body
    for statement in statements:
        if type(statement) is type(node)._base and statement.name == node.name and statement.lineno == node.lineno:
            return statement
    return None


_METHOD_KINDS = (ast.FunctionDef, ast.AsyncFunctionDef)
NOT_INDEXED = object()


def indexed_method(cls: ast.ClassDef, name: str):
    """The method ``name`` of a shed class whose body has not been read, from the class's index
    (its own lines are parsed on first read, the rest of the class is not); None when the class
    defines no method of that name; :data:`NOT_INDEXED` for any other class (read its body)."""
    index = cls.__dict__.get("_methods")
    if index is None or "_fields_read" in cls.__dict__:
        return NOT_INDEXED
    entry = next((entry for entry in index if entry[0] == name), None)
    if entry is None:
        return None
    built = cls.__dict__.setdefault("_built_methods", {})
    key = (entry[2], name)
    if key not in built:
        _, kind, lineno, col, end_lineno, end_col, first = entry
        lazy = LAZY_DEFINITIONS[kind]
        node = lazy.__new__(lazy)
        node.__dict__.update(name=name, lineno=lineno, col_offset=col, end_lineno=end_lineno,
                             end_col_offset=end_col, type_comment=None, _first_line=first,
                             _source=cls.__dict__["_source"])
        built[key] = node
    return built[key]


def indexed_annotations(cls: ast.ClassDef):
    """(name, annotation) of the class-level ``name: Annotation`` statements of a shed class
    whose body has not been read (kept with its index); :data:`NOT_INDEXED` for any other class."""
    if "_annotated" not in cls.__dict__ or "_fields_read" in cls.__dict__:
        return NOT_INDEXED
    return cls.__dict__["_annotated"]


def _index_class(node: ast.ClassDef) -> None:
    """Keep with a class about to be shed the (name, kind, line, column, end line, end column,
    first line) of each method and its class-level ``name: Annotation`` statements."""
    body = node.__dict__["body"]
    node.__dict__["_methods"] = tuple(
        (stmt.name, kind, stmt.lineno, stmt.col_offset, stmt.end_lineno, stmt.end_col_offset, _first_line(stmt))
        for stmt in body
        if (kind := getattr(type(stmt), "_base", type(stmt))) in _METHOD_KINDS and stmt.end_lineno is not None)
    node.__dict__["_annotated"] = tuple((stmt.target.id, stmt.annotation) for stmt in body
                                        if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name))


def _first_line(node: ast.AST) -> int:
    """A definition's first line: its first decorator's, or its own (a shed one keeps it)."""
    if "_first_line" in node.__dict__:
        return node.__dict__["_first_line"]
    return min([node.lineno] + [d.lineno for d in node.__dict__.get("decorator_list") or []])


def shed_read_classes() -> None:
    """Shed the methods of the classes read since the last call (between linted files: the
    methods read meanwhile are not parsed twice)."""
    for body, source in _read_classes:
        _shed_all(body, source)
    _read_classes.clear()


def shed(tree: ast.Module, text: str) -> None:
    """Drop the node-holding fields of ``tree``'s column-0 functions and classes; they come back
    together on the first read of any of them."""
    _shed_all(tree.body, [text, None], top=True)


def _shed_all(statements: list[ast.stmt], source: list, top: bool = False) -> None:
    """Shed the definitions among ``statements`` (a module's, in column 0; or a class body's
    methods, whose lines parse inside a class of one line above them)."""
    for node in statements:
        lazy = LAZY_DEFINITIONS.get(type(node))
        if lazy is None or (top and node.col_offset != 0) or (not top and node.col_offset == 0) \
                or node.end_lineno is None or "body" not in node.__dict__:
            continue
        first = _first_line(node)
        if not top and first < 2:
            continue
        node.__dict__["_first_line"] = first
        if lazy._base is ast.ClassDef:
            _index_class(node)
        for name in lazy._shed:
            node.__dict__.pop(name, None)
        node.__class__ = lazy
        node.__dict__["_source"] = source
