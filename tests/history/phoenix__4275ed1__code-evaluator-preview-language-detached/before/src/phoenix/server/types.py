# From Arize-ai/phoenix, src/phoenix/server/types.py (fix 4275ed1c7a320feb68cb0994194116ab6f2731ef; before/ is its parent), reduced.
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

    def __call__(self) -> AbstractAsyncContextManager[AsyncSession]:
        return self._db(self.lock)
