"""The project index and the resolver: layouts, declared dependencies, safety, odd projects."""
from __future__ import annotations

import os
import subprocess
import textwrap
import venv

import pytest

from flake8_dbsession.project import metadata
from flake8_dbsession.project.index import ModuleLocation, ProjectIndex, _import_bindings, is_installed
from tests.conftest import ROOT, run_flake8

FORMAT = "--format=%(path)s:%(row)d:%(code)s"


def codes(stdout: str) -> set[str]:
    return {line.replace("./", "", 1) for line in stdout.split()}


def test_linting_never_imports_the_project(project):
    """Modules that write a file when imported: linting them must leave no file behind."""
    payload = "import pathlib\npathlib.Path(__file__).with_suffix('.IMPORTED').write_text('x')\n"
    root = project({
        "pyproject.toml": "[project]\nname = 'trap'\ndependencies = ['SQLAlchemy']\n",
        "app/__init__.py": payload,
        "app/db.py": payload + "from sqlalchemy.ext.asyncio import async_sessionmaker\nSessionLocal = "
                               "async_sessionmaker()\ndef get_session():\n    return SessionLocal()\n",
        "app/routes.py": payload + textwrap.dedent("""\
            from app.db import SessionLocal, get_session, AsyncSessionLocal
            from app import db
            import app.db

            async def handler(job):
                async with SessionLocal() as session:
                    session.delete(job)
                print(db.SessionLocal, app.db.engine_missing, get_session())
            """),
        "conftest.py": payload,
        "setup.py": payload,
    })
    result = run_flake8(["--select=DBS", FORMAT, "."], cwd=root)
    assert "Traceback" not in result.stderr, result.stderr
    assert codes(result.stdout) == {"app/routes.py:3:DBS002", "app/routes.py:9:DBS005", "app/routes.py:10:DBS002"}
    assert sorted(p.name for p in root.rglob("*.IMPORTED")) == []


def test_file_outside_any_project(tmp_path):
    folder = tmp_path / "loose"
    folder.mkdir()
    (folder / "helper_db.py").write_text("SessionLocal = None\n")
    (folder / "script.py").write_text("from helper_db import SessionLocal\nfrom nowhere_db import engine\n")
    result = run_flake8(["--select=DBS", FORMAT, "script.py"], cwd=folder)
    # no project, so nothing declares dependencies: 'nowhere_db' may be an undeclared package
    assert codes(result.stdout) == set()
    (folder / "requirements.txt").write_text("SQLAlchemy\n")
    result = run_flake8(["--select=DBS", FORMAT, "script.py"], cwd=folder)
    assert codes(result.stdout) == {"script.py:2:DBS001"}


def test_stdin_resolves_against_the_display_name(project):
    root = project({"pyproject.toml": "[project]\nname='x'\ndependencies=[]\n", "app/__init__.py": "",
                    "app/db.py": "SessionLocal = None\n"})
    source = "from app.db import SessionLocal, AsyncSessionLocal\n"
    result = run_flake8(["--select=DBS", FORMAT, "--stdin-display-name", "app/x.py", "-"], cwd=root, stdin=source)
    assert codes(result.stdout) == {"app/x.py:1:DBS002"}
    bare = run_flake8(["--select=DBS", FORMAT, "-"], cwd=root, stdin="from nowhere_db import engine\n")
    assert codes(bare.stdout) == {"stdin:1:DBS001"}


def test_nested_package_below_the_project_root(project):
    """A monorepo: pyproject.toml at the top, the service's package one level down."""
    root = project({"pyproject.toml": "[project]\nname='outer'\n",
                    "service/app/__init__.py": "", "service/app/db.py": "SessionLocal = None\n",
                    "service/app/routes.py": "from app.db import SessionLocal, AsyncSessionLocal\n",
                    "vendored/pkg/db.py": "engine = None\n",
                    "vendored/pkg/use.py": "from pkg.db import engine\n"})
    assert codes(run_flake8(["--select=DBS", FORMAT, "."], cwd=root).stdout) == {
        "service/app/routes.py:1:DBS002"}


