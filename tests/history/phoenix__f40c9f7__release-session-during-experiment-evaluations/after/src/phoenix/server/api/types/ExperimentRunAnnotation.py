# Reduced from Arize-ai/phoenix, src/phoenix/server/api/types/ExperimentRunAnnotation.py, at f40c9f7d1dfef9f2748904c8d63300cfc26872bf (the fix).
from typing import Optional

import strawberry
from strawberry import Private

from phoenix.db import models


@strawberry.type
class ExperimentRunAnnotation:
    id: int
    db_record: Private[Optional[models.ExperimentRunAnnotation]] = None
