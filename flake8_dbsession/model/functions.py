"""What calling a function gives, for functions defined in the file (and, through the resolver,
in other modules): ``def get_db() -> Session``, generator dependencies that ``yield`` a session,
``@contextmanager``/``@asynccontextmanager`` helpers. Computed lazily, once per function."""
from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import TYPE_CHECKING

from flake8_dbsession.model import sqla_names
from flake8_dbsession.model.flavour import Flavour, Kind
from flake8_dbsession.model.scopes import Imported, Instance, LocalDef, Scope
from flake8_dbsession.model.syntax import called_name, method_of
from flake8_dbsession.model.walk import own_nodes, walk

if TYPE_CHECKING:
    from flake8_dbsession.model.session_model import SessionModel

_CONTEXT_DECORATORS = {"contextmanager", "asynccontextmanager"}


@dataclass(frozen=True)
class Product:
    """``flavour``: what the function returns, or yields when ``generator``; ``context``: the
    function is a context-manager factory whose ``with`` target is ``flavour``."""

    flavour: Flavour | None
    generator: bool = False
    context: bool = False
    # a context-manager factory: 'async with' for @asynccontextmanager, 'with' for @contextmanager
    protocol: str | None = None
    # its annotation names a session class, whichever (``Iterator[Union[Session, AsyncSession]]``)
    names_session: bool = False
    # every return gives back what the object or module already holds (``return self._session``):
    # an accessor, whose callers borrow the session rather than create it
    accessor: bool = False


class FunctionProducts:
    def __init__(self, model: SessionModel) -> None:
        self.model = model
        # id -> (node, product): the node is kept and compared, as a shed body read again is made
        # of new nodes and a dropped one's id may be reused
        self._cache: dict[int, tuple[ast.AST, Product]] = {}
        self._busy: set[int] = set()

    def of_callable(self, expr: ast.expr) -> Product | None:
        model = self.model
        if isinstance(expr, ast.Name):
            found, binding = model.scope.lookup(expr.id)
            if isinstance(binding, LocalDef):
                return self.of_function(binding.node)
            if isinstance(binding, Imported):
                return model.resolve_product(binding.qualname)
            return None
        if isinstance(expr, ast.Attribute):
            method = self._own_method(expr)
            if method is None and isinstance(expr.value, ast.Name):
                instance = model.scope.lookup(expr.value.id)[1]  # _db.get_session() with _db = Database()
                method = method_of(instance.cls, expr.attr) if isinstance(instance, Instance) else None
            if method is not None:
                return self.of_function(method)
            qualname = model.qualname(expr)
            return model.resolve_product(qualname) if qualname else None
        return None

    def _own_method(self, expr: ast.Attribute) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
        """``self.with_session`` inside a method: that method of the enclosing class."""
        cls = self.model.self_class(expr.value)
        return method_of(cls.node, expr.attr) if cls is not None else None

    def of_function(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> Product | None:
        key = id(node)
        hit = self._cache.get(key)
        if hit is not None and hit[0] is node:
            return hit[1]
        if key in self._busy:
            return None
        self._busy.add(key)
        try:
            product = self._compute(node)  # may raise NeedsResolver: nothing cached then
        finally:
            self._busy.discard(key)
        self._cache[key] = (node, product)
        return product

    def _compute(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> Product:
        generator = any(isinstance(n, (ast.Yield, ast.YieldFrom)) for n in own_nodes(node))
        context = generator and any(called_name(d) in _CONTEXT_DECORATORS for d in node.decorator_list)
        flavour = self.model.annotation(node.returns)
        if flavour is None and node.returns is not None:
            # '-> Iterator[Session]' promises a generator even when the body is a stub
            flavour = self.model.annotation(node.returns, unwrap_containers=True)
            generator = generator or flavour is not None
        ambiguous = flavour is not None and flavour.declared_only and flavour.kind is Kind.FACTORY \
            and not flavour.is_async  # '-> sessionmaker' also describes sessionmaker(class_=AsyncSession)
        if flavour is None or ambiguous:
            if self.model._deferring and self.model.resolver.costly:
                from flake8_dbsession.model.session_model import NeedsResolver

                raise NeedsResolver  # reading the body may reach other modules: not at binding time
            built = self._infer(node, generator)
            if not ambiguous or (built is not None and built.kind is Kind.FACTORY):
                flavour = built  # construction wins over the annotation
        protocol = None
        if context:
            protocol = "async with" if any(called_name(d) == "asynccontextmanager" for d in node.decorator_list) \
                else "with"
        return Product(flavour, generator, context, protocol, _names_session(node.returns),
                       accessor=not generator and _is_accessor(node))

    def _infer(self, node: ast.FunctionDef | ast.AsyncFunctionDef, generator: bool) -> Flavour | None:
        from flake8_dbsession.model.construction import agree
        from flake8_dbsession.model.session_model import SessionModel

        model = self.model
        sub = SessionModel(model.settings, model.resolver, module_scope=model.module_scope)
        sub.scope = sub._open(Scope("function", ast.Module(body=[], type_ignores=[]), model.module_scope))
        sub.products = self  # share the cache and the recursion guard
        collector = _Collector(sub, node, generator)
        try:
            walk(node, [sub, collector])
        except RecursionError:
            return None
        finally:
            sub.dispose()
        return agree(collector.flavours) if collector.flavours else None


_CONTEXT_TYPES = {"ContextManager", "AsyncContextManager", "AbstractContextManager", "AbstractAsyncContextManager"}


def callable_class_flavour(cls: ast.ClassDef, products: "FunctionProducts") -> Flavour | None:
    """A class whose ``__call__`` gives a session, or a context manager over one (skyvern's
    ``_SessionFactory``, phoenix's ``DbSessionFactory``): an instance of it is a factory."""
    method = method_of(cls, "__call__")
    if method is None:
        return None
    product = products.of_function(method)
    if product is None or product.flavour is None or product.flavour.kind is not Kind.SESSION:
        return None
    made = product.flavour
    head = method.returns.value if isinstance(method.returns, ast.Subscript) else None
    if called_name(head) in _CONTEXT_TYPES or product.context:
        made = Flavour(Kind.CONTEXT, made.mode, None, product=made)
    return Flavour(Kind.FACTORY, made.mode, None, product=made, declared_only=True,
                   evidence=f"an instance of {cls.name}, whose __call__ gives a {product.flavour.display}")


def init_attribute_annotation(cls: ast.ClassDef, attr: str) -> ast.expr | None:
    """The annotation of what ``__init__`` stores in ``self.<attr>``: ``self.x: T = ...``, or
    ``self.x = p`` with ``p`` an annotated parameter."""
    init = method_of(cls, "__init__")
    if init is None or not init.args.args:
        return None
    me = init.args.args[0].arg
    params = {a.arg: a.annotation for a in init.args.args + init.args.kwonlyargs if a.annotation is not None}
    for stmt in init.body:
        if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Attribute) and stmt.target.attr == attr \
                and isinstance(stmt.target.value, ast.Name) and stmt.target.value.id == me:
            return stmt.annotation
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Attribute) \
                and stmt.targets[0].attr == attr and isinstance(stmt.targets[0].value, ast.Name) \
                and stmt.targets[0].value.id == me and isinstance(stmt.value, ast.Name) and stmt.value.id in params:
            return params[stmt.value.id]
    return None


