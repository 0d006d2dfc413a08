# From langflow-ai/langflow, src/backend/langflow/__main__.py (fix 8e42cc2035c42ba282e966bc92f672db71701900; before/ is its parent), reduced.
import platform
import socket
import sys
import time
import webbrowser
import httpx
from langflow.services.database.utils import session_getter
from langflow.services.manager import initialize_services, initialize_settings_service
from langflow.services.getters import get_db_service, get_settings_service

from multiprocess import Process, cpu_count  # type: ignore
import platform
from pathlib import Path
from typing import Optional

import httpx
import typer
from dotenv import load_dotenv
from multiprocess import Process, cpu_count  # type: ignore
from rich import box
from rich import print as rprint
from rich.console import Console
from rich.panel import Panel
from rich.table import Table

from langflow.main import setup_app
from langflow.services.database.utils import session_getter
from langflow.services.getters import get_db_service, get_settings_service
from langflow.services.utils import initialize_services, initialize_settings_service
from langflow.utils.logger import configure, logger

console = Console()

app = typer.Typer()


def get_number_of_workers(workers=None):
    if workers == -1 or workers is None:
        workers = (cpu_count() * 2) + 1
    logger.debug(f"Number of workers: {workers}")
    return workers


@app.command()
def superuser(
    username: str = typer.Option(..., prompt=True, help="Username for the superuser."),
    password: str = typer.Option(
        ..., prompt=True, hide_input=True, help="Password for the superuser."
    ),
):
    initialize_services()
    db_service = get_db_service()
    with session_getter(db_service) as session:
        from langflow.services.auth.utils import create_super_user

        if create_super_user(db=session, username=username, password=password):
            typer.echo("Superuser created successfully.")

        else:
            typer.echo("Superuser creation failed.")


@app.command()
def migration(test: bool = typer.Option(False, help="Run migrations in test mode.")):
    initialize_services()
    db_service = get_db_service()
    if not test:
        db_service.run_migrations()
    results = db_service.run_migrations_test()
    print(results)


def main():
    app()


if __name__ == "__main__":
    main()
