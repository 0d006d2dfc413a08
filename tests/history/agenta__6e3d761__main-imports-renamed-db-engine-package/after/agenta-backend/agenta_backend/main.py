# From Agenta-AI/agenta, agenta-backend/agenta_backend/main.py (fix 6e3d761e40e58c6d4fff7e0a9720617f42a280c0; before/ is its parent), reduced.
from contextlib import asynccontextmanager

from agenta_backend.models.db.engines import cloud_ee_db_engine as db_engine
from agenta_backend.utils.common import isEE, isCloudProd, isCloudDev, isOss, isCloudEE

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware


origins = [
    "http://localhost:3000",
    "http://localhost:3001",
    "http://0.0.0.0:3000",
    "http://0.0.0.0:3001",
]


@asynccontextmanager
async def lifespan(application: FastAPI, cache=True):
    """
    Lifespan initializes the database engine and load the default llm templates.

    Args:
        application: FastAPI application.
        cache: A boolean value that indicates whether to use the cached data or not.
    """

    await db_engine.init_db()  # this is related to cloud (doesn't require new migrations check)
    # (migration checks and template sync cut)

    yield

    await db_engine.close_db()


app = FastAPI(lifespan=lifespan)

allow_headers = ["Content-Type"]

app.add_middleware(
    CORSMiddleware,
    allow_origins=origins,
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=allow_headers,
)
