# From Skyvern-AI/skyvern, skyvern/forge/sdk/db/models.py (fix 3b94344b35fe29abaa1925ac75bfb81f95e814c9; before/ is its parent), reduced.
import datetime

import sqlalchemy
from sqlalchemy import JSON, BigInteger, Column, DateTime, ForeignKey, Index, String
from sqlalchemy.ext.asyncio import AsyncAttrs
from sqlalchemy.orm import DeclarativeBase


class Base(AsyncAttrs, DeclarativeBase):
    pass


class ArtifactModel(Base):
    __tablename__ = "artifacts"
    __table_args__ = (
        Index("org_task_step_index", "organization_id", "task_id", "step_id"),
        Index("artifacts_org_created_at_index", "organization_id", "created_at"),
    )

    artifact_id = Column(String, primary_key=True)
    organization_id = Column(String, ForeignKey("organizations.organization_id"))
    workflow_run_id = Column(String, index=True)
    workflow_run_block_id = Column(String)
    observer_cruise_id = Column(String)
    observer_thought_id = Column(String)
    ai_suggestion_id = Column(String)
    task_id = Column(String)
    step_id = Column(String, index=True)
    artifact_type = Column(String)
    uri = Column(String)
    bundle_key = Column(String, nullable=True)
    run_id = Column(String, nullable=True)
    browser_session_id = Column(String, nullable=True)
    checksum = Column(String, nullable=True)
    file_size = Column(BigInteger, nullable=True)
    created_at = Column(DateTime, default=datetime.datetime.utcnow, nullable=False)
    modified_at = Column(
        DateTime,
        default=datetime.datetime.utcnow,
        onupdate=datetime.datetime.utcnow,
        nullable=False,
    )


class WorkflowRunModel(Base):
    __tablename__ = "workflow_runs"
    __table_args__ = (Index("idx_workflow_runs_org_created", "organization_id", "created_at"),)

    workflow_run_id = Column(String, primary_key=True)
    workflow_id = Column(String, nullable=False)
    workflow_permanent_id = Column(String, nullable=False, index=True)
    organization_id = Column(String, nullable=False, index=True)
    status = Column(String, nullable=False)
    failure_reason = Column(String)
    script_run = Column(JSON, nullable=True)
    run_with = Column(String, nullable=True)  # 'agent' or 'code'
    queued_at = Column(DateTime, nullable=True)
    started_at = Column(DateTime, nullable=True)
    finished_at = Column(DateTime, nullable=True)
    created_at = Column(DateTime, default=datetime.datetime.utcnow, nullable=False)
    modified_at = Column(
        DateTime,
        default=datetime.datetime.utcnow,
        onupdate=datetime.datetime.utcnow,
        nullable=False,
    )
