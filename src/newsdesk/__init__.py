"""newsdesk: a copy desk and research desk for news text.

    >>> import newsdesk
    >>> analysis = newsdesk.analyze(open("article.txt").read())   # -> newsdesk.Analysis
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsdesk.article import Analysis, Article

if TYPE_CHECKING:
    from newsdesk.pipeline import Pipeline, analyze

__version__ = "0.1.0"
__all__ = ["Analysis", "Article", "Pipeline", "__version__", "analyze"]


def __getattr__(name: str) -> Any:
    # Lazy: importing spaCy costs a second; `import newsdesk` for the data model should not pay it.
    if name in {"analyze", "Pipeline"}:
        from newsdesk import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'newsdesk' has no attribute {name!r}")
