# From apache/tooling-trusted-releases, atr/db/__init__.py (fix ae7bb82d39a79d1e30acd2b94c389c4b421a24ce; before/ is its parent), reduced.
# Licensed to the Apache Software Foundation (ASF) under the Apache License, Version 2.0.

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final, Generic, TypeGuard, TypeVar, Union

import sqlalchemy
import sqlalchemy.dialects.sqlite
import sqlalchemy.ext.asyncio
import sqlalchemy.orm as orm
import sqlmodel
import sqlmodel.sql.expression as expression

import atr.config as config
import atr.log as log
import atr.models.sql as sql
import atr.util as util

if TYPE_CHECKING:
    import datetime
    from collections.abc import Sequence

global_log_query: bool = False
_global_atr_engine: sqlalchemy.ext.asyncio.AsyncEngine | None = None
_global_atr_sessionmaker: sqlalchemy.ext.asyncio.async_sessionmaker | None = None


T = TypeVar("T")


class NotSet:
    """
    A marker class to indicate that a value is not set and thus should
    not be considered. This is different to None.
    """

    _instance = None

    def __new__(cls):  # type: ignore
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "<NotSet>"


NOT_SET: Final[NotSet] = NotSet()
# The original spells this "type Opt[T] = T | NotSet" (PEP 695); rewritten so that the reduction parses on 3.10
Opt = Union[T, NotSet]


# The original spells this "class Query[T]:" (PEP 695)
class Query(Generic[T]):
    def __init__(self, session: Session, query: expression.SelectOfScalar[T]):
        self.query = query
        self.session = session

    def order_by(self, *args: Any, **kwargs: Any) -> Query[T]:
        self.query = self.query.order_by(*args, **kwargs)
        return self

    def log_query(self, method_name: str, log_query: bool) -> None:
        if not (self.session.log_queries or global_log_query or log_query):
            return
        try:
            compiled_query = self.query.compile(self.session.bind, compile_kwargs={"literal_binds": True})
            log.info(f"Executing query ({method_name}): {compiled_query}")
        except Exception as e:
            log.error(f"Error compiling query for logging ({method_name}): {e}")

    async def get(self, log_query: bool = False) -> T | None:
        self.log_query("get", log_query)
        result = await self.session.execute(self.query)
        return result.unique().scalar_one_or_none()

    async def demand(self, error: Exception, log_query: bool = False) -> T:
        self.log_query("demand", log_query)
        result = await self.session.execute(self.query)
        item = result.unique().scalar_one_or_none()
        if item is None:
            raise error
        return item

    async def all(self, log_query: bool = False) -> Sequence[T]:
        self.log_query("all", log_query)
        result = await self.session.execute(self.query)
        return result.scalars().all()


class Session(sqlalchemy.ext.asyncio.AsyncSession):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        explicit_value_passed_by_sessionmaker = kwargs.pop("log_queries", None)
        super().__init__(*args, **kwargs)

        self.log_queries: bool = global_log_query
        if explicit_value_passed_by_sessionmaker is not None:
            self.log_queries = explicit_value_passed_by_sessionmaker

    async def execute_query(self, query: sqlalchemy.sql.expression.Executable) -> sqlalchemy.engine.Result:
        if (self.log_queries or global_log_query) and isinstance(query, sqlalchemy.sql.expression.Select):
            try:
                dialect = self.bind.dialect if self.bind else sqlalchemy.dialects.sqlite.dialect()
                compiled_query = query.compile(dialect=dialect, compile_kwargs={"literal_binds": True})
                log.info(f"Executing query (execute_query): {compiled_query}")
            except Exception as e:
                log.error(f"Error compiling query for logging: {e}")
        execution_result: sqlalchemy.engine.Result = await self.execute(query)
        return execution_result

    def release(
        self,
        name: Opt[str] = NOT_SET,
        phase: Opt[sql.ReleasePhase] = NOT_SET,
        created: Opt[datetime.datetime] = NOT_SET,
        project_name: Opt[str] = NOT_SET,
        version: Opt[str] = NOT_SET,
        release_policy_id: Opt[int] = NOT_SET,
        latest_revision_number: Opt[str | None] = NOT_SET,
        _project: bool = True,
        _committee: bool = True,
        _release_policy: bool = False,
        _project_release_policy: bool = False,
        _revisions: bool = False,
    ) -> Query[sql.Release]:
        query = sqlmodel.select(sql.Release)

        if is_defined(name):
            query = query.where(sql.Release.name == name)
        if is_defined(phase):
            query = query.where(sql.Release.phase == phase)
        if is_defined(created):
            query = query.where(sql.Release.created == created)
        if is_defined(project_name):
            query = query.where(sql.Release.project_name == project_name)
        if is_defined(version):
            query = query.where(sql.Release.version == version)
        if is_defined(release_policy_id):
            query = query.where(sql.Release.release_policy_id == release_policy_id)
        if is_defined(latest_revision_number):
            # Must define the subquery explicitly, mirroring the column_property
            query = query.where(sql.latest_revision_number_query() == latest_revision_number)

        # Avoid multiple loaders for Release.project on the same path
        if _committee:
            query = query.options(joined_load_nested(sql.Release.project, sql.Project.committee))
        elif _project:
            query = query.options(joined_load(sql.Release.project))

        if _release_policy:
            query = query.options(joined_load(sql.Release.release_policy))
        if _project_release_policy:
            query = query.options(joined_load_nested(sql.Release.project, sql.Project.release_policy))
        if _revisions:
            query = query.options(select_in_load(sql.Release.revisions))

        return Query(self, query)


