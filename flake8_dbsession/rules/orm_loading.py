"""DBS014 and DBS015: ORM objects of an async session read where that read needs I/O.

Both rules follow the ORM objects an ``async def`` gets from an async session:
``x = await s.get(Model, ...)``, ``x = await s.scalar(select(Model)...)``,
``(await s.execute(select(Model)...)).scalar_one()`` / ``.scalars().first()``, lists from
``.scalars().all()`` and the loops over them, and objects built here (``x = Model(...)``) and added.

DBS014: reading a relationship that lazy-loads (``x.items``, a many-to-one ``x.owner`` unless its
row is already in the session) without an eager option for it: ``MissingGreenlet``; or one declared
``lazy="raise"`` / ``"raise_on_sql"``: ``InvalidRequestError``. Relationships come from the model
class (this file or another module of the project): ``relationship(...)`` / sqlmodel
``Relationship(...)``, their ``lazy=``, their annotation.

DBS015: after ``await s.commit()`` on a session whose factory keeps ``expire_on_commit`` at its
default, or after ``await s.rollback()``, reading an attribute of (or returning) an object the
session held, with no ``await s.refresh(x)`` in between: the attribute is expired, reloading it
needs I/O, ``MissingGreenlet``.
"""
from __future__ import annotations

import ast

from flake8_dbsession.findings import source_text
from flake8_dbsession.model.hierarchy import class_table
from flake8_dbsession.rules.base import register
from flake8_dbsession.rules.held_objects import _NO_IO_ATTRS, Held, _HeldObjects


@register
class LazyLoadInAsync(_HeldObjects):
    code = "DBS014"
    name = "unloaded-relationship-read"
    follows_sync = True  # decision 1b: a lazy="raise" relationship raises in sync code as well
    summary = ("in async def, a relationship that lazy-loads read (here, in a helper it is handed to, by a "
               "Pydantic schema or a response model) on an object loaded through an async session with no "
               "eager option for it: MissingGreenlet (InvalidRequestError for lazy='raise', sync code too)")

    def _read(self, node: ast.Attribute, held: Held) -> None:
        if held.model is None or not held.persistent or held.eager is None or held.detached_by is not None:
            return  # detached: the read raises DetachedInstanceError, DBS015's
        self._judge(node, held, node.attr, source_text(node.value))

    def _worth_handing(self, held: Held) -> bool:
        return held.model is not None and held.eager is not None and held.persistent and held.detached_by is None

    def _follows_sync_function(self, text: str | None) -> bool:
        """Sync code: only reads of lazy="raise" relationships are reported, so a sync function
        is followed only if its text reads an attribute named like one the project declares so
        (the class table's text scan)."""
        root = getattr(self.file.project, "root", None)
        names = class_table(root).raise_relationships if root is not None else ()
        if not names or text is None:
            return bool(names)
        return any(f".{name}" in text for name in names)

    def _handed_read(self, call: ast.Call, arg: ast.expr, held: Held, path: str, steps: tuple) -> None:
        """Decision 2: a relationship the callee (or a schema) reads, judged at the handing-on call."""
        if not held.persistent or held.detached_by is not None:
            return
        found = self._walk(held, path)
        if found is None:
            return
        current, attr = found
        walked = path.split(".")[:current.path.count(".") - held.path.count(".")]  # the loaded steps
        obj = ".".join([source_text(arg)] + walked)
        self._judge(call, current, attr, obj, self._via(steps, len(walked)), steps)

    def _judge(self, node: ast.AST, held: Held, attr: str, obj: str, via: str = "", related: tuple = ()) -> None:
        """Report ``obj.attr`` when it is a relationship ``held`` did not load and whose read
        needs the database (decision 1)."""
        model = held.model
        if model is None or held.eager is None or attr in held.eager or held.path + attr in held.reported:
            return
        read = f"'{obj}.{attr}'" + (f" (read {via})" if via else "")
        if attr in model.raise_relationships:
            if held.constructor is not None:
                return  # built here: what it was given is set, the rest is not asked of the database
            held.reported.add(held.path + attr)
            strategy = "raise_on_sql" if attr in model.raise_on_sql_relationships else "raise"
            unless = " (unless that row is already in the session)" if attr in model.raise_on_sql_scalars else ""
            self.report(node, f"{read} reads the '{attr}' relationship of {model.name}, declared lazy='{strategy}', "
                              f"which no option of the query loaded: InvalidRequestError ('{model.name}.{attr}' is "
                              f"not available due to lazy='{strategy}'){unless}; load it with the query "
                              f"(options(selectinload({model.name}.{attr})))", related=related)
            return
        if not self.model.in_async_function:
            return  # a lazy load in sync code is plain I/O: only lazy="raise" refuses it
        # a many-to-one of an object built here loads nothing: assigned, it is set; never set, its
        # foreign key is None and SQLAlchemy answers None without a query (dstack's run_model.gateway)
        scalar = attr in model.identity_map_relationships and held.constructor is None
        if not (scalar or attr in model.lazy_relationships):
            return
        through_function = any("() " in step.note for step in related)
        if scalar and (self._in_identity_map(held, attr) or through_function and not held.many):
            return  # a single object's many-to-one read by a helper: too often the row the caller has
        held.reported.add(held.path + attr)
        unless = " (unless that row is already in the session)" if scalar else ""
        awaitable = "" if via else f", or read 'await {obj}.awaitable_attrs.{attr}'"
        self.report(node, f"{read} lazy-loads the '{attr}' relationship of {model.name} in async code: the load "
                          f"needs I/O outside the event loop's await and raises MissingGreenlet{unless}; load it "
                          f"with the query (options(selectinload({model.name}.{attr}))){awaitable}", related=related)

    def _in_identity_map(self, held: Held, attr: str) -> bool:
        """A many-to-one to a class whose rows the same query loaded (the instance's project when
        ``selectinload(Instance.project)`` ran), or an earlier load of this function through the
        same session (``projects = await list_project_models(session)``), is likely answered from
        the identity map: silent."""
        target = self._target(held.model, attr)
        if target is None:
            return False
        earlier = self._session_classes.get(id(self.model.function_scope), {}).get(held.session, ())
        return target.name in earlier or target.name in self._loaded_classes(held)


