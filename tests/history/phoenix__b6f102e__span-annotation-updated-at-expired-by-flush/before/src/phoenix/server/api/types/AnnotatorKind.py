# From Arize-ai/phoenix, src/phoenix/server/api/types/AnnotatorKind.py (fix b6f102e27ec75e91afc4a4cb508747b8968c14dd; before/ is its parent), reduced.
from enum import Enum

import strawberry


@strawberry.enum
class AnnotatorKind(Enum):
    LLM = "LLM"
    HUMAN = "HUMAN"
    CODE = "CODE"
