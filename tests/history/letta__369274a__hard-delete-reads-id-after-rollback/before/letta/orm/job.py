# From letta-ai/letta, letta/orm/job.py (fix 369274a2194756d73198e4e3c8124971ba805f63; before/ is its parent), reduced.
from datetime import datetime
from typing import Optional

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from letta.orm.sqlalchemy_base import SqlalchemyBase
from letta.schemas.job import Job as PydanticJob


class Job(SqlalchemyBase):
    """Jobs run in the background and are owned by a user."""

    __tablename__ = "jobs"
    __pydantic_model__ = PydanticJob

    status: Mapped[str] = mapped_column(String, default="created", doc="The current status of the job.")
    completed_at: Mapped[Optional[datetime]] = mapped_column(nullable=True, doc="The unix timestamp of when the job was completed.")
    metadata_: Mapped[Optional[dict]] = mapped_column(JSON, doc="The metadata of the job.")
    user_id: Mapped[Optional[str]] = mapped_column(String, nullable=True)
    callback_url: Mapped[Optional[str]] = mapped_column(String, nullable=True, doc="When set, POST to this URL after job completion.")
