"""Hypothesis strategies that write programs which *use* sessions, so fuzzing reaches the rules'
own paths (hypothesmith's programs almost never get past the relevance gate)."""
from __future__ import annotations

import textwrap

from hypothesis import strategies as st

HEADER = textwrap.dedent("""\
    import asyncio
    import threading
    import time

    import httpx
    from sqlalchemy import create_engine, select
    from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine
    from sqlalchemy.orm import Session, relationship, selectinload, sessionmaker

    engine = create_async_engine("postgresql+asyncpg://db/app")
    AsyncFactory = async_sessionmaker(engine)
    SyncFactory = sessionmaker(create_engine("postgresql://db/app"))


    class Job:
        attempts = relationship("Attempt")
""")

_STATEMENTS = [
    "db.delete(job)", "await db.delete(job)", "db.add(job)", "await db.add(job)", "await db.commit()",
    "db.commit()", "await db.rollback()", "await db.close()", "x = db.get(Job, 1)", "x = await db.get(Job, 1)",
    "rows = (await db.execute(select(Job))).scalars().all()", "rows = db.execute(q).scalars()",
    "job = await db.scalar(select(Job).options(selectinload(Job.attempts)))", "print(job.attempts)",
    "print(x.id)", "httpx.get('https://example.com')", "time.sleep(1)", "await asyncio.sleep(1)",
    "await asyncio.gather(db.execute(q), db.execute(q))", "asyncio.create_task(work(db))",
    "s = SyncFactory()", "s.execute(q)", "s.close()", "s = AsyncFactory()", "await s.execute(q)",
    "asyncio.run(main())", "loop.run_until_complete(work(db))", "threading.Thread(target=run).start()",
    "self.db = db", "return db", "yield db", "return job", "pass", "break", "continue", "raise ValueError",
    "with SyncFactory() as s:\n    s.execute(q)", "async with AsyncFactory() as s:\n    await s.execute(q)",
    "with AsyncFactory() as s:\n    s.delete(job)", "async with SyncFactory() as s:\n    s.execute(q)",
    "lambda: db.delete(job)", "[db.get(Job, i) for i in range(3)]", "(db.flush() for _ in range(2))",
    "db = AsyncFactory()", "db = SyncFactory()", "del db", "global engine", "nonlocal_value = 1",
]
_BLOCKS = ["if cond:\n{body}", "if cond:\n{body}\nelse:\n{body2}", "for item in items:\n{body}",
           "while cond:\n{body}", "try:\n{body}\nexcept Exception:\n{body2}", "try:\n{body}\nfinally:\n{body2}",
           "with SyncFactory() as s:\n{body}", "async with AsyncFactory() as other:\n{body}",
           "async for item in items:\n{body}", "def inner():\n{body}", "async def inner():\n{body}",
           "match cond:\n    case 1:\n{body_deep}"]


def _indent(text: str, level: int = 1) -> str:
    return textwrap.indent(text, "    " * level)


@st.composite
def _body(draw, depth: int = 0) -> str:
    out = []
    for _ in range(draw(st.integers(1, 4))):
        if depth < 3 and draw(st.booleans()):
            block = draw(st.sampled_from(_BLOCKS))
            out.append(block.format(body=_indent(draw(_body(depth + 1))), body2=_indent(draw(_body(depth + 1))),
                                    body_deep=_indent(draw(_body(depth + 1)), 2)))
        else:
            out.append(draw(st.sampled_from(_STATEMENTS)))
    return "\n".join(out)


@st.composite
def session_programs(draw) -> str:
    parts = [HEADER]
    for n in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["async def", "def"]))
        params = draw(st.sampled_from(["db: AsyncSession, job, q, cond, items",
                                       "db: Session, job, q, cond, items", "job, q, cond, items"]))
        function = f"{kind} handler_{n}({params}):\n{_indent(draw(_body()))}\n"
        if draw(st.booleans()):
            function = (f"class Service_{n}:\n    def __init__(self, db: AsyncSession):\n        self.db = db\n\n"
                        + _indent(function.replace("(", "(self, ", 1)))
        parts.append(function)
    return "\n\n".join(parts)