def test_project_root_option(project):
    files = {"pyproject.toml": "[project]\nname='outer'\ndependencies=['SQLAlchemy']\n",
             "service/lib/db.py": "SessionLocal = None\n",
             "service/app/routes.py": "from lib.db import SessionLocal\n"}
    root = project(files)
    # no __init__.py anywhere: 'lib' is a top-level module only if 'service' is the root
    assert codes(run_flake8(["--select=DBS", FORMAT, "service/app/routes.py"], cwd=root).stdout) == {
        "service/app/routes.py:1:DBS001"}
    result = run_flake8(["--select=DBS", FORMAT, "--dbs-project-root=service", "service/app/routes.py"], cwd=root)
    assert result.stdout == ""
    bad = run_flake8(["--select=DBS", "--dbs-project-root=nope", "service/app/routes.py"], cwd=root)
    assert bad.returncode == 2 and bad.stderr.strip() == (
        "flake8-dbsession: error: dbs-project-root: 'nope' is not a directory")


def test_import_cycles_and_self_imports(project):
    root = project({
        "pyproject.toml": "[project]\nname='c'\n",
        "pkg/__init__.py": "from pkg.a import *\nfrom pkg.b import *\n",
        "pkg/a.py": "from pkg.b import *\nfrom pkg import Engine2\nSessionA = None\n",
        "pkg/b.py": "from pkg.a import *\nfrom pkg import SessionA\nEngine2 = None\n",
        "pkg/use.py": "from pkg import SessionA, Engine2, MissingSession\n",
    })
    result = run_flake8(["--select=DBS", FORMAT, "."], cwd=root)
    assert "Traceback" not in result.stderr
    assert codes(result.stdout) == {"pkg/use.py:1:DBS002"}


def test_layouts(tmp_path):
    (tmp_path / "src" / "shop" / "db").mkdir(parents=True)
    (tmp_path / "src" / "shop" / "__init__.py").write_text("")
    (tmp_path / "src" / "shop" / "db" / "session.py").write_text("")
    (tmp_path / "ns" / "inner").mkdir(parents=True)
    (tmp_path / "ns" / "inner" / "mod.py").write_text("")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("")
    index = ProjectIndex(str(tmp_path))
    assert index.locate("shop.db.session").kind == "module"
    assert index.locate("shop.db").kind == "namespace"
    assert index.locate("shop").kind == "package"
    assert index.locate("ns.inner.mod").kind == "module"
    assert index.locate("docs") is None
    assert index.module_name(str(tmp_path / "src" / "shop" / "db" / "session.py")) == "shop.db.session"
    assert index.module_name(str(tmp_path / "src" / "shop" / "__init__.py")) == "shop"


@pytest.mark.parametrize("config, folder", [
    ("pyproject.toml", '[tool.poetry]\nname = "langflow"\n'
                       'packages = [{ include = "langflow", from = "src/backend" }]\n'),
    ("pyproject.toml", '[project]\nname = "langflow"\n[tool.setuptools]\npackage-dir = {"" = "src/backend"}\n'),
    ("pyproject.toml", '[project]\nname = "langflow"\n[tool.setuptools.packages.find]\nwhere = ["src/backend"]\n'),
    ("pyproject.toml", '[project]\nname = "langflow"\n[tool.hatch.build.targets.wheel]\n'
                       'packages = ["src/backend/langflow"]\n'),
    ("setup.cfg", "[metadata]\nname = langflow\n[options]\npackage_dir =\n    =src/backend\n"),
], ids=["poetry-from", "setuptools-package-dir", "setuptools-find-where", "hatch-wheel-packages", "setup-cfg"])
def test_build_configuration_maps_packages_from_a_folder(tmp_path, config, folder):
    """langflow's tests import 'langflow' from the root; the package lives in src/backend (479a808)."""
    (tmp_path / config).write_text(folder)
    package = tmp_path / "src" / "backend" / "langflow"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "getters.py").write_text("")
    metadata.package_dirs.cache_clear()
    index = ProjectIndex(str(tmp_path))
    assert index.locate("langflow.getters").kind == "module"
    assert index.module_name(str(package / "getters.py")) == "langflow.getters"


def test_build_configuration_outside_the_project_is_ignored(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.poetry]\npackages = [{ include = "x", from = "../.." }, 3]\n')
    metadata.package_dirs.cache_clear()
    assert metadata.package_dirs(str(tmp_path)) == ()


def test_no_declarations_means_no_evidence(project):
    root = project({"pyproject.toml": "[project]\nname='x'\n", "app/x.py": "from init import Session\n"})
    assert run_flake8(["--select=DBS", "app/x.py"], cwd=root).stdout == ""


