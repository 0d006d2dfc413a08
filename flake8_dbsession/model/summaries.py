"""Function summaries: what a first-party function does when it is called, read once from its body.

Rules ask about one function; real bugs cross calls. A rule asks this layer, never another
function's body itself:

- ``slow(callee)``: the slow external call the function reaches (its own, or a callee's, followed
  through the project to a bounded depth), with the chain of calls that leads there;
- ``global_io(callee)``: the module-level sessions (``db.session`` of Flask-SQLAlchemy, a
  ``scoped_session`` registry) whose connection is still checked out when the function returns:
  it queried through them and did not commit, roll back or close them afterwards;
- ``targets(call, callee)``: the bodies a call made inside ``callee`` may run. Receivers are typed
  from evidence (:mod:`receiver_types`); a call on a receiver typed by an annotation, a ``cast`` or
  ``self`` runs the method found along its class's bases *or* any first-party override
  (:mod:`hierarchy`, decision 9); a constructor's class is that class only. An abstract method is
  no body. A function reference handed to a callee that calls its parameter counts as called.

Unknown callees have no effects. Recursion ends at a depth bound and a guard. Answers about other
modules' functions are plain data, cached per process and keyed by position; answers about the
linted file's functions are kept for that file only.
"""
from __future__ import annotations

import ast
import copy
from typing import Callable, NamedTuple

from flake8_dbsession.findings import Related, source_text
from flake8_dbsession.model import api
from flake8_dbsession.model.classes import ClassMethods, ClassRef, body_facts, constructed_class
from flake8_dbsession.model.flavour import Kind
from flake8_dbsession.model.hierarchy import class_table
from flake8_dbsession.model.receiver_types import (
    TypeRef, annotation_classes, attribute_classes, narrowed_attributes, returned_types)
from flake8_dbsession.model.scopes import Instance, LocalDef
from flake8_dbsession.model.slow_libraries import client_used, clients_built, imports_slow_library, library_call
from flake8_dbsession.relevance import import_statements
from flake8_dbsession.model.ownership import session_calls
from flake8_dbsession.model.syntax import all_args, method_of, query_receiver
from flake8_dbsession.model.walk import own_nodes

MAX_DEPTH = 8
MAX_GLOBAL_DEPTH = 3
MAX_REACH = 2  # import levels the text gate of overrides follows (see may_reach_slow)
_RELEASE = {"commit", "rollback", "close", "remove"}
_HOLDERS = (Kind.SESSION, Kind.CONNECTION, Kind.REGISTRY)

# (module path, line, column, class, iterated) -> SlowPath | None, for functions of other modules
_slow_cache: dict[tuple, "SlowPath | None"] = {}
_global_cache: dict[tuple, tuple[str, ...]] = {}
_coroutine_cache: dict[tuple, "tuple[Related, ...] | None"] = {}
_reach_cache: dict[str, bool] = {}  # module path -> may it reach a slow call (see may_reach_slow)
_imports_cache: dict[str, tuple[bool, tuple[str, ...]]] = {}  # module path -> what its text imports
_dispatch_cache: dict[tuple, tuple | None] = {}  # (class, method, exact, iterated) -> slow body


def forget() -> None:
    _reach_cache.clear()
    _imports_cache.clear()
    _dispatch_cache.clear()
    _slow_cache.clear()
    _global_cache.clear()
    _coroutine_cache.clear()


class Callee(NamedTuple):
    """A function a call runs: its def, its module's name resolution, the module's path (None for
    the linted file), and the class ``self`` is (``exact``: that class only, else any subclass)."""

    node: ast.FunctionDef | ast.AsyncFunctionDef
    qualname_of: Callable[[ast.expr], str | None]
    path: str | None = None
    owner: ClassRef | None = None
    exact: bool = True
    override: bool = False  # found in a subclass of the receiver's class (decision 9)

    @property
    def name(self) -> str:
        return f"{self.owner.node.name}.{self.node.name}" if self.owner is not None else self.node.name


