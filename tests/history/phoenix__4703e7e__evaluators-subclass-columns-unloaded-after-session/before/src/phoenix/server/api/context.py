# From Arize-ai/phoenix, src/phoenix/server/api/context.py (fix 4703e7e5eab5559d0732ec15aa3330cabd68271d; before/ is its parent), reduced.
from dataclasses import dataclass
from typing import Any

from strawberry.fastapi import BaseContext

from phoenix.server.types import DbSessionFactory


@dataclass
class Context(BaseContext):
    db: DbSessionFactory
    data_loaders: Any
