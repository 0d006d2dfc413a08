# From Agenta-AI/agenta, agenta-backend/agenta_backend/__init__.py (fix 6e3d761e40e58c6d4fff7e0a9720617f42a280c0; before/ is its parent), reduced.
import os

if os.environ["FEATURE_FLAG"] in ["cloud", "cloud-dev"]:
    import agenta_backend.cloud.__init__
if os.environ["FEATURE_FLAG"] in ["ee"]:
    import agenta_backend.ee.__init__
