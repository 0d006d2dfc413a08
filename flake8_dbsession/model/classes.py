"""The project's classes as the code states them: the class a name refers to (this file, or
another module through the resolver), the class a local of one function is bound to, and where a
method is found along a class's first-party bases. Used by the slow-I/O detector (which method a
call on a typed local runs) and by the record-field reader (DBS005).

Evidence of a local's class, inside one function: ``client = PluginModelClient()``,
``model = cast(TextEmbeddingModel, instance)``, ``repo: UserRepository = make()``. A method is looked
up in the class and then in its first-party bases (``TextEmbeddingModel(AIModel)`` inherits
``get_model_schema``), a few levels deep. Nothing is inferred beyond what the code states: a local
bound twice to different classes, or to anything else, has no class.
"""
from __future__ import annotations

import ast
from typing import Callable

from flake8_dbsession.model.scopes import Imported, LocalClass
from flake8_dbsession.model.syntax import method_of
from flake8_dbsession.model.walk import own_nodes, own_statements

MAX_BASES = 4


class ClassRef:
    """A first-party class and how names read in its module (``path`` None: the linted file).

    ``name``, ``lineno`` and ``path`` identify it; its ``node`` and ``qualname_of`` may come later
    (:meth:`known`): a question answered for this class before (the summary layer keeps its
    answers by class, per process) then needs no module parsed again."""

    __slots__ = ("_node", "_qualname_of", "path", "name", "lineno", "_load")

    def __init__(self, node: ast.ClassDef, qualname_of: Callable[[ast.expr], str | None], path: str | None) -> None:
        self._node, self._qualname_of, self.path = node, qualname_of, path
        self.name, self.lineno = node.name, node.lineno
        self._load: Callable[[], ClassRef | None] | None = None

    @classmethod
    def known(cls, path: str, name: str, lineno: int, load: Callable[[], ClassRef | None]) -> ClassRef:
        """A class found before, in another module; ``load()`` finds it again when its node is read."""
        ref = cls.__new__(cls)
        ref._node = ref._qualname_of = None
        ref.path, ref.name, ref.lineno, ref._load = path, name, lineno, load
        return ref

    @property
    def node(self) -> ast.ClassDef:
        if self._node is None:
            self._fill()
        return self._node

    @property
    def qualname_of(self) -> Callable[[ast.expr], str | None]:
        if self._node is None:
            self._fill()
        return self._qualname_of

    def _fill(self) -> None:
        found = self._load() if self._load is not None else None
        if found is None or found.name != self.name:  # its module no longer says so: a class with nothing
            self._node = ast.ClassDef(name=self.name, bases=[], keywords=[], body=[], decorator_list=[],
                                      lineno=self.lineno, col_offset=0)
            self._qualname_of = lambda expr: None
        else:
            self._node, self._qualname_of = found.node, found.qualname_of

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ClassRef) and self._where() == other._where()

    def _where(self) -> tuple:
        return self.path, self.name, self.lineno

    def __hash__(self) -> int:
        return hash(self._where())

    def __repr__(self) -> str:
        return f"ClassRef({self.name!r}, line {self.lineno}, {self.path!r})"


def local_classes(func: ast.AST, nodes: list[ast.AST] | None = None) -> dict[str, ast.expr]:
    """name -> the class expression a local of ``func`` is bound to, when every binding agrees:
    ``x = Cls(...)``, ``x = cast(Cls, ...)``, ``x: Cls = ...``."""
    seen: dict[str, str | None] = {}
    out: dict[str, ast.expr] = {}
    for node in own_nodes(func) if nodes is None else nodes:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            name, cls = node.targets[0].id, _class_expr(node.value)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            name, cls = node.target.id, _annotation_class(node.annotation)
        elif isinstance(node, (ast.For, ast.AsyncFor, ast.NamedExpr, ast.withitem)):
            target = node.optional_vars if isinstance(node, ast.withitem) else node.target
            for sub in ast.walk(target) if target is not None else ():
                if isinstance(sub, ast.Name):
                    seen[sub.id] = None  # bound some other way: no class
            continue
        else:
            continue
        text = dotted(cls) if cls is not None else None
        if name in seen and seen[name] != text:
            seen[name] = None
        elif name not in seen:
            seen[name] = text
            if cls is not None:
                out[name] = cls
    return {name: cls for name, cls in out.items() if seen.get(name) is not None}


def types_locals(statements: list[ast.AST]) -> bool:
    """Does any of a function's own statements bind a name to a stated class (``x = Cls(...)``,
    ``x = cast(Cls, ...)``, ``x: Cls = ...``)? Without one, :func:`local_classes` finds nothing,
    and its walk of every expression (for the names bound some other way) can be skipped."""
    for node in statements:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            if _class_expr(node.value) is not None:
                return True
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) \
                and _annotation_class(node.annotation) is not None:
            return True
    return False


