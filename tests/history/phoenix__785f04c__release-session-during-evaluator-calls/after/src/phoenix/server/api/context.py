# Reduced from Arize-ai/phoenix, src/phoenix/server/api/context.py, at 785f04c235824cd9ae31482f631f6140a3341045 (the fix).
from dataclasses import dataclass
from typing import Callable

from strawberry.fastapi import BaseContext

from phoenix.server.types import DbSessionFactory


@dataclass
class Context(BaseContext):
    db: DbSessionFactory
    decrypt: Callable[[bytes], bytes]
