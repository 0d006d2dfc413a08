# From litestar-org/litestar-fullstack, src/server/app/schemas/user.py (fix 9332da1dc86e12c7e2c4b75b878375234e97dbae; before/ is its parent), reduced.
from typing import Optional

from pydantic import BaseModel, EmailStr, SecretStr


class UserSignup(BaseModel):
    email: EmailStr
    full_name: Optional[str] = None
    password: SecretStr
    team_name: Optional[str] = None


class UserUpdate(BaseModel):
    email: Optional[EmailStr] = None
    is_superuser: Optional[bool] = None


__all__ = ["UserSignup", "UserUpdate"]
