# From Skyvern-AI/skyvern, skyvern/forge/sdk/artifact/models.py (fix 3b94344b35fe29abaa1925ac75bfb81f95e814c9; before/ is its parent), reduced.
from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, Field, field_serializer


class ArtifactType(StrEnum):
    RECORDING = "recording"
    AUDIO = "audio"
    SCREENSHOT_LLM = "screenshot_llm"
    SCREENSHOT_ACTION = "screenshot_action"
    SCREENSHOT_FINAL = "screenshot_final"
    SKYVERN_LOG = "skyvern_log"
    SKYVERN_LOG_RAW = "skyvern_log_raw"


class LogEntityType(StrEnum):
    STEP = "step"
    TASK = "task"
    WORKFLOW_RUN = "workflow_run"


class Artifact(BaseModel):
    created_at: datetime = Field(
        ...,
        description="The creation datetime of the task.",
        examples=["2023-01-01T00:00:00Z"],
    )
    modified_at: datetime = Field(
        ...,
        description="The modification datetime of the task.",
        examples=["2023-01-01T00:00:00Z"],
    )

    @field_serializer("created_at", "modified_at", when_used="json")
    def serialize_datetime_to_isoformat(self, value: datetime) -> str:
        return value.isoformat()

    artifact_id: str
    artifact_type: ArtifactType
    uri: str
    bundle_key: str | None = None
    checksum: str | None = None
    file_size: int | None = None
    task_id: str | None = None
    step_id: str | None = None
    workflow_run_id: str | None = None
    workflow_run_block_id: str | None = None
    run_id: str | None = None
    browser_session_id: str | None = None
    observer_cruise_id: str | None = None
    observer_thought_id: str | None = None
    ai_suggestion_id: str | None = None
    signed_url: str | None = None
    archived: bool = False
    organization_id: str

    def __getitem__(self, key: str) -> Any:
        return getattr(self, key)
