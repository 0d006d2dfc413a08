# From apache/tooling-trusted-releases, atr/principal.py (fix ae7bb82d39a79d1e30acd2b94c389c4b421a24ce; before/ is its parent), reduced.
# Licensed to the Apache Software Foundation (ASF) under the Apache License, Version 2.0.

from __future__ import annotations


class Authorisation:
    def __init__(self, asf_uid: str | None = None, member_of: frozenset[str] = frozenset()) -> None:
        self.__asf_uid = asf_uid
        self.__member_of = member_of

    @property
    def asf_uid(self) -> str | None:
        return self.__asf_uid

    def is_member_of(self, committee_name: str) -> bool:
        return committee_name in self.__member_of
