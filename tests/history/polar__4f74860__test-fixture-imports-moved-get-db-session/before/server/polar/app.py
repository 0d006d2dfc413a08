# From polarsource/polar, server/polar/app.py (fix 4f748605f49cfd03f45b8bc3b6da33871b74f2ae; before/ is its parent), reduced.
import structlog
from fastapi import FastAPI
from fastapi.routing import APIRoute

from polar.api import router

log = structlog.get_logger()


def generate_unique_openapi_id(route: APIRoute) -> str:
    return f"{route.tags[0]}:{route.name}"


def create_app() -> FastAPI:
    app = FastAPI(generate_unique_id_function=generate_unique_openapi_id)
    app.include_router(router)
    return app


log.info("Starting Polar API")
app = create_app()
