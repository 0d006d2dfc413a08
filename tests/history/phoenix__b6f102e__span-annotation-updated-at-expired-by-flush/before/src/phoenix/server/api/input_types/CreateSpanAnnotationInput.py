# From Arize-ai/phoenix, src/phoenix/server/api/input_types/CreateSpanAnnotationInput.py (fix b6f102e27ec75e91afc4a4cb508747b8968c14dd; before/ is its parent).
from typing import Optional

import strawberry
from strawberry.relay import GlobalID
from strawberry.scalars import JSON

from phoenix.server.api.types.AnnotationSource import AnnotationSource
from phoenix.server.api.types.AnnotatorKind import AnnotatorKind


@strawberry.input
class CreateSpanAnnotationInput:
    span_id: GlobalID
    name: str
    annotator_kind: AnnotatorKind
    label: Optional[str] = None
    score: Optional[float] = None
    explanation: Optional[str] = None
    metadata: JSON = strawberry.field(default_factory=dict)
    identifier: Optional[str] = None
    source: AnnotationSource
