"""``flake8-dbsession server``: the rules as a Language Server (stdio), built on pygls.

``server`` holds the LSP wiring (documents, debouncing, publishing, code actions); ``convert``
turns findings and fixes into LSP objects. pygls is the ``server`` extra:
``pip install "flake8-dbsession[server]"``.
"""
