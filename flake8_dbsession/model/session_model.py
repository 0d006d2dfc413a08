"""The session model: during the one walk of a file, what each expression is.

It keeps scopes and bindings as the walk goes (imports, assignments, ``with`` targets, parameters,
``self.x`` set in ``__init__``) and answers :meth:`SessionModel.flavour` for any expression at the
current point of the walk. Every rule reads it; no rule re-derives these facts.

Cross-module answers plug in through :class:`Resolver`: the foundation ships one that knows
nothing, the project index supplies a real one.
"""
from __future__ import annotations

import ast

from flake8_dbsession.findings import source_text
from flake8_dbsession.model import sqla_names, wrappers
from flake8_dbsession.model.annotations import annotation_flavour
from flake8_dbsession.model.bindings import _ENTER, _KEEPS_MEMO, _LEAVE, Bindings, NeedsResolver, _prefer_construction
from flake8_dbsession.model.construction import agree, await_flavour, call_flavour, configured_factory
from flake8_dbsession.model.flavour import Flavour, Kind
from flake8_dbsession.model.functions import (
    FunctionProducts, Product, callable_class_flavour, init_attribute_annotation)
from flake8_dbsession.model.syntax import all_args, dotted_prefixes
from flake8_dbsession.model.scopes import Deferred, Imported, LocalClass, Scope, StrConstant, TypeAlias
from flake8_dbsession.settings import Settings

__all__ = ["NeedsResolver", "Resolver", "SessionModel"]
# attributes of async objects that lead to their sync twin: deliberately unknown (I/O through
# them raises MissingGreenlet; harmless calls must stay silent)
_SYNC_TWIN_ATTRS = {"sync_session", "sync_engine", "sync_connection"}


class Resolver:
    """Answers about names imported from other modules of the project. This one knows nothing."""

    costly = False  # a real resolver reads other modules: bindings that need it are deferred

    def flavour_of_import(self, qualname: str) -> Flavour | None:
        return None

    def product_of_import(self, qualname: str) -> Product | None:
        return None


