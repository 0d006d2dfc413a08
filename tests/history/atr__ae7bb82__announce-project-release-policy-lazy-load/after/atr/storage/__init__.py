# From apache/tooling-trusted-releases, atr/storage/__init__.py (fix ae7bb82d39a79d1e30acd2b94c389c4b421a24ce; before/ is its parent), reduced.
# Licensed to the Apache Software Foundation (ASF) under the Apache License, Version 2.0.

from __future__ import annotations

import contextlib
import datetime
import json
import logging
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from collections.abc import AsyncGenerator

import atr.db as db
import atr.principal as principal
import atr.storage.writers as writers


# Do not rename this interface
# It is named to reserve the atr.storage.audit logger name
def audit(**kwargs: object) -> None:
    now = datetime.datetime.now(datetime.UTC).isoformat(timespec="milliseconds")
    now = now.replace("+00:00", "Z")
    kwargs = {"datetime": now, **kwargs}
    msg = json.dumps(kwargs, allow_nan=False)
    logger = logging.getLogger("atr.storage.audit")
    logger.info(msg)


class AccessAs:
    def append_to_audit_log(self, **kwargs: object) -> None:
        audit(**kwargs)


class WriteAs(AccessAs): ...


class AccessError(RuntimeError): ...


class WriteAsGeneralPublic(WriteAs):
    def __init__(self, write: Write, data: db.Session):
        self.announce = writers.announce.GeneralPublic(write, self, data)


class WriteAsFoundationCommitter(WriteAsGeneralPublic):
    def __init__(self, write: Write, data: db.Session):
        self.__asf_uid = write.authorisation.asf_uid
        self.announce = writers.announce.FoundationCommitter(write, self, data)


class WriteAsCommitteeParticipant(WriteAsFoundationCommitter):
    def __init__(self, write: Write, data: db.Session, committee_name: str):
        self.__asf_uid = write.authorisation.asf_uid
        self.__committee_name = committee_name
        self.announce = writers.announce.CommitteeParticipant(write, self, data, committee_name)


class WriteAsCommitteeMember(WriteAsCommitteeParticipant):
    def __init__(self, write: Write, data: db.Session, committee_name: str):
        self.__asf_uid = write.authorisation.asf_uid
        self.__committee_name = committee_name
        self.announce = writers.announce.CommitteeMember(write, self, data, committee_name)

    @property
    def asf_uid(self) -> str:
        if self.__asf_uid is None:
            raise AccessError("No ASF UID")
        return self.__asf_uid

    @property
    def committee_name(self) -> str:
        return self.__committee_name


class Write:
    def __init__(self, authorisation: principal.Authorisation, data: db.Session):
        self.__authorisation: Final[principal.Authorisation] = authorisation
        self.__data: Final[db.Session] = data

    @property
    def authorisation(self) -> principal.Authorisation:
        return self.__authorisation

    def as_committee_member(self, committee_name: str) -> WriteAsCommitteeMember:
        if self.__authorisation.asf_uid is None:
            raise AccessError("No ASF UID")
        if not self.__authorisation.is_member_of(committee_name):
            raise AccessError(f"ASF UID {self.__authorisation.asf_uid} is not a member of {committee_name}")
        return WriteAsCommitteeMember(self, self.__data, committee_name)


@contextlib.asynccontextmanager
async def write(asf_uid: str | None = None) -> AsyncGenerator[Write]:
    authorisation = principal.Authorisation(asf_uid)
    async with db.session() as data:
        # TODO: Replace data with a DatabaseWriter instance
        yield Write(authorisation, data)


@contextlib.asynccontextmanager
async def write_as_committee_member(
    committee_name: str,
    asf_uid: str | None = None,
) -> AsyncGenerator[WriteAsCommitteeMember]:
    async with write(asf_uid) as w:
        yield w.as_committee_member(committee_name)
