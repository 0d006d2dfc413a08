# From open-webui/open-webui, backend/open_webui/models/__init__.py (fix 242625782f03a2ee9c529b4df69a9d55481e6854; before/ is its parent), reduced.
