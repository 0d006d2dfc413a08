# From Agenta-AI/agenta, api/oss/src/dbs/postgres/shared/dbas.py (fix 461e39788ad1af7498bb83f1328a0119129a8c95; before/ is its parent), reduced.
import uuid_utils.compat as uuid

from sqlalchemy.dialects.postgresql import JSONB, JSON
from sqlalchemy import Column, String, UUID, TIMESTAMP, func


class ProjectScopeDBA:
    __abstract__ = True

    project_id = Column(
        UUID(as_uuid=True),
        nullable=False,
    )


class LifecycleDBA:
    __abstract__ = True

    created_at = Column(
        TIMESTAMP(timezone=True),
        server_default=func.current_timestamp(),
        nullable=False,
    )
    updated_at = Column(
        TIMESTAMP(timezone=True),
        server_onupdate=func.current_timestamp(),
        nullable=True,
    )
    deleted_at = Column(
        TIMESTAMP(timezone=True),
        nullable=True,
    )
    created_by_id = Column(
        UUID(as_uuid=True),
        nullable=False,
    )
    updated_by_id = Column(
        UUID(as_uuid=True),
        nullable=True,
    )
    deleted_by_id = Column(
        UUID(as_uuid=True),
        nullable=True,
    )


class IdentifierDBA:
    __abstract__ = True

    id = Column(
        UUID(as_uuid=True),
        nullable=False,
        default=uuid.uuid7,
    )


class VersionDBA:
    __abstract__ = True

    version = Column(
        String,
        nullable=True,
    )


class HeaderDBA:
    __abstract__ = True

    name = Column(
        String,
        nullable=True,
    )
    description = Column(
        String,
        nullable=True,
    )


class FlagsDBA:
    __abstract__ = True

    flags = Column(
        JSONB(none_as_null=True),
        nullable=True,
    )


class TagsDBA:
    __abstract__ = True

    tags = Column(
        JSONB(none_as_null=True),
        nullable=True,
    )


class MetaDBA:
    __abstract__ = True

    meta = Column(
        JSON(none_as_null=True),
        nullable=True,
    )


class DataDBA:
    __abstract__ = True

    data = Column(
        JSON(none_as_null=True),
        nullable=True,
    )
