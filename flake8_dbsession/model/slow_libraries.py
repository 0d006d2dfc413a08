"""What counts as a slow external call, by library: the knowledge DBS018/DBS019 and the summary
layer share. Slow means a call into an HTTP client (``requests``, ``httpx``, ``aiohttp``,
``urllib``), an LLM provider's SDK (``openai``, ``anthropic``), ``time.sleep`` / ``asyncio.sleep``,
``smtplib``, ``subprocess``, ``boto3``/``botocore`` or ``yfinance``, or a ``dbs-io-calls`` pattern.
Building a client is not slow; its methods are."""
from __future__ import annotations

import ast
import fnmatch

from flake8_dbsession.relevance import IDENTIFIER, import_statements

SLOW_MODULES = ("requests", "httpx", "aiohttp", "urllib.request", "urllib3", "smtplib", "subprocess",
                "boto3", "botocore", "yfinance", "openai", "anthropic")
SLOW_FUNCTIONS = ("time.sleep", "asyncio.sleep")
# calls into a slow library that only build an object; the object's methods are the slow part
CLIENT_CONSTRUCTORS = {"Client", "AsyncClient", "Session", "ClientSession", "SMTP", "SMTP_SSL", "client",
                       "resource", "Ticker", "PoolManager", "Popen", "OpenAI", "AsyncOpenAI", "AzureOpenAI",
                       "AsyncAzureOpenAI", "Anthropic", "AsyncAnthropic"}
# SDKs whose clients group their calls in resources: ``client.chat.completions.create(...)``
RESOURCE_CLIENTS = ("openai.", "anthropic.")
NOT_SLOW_METHODS = {"close", "aclose", "__enter__", "__aenter__", "raise_for_status", "json"}
# a module can make a slow call only if it imports one of these (urllib only as urllib.request)
_SLOW_IMPORTS = frozenset(m.split(".")[0] for m in SLOW_MODULES) - {"urllib"}

# module text -> whether it imports a slow library (the texts are the project index's own)
_imports_slow: dict[str, bool] = {}


def forget() -> None:
    _imports_slow.clear()


def imports_slow_library(text: str) -> bool:
    """Whether a module's text imports a slow library (``import httpx``, ``from urllib.request
    import urlopen``) or names ``sleep``: without that, none of its functions can call one
    directly. Words in comments, docstrings or ``urllib.parse`` imports do not count."""
    found = _imports_slow.get(text)
    if found is None:
        found = "sleep" in text or any(_slow_statement(statement) for statement in import_statements(text))
        if len(_imports_slow) > 4096:
            _imports_slow.clear()
        _imports_slow[text] = found
    return found


def _slow_statement(statement: str) -> bool:
    names = set(IDENTIFIER.findall(statement))
    return bool(names & _SLOW_IMPORTS) or ("urllib" in names and "request" in names)


_MODULE_PREFIXES = tuple(f"{m}." for m in SLOW_MODULES)  # one startswith over all (asked of every call)


def _matches_library(qualname: str) -> bool:
    return qualname in SLOW_FUNCTIONS or qualname in SLOW_MODULES or qualname.startswith(_MODULE_PREFIXES)


def library_call(qualname: str | None, patterns: tuple[str, ...] = ()) -> str | None:
    """'requests.get' -> 'requests.get'; a client constructor -> None (building is not slow)."""
    if not qualname:
        return None
    if any(fnmatch.fnmatchcase(qualname, p) for p in patterns):
        return qualname
    if not _matches_library(qualname):
        return None
    last = qualname.rsplit(".", 1)[-1]
    if last in CLIENT_CONSTRUCTORS or last[:1].isupper():
        return None  # a class: building a client, a timeout or a request object does no I/O
    return qualname


def builds_client(qualname: str | None) -> bool:
    return bool(qualname) and _matches_library(qualname) and qualname.rsplit(".", 1)[-1] in CLIENT_CONSTRUCTORS


def clients_built(nodes: list[ast.AST], qualname_of) -> dict[str, str]:
    """Names a function (its own nodes) binds to a client of a slow library (``c =
    httpx.AsyncClient()``, ``async with aiohttp.ClientSession() as c``) -> the constructor's
    qualified name."""
    out = {}
    for node in nodes:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            value, targets = node.value, node.targets
        elif isinstance(node, ast.withitem) and isinstance(node.context_expr, ast.Call):
            value, targets = node.context_expr, [node.optional_vars]
        else:
            continue
        qualname = qualname_of(value.func)
        if builds_client(qualname):
            out.update({t.id: qualname for t in targets if isinstance(t, ast.Name)})
    return out


def client_used(call: ast.Call, clients: dict[str, str], qualname_of) -> str | None:
    """``c.get(...)`` on a client built above, ``client.chat.completions.create(...)`` on an LLM
    SDK's client, or ``httpx.AsyncClient().get(...)``: the client's constructor. Building a client
    alone (a factory such as ``_get_client()``) is not slow."""
    func = call.func
    if not isinstance(func, ast.Attribute) or func.attr in NOT_SLOW_METHODS:
        return None
    if isinstance(func.value, ast.Name) and func.value.id in clients:
        return clients[func.value.id]
    if isinstance(func.value, ast.Call) and builds_client(qualname_of(func.value.func)):
        return qualname_of(func.value.func)
    root = func.value
    while isinstance(root, ast.Attribute):
        root = root.value
    if root is not func.value and isinstance(root, ast.Name) and root.id in clients \
            and clients[root.id].startswith(RESOURCE_CLIENTS):
        return clients[root.id]
    return None
