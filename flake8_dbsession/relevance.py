"""Cheap text gates: may this source hold anything for the session rules?

Most files of a code base never touch a database session. Reading their text once is much
cheaper than walking their tree, so a file (and a first-party module the resolver is asked about)
is analysed only when its text shows evidence the session model could use:

- it names SQLAlchemy, sqlmodel or Flask-AppBuilder (whose ``SQLA`` is Flask-SQLAlchemy: every
  session, engine and factory starts there), or a factory
  configured with ``dbs-sync-factories`` / ``dbs-async-factories``;
- it starts an event loop (``asyncio.run(``, ``run_until_complete(``, ``anyio.run(``,
  ``async_to_sync(``): the coroutine
  it runs may use another module's async factory (a Celery task over ``app.jobs.sync_prices``);
- or, without those, an *import* brings a session-looking name (``dbs-session-names``) or a
  session module (``db``, ``database``, ``session``...): ``from app.db import SessionLocal``,
  ``from app.deps import get_db``. A file that imports nothing session-like and never names
  SQLAlchemy has no way to obtain a session the model could recognise.
"""
from __future__ import annotations

import re

from flake8_dbsession.settings import SESSION_MODULE_NAMES, Settings

# a file that starts an event loop may run another module's session code in it (DBS010)
_LOOP_STARTERS = ("asyncio.run(", "run_until_complete(", "anyio.run(", "async_to_sync(")
_LIBRARIES = ("sqlalchemy", "sqlmodel", "flask_appbuilder")  # SQLA: Flask-SQLAlchemy underneath
IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# an import statement: 'import a.b as c', 'from .x import (a,\n b)', with backslash continuations
_IMPORT = re.compile(r"(?m)^[ \t]*(?:from[ \t]+[.\w]+[ \t]+)?import[ \t]+(?:\([^)]*\)|(?:\\\n|\\.|[^\\\n])*)")


def might_use_sessions(source: str, settings: Settings) -> bool:
    """The gate for a linted file (and for a module the resolver would analyse)."""
    if any(word in source for word in _LIBRARIES) or any(word in source for word in _LOOP_STARTERS):
        return True
    factories = {name.rsplit(".", 1)[-1] for name in settings.sync_factories + settings.async_factories}
    if factories and factories & set(IDENTIFIER.findall(source)):
        return True
    imported = set(IDENTIFIER.findall(" ".join(_IMPORT.findall(source))))
    if imported & SESSION_MODULE_NAMES:
        return True
    pattern = settings.session_names
    return any(pattern.search(name) for name in imported)
