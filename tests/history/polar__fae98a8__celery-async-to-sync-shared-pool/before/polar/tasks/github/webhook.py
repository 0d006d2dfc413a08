# From polarsource/polar, server/polar/tasks/github/webhook.py (fix fae98a817082988fd746cef588a3060becbeb37e; before/ is its parent), reduced.
from typing import Any

import structlog

from polar import actions
from polar.postgres import AsyncSession
from polar.worker import asyncify_task, task

log = structlog.get_logger()


async def repositories_changed(
    session: AsyncSession, scope: str, action: str, payload: dict[str, Any]
) -> dict[str, Any]:
    # TODO: Verify that this works even for personal Github accounts?
    organization = await actions.github_organization.get_by_external_id(
        session, payload["installation"]["account"]["id"]
    )
    if not organization:
        log.critical(
            "suspicuous github webhook!",
            github_event=f"{scope}.{action}",
        )
        return dict(success=False)

    added = len(payload.get("repositories_added", []))
    deleted = len(payload.get("repositories_removed", []))
    return dict(success=True, added=added, removed=deleted)


@task(name="github.webhook.repository.added")
@asyncify_task(with_session=True)
async def repositories_added(
    session: AsyncSession, scope: str, action: str, payload: dict[str, Any]
) -> dict[str, Any]:
    return await repositories_changed(session, scope, action, payload)


@task(name="github.webhook.repository.removed")
@asyncify_task(with_session=True)
async def repositories_removed(
    session: AsyncSession, scope: str, action: str, payload: dict[str, Any]
) -> dict[str, Any]:
    return await repositories_changed(session, scope, action, payload)
