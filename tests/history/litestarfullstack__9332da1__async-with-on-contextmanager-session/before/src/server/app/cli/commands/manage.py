# From litestar-org/litestar-fullstack, src/server/app/cli/commands/manage.py (fix 9332da1dc86e12c7e2c4b75b878375234e97dbae; before/ is its parent), reduced.
import logging
from typing import Any, Optional

import click
from pydantic import EmailStr, SecretStr

from app import schemas, services, utils
from app.cli.console import console
from app.core.db import db_session

logger = logging.getLogger()


@click.group(name="manage", invoke_without_command=False)
@click.pass_context
def cli(_: dict[str, Any]) -> None:
    """System Administration Commands"""


@cli.command(name="create-user", help="Create a user")
@click.option("--email", help="Email of the new user", type=click.STRING, required=False, show_default=False)
@click.option("--full-name", help="Full name of the new user", type=click.STRING, required=False, show_default=False)
@click.option("--password", help="Password", type=click.STRING, required=False, show_default=False)
@click.option("--team-name", help="Team Name", type=click.STRING, required=False, show_default=False)
def create_user(
    email: Optional[str],
    full_name: Optional[str],
    password: Optional[str],
    team_name: Optional[str],
) -> None:
    """Create a user"""

    email = email or click.prompt("Email")
    full_name = full_name or click.prompt("Full Name", show_default=False)
    password = password or click.prompt("Password", hide_input=True, confirmation_prompt=True)
    team_name = team_name or click.prompt("Initial Team Name", show_default=True)
    obj_in = schemas.UserSignup(
        email=EmailStr(email), full_name=full_name, password=SecretStr(password), team_name=team_name
    )

    async def _create_user(obj_in: schemas.UserSignup) -> None:
        async with db_session() as db:  # DBS007
            user = await services.user.create(db_session=db, obj_in=obj_in)
            console.print(f"User created: {user.email}")

    utils.asyncer.run(_create_user)(obj_in)


@cli.command(name="promote-to-superuser", help="Promotes a user to application superuser")
@click.option("--email", help="Email of the user", type=click.STRING, required=False, show_default=False)
def promote_to_superuser(email: Optional[str]) -> None:
    """Promotes a user to application superuser"""
    email = email or click.prompt("Email")

    async def _promote_to_superuser(email: EmailStr) -> None:
        async with db_session() as db:  # DBS007
            user = await services.user.get_by_email(db_session=db, email=email)
            if user:
                console.print(f"Promoting user: {user.email}")
                user_in = schemas.UserUpdate(
                    email=user.email,
                    is_superuser=True,
                )
                user = await services.user.update(db_obj=user, obj_in=user_in, db_session=db)
                console.print(f"Upgraded {email} to superuser")
            else:
                console.print(f"User not found: {email}")

    utils.asyncer.run(_promote_to_superuser)(email=EmailStr(email))
