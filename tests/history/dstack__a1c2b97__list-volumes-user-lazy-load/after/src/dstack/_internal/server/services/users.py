# From dstackai/dstack, src/dstack/_internal/server/services/users.py (fix a1c2b97c180a3afe6099e42999aca4b94d74393d; before/ is its parent), reduced (token decryption check cut).
import hashlib
from typing import Optional

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from dstack._internal.server.models import UserModel


async def log_in_with_token(session: AsyncSession, token: str) -> Optional[UserModel]:
    token_hash = get_token_hash(token)
    res = await session.execute(
        select(UserModel).where(
            UserModel.token_hash == token_hash,
            UserModel.active == True,
        )
    )
    user = res.scalar()
    if user is None:
        return None
    return user


def get_token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
