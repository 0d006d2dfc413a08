# From Agenta-AI/agenta, api/oss/src/dbs/postgres/events/dbes.py (fix 7aedca98e39927397a6dfcfb4e3c6d1683a991e0; before/ is its parent).
from sqlalchemy import Column, UUID, PrimaryKeyConstraint, Index, desc, text

from oss.src.dbs.postgres.shared.base import Base
from oss.src.dbs.postgres.events.dbas import EventDBA
from oss.src.dbs.postgres.shared.dbas import ProjectScopeDBA, LifecycleDBA

# TODO: Add OrganizationScopeDBA, WorkspaceScopeDBA, and UserScopeDBA


class EventDBE(
    Base,
    ProjectScopeDBA,
    LifecycleDBA,
    EventDBA,
):
    # Events are system-generated; override to allow NULL when no user actor exists
    created_by_id = Column(UUID(as_uuid=True), nullable=True)
    __tablename__ = "events"

    __table_args__ = (
        PrimaryKeyConstraint(
            "project_id",
            "request_id",
            "event_id",
        ),  # for uniqueness
        Index(
            "ix_events_project_id",
            "project_id",
        ),  # for filtering
        Index(
            "ix_events_project_id_request_id",
            "project_id",
            "request_id",
        ),  # for focus = request
        Index(
            "ix_events_project_id_event_id",
            "project_id",
            "event_id",
        ),  # for focus = event
        Index(
            "ix_events_project_id_timestamp",
            "project_id",
            "timestamp",
        ),  # for sorting and scrolling
        Index(
            "ix_events_project_id_request_type",
            "project_id",
            "request_type",
        ),  # for filtering
        Index(
            "ix_events_project_id_event_type",
            "project_id",
            "event_type",
        ),  # for filtering
        Index(
            "ix_events_project_id_request_id_created_at",
            "project_id",
            "request_id",
            desc("created_at"),
        ),  # for sorting and scrolling within a request
        Index(
            "ix_events_attributes_gin",
            "attributes",
            postgresql_using="gin",
        ),  # for filtering
        Index(
            "ix_events_fts_attributes_gin",
            text("to_tsvector('simple', attributes)"),
            postgresql_using="gin",
        ),  # for full-text search on attributes
    )
