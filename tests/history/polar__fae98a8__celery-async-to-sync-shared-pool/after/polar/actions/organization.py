# From polarsource/polar, server/polar/actions/organization.py (fix fae98a817082988fd746cef588a3060becbeb37e; before/ is its parent), reduced.
from polar.actions.base import Action
from polar.models import Organization
from polar.postgres import AsyncSession


class OrganizationActions(Action[Organization]):
    async def get_by_platform(
        self, session: AsyncSession, platform: str, external_id: int
    ) -> Organization | None:
        return await self.get_by(session, platform=platform, external_id=external_id)


class GithubOrganizationActions(OrganizationActions):
    async def get_by_external_id(
        self, session: AsyncSession, external_id: int
    ) -> Organization | None:
        return await self.get_by_platform(session, "github", external_id)


organization = OrganizationActions(Organization)
github_organization = GithubOrganizationActions(Organization)
