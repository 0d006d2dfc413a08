# From Arize-ai/phoenix, src/phoenix/server/types.py (fix 4703e7e5eab5559d0732ec15aa3330cabd68271d; before/ is its parent), reduced.
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
