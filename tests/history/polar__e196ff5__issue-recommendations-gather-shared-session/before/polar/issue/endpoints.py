# From polarsource/polar, server/polar/issue/endpoints.py (fix e196ff51284a94d451c72533df421299bbe8973c; before/ is its parent), reduced.
from typing import Any

from fastapi import APIRouter, Depends

from polar.integrations.github.service.issue import github_issue as github_issue_service
from polar.postgres import AsyncSession, get_db_session

from .service import issue as issue_service

router = APIRouter(tags=["issues"])


async def current_user() -> Any:
    """Stands for polar.auth.dependencies.UserRequiredAuth."""


@router.get("/issues/for_you")
async def for_you(
    auth: Any = Depends(current_user),
    session: AsyncSession = Depends(get_db_session),
) -> list[Any]:
    issues = await github_issue_service.list_issues_from_starred(session, auth.user)

    # get loaded
    issues = [
        i for i in [await issue_service.get_loaded(session, i.id) for i in issues] if i
    ]
    return [{"id": str(i.id), "title": i.title} for i in issues]
