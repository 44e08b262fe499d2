"""Build hook: compile the copy desk's hot modules to C with mypyc, as black and mypy ship themselves.

The source stays plain, type-checked Python (read it, step through it); mypyc turns these modules, where the
copy desk spends its time word by word, into C extensions that run the stage 1.2 to 1.6 times as fast, with the
same edits (`benchmarks/copyedit.py` reports which build it timed). Everything else is metadata in pyproject.toml.

`NEWSDESK_COMPILE=0` builds pure Python, and a machine without a C compiler falls back to it (the extensions
are optional). An editable install puts the compiled modules beside their sources, where they shadow them:
`make` compiles again whenever a source changes, and the tests and benchmarks stop on a build older than the
sources (`newsdesk.build`).
"""

from __future__ import annotations

import os

from setuptools import Extension, setup

#: The copy desk's per-word code: scanning, evidence, name and spelling decisions, the lexicon they read.
COMPILED = [
    "src/newsdesk/copyedit/lexicon.py",
    "src/newsdesk/copyedit/names.py",
    "src/newsdesk/copyedit/rules.py",
    "src/newsdesk/copyedit/scan.py",
    "src/newsdesk/copyedit/spelling.py",
]


def extensions() -> list[Extension]:
    if os.environ.get("NEWSDESK_COMPILE", "1") == "0":
        return []
    from mypyc.build import mypycify

    # The strict type check is `make test`'s; this one only gives mypyc the types. It reads no config (strict
    # settings fail on the libraries an isolated build lacks) and reports no errors outside these modules.
    options = [f"--config-file={os.devnull}", "--ignore-missing-imports", "--follow-imports=silent"]
    modules = mypycify([*options, *COMPILED], opt_level="3")
    for module in modules:
        module.optional = True  # no compiler: the same modules, as Python
    return modules


setup(ext_modules=extensions())
