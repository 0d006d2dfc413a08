# From open-webui/open-webui, backend/open_webui/env.py (fix d4b90f93bda2413ec8f040e61959acdb7b242061; before/ is its parent), reduced.
import os
from pathlib import Path

OPEN_WEBUI_DIR = Path(__file__).parent
DATA_DIR = Path(os.getenv('DATA_DIR', OPEN_WEBUI_DIR / 'data'))

####################################
# DATABASE
####################################

DATABASE_URL = os.environ.get('DATABASE_URL', f'sqlite:///{DATA_DIR}/webui.db')

DATABASE_SCHEMA = os.environ.get('DATABASE_SCHEMA', None)

DATABASE_ENABLE_SESSION_SHARING = os.environ.get('DATABASE_ENABLE_SESSION_SHARING', 'False').lower() == 'true'
