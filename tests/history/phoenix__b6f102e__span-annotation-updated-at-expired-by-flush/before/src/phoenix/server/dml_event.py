# From Arize-ai/phoenix, src/phoenix/server/dml_event.py (fix b6f102e27ec75e91afc4a4cb508747b8968c14dd; before/ is its parent), reduced.
from __future__ import annotations

from abc import ABC
from dataclasses import dataclass, field
from typing import ClassVar

from phoenix.db import models


@dataclass(frozen=True)
class DmlEvent(ABC):
    """
    Event corresponding to a Data Manipulation Language (DML)
    operation, e.g. insertion, update, or deletion.
    """

    table: ClassVar[type[models.Base]]
    ids: tuple[int, ...] = field(default_factory=tuple)

    def __bool__(self) -> bool:
        return bool(self.ids)

    def __hash__(self) -> int:
        return id(self)


@dataclass(frozen=True)
class SpanAnnotationDmlEvent(DmlEvent):
    table = models.SpanAnnotation


@dataclass(frozen=True)
class SpanAnnotationInsertEvent(SpanAnnotationDmlEvent): ...
