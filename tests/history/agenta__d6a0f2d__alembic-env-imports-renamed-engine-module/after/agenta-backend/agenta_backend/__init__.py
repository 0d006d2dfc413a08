# From Agenta-AI/agenta, agenta-backend/agenta_backend/__init__.py (fix d6a0f2df9e7dc4530cef37f87fcc9fded22c0ffd; before/ is its parent), reduced.
import os

if os.environ["FEATURE_FLAG"] in ["cloud", "cloud-dev"]:
    import agenta_backend.cloud.__init__
if os.environ["FEATURE_FLAG"] in ["ee"]:
    import agenta_backend.ee.__init__
