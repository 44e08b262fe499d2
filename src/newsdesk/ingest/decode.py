"""Bytes to text: size limit, binary detection, encoding detection (charset-normalizer)."""

from __future__ import annotations

from charset_normalizer import from_bytes

from newsdesk.errors import InputError

#: Largest input accepted, in bytes. A news article is rarely over 100 kB; a feed or JSONL file
#: can be larger. Override with `--max-bytes` or `NEWSDESK_MAX_BYTES`.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def decode(data: bytes, *, source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Decode `data` to text, or raise InputError saying why it cannot be an article."""
    if len(data) > max_bytes:
        raise InputError(
            source,
            f"larger than the size limit of {max_bytes:,} bytes",
            code="ND103",
            hint="Raise it with --max-bytes.",
        )
    if not data.strip():
        raise InputError(source, "empty", code="ND104")
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        best = from_bytes(data).best()
        if best is not None:
            return str(best)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:8192]:
        raise InputError(source, "binary data, not text", code="ND105")
    best = from_bytes(data).best()
    if best is None:
        raise InputError(source, "binary data or an unknown encoding", code="ND105")
    return str(best)
