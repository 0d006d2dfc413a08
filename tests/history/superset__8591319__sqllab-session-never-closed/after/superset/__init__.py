# From apache/superset, superset/__init__.py at 8591319bde7db14ac358eae979dfefcbf450db91 (the fix), reduced.
from flask import Flask
from flask_appbuilder import AppBuilder, SQLA

from superset import utils

app = Flask(__name__)
app.config.from_object('superset.config')
conf = app.config

db = SQLA(app)

appbuilder = AppBuilder(app, db.session, update_perms=utils.get_update_perms_flag())

security_manager = appbuilder.sm

results_backend = app.config.get('RESULTS_BACKEND')
