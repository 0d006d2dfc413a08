# From open-webui/open-webui, backend/open_webui/utils/headers.py (fix 24044b42ea97f8fd855472b2c0abc497a813843b; before/ is its parent), reduced.
from urllib.parse import quote


def include_user_info_headers(headers, user):
    return {
        **headers,
        "X-OpenWebUI-User-Name": quote(user.name, safe=" "),
        "X-OpenWebUI-User-Id": user.id,
        "X-OpenWebUI-User-Email": user.email,
        "X-OpenWebUI-User-Role": user.role,
    }
