# From Arize-ai/phoenix, src/phoenix/server/types.py (fix b6f102e27ec75e91afc4a4cb508747b8968c14dd; before/ is its parent), reduced.
from contextlib import AbstractAsyncContextManager
from typing import Callable

from sqlalchemy.ext.asyncio import AsyncSession


class DbSessionFactory:
    def __init__(
        self,
        db: Callable[[], AbstractAsyncContextManager[AsyncSession]],
        dialect: str,
    ):
        self._db = db
        self.dialect = dialect

    def __call__(self) -> AbstractAsyncContextManager[AsyncSession]:
        return self._db()
