# Reduced from Arize-ai/phoenix, src/phoenix/db/models.py, at 87f6d8e74944970dd2d7db07fc5a72c69e382113 (parent of fix 785f04c235824cd9ae31482f631f6140a3341045).
from datetime import datetime
from typing import Any, Optional

from sqlalchemy import JSON, ForeignKey, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    # Enforce best practices for naming constraints
    # https://alembic.sqlalchemy.org/en/latest/naming.html#integration-of-naming-conventions-into-operations-autogenerate
    metadata = MetaData(
        naming_convention={
            "ix": "ix_%(table_name)s_%(column_0_N_name)s",
            "uq": "uq_%(table_name)s_%(column_0_N_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        },
    )


class HasId(Base):
    __abstract__ = True
    id: Mapped[int] = mapped_column(primary_key=True)


class Span(HasId):
    __tablename__ = "spans"
    trace_rowid: Mapped[int] = mapped_column(index=True)
    span_id: Mapped[str]
    name: Mapped[str]
    attributes: Mapped[dict[str, Any]] = mapped_column(JSON)
    span_annotations: Mapped[list["SpanAnnotation"]] = relationship(back_populates="span")


class SpanAnnotation(HasId):
    __tablename__ = "span_annotations"
    span_rowid: Mapped[int] = mapped_column(ForeignKey("spans.id", ondelete="CASCADE"), index=True)
    name: Mapped[str]
    label: Mapped[Optional[str]] = mapped_column(String, index=True)
    score: Mapped[Optional[float]] = mapped_column(index=True)
    explanation: Mapped[Optional[str]]
    metadata_: Mapped[dict[str, Any]] = mapped_column("metadata", JSON)
    annotator_kind: Mapped[str]
    identifier: Mapped[str]
    source: Mapped[str]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    user_id: Mapped[Optional[int]]
    span: Mapped["Span"] = relationship(back_populates="span_annotations")


class Evaluator(HasId):
    __tablename__ = "evaluators"
    name: Mapped[str]
    kind: Mapped[str]


class LLMEvaluator(HasId):
    __tablename__ = "llm_evaluators"
    id: Mapped[int] = mapped_column(ForeignKey("evaluators.id", ondelete="CASCADE"), primary_key=True)
    prompt_id: Mapped[int]
    model_name: Mapped[str]
    template: Mapped[dict[str, Any]] = mapped_column(JSON)


class DatasetEvaluators(HasId):
    __tablename__ = "dataset_evaluators"
    dataset_id: Mapped[int] = mapped_column(index=True)
    evaluator_id: Mapped[int] = mapped_column(ForeignKey("evaluators.id", ondelete="CASCADE"))
    name: Mapped[str]
