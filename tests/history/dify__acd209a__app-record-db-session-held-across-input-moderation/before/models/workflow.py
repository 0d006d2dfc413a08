# Reduced from langgenius/dify, api/models/workflow.py at bd482eb8eff3ab44b2d6449d637e6cf6b834b6ad (parent of fix acd209a890507da03a7d2904da349225eb016381)
import sqlalchemy as sa
from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base
from .types import StringUUID


class Workflow(Base):
    __tablename__ = "workflows"
    __table_args__ = (sa.PrimaryKeyConstraint("id", name="workflow_pkey"),)

    id: Mapped[str] = mapped_column(StringUUID, server_default=sa.text("uuid_generate_v4()"))
    tenant_id: Mapped[str] = mapped_column(StringUUID, nullable=False)
    app_id: Mapped[str] = mapped_column(StringUUID, nullable=False)
    type: Mapped[str] = mapped_column(String(255), nullable=False)
    # (reduced: the graph, features, variables and their properties are cut)
