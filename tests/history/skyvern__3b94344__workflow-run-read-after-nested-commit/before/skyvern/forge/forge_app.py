# From Skyvern-AI/skyvern, skyvern/forge/forge_app.py (fix 3b94344b35fe29abaa1925ac75bfb81f95e814c9; before/ is its parent), reduced.
from skyvern.config import settings
from skyvern.forge.sdk.artifact.manager import ArtifactManager
from skyvern.forge.sdk.db.agent_db import AgentDB


class ForgeApp:
    """Container for shared Forge services"""

    DATABASE: AgentDB
    ARTIFACT_MANAGER: ArtifactManager


def create_forge_app() -> ForgeApp:
    app = ForgeApp()
    app.DATABASE = AgentDB(settings.DATABASE_STRING, debug_enabled=settings.DEBUG_MODE)
    app.ARTIFACT_MANAGER = ArtifactManager()
    return app
