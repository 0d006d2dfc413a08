# Reduced from Arize-ai/phoenix, src/phoenix/server/types.py, at 54943a5d5efc1875834dd48c7e4deadce0f5f984 (parent of fix f40c9f7d1dfef9f2748904c8d63300cfc26872bf).
import asyncio
from contextlib import AbstractAsyncContextManager
from typing import Callable, Optional

from sqlalchemy.ext.asyncio import AsyncSession


class DbSessionFactory:
    def __init__(
        self,
        db: Callable[[Optional[asyncio.Lock]], AbstractAsyncContextManager[AsyncSession]],
        dialect: str,
    ):
        self._db = db
        self.dialect = dialect
        self.lock: Optional[asyncio.Lock] = None
        self.should_not_insert_or_update = False

    def __call__(self) -> AbstractAsyncContextManager[AsyncSession]:
        return self._db(self.lock)
