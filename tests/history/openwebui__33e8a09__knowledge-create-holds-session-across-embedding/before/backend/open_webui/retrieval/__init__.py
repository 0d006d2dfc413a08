# From open-webui/open-webui, backend/open_webui/retrieval/__init__.py (fix 33e8a098809860c9f663d7729155686b1788ddaf; before/ is its parent), reduced.
