# From Skyvern-AI/skyvern, skyvern/forge/sdk/db/repositories/otp.py (fix 49b3d8d72c2459037d444da63fbc0af495b935fc; before/ is its parent), reduced.
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import update

from skyvern.forge.sdk.db._error_handling import db_operation
from skyvern.forge.sdk.db.base_repository import BaseRepository
from skyvern.forge.sdk.db.models import TOTPCodeModel
from skyvern.forge.sdk.schemas.totp_codes import OTPType, TOTPCode


class OTPRepository(BaseRepository):
    """Database operations for OTP/TOTP management."""

    @db_operation("promote_raw_otp_code")
    async def promote_raw_otp_code(
        self,
        totp_code_id: str,
        organization_id: str,
        code: str,
        otp_type: OTPType,
    ) -> TOTPCode | None:
        async with self.Session() as session:
            query = (
                update(TOTPCodeModel)
                .where(
                    TOTPCodeModel.totp_code_id == totp_code_id,
                    TOTPCodeModel.organization_id == organization_id,
                    TOTPCodeModel.parse_status == "raw",
                )
                .values(code=code, otp_type=otp_type, parse_status="parsed", modified_at=datetime.now(timezone.utc))
                .returning(TOTPCodeModel)
            )
            row = (await session.scalars(query)).one_or_none()
            if row is None:
                return None
            # Read the row before committing: commit expires the instance, and the
            # refetch it would trigger runs outside the async greenlet context.
            promoted = TOTPCode.model_validate(row)
            await session.commit()
            return promoted
