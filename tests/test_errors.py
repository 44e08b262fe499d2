"""Error codes: every code raised is in the table, and a message reads as sentences with its hint."""

from __future__ import annotations

import re
from pathlib import Path

from newsdesk.errors import HINTS, InputError, KBError, ModelError, NewsdeskError

SRC = Path(__file__).resolve().parents[1] / "src" / "newsdesk"


def test_every_code_raised_is_in_the_table() -> None:
    raised = {code for path in SRC.rglob("*.py") for code in re.findall(r'code\s*=\s*"(ND\d{3})"', path.read_text())}
    assert raised and raised <= set(HINTS), sorted(raised - set(HINTS))


def test_hint_follows_the_message_after_a_full_stop() -> None:
    assert str(ModelError("model 'x' lacks the components ['ner']")) == (
        f"[ND001] model 'x' lacks the components ['ner']. {HINTS['ND001']}"
    )
    assert str(ModelError("spaCy model package 'x' is not installed.")).count("..") == 0
    assert str(NewsdeskError("something odd")) == "[ND000] something odd"


def test_input_errors_read_source_code_reason_hint() -> None:
    error = InputError("a.txt", "larger than the size limit of 10 bytes", code="ND103")
    assert error.hint == HINTS["ND103"] and error.reason == "larger than the size limit of 10 bytes"
    assert str(error) == f"a.txt: [ND103] larger than the size limit of 10 bytes. {HINTS['ND103']}"
    assert str(InputError("f#1", "feed entry with no text", code="ND122")) == "f#1: [ND122] feed entry with no text"
    assert str(InputError("a.txt", "bad", code="ND104", hint="Do this.")) == "a.txt: [ND104] bad. Do this."
    assert isinstance(KBError("kb.sqlite", "no knowledge base there", code="ND150"), ValueError)
