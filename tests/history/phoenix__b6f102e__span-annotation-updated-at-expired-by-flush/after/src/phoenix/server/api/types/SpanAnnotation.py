# From Arize-ai/phoenix, src/phoenix/server/api/types/SpanAnnotation.py (fix b6f102e27ec75e91afc4a4cb508747b8968c14dd; before/ is its parent), reduced.
from typing import Optional

import strawberry
from strawberry import Private
from strawberry.relay import GlobalID, Node, NodeID
from strawberry.scalars import JSON

from phoenix.db import models

from .Annotation import Annotation
from .AnnotationSource import AnnotationSource
from .AnnotatorKind import AnnotatorKind


@strawberry.type
class SpanAnnotation(Node, Annotation):
    id_attr: NodeID[int]
    user_id: Private[Optional[int]]
    annotator_kind: AnnotatorKind
    metadata: JSON
    span_rowid: Private[Optional[int]]
    source: AnnotationSource
    identifier: Optional[str]

    @strawberry.field
    async def span_id(self) -> GlobalID:
        return GlobalID(type_name="Span", node_id=str(self.span_rowid))


def to_gql_span_annotation(
    annotation: models.SpanAnnotation,
) -> SpanAnnotation:
    """
    Converts an ORM span annotation to a GraphQL SpanAnnotation.
    """
    return SpanAnnotation(
        id_attr=annotation.id,
        user_id=annotation.user_id,
        span_rowid=annotation.span_rowid,
        name=annotation.name,
        annotator_kind=AnnotatorKind(annotation.annotator_kind),
        label=annotation.label,
        score=annotation.score,
        explanation=annotation.explanation,
        metadata=annotation.metadata_,
        source=AnnotationSource(annotation.source),
        identifier=annotation.identifier,
        created_at=annotation.created_at,
        updated_at=annotation.updated_at,
    )