def _is_accessor(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """``return self._session`` / ``return _session`` (a name the function never binds) on every
    path that returns a value."""
    values = [n.value for n in own_nodes(node) if isinstance(n, ast.Return) and n.value is not None]
    if not values:
        return False
    bound = {t.id for n in own_nodes(node) if isinstance(n, (ast.Assign, ast.AnnAssign, ast.AugAssign))
             for t in (n.targets if isinstance(n, ast.Assign) else [n.target]) if isinstance(t, ast.Name)}
    positional = node.args.posonlyargs + node.args.args
    params = {a.arg for a in positional + node.args.kwonlyargs}
    self_names = {positional[0].arg} & {"self", "cls"} if positional else set()
    return all((isinstance(v, ast.Attribute) and isinstance(v.value, ast.Name) and v.value.id in self_names)
               or (isinstance(v, ast.Name) and v.id not in bound and v.id not in params)
               for v in values)


def _names_session(annotation: ast.expr | None) -> bool:
    """Does an annotation spell one of SQLAlchemy's session classes anywhere (strings included)?"""
    if annotation is None:
        return False
    for node in ast.walk(annotation):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            try:
                if _names_session(ast.parse(node.value.strip(), mode="eval").body):
                    return True
            except (SyntaxError, ValueError):
                continue
        elif called_name(node) in sqla_names.CLASS_NAMES and isinstance(node, (ast.Name, ast.Attribute)):
            return True
    return False


class _Collector:
    def __init__(self, model: SessionModel, func: ast.AST, generator: bool) -> None:
        self.model = model
        self.func = func
        self.kinds = (ast.Yield,) if generator else (ast.Return,)
        self.flavours: list[Flavour | None] = []

    def enter(self, node: ast.AST) -> None:
        if isinstance(node, self.kinds) and node.value is not None:
            scope = self.model.scope.function
            if scope is not None and scope.node is self.func:
                if isinstance(node.value, ast.Constant) and node.value.value is None:
                    return
                self.flavours.append(self.model.flavour(node.value))

    def leave(self, node: ast.AST) -> None:
        pass
