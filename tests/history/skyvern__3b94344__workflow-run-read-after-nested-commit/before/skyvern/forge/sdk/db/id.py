# From Skyvern-AI/skyvern, skyvern/forge/sdk/db/id.py (fix 3b94344b35fe29abaa1925ac75bfb81f95e814c9; before/ is its parent), reduced.
import uuid


def generate_artifact_id() -> str:
    return f"a_{uuid.uuid4().hex}"