class SessionModel(Bindings):
    def __init__(self, settings: Settings | None = None, resolver: Resolver | None = None,
                 module_scope: Scope | None = None) -> None:
        self.settings = settings or Settings()
        self.resolver = resolver or Resolver()
        self.module_scope = module_scope
        self.scope: Scope = module_scope if module_scope is not None else Scope("module", ast.Module(), None)
        self.ancestors: list[ast.AST] = []
        self.products = FunctionProducts(self)
        self.wrappers = wrappers.WrapperBindings(self)
        # answers for the node being visited: bindings change only inside enter/leave, so every
        # rule hook of one node may share them. Entries hold the node itself, so its id cannot be
        # reused by a temporary node (a parsed string annotation) while the entry lives.
        self._memo: dict[tuple[int, str], tuple[ast.AST, object]] = {}
        self._deferring = False
        self._scopes: list[Scope] = []  # every scope this model opened (see dispose)

    def _open(self, scope: Scope) -> Scope:
        self._scopes.append(scope)
        return scope

    def dispose(self) -> None:
        """Break the reference cycles a walk leaves (scopes and the deferred bindings in them, the
        model and its function products), so that reference counting frees the file's tree and
        bindings as soon as the caller drops them. Left to the garbage collector, every linted
        file's tree would survive into its oldest generation and slow each of its full passes."""
        for scope in self._scopes:
            scope.names.clear()
            scope.attrs.clear()
            scope.queries.clear()
            scope.wrappers = None
        self._scopes.clear()
        self._memo.clear()
        self.ancestors.clear()
        self.products = None  # type: ignore[assignment]  # the model is not used after this
        self.wrappers = None  # type: ignore[assignment]

    # ------------------------------------------------------------------ walk hooks
    def enter(self, node: ast.AST) -> None:
        self.ancestors.append(node)
        method = _ENTER.get(type(node))
        if method is not None:
            if type(node) not in _KEEPS_MEMO:
                self._memo.clear()  # bindings may change: memoised answers may not hold any more
            method(self, node)

    def leave(self, node: ast.AST) -> None:
        method = _LEAVE.get(type(node))
        if method is not None:
            self._memo.clear()
            method(self, node)
        self.ancestors.pop()

    def handlers(self) -> tuple[dict, dict]:
        """{node type: bound handler} for entering and leaving, for a walk that dispatches itself
        (:func:`walk_with_hooks`); the walk keeps ``ancestors`` and calls these as enter/leave do."""

        def bound(method):
            def handler(node, _memo=self._memo, _self=self, _method=method):
                _memo.clear()
                _method(_self, node)
            return handler

        def unbound(method):  # hooks that clear the memo themselves, only when they change a binding
            return lambda node, _self=self, _method=method: _method(_self, node)

        return ({t: (unbound if t in _KEEPS_MEMO else bound)(m) for t, m in _ENTER.items()},
                {t: bound(m) for t, m in _LEAVE.items()})

    @property
    def parent(self) -> ast.AST | None:
        """The parent of the node being visited."""
        return self.ancestors[-2] if len(self.ancestors) > 1 else None

    def parent_of_ancestor(self, depth: int) -> ast.AST | None:
        index = len(self.ancestors) - 1 - depth
        return self.ancestors[index] if index >= 0 else None

    @property
    def function_scope(self) -> Scope | None:
        return self.scope.function

    @property
    def in_async_function(self) -> bool:
        func = self.scope.function
        return func is not None and func.kind == "function" and func.is_async

    # ------------------------------------------------------------------ questions
    def qualname(self, expr: ast.expr) -> str | None:
        """``orm.Session`` -> ``sqlalchemy.orm.Session`` through the file's imports."""
        key = (id(expr), "q")
        hit = self._memo.get(key)
        if hit is not None and hit[0] is expr:
            return hit[1]  # type: ignore[return-value]
        answer = self._qualname(expr)
        self._memo[key] = (expr, answer)
        return answer

    def _qualname(self, expr: ast.expr) -> str | None:
        attrs: list[str] = []
        while isinstance(expr, ast.Attribute):  # iterative: attribute chains can be very long
            attrs.append(expr.attr)
            expr = expr.value
        if not isinstance(expr, ast.Name):
            return None
        found, binding = self.scope.lookup(expr.id)
        if not (found and isinstance(binding, Imported)):
            return None
        return ".".join([binding.qualname, *reversed(attrs)])

    def annotation(self, node: ast.expr | None, unwrap_containers: bool = False) -> Flavour | None:
        found = annotation_flavour(node, self._class_qualname, self._type_alias, unwrap_containers)
        if found is None and isinstance(node, ast.Name) and not unwrap_containers:
            found = self._callable_class(node)
        return found

    def _inherited_attribute(self, cls: ast.ClassDef, attr: str, depth: int = 0) -> Flavour | None:
        """``self.Session`` set by a base class's ``__init__`` from a parameter it annotates
        (skyvern's repositories: ``BaseRepository.__init__(self, session_factory: _SessionFactory)``
        then ``self.Session = session_factory``)."""
        for base in cls.bases:
            if not isinstance(base, ast.Name) or depth > 3:
                continue
            binding = self.module_scope.lookup(base.id)[1] if self.module_scope is not None else None
            if isinstance(binding, LocalClass) and binding.node is not cls:
                annotation = init_attribute_annotation(binding.node, attr)
                if annotation is not None:
                    return self.annotation(annotation)
                found = self._inherited_attribute(binding.node, attr, depth + 1)
                if found is not None:
                    return found
            elif isinstance(binding, Imported):
                inherited = getattr(self.resolver, "inherited_attribute", None)
                if inherited is not None:
                    if self._deferring and self.resolver.costly:
                        raise NeedsResolver
                    found = inherited(binding.qualname, attr)
                    if found is not None:
                        return found
        return None

    def _typed_attribute(self, expr: ast.Attribute) -> Flavour | None:
        """``info.context.db`` where ``info: Info[Context, None]`` (strawberry) and ``Context``
        declares ``db: DbSessionFactory``: the flavour the last field's annotation gives, read
        through the classes the parameter's annotation and the fields name (phoenix's resolvers)."""
        chain: list[str] = [expr.attr]
        root = expr.value
        while isinstance(root, ast.Attribute):
            chain.append(root.attr)
            root = root.value
        func = self.scope.function
        if not isinstance(root, ast.Name) or func is None or len(chain) > 4:
            return None
        found, binding = func.lookup(root.id)
        arg = next((a for a in all_args(func.node.args) if a.arg == root.id), None) \
            if found and binding is None and isinstance(func.node, (ast.FunctionDef, ast.AsyncFunctionDef)) else None
        typed = getattr(self.resolver, "field_flavour", None)
        if arg is None or arg.annotation is None or typed is None:
            return None
        annotation = arg.annotation
        if isinstance(annotation, ast.Subscript) and chain[-1] == "context" \
                and (self.qualname(annotation.value) or "").startswith("strawberry"):
            chain.pop()  # Info[Context, Root].context is a Context
            inner = annotation.slice
            annotation = inner.elts[0] if isinstance(inner, ast.Tuple) and inner.elts else inner
        qualname = self.qualname(annotation) if isinstance(annotation, (ast.Name, ast.Attribute)) else None
        if not qualname or "." not in qualname or not chain:
            return None
        if self._deferring and self.resolver.costly:
            raise NeedsResolver
        return typed(qualname, tuple(reversed(chain)))

    def _callable_class(self, node: ast.Name) -> Flavour | None:
        """An annotation naming a first-party class whose ``__call__`` gives a session."""
        binding = self.scope.lookup(node.id)[1]
        if isinstance(binding, LocalClass):
            return callable_class_flavour(binding.node, self.products)
        if not isinstance(binding, Imported):
            return None
        call_flavour = getattr(self.resolver, "call_flavour", None)
        if call_flavour is None:
            return None
        if self._deferring and self.resolver.costly:
            raise NeedsResolver
        return call_flavour(binding.qualname)

    def _class_qualname(self, expr: ast.expr) -> str | None:
        """:meth:`qualname`, following a first-party re-export of a SQLAlchemy class
        (``from app.db import AsyncSession`` where app/db.py imports it from sqlalchemy). Only
        names spelled like one of SQLAlchemy's session classes are followed: other annotations
        (``user: User``) never make another module be read."""
        qualname = self.qualname(expr)
        if qualname is None or qualname.rsplit(".", 1)[-1] not in sqla_names.CLASS_NAMES \
                or sqla_names.class_flavour(qualname) is not None:
            return qualname
        origin = getattr(self.resolver, "origin", None)
        if origin is None:
            return qualname
        if self._deferring and self.resolver.costly:
            raise NeedsResolver
        return origin(qualname) or qualname

    def _type_alias(self, name: str) -> ast.expr | None:
        found, binding = self.scope.lookup(name)
        return binding.node if found and isinstance(binding, TypeAlias) else None

    def string_constant(self, expr: ast.expr) -> str | None:
        """A string literal, or a module constant assigned one in this file."""
        if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
            return expr.value
        if isinstance(expr, ast.Name):
            found, binding = self.scope.lookup(expr.id)
            if found and isinstance(binding, StrConstant):
                return binding.value
        return None

    def async_session(self, expr: ast.expr | None) -> Flavour | None:
        """The flavour of ``expr`` when it is an AsyncSession (sqlmodel's included), else None."""
        flavour = self.flavour(expr)
        return flavour if flavour is not None and flavour.kind is Kind.SESSION and flavour.is_async else None

    def flavour(self, expr: ast.expr | None) -> Flavour | None:
        """What ``expr`` evaluates to, at this point of the walk; None when there is no evidence."""
        if expr is None:
            return None
        key = (id(expr), "f")
        hit = self._memo.get(key)
        if hit is not None and hit[0] is expr:
            return hit[1]  # type: ignore[return-value]
        answer = self._flavour(expr)
        if answer is not None and answer.declared_only and self._flavour_tested(expr):
            answer = None  # the code checks at run time what the annotation claims: trust neither
        self._memo[key] = (expr, answer)
        return answer

    def _flavour_tested(self, expr: ast.expr) -> bool:
        func = self.scope.function
        if func is None or not func.checked:
            return False
        return any(text in func.checked for text in dotted_prefixes(expr))

    def _flavour(self, expr: ast.expr) -> Flavour | None:
        if isinstance(expr, ast.Name):
            return self._name_flavour(expr)
        if isinstance(expr, ast.Attribute):
            return self._attribute_flavour(expr)
        if isinstance(expr, ast.Call):
            return call_flavour(self, expr)
        if isinstance(expr, ast.Await):
            return await_flavour(self, expr)
        if isinstance(expr, ast.NamedExpr):
            return self.flavour(expr.value)
        if isinstance(expr, ast.IfExp):
            return agree([self.flavour(expr.body), self.flavour(expr.orelse)])
        if isinstance(expr, ast.BoolOp) and isinstance(expr.op, ast.Or):
            return agree([self.flavour(v) for v in expr.values])
        return None

    # ------------------------------------------------------------------ the resolver, lazily
    def resolve_flavour(self, qualname: str) -> Flavour | None:
        if self._deferring and self.resolver.costly:
            raise NeedsResolver
        return self.resolver.flavour_of_import(qualname)

    def resolve_product(self, qualname: str):
        if self._deferring and self.resolver.costly:
            raise NeedsResolver
        return self.resolver.product_of_import(qualname)

    def _try(self, compute, deferred: Deferred):
        """Binding time: compute now unless that needs another module; then defer."""
        if not self.resolver.costly:
            return compute()
        saved = self._deferring
        self._deferring = True
        try:
            return compute()
        except NeedsResolver:
            return deferred
        finally:
            self._deferring = saved

    def settle(self, binding):
        """The flavour of a deferred binding, worked out now (in the scope it was bound in)."""
        if not isinstance(binding, Deferred):
            return binding
        if binding.settling:
            return None  # a binding that reads itself: no evidence
        binding.settling = True
        names = binding.scope.names
        restore = binding.name and names.get(binding.name) is binding
        if restore:
            names[binding.name] = binding.previous  # the right-hand side sees the earlier binding
        saved_scope, saved_deferring = self.scope, self._deferring
        self.scope, self._deferring = binding.scope, False
        saved_memo, self._memo = self._memo, {}
        try:
            if binding.how == "param":
                result = self.parameter_flavour(binding.node, binding.default)
            elif binding.how == "entered":
                result = self.entered(binding.node)
            else:
                built = self.flavour(binding.node)
                result = _prefer_construction(built, binding.declared, binding.name) if built is not None \
                    else binding.declared
        finally:
            self.scope, self._deferring, self._memo = saved_scope, saved_deferring, saved_memo
            if restore:
                names[binding.name] = binding
            binding.settling = False
        return result

    def _name_flavour(self, expr: ast.Name) -> Flavour | None:
        found, binding = self.scope.lookup(expr.id)
        if isinstance(binding, Deferred):
            if self._deferring:
                raise NeedsResolver  # binding from a deferred binding: defer this one too
            settled = self.settle(binding)
            if binding.scope.names.get(expr.id) is binding:
                binding.scope.names[expr.id] = settled
            return settled
        if isinstance(binding, Flavour):
            return binding
        if isinstance(binding, Imported):
            return (configured_factory(self, binding.qualname, expr.id)
                    or self.resolve_flavour(binding.qualname))
        if not found:
            return configured_factory(self, None, expr.id)
        return None

    def self_class(self, expr: ast.expr) -> Scope | None:
        """The enclosing class's scope when ``expr`` is the current method's own ``self`` (not
        rebound to something else), else None."""
        func = self.scope.function
        if func is None or func.class_scope is None or not isinstance(expr, ast.Name) or expr.id != func.self_name:
            return None
        found, binding = func.lookup(expr.id)
        return func.class_scope if found and binding is None else None

    def _attribute_flavour(self, expr: ast.Attribute) -> Flavour | None:
        if expr.attr in _SYNC_TWIN_ATTRS:
            return None
        value = expr.value
        func = self.scope.function
        if isinstance(value, ast.Name) and func is not None and func.self_name == value.id \
                and func.class_scope is not None:
            cls = self.self_class(value)
            if cls is not None:
                attrs = cls.attrs
                if expr.attr not in attrs and isinstance(cls.node, ast.ClassDef) and cls.node.bases:
                    return self._inherited_attribute(cls.node, expr.attr)
                value = attrs.get(expr.attr)
                if isinstance(value, Deferred):
                    if self._deferring:
                        raise NeedsResolver
                    settled = self.settle(value)
                    if attrs.get(expr.attr) is value:
                        attrs[expr.attr] = settled
                    return settled
                return value
            return None
        qualname = self.qualname(expr)
        found = None
        if qualname is not None:
            found = configured_factory(self, qualname, expr.attr) or self.resolve_flavour(qualname)
        if found is None and isinstance(expr.value, (ast.Name, ast.Attribute)):
            found = self._typed_attribute(expr)
        if found is None and expr.attr in ("engine", "session"):
            owner = self.flavour(expr.value)
            if owner is not None and owner.kind is Kind.EXTENSION:
                return sqla_names.extension_attribute(expr.attr, source_text(expr))
        return found

    def entered(self, expr: ast.expr) -> Flavour | None:
        """The target of ``with expr as target`` / ``async with``."""
        flavour = self.flavour(expr)
        if flavour is None:
            return None
        if flavour.kind is Kind.CONTEXT:
            return flavour.product
        if flavour.kind in (Kind.SESSION, Kind.CONNECTION, Kind.TRANSACTION):
            return flavour
        return None

    def dependency_product(self, dep: ast.expr) -> Flavour | None:
        """What FastAPI injects for ``Depends(dep)``: what dep returns or yields."""
        product = self.products.of_callable(dep)
        if product is not None and product.flavour is not None and not product.context:
            return product.flavour
        flavour = self.flavour(dep)
        if flavour is not None and flavour.kind in (Kind.FACTORY, Kind.REGISTRY):
            return flavour.product
        return None
