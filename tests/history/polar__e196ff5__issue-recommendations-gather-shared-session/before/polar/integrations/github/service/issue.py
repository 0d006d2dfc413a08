# From polarsource/polar, server/polar/integrations/github/service/issue.py (fix e196ff51284a94d451c72533df421299bbe8973c; before/ is its parent), reduced.
from __future__ import annotations

import asyncio
import datetime
from typing import Any, Awaitable, Sequence
from uuid import UUID

import structlog

from polar.integrations.github import client as github
from polar.issue.service import IssueService
from polar.models import Issue, Organization, Repository
from polar.models.user import User
from polar.postgres import AsyncSession
from polar.redis import redis

from .organization import github_organization
from .repository import github_repository

log = structlog.get_logger()


class GithubIssueService(IssueService):
    async def store(
        self,
        session: AsyncSession,
        *,
        data: Any,
        organization: Organization,
        repository: Repository,
        autocommit: bool = True,
    ) -> Issue:
        records = await self.store_many(
            session,
            data=[data],
            organization=organization,
            repository=repository,
            autocommit=autocommit,
        )
        return records[0]

    async def store_many(
        self,
        session: AsyncSession,
        *,
        data: list[Any],
        organization: Organization,
        repository: Repository,
        autocommit: bool = True,
    ) -> Sequence[Issue]:
        schemas = [
            {
                "external_id": issue.id,
                "organization_id": organization.id,
                "repository_id": repository.id,
                "number": issue.number,
                "title": issue.title,
            }
            for issue in data
            if not issue.pull_request
        ]
        if not schemas:
            log.warning("github.issue", error="no issues to store")
            return []

        records = await self.upsert_many(
            session,
            schemas,
            constraints=[Issue.external_id],
            mutable_keys={"title"},
            autocommit=autocommit,
        )
        return records

    async def list_issues_from_starred(
        self,
        session: AsyncSession,
        user: User,
    ) -> list[Issue]:
        # use cached result if we have one
        cache_key = "recommendations:" + str(user.id)
        val = await redis.lrange(cache_key, 0, -1)
        if val:
            res_issues: list[Issue] = []
            for id in val:
                issue = await github_issue.get(session, UUID(str(id)))
                if issue:
                    res_issues.append(issue)
            return res_issues

        client = await github.get_user_client(session, user)

        # get the latest starred repos
        starred = (
            await client.rest.activity.async_list_repos_starred_by_authenticated_user(
                per_page=15
            )
        )

        async def recommended_in_repo(
            org: Organization, repo: Repository
        ) -> list[Issue]:
            issues = await client.rest.issues.async_list_for_repo(
                org.name,
                repo.name,
                state="open",
                per_page=10,
                sort="comments",
                direction="desc",
            )

            found = 0

            by_thumbs_up = sorted(
                issues.parsed_data,
                key=lambda i: i.reactions.plus_one if i.reactions else 0,
                reverse=True,
            )

            res: list[Issue] = []

            for i in by_thumbs_up:
                if i.pull_request:
                    continue

                # max 4 per repo
                if found > 3:
                    return res

                found += 1

                issue = await self.store(
                    session,
                    data=i,
                    organization=org,
                    repository=repo,
                    # The session is shared between multiple coroutines, do not commit
                    autocommit=False,
                )

                res.append(issue)

            return res

        # concurrently crawl each repository
        jobs: list[Awaitable[list[Issue]]] = []

        for r in starred.parsed_data:
            # skip self owned repos
            if r.owner.login == user.username:
                continue
            if r.private:
                continue

            org = await github_organization.create_or_update_from_github(
                session, r.owner
            )

            repo = await github_repository.create_or_update_from_github(
                session,
                org,
                r,
            )

            jobs.append(recommended_in_repo(org, repo))

        # collect the results from each coroutine
        results: list[list[Issue]] = await asyncio.gather(*jobs)  # DBS013
        await session.commit()
        res = [i for sub in results for i in sub]

        # No recommendations, nothing to cache!
        if len(res) == 0:
            return []

        # set cache
        async with redis.pipeline() as pipe:
            pipe.delete(cache_key)
            pipe.rpush(cache_key, *[str(i.id) for i in res])
            pipe.expire(cache_key, datetime.timedelta(hours=24))
            await pipe.execute()

        return res


github_issue = GithubIssueService(Issue)
