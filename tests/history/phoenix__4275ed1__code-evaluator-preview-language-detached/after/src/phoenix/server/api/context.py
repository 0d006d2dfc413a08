# From Arize-ai/phoenix, src/phoenix/server/api/context.py (fix 4275ed1c7a320feb68cb0994194116ab6f2731ef; before/ is its parent), reduced.
from dataclasses import dataclass
from typing import Any

from strawberry.fastapi import BaseContext

from phoenix.server.types import DbSessionFactory


@dataclass
class Context(BaseContext):
    db: DbSessionFactory
    data_loaders: Any
