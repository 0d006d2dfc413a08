"""The session model: during the one walk of a file, what each expression is.

It keeps scopes and bindings as the walk goes (imports, assignments, ``with`` targets, parameters,
``self.x`` set in ``__init__``) and answers :meth:`SessionModel.flavour` for any expression at the
current point of the walk. Every rule reads it; no rule re-derives these facts.

Cross-module answers plug in through :class:`Resolver`: the foundation ships one that knows
nothing, the project index supplies a real one.
"""
from __future__ import annotations

import ast
from dataclasses import replace

from flake8_dbsession.findings import source_text
from flake8_dbsession.model.annotations import annotation_flavour, depends_target
from flake8_dbsession.model import sqla_names, wrappers
from flake8_dbsession.model.calls import query_session
from flake8_dbsession.model.construction import agree, await_flavour, call_flavour, configured_factory
from flake8_dbsession.model.flavour import Flavour, Kind
from flake8_dbsession.model.functions import FunctionProducts, Product
from flake8_dbsession.model.guards import flavour_checks
from flake8_dbsession.model.syntax import all_args, dotted_prefixes, target_names
from flake8_dbsession.model.scopes import Deferred, Imported, LocalClass, LocalDef, Scope, StrConstant, TypeAlias
from flake8_dbsession.settings import Settings

_FUNCS = (ast.FunctionDef, ast.AsyncFunctionDef)
# attributes of async objects that lead to their sync twin: deliberately unknown (I/O through
# them raises MissingGreenlet; harmless calls must stay silent)
_SYNC_TWIN_ATTRS = {"sync_session", "sync_engine", "sync_connection"}


class NeedsResolver(Exception):
    """Raised while binding, instead of asking the resolver: the binding is deferred."""


class Resolver:
    """Answers about names imported from other modules of the project. This one knows nothing."""

    costly = False  # a real resolver reads other modules: bindings that need it are deferred

    def flavour_of_import(self, qualname: str) -> Flavour | None:
        return None

    def product_of_import(self, qualname: str) -> Product | None:
        return None


