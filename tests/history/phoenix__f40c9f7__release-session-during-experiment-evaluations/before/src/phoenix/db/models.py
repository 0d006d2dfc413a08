# Reduced from Arize-ai/phoenix, src/phoenix/db/models.py, at 54943a5d5efc1875834dd48c7e4deadce0f5f984 (parent of fix f40c9f7d1dfef9f2748904c8d63300cfc26872bf).
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


class Project(HasId):
    __tablename__ = "projects"
    name: Mapped[str] = mapped_column(unique=True)
    description: Mapped[Optional[str]]


class Trace(HasId):
    __tablename__ = "traces"
    project_rowid: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    trace_id: Mapped[str]
    start_time: Mapped[datetime]
    end_time: Mapped[datetime]
    spans: Mapped[list["Span"]] = relationship(back_populates="trace")


class Span(HasId):
    __tablename__ = "spans"
    trace_rowid: Mapped[int] = mapped_column(ForeignKey("traces.id", ondelete="CASCADE"))
    span_id: Mapped[str]
    name: Mapped[str]
    start_time: Mapped[datetime]
    end_time: Mapped[datetime]
    attributes: Mapped[dict[str, Any]] = mapped_column(JSON)
    trace: Mapped["Trace"] = relationship(back_populates="spans")


class Dataset(HasId):
    __tablename__ = "datasets"
    name: Mapped[str] = mapped_column(unique=True)


class DatasetVersion(HasId):
    __tablename__ = "dataset_versions"
    dataset_id: Mapped[int] = mapped_column(ForeignKey("datasets.id", ondelete="CASCADE"))


class DatasetExample(HasId):
    __tablename__ = "dataset_examples"
    dataset_id: Mapped[int] = mapped_column(ForeignKey("datasets.id", ondelete="CASCADE"))


class DatasetExampleRevision(HasId):
    __tablename__ = "dataset_example_revisions"
    dataset_example_id: Mapped[int] = mapped_column(
        ForeignKey("dataset_examples.id", ondelete="CASCADE")
    )
    dataset_version_id: Mapped[int] = mapped_column(
        ForeignKey("dataset_versions.id", ondelete="CASCADE")
    )
    input: Mapped[dict[str, Any]] = mapped_column(JSON)
    output: Mapped[dict[str, Any]] = mapped_column(JSON)
    metadata_: Mapped[dict[str, Any]] = mapped_column("metadata", JSON)
    revision_kind: Mapped[str]


class Experiment(HasId):
    __tablename__ = "experiments"
    dataset_id: Mapped[int] = mapped_column(ForeignKey("datasets.id", ondelete="CASCADE"))
    dataset_version_id: Mapped[int] = mapped_column(
        ForeignKey("dataset_versions.id", ondelete="CASCADE")
    )
    name: Mapped[str]
    description: Mapped[Optional[str]]
    repetitions: Mapped[int]
    metadata_: Mapped[dict[str, Any]] = mapped_column("metadata", JSON)
    project_name: Mapped[Optional[str]]
    user_id: Mapped[Optional[int]]


class ExperimentRun(HasId):
    __tablename__ = "experiment_runs"
    experiment_id: Mapped[int] = mapped_column(ForeignKey("experiments.id", ondelete="CASCADE"))
    dataset_example_id: Mapped[int] = mapped_column(
        ForeignKey("dataset_examples.id", ondelete="CASCADE")
    )
    repetition_number: Mapped[int]
    trace_id: Mapped[Optional[str]]
    output: Mapped[dict[str, Any]] = mapped_column(JSON)
    start_time: Mapped[datetime]
    end_time: Mapped[datetime]
    error: Mapped[Optional[str]]


class ExperimentRunAnnotation(HasId):
    __tablename__ = "experiment_run_annotations"
    experiment_run_id: Mapped[int] = mapped_column(
        ForeignKey("experiment_runs.id", ondelete="CASCADE")
    )
    name: Mapped[str]
    annotator_kind: Mapped[str]
    label: Mapped[Optional[str]] = mapped_column(String, index=True)
    score: Mapped[Optional[float]] = mapped_column(index=True)
    explanation: Mapped[Optional[str]]
    trace_id: Mapped[Optional[str]]
    error: Mapped[Optional[str]]
    metadata_: Mapped[dict[str, Any]] = mapped_column("metadata", JSON)
    start_time: Mapped[datetime]
    end_time: Mapped[datetime]


class Secret(Base):
    __tablename__ = "secrets"
    key: Mapped[str] = mapped_column(primary_key=True)
    value: Mapped[bytes]


class LLMEvaluator(HasId):
    __tablename__ = "llm_evaluators"
    name: Mapped[str]
    description: Mapped[Optional[str]]
    model_name: Mapped[str]
    template: Mapped[dict[str, Any]] = mapped_column(JSON)
    tools: Mapped[list[Any]] = mapped_column(JSON)
    output_config: Mapped[dict[str, Any]] = mapped_column(JSON)


class DatasetEvaluators(HasId):
    __tablename__ = "dataset_evaluators"
    dataset_id: Mapped[int] = mapped_column(ForeignKey("datasets.id", ondelete="CASCADE"))
    evaluator_id: Mapped[Optional[int]] = mapped_column(
        ForeignKey("llm_evaluators.id", ondelete="CASCADE")
    )
    builtin_evaluator_id: Mapped[Optional[int]]
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
