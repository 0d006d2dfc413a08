# From litestar-org/litestar-fullstack, src/server/app/cli/console.py (fix 9332da1dc86e12c7e2c4b75b878375234e97dbae; before/ is its parent), reduced.
from rich.console import Console

__all__ = ["console"]

console = Console(
    markup=True,
    emoji=True,
    color_system="truecolor",
    stderr=False,
)
