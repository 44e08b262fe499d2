"""The one quotation-mark scanner: which stretches of a text are someone's quoted words.

Shared by the copy desk (which leaves the words inside quotes as the speaker said them) and the quote
extractor (which attributes them), so both agree on every quote style: curly “…”, straight "…",
guillemets «…», German „…“, and quotes continued across paragraphs.
"""

from __future__ import annotations

import re

OPENING = "“«„"
CLOSING = "”»"
STRAIGHT = '"'
#: German style opens low and closes with the English opening mark: „…“.
LOW_OPENING = "„"
#: A quote longer than this many characters is cut at its paragraph end: an unclosed mark must not
#: swallow the rest of a long document.
MAX_QUOTE_CHARS = 5000
#: The characters the scanner acts on; it jumps from one to the next (a Python loop over every character
#: cost a third of the copy desk's scan).
_MARKS = re.compile(r'[\n"“”«»„]')


def _is_opening_straight(text: str, i: int) -> bool:
    """A straight quote opens when it follows space/start/bracket/dash and precedes a non-space."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-:/") and not after.isspace()


def _runs_on(text: str, start: int, i: int) -> bool:
    """Inside the quote opened at `start`, the mark at `i` opens the next one: an opening mark (curly, or
    straight after white space and before a word) right after a finished sentence."""
    ch = text[i]
    if not (ch in OPENING or (ch == STRAIGHT and text[i - 1].isspace() and _is_opening_straight(text, i))):
        return False
    j = i - 1
    while j > start and text[j] in " \t":
        j -= 1
    return j > start and text[j] in ".?!"


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of quoted material (marks excluded), in order. Never raises.

    Pairs marks within a paragraph; a quote left open at a paragraph's end continues when the next
    paragraph opens with a quote mark (the news convention), else it ends with its paragraph. A
    second opening mark before a closing one restarts the quote (the first was stray).
    """
    spans: list[tuple[int, int]] = []
    start: int | None = None
    low = False  # the open quote began with „, so “ closes it
    n = len(text)
    resume = 0  # marks before this were consumed by a paragraph break
    for m in _MARKS.finditer(text):
        i = m.start()
        if i < resume:
            continue
        ch = text[i]
        if ch == "\n":
            j = i
            while j < n and text[j].isspace():
                j += 1
            if text.count("\n", i, j) >= 2 or j == n:  # a paragraph break (blank line) or the end
                if start is not None:
                    continues = j < n and (text[j] in OPENING or text[j] == STRAIGHT) and i - start < MAX_QUOTE_CHARS
                    if continues:
                        low = text[j] == LOW_OPENING
                        resume = j + 1
                        continue
                    spans.append((start, i))
                    start = None
                resume = j
            continue
        if start is not None and not (low and ch == "“") and _runs_on(text, start, i):
            # News copy whose paragraphs were run together: a quote continued in the next paragraph opens
            # again without having closed ("…final. "The only…"), so the mark ends one quote and opens the next.
            spans.append((start, i))
            start = i + 1
            low = ch == LOW_OPENING
        elif start is not None and (ch in CLOSING or ch == STRAIGHT or (low and ch == "“")):
            if i > start:
                spans.append((start, i))
            start = None
        elif ch in OPENING or (ch == STRAIGHT and start is None and _is_opening_straight(text, i)):
            start = i + 1  # a second opening mark restarts the quote: the earlier one was stray
            low = ch == LOW_OPENING
    if start is not None and start < n:
        spans.append((start, n))
    return [(s, e) for s, e in (_strip(text, s, e) for s, e in spans) if e > s]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    # A comma before the closing mark is the reporter's punctuation ("…now," he said), not the speaker's.
    while end > start and (text[end - 1].isspace() or text[end - 1] in OPENING or text[end - 1] in ",;:"):
        end -= 1
    return start, end
