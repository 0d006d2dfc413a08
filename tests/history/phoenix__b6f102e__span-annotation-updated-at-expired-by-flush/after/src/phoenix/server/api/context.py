# From Arize-ai/phoenix, src/phoenix/server/api/context.py (fix b6f102e27ec75e91afc4a4cb508747b8968c14dd; before/ is its parent), reduced.
from dataclasses import dataclass
from typing import Any, Optional

from starlette.requests import Request
from strawberry.fastapi import BaseContext

from phoenix.server.types import DbSessionFactory


class _NoOp:
    def put(self, *args: Any, **kwargs: Any) -> Any: ...


@dataclass
class Context(BaseContext):
    db: DbSessionFactory
    data_loaders: Any
    event_queue: Any = _NoOp()
    request: Optional[Request] = None
    user: Any = None
