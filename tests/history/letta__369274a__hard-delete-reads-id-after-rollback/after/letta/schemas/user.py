# From letta-ai/letta, letta/schemas/user.py (fix 369274a2194756d73198e4e3c8124971ba805f63; before/ is its parent), reduced.
from pydantic import BaseModel


class User(BaseModel):
    id: str
    organization_id: str
