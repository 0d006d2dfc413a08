# From apache/airflow, airflow/www/forms.py (fix a665f48b606065977e0d3952bc74635ce11726d1; before/ is its parent), reduced.
from flask_wtf import FlaskForm
from wtforms.fields import DateTimeField


class DateTimeForm(FlaskForm):
    """Date filter form needed for task views"""

    execution_date = DateTimeField("Logical date")
