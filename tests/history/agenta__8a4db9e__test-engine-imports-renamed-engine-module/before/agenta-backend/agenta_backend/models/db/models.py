# From Agenta-AI/agenta, agenta-backend/agenta_backend/models/db/models.py (fix 8a4db9e571bb0a65b738172660becc1afb9facb4; before/ is its parent), reduced.
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
