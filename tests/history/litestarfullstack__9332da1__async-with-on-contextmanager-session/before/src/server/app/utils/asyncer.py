# From litestar-org/litestar-fullstack, src/server/app/utils/asyncer.py (fix 9332da1dc86e12c7e2c4b75b878375234e97dbae; before/ is its parent), reduced.
# (Vendored from Asyncer v0.0.1, MIT, Copyright (c) 2022 Sebastián Ramírez.)
import functools
import sys
from typing import Any, Callable, Coroutine, Optional, TypeVar

import anyio

if sys.version_info >= (3, 10):
    # Standard Library
    from typing import ParamSpec
else:
    from typing_extensions import ParamSpec


T_Retval = TypeVar("T_Retval")  # pylint: disable=[invalid-name]
T_ParamSpec = ParamSpec("T_ParamSpec")  # pylint: disable=[invalid-name]


def run(
    async_function: Callable[T_ParamSpec, Coroutine[Any, Any, T_Retval]],
    backend: str = "asyncio",
    backend_options: Optional[dict[str, Any]] = None,
) -> Callable[T_ParamSpec, T_Retval]:
    """
    Take an async function and create a regular (blocking) function that receives the
    same keyword and positional arguments for the original async function, and that when
    called will create an event loop and use it to run the original `async_function`
    with those arguments.

    This calls `anyio.run()` underneath.
    """

    @functools.wraps(async_function)
    def wrapper(*args: T_ParamSpec.args, **kwargs: T_ParamSpec.kwargs) -> T_Retval:
        partial_f = functools.partial(async_function, *args, **kwargs)

        return anyio.run(partial_f, backend=backend, backend_options=backend_options)

    return wrapper
