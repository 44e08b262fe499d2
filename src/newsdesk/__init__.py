"""newsdesk: a copy desk and research desk for news text."""

from newsdesk.article import Analysis, Article

__version__ = "0.1.0"
__all__ = ["Analysis", "Article", "__version__"]
