# From polarsource/polar, server/polar/integrations/github/service/organization.py (fix e196ff51284a94d451c72533df421299bbe8973c; before/ is its parent), reduced.
from typing import Any

from polar.kit.services import ResourceService
from polar.models import Organization
from polar.postgres import AsyncSession


class GithubOrganizationService(ResourceService[Organization]):
    async def create_or_update_from_github(
        self,
        session: AsyncSession,
        data: Any,
    ) -> Organization:
        records = await self.upsert_many(
            session,
            [{"external_id": data.id, "name": data.login}],
            constraints=[Organization.external_id],
            mutable_keys={"name"},
        )
        return records[0]


github_organization = GithubOrganizationService(Organization)
