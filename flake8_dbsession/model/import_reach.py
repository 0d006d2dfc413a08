"""A text gate for the summary layer: can code in a module reach a slow call through what it
imports? Read from module texts only (no parse), per process, and independent of the order in
which the questions come: an override in a module that cannot reach one is not parsed (dify's
thirty vector stores, each over its own client library)."""
from __future__ import annotations

import re

from flake8_dbsession.model.hierarchy import class_table
from flake8_dbsession.model.slow_libraries import imports_slow_library
from flake8_dbsession.model.syntax import absolute_name
from flake8_dbsession.relevance import import_statements

MAX_REACH = 2  # import levels followed from the module asked about

_reach_cache: dict[str, bool] = {}  # module path -> may it reach a slow call
_imports_cache: dict[str, tuple[bool, tuple[str, ...]]] = {}  # module path -> what its text imports


def forget() -> None:
    _reach_cache.clear()
    _imports_cache.clear()


def may_reach_slow(index, path: str) -> bool:
    """Its text imports a slow library, or a first-party module it imports does, up to
    ``MAX_REACH`` import levels."""
    found = _reach_cache.get(path)
    if found is None:
        found = _reach_cache[path] = _reaches(index, path)
    return found


def _reaches(index, path: str) -> bool:
    frontier, seen = [path], {path}
    for _ in range(MAX_REACH + 1):
        following = []
        for module in frontier:
            slow, imports = _module_imports(index, module)
            if slow:
                return True
            following += [other for other in imports if other not in seen]
            seen.update(imports)
        frontier = following
    return False


def _module_imports(index, path: str) -> tuple[bool, tuple[str, ...]]:
    """(imports a slow library, the first-party modules it imports) from a module's text."""
    found = _imports_cache.get(path)
    if found is None:
        text = index.source(path)
        found = _imports_cache[path] = (False, ()) if not text else \
            (imports_slow_library(text) or _calls_stored_function(index, text),
             tuple(first_party_imports(index, path, text)))
    return found


_STATE_CALL = re.compile(r"\.app\.state\.(\w+)[ \t]*\(")


def _calls_stored_function(index, text: str) -> bool:
    """Does the text call ``<x>.app.state.NAME(...)`` for a NAME the project assigns somewhere?
    What an application stores on its state is not imported, so it is followed from here (see
    :mod:`app_state`)."""
    if ".app.state." not in text or getattr(index, "root", None) is None:
        return False
    assigned = class_table(index.root).state_assigned
    return any(name in assigned for name in _STATE_CALL.findall(text))


def first_party_imports(index, path: str, text: str) -> list[str]:
    """Files of the first-party modules a module's text imports (``from app.x import y``: app/x.py,
    or app/x/y.py when ``y`` is a submodule; relative imports read against the module's package)."""
    module = index.module_name(path)
    is_package = path.endswith("__init__.py")
    out = []
    for statement in import_statements(text):
        words = statement.replace("\\\n", " ").replace("(", " ").replace(")", " ").replace(",", " ").split()
        if not words:
            continue
        if words[0] == "from" and len(words) > 3:
            base = absolute_name(words[1], module, is_package)  # relative ones read as the resolver reads them
            if base is None:
                continue
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