def test_more_declaration_sources(tmp_path):
    (tmp_path / "requirements").mkdir()
    (tmp_path / "requirements" / "base.in").write_text("flask-sqlalchemy\n")
    (tmp_path / "poetry.lock").write_text('[[package]]\nname = "neo4j"\nversion = "5.0"\n')
    (tmp_path / "Pipfile").write_text('[packages]\ncassandra-driver = "*"\n')
    info = tmp_path / "pkg-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Name: pkg\nRequires-Dist: fastapi-users-db-sqlalchemy>=7\n")
    root = str(tmp_path)
    for name in ("flask_sqlalchemy", "sqlalchemy", "neo4j", "cassandra"):
        assert metadata.is_declared(root, name), name
    assert metadata.declares_dependencies(root)


def test_declared_dependencies(tmp_path):
    (tmp_path / "pyproject.toml").write_text(textwrap.dedent("""\
        [project]
        dependencies = ["PyYAML>=6", "psycopg2-binary", "cassandra-driver", "SQLAlchemy[asyncio]>=2.1"]
        [project.optional-dependencies]
        redis = ["redis>=5; python_version >= '3.9'"]
        [tool.poetry.dependencies]
        python = "^3.11"
        asyncpg = {version = "^0.29"}
        [tool.poetry.group.dev.dependencies]
        pytest-asyncio = "*"
        """))
    (tmp_path / "requirements-dev.txt").write_text("# tools\n-r requirements.txt\nbeautifulsoup4==4.12\n")
    root = str(tmp_path)
    for name in ("yaml", "psycopg2", "cassandra", "sqlalchemy", "redis", "asyncpg", "bs4", "pytest_asyncio"):
        assert metadata.is_declared(root, name), name
    assert not metadata.is_declared(root, "init")
    assert not metadata.is_declared(root, "cassandra_ext")
    assert metadata.min_series(root, "sqlalchemy") == "2.1"


def test_setup_py_is_read_not_run(tmp_path):
    (tmp_path / "setup.py").write_text(textwrap.dedent("""\
        import pathlib
        pathlib.Path("RAN").write_text("x")
        from setuptools import setup
        setup(name="x", install_requires=["aiomysql>=0.2", "motor"])
        """))
    assert metadata.is_declared(str(tmp_path), "aiomysql")
    assert metadata.is_declared(str(tmp_path), "motor")
    assert not (tmp_path / "RAN").exists()


def test_import_names_of_a_distribution_match_the_environment_map():
    """Each declared distribution's import names come from its own metadata; they agree with
    ``importlib.metadata.packages_distributions``, which reads every installed distribution."""
    from importlib.metadata import packages_distributions

    from flake8_dbsession.project.metadata import _installed_top_levels, normalize

    expected: dict[str, set[str]] = {}
    for top, dists in packages_distributions().items():
        if top == "__pycache__":
            continue  # from 3.12 the stdlib lists the folder of a top-level module's .pyc; nothing imports it
        for dist in dists:
            expected.setdefault(normalize(dist), set()).add(top)
    assert expected
    for dist, tops in expected.items():
        assert _installed_top_levels(dist) == tuple(sorted(tops)), dist
    assert _installed_top_levels("no-such-distribution-here") == ()


@pytest.mark.parametrize("statement, bound", [
    ("from a import b, c as d", {"b", "d"}),
    ("import x.y, z as w", {"x", "w"}),
    ("from .m import (\n    P,\n    Q as R,\n)", {"P", "R"}),
    ("from important import x as important", {"important"}),
])
def test_import_bindings_from_text(statement, bound):
    assert _import_bindings(statement) == bound


MODULE = """\
\"\"\"Docs.\"\"\"
from sqlalchemy.orm import sessionmaker
from .engines import (
    engine,
    async_engine as AsyncEngine,
)
SessionLocal = sessionmaker()
Typed: type = sessionmaker
async def get_session():
    pass
class Registry:
    pass
if True:
    Conditional = 1
def f():
    Inner = 2
"""


@pytest.mark.parametrize("name, plainly", [
    ("SessionLocal", True), ("Typed", True), ("get_session", True), ("Registry", True),
    ("sessionmaker", True), ("engine", True), ("AsyncEngine", True),
    ("async_engine", False),  # imported under another name
    ("Conditional", False),  # bound, but not plainly: the tree decides
    ("Inner", False), ("Missing", False),
])
def test_plain_top_level_bindings_are_read_from_the_text(tmp_path, name, plainly):
    """DBS002 asks whether a module defines a name; a plain top-level binding is found in the text
    without building the module's tree (a third of superset's module parses were for that)."""
    path = tmp_path / "db.py"
    path.write_text(MODULE)
    index = ProjectIndex(str(tmp_path))
    location = ModuleLocation("db", "module", str(path))
    assert index.binds_at_top(location, name) is plainly
    assert not index._recent_trees  # nothing parsed
    if name in ("Conditional",):
        assert name in index.bound_names(location)


