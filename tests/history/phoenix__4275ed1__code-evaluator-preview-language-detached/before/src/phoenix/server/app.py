# From Arize-ai/phoenix, src/phoenix/server/app.py (fix 4275ed1c7a320feb68cb0994194116ab6f2731ef; before/ is its parent), reduced.
import asyncio
import contextlib
from contextlib import AbstractAsyncContextManager
from typing import AsyncIterator, Callable, Optional

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker


def _db(
    engine: AsyncEngine,
) -> Callable[[Optional[asyncio.Lock]], AbstractAsyncContextManager[AsyncSession]]:
    Session = async_sessionmaker(engine, expire_on_commit=False)

    @contextlib.asynccontextmanager
    async def factory(lock: Optional[asyncio.Lock] = None) -> AsyncIterator[AsyncSession]:
        async with contextlib.AsyncExitStack() as stack:
            if lock:
                await stack.enter_async_context(lock)
            yield await stack.enter_async_context(Session.begin())

    return factory
