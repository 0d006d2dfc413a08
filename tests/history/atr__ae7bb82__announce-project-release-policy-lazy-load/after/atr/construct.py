# From apache/tooling-trusted-releases, atr/construct.py (fix ae7bb82d39a79d1e30acd2b94c389c4b421a24ce; before/ is its parent), reduced.
# Licensed to the Apache Software Foundation (ASF) under the Apache License, Version 2.0.

import dataclasses

import atr.config as config
import atr.db as db
import atr.models.sql as sql


@dataclasses.dataclass
class AnnounceReleaseOptions:
    asfuid: str
    fullname: str
    project_name: str
    version_name: str


async def announce_release_body(body: str, options: AnnounceReleaseOptions) -> str:
    host = config.get().APP_HOST

    async with db.session() as data:
        release = await data.release(
            project_name=options.project_name,
            version=options.version_name,
            _project=True,
            _committee=True,
            phase=sql.ReleasePhase.RELEASE_PREVIEW,
        ).demand(RuntimeError(f"Release {options.project_name} {options.version_name} not found"))
        if not release.committee:
            raise RuntimeError(f"Release {options.project_name} {options.version_name} has no committee")
        committee = release.committee

    download_url = f"https://{host}/release/view/{options.project_name}/{options.version_name}"

    # Perform substitutions in the body
    body = body.replace("[COMMITTEE]", committee.display_name)
    body = body.replace("[DOWNLOAD_URL]", download_url)
    body = body.replace("[PROJECT]", options.project_name)
    body = body.replace("[VERSION]", options.version_name)
    body = body.replace("[YOUR_ASF_ID]", options.asfuid)
    body = body.replace("[YOUR_FULL_NAME]", options.fullname)

    return body
