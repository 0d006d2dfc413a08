"""What a project declares: its root, its dependencies (pyproject ``[project]`` and optional
dependencies, Poetry, setup.cfg ``install_requires``, requirements*.txt) and the import names those
distributions provide. Reads only metadata files, never imports anything, caches per process.
"""
from __future__ import annotations

import ast
import configparser
import os
import re
from functools import lru_cache

from flake8_dbsession import toml_reader

ROOT_MARKERS = ("pyproject.toml", "setup.cfg", "setup.py", "requirements.txt", ".git")
_REQ = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(.*)$")
_FLOOR = re.compile(r"(>=|~=|==|>)\s*(\d+)\.(\d+)")


@lru_cache(maxsize=256)
def find_root(directory: str) -> str | None:
    """The nearest folder at or above ``directory`` holding a project marker."""
    current = os.path.abspath(directory)
    while True:
        if any(os.path.exists(os.path.join(current, marker)) for marker in ROOT_MARKERS) \
                and not _module_named_like_a_marker(current):
            return current
        parent = os.path.dirname(current)
        if parent == current:
            return None
        current = parent


def _module_named_like_a_marker(folder: str) -> bool:
    """A package folder whose only marker is a module named ``setup.py`` (langflow's
    ``initial_setup/setup.py``) is a package, not a project root."""
    if not os.path.isfile(os.path.join(folder, "__init__.py")):
        return False
    return not any(os.path.exists(os.path.join(folder, marker)) for marker in ROOT_MARKERS if marker != "setup.py")


@lru_cache(maxsize=256)
def enclosing_roots(root: str) -> tuple[str, ...]:
    """The project roots above ``root``, nearest first: a monorepo's sub-project (its own
    ``pyproject.toml`` in ``integrations/x/``) lives inside the repository's project."""
    out = []
    current = os.path.dirname(os.path.abspath(root))
    while len(out) < 8:
        outer = find_root(current)
        if outer is None:
            break
        out.append(outer)
        parent = os.path.dirname(outer)
        if parent == outer:
            break
        current = parent
    return tuple(out)


@lru_cache(maxsize=64)
def workspace_members(root: str) -> tuple[str, ...]:
    """The member projects of a uv workspace rooted at ``root`` (``[tool.uv.workspace] members``,
    globs allowed), other than ``root`` itself."""
    import glob

    members = _toml(os.path.join(root, "pyproject.toml")).get("tool", {}).get("uv", {}).get("workspace", {})
    out = []
    for pattern in members.get("members", []) if isinstance(members, dict) else []:
        if not isinstance(pattern, str):
            continue
        for path in sorted(glob.glob(os.path.join(root, pattern))):
            path = os.path.abspath(path)
            if path != os.path.abspath(root) and os.path.isfile(os.path.join(path, "pyproject.toml")):
                out.append(path)
    return tuple(out[:64])


def root_for_file(filename: str, configured: str | None = None) -> str | None:
    if configured:
        return configured
    if not filename or filename in ("-", "stdin"):
        return find_root(os.getcwd())
    return find_root(os.path.dirname(os.path.abspath(filename)))


@lru_cache(maxsize=64)
def declaration_sources(root: str) -> tuple[str, ...]:
    """The files of ``root`` that declare dependencies (read by :func:`declared_requirements`)."""
    return _read_declarations(root)[1]


@lru_cache(maxsize=64)
def declared_requirements(root: str) -> tuple[tuple[str, str], ...]:
    """(normalized distribution name, version specifier) pairs the project declares."""
    return _read_declarations(root)[0]