async def create_async_engine(app_config: type[config.AppConfig]) -> sqlalchemy.ext.asyncio.AsyncEngine:
    sqlite_url = f"sqlite+aiosqlite:///{app_config.STATE_DIR}/{app_config.SQLITE_DB_PATH}"
    engine = sqlalchemy.ext.asyncio.create_async_engine(
        sqlite_url,
        connect_args={
            "check_same_thread": False,
            "timeout": 30,
        },
    )
    return engine


async def init_database_for_worker() -> None:
    global _global_atr_engine, _global_atr_sessionmaker

    engine = await create_async_engine(config.get())
    _global_atr_engine = engine
    _global_atr_sessionmaker = sqlalchemy.ext.asyncio.async_sessionmaker(
        bind=engine, class_=Session, expire_on_commit=False
    )


# The original spells this "def is_defined[T](v: T | NotSet)" (PEP 695)
def is_defined(v: T | NotSet) -> TypeGuard[T]:
    return not isinstance(v, NotSet)


def joined_load(*entities: Any) -> orm.strategy_options._AbstractLoad:
    """Eagerly load the given entities from the query using joinedload."""
    validated_entities = []
    for entity in entities:
        if not isinstance(entity, orm.InstrumentedAttribute):
            raise ValueError(f"Object must be an orm.InstrumentedAttribute, got: {type(entity)}")
        validated_entities.append(entity)
    return orm.joinedload(*validated_entities)


def joined_load_nested(parent: Any, *descendants: Any) -> orm.strategy_options._AbstractLoad:
    """Eagerly load the given nested entities from the query using joinedload."""
    if not isinstance(parent, orm.InstrumentedAttribute):
        raise ValueError(f"Parent must be an orm.InstrumentedAttribute, got: {type(parent)}")
    for descendant in descendants:
        if not isinstance(descendant, orm.InstrumentedAttribute):
            raise ValueError(f"Descendant must be an orm.InstrumentedAttribute, got: {type(descendant)}")
    return orm.joinedload(parent).joinedload(*descendants)


def select_in_load(*entities: Any) -> orm.strategy_options._AbstractLoad:
    """Eagerly load the given entities from the query."""
    validated_entities = []
    for entity in entities:
        if not isinstance(entity, orm.InstrumentedAttribute):
            raise ValueError(f"Object must be an orm.InstrumentedAttribute, got: {type(entity)}")
        validated_entities.append(entity)
    return orm.selectinload(*validated_entities)


def session(log_queries: bool | None = None) -> Session:
    """Create a new asynchronous database session."""
    global _global_atr_sessionmaker
    if _global_atr_sessionmaker is None:
        raise RuntimeError("Call db.init_database or db.init_database_for_worker first, before calling db.session")

    if log_queries is not None:
        session_instance = util.validate_as_type(_global_atr_sessionmaker(log_queries=log_queries), Session)
    else:
        session_instance = util.validate_as_type(_global_atr_sessionmaker(), Session)
    return session_instance
