# From Agenta-AI/agenta, api/oss/src/dbs/postgres/shared/dbas.py (fix 7aedca98e39927397a6dfcfb4e3c6d1683a991e0; before/ is its parent), reduced.
from sqlalchemy import Column, UUID, TIMESTAMP, func


class OrganizationScopeDBA:
    __abstract__ = True

    organization_id = Column(
        UUID(as_uuid=True),
        nullable=False,
    )


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
