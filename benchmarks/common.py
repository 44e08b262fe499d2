"""Shared plumbing for the benchmark scripts: where the data is, timing, writing results."""

from __future__ import annotations

import json
import platform
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from newsdesk.build import stale_sources

if stale := stale_sources():  # the compiled modules would time and score the code as it was before these edits
    raise SystemExit(f"{', '.join(stale)} changed since the last build: `make test` or `make run` builds again")

REPO = Path(__file__).resolve().parents[1]
#: Public evaluation data, beside the repository (see each SOURCE.md there).
DATA = REPO.parent / "shared" / "data"
SEED = REPO.parent / "shared" / "seed" / "article.txt"
RESULTS = REPO / "benchmarks" / "results"


def read_jsonl(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    rows = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                rows.append(json.loads(line))
                if limit is not None and len(rows) >= limit:
                    break
    return rows


class Timer:
    """Accumulates wall-clock seconds per named system, for ratios measured in one run."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def time(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start


def markdown_table(headers: list[str], rows: list[list[Any]]) -> str:
    def cell(value: Any) -> str:
        return f"{value:.3f}" if isinstance(value, float) else str(value)

    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join("---" for _ in headers) + " |"]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def write_results(name: str, markdown: str, data: dict[str, Any]) -> None:
    """Write benchmarks/results/NAME.md and NAME.json, stamped with the machine they ran on."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = f"Run {time.strftime('%Y-%m-%d %H:%M')} on {platform.machine()}, Python {platform.python_version()}."
    (RESULTS / f"{name}.md").write_text(f"{markdown.rstrip()}\n\n{stamp}\n", encoding="utf-8")
    payload = {"machine": platform.machine(), "python": platform.python_version(), **data}
    (RESULTS / f"{name}.json").write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    print(markdown)
