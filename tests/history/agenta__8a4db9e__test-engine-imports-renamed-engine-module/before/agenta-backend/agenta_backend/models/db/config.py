# From Agenta-AI/agenta, agenta-backend/agenta_backend/models/db/config.py (fix 8a4db9e571bb0a65b738172660becc1afb9facb4; before/ is its parent), reduced.
import os
import logging


# Configure and set logging level
logger = logging.getLogger(__name__)
logger.setLevel(logging.INFO)


# Environment variables
DATABASE_MODE = os.environ.get("DATABASE_MODE", "v2")
POSTGRES_URI = os.environ.get("POSTGRES_URI")
MONGODB_URI = os.environ.get("MONGODB_URI")
