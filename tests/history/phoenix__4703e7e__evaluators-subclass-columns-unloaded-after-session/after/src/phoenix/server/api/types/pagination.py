# From Arize-ai/phoenix, src/phoenix/server/api/types/pagination.py (fix 4703e7e5eab5559d0732ec15aa3330cabd68271d; before/ is its parent), reduced.
from dataclasses import dataclass
from typing import Generic, Optional, TypeVar

import strawberry

GenericType = TypeVar("GenericType")
CursorString = str


@strawberry.type
class Connection(Generic[GenericType]):
    edges: list[GenericType]


@dataclass(frozen=True)
class ConnectionArgs:
    first: Optional[int] = 50
    after: Optional[CursorString] = None
    last: Optional[int] = None
    before: Optional[CursorString] = None


def connection_from_list(data: list[GenericType], args: ConnectionArgs) -> Connection[GenericType]:
    return Connection(edges=data)
