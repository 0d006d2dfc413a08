# From open-webui/open-webui, backend/open_webui/utils/access_control.py (fix 24044b42ea97f8fd855472b2c0abc497a813843b; before/ is its parent), reduced.
from typing import Any, Optional, Set

from open_webui.models.groups import Groups


def get_permitted_group_and_user_ids(
    type: str = "write", access_control: Optional[dict] = None
) -> Optional[dict]:
    if access_control is None:
        return None

    permission_access = access_control.get(type, {})
    return {
        "group_ids": permission_access.get("group_ids", []),
        "user_ids": permission_access.get("user_ids", []),
    }


def has_access(
    user_id: str,
    type: str = "write",
    access_control: Optional[dict] = None,
    user_group_ids: Optional[Set[str]] = None,
    strict: bool = True,
    db: Optional[Any] = None,
) -> bool:
    if access_control is None:
        if strict:
            return type == "read"
        else:
            return True

    if user_group_ids is None:
        user_groups = Groups.get_groups_by_member_id(user_id, db=db)
        user_group_ids = {group.id for group in user_groups}

    permitted_ids = get_permitted_group_and_user_ids(type, access_control)
    if permitted_ids is None:
        return False

    permitted_group_ids = permitted_ids.get("group_ids", [])
    permitted_user_ids = permitted_ids.get("user_ids", [])

    return user_id in permitted_user_ids or any(
        group_id in permitted_group_ids for group_id in user_group_ids
    )
