# Reduced from Arize-ai/phoenix, src/phoenix/server/daemons/span_cost_calculator.py, at 54943a5d5efc1875834dd48c7e4deadce0f5f984 (parent of fix f40c9f7d1dfef9f2748904c8d63300cfc26872bf).
from datetime import datetime
from typing import Any, Mapping, Optional


class SpanCostCalculator:
    def calculate_cost(
        self,
        start_time: datetime,
        attributes: Mapping[str, Any],
    ) -> Optional[Any]:
        return None
