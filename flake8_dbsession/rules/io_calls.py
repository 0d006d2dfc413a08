"""The slow-I/O detector DBS018 and DBS019 share, for the linted file: is this call a slow
external call?

Slow means: a known slow call (see :mod:`~flake8_dbsession.model.slow_libraries`), a method of a
client object built from one of those libraries in the same function, a ``dbs-io-calls`` pattern,
or a first-party function or method that reaches such a call, which the summary layer
(:mod:`~flake8_dbsession.model.summaries`) follows through the project: seed 004's
``self.provider.fetch_price_data()`` reaches ``httpx`` in another module, through
``self._fetch_with_retry()`` of the provider's class.
"""
from __future__ import annotations

import ast
import os
from typing import Callable, NamedTuple

from flake8_dbsession.findings import Related
from flake8_dbsession.model import hierarchy, slow_libraries, summaries
from flake8_dbsession.model.classes import ClassMethods, ClassRef, constructed_class, dotted
from flake8_dbsession.model.hierarchy import Hierarchy
from flake8_dbsession.model.scopes import Imported, Instance, LocalClass, LocalDef
from flake8_dbsession.model.slow_libraries import (SLOW_FUNCTIONS, builds_client, client_used,
                                                   imports_slow_library, library_call)
from flake8_dbsession.model.callees import step_function
from flake8_dbsession.model.summaries import Callee, SlowPath, Summaries, is_abstract, receiving_parameter
from flake8_dbsession.model.syntax import all_args, last_name, method_of

__all__ = ["SLOW_FUNCTIONS", "Callee", "SlowCall", "SlowCallDetector", "builds_client", "forget",
           "imports_slow_library", "is_abstract", "receiving_parameter"]


def forget() -> None:
    """Drop the verdicts on other modules' functions (their files changed)."""
    summaries.forget()
    slow_libraries.forget()
    hierarchy.forget()


class SlowCall(NamedTuple):
    """A slow call found in the linted function: its label for the message, and the path through
    other functions when the slow call is made there (empty for a direct call)."""

    label: str
    steps: tuple[Related, ...] = ()