class SlowPath(NamedTuple):
    """Why a function is slow: the library call at the end (``reason``) and each call on the way
    there, in order; the last step is the slow call itself."""

    reason: str
    steps: tuple[Related, ...]

    @property
    def where(self) -> Related:
        return self.steps[-1]


def _step(callee: Callee, node: ast.AST, note: str) -> Related:
    return Related(callee.path or "", getattr(node, "lineno", 1), getattr(node, "col_offset", 0), note)


def is_abstract(func: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """An interface's method (ABC, Protocol): ``@abstractmethod``, or a body of only a docstring,
    ``...``, ``pass`` or ``raise NotImplementedError``. It is no evidence of what the
    implementation does; its overrides are."""
    if any((getattr(d, "attr", None) or getattr(d, "id", None)) == "abstractmethod" for d in func.decorator_list):
        return True
    for stmt in func.body:
        if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
            continue  # docstring, ...
        if isinstance(stmt, ast.Pass):
            continue
        if isinstance(stmt, ast.Raise) and "NotImplementedError" in ast.dump(stmt):
            continue
        return False
    return True


def self_name(func: ast.FunctionDef | ast.AsyncFunctionDef) -> str | None:
    args = func.args.posonlyargs + func.args.args
    return args[0].arg if args and args[0].arg in ("self", "cls") else None


def receiving_parameter(callee: Callee, call: ast.Call, where: int | str) -> str | None:
    """The parameter of ``callee`` that argument ``where`` of ``call`` (a position, or a keyword)
    lands in; ``self``/``cls`` is skipped for a method called on an object."""
    args = callee.node.args
    params = [a.arg for a in args.posonlyargs + args.args]
    if params and params[0] in ("self", "cls") and isinstance(call.func, ast.Attribute):
        params = params[1:]
    if isinstance(where, int):
        return params[where] if where < len(params) else None
    return where if where in params or where in {a.arg for a in args.kwonlyargs} else None


def iterated_calls(nodes: list[ast.AST]) -> set[int]:
    """ids of the calls whose result a function (its own nodes) iterates: ``for x in gen()``, or
    ``r = gen()`` then ``for x in r`` (dify's plugin client streams its daemon's answer through
    generators)."""
    bound: dict[str, int] = {}
    iterated: set[int] = set()
    loops = []
    for node in nodes:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) \
                and isinstance(node.value, ast.Call):
            bound[node.targets[0].id] = id(node.value)
        elif isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension)):
            loops.append(node.iter)
    for iterable in loops:
        if isinstance(iterable, ast.Call):
            iterated.add(id(iterable))
        elif isinstance(iterable, ast.Name) and iterable.id in bound:
            iterated.add(bound[iterable.id])
    return iterated


