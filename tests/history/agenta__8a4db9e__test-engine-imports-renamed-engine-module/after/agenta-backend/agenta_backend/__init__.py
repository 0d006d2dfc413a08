# From Agenta-AI/agenta, agenta-backend/agenta_backend/__init__.py (fix 8a4db9e571bb0a65b738172660becc1afb9facb4; before/ is its parent), reduced.
import os

if os.environ["FEATURE_FLAG"] in ["cloud", "cloud-dev"]:
    import agenta_backend.cloud.__init__
if os.environ["FEATURE_FLAG"] in ["ee"]:
    import agenta_backend.ee.__init__
