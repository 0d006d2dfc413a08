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

A linted file passes a narrower gate (:func:`worth_linting`): naming the library counts only with
a word that any session, factory, engine or connection brings along, or a call the rules read.
Model and column-type modules name SQLAlchemy and hold nothing for the rules; as another module's
facts they are still read (the wider gate).
"""
from __future__ import annotations

import re

from flake8_dbsession.settings import SESSION_MODULE_NAMES, Settings

# a file that starts an event loop may run another module's session code in it (DBS010)
_LOOP_STARTERS = ("asyncio.run(", "run_until_complete(", "anyio.run(", "async_to_sync(")
_LIBRARIES = ("sqlalchemy", "sqlmodel", "flask_appbuilder")  # SQLA: Flask-SQLAlchemy underneath
# words a session, factory, engine or connection brings into a file that uses one, and the calls
# the rules read on them
_SESSION_WORDS = re.compile(r"[Ss]ession|[Ee]ngine|[Cc]onnect|execute|scalar|commit|flush|rollback|refresh|merge|"
                            r"query|begin|run_sync|stream|\bdb\b|[Dd]atabase")
IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# an import statement: 'import a.b as c', 'from .x import (a,\n b)', with backslash continuations
IMPORT_STATEMENT = re.compile(r"(?m)^[ \t]*(?:from[ \t]+[.\w]+[ \t]+)?import[ \t]+(?:\([^)]*\)|(?:\\\n|\\.|[^\\\n])*)")


def import_statements(source: str) -> list[str]:
    """``IMPORT_STATEMENT.findall(source)``, four times faster: the word ``import`` is found by
    plain string search and the pattern tried only at the start of its line (a statement's first
    line always holds the word). A line-anchored pattern is otherwise tried at every character."""
    out: list[str] = []
    find, rfind, match = source.find, source.rfind, IMPORT_STATEMENT.match
    end = 0  # where the last statement found ends: findall does not look inside it
    at = find("import")
    while at >= 0:
        start = rfind("\n", 0, at) + 1
        found = match(source, start) if start >= end else None
        if found is not None and found.end() > at:
            out.append(found.group())
            end = found.end()
            at = find("import", end)
        else:
            at = find("import", at + 6)
    return out


def might_use_sessions(source: str, settings: Settings) -> bool:
    """The gate for a module the resolver would analyse (a linted file: :func:`worth_linting`)."""
    if any(word in source for word in _LIBRARIES) or any(word in source for word in _LOOP_STARTERS):
        return True
    return _imports_or_factories(source, settings)


def worth_linting(source: str, settings: Settings) -> bool:
    """The gate for a linted file: as :func:`might_use_sessions`, except that naming the library
    is not enough. A file must also show a word every session, factory, engine or connection
    brings with it (``session``, ``engine``, ``connect``...) or one of the calls the rules look at
    (``execute``, ``commit``, ``query``...): model definitions (``Column``, ``relationship``),
    column types and ``sqlalchemy.exc`` imports hold nothing for the rules, and they are a third
    of the files that name SQLAlchemy in a Flask or FastAPI application (superset: 130 of 523)."""
    if any(word in source for word in _LOOP_STARTERS):
        return True
    policy = settings.sync_paths or settings.async_paths  # DBS011 reports any use: no narrowing then
    if any(word in source for word in _LIBRARIES) and (policy or _SESSION_WORDS.search(source)):
        return True
    return _imports_or_factories(source, settings)


def _imports_or_factories(source: str, settings: Settings) -> bool:
    factories = settings.factory_names
    if factories and not factories.isdisjoint(IDENTIFIER.findall(source)):
        return True
    imported = set(IDENTIFIER.findall(" ".join(import_statements(source))))
    if imported & SESSION_MODULE_NAMES:
        return True
    return any(settings.session_named(name) for name in imported)


_WORD_CHARACTER = re.compile(r"\w")
_DOT_NEXT = re.compile(r"\s*\.")


def reads_attribute_of(name: str, source: str) -> bool:
    """Does the text read an attribute of ``name`` (``db.session``, ``Session .query``)? Found
    with ``str.find``: a regex starting with ``\\b`` tries every position of the text."""
    start = source.find(name)
    while start != -1:
        end = start + len(name)
        if (start == 0 or not _WORD_CHARACTER.match(source[start - 1])) and _DOT_NEXT.match(source, end):
            return True
        start = source.find(name, end)
    return False
