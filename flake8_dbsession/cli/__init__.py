"""The standalone command ``flake8-dbsession``: the same rules as the flake8 plugin, without flake8.

Modules, in the order a run uses them: ``main`` (arguments, subcommands, exit codes), ``config``
(``[tool.flake8-dbsession]`` or ``[flake8]``, per folder), ``selection`` (which codes each file
reports), ``files`` (walking paths: excludes, ``.gitignore``), ``lint`` (read, parse, analyse one
file; many in parallel), ``noqa`` (suppression comments as flake8 reads them), ``formats`` (the
output formats).
"""
