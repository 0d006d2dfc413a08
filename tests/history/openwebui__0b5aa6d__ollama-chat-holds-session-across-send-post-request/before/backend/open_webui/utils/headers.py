# From open-webui/open-webui, backend/open_webui/utils/headers.py (fix 0b5aa6dd60c5502ad98a0bea903142763a1e3f91; before/ is its parent), reduced.
from urllib.parse import quote


def include_user_info_headers(headers, user):
    return {
        **headers,
        "X-OpenWebUI-User-Name": quote(user.name, safe=" "),
        "X-OpenWebUI-User-Id": user.id,
        "X-OpenWebUI-User-Email": user.email,
        "X-OpenWebUI-User-Role": user.role,
    }