@register
class ExpiredAttributeAfterCommit(_HeldObjects):
    code = "DBS015"
    name = "expired-or-detached-read"
    follows_sync = True  # decision 3: a detached object of a sync session raises the same
    summary = ("in async def, an attribute of an ORM object read (or the object returned, or handed to a "
               "helper that reads it) after await commit()/rollback() expired it: MissingGreenlet; or, sync "
               "or async, one that needs a load after its session closed: DetachedInstanceError")

    def _expire(self, scope: dict[str, Held], session: str, how: str, flavour) -> None:
        if how == "commit" and flavour.expire_on_commit is not True \
                and not (flavour.expire_on_commit is None and self._project_expires()):
            return  # expire_on_commit=False, or a session of unknown origin
        for held in scope.values():
            if held.session == session and held.persistent and (how == "commit" or not held.added):
                held.expired_by = held.expired_by or how

    def _read(self, node: ast.Attribute, held: Held) -> None:
        if held.detached_by is not None:
            self._detached_read(node, held)
            return
        if held.expired_by is None or node.attr in _NO_IO_ATTRS or not self.model.in_async_function:
            return
        if held.model is not None and node.attr in held.model.loading:
            return  # a lazy relationship: DBS014's
        obj = source_text(node.value)
        self._report(node, obj, held, f"reading '{obj}.{node.attr}'")

    def _detached_read(self, node: ast.Attribute, held: Held) -> None:
        """Decision 3: after its session closed, an object loads nothing: an expired attribute or a
        relationship no option loaded raises DetachedInstanceError (a loaded one reads fine)."""
        attr, obj, model = node.attr, source_text(node.value), held.model
        key = held.path + attr
        if attr in _NO_IO_ATTRS or held.path + "*" in held.reported or key in held.reported:
            return
        unloaded = model is not None and held.eager is not None and attr not in held.eager and attr in model.loading
        if held.expired_by is not None:
            why = f"the {held.expired_by} before it expired every attribute of '{obj}'"
            held.reported.add(held.path + "*")
        elif unloaded:
            why = f"the '{attr}' relationship of {model.name} was not loaded with it"
            held.reported.add(key)
        else:
            return
        self.report(node, f"reading '{obj}.{attr}' after {held.detached_by}: {why}, and a detached object cannot "
                          f"load it: DetachedInstanceError; read what you need while the session is open, or "
                          f"load it with the query")

    def _project_expires(self) -> bool:
        """A session whose factory is not in sight (an annotation, a factory passed in) in a
        project that builds its own factories and never names ``expire_on_commit``: every
        factory it has keeps SQLAlchemy's default, True (skyvern's _SessionFactory)."""
        root = getattr(self.file.project, "root", None)
        if root is None:
            return False
        table = class_table(root)
        return table.builds_factories and not table.names_expire_on_commit

    def _worth_handing(self, held: Held) -> bool:
        # a loaded object may be detached later: a callee's set_committed_value on it counts now
        return held.model is not None or held.detached_by is not None or held.expired_by is not None

    def _handed_read(self, call: ast.Call, arg: ast.expr, held: Held, path: str, steps: tuple) -> None:
        """Decisions 2 and 3 across a call: the callee reads an attribute of an expired object
        (MissingGreenlet), or one a detached object would have to load (DetachedInstanceError)."""
        obj = source_text(arg)
        if held.detached_by is None:
            if not self.model.in_async_function:
                return  # sync: an expired object of an open session reloads
            first = path.split(".")[0]
            if held.expired_by is None or first in _NO_IO_ATTRS or held.path + "*" in held.reported:
                return
            if held.model is not None and first in held.model.loading:
                return  # a lazy relationship: DBS014's
            self._report(call, obj, held, f"handing '{obj}' to a call that reads '{obj}.{path}' "
                                          f"({self._via(steps)})", related=steps)
            return
        if held.expired_by is not None:
            current, attr, why = held, path.split(".")[0], f"the {held.expired_by} before it expired every attribute"
            key = held.path + "*"
        else:
            found = self._walk(held, path)
            if found is None:
                return
            current, attr = found
            if current.model is None or attr not in current.model.loading:
                return
            why = f"the '{attr}' relationship of {current.model.name} was not loaded with it"
            key = current.path + attr
        if attr in _NO_IO_ATTRS or key in held.reported or held.path + "*" in held.reported:
            return
        held.reported.add(key)
        walked = path.split(".")[:current.path.count(".") - held.path.count(".")]
        read = ".".join([obj, *walked, attr])
        self.report(call, f"'{read}' is read ({self._via(steps)}) after {held.detached_by}: {why}, and a detached "
                          f"object cannot load it: DetachedInstanceError; read what you need while the session is "
                          f"open, or load it with the query", related=steps)

    def visit_Return(self, node: ast.Return) -> None:
        scope = self._scope()
        if scope is not None and isinstance(node.value, ast.Name) and self.model.in_async_function:
            held = scope.get(node.value.id)
            if held is not None and held.expired_by is not None:
                self._report(node, node.value.id, held, f"returning '{node.value.id}' (its caller reads it)")
        super().visit_Return(node)  # a response model's reads, after the plainer message above

    def _report(self, node: ast.AST, obj: str, held: Held, what: str, related: tuple = ()) -> None:
        if "*" in held.reported:
            return
        held.reported.add("*")
        if held.expired_by == "rollback":  # a rollback expires whatever the factory says
            fix = f"read what you need before the rollback, or 'await {held.session}.refresh({obj})' first"
        else:
            fix = (f"'await {held.session}.refresh({obj})' first, or create the session factory with "
                   f"expire_on_commit=False")
        self.report(node, f"{what} after 'await {held.session}.{held.expired_by}()': the {held.expired_by} expired "
                          f"every attribute of '{obj}', so the read reloads it with I/O outside an await and "
                          f"raises MissingGreenlet; {fix}", related=related)
