"""A session handed to first-party code that wraps it before querying (DBS018's borrowed calls).

polar's services take the request's session and build a repository from it
(``repository = CheckoutRepository.from_session(session)``, or ``CheckoutRepository(session)``),
then call the repository, whose methods, inherited from a base class, run ``self.session.execute``.
The session checked out a connection as surely as if the service had queried it itself.

Evidence, all read from the code: the class is a first-party class (or ``from_*`` classmethod
returning ``cls(arg)``), its ``__init__`` (own or inherited) stores the handed session on ``self``,
and a method called on the wrapper reaches an I/O method on that attribute, through ``self``
calls along the class's bases.
"""
from __future__ import annotations

import ast

from flake8_dbsession.model.wrappers import SessionRef, Wrapper, session_io
from flake8_dbsession.model.walk import own_nodes
from flake8_dbsession.model.classes import ClassMethods, ClassRef, function_imports


def wraps_and_queries(classes: ClassMethods, callee, param: str, flavour) -> bool:
    """Does ``callee`` build a wrapper from its parameter ``param`` (a session of ``flavour``) and
    query through it?"""
    imports = function_imports(callee.node)
    wrappers: dict[str, tuple[ClassRef, str]] = {}
    for node in own_nodes(callee.node):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) \
                and isinstance(node.value, ast.Call):
            built = _wrapper_of(classes, callee, node.value, param, imports)
            if built is not None:
                wrappers[node.targets[0].id] = built
    if not wrappers:
        return False
    for node in own_nodes(callee.node):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and isinstance(node.func.value, ast.Name) and node.func.value.id in wrappers:
            cls, attr = wrappers[node.func.value.id]
            wrapper = Wrapper(cls.node, ((attr, SessionRef(param, flavour)),))
            if session_io(wrapper, node.func.attr, find=_along_bases(classes, cls)) is not None:
                return True
    return False


def _along_bases(classes: ClassMethods, cls: ClassRef):
    """Method lookup on the instance's class, then its first-party bases (overrides win)."""
    def find(name: str):
        found = classes.method(cls, name)
        return found[0] if found is not None else None
    return find


def _wrapper_of(classes: ClassMethods, callee, call: ast.Call, param: str, imports) -> tuple[ClassRef, str] | None:
    """(class, attribute holding the session) for ``Cls(param)``, ``Cls(session=param)`` or
    ``Cls.from_session(param)``."""
    position = next((i for i, a in enumerate(call.args) if isinstance(a, ast.Name) and a.id == param), None)
    keyword = next((k.arg for k in call.keywords if isinstance(k.value, ast.Name) and k.value.id == param), None)
    if position is None and keyword is None:
        return None
    func = call.func
    if isinstance(func, ast.Attribute) and func.attr.startswith("from_"):
        cls = classes.resolve(func.value, callee.qualname_of, callee.path, imports)
        if cls is None or position != 0 or not _returns_cls_of_first(classes, cls, func.attr):
            return None
    elif isinstance(func, (ast.Name, ast.Attribute)):
        cls = classes.resolve(func, callee.qualname_of, callee.path, imports)
        if cls is None:
            return None
    else:
        return None
    attr = _stored_as(classes, cls, position, keyword)
    return (cls, attr) if attr is not None else None


def _returns_cls_of_first(classes: ClassMethods, cls: ClassRef, name: str) -> bool:
    """``@classmethod def from_session(cls, session): return cls(session)``."""
    found = classes.method(cls, name)
    if found is None:
        return False
    func = found[0]
    params = [a.arg for a in func.args.posonlyargs + func.args.args]
    if len(params) < 2:
        return False
    return any(isinstance(n, ast.Return) and isinstance(n.value, ast.Call) and isinstance(n.value.func, ast.Name)
               and n.value.func.id == params[0] and n.value.args and isinstance(n.value.args[0], ast.Name)
               and n.value.args[0].id == params[1] for n in own_nodes(func))


def _stored_as(classes: ClassMethods, cls: ClassRef, position: int | None, keyword: str | None) -> str | None:
    """The attribute ``__init__`` (own or inherited) stores that argument in: ``self.session = session``."""
    found = classes.method(cls, "__init__")
    if found is None:
        return None
    init = found[0]
    params = [a.arg for a in init.args.posonlyargs + init.args.args]
    name = keyword if keyword is not None else (params[position + 1] if position is not None
                                                and position + 1 < len(params) else None)
    if name is None or not params:
        return None
    for node in own_nodes(init):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Name) and node.value.id == name:
            for target in node.targets:
                if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) \
                        and target.value.id == params[0]:
                    return target.attr
    return None
