"""Scopes and what a name is bound to in them."""
from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import Union

from flake8_dbsession.model.flavour import Flavour


@dataclass(frozen=True)
class Imported:
    """A name bound by an import: ``qualname`` is absolute, or starts with dots when relative."""

    qualname: str


@dataclass(frozen=True)
class LocalDef:
    """A function defined in this file."""

    node: ast.FunctionDef | ast.AsyncFunctionDef


@dataclass(frozen=True)
class LocalClass:
    """A class defined in this file (its methods are looked into by the slow-I/O detector)."""

    node: ast.ClassDef


@dataclass(frozen=True)
class Instance:
    """``Files = FilesTable()`` at module level: an instance of a class of this module, whose
    methods ``Files.get_file_by_id(...)`` runs (open-webui's table singletons)."""

    cls: ast.ClassDef


@dataclass(frozen=True)
class TypeAlias:
    """``SessionDep = Annotated[AsyncSession, Depends(get_db)]``: an annotation kept under a name."""

    node: ast.expr


@dataclass(frozen=True)
class StrConstant:
    """``DATABASE_URL = "postgresql://..."`` at module level."""

    value: str


@dataclass(eq=False)
class Deferred:
    """A binding whose flavour needs another module (the resolver): worked out on first use, so
    the many names never asked about cost nothing. ``how`` is "value" (``x = expr``), "entered"
    (``with expr as x``) or "param" (``node`` is the ast.arg, ``default`` its default)."""

    how: str
    node: ast.AST
    scope: "Scope"
    default: ast.expr | None = None
    declared: Flavour | None = None  # an annotation to fall back on (construction wins)
    name: str = ""
    previous: object = None  # what the name was bound to before: ``x = x or make()`` reads it
    settling: bool = False


Binding = Union[Flavour, Imported, LocalDef, LocalClass, Instance, TypeAlias, StrConstant, Deferred, None]


@dataclass
class Scope:
    kind: str  # "module" | "class" | "function" | "lambda"
    node: ast.AST
    parent: Scope | None
    is_async: bool = False
    names: dict[str, Binding] = field(default_factory=dict)
    # class scopes: attribute name -> flavour of self.<name> (None when contradictory)
    attrs: dict[str, Flavour | Deferred | None] = field(default_factory=dict)
    # methods: the name of the first parameter (self / cls) and the class scope
    self_name: str | None = None
    class_scope: Scope | None = None
    # functions: objects whose flavour the code tests at run time (``if is_async_maker(maker):``,
    # ``isinstance(s, AsyncSession)``, ``if self.is_async:``), as dotted text; from the test on,
    # their annotations are not evidence (see SessionModel.flavour)
    checked: set[str] = field(default_factory=set)
    # functions: names bound to a Query (``q = db.query(M)``; ``q = q.filter(...)``) -> (the
    # session expression, its flavour), so ``q.all()`` is known to run on ``db``
    queries: dict[str, tuple] = field(default_factory=dict)
    # functions: names bound to objects wrapping a session (``repo = Repo(session)``); classes:
    # attributes ``__init__`` binds to such objects, worked out on first use (see model.wrappers)
    wrappers: dict[str, object] | None = None

    def lookup(self, name: str) -> tuple[bool, Binding]:
        """Python's rule: this scope, then enclosing function scopes and the module, never a
        class scope other than the innermost."""
        scope = self._binding_scope(name)
        return (True, scope.names[name]) if scope is not None else (False, None)

    def binding_kind(self, name: str) -> str | None:
        """The kind of scope ('module', 'function'...) whose binding of ``name`` a read here sees."""
        scope = self._binding_scope(name)
        return scope.kind if scope is not None else None

    def _binding_scope(self, name: str) -> Scope | None:
        scope: Scope | None = self
        first = True
        while scope is not None:
            if (first or scope.kind != "class") and name in scope.names:
                return scope
            first = False
            scope = scope.parent
        return None

    @property
    def function(self) -> Scope | None:
        """The innermost def/lambda scope (None at module or class level)."""
        scope: Scope | None = self
        while scope is not None and scope.kind not in ("function", "lambda"):
            if scope.kind == "module":
                return None
            scope = scope.parent
        return scope
