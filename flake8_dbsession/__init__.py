"""flake8-dbsession: catch SQLAlchemy session bugs before they reach production."""

__version__ = "0.1.0"
