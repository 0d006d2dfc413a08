"""The binding half of the session model: what each walk hook binds (imports, assignments,
``with`` targets, parameters, ``self.x`` set in ``__init__``, queries and wrappers), and the tables
that dispatch the walk to those hooks. :class:`~flake8_dbsession.model.session_model.SessionModel`
adds the questions rules ask about the bindings."""
from __future__ import annotations

import ast
import copy
from dataclasses import replace

from flake8_dbsession.findings import source_text
from flake8_dbsession.model.annotations import depends_target
from flake8_dbsession.model.calls import query_session
from flake8_dbsession.model.flavour import Flavour
from flake8_dbsession.model.guards import flavour_checks
from flake8_dbsession.model.lazy_bodies import LAZY_DEFINITIONS
from flake8_dbsession.model.scopes import (Deferred, Imported, Instance, LocalClass, LocalDef, Scope, StrConstant,
                                           TypeAlias)
from flake8_dbsession.model.syntax import all_args, target_names

_FUNCS = (ast.FunctionDef, ast.AsyncFunctionDef)


class NeedsResolver(Exception):
    """Raised while binding, instead of asking the resolver: the binding is deferred."""


class Bindings:
    """Walk hooks that bind names; mixed into SessionModel, whose state and questions they use."""

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
        self.wrappers.bind(node)
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

    def wrapper(self, expr: ast.expr):
        """The object wrapping a session that ``expr`` holds here (see :mod:`.wrappers`)."""
        return self.wrappers.of(expr)

    @property
    def definition(self):
        """The resolver's ``definition(qualname)``, or None without a project."""
        return getattr(self.resolver, "definition", None)

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
        if self.scope.kind == "module" and isinstance(value, ast.Call):
            if len(value.args) == 2 and (self.qualname(value.func) or "").endswith(".NewType"):
                return TypeAlias(value.args[1])  # AsyncSession = NewType("AsyncSession", _AsyncSession)
            if isinstance(value.func, ast.Name):
                cls = self.scope.names.get(value.func.id)
                if isinstance(cls, LocalDef) and isinstance(cls.node.returns, ast.Name):
                    cls = self.scope.names.get(cls.node.returns.id)  # _db = get_new_db() -> Database
                if isinstance(cls, LocalClass):
                    return Instance(cls.node)
            wrapped = _context_manager_of(value, self.qualname, self.scope)
            if wrapped is not None:
                return wrapped
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

    def _enter_test(self, node: ast.If | ast.IfExp | ast.While | ast.Assert) -> None:
        func = self.scope.function
        if func is not None:
            checks = flavour_checks(node.test)
            if checks - func.checked:
                func.checked.update(checks)
                self._memo.clear()  # answers about those objects change from here on


def _context_manager_of(value: ast.Call, qualname, scope: Scope) -> LocalDef | None:
    """``get_session_ctx = asynccontextmanager(get_session)``: the generator, as if decorated."""
    if not (len(value.args) == 1 and isinstance(value.args[0], ast.Name)
            and (qualname(value.func) or "") in ("contextlib.contextmanager", "contextlib.asynccontextmanager")):
        return None
    generator = scope.names.get(value.args[0].id)
    if not isinstance(generator, LocalDef):
        return None
    decorated = copy.copy(generator.node)
    decorated.decorator_list = [value.func, *generator.node.decorator_list]
    return LocalDef(decorated)


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
    ast.Module: Bindings._enter_module,
    ast.FunctionDef: Bindings._enter_function,
    ast.AsyncFunctionDef: Bindings._enter_function,
    ast.Lambda: Bindings._enter_lambda,
    ast.ClassDef: Bindings._enter_class,
    ast.Import: Bindings._enter_import,
    ast.ImportFrom: Bindings._enter_import_from,
    ast.For: Bindings._enter_for,
    ast.AsyncFor: Bindings._enter_for,
    ast.ExceptHandler: Bindings._enter_except,
    ast.Delete: Bindings._enter_delete,
    ast.If: Bindings._enter_test,
    ast.IfExp: Bindings._enter_test,
    ast.While: Bindings._enter_test,
    ast.Assert: Bindings._enter_test,
}
# a module's facts keep definitions whose bodies are parsed again on first read: the same handlers
_ENTER.update({lazy: _ENTER[base] for base, lazy in LAZY_DEFINITIONS.items()})
# entered on every if/while: they clear the memo themselves, only when they change an answer
_KEEPS_MEMO = frozenset({ast.If, ast.IfExp, ast.While, ast.Assert})
_LEAVE = {
    ast.FunctionDef: Bindings._leave_scope,
    ast.AsyncFunctionDef: Bindings._leave_scope,
    ast.Lambda: Bindings._leave_scope,
    ast.ClassDef: Bindings._leave_scope,
    ast.Assign: Bindings._leave_assign,
    ast.AnnAssign: Bindings._leave_ann_assign,
    ast.NamedExpr: Bindings._leave_named_expr,
    ast.withitem: Bindings._leave_withitem,
}
_LEAVE.update({lazy: _LEAVE[base] for base, lazy in LAZY_DEFINITIONS.items()})
