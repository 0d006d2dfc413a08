# From dstackai/dstack, src/dstack/_internal/server/services/projects.py (fix a1c2b97c180a3afe6099e42999aca4b94d74393d; before/ is its parent), reduced.
from typing import List

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload

from dstack._internal.server.models import MemberModel, ProjectModel, UserModel


async def list_user_project_models(
    session: AsyncSession,
    user: UserModel,
    include_members: bool = False,
) -> List[ProjectModel]:
    options = []
    if include_members:
        options.append(joinedload(ProjectModel.members))
    res = await session.execute(
        select(ProjectModel)
        .where(
            MemberModel.project_id == ProjectModel.id,
            MemberModel.user_id == user.id,
            ProjectModel.deleted == False,
        )
        .options(*options)
    )
    return list(res.scalars().unique().all())


async def list_project_models(
    session: AsyncSession,
) -> List[ProjectModel]:
    res = await session.execute(
        select(ProjectModel).where(ProjectModel.deleted == False),
    )
    return list(res.scalars().all())
