"""What the ORM rules (DBS014, DBS015) share: the ORM objects each name of the walked function
holds, which session loaded them, with which eager options, and what happens to that session.
The mapped classes are read by :mod:`mapped_classes`; objects handed to calls and returned by
them by :mod:`objects_across_calls`.

Objects come from ``x = await s.get(Model, ...)``, ``x = await s.scalar(select(Model)...)``, result
chains (``(await s.execute(stmt)).scalars().first()``, ``result = await s.execute(stmt)`` then
``result.scalar_one()``), loops and comprehensions over loaded lists, objects built here
(``x = Model(...)``) and added, and objects deleted through the session.
"""
from __future__ import annotations

import ast
import re

from flake8_dbsession.model.flavour import Kind
from flake8_dbsession.model.orm_classes import ModelClass
from flake8_dbsession.model.orm_loads import SESSION_STEPS, eager_paths, result_chain, statement_parts
from flake8_dbsession.model.syntax import target_names
from flake8_dbsession.rules.across_calls import AcrossCalls
from flake8_dbsession.rules.held import Held
from flake8_dbsession.rules.mapped_classes import MappedClasses
from flake8_dbsession.rules.objects_across_calls import ObjectsAcrossCalls

__all__ = ["Held", "_HeldObjects", "_NO_IO_ATTRS"]

_WITH_TARGET = re.compile(r"\bwith\b[^\n]*\bas\b")


def _may_close(text: str | None) -> bool:
    """Does a function's text close something or bind a ``with`` target? (No text: yes.)"""
    return text is None or ".close()" in text or _WITH_TARGET.search(text) is not None


_NO_IO_ATTRS = {"awaitable_attrs", "__class__", "__dict__", "_sa_instance_state", "__table__", "__tablename__"}


class _HeldObjects(MappedClasses, ObjectsAcrossCalls, AcrossCalls):
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
        self._sync_followed: dict[int, bool] = {}  # sync functions: may one close a session?
        self._last_scope, self._last_answer = None, False  # _following's answer for the last scope
        self._loading_modules: dict[str, bool] = {}  # callee qualname -> its module's text runs a query
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

    follows_sync = False  # the objects of sync sessions too (DBS015: detached reads; DBS014: lazy="raise")

    def _following(self) -> bool:
        """Does this rule follow objects in the function being walked? In sync code, only in a
        function whose text closes something (``.close()``) or binds a ``with`` target: a
        detached object needs its session closed (a text question, asked once per function)."""
        func = self.model.function_scope
        if func is self._last_scope:  # asked for every assignment, call and read: once per function
            return self._last_answer
        if func is None or func.kind != "function":
            known = False
        elif func.is_async:
            known = True
        elif not self.follows_sync:
            known = False
        else:
            known = self._sync_followed.get(id(func.node))
            if known is None:
                lines = self.file.lines
                text = "".join(lines[func.node.lineno - 1:func.node.end_lineno or func.node.lineno]) \
                    if lines is not None else None
                known = self._sync_followed[id(func.node)] = self._follows_sync_function(text)
        self._last_scope, self._last_answer = func, known
        return known

    def _follows_sync_function(self, text: str | None) -> bool:
        """For a rule that ``follows_sync``: is this sync function (its text, None when the
        front end gave none) worth following?"""
        return _may_close(text)

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
        if isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Name) \
                and (self.model.in_async_function or node.value.func.id[:1].isupper()):
            # x = Model(...)? Pending until added and flushed; the class is read only if it is added
            # (in sync code, where most calls build no model, only a name spelled like a class)
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
    def visit_Return(self, node: ast.Return) -> None:
        if node.value is not None and self.model.in_async_function:
            self._response_reads(node)

    def visit_Expr(self, node: ast.Expr) -> None:
        if isinstance(node.value, ast.Await) and self._scope() is not None:
            self._annotated_load(node.value)  # await warm_up(session): its rows are in the session

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
