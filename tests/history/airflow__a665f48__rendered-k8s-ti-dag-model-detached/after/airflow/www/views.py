# From apache/airflow, airflow/www/views.py (fix a665f48b606065977e0d3952bc74635ce11726d1; before/ is its parent), reduced.
import logging

import yaml
from flask import abort, current_app, escape, flash, request
from flask_appbuilder import BaseView, expose
from markupsafe import Markup
from sqlalchemy.orm import Session

from airflow import settings
from airflow.exceptions import AirflowException
from airflow.models import DAG
from airflow.utils import timezone
from airflow.utils.session import NEW_SESSION, provide_session
from airflow.www import utils as wwwutils
from airflow.www.decorators import action_logging
from airflow.www.forms import DateTimeForm


class AirflowBaseView(BaseView):
    """Base View to set Airflow related properties"""

    route_base = ''

    def render_template(self, *args, **kwargs):
        return super().render_template(*args, **kwargs)


class Airflow(AirflowBaseView):
    """Main Airflow application."""

    @expose('/rendered-k8s')
    @action_logging
    @provide_session
    def rendered_k8s(self, session: Session = NEW_SESSION):
        """Get rendered k8s yaml."""
        if not settings.IS_K8S_OR_K8SCELERY_EXECUTOR:
            abort(404)
        dag_id = request.args.get('dag_id')
        task_id = request.args.get('task_id')
        execution_date = request.args.get('execution_date')
        dttm = timezone.parse(execution_date)
        form = DateTimeForm(data={'execution_date': dttm})
        root = request.args.get('root', '')
        logging.info("Retrieving rendered templates.")

        dag: DAG = current_app.dag_bag.get_dag(dag_id)
        task = dag.get_task(task_id)
        dag_run = dag.get_dagrun(execution_date=dttm, session=session)
        ti = dag_run.get_task_instance(task_id=task.task_id, session=session)

        pod_spec = None
        try:
            pod_spec = ti.get_rendered_k8s_spec(session=session)
        except AirflowException as e:
            msg = "Error rendering Kubernetes POD Spec: " + escape(e)
            if e.__cause__:
                msg += Markup("<br><br>OriginalError: ") + escape(e.__cause__)
            flash(msg, "error")
        except Exception as e:
            flash("Error rendering Kubernetes Pod Spec: " + str(e), "error")
        title = "Rendered K8s Pod Spec"
        html_dict = {}
        renderers = wwwutils.get_attr_renderer()
        if pod_spec:
            content = yaml.dump(pod_spec)
            content = renderers["yaml"](content)
        else:
            content = Markup("<pre><code>Error rendering Kubernetes POD Spec</pre></code>")
        html_dict['k8s'] = content

        return self.render_template(
            'airflow/ti_code.html',
            html_dict=html_dict,
            dag=dag,
            task_id=task_id,
            execution_date=execution_date,
            form=form,
            root=root,
            title=title,
        )
