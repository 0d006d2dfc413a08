# From langflow-ai/langflow, src/backend/langflow/main.py (fix 8e42cc2035c42ba282e966bc92f672db71701900; before/ is its parent), reduced.
from fastapi import FastAPI

from langflow.services.utils import initialize_services


def create_app():
    """Create the FastAPI app and include the router."""
    app = FastAPI()
    app.on_event("startup")(initialize_services)
    return app


def setup_app(static_files_dir=None, backend_only: bool = False) -> FastAPI:
    """Setup the FastAPI app."""
    return create_app()
