"""Which build of newsdesk runs: the copy desk's hot modules compiled by mypyc (setup.py), or pure Python.

In a checkout, an editable install puts the compiled modules beside their sources, where Python imports them
first: after an edit, a process runs the code as it was until the next build (`make`). The tests and the
benchmarks refuse to run then (`stale_sources`).
"""

from __future__ import annotations

from importlib import import_module
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def build() -> str:
    """How this process runs the copy desk: "compiled by mypyc" or "pure Python"."""
    source = import_module("newsdesk.copyedit.rules").__file__ or ""
    return "pure Python" if source.endswith(".py") else "compiled by mypyc"


def stale_sources() -> list[str]:
    """The package's sources changed since its compiled modules were built (any source: compiled code builds in the
    types of what it imports), relative to the package's parent; none without compiled modules."""
    # mypyc's shared module lies beside the package.
    found = [*_PACKAGE.rglob("*"), *_PACKAGE.parent.glob("*__mypyc*")]
    compiled = [path for path in found if path.name.endswith(tuple(EXTENSION_SUFFIXES))]
    if not compiled:
        return []
    built = min(path.stat().st_mtime for path in compiled)
    return sorted(
        str(source.relative_to(_PACKAGE.parent)) for source in _PACKAGE.rglob("*.py") if source.stat().st_mtime > built
    )