class Summaries:
    """The summary layer for one linted file: ``classes`` resolves class expressions, ``hierarchy``
    finds subclasses, ``definition`` maps a first-party qualified name to (binding, facts),
    ``worth_reading`` says whether another module may make slow calls at all (its text)."""

    def __init__(self, classes: ClassMethods, hierarchy, definition: Callable[[str], tuple],
                 worth_reading: Callable[[str], bool], patterns: tuple[str, ...], index=None) -> None:
        self.index = index
        self.module_path: Callable[[str], str | None] = lambda qualname: None  # set with a resolver
        self.classes = classes
        self.hierarchy = hierarchy
        self.definition = definition
        self.worth_reading = worth_reading
        self.patterns = patterns
        self._local_slow: dict[tuple, SlowPath | None] = {}
        self._local_global: dict[tuple, tuple[str, ...]] = {}
        self._local_coroutine: dict[tuple, tuple[Related, ...] | None] = {}
        self._local_params: dict[tuple, tuple[Related, ...] | None] = {}
        self._local_dispatch: dict[tuple, tuple | None] = {}
        self._facts: dict[int, tuple[dict[str, ast.expr], dict[str, str]]] = {}

    # ------------------------------------------------------------------ text gates
    def may_reach_slow(self, path: str) -> bool:
        """Can code in the module at ``path`` reach a slow call through what it imports? Its text
        imports a slow library, or a first-party module it imports does, up to ``MAX_REACH``
        import levels. Read from texts only, per process, and independent of the order of the
        questions: an override in a module that cannot reach one is not parsed (dify's thirty
        vector stores, each over its own client library)."""
        found = _reach_cache.get(path)
        if found is None:
            found = _reach_cache[path] = bool(self.patterns) or self._reaches(path)
        return found

    def _reaches(self, path: str) -> bool:
        frontier, seen = [path], {path}
        for _ in range(MAX_REACH + 1):
            following = []
            for module in frontier:
                slow, imports = self._module_imports(module)
                if slow:
                    return True
                following += [other for other in imports if other not in seen]
                seen.update(imports)
            frontier = following
        return False

    def _module_imports(self, path: str) -> tuple[bool, tuple[str, ...]]:
        """(imports a slow library, the first-party modules it imports) from a module's text."""
        found = _imports_cache.get(path)
        if found is None:
            text = self.index.source(path) if self.index is not None else None
            found = _imports_cache[path] = (False, ()) if not text else \
                (imports_slow_library(text), tuple(_first_party_imports(self.index, path, text)))
        return found

    def defines(self, name: str | None, coroutine: bool = False) -> bool:
        """Does the project define a function or method of this name (``async def`` with
        ``coroutine``)? A text question, answered from the class table's scan: a call of any
        other name (``logger.info``, ``rows.append``) cannot run a first-party body."""
        if not name or self.index is None or self.index.root is None:
            return True
        table = class_table(self.index.root)
        return name in (table.coroutines if coroutine else table.functions)

    # ------------------------------------------------------------------ what a body calls
    def body_facts(self, func: ast.AST) -> tuple[dict[str, ast.expr], dict[str, str]]:
        """(locals bound to a stated class, imports made inside) of a function, once per function."""
        key = id(func)
        if key not in self._facts:
            self._facts[key] = body_facts(func)
        return self._facts[key]

    def imported_function(self, qualname: str, any_module: bool = False) -> Callee | None:
        """A first-party function by qualified name (``Files.get_file_by_id`` where ``Files =
        FilesTable()`` in that module: the instance's method)."""
        if not any_module and not self.worth_reading(qualname):
            return None
        binding, facts = self.definition(qualname)
        if isinstance(binding, LocalDef) and facts is not None:
            return Callee(binding.node, facts.model.qualname, facts.path)
        owner, _, name = qualname.rpartition(".")
        if binding is None and owner:
            binding, facts = self.definition(owner)
            if isinstance(binding, Instance) and facts is not None:
                node = method_of(binding.cls, name)
                cls = ClassRef(binding.cls, facts.model.qualname, facts.path)
                return Callee(node, facts.model.qualname, facts.path, cls) if node is not None else None
        return None

    def methods(self, cls: ClassRef, name: str, exact: bool, overrides: bool = True) -> list[Callee]:
        """The bodies ``obj.name(...)`` may run on an object of class ``cls``: the method found
        along its bases (unless abstract) and, when the class is not exact, every first-party
        override in its subclasses (decision 9)."""
        out = []
        found = self.classes.method(cls, name)
        if found is not None and not is_abstract(found[0]):
            out.append(Callee(found[0], found[1].qualname_of, found[1].path, cls, exact))
        if not exact and overrides and self.hierarchy is not None:
            for sub in self.hierarchy.overrides(cls, name, self.may_reach_slow):
                node = method_of(sub.node, name)
                if node is not None and not is_abstract(node):
                    out.append(Callee(node, sub.qualname_of, sub.path, sub, True, True))
        return out

    def _types(self, refs: list, cls: ClassRef, qualname_of, path, imports=None) -> list[tuple[ClassRef, bool]]:
        out = []
        for ref in refs:
            if isinstance(ref, str):  # self.method(): what that method returns
                found = self.classes.method(cls, ref)
                if found is not None:
                    node, owner = found
                    out += self._types(returned_types(node), owner, owner.qualname_of, owner.path)
                continue
            resolved = self.classes.resolve(ref.expr, qualname_of, path, imports)
            if resolved is not None:
                out.append((resolved, ref.exact))
        return out

    def attribute_types(self, cls: ClassRef, attr: str, depth: int = 0) -> list[tuple[ClassRef, bool]]:
        """What ``self.attr`` holds in objects of ``cls``: assigned in its ``__init__`` or
        declared in its body, else in a first-party base's."""
        refs = attribute_classes(cls.node).get(attr)
        if refs:
            return self._types(refs, cls, cls.qualname_of, cls.path)
        if depth >= 3:
            return []
        for base in cls.node.bases:
            base = base.value if isinstance(base, ast.Subscript) else base
            ref = self.classes.resolve(base, cls.qualname_of, cls.path)
            if ref is not None and ref.node is not cls.node:
                found = self.attribute_types(ref, attr, depth + 1)
                if found:
                    return found
        return []

    def receiver_types(self, value: ast.expr, callee: Callee) -> list[tuple[ClassRef, bool]]:
        """The classes a receiver inside ``callee``'s body may be."""
        me = self_name(callee.node)
        if isinstance(value, ast.Name):
            if me is not None and value.id == me and callee.owner is not None:
                return [(callee.owner, callee.exact)]
            annotation = next((a.annotation for a in all_args(callee.node.args) if a.arg == value.id), None)
            if annotation is not None:  # a parameter: its annotation (the body need not be read)
                refs = [TypeRef(c, False) for c in annotation_classes(annotation)]
                return self._types(refs, callee.owner, callee.qualname_of, callee.path,
                                   self.body_facts(callee.node)[1] if callee.path is not None else None) \
                    if refs else []
            typed, imports = self.body_facts(callee.node)
            if value.id in typed:
                cls = self.classes.resolve(typed[value.id], callee.qualname_of, callee.path, imports)
                return [(cls, True)] if cls is not None else []
            return []
        if isinstance(value, ast.Attribute) and isinstance(value.value, ast.Name) and me is not None \
                and value.value.id == me and callee.owner is not None:
            narrowed = narrowed_attributes(callee.node).get(value.attr)
            if narrowed:
                return self._types(narrowed, callee.owner, callee.qualname_of, callee.path,
                                   self.body_facts(callee.node)[1])
            return self.attribute_types(callee.owner, value.attr)
        ctor = constructed_class(value)
        if ctor is not None:
            cls = self.classes.resolve(ctor, callee.qualname_of, callee.path, self.body_facts(callee.node)[1])
            return [(cls, True)] if cls is not None else []
        return []

    def targets(self, func: ast.expr, callee: Callee, any_module: bool = False,
                overrides: bool = True) -> list[Callee]:
        """The first-party bodies a call (or a reference) ``func`` inside ``callee`` may run
        (``overrides``: with the overrides in subclasses that may reach a slow call)."""
        if not self.defines(func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)):
            return []
        if isinstance(func, ast.Name):
            qualname = callee.qualname_of(func)
            if qualname and "." in qualname:
                found = self.imported_function(qualname, any_module)
                return [found] if found is not None else []
            model = getattr(callee.qualname_of, "__self__", None)  # a function of the same module
            binding = model.module_scope.names.get(func.id) if model is not None and not qualname else None
            if isinstance(binding, LocalDef) and func.id not in _assigned(callee.node):
                return [Callee(binding.node, callee.qualname_of, callee.path)]
            return []
        if not isinstance(func, ast.Attribute):
            return []
        out = []
        for cls, exact in self.receiver_types(func.value, callee):
            out += self.methods(cls, func.attr, exact, overrides)
        if out or isinstance(func.value, ast.Name) and func.value.id == self_name(callee.node):
            return out
        qualname = callee.qualname_of(func)
        found = self.imported_function(qualname, any_module) if qualname else None
        return [found] if found is not None else []

    def _references(self, node: ast.Call, target: Callee, callee: Callee) -> list[Callee]:
        """Functions handed to ``target`` by reference (``function=self.model.invoke``) that its
        body calls (``function(*args)``)."""
        out = []
        for where, arg in [(i, a) for i, a in enumerate(node.args)] + [(k.arg, k.value) for k in node.keywords]:
            if where is None or not isinstance(arg, (ast.Attribute, ast.Name)):
                continue
            param = receiving_parameter(target, node, where)
            if param is None or not any(isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == param
                                        for n in own_nodes(target.node)):
                continue
            out += self.targets(arg, callee)
        return out

    # ------------------------------------------------------------------ slow calls
    def slow(self, callee: Callee, depth: int = 1, iterated: bool = False) -> SlowPath | None:
        """The slow call ``callee`` reaches, with the chain, or None. ``iterated``: the caller
        iterates what the call returns, so a generator's body runs."""
        func = callee.node
        owner = (callee.owner.node.name, callee.owner.node.lineno, callee.exact) if callee.owner else None
        cache = _slow_cache if callee.path is not None else self._local_slow
        key = (callee.path, func.lineno, func.col_offset, owner, iterated)
        if key in cache:
            return cache[key]
        nodes = own_nodes(func)  # one read of the body for all the questions below
        if not iterated and any(isinstance(n, (ast.Yield, ast.YieldFrom)) for n in nodes):
            cache[key] = None  # a generator: calling it runs none of its body
            return None
        cache[key] = None  # recursion guard
        cache[key] = found = self._slow_in(callee, nodes, depth)
        return found

    def _slow_in(self, callee: Callee, nodes: list[ast.AST], depth: int) -> SlowPath | None:
        qualname_of = callee.qualname_of
        clients = clients_built(nodes, qualname_of)
        loops = iterated_calls(nodes)
        calls = sorted((n for n in nodes if isinstance(n, ast.Call)), key=lambda n: (n.lineno, n.col_offset))
        for node in calls:  # the first slow call in the source is the one a reader meets first
            qualname = qualname_of(node.func)
            direct = library_call(qualname, self.patterns)
            if direct:
                return SlowPath(direct, (_step(callee, node, f"{callee.name}() calls {direct}()"),))
            used = client_used(node, clients, qualname_of)
            if used is not None:
                call = f"{source_text(node.func, 50)}() on a client built by {used}()"
                return SlowPath(call, (_step(callee, node, f"{callee.name}() calls {call}"),))
            if depth >= MAX_DEPTH:
                continue
            func = node.func
            types = self.receiver_types(func.value, callee) \
                if isinstance(func, ast.Attribute) and self.defines(func.attr) else []
            for cls, exact in types:  # a method: the bodies it may run, answered once per class
                hit = self._dispatch_slow(cls, func.attr, exact, depth, id(node) in loops)
                if hit is not None:
                    name, override, inner, _ = hit
                    note = f"{callee.name}() calls {source_text(func, 50)}()"
                    if override:
                        note += f", which may run the override {name}()"
                    return SlowPath(inner.reason, (_step(callee, node, note),) + inner.steps)
            for target in self._targets_by_reference(node, types, callee):
                note = f"{callee.name}() calls {source_text(node.func, 50)}()"
                inner = self.slow(target, depth + 1, id(node) in loops) if not types else None
                if inner is None:
                    for reference in self._references(node, target, callee):
                        inner = self.slow(reference, depth + 1)
                        if inner is not None:
                            note += f" and hands it {reference.name}(), which it calls"
                            break
                if inner is not None:
                    return SlowPath(inner.reason, (_step(callee, node, note),) + inner.steps)
        return None

    def _targets_by_reference(self, node: ast.Call, types: list, callee: Callee) -> list[Callee]:
        """The bodies to read for a call not answered by :meth:`_dispatch_slow`: a function, or
        (typed method calls) the method found along the class's bases, for the function
        references it is handed."""
        if not types:
            return self.targets(node.func, callee)
        handed = list(node.args) + [k.value for k in node.keywords]
        if not any(isinstance(a, (ast.Name, ast.Attribute)) for a in handed):
            return []
        return [t for cls, _ in types for t in self.methods(cls, node.func.attr, True)]

    def _dispatch_slow(self, cls: ClassRef, name: str, exact: bool, depth: int, iterated: bool):
        """(body name, is an override, SlowPath, is async) for the first body ``obj.name()`` may run on
        an object of ``cls`` that reaches a slow call (see :meth:`methods`), or None. Kept per
        class and method: the overrides' modules are not parsed again for the next caller."""
        cache = _dispatch_cache if cls.path is not None else self._local_dispatch
        key = (cls.path, cls.node.name, cls.node.lineno, name, exact, iterated)
        if key in cache:
            return cache[key]
        cache[key] = None  # recursion guard
        found = None
        for target in self.methods(cls, name, exact):
            inner = self.slow(target, depth + 1, iterated)
            if inner is not None:
                found = (target.name, target.override, inner, isinstance(target.node, ast.AsyncFunctionDef))
                break
        cache[key] = found
        return found

    # ------------------------------------------------------------------ module-level sessions
    def global_io(self, callee: Callee, depth: int = 1) -> tuple[str, ...]:
        """The module-level sessions (``db.session``) ``callee`` leaves holding a connection: its
        last use of each, itself or through the callees it runs, is I/O (not a commit, rollback
        or close). Keys are the source text as the function spells it."""
        func = callee.node
        cache = _global_cache if callee.path is not None else self._local_global
        owner = (callee.owner.node.name, callee.owner.node.lineno) if callee.owner else None
        key = (callee.path, func.lineno, func.col_offset, owner)
        if key in cache:
            return cache[key]
        cache[key] = ()
        model = getattr(callee.qualname_of, "__self__", None)
        local = {a.arg for a in all_args(func.args)} | _assigned(func)
        last: dict[str, str] = {}
        calls = sorted((n for n in own_nodes(func) if isinstance(n, ast.Call)),
                       key=lambda n: (n.lineno, n.col_offset))
        for node in calls:
            if not isinstance(node.func, ast.Attribute):
                continue
            method = node.func.attr
            if method in _RELEASE or api.method_does_io(method):
                receiver = node.func.value
            elif api.is_query_terminal(method):
                receiver = query_receiver(node.func.value)
            else:
                receiver = None
            if receiver is not None and model is not None and _global_root(receiver, local) \
                    and _holds(model, receiver):
                last[source_text(receiver)] = "release" if method in _RELEASE else "io"
            elif depth < MAX_GLOBAL_DEPTH and receiver is None and isinstance(node.func.value, ast.Name) \
                    and node.func.value.id == self_name(func):  # self._load(): the same object's method
                for target in self.targets(node.func, callee, any_module=True, overrides=False):
                    for held in self.global_io(target, depth + 1):
                        last[held] = "io"
        cache[key] = found = tuple(k for k, v in last.items() if v == "io")
        return found

    # ------------------------------------------------------------------ parameters
    def parameter_io(self, callee: Callee, param: str, api_name: str,
                     depth: int = 1) -> tuple[Related, ...] | None:
        """The first I/O ``callee`` runs on the session its parameter ``param`` receives: a call
        of a method that does I/O on SQLAlchemy's ``api_name`` class ('Session'), or the
        parameter handed on, by position or keyword, to a callee that does (the steps, in order);
        None when there is no such evidence."""
        func = callee.node
        owner = (callee.owner.node.name, callee.owner.node.lineno) if callee.owner else None
        key = (callee.path, func.lineno, func.col_offset, owner, param, api_name)
        cache = self._local_params
        if key in cache:
            return cache[key]
        cache[key] = None
        found = None
        if param in _assigned(func):
            return None  # 'with get_db_context(db) as db': which session the name holds is not known
        direct = sorted((position, method, terminal) for position, method, terminal in session_calls(func, param)
                        if terminal or api.sync_does_io(api_name, method))
        calls = sorted((n for n in own_nodes(func) if isinstance(n, ast.Call)), key=lambda n: (n.lineno, n.col_offset))
        for node in calls:
            if direct and (node.lineno, node.col_offset) >= direct[0][0]:
                break
            handed = [(i, a) for i, a in enumerate(node.args)] + [(k.arg, k.value) for k in node.keywords if k.arg]
            where = [w for w, a in handed if isinstance(a, ast.Name) and a.id == param]
            if not where or depth >= MAX_GLOBAL_DEPTH:
                continue
            for target in self.targets(node.func, callee, any_module=True, overrides=False):
                inner_param = receiving_parameter(target, node, where[0])
                inner = self.parameter_io(target, inner_param, api_name, depth + 1) if inner_param else None
                if inner is not None:
                    found = (_step(callee, node, f"{callee.name}() hands '{param}' to {target.name}()"),) + inner
                    break
            if found is not None:
                break
        if found is None and direct:
            (line, col), method, _ = direct[0]
            found = (Related(callee.path or "", line, col, f"{callee.name}() calls {param}...{method}()"),)
        cache[key] = found
        return found

    # ------------------------------------------------------------------ coroutines
    def coroutine_session_io(self, callee: Callee, depth: int = 1) -> tuple[Related, ...] | None:
        """For an ``async def``: the awaited session I/O its body runs (``await self.session.
        execute(...)``), itself or through the project's coroutines it awaits, as steps; None
        when there is no such evidence. Decision 8: a call of it never awaited never runs it."""
        func = callee.node
        if not isinstance(func, ast.AsyncFunctionDef) or depth > MAX_GLOBAL_DEPTH:
            return None
        owner = (callee.owner.node.name, callee.owner.node.lineno) if callee.owner else None
        cache = _coroutine_cache if callee.path is not None else self._local_coroutine
        key = (callee.path, func.lineno, func.col_offset, owner)
        if key in cache:
            return cache[key]
        cache[key] = None
        nodes = own_nodes(func)
        if any(isinstance(n, (ast.Yield, ast.YieldFrom)) for n in nodes):
            return None  # an async generator: it is iterated, not awaited
        model = getattr(callee.qualname_of, "__self__", None)
        sessions = self._async_sessions(callee, model, nodes) if model is not None else set()
        found = None
        for node in sorted((n for n in nodes if isinstance(n, ast.Await) and isinstance(n.value, ast.Call)),
                           key=lambda n: (n.lineno, n.col_offset)):
            call = node.value
            if isinstance(call.func, ast.Attribute) and api.method_does_io(call.func.attr) \
                    and source_text(call.func.value) in sessions:
                found = (_step(callee, call, f"{callee.name}() runs 'await {source_text(call, 50)}'"),)
                break
            for target in self.targets(call.func, callee, any_module=True, overrides=False):
                inner = self.coroutine_session_io(target, depth + 1)
                if inner is not None:
                    found = (_step(callee, call, f"{callee.name}() awaits {source_text(call.func, 50)}()"),) + inner
                    break
            if found is not None:
                break
        cache[key] = found
        return found

    def _async_sessions(self, callee: Callee, model, nodes: list[ast.AST]) -> set[str]:
        """Texts that name an AsyncSession inside ``callee``: parameters annotated so,
        ``self.x`` whose class annotates it (or stores an annotated ``__init__`` parameter in it),
        module-level sessions and ``async with factory() as s`` targets."""
        out = set()
        for arg in all_args(callee.node.args):
            if _async_session(model.annotation(arg.annotation)):
                out.add(arg.arg)
        me = self_name(callee.node)
        if me is not None and callee.owner is not None:
            cls = callee.owner.node
            declared = {s.target.id: s.annotation for s in cls.body
                        if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)}
            init = method_of(cls, "__init__")
            if init is not None:
                params = {a.arg: a.annotation for a in all_args(init.args)}
                for node in own_nodes(init):
                    if isinstance(node, ast.Assign) and len(node.targets) == 1 \
                            and isinstance(node.targets[0], ast.Attribute) and isinstance(node.value, ast.Name) \
                            and node.value.id in params:
                        declared.setdefault(node.targets[0].attr, params[node.value.id])
            owner_model = getattr(callee.owner.qualname_of, "__self__", model)
            out |= {f"{me}.{name}" for name, annotation in declared.items()
                    if _async_session(owner_model.annotation(annotation))}
        local = {a.arg for a in all_args(callee.node.args)} | _assigned(callee.node)
        for node in nodes:
            if isinstance(node, ast.withitem) and isinstance(node.optional_vars, ast.Name) \
                    and isinstance(node.context_expr, ast.Call) and _global_root(node.context_expr.func, local) \
                    and _async_session(module_flavour(model, node.context_expr)):
                out.add(node.optional_vars.id)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Load) \
                    and _global_root(node, local) and _async_session(module_flavour(model, node)):
                out.add(source_text(node))
        return out


