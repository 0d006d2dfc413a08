# From open-webui/open-webui, backend/open_webui/models/users.py (fix 9e596f861651766a1b7d043bb4a989d0dba61bc5; before/ is its parent), reduced.
from typing import Optional

from pydantic import BaseModel, ConfigDict


class UserModel(BaseModel):
    id: str

    email: str
    username: Optional[str] = None
    role: str = "pending"

    name: str

    profile_image_url: str

    info: Optional[dict] = None

    last_active_at: int  # timestamp in epoch
    updated_at: int  # timestamp in epoch
    created_at: int  # timestamp in epoch

    model_config = ConfigDict(from_attributes=True)