class SlowCallDetector:
    """Per linted file. ``qualname``: the file's import resolution; ``lookup``: a name in the
    current scope; ``definition(qualname)``: the resolver's (binding, facts) for a first-party
    name; ``patterns``: dbs-io-calls; ``index``: the project (for the class hierarchy); ``remember``:
    the resolver's per-process answers (where a class is found)."""

    def __init__(self, qualname: Callable[[ast.expr], str | None], lookup: Callable[[str], object],
                 definition: Callable[[str], tuple], patterns: tuple[str, ...],
                 module_text: Callable[[str], str | None] | None = None, index=None,
                 own_path: str | None = None, remember: Callable | None = None) -> None:
        self.module_text = module_text
        self.root = getattr(index, "root", None)  # paths in messages are relative to it
        self.qualname = qualname
        self.lookup = lookup  # local name -> binding in the current scope
        self.definition = definition
        self.patterns = patterns
        self.classes = ClassMethods(lookup, qualname, definition, remember)
        self.summaries = Summaries(self.classes, Hierarchy(self.classes, index, own_path), definition,
                                   _reading_gate(patterns, module_text), patterns, index)
        self.function_scope: Callable[[], object] = lambda: None  # the walk's current function scope
        self._params: dict[int, set[str]] = {}
        self._callees: dict[tuple, list[Callee]] = {}

    # ------------------------------------------------------------------ the current file
    def slow_call(self, call: ast.Call, clients: set[str], self_class: ast.ClassDef | None,
                  attr_classes: dict[str, list], awaited: bool = True) -> SlowCall | None:
        """The label of ``call`` when it is slow ('httpx.get()', "fetch_price_data() (it reaches
        httpx.get() via ...)") with the path through other functions, or None. ``awaited``:
        whether the call's value is awaited where it is made."""
        func = call.func
        direct = library_call(self.qualname(func), self.patterns)
        if direct:
            return SlowCall(f"{direct}()")
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in clients \
                and func.attr not in slow_libraries.NOT_SLOW_METHODS:
            return SlowCall(f"{func.value.id}.{func.attr}()")
        if client_used(call, {}, self.qualname) is not None:  # httpx.AsyncClient().post(...)
            return SlowCall(f"{_short(func)}()")
        stored = self.summaries.state_slow(call, self.local_function, self.qualname)
        if stored is not None:  # request.app.state.EMBEDDING_FUNCTION(...): what the project stored there
            path, coroutine = stored
            return SlowCall(describe(_short(func), path, self.root), path.steps) if awaited or not coroutine else None
        typed = self._typed_receiver(func, self_class, attr_classes)
        if typed is not None:  # a method on a typed receiver: the bodies it may run, answered per class
            for cls, exact in typed:
                hit = self.summaries.dispatch_slow(cls, func.attr, exact, 0, False)
                if hit is not None and (awaited or not hit[3]):
                    return SlowCall(describe(_short(func), hit[2], self.root), hit[2].steps)
            return None
        for target in self.callees(func, self_class, attr_classes):
            if not awaited and isinstance(target.node, ast.AsyncFunctionDef):
                continue  # a coroutine not awaited here (create_task(work())) runs in its own time
            path = self.summaries.slow(target, 1)
            if path is not None:
                return SlowCall(describe(_short(func), path, self.root), path.steps)
        return None

    def _typed_receiver(self, func: ast.expr, self_class, attr_classes) -> list | None:
        """(class, exact) pairs for ``receiver.method`` when the receiver is ``self``/``cls``, a
        ``self`` attribute, a typed local or an annotated parameter; None for any other call."""
        if not isinstance(func, ast.Attribute) or not self.summaries.defines(func.attr):
            return None
        key = self._typed_key(func.value, self_class)
        if key not in self._callees:
            self._callees[key] = self._receiver_classes(func.value, self_class, attr_classes)
        return self._callees[key]

    def _typed_key(self, value: ast.expr, self_class) -> tuple:
        return id(self.local_function), id(self_class), "typed", _key(value)

    def _receiver_classes(self, value: ast.expr, self_class, attr_classes) -> list | None:
        if isinstance(value, ast.Name) and value.id in ("self", "cls") and self_class is not None:
            return [(ClassRef(self_class, self.qualname, None), False)]
        if isinstance(value, ast.Name) and isinstance(self.lookup(value.id), Instance):
            return None
        typed = self.summaries.body_facts(self.local_function)[0] if isinstance(value, ast.Name) \
            and self._assigned_local(value.id) else {}  # worked out on the first such call only
        if isinstance(value, ast.Name) and value.id in typed:  # client = PluginModelClient()
            cls = self.classes.resolve(typed[value.id], self.qualname, None)
            return [(cls, True)] if cls is not None else []
        if isinstance(value, ast.Attribute) and isinstance(value.value, ast.Name) and value.value.id == "self" \
                and self_class is not None:
            own = ClassRef(self_class, self.qualname, None)
            return self.summaries.types_of(attr_classes[value.attr], own, self.qualname, None) \
                if value.attr in attr_classes else self.summaries.attribute_types(own, value.attr)
        if isinstance(value, ast.Name) and self.local_function is not None \
                and value.id in self._parameters(self.local_function):  # provider: PriceProvider
            here = Callee(self.local_function, self.qualname, None, None, False)
            return self.summaries.receiver_types(value, here)
        return None

    def function_reason(self, callee: Callee, depth: int = 1) -> SlowPath | None:
        return self.summaries.slow(callee, depth)

    def callees(self, func: ast.expr, self_class: ast.ClassDef | None, attr_classes: dict[str, list],
                any_module: bool = False, overrides: bool = True) -> list[Callee]:
        """The first-party bodies a call in the linted function may run. The same callee text in
        the same function means the same bodies: asked once (a method calls ``self.x`` often)."""
        if not isinstance(func, (ast.Name, ast.Attribute)):
            return []
        name = last_name(func)
        if isinstance(func, ast.Name) and isinstance(self.lookup(name), Imported):
            name = self.lookup(name).qualname.rsplit(".", 1)[-1]  # 'from app.x import f as g'
        if not self.summaries.defines(name):
            return []
        key = (id(self.local_function), id(self_class), any_module, overrides, _key(func))
        found = self._callees.get(key)
        if found is None:
            found = self._callees[key] = self._find_callees(func, self_class, attr_classes, any_module, overrides)
        return found

    def _find_callees(self, func: ast.expr, self_class: ast.ClassDef | None, attr_classes: dict[str, list],
                      any_module: bool, overrides: bool) -> list[Callee]:
        if isinstance(func, ast.Name):
            binding = self.lookup(func.id)
            if isinstance(binding, LocalDef):
                return [Callee(binding.node, self.qualname)]
            if isinstance(binding, Imported):
                found = self._imported_function(binding.qualname, any_module)
                return [found] if found is not None else []
            return []
        if not isinstance(func, ast.Attribute):
            return []
        value = func.value
        instance = self.lookup(value.id) if isinstance(value, ast.Name) else None
        if isinstance(instance, Instance):  # Models.get_model_by_id where Models = ModelsTable() here
            method = method_of(instance.cls, func.attr)
            return [Callee(method, self.qualname, None, ClassRef(instance.cls, self.qualname, None))] \
                if method is not None else []
        asked = self._typed_key(value, self_class)
        # slow_call asked first, and a receiver it found untyped is not worked out again
        typed = None if asked in self._callees and self._callees[asked] is None \
            else self._receiver_classes(value, self_class, attr_classes)
        if typed is not None:
            found = []
            for cls, exact in typed:
                found += self.summaries.methods(cls, func.attr, exact, overrides)
                if found and isinstance(value, ast.Attribute):
                    break  # self.provider: the first of the classes it may hold that has the method
            return found
        if constructed_class(value) is not None:
            found = self._class_method(value.func, func.attr)  # Provider().fetch(...)
            return [found] if found is not None else []
        qualname = self.qualname(func)
        found = self._imported_function(qualname, any_module) if qualname else None
        return [found] if found is not None else []

    @property
    def local_function(self) -> ast.AST | None:
        """The function being walked (None at module or class level)."""
        func = self.function_scope()
        return func.node if func is not None and func.kind == "function" else None

    @property
    def local_names(self) -> dict:
        """The names the walked function's scope has bound so far."""
        func = self.function_scope()
        return func.names if func is not None else {}

    def _callee(self, func: ast.expr, self_class: ast.ClassDef | None, attr_classes: dict[str, list],
                any_module: bool = False) -> Callee | None:
        found = self.callees(func, self_class, attr_classes, any_module)
        return found[0] if found else None

    def _class_method(self, class_ref: ast.expr, method: str):
        if isinstance(class_ref, ast.Name):
            binding = self.lookup(class_ref.id)
            if isinstance(binding, LocalClass):
                cls = ClassRef(binding.node, self.qualname, None)
                found = self.summaries.methods(cls, method, exact=True)
                return found[0] if found else None
            if isinstance(binding, Imported):
                return self._imported_method(binding.qualname, method)
            return None
        qualname = self.qualname(class_ref)
        return self._imported_method(qualname, method) if qualname else None

    def _imported_function(self, qualname: str, any_module: bool = False):
        return self.summaries.imported_function(qualname, any_module)

    def _imported_method(self, qualname: str, method: str):
        if not self.summaries.worth_reading(qualname):
            return None
        cls = self.classes.resolve_qualname(qualname)
        if cls is None:
            return None
        found = self.summaries.methods(cls, method, exact=True)
        return found[0] if found else None

    def _assigned_local(self, name: str) -> bool:
        """Could ``name`` be one of the current function's typed locals? It must be bound in the
        function so far (``local_names``: its scope) and not be a parameter; most receivers are
        parameters or imports, and reading the body for them would find nothing."""
        func = self.local_function
        if func is None or name not in self.local_names:
            return False
        return name not in self._parameters(func)

    def _parameters(self, func) -> set[str]:
        params = self._params.get(id(func))
        if params is None:
            params = self._params[id(func)] = {a.arg for a in all_args(func.args)}
        return params


