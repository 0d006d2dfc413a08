# From polarsource/polar, server/polar/integrations/github/service/repository.py (fix e196ff51284a94d451c72533df421299bbe8973c; before/ is its parent), reduced.
from typing import Any

from polar.kit.services import ResourceService
from polar.models import Organization, Repository
from polar.postgres import AsyncSession


class GithubRepositoryService(ResourceService[Repository]):
    async def create_or_update_from_github(
        self,
        session: AsyncSession,
        organization: Organization,
        data: Any,
    ) -> Repository:
        records = await self.upsert_many(
            session,
            [
                {
                    "external_id": data.id,
                    "organization_id": organization.id,
                    "name": data.name,
                }
            ],
            constraints=[Repository.external_id],
            mutable_keys={"name"},
        )
        return records[0]


github_repository = GithubRepositoryService(Repository)
