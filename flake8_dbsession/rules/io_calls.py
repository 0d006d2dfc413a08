"""The slow-I/O detector DBS018 and DBS019 share: is this call a slow external call?

Slow means: a known slow call (HTTP clients ``requests``, ``httpx``, ``aiohttp``, ``urllib``;
``time.sleep``, ``asyncio.sleep``; ``smtplib``; ``subprocess``; ``boto3``/``botocore``; ``yfinance``),
a method of a client object built from one of those libraries in the same function, a
``dbs-io-calls`` pattern, or a first-party function or method whose body makes such a call,
followed through the project to a bounded depth (seed 004's ``self.provider.fetch_price_data()``
reaches ``httpx`` in another module). Answers about first-party functions are cached per process.
"""
from __future__ import annotations

import ast
import fnmatch
from typing import Callable, NamedTuple

from flake8_dbsession.model.scopes import Imported, Instance, LocalClass, LocalDef
from flake8_dbsession.model.syntax import all_args, method_of
from flake8_dbsession.model.walk import own_nodes
from flake8_dbsession.model.classes import ClassMethods, ClassRef, body_facts, constructed_class
from flake8_dbsession.relevance import IDENTIFIER, import_statements

SLOW_MODULES = ("requests", "httpx", "aiohttp", "urllib.request", "urllib3", "smtplib", "subprocess",
                "boto3", "botocore", "yfinance")
SLOW_FUNCTIONS = ("time.sleep", "asyncio.sleep")
# calls into a slow library that only build an object; the object's methods are the slow part
CLIENT_CONSTRUCTORS = {"Client", "AsyncClient", "Session", "ClientSession", "SMTP", "SMTP_SSL", "client",
                       "resource", "Ticker", "PoolManager", "Popen"}
_NOT_SLOW_METHODS = {"close", "aclose", "__enter__", "__aenter__", "raise_for_status", "json"}
MAX_DEPTH = 5
# a module can make a slow call only if it imports one of these (urllib only as urllib.request)
_SLOW_IMPORTS = frozenset(m.split(".")[0] for m in SLOW_MODULES) - {"urllib"}

# (module path, line, column) of a first-party function in another module -> why it is slow.
# Keyed by position, not id(): module trees may be dropped and rebuilt (see project.resolve).
_function_cache: dict[tuple[str, int, int], str | None] = {}


# module text -> whether it imports a slow library (the texts are the project index's own)
_imports_slow: dict[str, bool] = {}


def forget() -> None:
    """Drop the verdicts on other modules' functions (their files changed)."""
    _function_cache.clear()
    _imports_slow.clear()


def imports_slow_library(text: str) -> bool:
    """Whether a module's text imports a slow library (``import httpx``, ``from urllib.request
    import urlopen``) or names ``sleep``: without that, none of its functions can call one
    directly. Words in comments, docstrings or ``urllib.parse`` imports do not count."""
    found = _imports_slow.get(text)
    if found is None:
        found = "sleep" in text or any(_slow_statement(statement) for statement in import_statements(text))
        if len(_imports_slow) > 4096:
            _imports_slow.clear()
        _imports_slow[text] = found
    return found


def _slow_statement(statement: str) -> bool:
    names = set(IDENTIFIER.findall(statement))
    return bool(names & _SLOW_IMPORTS) or ("urllib" in names and "request" in names)


class Callee(NamedTuple):
    """A function a call runs: its def, its module's name resolution, and the module's path
    (None for the file being linted, whose answers are cached per file only)."""

    node: ast.FunctionDef | ast.AsyncFunctionDef
    qualname_of: Callable[[ast.expr], str | None]
    path: str | None = None
    owner: ClassRef | None = None  # the class a method was found in: its self.m() calls are followed


def _matches_library(qualname: str) -> bool:
    return qualname in SLOW_FUNCTIONS or any(qualname == m or qualname.startswith(m + ".") for m in SLOW_MODULES)


def library_call(qualname: str | None, patterns: tuple[str, ...] = ()) -> str | None:
    """'requests.get' -> 'requests.get'; a client constructor -> None (building is not slow)."""
    if not qualname:
        return None
    if any(fnmatch.fnmatchcase(qualname, p) for p in patterns):
        return qualname
    if not _matches_library(qualname):
        return None
    last = qualname.rsplit(".", 1)[-1]
    if last in CLIENT_CONSTRUCTORS or last[:1].isupper():
        return None  # a class: building a client, a timeout or a request object does no I/O
    return qualname