class SessionModel:
    def __init__(self, settings: Settings | None = None, resolver: Resolver | None = None,
                 module_scope: Scope | None = None) -> None:
        self.settings = settings or Settings()
        self.resolver = resolver or Resolver()
        self.module_scope = module_scope
        self.scope: Scope = module_scope if module_scope is not None else Scope("module", ast.Module(), None)
        self.ancestors: list[ast.AST] = []
        self.products = FunctionProducts(self)
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
        self._scopes.clear()
        self._memo.clear()
        self.ancestors.clear()
        self.products = None  # type: ignore[assignment]  # the model is not used after this

    # ------------------------------------------------------------------ walk hooks
    def enter(self, node: ast.AST) -> None:
        self.ancestors.append(node)
        method = _ENTER.get(type(node))
        if method is not None:
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

        return ({t: bound(m) for t, m in _ENTER.items()}, {t: bound(m) for t, m in _LEAVE.items()})

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

    def _enter_module(self, node: ast.Module) -> None:
        if self.module_scope is None:
            self.scope = self._open(Scope("module", node, None))
            self.module_scope = self.scope

    def _enter_function(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self.scope.names[node.name] = LocalDef(node)
        outer = self.scope
        scope = self._open(Scope("function", node, outer, is_async=isinstance(node, ast.AsyncFunctionDef)))
        if outer.kind == "class" and node.args.args and not _is_staticmethod(node):
            scope.self_name = (node.args.posonlyargs + node.args.args)[0].arg
            scope.class_scope = outer
        self.scope = scope
        self._bind_parameters(node.args, scope)

    def _enter_lambda(self, node: ast.Lambda) -> None:
        scope = self._open(Scope("lambda", node, self.scope))
        for arg in all_args(node.args):
            scope.names[arg.arg] = None
        self.scope = scope

    def _enter_class(self, node: ast.ClassDef) -> None:
        self.scope.names[node.name] = LocalClass(node)
        scope = self._open(Scope("class", node, self.scope))
        self.scope = scope
        self._scan_class_attributes(node, scope)

    def _leave_scope(self, node: ast.AST) -> None:
        if self.scope.node is node and self.scope.parent is not None:
            self.scope = self.scope.parent

    def _enter_import(self, node: ast.Import) -> None:
        for alias in node.names:
            if alias.asname:
                self.scope.names[alias.asname] = Imported(alias.name)
            else:
                top = alias.name.split(".")[0]
                self.scope.names[top] = Imported(top)

    def _enter_import_from(self, node: ast.ImportFrom) -> None:
        base = "." * (node.level or 0) + (node.module or "")
        for alias in node.names:
            if alias.name == "*":
                continue
            sep = "" if base.endswith(".") or not base else "."
            self.scope.names[alias.asname or alias.name] = Imported(f"{base}{sep}{alias.name}")

    def _enter_for(self, node: ast.For | ast.AsyncFor) -> None:
        for name in target_names(node.target):
            self.scope.names[name] = None

    def _leave_assign(self, node: ast.Assign) -> None:
        self._bind_query(node)
        self._bind_wrapper(node)
        value = self._value_binding(node.value)
        for target in node.targets:
            if isinstance(target, ast.Name):
                self._bind(target.id, value)
            else:
                for name in target_names(target):
                    self.scope.names[name] = None

    def _bind_query(self, node: ast.Assign) -> None:
        func = self.scope.function
        if func is None:
            return
        found = None
        if len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) and isinstance(node.value, ast.Call):
            found = query_session(self, node.value)  # q = q.filter(...) reads the q bound before
        for target in node.targets:
            for name in target_names(target):
                func.queries.pop(name, None)
        if found is not None:
            func.queries[node.targets[0].id] = found

    def _bind_wrapper(self, node: ast.Assign) -> None:
        func = self.scope.function
        if func is None:
            return
        if func.wrappers:
            for target in node.targets:
                for name in target_names(target):
                    func.wrappers.pop(name, None)
        value = node.value
        if not (len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) and isinstance(value, ast.Call)
                and isinstance(value.func, ast.Name) and (value.args or value.keywords)):
            return
        local_args = [a for a in list(value.args) + [k.value for k in value.keywords] if self._local_value(a)]
        if not any(self._wrapped_value(a) is not None for a in local_args):
            return  # nothing of a session goes in: not worth resolving the class
        found = wrappers.class_in_module(value.func, self._lookup, self._definition)
        if found is None:
            return
        wrapper = wrappers.constructed(found[0], value, self._wrapped_value, found[1], self._class_of)
        if wrapper is not None:
            if func.wrappers is None:
                func.wrappers = {}
            func.wrappers[node.targets[0].id] = wrapper

    def _local_value(self, expr: ast.expr) -> bool:
        """A name bound in the function (a parameter, a local) or ``self.x``: cheap to ask about."""
        if isinstance(expr, ast.Name):
            return self.scope.binding_kind(expr.id) in ("function", "lambda")
        return isinstance(expr, ast.Attribute) and isinstance(expr.value, ast.Name) and \
            self.scope.function is not None and expr.value.id == self.scope.function.self_name

    def _lookup(self, name: str):
        return self.scope.lookup(name)[1]

    @property
    def _definition(self):
        return getattr(self.resolver, "definition", None)

    def _class_of(self, func: ast.expr, lookup):
        return wrappers.class_in_module(func, lookup, self._definition)

    def _wrapped_value(self, expr: ast.expr):
        """A session (as the code names it) or a wrapper of one, for a constructor argument."""
        found = self.wrapper(expr)
        if found is not None:
            return found
        if not isinstance(expr, (ast.Name, ast.Attribute)):
            return None
        return wrappers.session_value(self.flavour(expr), source_text(expr))

    def wrapper(self, expr: ast.expr):
        """The :class:`~flake8_dbsession.model.wrappers.Wrapper` ``expr`` holds here: a local
        name bound to ``Repo(session)``, or ``self.repo`` that ``__init__`` built from a session."""
        func = self.scope.function
        if func is None:
            return None
        if isinstance(expr, ast.Name):
            return func.wrappers.get(expr.id) if func.wrappers else None
        if isinstance(expr, ast.Attribute) and isinstance(expr.value, ast.Name) and func.class_scope is not None \
                and expr.value.id == func.self_name:
            return self._class_wrappers(func.class_scope).get(expr.attr)
        return None

    def _class_wrappers(self, class_scope: Scope) -> dict:
        """``self.cache = cache or MarketDataCache(self.repository)`` in ``__init__``, where the
        chain starts at a parameter annotated as a session: attribute -> wrapper."""
        if class_scope.wrappers is not None:
            return class_scope.wrappers
        class_scope.wrappers = {}
        cls = class_scope.node
        init = wrappers.method(cls, "__init__")
        if init is None or not init.args.args:
            return class_scope.wrappers
        self_name = init.args.args[0].arg
        stored = {stmt.value.id: stmt.targets[0].attr for stmt in init.body
                  if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.value, ast.Name)
                  and isinstance(stmt.targets[0], ast.Attribute) and isinstance(stmt.targets[0].value, ast.Name)
                  and stmt.targets[0].value.id == self_name}
        env = {}
        for arg in all_args(init.args)[1:]:
            key = f"{self_name}.{stored[arg.arg]}" if arg.arg in stored else arg.arg
            ref = wrappers.session_value(self.annotation(arg.annotation), key)
            if ref is not None:
                env[arg.arg] = ref
        if env:
            built = wrappers.stored_fields(cls, init, env, self._lookup, self._class_of)
            class_scope.wrappers = {name: value for name, value in built.items()
                                    if isinstance(value, wrappers.Wrapper)}
        return class_scope.wrappers

    def bound_query(self, name: str) -> tuple | None:
        """(session expression, flavour) when ``name`` holds a Query of that session here."""
        func = self.scope.function
        return func.queries.get(name) if func is not None else None

    def _leave_ann_assign(self, node: ast.AnnAssign) -> None:
        if not isinstance(node.target, ast.Name):
            return
        declared = self.annotation(node.annotation)
        built = self._value_binding(node.value, declared, node.target.id) if node.value is not None else None
        if isinstance(built, Deferred):
            self._bind(node.target.id, built)
        elif isinstance(built, Flavour):
            self._bind(node.target.id, _prefer_construction(built, declared, node.target.id))
        elif node.value is not None and _last_name(node.annotation) == "TypeAlias":
            self.scope.names[node.target.id] = TypeAlias(node.value)
        else:
            self._bind(node.target.id, declared if declared is not None else built)

    def _leave_named_expr(self, node: ast.NamedExpr) -> None:
        self._bind(node.target.id, self._try(lambda: self.flavour(node.value),
                                             Deferred("value", node.value, self.scope, name=node.target.id)))

    def _leave_withitem(self, node: ast.withitem) -> None:
        target = node.optional_vars
        if isinstance(target, ast.Name):
            self._bind(target.id, self._try(lambda: self.entered(node.context_expr),
                                            Deferred("entered", node.context_expr, self.scope, name=target.id)))
        elif target is not None:
            for name in target_names(target):
                self.scope.names[name] = None

    def _enter_except(self, node: ast.ExceptHandler) -> None:
        if node.name:
            self.scope.names[node.name] = None

    def _enter_delete(self, node: ast.Delete) -> None:
        for target in node.targets:
            for name in target_names(target):
                self.scope.names[name] = None

    def _bind(self, name: str, value) -> None:
        """Bind in the current scope. Inside a function, a name that held a session of another
        flavour (``if ...: s = AsyncSessionLocal() else: s = SessionLocal()``) becomes unknown."""
        old = self.scope.names.get(name)
        if isinstance(value, Deferred):
            value.previous = old
        if self.scope.kind != "module" and isinstance(old, Flavour) and isinstance(value, Flavour) and (
                old.mode is not value.mode or old.kind is not value.kind):
            value = None
        self.scope.names[name] = value

    def _value_binding(self, value: ast.expr, declared: Flavour | None = None, name: str = ""):
        flavour = self._try(lambda: self.flavour(value),
                            Deferred("value", value, self.scope, declared=declared, name=name))
        if flavour is not None:
            return flavour
        if self.scope.kind == "module":
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                return StrConstant(value.value)
            if isinstance(value, ast.Subscript) and self.annotation(value) is not None:
                return TypeAlias(value)
        return None

    # ------------------------------------------------------------------ parameters and classes
    def _bind_parameters(self, args: ast.arguments, scope: Scope) -> None:
        positional = args.posonlyargs + args.args
        defaults: dict[str, ast.expr] = {}
        for arg, default in zip(positional[len(positional) - len(args.defaults):], args.defaults):
            defaults[arg.arg] = default
        for arg, default in zip(args.kwonlyargs, args.kw_defaults):
            if default is not None:
                defaults[arg.arg] = default
        for arg in all_args(args):
            default = defaults.get(arg.arg)
            scope.names[arg.arg] = self._try(lambda: self.parameter_flavour(arg, default),
                                             Deferred("param", arg, scope, default=default, name=arg.arg))

    def parameter_flavour(self, arg: ast.arg, default: ast.expr | None) -> Flavour | None:
        declared = self.annotation(arg.annotation)
        dep = depends_target(default, self.qualname) or depends_target(self._alias_node(arg.annotation),
                                                                       self.qualname)
        built = None
        if dep is not None:
            built = self.dependency_product(dep)
            if built is not None:
                built = built.with_evidence(f"from Depends({source_text(dep)})")
        if built is not None:
            return _prefer_construction(built, declared, arg.arg)
        if declared is None and dep is None:
            return self._imported_alias(arg.annotation)
        return declared

    def _imported_alias(self, annotation: ast.expr | None) -> Flavour | None:
        """``session: SessionDep`` with ``SessionDep`` imported from the project's deps module."""
        if not isinstance(annotation, ast.Name):
            return None
        found, binding = self.scope.lookup(annotation.id)
        answer = getattr(self.resolver, "alias_flavour", None)
        if not (found and isinstance(binding, Imported)) or answer is None:
            return None
        if self._deferring and self.resolver.costly:
            raise NeedsResolver
        return answer(binding.qualname)

    def _alias_node(self, annotation: ast.expr | None) -> ast.expr | None:
        if isinstance(annotation, ast.Name):
            found, binding = self.scope.lookup(annotation.id)
            if found and isinstance(binding, TypeAlias):
                return binding.node
        return annotation

    def _scan_class_attributes(self, node: ast.ClassDef, scope: Scope) -> None:
        """``x: AsyncSession`` in the class body and ``self.x = ...`` in ``__init__``."""
        for stmt in node.body:
            if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
                flavour = self.annotation(stmt.annotation)
                if flavour is not None:
                    scope.attrs[stmt.target.id] = flavour
        for stmt in node.body:
            if isinstance(stmt, _FUNCS) and stmt.name == "__init__" and stmt.args.args:
                self._scan_init(stmt, scope)

    def _scan_init(self, init: ast.FunctionDef | ast.AsyncFunctionDef, class_scope: Scope) -> None:
        saved = self.scope
        temp = self._open(Scope("function", init, class_scope, is_async=False))
        self.scope = temp
        try:
            self._bind_parameters(init.args, temp)
            self_name = init.args.args[0].arg
            for stmt in _statements(init.body):
                if isinstance(stmt, ast.Assign):
                    value = self._try(lambda: self.flavour(stmt.value), Deferred("value", stmt.value, temp))
                    for target in stmt.targets:
                        self._scan_target(target, value, self_name, temp, class_scope)
                elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
                    declared = self.annotation(stmt.annotation)
                    value = self._try(lambda: self.flavour(stmt.value),
                                      Deferred("value", stmt.value, temp, declared=declared)) or declared
                    self._scan_target(stmt.target, value, self_name, temp, class_scope)
        finally:
            self.scope = saved

    @staticmethod
    def _scan_target(target: ast.expr, value: Flavour | Deferred | None, self_name: str, temp: Scope,
                     class_scope: Scope) -> None:
        if isinstance(target, ast.Name):
            temp.names[target.id] = value
        elif (isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name)
              and target.value.id == self_name):
            old = class_scope.attrs.get(target.attr)
            if target.attr in class_scope.attrs and (isinstance(value, Deferred) or isinstance(old, Deferred)):
                class_scope.attrs[target.attr] = None  # assigned twice, one of them unknown yet
                return
            if target.attr in class_scope.attrs and class_scope.attrs[target.attr] != value:
                if value is None or class_scope.attrs[target.attr] is None or \
                        class_scope.attrs[target.attr].mode != value.mode:
                    class_scope.attrs[target.attr] = None
                return
            class_scope.attrs[target.attr] = value

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
        return annotation_flavour(node, self._class_qualname, self._type_alias, unwrap_containers)

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

    def _enter_test(self, node: ast.If | ast.IfExp | ast.While | ast.Assert) -> None:
        func = self.scope.function
        if func is not None:
            func.checked.update(flavour_checks(node.test))

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

    def _attribute_flavour(self, expr: ast.Attribute) -> Flavour | None:
        if expr.attr in _SYNC_TWIN_ATTRS:
            return None
        value = expr.value
        func = self.scope.function
        if isinstance(value, ast.Name) and func is not None and func.self_name == value.id \
                and func.class_scope is not None:
            found, binding = func.lookup(value.id)
            if found and binding is None:  # self not rebound to something else
                attrs = func.class_scope.attrs
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


