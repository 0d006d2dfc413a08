# From open-webui/open-webui, backend/open_webui/utils/auth.py (fix 826e9ab317d5376c6eeb93870481dad3bf99ae96; before/ is its parent), reduced.
from fastapi import Depends, HTTPException, Request, status

from open_webui.constants import ERROR_MESSAGES


async def get_current_user(request: Request):
    # (reduced: token/API-key decoding and the user lookup are cut)
    user = getattr(request.state, "user", None)
    if user is None:
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="Not authenticated")
    return user


def get_admin_user(user=Depends(get_current_user)):
    if user.role != "admin":
        raise HTTPException(
            status_code=status.HTTP_401_UNAUTHORIZED,
            detail=ERROR_MESSAGES.ACCESS_PROHIBITED,
        )
    return user
