"""Fixtures of the copy-desk tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsdesk.copyedit import copyedit_text


@pytest.fixture
def fix() -> Callable[..., str]:
    """The corrected text of a string, as `copyedit_text(text, **options).text`."""

    def corrected(text: str, **options: object) -> str:
        return copyedit_text(text, **options).text  # type: ignore[arg-type]

    return corrected