@lru_cache(maxsize=64)
def _read_declarations(root: str) -> tuple[tuple[tuple[str, str], ...], tuple[str, ...]]:
    found: list[str] = []
    sources: list[str] = []
    pyproject = os.path.join(root, "pyproject.toml")
    data = _toml(pyproject)
    if data:
        project = data.get("project", {})
        if isinstance(project, dict) and ("dependencies" in project or "optional-dependencies" in project):
            sources.append(pyproject)
        found += [d for d in project.get("dependencies", []) if isinstance(d, str)]
        for extra in (project.get("optional-dependencies") or {}).values():
            found += [d for d in extra if isinstance(d, str)]
        for group in (data.get("dependency-groups") or {}).values():  # PEP 735
            found += [d for d in group if isinstance(d, str)]
        poetry = data.get("tool", {}).get("poetry", {})
        tables = [poetry.get("dependencies"), poetry.get("dev-dependencies")]
        tables += [group.get("dependencies") for group in (poetry.get("group") or {}).values()
                   if isinstance(group, dict)]
        if any(tables):
            sources.append(pyproject + " [tool.poetry]")
        for table in tables:
            for name, spec in (table or {}).items():
                version = spec.get("version", "") if isinstance(spec, dict) else str(spec)
                found.append(f"{name} {_poetry_spec(version)}")
    setup_py = _setup_py_requirements(os.path.join(root, "setup.py"))
    if setup_py:
        sources.append(os.path.join(root, "setup.py"))
        found += setup_py
    setup_cfg = os.path.join(root, "setup.cfg")
    if os.path.isfile(setup_cfg):
        parser = configparser.ConfigParser()
        try:
            parser.read(setup_cfg, encoding="utf-8")
            if parser.has_option("options", "install_requires"):
                sources.append(setup_cfg)
                found += parser.get("options", "install_requires").splitlines()
            if parser.has_section("options.extras_require"):
                for _, value in parser.items("options.extras_require"):
                    found += value.splitlines()
        except (configparser.Error, UnicodeDecodeError):
            pass
    for path in _requirement_files(root):
        sources.append(path)
        found += _lines(path)
    for lock in ("poetry.lock", "uv.lock", "pdm.lock"):  # lock files name transitive packages too
        locked = _toml(os.path.join(root, lock))
        packages = locked.get("package", []) if locked else []
        if packages:
            sources.append(os.path.join(root, lock))
            found += [p["name"] for p in packages if isinstance(p, dict) and isinstance(p.get("name"), str)]
    pipfile = _toml(os.path.join(root, "Pipfile"))
    if pipfile:
        sources.append(os.path.join(root, "Pipfile"))
        for table in ("packages", "dev-packages"):
            found += list((pipfile.get(table) or {}).keys())
    metadata_lines = _distribution_metadata(root)
    if metadata_lines:
        sources.append(os.path.join(root, "*.dist-info/METADATA"))
        found += metadata_lines
    out = []
    for line in found:
        line = line.split("#", 1)[0].split(";", 1)[0].strip()
        match = _REQ.match(line)
        if match and not line.startswith("-"):
            out.append((re.sub(r"[-_.]+", "-", match.group(1)).lower(), match.group(2).strip()))
    return tuple(out), tuple(sources)


@lru_cache(maxsize=256)
def package_dirs(root: str) -> tuple[str, ...]:
    """Folders below ``root`` that the build maps packages from, besides ``root`` and ``src/``:
    Poetry's ``packages = [{include = "langflow", from = "src/backend"}]``, setuptools'
    ``package-dir = {"" = "lib"}`` and ``packages.find.where``, Hatch's wheel ``packages =
    ["src/backend/langflow"]``, setup.cfg's ``package_dir = =lib``. Only folders that exist."""
    tool = _toml(os.path.join(root, "pyproject.toml")).get("tool", {})
    tool = tool if isinstance(tool, dict) else {}
    found: list[str] = []

    def table(*keys: str):
        value = tool
        for key in keys:
            value = value.get(key) if isinstance(value, dict) else None
        return value

    for entry in table("poetry", "packages") or []:
        if isinstance(entry, dict) and isinstance(entry.get("from"), str):
            found.append(entry["from"])
    package_dir = table("setuptools", "package-dir")
    if isinstance(package_dir, dict) and isinstance(package_dir.get(""), str):
        found.append(package_dir[""])
    where = table("setuptools", "packages", "find", "where")
    found += [w for w in where or [] if isinstance(w, str)]
    for entry in table("hatch", "build", "targets", "wheel", "packages") or []:
        if isinstance(entry, str) and "/" in entry.strip("/"):
            found.append(os.path.dirname(entry.strip("/")))
    cfg = os.path.join(root, "setup.cfg")
    if os.path.isfile(cfg):
        parser = configparser.ConfigParser()
        try:
            parser.read(cfg, encoding="utf-8")
            mapping = parser.get("options", "package_dir", fallback="")
        except (configparser.Error, UnicodeDecodeError):
            mapping = ""
        for line in mapping.replace(";", "\n").splitlines():
            key, _, value = line.partition("=")
            if not key.strip() and value.strip():
                found.append(value.strip())
    out = []
    for rel in found:
        folder = os.path.normpath(os.path.join(root, rel))
        inside = folder == root or folder.startswith(root.rstrip(os.sep) + os.sep)
        if inside and folder != root and os.path.isdir(folder) and folder not in out:
            out.append(folder)
    return tuple(out)


def _toml(path: str) -> dict:
    if not os.path.isfile(path):
        return {}
    try:
        with open(path, "rb") as handle:
            data = toml_reader.load(handle)
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _lines(path: str) -> list[str]:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return handle.read().splitlines()
    except OSError:
        return []


