# From open-webui/open-webui, backend/open_webui/utils/auth.py (fix 242625782f03a2ee9c529b4df69a9d55481e6854; before/ is its parent), reduced.
from fastapi import Depends, HTTPException, Request, status

from open_webui.constants import ERROR_MESSAGES


async def get_current_user(request: Request):
    user = getattr(request.state, "user", None)
    if user is None:
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="Not authenticated")
    return user


def get_verified_user(user=Depends(get_current_user)):
    if user.role not in {"user", "admin"}:
        raise HTTPException(
            status_code=status.HTTP_401_UNAUTHORIZED,
            detail=ERROR_MESSAGES.ACCESS_PROHIBITED,
        )
    return user
