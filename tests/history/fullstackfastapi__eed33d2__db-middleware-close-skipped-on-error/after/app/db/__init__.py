# From fastapi/full-stack-fastapi-template, {{cookiecutter.project_slug}}/backend/app/app/db/__init__.py (fix eed33d276d04a719e7555be6d0c4ccda42d49716; before/ is its parent), reduced.
