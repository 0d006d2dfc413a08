# From apache/airflow, airflow/www/utils.py (fix a665f48b606065977e0d3952bc74635ce11726d1; before/ is its parent), reduced.
from markupsafe import Markup
from pygments import highlight, lexers
from pygments.formatters import HtmlFormatter


def wrapped_markdown(s, css_class='rich_doc'):
    """Convert a Markdown string to HTML."""
    return Markup(f'<div class="{css_class}" >' + s + "</div>")


def get_attr_renderer():
    """Return Dictionary containing different Pygments Lexers for Rendering & Highlighting"""
    return {
        'yaml': lambda x: Markup(highlight(x, lexers.YamlLexer(), HtmlFormatter(linenos=True))),
    }