def test_is_installed_uses_files_only():
    assert is_installed("asyncio") and is_installed("flake8")
    assert not is_installed("surely_not_a_module_xyz")


@pytest.fixture(scope="session")
def bare_venv(tmp_path_factory):
    """A pre-commit-like environment: flake8 and this plugin, nothing else (no SQLAlchemy)."""
    target = tmp_path_factory.mktemp("precommit") / "venv"
    venv.EnvBuilder(with_pip=True).create(target)
    python = target / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", str(ROOT)], check=True, capture_output=True,
                   timeout=600)
    return target


def test_pre_commit_environment_without_project_dependencies(bare_venv, project):
    python = bare_venv / "bin" / "python"
    probe = subprocess.run([str(python), "-c", "import sqlalchemy"], capture_output=True)
    assert probe.returncode != 0, "the bare environment must not have SQLAlchemy"
    root = project({
        "pyproject.toml": textwrap.dedent("""\
            [project]
            name = "svc"
            dependencies = ["SQLAlchemy[asyncio]>=2.0", "sqlmodel", "psycopg2-binary", "redis-om"]
            """),
        "app/__init__.py": "",
        "app/db.py": textwrap.dedent("""\
            from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine
            from sqlmodel import Session
            from psycopg2.extensions import connection as db_connection
            from redis_om import get_redis_connection as redis_session
            from nowhere_db import engine

            AsyncSessionLocal = async_sessionmaker(create_async_engine("sqlite+aiosqlite://"))
            """),
        "app/routes.py": textwrap.dedent("""\
            from app.db import AsyncSessionLocal

            async def handler(job):
                async with AsyncSessionLocal() as session:
                    session.delete(job)
            """),
    })
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    result = subprocess.run([str(python), "-m", "flake8", "--select=DBS", FORMAT, "."], cwd=root,
                            capture_output=True, text=True, env=env, timeout=300)
    assert "Traceback" not in result.stderr, result.stderr
    assert codes(result.stdout) == {"app/db.py:5:DBS001", "app/routes.py:5:DBS005"}


def test_nested_projects_resolve_against_enclosing_projects(project):
    """A monorepo: sub-projects with their own pyproject.toml import the repository's own modules
    and what the repository (or they themselves) declare; only what resolves nowhere is reported."""
    root = project({
        "pyproject.toml": "[project]\nname = 'platform'\ndependencies = ['SQLAlchemy>=2', 'prefect_core_db>=3']\n",
        "app/__init__.py": "",
        "app/db.py": "from sqlalchemy.orm import sessionmaker\nSessionLocal = sessionmaker()\n",
        "integrations/plugin-x/pyproject.toml":
            "[project]\nname = 'plugin-x'\ndependencies = ['prefect_core_db>=3', 'plugin_only_db']\n",
        "integrations/plugin-x/plugin_x/__init__.py": "",
        "integrations/plugin-x/plugin_x/tasks.py": textwrap.dedent("""\
            from app.db import SessionLocal
            from prefect_core_db.database import provide_database_interface
            from plugin_only_db import engine
            from platform_typo_db import Session
            """),
        "client/pyproject.toml": "[project]\nname = 'client'\ndependencies = ['httpx']\n",
        "client/client_pkg/__init__.py": "",
        "client/client_pkg/sync.py": "from app.db import SessionLocal\nfrom prefect_core_db import database\n",
    })
    result = run_flake8(["--select=DBS", FORMAT, "."], cwd=root)
    assert "Traceback" not in result.stderr, result.stderr
    assert codes(result.stdout) == {"integrations/plugin-x/plugin_x/tasks.py:4:DBS001"}


