# From apache/airflow, airflow/www/app.py at d9827764bb4f3cfbced6a69135bd6f3ff810e4bc
# (parent of the fix 8db71a2951a9dbbe7e2f913486a65287b99e83be), reduced.
from datetime import timedelta

from flask import Flask, url_for, Markup, redirect, flash
from flask.ext.admin import Admin, BaseView, expose, AdminIndexView
from flask.ext.admin.contrib.sqla import ModelView
from flask.ext.cache import Cache
from flask import request

import markdown

from airflow.settings import Session
from airflow import jobs
from airflow import models
from airflow import settings
from airflow.configuration import conf
from airflow import utils

import flask_login
from flask_login import login_required

AUTHENTICATE = conf.getboolean('core', 'AUTHENTICATE')
if AUTHENTICATE is False:
    login_required = lambda x: x

dagbag = models.DagBag(conf.get('core', 'DAGS_FOLDER'))
session = Session()  # DBS020
utils.pessimistic_connection_handling()

app = Flask(__name__)
app.config['SQLALCHEMY_POOL_RECYCLE'] = 3600

app.secret_key = 'airflowified'

cache = Cache(
    app=app, config={'CACHE_TYPE': 'filesystem', 'CACHE_DIR': '/tmp'})


@app.route('/')
def index():
    return redirect(url_for('admin.index'))


@app.route('/health')
def health():
    """ We can add an array of tests here to check the server's health """
    content = Markup(markdown.markdown("The server is healthy!"))
    return content


@app.teardown_appcontext
def shutdown_session(exception=None):
    settings.Session.remove()


class HomeView(AdminIndexView):
    """
    Basic home view, just showing the README.md file
    """
    @expose("/")
    def index(self):
        dags = sorted(dagbag.dags.values(), key=lambda dag: dag.dag_id)
        return self.render('airflow/dags.html', dags=dags)

admin = Admin(
    app,
    name="Airflow",
    index_view=HomeView(name='DAGs'),
    template_mode='bootstrap3')


class Airflow(BaseView):

    def is_visible(self):
        return False

    @expose('/')
    def index(self):
        return self.render('airflow/dags.html')

    @expose('/action')
    def action(self):
        action = request.args.get('action')
        dag_id = request.args.get('dag_id')
        origin = request.args.get('origin')
        dag = dagbag.dags[dag_id]

        if action == 'clear':
            task_id = request.args.get('task_id')
            task = dag.get_task(task_id)
            execution_date = request.args.get('execution_date')
            future = request.args.get('future') == "true"
            past = request.args.get('past') == "true"
            upstream = request.args.get('upstream') == "true"
            downstream = request.args.get('downstream') == "true"
            confirmed = request.args.get('confirmed') == "true"

            if confirmed:
                end_date = execution_date if not future else None
                start_date = execution_date if not past else None

                count = task.clear(
                    start_date=start_date,
                    end_date=end_date,
                    upstream=upstream,
                    downstream=downstream)

                flash("{0} task instances have been cleared".format(count))
                return redirect(origin)
            else:
                TI = models.TaskInstance
                qry = session.query(TI).filter(TI.dag_id == dag_id)

                if not future:
                    qry = qry.filter(TI.execution_date <= execution_date)
                if not past:
                    qry = qry.filter(TI.execution_date >= execution_date)

                tasks = [task_id]

                if upstream:
                    tasks += [
                        t.task_id
                        for t in task.get_flat_relatives(upstream=True)]
                if downstream:
                    tasks += [
                        t.task_id
                        for t in task.get_flat_relatives(upstream=False)]

                qry = qry.filter(TI.task_id.in_(tasks))
                if not qry.count():
                    flash("No task instances to clear", 'error')
                    response = redirect(origin)
                else:
                    details = "\n".join([str(t) for t in qry])

                    response = self.render(
                        'airflow/confirm.html',
                        message=(
                            "Here's the list of task instances you are about "
                            "to clear:"),
                        details=details,)

                session.commit()
                session.close()
                return response

admin.add_view(Airflow(name='DAGs'))

# ------------------------------------------------
# Leveraging the admin for CRUD and browse on models
# ------------------------------------------------


class LoginMixin(object):
    def is_accessible(self):
        return AUTHENTICATE is False or \
            flask_login.current_user.is_authenticated()


class ModelViewOnly(ModelView):
    """
    Modifying the base ModelView class for non edit, browse only operations
    """
    named_filter_urls = True
    can_create = False
    can_edit = False
    can_delete = False
    column_display_pk = True


def duration_f(v, c, m, p):
    if m.end_date:
        return timedelta(seconds=m.duration)


class TaskInstanceModelView(ModelView):
    column_filters = ('dag_id', 'task_id', 'state', 'execution_date')
    column_formatters = dict(duration=duration_f)
    column_searchable_list = ('dag_id', 'task_id', 'state')
    column_list = (
        'dag_id', 'task_id', 'execution_date',
        'start_date', 'end_date', 'duration', 'state')
    can_delete = True
mv = TaskInstanceModelView(
    models.TaskInstance, Session(), name="Task Instances", category="Admin")  # DBS020
admin.add_view(mv)


class JobModelView(ModelViewOnly):
    column_default_sort = ('start_date', True)
mv = JobModelView(jobs.BaseJob, Session(), name="Jobs", category="Admin")  # DBS020
admin.add_view(mv)


class UserModelView(LoginMixin, ModelView):
    pass
mv = UserModelView(models.User, Session(), name="Users", category="Admin")  # DBS020
admin.add_view(mv)


class DatabaseConnectionModelView(LoginMixin, ModelView):
    column_list = ('db_id', 'db_type', 'host', 'port')
    form_choices = {
        'db_type': [
            ('hive', 'Hive',),
            ('presto', 'Presto',),
            ('mysql', 'MySQL',),
            ('oracle', 'Oracle',),
            ('samba', 'Samba',),
            ('ftp', 'FTP',),
        ]
    }
mv = DatabaseConnectionModelView(
    models.DatabaseConnection, Session(),  # DBS020
    name="Database Connections", category="Admin")
admin.add_view(mv)


class LogModelView(ModelViewOnly):
    column_default_sort = ('dttm', True)
    column_filters = ('dag_id', 'task_id', 'execution_date')

mv = LogModelView(
    models.Log, Session(), name="Logs", category="Admin")  # DBS020
admin.add_view(mv)
