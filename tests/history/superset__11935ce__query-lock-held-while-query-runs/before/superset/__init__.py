# From apache/superset, superset/__init__.py at 09bbdd277c9d94ad17660a53d0880a68c37ae8a9 (parent of the fix), reduced.
from flask import Flask
from flask_appbuilder import AppBuilder, SQLA

from superset import config

app = Flask(__name__)
app.config.from_object("superset.config")
conf = app.config

db = SQLA(app)

appbuilder = AppBuilder(app, db.session)

security_manager = appbuilder.sm

results_backend = app.config.get("RESULTS_BACKEND")
results_backend_use_msgpack = app.config.get("RESULTS_BACKEND_USE_MSGPACK")