def function_imports(func: ast.AST, nodes: list[ast.AST] | None = None) -> dict[str, str]:
    """Absolute imports made inside ``func`` (dify imports its plugin client there to avoid a
    cycle): local name -> qualified name."""
    out = {}
    for node in own_statements(func) if nodes is None else nodes:
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            out.update({(a.asname or a.name): f"{node.module}.{a.name}" for a in node.names if a.name != "*"})
    return out


def dotted(expr: ast.expr) -> str | None:
    """'a.b.C' for a Name/Attribute chain (ast.dump would leave a reference cycle per call)."""
    parts = []
    while isinstance(expr, ast.Attribute):
        parts.append(expr.attr)
        expr = expr.value
    if not isinstance(expr, ast.Name):
        return None
    parts.append(expr.id)
    return ".".join(reversed(parts))


def _class_expr(value: ast.expr) -> ast.expr | None:
    if not isinstance(value, ast.Call):
        return None
    func = value.func
    if (getattr(func, "id", None) or getattr(func, "attr", None)) == "cast" and value.args:
        return _annotation_class(value.args[0])
    return constructed_class(value)


def constructed_class(value: ast.expr) -> ast.expr | None:
    """``Cls`` of ``Cls(...)`` / ``mod.Cls(...)``: a class by the naming convention, to be resolved
    before it counts. A lower-case callee (``db.session.query(...)``, ``make_client()``) is not
    looked up: it names a function, and only classes are followed to their methods."""
    if not isinstance(value, ast.Call):
        return None
    func = value.func
    if isinstance(func, (ast.Name, ast.Attribute)) and (getattr(func, "id", None) or func.attr)[:1].isupper():
        return func
    return None


def _annotation_class(annotation: ast.expr) -> ast.expr | None:
    return annotation if isinstance(annotation, (ast.Name, ast.Attribute)) else None


class ClassMethods:
    """Resolves class expressions to first-party classes and finds methods along their bases."""

    def __init__(self, lookup: Callable[[str], object], qualname: Callable[[ast.expr], str | None],
                 definition: Callable[[str], tuple], remember: Callable | None = None) -> None:
        self.lookup = lookup  # the linted file's current scope
        self.qualname = qualname  # the linted file's import resolution
        self.definition = definition
        self.remember = remember  # the resolver's per-process answers about first-party names

    def resolve(self, expr: ast.expr, qualname_of: Callable[[ast.expr], str | None],
                path: str | None, imports: dict[str, str] | None = None) -> ClassRef | None:
        """The first-party class ``expr`` names, read in the module at ``path`` (``imports``: the
        enclosing function's own imports, which the module's resolution does not see)."""
        if imports and isinstance(expr, ast.Name) and expr.id in imports:
            return self.resolve_qualname(imports[expr.id])
        if path is None and isinstance(expr, ast.Name):
            binding = self.lookup(expr.id)
            if isinstance(binding, LocalClass):
                return ClassRef(binding.node, self.qualname, None)
            if not isinstance(binding, Imported):
                return None
            qualname = binding.qualname
        else:
            qualname = qualname_of(expr)
            if not qualname and isinstance(expr, ast.Name):  # a class of that module itself
                model = getattr(qualname_of, "__self__", None)
                binding = model.module_scope.names.get(expr.id) if model is not None else None
                return ClassRef(binding.node, qualname_of, path) if isinstance(binding, LocalClass) else None
        return self.resolve_qualname(qualname) if qualname else None

    def resolve_qualname(self, qualname: str) -> ClassRef | None:
        """The first-party class a qualified name defines (``app.providers.YahooProvider``). Where
        it is is kept per process: asked again, it is known without its module's facts."""
        if self.remember is None:
            return self._read_class(qualname)
        built: list[ClassRef] = []

        def locate():
            found = self._read_class(qualname)
            if found is None or found.path is None:
                return None
            built.append(found)
            return found.path, found.name, found.lineno

        where = self.remember("class", qualname, locate)
        if where is None:
            return None
        return built[0] if built else ClassRef.known(*where, load=lambda: self._read_class(qualname))

    def _read_class(self, qualname: str) -> ClassRef | None:
        binding, facts = self.definition(qualname)
        if isinstance(binding, LocalClass) and facts is not None:
            return ClassRef(binding.node, facts.model.qualname, facts.path)
        return None

    def method(self, cls: ClassRef, name: str, depth: int = 0):
        """(def, its class) for method ``name`` of ``cls`` or of a first-party base."""
        found = method_of(cls.node, name)
        if found is not None:
            return found, cls
        if depth >= MAX_BASES:
            return None
        for base in cls.node.bases:
            if isinstance(base, ast.Subscript):  # RepositoryBase[Checkout]: the generic class
                base = base.value
            base_ref = self.resolve(base, cls.qualname_of, cls.path)
            if base_ref is not None and base_ref.node is not cls.node:
                inherited = self.method(base_ref, name, depth + 1)
                if inherited is not None:
                    return inherited
        return None