def test_uv_workspace_members_and_a_checkout_named_like_the_package(tmp_path):
    """langflow's layout: the checkout folder is named 'langflow', the package lives in
    src/backend/base/langflow (a workspace member), tests at src/backend/tests import it and the
    'lfx' member; neither is reported. A module missing from the real package still is."""
    root = tmp_path / "langflow"
    files = {
        "pyproject.toml": textwrap.dedent("""\
            [project]
            name = "langflow"
            dependencies = ["langflow-base~=0.6", "sqlalchemy"]
            [tool.uv.workspace]
            members = ["src/backend/base", ".", "src/lfx"]
            """),
        "src/backend/base/pyproject.toml": "[project]\nname = 'langflow-base'\ndependencies = ['lfx~=0.1']\n",
        "src/backend/base/langflow/__init__.py": "",
        "src/backend/base/langflow/services/__init__.py": "",
        "src/backend/base/langflow/services/deps.py": "def session_scope():\n    pass\n",
        "src/lfx/pyproject.toml": "[project]\nname = 'lfx'\ndependencies = ['pydantic']\n",
        "src/lfx/src/lfx/__init__.py": "",
        "src/lfx/src/lfx/services/__init__.py": "",
        "src/lfx/src/lfx/services/deps.py": "def session_scope():\n    pass\n",
        "src/backend/tests/__init__.py": "",
        "src/backend/tests/conftest.py": textwrap.dedent("""\
            from langflow.services.deps import session_scope
            from lfx.services.deps import get_db_service
            from lfx_typo.services.deps import session_scope as scope
            """),
    }
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    result = run_flake8(["--select=DBS", FORMAT, "."], cwd=root)
    assert "Traceback" not in result.stderr, result.stderr
    assert codes(result.stdout) == {"src/backend/tests/conftest.py:3:DBS001"}


def test_the_checkout_folder_is_not_the_package_it_is_named_after(tmp_path):
    """Chainlit's layout: the checkout is 'chainlit/', the package is backend/chainlit (its own
    project, a dependency group of the root); an end-to-end script at the root uses
    'cl.user_session', which the real package's __init__ binds. The checkout folder is no
    namespace package of that name."""
    root = tmp_path / "chainlit"
    files = {
        "pyproject.toml": '[dependency-groups]\nbackend = ["chainlit"]\n',
        "backend/pyproject.toml": "[project]\nname = 'chainlit'\ndependencies = ['sqlalchemy']\n",
        "backend/chainlit/__init__.py": "from chainlit.user_session import user_session\n",
        "backend/chainlit/user_session.py": "user_session = {}\n",
        "backend/chainlit/data/__init__.py": "",
        "backend/chainlit/socket.py": "def persist_user_session(thread_id, metadata):\n    pass\n",
        "cypress/e2e/data_layer/main.py": textwrap.dedent("""\
            import chainlit as cl
            import chainlit.data as cl_data
            from chainlit.socket import persist_user_session


            @cl_data.queue_until_user_message()
            async def create_step(step_dict):
                cl.user_session.set("counter", cl.user_session.get("counter") + 1)
            """),
        "scripts/translate.py": "print('a script beside the folders')\n",
    }
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    result = run_flake8(["--select=DBS", FORMAT, "."], cwd=root)
    assert "Traceback" not in result.stderr, result.stderr
    assert codes(result.stdout) == set()


def test_airflow_layout_providers_namespace_and_setup_py_extras(project):
    """Airflow 2.0: airflow/providers/ has no __init__.py (a namespace folder inside the airflow
    package) and each provider is named after its client library (providers/neo4j/hooks/neo4j.py
    imports the 'neo4j' distribution); setup.py keeps extras in module-level lists that it gathers
    at run time. Neither the provider folder nor an undeclared-looking extra is reported; an
    import declared nowhere still is."""
    root = project({
        "setup.py": textwrap.dedent("""\
            from setuptools import setup
            neo4j = ['neo4j>=4.2.1']
            presto = ['presto-python-client>=0.7.0,<0.8']
            amazon = ['boto3>=1.15.0,<1.18.0', 'watchtower~=0.7.3']
            EXTRAS_REQUIREMENTS = {'neo4j': neo4j, 'presto': presto, 'amazon': amazon}
            setup(name='apache-airflow', install_requires=['sqlalchemy>=1.3.18'],
                  extras_require=EXTRAS_REQUIREMENTS)
            """),
        "airflow/__init__.py": "",
        "airflow/providers/neo4j/__init__.py": "",
        "airflow/providers/neo4j/hooks/__init__.py": "",
        "airflow/providers/neo4j/hooks/neo4j.py": "from neo4j import GraphDatabase, Neo4jDriver as Session\n",
        "airflow/providers/presto/__init__.py": "",
        "airflow/providers/presto/hooks/__init__.py": "",
        "airflow/providers/presto/hooks/presto.py": "from prestodb.exceptions import DatabaseError\n",
        "airflow/providers/amazon/aws/hooks/base_aws.py": "import botocore.session\n",
        "airflow/providers/other/hooks/other.py": "from undeclared_client.database import DatabaseError\n",
    })
    result = run_flake8(["--select=DBS", FORMAT, "."], cwd=root)
    assert "Traceback" not in result.stderr, result.stderr
    assert codes(result.stdout) == {"airflow/providers/other/hooks/other.py:1:DBS001"}