def _requirement_files(root: str) -> list[str]:
    """requirements*.txt / *.in at the root and every .txt / .in under requirements/."""
    out = []
    for folder, strict in ((root, True), (os.path.join(root, "requirements"), False)):
        try:
            names = sorted(os.listdir(folder))
        except OSError:
            continue
        for name in names:
            if not name.endswith((".txt", ".in")):
                continue
            if strict and not name.startswith("requirements"):
                continue
            out.append(os.path.join(folder, name))
    return out


def _distribution_metadata(root: str) -> list[str]:
    """Requires-Dist of an unpacked wheel or sdist (``*.dist-info/METADATA``, ``PKG-INFO``)."""
    candidates = [os.path.join(root, "PKG-INFO")]
    try:
        candidates += [os.path.join(root, n, "METADATA") for n in os.listdir(root) if n.endswith(".dist-info")]
    except OSError:
        pass
    out = []
    for path in candidates:
        for line in _lines(path):
            if line.startswith("Requires-Dist:"):
                out.append(line.split(":", 1)[1].strip())
    return out


def _setup_py_requirements(path: str) -> list[str]:
    """Literal ``install_requires`` / ``extras_require`` of a setup() call, read with ``ast``
    (setup.py is never run)."""
    if not os.path.isfile(path):
        return []
    try:
        with open(path, "rb") as handle:
            tree = ast.parse(handle.read())
    except (OSError, SyntaxError, ValueError, RecursionError):
        return []
    out: list[str] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.keyword) or node.arg not in ("install_requires", "extras_require"):
            continue
        values = node.value.values if isinstance(node.value, ast.Dict) else [node.value]
        for value in values:
            if isinstance(value, (ast.List, ast.Tuple)):
                out += [e.value for e in value.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
    # requirement lists kept in module-level names and assembled at run time (Airflow's
    # 'amazon = ["boto3>=1.15.0,<1.18.0", ...]' gathered into EXTRAS_REQUIREMENTS)
    for stmt in tree.body:
        value = stmt.value if isinstance(stmt, (ast.Assign, ast.AnnAssign)) else None
        if isinstance(value, (ast.List, ast.Tuple)):
            out += [e.value for e in value.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)
                    and _REQUIREMENT_SPEC.match(e.value)]
    return out


# 'boto3>=1.15.0,<1.18.0', 'neo4j', 'apache-beam[gcp]>=2.20; python_version < "3.9"'
_REQUIREMENT_SPEC = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*(\[[^\]]*\])?\s*((===?|[<>!~]=|[<>])[^;]*)?(;.*)?$")


def _poetry_spec(version: str) -> str:
    version = version.strip()
    if version.startswith("^"):
        return ">=" + version[1:]
    return version


def min_series(root: str | None, distribution: str) -> str | None:
    """'2.1' when the project requires ``distribution >= 2.1``; None when it does not say."""
    if root is None:
        return None
    best = None
    for name, spec in declared_requirements(root):
        if name != distribution:
            continue
        for _, major, minor in _FLOOR.findall(spec):
            key = (int(major), int(minor))
            best = key if best is None or key > best else best
    return f"{best[0]}.{best[1]}" if best else None


# Distributions whose import name differs from their name (normalized, lower case, dashes).
KNOWN_RENAMES: dict[str, tuple[str, ...]] = {
    "pyyaml": ("yaml",),
    "psycopg2-binary": ("psycopg2",),
    "psycopg-binary": ("psycopg",),
    "psycopg-c": ("psycopg",),
    "beautifulsoup4": ("bs4",),
    "pillow": ("PIL",),
    "scikit-learn": ("sklearn",),
    "python-dateutil": ("dateutil",),
    "opencv-python": ("cv2",),
    "opencv-python-headless": ("cv2",),
    "attrs": ("attr", "attrs"),
    "protobuf": ("google",),
    "python-jose": ("jose",),
    "python-dotenv": ("dotenv",),
    "pyjwt": ("jwt",),
    "mysqlclient": ("MySQLdb",),
    "mysql-connector-python": ("mysql",),
    "python-multipart": ("multipart", "python_multipart"),
    "pycryptodome": ("Crypto",),
    "pycryptodomex": ("Cryptodome",),
    "pygithub": ("github",),
    "discord-py": ("discord",),
    "python-telegram-bot": ("telegram",),
    "python-magic": ("magic",),
    "typing-extensions": ("typing_extensions",),
    "email-validator": ("email_validator",),
    "setuptools": ("setuptools", "pkg_resources"),
    "pyzmq": ("zmq",),
    "pymongo": ("pymongo", "bson", "gridfs"),
    "python-slugify": ("slugify",),
    "google-cloud-storage": ("google",),
    "google-api-python-client": ("googleapiclient",),
    "msgpack-python": ("msgpack",),
    "pyopenssl": ("OpenSSL",),
    "pysocks": ("socks",),
    "ruamel-yaml": ("ruamel",),
    "sqlalchemy-utils": ("sqlalchemy_utils",),
    "flask-sqlalchemy": ("flask_sqlalchemy",),
    "apache-airflow": ("airflow",),
    "faiss-cpu": ("faiss",),
    "tensorflow-gpu": ("tensorflow",),
    "pyserial": ("serial",),
    "pywin32": ("win32api", "win32con", "pywintypes"),
    "websocket-client": ("websocket",),
    "dnspython": ("dns",),
    "pyasn1-modules": ("pyasn1_modules",),
    "grpcio": ("grpc",),
    "python-docx": ("docx",),
    "python-pptx": ("pptx",),
    "pymupdf": ("fitz", "pymupdf"),
    "umsgpack": ("umsgpack",),
    "aiogram": ("aiogram",),
    "presto-python-client": ("prestodb",),
    "google-auth": ("google",),
    "pyspark": ("pyspark",),
}


def normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


@lru_cache(maxsize=1024)
def _installed_top_levels(distribution: str) -> tuple[str, ...]:
    """Import names an installed distribution provides, from its metadata: ``top_level.txt``, else
    the top-level ``.py`` entries of its RECORD (as ``importlib.metadata.packages_distributions``
    infers them). Never imports it. Only the distributions a project declares are read, one at a
    time: reading every distribution of the environment took 0.1-0.15 s per process on this
    project's small development environment, and grows with the environment."""
    try:
        from importlib.metadata import distribution as installed

        found = installed(distribution)
        text = found.read_text("top_level.txt")
        if text:
            return tuple(sorted({line.strip() for line in text.splitlines() if line.strip()}))
        tops = {f.parts[0] if len(f.parts) > 1 else f.name[:-3] for f in found.files or () if f.name.endswith(".py")}
    except Exception:  # noqa: BLE001 - not installed, or broken metadata: no answer, never a crash
        return ()
    return tuple(sorted(top for top in tops if "." not in top))


# Distributions that bring others with them: importing those without declaring them is common
# (Flask-SQLAlchemy users import sqlalchemy), and a pre-commit environment installs none of them.
BRINGS: dict[str, tuple[str, ...]] = {
    "sqlmodel": ("sqlalchemy", "pydantic"),
    "flask-sqlalchemy": ("sqlalchemy", "flask"),
    "alembic": ("sqlalchemy",),
    "fastapi": ("starlette", "pydantic"),
    "aiogram": ("aiohttp", "pydantic"),
    "boto3": ("botocore",),
    "aioboto3": ("aiobotocore", "botocore", "boto3"),
    "requests-oauthlib": ("requests", "oauthlib"),
    "celery": ("kombu",),
    "databases": ("sqlalchemy",),
    "ormar": ("sqlalchemy", "databases", "pydantic"),
    "litestar": ("msgspec",),
    "langchain-astradb": ("astrapy",),
    "advanced-alchemy": ("sqlalchemy", "alembic"),
    "django": ("asgiref",),
}


def _provides_by_name(distribution: str, import_name: str) -> bool:
    """Does the (declared) distribution provide top-level module ``import_name``, itself or as a
    dependency it always brings, by the names alone (no installed metadata read)?"""
    dist = normalize(distribution)
    module = normalize(import_name)
    if dist == module:
        return True
    if import_name in KNOWN_RENAMES.get(dist, ()) or import_name in BRINGS.get(dist, ()):
        return True
    # conservative matches: cassandra-driver -> cassandra, python-jenkins -> jenkins, and plugins
    # named after what they extend (fastapi-users-db-sqlalchemy brings sqlalchemy)
    if dist.startswith(module + "-") or dist in (f"python-{module}", f"py{module}", f"{module}-python"):
        return True
    return module in dist.split("-")


@lru_cache(maxsize=64)
def declared_distributions(root: str) -> tuple[str, ...]:
    return tuple(sorted({name for name, _ in declared_requirements(root)}))


@lru_cache(maxsize=8192)
def is_declared(root: str | None, import_name: str) -> bool:
    if root is None:
        return False
    declared = declared_distributions(root)
    # the names first: most imports are declared under their own name, and then no distribution's
    # metadata is read
    return any(_provides_by_name(dist, import_name) for dist in declared) or \
        any(import_name in _installed_top_levels(normalize(dist)) for dist in declared)


def declares_dependencies(root: str | None) -> bool:
    """Did any file of the project declare dependencies? Without that, an import that is neither
    first-party nor installed may just be an undeclared dependency: no evidence of a broken import."""
    return root is not None and bool(declaration_sources(root))
