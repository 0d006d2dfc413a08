# From Agenta-AI/agenta, agenta-backend/agenta_backend/models/db/models.py (fix 6e3d761e40e58c6d4fff7e0a9720617f42a280c0; before/ is its parent), reduced.
from agenta_backend.utils.common import isCloudEE

if isCloudEE():
    pass  # (the cloud/ee models, imported from agenta_backend.commons, cut)
else:
    from agenta_backend.models.db_models import (
        UserDB,
    )

models = [
    UserDB,
]