def test_a_module_named_setup_py_inside_a_package_is_no_project_root(project):
    """langflow's initial_setup/setup.py is a module of the package, not a packaging script: the
    project root stays above, so 'langflow.services.deps' resolves (and its session_scope is
    followed)."""
    root = project({
        "pyproject.toml": "[project]\nname = 'langflow'\ndependencies = ['sqlalchemy']\n",
        "langflow/__init__.py": "",
        "langflow/services/__init__.py": "",
        "langflow/services/deps.py": "def session_scope():\n    pass\n",
        "langflow/initial_setup/__init__.py": "",
        "langflow/initial_setup/setup.py": "from langflow.services.deps import session_scope, get_db_typo\n",
    })
    metadata.find_root.cache_clear()
    assert metadata.find_root(str(root / "langflow" / "initial_setup")) == str(root)
    result = run_flake8(["--select=DBS", FORMAT, "."], cwd=root)
    assert codes(result.stdout) == {"langflow/initial_setup/setup.py:1:DBS002"}


def test_a_project_folder_imported_by_its_own_name(project):
    """Arize-ai/phoenix's examples/agent_framework_comparison/ (its own requirements.txt, no
    __init__.py) imports 'agent_framework_comparison.db.database': run from examples/, the project
    folder is the package. Only what it lacks is reported."""
    root = project({
        "agent_framework_comparison/requirements.txt": "sqlalchemy\n",
        "agent_framework_comparison/db/database.py": "def get_table():\n    pass\n",
        "agent_framework_comparison/skills/generate_sql_query.py":
            "from agent_framework_comparison.db.database import get_table, get_db_typo\n",
    })
    result = run_flake8(["--select=DBS", FORMAT, "."], cwd=root / "agent_framework_comparison")
    assert codes(result.stdout) == {"skills/generate_sql_query.py:1:DBS002"}


def test_a_folder_without_init_does_not_hide_a_declared_package(project):
    """Python finds a regular package anywhere on the path before a namespace folder: docs in
    'vignettes/sqlalchemy/' (Arize-ai/phoenix) and a subpackage folder 'utils/mcp/' (open-webui)
    do not make 'sqlalchemy' or 'mcp' first-party."""
    root = project({
        "pyproject.toml": "[project]\nname = 'app'\ndependencies = ['sqlalchemy', 'mcp']\n",
        "docs/vignettes/sqlalchemy/users.py":
            "from sqlalchemy import create_engine\nfrom sqlalchemy.orm import Session\n",
        "app/__init__.py": "",
        "app/utils/__init__.py": "",
        "app/utils/mcp/client.py": "from mcp import ClientSession\nfrom mcp.client.session import ClientSession as S\n",
    })
    result = run_flake8(["--select=DBS", FORMAT, "."], cwd=root)
    assert "Traceback" not in result.stderr, result.stderr
    assert codes(result.stdout) == set()


def test_modules_are_found_in_folder_listings_as_python_finds_them(tmp_path):
    from flake8_dbsession.project import index as project_index

    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    app = tmp_path / "app"
    (app / "pkg").mkdir(parents=True)
    (app / "__init__.py").write_text("")
    (app / "pkg" / "__init__.py").write_text("")
    (app / "real.py").write_text("X = 1\n")
    (app / "linked.py").symlink_to(app / "real.py")  # a link to a module is that module
    (app / "folder.py").mkdir()  # a folder named like a module is not one
    (app / "names").mkdir()
    (app / "names" / "inner.py").write_text("")
    project_index.forget(files_changed=True)
    index = ProjectIndex(str(tmp_path))
    assert index.locate("app.linked").kind == "module" and index.locate("app.pkg").kind == "package"
    assert index.locate("app.names").kind == "namespace" and index.locate("app.names.inner").kind == "module"
    assert index.locate("app.folder") is None and index.locate("app.Real") is None and index.locate("app.nope") is None
    assert index.module_name(str(app / "pkg" / "__init__.py")) == "app.pkg"
    (app / "later.py").write_text("")  # created while a language server runs: seen once told
    project_index.forget(files_changed=True)
    assert ProjectIndex(str(tmp_path)).locate("app.later").kind == "module"
