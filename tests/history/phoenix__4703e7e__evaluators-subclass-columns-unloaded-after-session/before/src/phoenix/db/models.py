# From Arize-ai/phoenix, src/phoenix/db/models.py (fix 4703e7e5eab5559d0732ec15aa3330cabd68271d; before/ is its parent), reduced.
from datetime import datetime
from typing import Any, Literal, Optional

from sqlalchemy import (
    JSON,
    CheckConstraint,
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    MetaData,
    PrimaryKeyConstraint,
    String,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

EvaluatorKind = Literal["LLM", "CODE"]
UtcTimeStamp = DateTime(timezone=True)
JSON_ = JSON


class Base(DeclarativeBase):
    # Enforce best practices for naming constraints
    # https://alembic.sqlalchemy.org/en/latest/naming.html#integration-of-naming-conventions-into-operations-autogenerate
    metadata = MetaData(
        naming_convention={
            "ix": "ix_%(table_name)s_%(column_0_N_name)s",
            "uq": "uq_%(table_name)s_%(column_0_N_name)s",
            "ck": "ck_%(table_name)s_`%(constraint_name)s`",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        },
    )


class HasId(Base):
    __abstract__ = True
    id: Mapped[int] = mapped_column(primary_key=True)


class User(HasId):
    __tablename__ = "users"
    username: Mapped[str] = mapped_column(nullable=False, unique=True, index=True)


class Dataset(HasId):
    __tablename__ = "datasets"
    name: Mapped[str] = mapped_column(unique=True)
    description: Mapped[Optional[str]]

    datasets_evaluators: Mapped[list["DatasetsEvaluators"]] = relationship(
        "DatasetsEvaluators",
        back_populates="dataset",
        cascade="all, delete-orphan",
        uselist=True,
    )


class Prompt(HasId):
    __tablename__ = "prompts"
    name: Mapped[str] = mapped_column(String, unique=True, index=True, nullable=False)

    llm_evaluators: Mapped[list["LLMEvaluator"]] = relationship(
        "LLMEvaluator", back_populates="prompt"
    )


class PromptVersionTag(HasId):
    __tablename__ = "prompt_version_tags"
    name: Mapped[str] = mapped_column(nullable=False)

    llm_evaluators: Mapped[list["LLMEvaluator"]] = relationship(
        "LLMEvaluator", back_populates="prompt_version_tag"
    )


class Evaluator(HasId):
    __tablename__ = "evaluators"
    kind: Mapped[EvaluatorKind] = mapped_column(
        CheckConstraint("kind IN ('LLM', 'CODE')", name="valid_evaluator_kind"),
        nullable=False,
    )
    name: Mapped[str] = mapped_column(String, nullable=False, unique=True)
    description: Mapped[Optional[str]]
    user_id: Mapped[Optional[int]] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"),
        nullable=True,
        index=True,
    )
    created_at: Mapped[datetime] = mapped_column(UtcTimeStamp, server_default=func.now())

    user: Mapped[Optional["User"]] = relationship("User")
    datasets_evaluators: Mapped[list["DatasetsEvaluators"]] = relationship(
        "DatasetsEvaluators",
        back_populates="evaluator",
        cascade="all, delete-orphan",
        uselist=True,
    )

    __mapper_args__ = {
        "polymorphic_on": "kind",
        "polymorphic_identity": None,  # Base class is abstract
    }

    __table_args__ = (UniqueConstraint("kind", "id"),)


class LLMEvaluator(Evaluator):
    __tablename__ = "llm_evaluators"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[Literal["LLM"]] = mapped_column(
        CheckConstraint("kind = 'LLM'", name="valid_evaluator_kind"),
        server_default="LLM",
        nullable=False,
    )
    prompt_id: Mapped[int] = mapped_column(
        ForeignKey("prompts.id", ondelete="RESTRICT"),
        nullable=False,
        index=True,
    )
    prompt_version_tag_id: Mapped[Optional[int]] = mapped_column(
        ForeignKey("prompt_version_tags.id", ondelete="SET NULL"),
        index=True,
    )
    output_config: Mapped[dict[str, Any]] = mapped_column(JSON_, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(
        UtcTimeStamp, server_default=func.now(), onupdate=func.now()
    )

    prompt: Mapped["Prompt"] = relationship("Prompt", back_populates="llm_evaluators")
    prompt_version_tag: Mapped[Optional["PromptVersionTag"]] = relationship(
        "PromptVersionTag", back_populates="llm_evaluators"
    )
    __mapper_args__ = {
        "polymorphic_identity": "LLM",
    }
    __table_args__ = (  # type: ignore[assignment]
        ForeignKeyConstraint(
            ["kind", "id"],
            ["evaluators.kind", "evaluators.id"],
            ondelete="CASCADE",
        ),
    )


class CodeEvaluator(Evaluator):
    __tablename__ = "code_evaluators"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[Literal["CODE"]] = mapped_column(
        CheckConstraint("kind = 'CODE'", name="valid_evaluator_kind"),
        server_default="CODE",
        nullable=False,
    )
    updated_at: Mapped[datetime] = mapped_column(
        UtcTimeStamp, server_default=func.now(), onupdate=func.now()
    )
    __mapper_args__ = {
        "polymorphic_identity": "CODE",
    }
    __table_args__ = (  # type: ignore[assignment]
        ForeignKeyConstraint(
            ["kind", "id"],
            ["evaluators.kind", "evaluators.id"],
            ondelete="CASCADE",
        ),
    )


class DatasetsEvaluators(Base):
    __tablename__ = "datasets_evaluators"
    dataset_id: Mapped[int] = mapped_column(
        ForeignKey("datasets.id", ondelete="CASCADE"),
    )
    evaluator_id: Mapped[int] = mapped_column(
        ForeignKey("evaluators.id", ondelete="CASCADE"),
        index=True,
    )
    input_config: Mapped[dict[str, Any]] = mapped_column(JSON_, nullable=False)
    dataset: Mapped["Dataset"] = relationship("Dataset", back_populates="datasets_evaluators")
    evaluator: Mapped["Evaluator"] = relationship("Evaluator", back_populates="datasets_evaluators")

    __table_args__ = (
        PrimaryKeyConstraint(
            "dataset_id",
            "evaluator_id",
        ),
    )
