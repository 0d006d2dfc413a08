"""Messages: code, what is wrong, what happens at run time, the fix, with the user's identifiers."""
from __future__ import annotations

import textwrap

from tests.conftest import findings

HEAD = textwrap.dedent("""\
    from fastapi import Depends
    from sqlalchemy import create_engine, select
    from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine
    from sqlalchemy.orm import Session, sessionmaker
    engine = create_engine("postgresql+psycopg2://app@db/app")
    SessionLocal = sessionmaker(bind=engine)
    aengine = create_async_engine("postgresql+asyncpg://app@db/app")
    AsyncSessionLocal = async_sessionmaker(aengine)
    def get_db():
        with SessionLocal() as db:
            yield db
    """)


def messages(body: str) -> list[str]:
    return [f.text for f in findings(HEAD + textwrap.dedent(body))]


def test_dbs003():
    assert messages("def f():\n    with Session() as s:\n        s.commit()\n") == [
        "DBS003 Session() is created with no bind: its first query raises UnboundExecutionError; pass the "
        "engine ('Session(engine)') or create sessions from a sessionmaker(bind=engine)"]


def test_dbs004_hides_credentials():
    (msg,) = messages('e = create_async_engine("postgresql+psycopg2://user:secret@db/app")\n')
    assert "secret" not in msg and "'postgresql+psycopg2://...'" in msg
    assert msg.startswith("DBS004 create_async_engine() is given the sync-only driver 'psycopg2'")


def test_dbs005_variants():
    assert messages("""\
        async def f(db: AsyncSession, job):
            db.delete(job)
            if not db.get(Job, 1):
                pass
            rows = db.execute(q).scalars()
            found = db.get(Job, 2)
        """) == [
        "DBS005 AsyncSession.delete() is a coroutine and is not awaited: the delete never happens; "
        "write 'await db.delete(job)'",
        "DBS005 AsyncSession.get() is a coroutine and is not awaited: a coroutine object is always true, so "
        "this test never sees the result; write 'await db.get(Job, 1)'",
        "DBS005 AsyncSession.execute() is a coroutine and is not awaited: '.scalars' is looked up on the "
        "coroutine and raises AttributeError, and the execute never happens; write '(await db.execute(q)).scalars'",
        "DBS005 AsyncSession.get() is a coroutine and 'found' is never awaited: the get never happens; "
        "write 'found = await db.get(Job, 2)'",
    ]


def test_dbs006_and_its_annotation_note():
    assert messages("""\
        async def f(db: AsyncSession = Depends(get_db)):
            await db.execute(select(Job))
        """) == [
        "DBS006 'db' is a sync Session ('db' is annotated AsyncSession, but it is a sync Session from "
        "Depends(get_db): the annotation is wrong): Session.execute() returns no awaitable, so "
        "'await db.execute(select(Job))' raises TypeError after the call has run; use an AsyncSession, or "
        "drop the 'await'"]


def test_dbs006_async_context_manager_only():
    (msg,) = messages("async def f():\n    conn = await aengine.begin()\n")
    assert msg == ("DBS006 AsyncEngine.begin() returns an async context manager, not an awaitable (awaitable "
                   "only in SQLAlchemy 1.4): 'await aengine.begin()' raises TypeError; write "
                   "'async with aengine.begin() as ...'")


def test_dbs007():
    assert messages("async def f():\n    with AsyncSessionLocal() as session:\n        pass\n") == [
        "DBS007 'with' on AsyncSession fails: AsyncSession supports only 'async with' (TypeError: the object "
        "does not support the synchronous context manager protocol; AttributeError: __enter__ before Python "
        "3.11); write 'async with AsyncSessionLocal() as session'"]


def test_dbs008():
    assert messages("async def f(s: AsyncSession):\n    s.bulk_save_objects([])\n") == [
        "DBS008 AsyncSession has no attribute 'bulk_save_objects': 's.bulk_save_objects' raises AttributeError "
        "(annotated 'AsyncSession'); write 'await s.run_sync(lambda sync_session: "
        "sync_session.bulk_save_objects(...))'"]


def test_dbs009_counts_the_other_calls():
    (msg,) = messages("""\
        async def report(session: Session):
            session.execute(q)
            session.commit()
            session.commit()
        """)
    assert msg == ("DBS009 Session.execute() blocks the event loop in async def 'report': 'session' is a sync "
                   "Session (annotated 'Session'), so every other task waits for the whole query; 2 more "
                   "blocking call(s) on 'session' follow; use an AsyncSession with 'await', or run the work in "
                   "'await asyncio.to_thread(...)'")
