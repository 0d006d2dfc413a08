# Reduced from Arize-ai/phoenix, src/phoenix/server/api/context.py, at 54943a5d5efc1875834dd48c7e4deadce0f5f984 (parent of fix f40c9f7d1dfef9f2748904c8d63300cfc26872bf).
from dataclasses import dataclass
from typing import Callable

from strawberry.fastapi import BaseContext

from phoenix.server.daemons.span_cost_calculator import SpanCostCalculator
from phoenix.server.types import DbSessionFactory


@dataclass
class Context(BaseContext):
    db: DbSessionFactory
    span_cost_calculator: SpanCostCalculator
    decrypt: Callable[[bytes], bytes]
