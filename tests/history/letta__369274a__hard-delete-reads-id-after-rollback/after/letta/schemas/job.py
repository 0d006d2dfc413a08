# From letta-ai/letta, letta/schemas/job.py (fix 369274a2194756d73198e4e3c8124971ba805f63; before/ is its parent), reduced.
from datetime import datetime
from typing import Optional

from pydantic import BaseModel, ConfigDict, Field


class Job(BaseModel):
    """Representation of offline jobs."""

    model_config = ConfigDict(from_attributes=True)

    id: str
    status: str = Field(default="created", description="The status of the job.")
    completed_at: Optional[datetime] = Field(None, description="The unix timestamp of when the job was completed.")
    metadata: Optional[dict] = Field(None, validation_alias="metadata_", description="The metadata of the job.")
    user_id: Optional[str] = Field(None, description="The unique identifier of the user associated with the job.")
    callback_url: Optional[str] = Field(None, description="If set, POST to this URL when the job completes.")
