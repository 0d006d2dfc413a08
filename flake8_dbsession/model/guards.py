"""Imports that are allowed to fail: under ``if TYPE_CHECKING:``, behind version or platform
checks, or inside ``try`` blocks (and their ``except`` fallbacks) that catch ImportError."""
from __future__ import annotations

import ast

from flake8_dbsession.model.syntax import dotted_prefixes

_GUARD_NAMES = {"TYPE_CHECKING", "version_info", "platform", "hexversion", "implementation", "PY2", "PY3",
                "PY310", "PY311", "PY312", "PYPY"}
_IMPORT_ERRORS = {"ImportError", "ModuleNotFoundError", "Exception", "BaseException"}


def _mentions_guard(test: ast.expr) -> bool:
    for node in ast.walk(test):
        if isinstance(node, ast.Name) and node.id in _GUARD_NAMES:
            return True
        if isinstance(node, ast.Attribute) and node.attr in _GUARD_NAMES:
            return True
    return False


def _catches_import_error(handler: ast.ExceptHandler) -> bool:
    kind = handler.type
    if kind is None:
        return True
    names = kind.elts if isinstance(kind, ast.Tuple) else [kind]
    for name in names:
        last = name.attr if isinstance(name, ast.Attribute) else getattr(name, "id", None)
        if last in _IMPORT_ERRORS:
            return True
    return False


def is_guarded_import(ancestors: list[ast.AST]) -> bool:
    """``ancestors`` ends with the import itself (the session model's ancestor stack)."""
    child = ancestors[-1]
    for node in reversed(ancestors[:-1]):
        if isinstance(node, ast.If) and _mentions_guard(node.test):
            return True
        if isinstance(node, (ast.Try, getattr(ast, "TryStar", ast.Try))):
            handlers = node.handlers
            if child in node.body and any(_catches_import_error(h) for h in handlers):
                return True
            if isinstance(child, ast.ExceptHandler) and _catches_import_error(child):
                return True
        child = node
    return False


def is_main_guard(test: ast.expr) -> bool:
    """``if __name__ == "__main__":``"""
    return (isinstance(test, ast.Compare) and isinstance(test.left, ast.Name) and test.left.id == "__name__"
            and any(isinstance(c, ast.Constant) and c.value == "__main__" for c in test.comparators))


_FIXTURE_DECORATORS = {"pytest.fixture", "pytest_asyncio.fixture"}


def is_pytest_fixture(func: ast.FunctionDef | ast.AsyncFunctionDef, qualname_of) -> bool:
    """``@pytest.fixture``, ``@pytest.fixture(scope=...)``, ``@pytest_asyncio.fixture``, also
    imported bare (``from pytest import fixture``). pytest resumes a fixture's generator normally
    after a failing test (the exception is never thrown in), so code after its ``yield`` runs."""
    for decorator in func.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        if qualname_of(target) in _FIXTURE_DECORATORS:
            return True
    return False


def _is_flavour_word(name: str | None) -> bool:
    return name is not None and ("async" in name.lower() or "sync" in name.lower())


def _condition_parts(test: ast.expr):
    """The calls and attributes a condition is made of, through ``and``/``or``/``not`` and
    comparisons (not into call arguments or subscripts): cheap on every ``if``."""
    stack = [test]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.BoolOp):
            stack.extend(node.values)
        elif isinstance(node, ast.UnaryOp):
            stack.append(node.operand)
        elif isinstance(node, ast.Compare):
            stack.append(node.left)
            stack.extend(node.comparators)
        elif isinstance(node, ast.NamedExpr):
            stack.append(node.value)
        elif isinstance(node, (ast.Call, ast.Attribute)):
            yield node


def flavour_checks(test: ast.expr) -> set[str]:
    """Objects a condition checks the sync/async flavour of, as dotted text: the arguments of
    ``isinstance``/``issubclass`` and of a helper named for it (``is_async_session_maker(maker)``),
    and the owner of a flag named for it (``self.is_async`` -> 'self')."""
    out: set[str] = set()
    for node in _condition_parts(test):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if name in ("isinstance", "issubclass") or _is_flavour_word(name):
                for arg in node.args[:1] if name in ("isinstance", "issubclass") else node.args:
                    out.update(dotted_prefixes(arg)[-1:])
        elif isinstance(node, ast.Attribute) and _is_flavour_word(node.attr):
            out.update(dotted_prefixes(node.value)[-1:])
    return out


def is_test_module(filename: str) -> bool:
    """A test module by its name: ``test_*.py``, ``*_test.py``, ``*_tests.py``, ``conftest.py``
    (the folder is not looked at: helpers under ``tests/`` may be anything). A test that sleeps or
    calls out while a session is open holds one connection of a test database for a moment; no
    pool of a running service runs dry."""
    base = filename.replace("\\", "/").rsplit("/", 1)[-1]
    return base.startswith("test_") or base.endswith(("_test.py", "_tests.py")) or base == "conftest.py"
