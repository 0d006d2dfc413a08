# Reduced from Arize-ai/phoenix, src/phoenix/server/api/types/ExperimentRunAnnotation.py, at 54943a5d5efc1875834dd48c7e4deadce0f5f984 (parent of fix f40c9f7d1dfef9f2748904c8d63300cfc26872bf).
from typing import Optional

import strawberry
from strawberry import Private

from phoenix.db import models


@strawberry.type
class ExperimentRunAnnotation:
    id: int
    db_record: Private[Optional[models.ExperimentRunAnnotation]] = None