# ---------------------------------------------------------------------------------------------
def _prefer_construction(built: Flavour, declared: Flavour | None, name: str) -> Flavour:
    """Construction wins over an annotation; a contradiction is kept as a note for messages."""
    if declared is None or (declared.mode is built.mode and declared.kind is built.kind):
        return built
    note = (f"'{name}' is annotated {declared.display}, but it is a {built.mode.value} {built.display} "
            f"{built.evidence or 'by construction'}: the annotation is wrong")
    return replace(built, note=note)


def _last_name(node: ast.expr | None) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value.rsplit(".", 1)[-1]
    return None


def _is_staticmethod(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    return any(isinstance(d, ast.Name) and d.id == "staticmethod" for d in node.decorator_list)


def _statements(body: list[ast.stmt]):
    """Statements of a block in source order, descending into compound statements (not defs)."""
    for stmt in body:
        yield stmt
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        for field in ("body", "orelse", "finalbody"):
            inner = getattr(stmt, field, None)
            if isinstance(inner, list):
                yield from _statements(inner)
        for handler in getattr(stmt, "handlers", ()):
            yield from _statements(handler.body)


_ENTER = {
    ast.Module: SessionModel._enter_module,
    ast.FunctionDef: SessionModel._enter_function,
    ast.AsyncFunctionDef: SessionModel._enter_function,
    ast.Lambda: SessionModel._enter_lambda,
    ast.ClassDef: SessionModel._enter_class,
    ast.Import: SessionModel._enter_import,
    ast.ImportFrom: SessionModel._enter_import_from,
    ast.For: SessionModel._enter_for,
    ast.AsyncFor: SessionModel._enter_for,
    ast.ExceptHandler: SessionModel._enter_except,
    ast.Delete: SessionModel._enter_delete,
    ast.If: SessionModel._enter_test,
    ast.IfExp: SessionModel._enter_test,
    ast.While: SessionModel._enter_test,
    ast.Assert: SessionModel._enter_test,
}
_LEAVE = {
    ast.FunctionDef: SessionModel._leave_scope,
    ast.AsyncFunctionDef: SessionModel._leave_scope,
    ast.Lambda: SessionModel._leave_scope,
    ast.ClassDef: SessionModel._leave_scope,
    ast.Assign: SessionModel._leave_assign,
    ast.AnnAssign: SessionModel._leave_ann_assign,
    ast.NamedExpr: SessionModel._leave_named_expr,
    ast.withitem: SessionModel._leave_withitem,
}
