# From open-webui/open-webui, backend/open_webui/utils/auth.py (fix d4b90f93bda2413ec8f040e61959acdb7b242061; before/ is its parent), reduced.
from fastapi import Depends, HTTPException, Request, status


async def get_current_user(request: Request):
    user = getattr(request.state, 'user', None)
    if user is None:
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail='Not authenticated')
    return user


def get_verified_user(user=Depends(get_current_user)):
    if user.role not in {'user', 'admin'}:
        raise HTTPException(
            status_code=status.HTTP_401_UNAUTHORIZED,
            detail='Access prohibited',
        )
    return user
