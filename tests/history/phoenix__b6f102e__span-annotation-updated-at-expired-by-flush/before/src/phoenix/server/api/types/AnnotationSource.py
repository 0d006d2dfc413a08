# From Arize-ai/phoenix, src/phoenix/server/api/types/AnnotationSource.py (fix b6f102e27ec75e91afc4a4cb508747b8968c14dd; before/ is its parent).
from enum import Enum

import strawberry


@strawberry.enum
class AnnotationSource(Enum):
    API = "API"
    APP = "APP"
