"""What the ORM rules (DBS014, DBS015) share: the ORM objects each name of an ``async def`` holds,
which session loaded them and with which eager options, and the mapped classes they belong to.

Objects come from ``x = await s.get(Model, ...)``, ``x = await s.scalar(select(Model)...)``, result
chains (``(await s.execute(stmt)).scalars().first()``, ``result = await s.execute(stmt)`` then
``result.scalar_one()``), loops and comprehensions over loaded lists, objects built here
(``x = Model(...)``) and added, and objects deleted through the session.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import Callable, NamedTuple

from flake8_dbsession.findings import Related
from flake8_dbsession.model.callees import Callee, receiving_parameter
from flake8_dbsession.model.flavour import Kind
from flake8_dbsession.model.orm_classes import ModelClass, annotated_class_name, model_class
from flake8_dbsession.model.orm_loads import (
    SESSION_STEPS, eager_paths, result_chain, statement_parts)
from flake8_dbsession.model.syntax import target_names
from flake8_dbsession.model.scopes import Imported, LocalClass
from flake8_dbsession.rules.across_calls import AcrossCalls
from flake8_dbsession.rules.io_calls import location

_NO_IO_ATTRS = {"awaitable_attrs", "__class__", "__dict__", "_sa_instance_state", "__table__", "__tablename__"}


@dataclass
class Held:
    """An ORM object an async session holds, bound to a local name (or reached from one through
    loaded relationships: ``m.comment`` of a mention loaded with ``selectinload(M.comment)``)."""

    session: str  # source text of the session ('db')
    model: ModelClass | None
    # relationship paths loaded with it ('comment', 'comment.author'); None: options we cannot read
    eager: frozenset[str] | None
    persistent: bool = True  # loaded, or added and then flushed/committed
    added: bool = False
    constructor: ast.expr | None = None  # x = Model(...): the class is looked up when x is added
    expired_by: str | None = None  # 'commit' / 'rollback' that expired it, until refreshed
    # how its session was closed ("the 'async with' block of 'db' ended on line 12", "'db.close()'"):
    # it is detached, and a read that needs a load raises DetachedInstanceError (decision 3)
    detached_by: str | None = None
    # what was reported, by relationship path from the loaded object (shared with the objects
    # reached from it: one finding per object and path)
    reported: set[str] = field(default_factory=set)
    path: str = ""  # the relationships followed from the loaded object to this one ('comment.')
    root: "Held | None" = None  # the object the query loaded (None: this one)
    many: bool = False  # one of many objects loaded together (their many-to-ones point at many rows)

    def element(self) -> "Held":
        """An element of a list of loaded objects: loaded, and detached, as the list is."""
        return Held(self.session, self.model, self.eager, detached_by=self.detached_by, path=self.path,
                    root=self.root, many=True)

    @property
    def loaded(self) -> "Held":
        return self.root or self


_ROUTE_METHODS = {"get", "post", "put", "patch", "delete", "api_route"}


def _response_schema(func: ast.AST) -> ast.expr | None:
    """The class FastAPI validates a route's return value into: ``response_model=X`` of its
    route decorator, else its return annotation (``list[X]`` gives ``X``); None off routes."""
    decorators = [d for d in getattr(func, "decorator_list", ()) if isinstance(d, ast.Call)
                  and isinstance(d.func, ast.Attribute) and d.func.attr in _ROUTE_METHODS]
    if not decorators:
        return None
    model = next((kw.value for kw in decorators[0].keywords if kw.arg == "response_model"), None)
    node = model if model is not None else getattr(func, "returns", None)
    for _ in range(3):
        if isinstance(node, ast.Subscript):
            node = node.slice.elts[0] if isinstance(node.slice, ast.Tuple) and node.slice.elts else node.slice
    return node if isinstance(node, ast.Name) else None


class _Module(NamedTuple):
    """Where a mapped class is defined: its imports, its names, its classes (for backrefs)."""

    qualname_of: Callable[[ast.expr], str | None]
    lookup: Callable[[str], object]
    classes: list[ast.ClassDef]
    name: str | None = None  # the module's qualified name; None: the linted file


class _HeldObjects(AcrossCalls):
    """Shared: what each name of the async function being walked holds."""

    def __init__(self, file) -> None:
        super().__init__(file)
        self._held: dict[int, dict[str, Held]] = {}
        self._lists: dict[int, dict[str, Held]] = {}  # names bound to lists of loaded objects
        self._statements: dict[int, dict[str, ast.expr]] = {}  # stmt = select(...) in the function
        self._results: dict[int, dict[str, tuple]] = {}  # result = await s.execute(stmt)
        self._classes: dict[str, ModelClass | None] = {}
        self._constants: dict[str, ast.expr] = {}  # module-level OPTIONS = [...] for .options(*OPTIONS)
        self._module_classes: list[ast.ClassDef] = []
        self._module_defs: dict[str, ast.FunctionDef | ast.AsyncFunctionDef] = {}
        # per function and session: the classes whose rows its loads so far put in the session
        self._session_classes: dict[int, dict[str, set[str]]] = {}

    # ------------------------------------------------------------------ context
    def visit_Module(self, node: ast.Module) -> None:
        self._module_classes = [stmt for stmt in node.body if isinstance(stmt, ast.ClassDef)]
        # the module's functions, for calls to one defined further down (not bound yet in the walk)
        self._module_defs = {stmt.name: stmt for stmt in node.body
                             if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef))}
        for stmt in node.body:
            if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name) \
                    and isinstance(stmt.value, (ast.List, ast.Tuple)):
                self._constants[stmt.targets[0].id] = stmt.value

    follows_sync = False  # DBS015 follows the objects of sync sessions too (detached reads)

    def _following(self) -> bool:
        """Does this rule follow objects in the function being walked?"""
        if self.model.in_async_function:
            return True
        return self.follows_sync and self.model.function_scope is not None \
            and self.model.function_scope.kind == "function"

    def _scope(self) -> dict[str, Held] | None:
        if not self._following():
            return None
        return self._held.setdefault(id(self.model.function_scope), {})

    def _leave_function(self, node: ast.AST) -> None:
        for table in (self._held, self._lists, self._statements, self._results, self._session_classes):
            table.pop(id(self.model.function_scope), None)

    leave_AsyncFunctionDef = leave_FunctionDef = _leave_function

    def _async_session(self, expr: ast.expr):
        """The session ``expr`` names: an AsyncSession in async code, a sync Session in sync
        code (for a rule that follows sync sessions)."""
        if not isinstance(expr, ast.Name):
            return None
        if self.model.in_async_function:
            return self.model.async_session(expr)
        flavour = self.model.flavour(expr)
        return flavour if flavour is not None and flavour.kind is Kind.SESSION and not flavour.is_async else None

    def _model(self, expr: ast.expr) -> ModelClass | None:
        """The mapped class a Name (or ``models.Project``) refers to (this file or the project),
        None when unknown."""
        if isinstance(expr, ast.Attribute) and isinstance(expr.value, ast.Name):
            qualname = self.model.qualname(expr)
            resolver = self.file.project_resolver
            if qualname and resolver is not None:
                return resolver.remember("model-class", qualname, lambda: self._imported_class(qualname, 0))
            return None
        if not isinstance(expr, ast.Name):
            return None
        binding = self.model.scope.lookup(expr.id)[1]
        if isinstance(binding, LocalClass):
            return self._local_model(binding)
        resolver = self.file.project_resolver
        if isinstance(binding, Imported) and resolver is not None:
            return resolver.remember("model-class", binding.qualname,
                                     lambda: self._imported_class(binding.qualname, 0))
        return None

    def _local_model(self, binding: LocalClass) -> ModelClass | None:
        key = f"<local>.{binding.node.name}.{binding.node.lineno}"
        if key not in self._classes:
            self._classes[key] = None  # a class that inherits from itself: no answer
            here = _Module(self.model.qualname, lambda name: self.model.scope.lookup(name)[1], self._module_classes)
            self._classes[key] = self._mapped(binding.node, here, 0)
        return self._classes[key]

    def _mapped(self, cls: ast.ClassDef, module: _Module, depth: int) -> ModelClass:
        """The class's relationships, with those of its bases (mixins, abstract bases; bounded)
        and the backrefs the other classes of its module give it."""
        def base_model(base: ast.expr) -> ModelClass | None:
            if depth >= 4 or not isinstance(base, ast.Name):
                return None
            found = module.lookup(base.id)
            if isinstance(found, LocalClass) and found.node is not cls:
                return self._mapped(found.node, module, depth + 1)
            if isinstance(found, Imported):
                return self._imported_class(found.qualname, depth + 1)
            return None
        found = model_class(cls, module.qualname_of, base_model, [c for c in module.classes if c is not cls])
        found.module = module.name or "<local>"  # plain data: the answer outlives the module's tree
        return found

    def _imported_class(self, qualname: str, depth: int) -> ModelClass | None:
        resolver = self.file.project_resolver
        if resolver is None or depth > 4:
            return None
        found, facts = resolver.definition(qualname)
        if not (isinstance(found, LocalClass) and facts is not None):
            return None
        names = facts.scope.names
        project = self.file.project
        name = (project.module_name(facts.path) if project is not None else None) or qualname.rsplit(".", 1)[0]
        module = _Module(facts.model.qualname, names.get, [b.node for b in names.values() if isinstance(b, LocalClass)],
                         name)
        return self._mapped(found.node, module, depth)

    # ------------------------------------------------------------------ statements and loads
    def _statement_parts(self, stmt: ast.expr) -> tuple[ast.Call, tuple[ast.expr, ...]] | None:
        return statement_parts(stmt, self._statements.get(id(self.model.function_scope), {}), self.model.qualname)

    def _statement(self, stmt: ast.expr) -> tuple[ModelClass | None, frozenset[str] | None] | None:
        """(Model, {'items'}) for a statement that loads objects of a mapped class."""
        parts = self._statement_parts(stmt)
        if parts is None:
            return None
        model = self._model(parts[0].args[0])
        if model is None:
            return None
        return model, self._eager(list(parts[1]))

    def _eager(self, options: list[ast.expr]) -> frozenset[str] | None:
        return eager_paths(options, self._constants)

    # ------------------------------------------------------------------ objects reached from objects
    def _target(self, model: ModelClass, attr: str) -> ModelClass | None:
        """The mapped class the relationship ``attr`` of ``model`` holds, looked up where
        ``model`` is defined; None when it cannot be found."""
        name = model.targets.get(attr)
        if not name or not model.module:
            return None
        if model.module == "<local>":
            scope = self.model.module_scope
            found = scope.names.get(name) if scope is not None else None
            if isinstance(found, LocalClass):
                return self._local_model(found)
            if isinstance(found, Imported):
                resolver = self.file.project_resolver
                return resolver.remember("model-class", found.qualname,
                                         lambda: self._imported_class(found.qualname, 0)) if resolver else None
            return None
        resolver = self.file.project_resolver
        if resolver is None:
            return None
        qualname = f"{model.module}.{name}"
        return resolver.remember("model-class", qualname, lambda: self._imported_class(qualname, 0))

    def _held_of(self, expr: ast.expr) -> Held | None:
        """The object ``expr`` holds: a name bound to one, or a relationship loaded with one
        (``mention.comment`` when the query loaded ``selectinload(M.comment)``)."""
        if isinstance(expr, ast.Name):
            scope = self._held.get(id(self.model.function_scope))
            return scope.get(expr.id) if scope else None
        if isinstance(expr, ast.Attribute) and isinstance(expr.value, (ast.Name, ast.Attribute)):
            parent = self._held_of(expr.value)
            return self._derived(parent, expr.attr) if parent is not None else None
        return None

    def _derived(self, parent: Held, attr: str) -> Held | None:
        model, eager = parent.model, parent.eager
        if model is None or eager is None or attr not in eager or attr not in model.relationships \
                or parent.expired_by is not None or not parent.persistent:
            return None
        target = self._target(model, attr)
        if target is None:
            return None
        prefix = attr + "."
        if parent.constructor is not None:  # Model(items=[...]): what the given objects loaded is not known
            return Held(parent.session, target, None, detached_by=parent.detached_by, reported=parent.reported,
                        path=parent.path + prefix, root=parent.loaded)
        return Held(parent.session, target, frozenset(p[len(prefix):] for p in eager if p.startswith(prefix)),
                    detached_by=parent.detached_by, reported=parent.reported, path=parent.path + prefix,
                    root=parent.loaded, many=parent.many or attr in model.lazy_relationships)

    def _remember_classes(self, held: Held) -> None:
        if held.session and held.model is not None:
            known = self._session_classes.setdefault(id(self.model.function_scope), {})
            known.setdefault(held.session, set()).update(self._loaded_classes(held))

    def _loaded_classes(self, held: Held) -> set[str]:
        """The classes whose rows the query of ``held`` put in the session: its own and those of
        the relationships its options loaded (a many-to-one to one of them may come from the
        identity map)."""
        root = held.loaded
        out = {root.model.name} if root.model is not None else set()
        for path in root.eager or ():
            model: ModelClass | None = root.model
            for step in path.split("."):
                model = self._target(model, step) if model is not None else None
            if model is not None:
                out.add(model.name)
        return out

    def _loaded(self, value: ast.expr) -> tuple[str, tuple] | None:
        """('one' | 'many' | 'rows', (session, model, eager)) for a value that loads objects:
        ``await s.get(M, id)``, ``await s.scalar(stmt)``, and chains over a result, awaited inline or
        bound to a name above (``result = await s.execute(stmt)``; ``result.scalars().all()``):
        ``scalars()``, ``unique()``, ``all()``, ``first()``, ``one()``, ``scalar_one()``..."""
        return result_chain(value, self._source)

    def _source(self, node: ast.expr) -> tuple[str, tuple] | None:
        """Where a result chain starts: a session call that loads, or a name bound to a result."""
        if isinstance(node, ast.Name):
            return self._results.get(id(self.model.function_scope), {}).get(node.id)
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and self._async_session(node.func.value) and node.args):
            return None
        session, method = node.func.value.id, node.func.attr
        if method in ("get", "get_one"):
            model = self._model(node.args[0])
            if model is None:
                return None
            options = next((kw.value for kw in node.keywords if kw.arg == "options"), None)
            eager = self._eager(list(options.elts)) if isinstance(options, (ast.List, ast.Tuple)) else \
                (frozenset() if options is None else None)
            return "one", (session, model, eager)
        state = {"scalar": "one", "scalars": "many", "execute": "rows"}.get(method)
        if state is None:
            return None
        found = self._statement(node.args[0])
        return (state, (session, *found)) if found is not None else None

    def visit_Assign(self, node: ast.Assign) -> None:
        scope = self._scope()
        if scope is None:
            return
        for name in (n for target in node.targets for n in target_names(target)):
            scope.pop(name, None)
            self._lists.get(id(self.model.function_scope), {}).pop(name, None)
            self._results.get(id(self.model.function_scope), {}).pop(name, None)
        if len(node.targets) == 1 and isinstance(node.targets[0], ast.Tuple) and isinstance(node.value, ast.Await) \
                and all(isinstance(e, ast.Name) for e in node.targets[0].elts):
            returned = self._returned(node.value)  # a, b = await f(...): a tuple of what f returns
            if returned is not None and len(returned) == len(node.targets[0].elts):
                for element, found in zip(node.targets[0].elts, returned):
                    if found is not None:
                        self._bind_returned(element.id, *found)
            return
        if len(node.targets) != 1 or not isinstance(node.targets[0], ast.Name):
            return
        name = node.targets[0].id
        statements = self._statements.setdefault(id(self.model.function_scope), {})
        parts = self._statement_parts(node.value) if isinstance(node.value, ast.Call) else None
        statements.pop(name, None)
        if parts is not None:
            statements[name] = parts
            return
        if isinstance(node.value, ast.Attribute):
            held = self._held_of(node.value)  # comment = mention.comment, loaded with it
            if held is not None:
                scope[name] = held
            return
        loaded = self._loaded(node.value)
        if loaded is not None:
            kind, (session, model, eager) = loaded
            held = Held(session, model, eager)
            if kind != "rows":
                self._remember_classes(held)
            if kind == "rows":
                self._results.setdefault(id(self.model.function_scope), {})[name] = loaded
            elif kind == "one":
                scope[name] = held
            else:
                held.many = True
                self._lists.setdefault(id(self.model.function_scope), {})[name] = held
            return
        returned = self._returned(node.value) if isinstance(node.value, ast.Await) else None
        if returned is not None and len(returned) == 1 and returned[0] is not None:
            self._bind_returned(name, *returned[0])
            return
        if isinstance(node.value, ast.Await):
            self._annotated_load(node.value)
        if isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Name):
            # x = Model(...)? Pending until added and flushed; the class is read only if it is added
            given = frozenset(kw.arg for kw in node.value.keywords if kw.arg)  # Model(items=[]): set, no load
            scope[name] = Held("", None, given, persistent=False, constructor=node.value.func)

    def visit_For(self, node: ast.For | ast.AsyncFor) -> None:
        scope = self._scope()
        if scope is None or not isinstance(node.target, ast.Name):
            return
        scope.pop(node.target.id, None)
        held = self._iterated(node.iter)
        if held is not None:
            scope[node.target.id] = held.element()

    visit_AsyncFor = visit_For

    def _comprehension(self, node: ast.ListComp | ast.SetComp | ast.GeneratorExp | ast.DictComp) -> None:
        """``[b.urls for b in batches]``: the element is walked before the generators, so the
        targets are bound when the comprehension is entered."""
        scope = self._scope()
        if scope is None:
            return
        for generator in node.generators:
            if isinstance(generator.target, ast.Name):
                scope.pop(generator.target.id, None)
                held = self._iterated(generator.iter)
                if held is not None:
                    scope[generator.target.id] = held.element()

    visit_ListComp = visit_SetComp = visit_GeneratorExp = visit_DictComp = _comprehension

    def _iterated(self, expr: ast.expr) -> Held | None:
        """What the elements of ``expr`` are: a list name bound above, or a result iterated
        directly (``for x in (await s.execute(stmt)).scalars():``)."""
        if isinstance(expr, ast.Name):
            return self._lists.get(id(self.model.function_scope), {}).get(expr.id)
        if isinstance(expr, ast.Attribute):
            return self._held_of(expr)  # for v in instance.volumes, loaded with the instance
        loaded = self._loaded(expr)
        if loaded is None or loaded[0] != "many":
            return None
        session, model, eager = loaded[1]
        return Held(session, model, eager)

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if (node.args or node.keywords) and self._held.get(id(self.model.function_scope)) and self._following():
            self._handing_on(node)
        if not (isinstance(func, ast.Attribute) and func.attr in SESSION_STEPS and isinstance(func.value, ast.Name)):
            if isinstance(func, ast.Attribute) and func.attr == "append" and isinstance(func.value, ast.Name) \
                    and len(node.args) == 1 and isinstance(node.args[0], ast.Name):
                self._appended(func.value.id, node.args[0].id)
            return  # cheap: most calls are none of these
        scope = self._scope()
        if scope is None:
            return
        session = func.value.id
        flavour = self._async_session(func.value)
        if flavour is None:
            return
        if func.attr == "delete" and node.args and isinstance(node.args[0], ast.Name):
            # 'await s.delete(self)': only a persistent object can be deleted, so the session
            # holds it; a rollback then expires it (letta's hard_delete_async, fixed in 369274a)
            scope.setdefault(node.args[0].id, Held(session, None, frozenset()))
        elif func.attr == "add" and node.args and isinstance(node.args[0], ast.Name) and node.args[0].id in scope:
            held = scope[node.args[0].id]
            held.session, held.added = session, True
            if held.constructor is not None and held.model is None:
                held.model = self._model(held.constructor)
        elif func.attr in ("commit", "flush"):
            for held in scope.values():
                if held.session == session and held.added:
                    held.persistent = True
            if func.attr == "commit":
                self._expire(scope, session, "commit", flavour)
        elif func.attr == "rollback":
            self._expire(scope, session, "rollback", flavour)
        elif func.attr == "close":
            self._detach(scope, session, f"'{session}.close()' on line {node.lineno}")
        elif func.attr == "refresh" and node.args and isinstance(node.args[0], ast.Name) and node.args[0].id in scope:
            held = scope[node.args[0].id]
            held.expired_by = None
            names = node.args[1] if len(node.args) > 1 else next(
                (kw.value for kw in node.keywords if kw.arg == "attribute_names"), None)
            if isinstance(names, (ast.List, ast.Tuple)) and held.eager is not None:
                held.eager = held.eager | {e.value for e in names.elts if isinstance(e, ast.Constant)}

    def _appended(self, target: str, name: str) -> None:
        """``to_delete.append(volume)``: ``to_delete`` holds objects loaded as ``volume`` was (the
        first list it is given wins; a list of objects of two loads is not followed)."""
        scope = self._held.get(id(self.model.function_scope))
        held = scope.get(name) if scope else None
        if held is None or held.model is None or held.constructor is not None or not self._following():
            return
        lists = self._lists.setdefault(id(self.model.function_scope), {})
        known = lists.get(target)
        if known is None:
            lists[target] = held.element()
        elif known.model is not held.model or known.eager != held.eager:
            lists[target] = Held(held.session, None, None)  # mixed: nothing known

    def _expire(self, scope: dict[str, Held], session: str, how: str, flavour) -> None:
        """DBS015 marks what the commit or rollback expired."""

    # ------------------------------------------------------------------ objects handed on (decision 2)
    def _handing_on(self, call: ast.Call) -> None:
        """A held object (or a list of them, or one reached through loaded relationships) given
        to a call: the paths the call reads from it (its body, its callees, Pydantic validation)
        are judged here, where the object's load state is known."""
        handed = []
        scope = self._held[id(self.model.function_scope)]
        lists = self._lists.get(id(self.model.function_scope), {})
        for where, arg in [*enumerate(call.args), *((kw.arg, kw.value) for kw in call.keywords if kw.arg)]:
            root = arg
            while isinstance(root, ast.Attribute):
                root = root.value
            if not (isinstance(root, ast.Name) and (root.id in scope or root.id in lists)):
                continue
            listed = isinstance(arg, ast.Name) and arg.id in lists
            held = lists[arg.id] if listed else self._held_of(arg)
            if held is not None:
                handed.append((where, ast.Name(id=f"{arg.id}[i]") if listed else arg, held))
        if not handed:
            return
        detector = self._detector()
        targets = self._call_targets(call)
        function = self.model.function_scope.node
        caller = Callee(function, self.model.qualname)
        for where, arg, held in handed:
            reads = detector.summaries.call_reads(call, where, targets, caller)
            for path, steps in sorted(((p, r.steps) for p, r in reads.items()), key=lambda i: (i[1][-1].line, i[0])):
                if path.startswith("="):
                    if held.eager is not None:  # the callee sets it (set_committed_value): loaded from here on
                        held.eager = held.eager | {path[1:]}
                else:
                    self._handed_read(call, arg, held, path, steps)

    def _call_targets(self, call: ast.Call) -> list[Callee]:
        """The first-party bodies a call may run (a function of this module defined further
        down included: the walk has not bound it yet)."""
        targets = self._detector().callees(call.func, *self._class_context(), any_module=True, overrides=False)
        if not targets and isinstance(call.func, ast.Name) and call.func.id in self._module_defs \
                and self.model.scope.lookup(call.func.id)[1] is None:
            targets = [Callee(self._module_defs[call.func.id], self.model.qualname)]
        return targets

    def _returned(self, value: ast.expr) -> list[tuple[str, Held] | None] | None:
        """[('one' | 'many', the objects)] a call of a first-party ``async def`` returns, from its
        summary (one entry per element of a returned tuple): loaded through the session this
        function gives it, or through its own session, closed before they came back (detached)."""
        call = value.value if isinstance(value, ast.Await) else None
        if not isinstance(call, ast.Call) or not isinstance(call.func, (ast.Name, ast.Attribute)):
            return None
        targets = self._call_targets(call)
        if len(targets) != 1:
            return None
        returned = self._detector().summaries.returned_objects(targets[0])
        if returned is None:
            return None
        parts = returned.elements if returned.state == "tuple" else (returned,)
        return [self._returned_held(call, targets[0], part) if part is not None else None for part in parts]

    def _returned_held(self, call: ast.Call, target: Callee, returned) -> tuple[str, Held] | None:
        if returned.model.startswith("<local>."):
            binding = self.model.module_scope.names.get(returned.model[8:]) if self.model.module_scope else None
            model = self._local_model(binding) if isinstance(binding, LocalClass) else None
        else:
            resolver = self.file.project_resolver
            model = resolver.remember("model-class", returned.model,
                                      lambda: self._imported_class(returned.model, 0)) if resolver else None
        if model is None:
            return None
        if returned.closed is not None:
            return returned.state, Held("", model, returned.eager, detached_by=returned.closed)
        given = [*enumerate(call.args), *((kw.arg, kw.value) for kw in call.keywords if kw.arg)]
        session = next((arg for where, arg in given if receiving_parameter(target, call, where) == returned.session),
                       None)
        if not isinstance(session, ast.Name) or self._async_session(session) is None:
            return None
        return returned.state, Held(session.id, model, returned.eager)

    def visit_Return(self, node: ast.Return) -> None:
        if node.value is not None and self.model.in_async_function:
            self._response_reads(node)

    def visit_Expr(self, node: ast.Expr) -> None:
        if isinstance(node.value, ast.Await) and self._scope() is not None:
            self._annotated_load(node.value)  # await warm_up(session): its rows are in the session

    def _annotated_load(self, value: ast.Await) -> None:
        """``projects = await list_user_project_models(session=session, ...)`` whose summary says
        nothing but whose annotation says ``-> List[ProjectModel]``: rows of that class are now
        in the session given (a many-to-one to them may come from the identity map)."""
        call = value.value
        if not isinstance(call, ast.Call) or not any(isinstance(a, ast.Name) and self._async_session(a)
                                                     for a in [*call.args, *(k.value for k in call.keywords)]):
            return
        targets = self._call_targets(call)
        returns = targets[0].node.returns if len(targets) == 1 else None
        name = annotated_class_name(returns)
        if name is None:
            return
        sessions = [a.id for a in [*call.args, *(k.value for k in call.keywords)]
                    if isinstance(a, ast.Name) and self._async_session(a)]
        known = self._session_classes.setdefault(id(self.model.function_scope), {})
        for session in sessions:
            known.setdefault(session, set()).add(name)

    def _response_reads(self, node: ast.Return) -> None:
        """FastAPI's response validation (decision 2): an ``async def`` route whose
        ``response_model=`` (or return annotation) is a Pydantic schema, returning a held object
        (or a list of them), has the schema read it; each path is judged at the ``return``."""
        value = node.value
        scope = self._held.get(id(self.model.function_scope))
        lists = self._lists.get(id(self.model.function_scope), {})
        if not isinstance(value, ast.Name) or not (scope and value.id in scope or value.id in lists):
            return
        func = self.model.function_scope.node
        schema = _response_schema(func)
        if schema is None:
            return
        detector = self._detector()
        cls = detector.classes.resolve(schema, self.model.qualname, None)
        if cls is None:
            return
        held = lists[value.id] if value.id in lists else scope[value.id]
        shown = ast.Name(id=f"{value.id}[i]") if value.id in lists else value
        for path, read in sorted(detector.summaries.schema_reads(cls).items()):
            self._handed_read(node, shown, held, path, read.steps)

    def _bind_returned(self, name: str, kind: str, held: Held) -> None:
        self._remember_classes(held)
        if kind == "one":
            self._held.setdefault(id(self.model.function_scope), {})[name] = held
        else:
            held.many = True
            self._lists.setdefault(id(self.model.function_scope), {})[name] = held

    def _handed_read(self, call: ast.Call, arg: ast.expr, held: Held, path: str, steps: tuple[Related, ...]) -> None:
        """``path`` of ``arg`` (holding ``held``) is read through ``call``: each rule decides."""

    def _via(self, steps: tuple[Related, ...], depth: int = 0) -> str:
        """"via volume_model_to_volume() at app/services/volumes.py:21": where the read is made
        (for a schema, the field of the ``depth``-th step of the path: ``VolumeOut.user``)."""
        schema = [s for s in steps if "() " not in s.note and " reads " in s.note]
        where = schema[min(depth, len(schema) - 1)] if schema and len(schema) == len(steps) else steps[-1]
        return f"via {where.note.split(' reads ')[0]} at {location(where, self._detector().root)}"

    def _walk(self, held: Held, path: str) -> tuple[Held, str] | None:
        """Follow ``path`` through the relationships ``held`` loaded: (the object at the first
        step that is not a loaded relationship, that step), or None when the path reads nothing
        of a known class."""
        current = held
        for attr in path.split("."):
            model = current.model
            if model is None or current.eager is None:
                return None
            if attr not in current.eager or attr not in model.relationships:
                return current, attr
            following = self._derived(current, attr)
            if following is None:
                return None
            current = following
        return None

    def leave_AsyncWith(self, node: ast.AsyncWith) -> None:
        """``async with AsyncSessionLocal() as db:`` closes ``db`` when the block ends: the objects
        it holds are detached from there on."""
        key = id(self.model.function_scope)
        scope = self._held.get(key)
        if not scope and not self._lists.get(key):
            return
        for item in node.items:
            name = item.optional_vars
            if isinstance(name, ast.Name) and self._async_session(name) is not None:
                end = node.end_lineno or node.lineno
                self._detach(scope or {}, name.id, f"the 'async with' block of '{name.id}' ended on line {end}")

    def leave_With(self, node: ast.With) -> None:
        """``with SessionLocal() as db:``: the same, for a sync session."""
        if self.model.in_async_function or not self._held.get(id(self.model.function_scope)):
            return
        for item in node.items:
            name = item.optional_vars
            if isinstance(name, ast.Name) and self._async_session(name) is not None:
                end = node.end_lineno or node.lineno
                self._detach(self._held[id(self.model.function_scope)], name.id,
                             f"the 'with' block of '{name.id}' ended on line {end}")

    def _detach(self, scope: dict[str, Held], session: str, how: str) -> None:
        lists = self._lists.get(id(self.model.function_scope), {})
        for held in list(scope.values()) + list(lists.values()):
            if held.session == session and held.persistent and held.detached_by is None:
                held.detached_by = how

    def visit_Attribute(self, node: ast.Attribute) -> None:
        value = node.value
        while isinstance(value, ast.Attribute):
            value = value.value
        if not isinstance(value, ast.Name):
            return
        scope = self._held.get(id(self.model.function_scope))  # only read here: nothing to create
        if not scope or value.id not in scope or not self._following():
            return
        held = self._held_of(node.value)
        if held is None:
            return
        if isinstance(node.ctx, ast.Store):
            if held.eager is not None:  # x.items = [...]: the attribute holds what was set, no load
                held.eager = held.eager | {node.attr}
        elif isinstance(node.ctx, ast.Load):
            self._read(node, held)

    def _read(self, node: ast.Attribute, held: Held) -> None:
        """A read of ``node.value.id``'s attribute: each rule decides."""