def builds_client(qualname: str | None) -> bool:
    return bool(qualname) and _matches_library(qualname) and qualname.rsplit(".", 1)[-1] in CLIENT_CONSTRUCTORS


class SlowCallDetector:
    """Per linted file. ``qualname``: the file's import resolution; ``definition(qualname)``: the
    resolver's (binding, facts) for a first-party name; ``patterns``: dbs-io-calls."""

    def __init__(self, qualname: Callable[[ast.expr], str | None], lookup: Callable[[str], object],
                 definition: Callable[[str], tuple], patterns: tuple[str, ...],
                 module_text: Callable[[str], str | None] | None = None) -> None:
        self.module_text = module_text
        self.qualname = qualname
        self.lookup = lookup  # local name -> binding in the current scope
        self.definition = definition
        self.patterns = patterns
        self._local_reasons: dict[tuple[None, int, int], str | None] = {}
        self.classes = ClassMethods(lookup, qualname, definition)
        self.local_function: ast.AST | None = None  # set by the rule: the function being walked
        self.local_names: dict = {}  # and its scope's names bound so far
        self._params: dict[int, set[str]] = {}
        self._typed_locals: dict[int, tuple[dict[str, ast.expr], dict[str, str]]] = {}

    # ------------------------------------------------------------------ the current file
    def slow_call(self, call: ast.Call, clients: set[str], self_class: ast.ClassDef | None,
                  attr_classes: dict[str, list[ast.expr]], awaited: bool = True) -> str | None:
        """A label for ``call`` when it is slow ('httpx.get', "fetch_price_data() (calls httpx...)"),
        or None. ``awaited``: whether the call's value is awaited where it is made."""
        func = call.func
        direct = library_call(self.qualname(func), self.patterns)
        if direct:
            return f"{direct}()"
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in clients \
                and func.attr not in _NOT_SLOW_METHODS:
            return f"{func.value.id}.{func.attr}()"
        if _client_used(call, {}, self.qualname) is not None:  # httpx.AsyncClient().post(...)
            return f"{_short(func)}()"
        target = self._callee(func, self_class, attr_classes)
        if target is None or (not awaited and isinstance(target.node, ast.AsyncFunctionDef)):
            return None  # a coroutine not awaited here (create_task(work())) runs in its own time
        reason = self.function_reason(target, 1)
        if reason is None:
            return None
        return f"{_short(func)}() (it calls {reason})"

    def _callee(self, func: ast.expr, self_class: ast.ClassDef | None, attr_classes: dict[str, list[ast.expr]],
                any_module: bool = False):
        """The first-party function a call runs, with the qualname resolution of its module."""
        if isinstance(func, ast.Name):
            binding = self.lookup(func.id)
            if isinstance(binding, LocalDef):
                return Callee(binding.node, self.qualname)
            if isinstance(binding, Imported):
                return self._imported_function(binding.qualname, any_module)
            return None
        if not isinstance(func, ast.Attribute):
            return None
        value = func.value
        if isinstance(value, ast.Name) and value.id == "self" and self_class is not None:
            return self._method(ClassRef(self_class, self.qualname, None), func.attr)
        instance = self.lookup(value.id) if isinstance(value, ast.Name) else None
        if isinstance(instance, Instance):  # Models.get_model_by_id where Models = ModelsTable() here
            method = method_of(instance.cls, func.attr)
            return Callee(method, self.qualname) if method is not None else None
        typed = self.body_facts(self.local_function)[0] if isinstance(value, ast.Name) \
            and self._assigned_local(value.id) else {}  # worked out on the first such call only
        if isinstance(value, ast.Name) and value.id in typed:  # client = PluginModelClient()
            cls = self.classes.resolve(typed[value.id], self.qualname, None)
            return self._method(cls, func.attr) if cls is not None else None
        if isinstance(value, ast.Attribute) and isinstance(value.value, ast.Name) and value.value.id == "self" \
                and value.attr in attr_classes:
            for class_ref in attr_classes[value.attr]:
                found = self._class_method(class_ref, func.attr)
                if found is not None and not is_abstract(found.node):
                    return found
            return None
        if constructed_class(value) is not None:
            return self._class_method(value.func, func.attr)  # Provider().fetch(...)
        qualname = self.qualname(func)
        return self._imported_function(qualname, any_module) if qualname else None

    def _method(self, cls: ClassRef, name: str) -> Callee | None:
        """Method ``name`` of ``cls`` or of its first-party bases (an interface's abstract method
        makes no call, so reading it finds no evidence)."""
        found = self.classes.method(cls, name)
        if found is None:
            return None
        node, owner = found
        return Callee(node, owner.qualname_of, owner.path, owner)

    def _class_method(self, class_ref: ast.expr, method: str):
        if isinstance(class_ref, ast.Name):
            binding = self.lookup(class_ref.id)
            if isinstance(binding, LocalClass):
                node = method_of(binding.node, method)
                return Callee(node, self.qualname) if node is not None else None
            if isinstance(binding, Imported):
                return self._imported_method(binding.qualname, method)
            return None
        qualname = self.qualname(class_ref)
        return self._imported_method(qualname, method) if qualname else None

    def _worth_reading(self, qualname: str) -> bool:
        """Parse another module only when its text imports a slow library (or a dbs-io-calls
        pattern is configured): most first-party calls made while a session is open are not."""
        if self.patterns or self.module_text is None:
            return True
        text = self.module_text(qualname)
        return text is not None and imports_slow_library(text)

    def _imported_function(self, qualname: str, any_module: bool = False):
        if not any_module and not self._worth_reading(qualname):
            return None
        binding, facts = self.definition(qualname)
        if isinstance(binding, LocalDef) and facts is not None:
            return Callee(binding.node, facts.model.qualname, facts.path)
        owner, _, name = qualname.rpartition(".")
        owner_text = self.module_text(owner) if self.module_text is not None and owner else None
        if binding is None and owner_text is not None and f"{owner.rsplit('.', 1)[-1]} = " in owner_text:
            # Files.get_file_by_id where 'Files = FilesTable()' in that module
            binding, facts = self.definition(owner)
            if isinstance(binding, Instance) and facts is not None:
                node = method_of(binding.cls, name)
                return Callee(node, facts.model.qualname, facts.path) if node is not None else None
        return None

    def _imported_method(self, qualname: str, method: str):
        if not self._worth_reading(qualname):
            return None
        binding, facts = self.definition(qualname)
        if isinstance(binding, LocalClass) and facts is not None:
            node = method_of(binding.node, method)
            return Callee(node, facts.model.qualname, facts.path) if node is not None else None
        return None

    def _assigned_local(self, name: str) -> bool:
        """Could ``name`` be one of the current function's typed locals? It must be bound in the
        function so far (``local_names``: its scope) and not be a parameter; most receivers are
        parameters or imports, and reading the body for them would find nothing."""
        func = self.local_function
        if func is None or name not in self.local_names:
            return False
        params = self._params.get(id(func))
        if params is None:
            params = self._params[id(func)] = {a.arg for a in all_args(func.args)}
        return name not in params

    def body_facts(self, func: ast.AST) -> tuple[dict[str, ast.expr], dict[str, str]]:
        """(locals bound to a stated class, imports made inside) of a function, once per function."""
        key = id(func)
        if key not in self._typed_locals:
            self._typed_locals[key] = body_facts(func)
        return self._typed_locals[key]

    def _method_in_body(self, func: ast.Attribute, callee: Callee) -> Callee | None:
        """Inside a first-party body: ``self._request(...)`` (the method's class and bases),
        ``client.get_model_schema(...)`` on ``client = PluginModelClient()`` or a ``cast``,
        ``PluginModelClient().get_model_schema(...)``."""
        value = func.value
        cls = None
        if isinstance(value, ast.Name) and callee.owner is not None and value.id == _self_name(callee.node):
            cls = callee.owner
        elif isinstance(value, ast.Name):
            typed, imports = self.body_facts(callee.node)
            expr = typed.get(value.id)
            cls = self.classes.resolve(expr, callee.qualname_of, callee.path, imports) if expr is not None else None
        elif constructed_class(value) is not None:
            cls = self.classes.resolve(value.func, callee.qualname_of, callee.path, self.body_facts(callee.node)[1])
        return self._method(cls, func.attr) if cls is not None else None

    # ------------------------------------------------------------------ first-party bodies
    def function_reason(self, callee: Callee, depth: int, iterated: bool = False) -> str | None:
        """Why ``callee`` is slow ('httpx.AsyncClient', 'time.sleep'), or None. Bounded, cached.
        ``iterated``: the caller iterates what the call returns, so a generator's body runs."""
        func, qualname_of = callee.node, callee.qualname_of
        cache: dict = _function_cache if callee.path is not None else self._local_reasons
        key = (callee.path, func.lineno, func.col_offset, iterated)
        if key in cache:
            return cache[key]
        nodes = own_nodes(func)  # one read of the body for all the questions below
        if not iterated and any(isinstance(n, (ast.Yield, ast.YieldFrom)) for n in nodes):
            cache[key] = None  # a generator: calling it runs none of its body
            return None
        cache[key] = None  # recursion guard
        reason = None
        clients = _clients_built(nodes, qualname_of)
        loops = _iterated_calls(nodes)
        for node in nodes:
            if not isinstance(node, ast.Call):
                continue
            qualname = qualname_of(node.func)
            if library_call(qualname, self.patterns):
                reason = qualname
                break
            used = _client_used(node, clients, qualname_of)
            if used is not None:
                reason = used
                break
            if depth >= MAX_DEPTH:
                continue
            target = None
            if isinstance(node.func, ast.Name) and qualname and "." in qualname:
                target = self._imported_function(qualname)
            elif isinstance(node.func, ast.Attribute):
                target = self._method_in_body(node.func, callee)
            if target is not None and not is_abstract(target.node):
                inner = self.function_reason(target, depth + 1, id(node) in loops)
                if inner:
                    reason = inner
                    break
        cache[key] = reason
        return reason


