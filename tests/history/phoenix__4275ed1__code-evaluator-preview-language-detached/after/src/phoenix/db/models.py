# From Arize-ai/phoenix, src/phoenix/db/models.py (fix 4275ed1c7a320feb68cb0994194116ab6f2731ef; before/ is its parent), reduced.
from datetime import datetime
from typing import Any, Literal, Optional

from sqlalchemy import (
    JSON,
    CheckConstraint,
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    MetaData,
    String,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

EvaluatorKind = Literal["LLM", "CODE", "BUILTIN"]
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


class Evaluator(HasId):
    __tablename__ = "evaluators"
    kind: Mapped[EvaluatorKind] = mapped_column(
        CheckConstraint("kind IN ('LLM', 'CODE', 'BUILTIN')", name="valid_evaluator_kind"),
        nullable=False,
    )
    name: Mapped[str] = mapped_column(String, nullable=False, unique=True)
    description: Mapped[Optional[str]]
    metadata_: Mapped[dict[str, Any]] = mapped_column("metadata", JSON_)
    user_id: Mapped[Optional[int]] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"),
        nullable=True,
        index=True,
    )
    created_at: Mapped[datetime] = mapped_column(UtcTimeStamp, server_default=func.now())

    user: Mapped[Optional["User"]] = relationship("User")

    __mapper_args__ = {
        "polymorphic_on": "kind",
        "polymorphic_identity": None,  # Base class is abstract
    }

    __table_args__ = (UniqueConstraint("kind", "id"),)


class Language(HasId):
    __tablename__ = "languages"
    name: Mapped[str] = mapped_column(String, nullable=False, unique=True)


class SandboxProvider(HasId):
    __tablename__ = "sandbox_providers"
    backend_type: Mapped[str] = mapped_column(nullable=False)
    language_id: Mapped[int] = mapped_column(
        ForeignKey("languages.id", ondelete="RESTRICT"), nullable=False
    )
    config: Mapped[dict[str, Any]] = mapped_column(JSON_, nullable=False, server_default="{}")
    created_at: Mapped[datetime] = mapped_column(UtcTimeStamp, server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        UtcTimeStamp, server_default=func.now(), onupdate=func.now()
    )
    language: Mapped["Language"] = relationship("Language")
    __table_args__ = (UniqueConstraint("backend_type", "language_id"),)


class SandboxConfig(HasId):
    __tablename__ = "sandbox_configs"
    sandbox_provider_id: Mapped[int] = mapped_column(
        ForeignKey("sandbox_providers.id", ondelete="CASCADE"), nullable=False
    )
    name: Mapped[str] = mapped_column(nullable=False)
    description: Mapped[Optional[str]] = mapped_column(nullable=True)
    config: Mapped[dict[str, Any]] = mapped_column(JSON_, nullable=False, server_default="{}")
    created_at: Mapped[datetime] = mapped_column(UtcTimeStamp, server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        UtcTimeStamp, server_default=func.now(), onupdate=func.now()
    )
    __table_args__ = (UniqueConstraint("sandbox_provider_id", "name"),)


class CodeEvaluator(Evaluator):
    __tablename__ = "code_evaluators"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[Literal["CODE"]] = mapped_column(
        CheckConstraint("kind = 'CODE'", name="valid_evaluator_kind"),
        server_default="CODE",
        nullable=False,
    )
    source_code: Mapped[str] = mapped_column(nullable=False, server_default="")
    language_id: Mapped[Optional[int]] = mapped_column(
        ForeignKey("languages.id", ondelete="RESTRICT"),
        nullable=True,
        index=True,
    )
    output_configs: Mapped[list[Any]] = mapped_column(JSON_, nullable=False, server_default="[]")
    sandbox_config_id: Mapped[Optional[int]] = mapped_column(
        ForeignKey("sandbox_configs.id", ondelete="SET NULL"),
        nullable=True,
        index=True,
    )
    updated_at: Mapped[datetime] = mapped_column(
        UtcTimeStamp, server_default=func.now(), onupdate=func.now()
    )

    language: Mapped[Optional["Language"]] = relationship("Language")
    sandbox_config: Mapped[Optional["SandboxConfig"]] = relationship("SandboxConfig")

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