def _reading_gate(patterns: tuple[str, ...], module_text) -> Callable[[str], bool]:
    """Parse another module only when its text imports a slow library (or a dbs-io-calls
    pattern is configured): most first-party calls made while a session is open are not. (A
    plain closure, not a method: the summaries must not hold the detector in a cycle.)"""
    def worth_reading(qualname: str) -> bool:
        if patterns or module_text is None:
            return True
        text = module_text(qualname)
        return text is not None and imports_slow_library(text)
    return worth_reading


def describe(call: str, path: SlowPath, root: str | None = None) -> str:
    """"invoke_llm() (it reaches client.chat.completions.create() on a openai.OpenAI client via
    OpenAIModel._invoke() at app/llm.py:17)": the call, the slow call at the end of the chain,
    and the function that makes it (its file relative to the project root)."""
    where = path.where
    if len(path.steps) == 1:
        return f"{call}() (it calls {path.reason})"
    return f"{call}() (it reaches {path.reason} via {step_function(where)}() at {location(where, root)})"


def location(step: Related, root: str | None) -> str:
    """'app/providers/yahoo.py:88', or 'line 88' for a step in the linted file."""
    return f"{display_path(step.path, root)}:{step.line}" if step.path else f"line {step.line}"


def display_path(path: str, root: str | None) -> str:
    """A path as a message shows it: relative to the project root when under it."""
    absolute = os.path.abspath(path)
    if root:
        relative = os.path.relpath(absolute, root)
        if not relative.startswith(".."):
            return relative.replace(os.sep, "/")
    return absolute


def _key(expr: ast.expr) -> str | int:
    """A callee or receiver as a cache key: its dotted name (``self.provider.fetch``: the same text
    in the same function means the same bodies), else the node itself (a call chain's text is
    rarely met twice, and unparsing every one cost more than asking again)."""
    return dotted(expr) or id(expr)


def _short(func: ast.expr) -> str:
    try:
        return ast.unparse(func)
    except (RecursionError, ValueError, AttributeError):
        return "..."
