# From open-webui/open-webui, backend/open_webui/models/users.py (fix 24044b42ea97f8fd855472b2c0abc497a813843b; before/ is its parent), reduced.
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