def _async_session(flavour) -> bool:
    return flavour is not None and flavour.is_async and flavour.kind in (Kind.SESSION, Kind.REGISTRY, Kind.CONNECTION)


def module_flavour(model, expr: ast.expr):
    """The flavour of an expression over module-level names, asked of a copy (see :func:`_holds`)."""
    root = expr.func if isinstance(expr, ast.Call) else expr
    while isinstance(root, ast.Attribute):
        root = root.value
    if not isinstance(root, ast.Name) or root.id not in model.module_scope.names:
        return None
    saved = model.scope
    model.scope = model.module_scope
    try:
        return model.flavour(copy.deepcopy(expr))
    finally:
        model.scope = saved


def _first_party_imports(index, path: str, text: str) -> list[str]:
    """Files of the first-party modules a module's text imports (``from app.x import y``: app/x.py,
    or app/x/y.py when ``y`` is a submodule; relative imports read against the module's package)."""
    module = index.module_name(path) or ""
    package = module if path.endswith("__init__.py") else module.rpartition(".")[0]
    out = []
    for statement in import_statements(text):
        words = statement.replace("\\\n", " ").replace("(", " ").replace(")", " ").replace(",", " ").split()
        if not words:
            continue
        if words[0] == "from" and len(words) > 3:
            base = words[1]
            if base.startswith("."):
                dots = len(base) - len(base.lstrip("."))
                parent = package.rsplit(".", dots - 1)[0] if dots > 1 else package
                base = ".".join(p for p in (parent, base.lstrip(".")) if p)
            names = [base] + [f"{base}.{w}" for w in words[3:] if w.isidentifier() and w != "as"]
        elif words[0] == "import":
            names = [w for w in words[1:] if w != "as" and all(p.isidentifier() for p in w.split("."))]
        else:
            continue
        for name in names:
            location = index.locate(name) if name else None
            if location is not None and location.file and location.file not in out:
                out.append(location.file)
    return out


def _assigned(func: ast.AST) -> set[str]:
    return {n.id for n in own_nodes(func) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}


def _global_root(expr: ast.expr, local: set[str]) -> bool:
    while isinstance(expr, ast.Attribute):
        expr = expr.value
    return isinstance(expr, ast.Name) and expr.id not in local and expr.id not in ("self", "cls")


def _holds(model, expr: ast.expr) -> bool:
    """Is ``expr`` a module-level session or registry, read at module scope of its model? Its
    root must be a name of the module (not a closure's); a copy is asked, so the model's memo of
    the real node (the linted file's own walk may ask about it in its scope) stays untouched."""
    flavour = module_flavour(model, expr)
    return flavour is not None and flavour.kind in _HOLDERS
