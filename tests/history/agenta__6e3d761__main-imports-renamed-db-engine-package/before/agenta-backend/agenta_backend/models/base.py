# From Agenta-AI/agenta, agenta-backend/agenta_backend/models/base.py (fix 6e3d761e40e58c6d4fff7e0a9720617f42a280c0; before/ is its parent), reduced.
from sqlalchemy.orm import declarative_base

Base = declarative_base()