def _iterated_calls(nodes: list[ast.AST]) -> set[int]:
    """ids of the calls whose result a function (its :func:`own_nodes`) iterates: ``for x in
    gen()``, or ``r = gen()`` then ``for x in r`` (dify's plugin client streams its daemon's answer
    through generators)."""
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


def _self_name(func: ast.FunctionDef | ast.AsyncFunctionDef) -> str | None:
    args = func.args.posonlyargs + func.args.args
    return args[0].arg if args and args[0].arg in ("self", "cls") else None


def _clients_built(nodes: list[ast.AST], qualname_of) -> dict[str, str]:
    """Names a function (its :func:`own_nodes`) binds to a client of a slow library (``c =
    httpx.AsyncClient()``, ``async with aiohttp.ClientSession() as c``) -> the constructor's
    qualified name."""
    out = {}
    for node in nodes:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            value, targets = node.value, node.targets
        elif isinstance(node, ast.withitem) and isinstance(node.context_expr, ast.Call):
            value, targets = node.context_expr, [node.optional_vars]
        else:
            continue
        qualname = qualname_of(value.func)
        if builds_client(qualname):
            out.update({t.id: qualname for t in targets if isinstance(t, ast.Name)})
    return out


def _client_used(call: ast.Call, clients: dict[str, str], qualname_of) -> str | None:
    """``c.get(...)`` on a client built above, or ``httpx.AsyncClient().get(...)``: the client's
    constructor. Building a client alone (a factory such as ``_get_client()``) is not slow."""
    func = call.func
    if not isinstance(func, ast.Attribute) or func.attr in _NOT_SLOW_METHODS:
        return None
    if isinstance(func.value, ast.Name) and func.value.id in clients:
        return clients[func.value.id]
    if isinstance(func.value, ast.Call) and builds_client(qualname_of(func.value.func)):
        return qualname_of(func.value.func)
    return None


def is_abstract(func: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """An interface's method (ABC, Protocol): ``@abstractmethod``, or a body of only a docstring,
    ``...``, ``pass`` or ``raise NotImplementedError``. It is no evidence of what the
    implementation does; the concrete default a constructor builds (``x or Default()``) is."""
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


def _short(func: ast.expr) -> str:
    try:
        return ast.unparse(func)
    except (RecursionError, ValueError, AttributeError):
        return "..."
