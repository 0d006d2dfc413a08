# From Skyvern-AI/skyvern, skyvern/forge/sdk/schemas/totp_codes.py (fix 49b3d8d72c2459037d444da63fbc0af495b935fc; before/ is its parent), reduced.
from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class TOTPCodeBase(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    totp_identifier: str | None = Field(default=None)
    task_id: str | None = Field(default=None)
    workflow_id: str | None = Field(default=None)
    workflow_run_id: str | None = Field(default=None)
    source: str | None = Field(default=None)
    content: str | None = Field(default=None)
    expired_at: datetime | None = Field(default=None)


class OTPType(StrEnum):
    TOTP = "totp"
    MAGIC_LINK = "magic_link"


class TOTPCodeCreate(TOTPCodeBase):
    totp_identifier: str = Field(...)
    content: str = Field(...)


class TOTPCode(TOTPCodeCreate):
    totp_code_id: str = Field(..., description="The skyvern ID of the TOTP code.")
    code: str = Field(..., description="The TOTP code extracted from the content.")
    organization_id: str = Field(..., description="The ID of the organization that the TOTP code is for.")
    created_at: datetime = Field(..., description="The timestamp when the TOTP code was created.")
    modified_at: datetime = Field(..., description="The timestamp when the TOTP code was modified.")
    otp_type: OTPType | None = Field(None, description="The type of the OTP code.")
