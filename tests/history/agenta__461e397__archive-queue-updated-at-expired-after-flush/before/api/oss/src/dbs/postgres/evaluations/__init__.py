# From Agenta-AI/agenta, api/oss/src/dbs/postgres/evaluations/__init__.py (fix 461e39788ad1af7498bb83f1328a0119129a8c95; before/ is its parent), reduced.
