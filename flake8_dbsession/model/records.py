"""Record classes of the project (``@dataclass``, ``NamedTuple``, pydantic models): the field a
constructor argument lands in, and whether that field's annotation could hold an awaitable.

``TableResults(name, conn.run_sync(check))`` where ``TableResults`` is a dataclass whose second
field is ``results: list[Result]``: the coroutine is stored where a list is declared, so nothing
will ever await it (langflow 8e12ca4)."""
from __future__ import annotations

import ast

from flake8_dbsession.model.classes import ClassMethods
from flake8_dbsession.model.syntax import called_name

_RECORD_BASES = {"NamedTuple", "BaseModel", "SQLModel", "TypedDict"}
_RECORD_DECORATORS = {"dataclass", "define", "frozen", "attrs", "dataclasses.dataclass"}
# annotations made only of these names hold plain values, never a coroutine
_PLAIN = {"str", "int", "float", "bool", "bytes", "list", "dict", "set", "frozenset", "tuple",
          "List", "Dict", "Set", "FrozenSet", "Tuple", "Sequence", "Mapping", "Optional", "None",
          "datetime", "date", "Decimal", "UUID"}


def record_class(model, resolver, func: ast.expr) -> ast.ClassDef | None:
    """The first-party record class that ``func`` names, or None."""
    if not isinstance(func, ast.Name):
        return None
    definition = resolver.definition if resolver is not None else (lambda qualname: (None, None))
    found = ClassMethods(lambda name: model.scope.lookup(name)[1], model.qualname, definition) \
        .resolve(func, model.qualname, None)
    if found is None:
        return None
    cls = found.node
    if any(called_name(d) in _RECORD_DECORATORS for d in cls.decorator_list) \
            or any(called_name(b) in _RECORD_BASES for b in cls.bases):
        return cls
    return None


def field_annotation(cls: ast.ClassDef, call: ast.Call, arg: ast.expr) -> ast.expr | None:
    """The annotation of the field that ``arg`` (an argument of ``call``) fills, or None."""
    fields = [stmt for stmt in cls.body if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name)]
    for index, value in enumerate(call.args):
        if value is arg:
            if any(isinstance(a, ast.Starred) for a in call.args[:index + 1]):
                return None
            return fields[index].annotation if index < len(fields) else None
    for keyword in call.keywords:
        if keyword.value is arg and keyword.arg is not None:
            names = {f.target.id: f.annotation for f in fields}  # type: ignore[attr-defined]
            return names.get(keyword.arg)
    return None


def holds_plain_values(annotation: ast.expr) -> bool:
    """``list[Result]``, ``str | None``, ``dict[str, int]``: names only of plain types and of
    classes, so no coroutine belongs there. ``Any``, ``Awaitable``, a bare TypeVar-looking name,
    a string annotation: not evidence."""
    names = []
    for node in ast.walk(annotation):
        if isinstance(node, ast.Name):
            names.append(node.id)
        elif isinstance(node, ast.Attribute):
            names.append(node.attr)
        elif isinstance(node, ast.Constant) and node.value is not None:
            return False  # a string annotation: not read
    if not names:
        return False
    return all(name in _PLAIN or (len(name) > 1 and name[0].isupper() and not name.isupper()
                                  and name not in _MAYBE_AWAITABLE) for name in names)


_MAYBE_AWAITABLE = {"Any", "Awaitable", "Coroutine", "Task", "Future", "Callable", "Generator",
                    "AsyncGenerator", "AsyncIterator", "Iterator", "Iterable", "Union", "Object",
                    "Generic", "TypeVar", "ParamSpec"}
