# From open-webui/open-webui, backend/open_webui/utils/headers.py (fix 9e596f861651766a1b7d043bb4a989d0dba61bc5; before/ is its parent), reduced.
from urllib.parse import quote


def include_user_info_headers(headers, user):
    return {
        **headers,
        "X-OpenWebUI-User-Name": quote(user.name, safe=" "),
        "X-OpenWebUI-User-Id": user.id,
        "X-OpenWebUI-User-Email": user.email,
        "X-OpenWebUI-User-Role": user.role,
    }
