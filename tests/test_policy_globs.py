"""dbs-sync-paths / dbs-async-paths globs (DBS011): relative to the project root, '*' inside one
folder, '**' across folders, a folder pattern covering everything below it."""
from __future__ import annotations

import pytest

from flake8_dbsession.rules.policy import glob_pattern


@pytest.mark.parametrize("glob, path, expected", [
    ("app/threads/*", "app/threads/data_processor.py", True),
    ("app/threads/*", "app/threads/sub/x.py", True),  # the folder 'sub' matches '*': covered
    ("app/threads/*.py", "app/threads/sub/x.py", False),
    ("app/threads", "app/threads/x.py", True),
    ("app/threads/", "app/threads/x.py", True),
    ("./app/threads/**", "app/threads/a/b/c.py", True),
    ("app/**/routes/*.py", "app/api/v1/routes/users.py", True),
    ("app/**/routes/*.py", "app/routes/users.py", True),
    ("app/api/routes/*", "app/api/routes_old/users.py", False),
    ("app/api/routes/*", "other/app/api/routes/users.py", False),
    ("app/?.py", "app/a.py", True),
    ("app/?.py", "app/ab.py", False),
    ("app/[x].py", "app/[x].py", True),  # no character classes: brackets are literal
])
def test_glob(glob, path, expected):
    assert bool(glob_pattern(glob).match(path)) is expected
