# From apache/superset, superset/__init__.py at 11935ce1188aa214b6769b3d55468ee7db1fd159 (the fix), reduced.
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
