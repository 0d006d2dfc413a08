# From letta-ai/letta, letta/schemas/user.py (fix 0f69d503aa53be6f63ed1eac2aeb786456d140fb; before/ is its parent), reduced.
from pydantic import BaseModel


class User(BaseModel):
    id: str
    organization_id: str
