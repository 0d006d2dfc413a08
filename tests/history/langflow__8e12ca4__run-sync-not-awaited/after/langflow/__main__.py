# Reduced from langflow-ai/langflow, src/backend/base/langflow/__main__.py, at 8e12ca469fa7b5736b04ce72f83b8abf7ff2388e (the fix).
import asyncio

import typer
from rich.console import Console
from rich.table import Table

from langflow.services.deps import get_db_service

console = Console()

app = typer.Typer(no_args_is_help=True)


def display_results(results) -> None:
    """Display the results of the migration."""
    for table_results in results:
        table = Table(title=f"Migration {table_results.table_name}")
        table.add_column("Name")
        table.add_column("Type")
        table.add_column("Status")

        for result in table_results.results:
            status = "Success" if result.success else "Failure"
            color = "green" if result.success else "red"
            table.add_row(result.name, result.type, f"[{color}]{status}[/{color}]")

        console.print(table)
        console.print()  # Print a new line


async def _migration(*, test: bool, fix: bool) -> None:
    db_service = get_db_service()
    if not test:
        await db_service.run_migrations(fix=fix)
    results = await db_service.run_migrations_test()
    display_results(results)


@app.command()
def migration(
    test: bool = typer.Option(default=True, help="Run migrations in test mode."),  # noqa: FBT001
    fix: bool = typer.Option(  # noqa: FBT001
        default=False,
        help="Fix migrations. This is a destructive operation, and should only be used if you know what you are doing.",
    ),
) -> None:
    """Run or test migrations."""
    if fix and not typer.confirm(
        "This will delete all data necessary to fix migrations. Are you sure you want to continue?"
    ):
        raise typer.Abort

    asyncio.run(_migration(test=test, fix=fix))
