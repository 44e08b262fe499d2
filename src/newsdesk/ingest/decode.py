"""Bytes to text: size limit, binary detection, encoding detection (charset-normalizer).

The order follows the WHATWG Encoding Standard's practice for legacy Western text: a byte-order
mark wins, then UTF-8 (valid UTF-8 is almost never an accident; UTF-8 with a few stray legacy
bytes stays UTF-8), then windows-1252, the encoding that the labels `latin-1`, `iso-8859-1` and
`ascii` actually mean on the web, whenever it reads as plausibly as charset-normalizer's own first
choice (on short Western text that is often cp775 or cp1250, turning `é` into `ķ`).
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes
from charset_normalizer.md import mess_ratio

from newsdesk.errors import InputError

#: Longest body analysed, in characters: spaCy's own default limit (its parser and NER need about
#: 1 GB of memory per 100,000 words). A longer "article" is refused, not silently truncated.
MAX_BODY_CHARS = 1_000_000

#: Largest input accepted, in bytes. A news article is rarely over 100 kB; a feed or JSONL file
#: can be larger. Override with `--max-bytes` or `NEWSDESK_MAX_BYTES`.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

# How much less plausible (charset-normalizer "chaos", 0..1) windows-1252 may be than the best guess.
_CP1252_TOLERANCE = 0.05
# Share of control characters above which decoded "text" is taken for binary data.
_MAX_CONTROL_SHARE = 0.01
# Not \x0b and \x0c: Word writes its manual line break as \x0b (and a page break as \x0c), which
# `split_paragraphs` reads as line breaks.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_ESCAPED = re.compile("[\udc80-\udcff]")  # bytes that `surrogateescape` could not decode
_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_BOM_CODECS = {
    codecs.BOM_UTF32_LE: "utf-32",
    codecs.BOM_UTF32_BE: "utf-32",
    codecs.BOM_UTF8: "utf-8-sig",
    codecs.BOM_UTF16_LE: "utf-16",
    codecs.BOM_UTF16_BE: "utf-16",
}
# Sample size for the sniffing heuristics; enough for a verdict, cheap on a 20 MB file.
_SAMPLE = 8192


def check_size(size: int, *, source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
    """Refuse an input over the size limit (called on `stat` before reading, and on the bytes read)."""
    if size > max_bytes:
        raise InputError(
            source,
            f"larger than the size limit of {max_bytes:,} bytes",
            code="ND103",
        )


def _bom_codec(data: bytes) -> str | None:
    # UTF-32-LE's BOM starts with UTF-16-LE's, so the longer ones are tried first.
    for bom in _BOMS:
        if data.startswith(bom):
            return _BOM_CODECS[bom]
    return None


def _utf16_without_bom(sample: bytes) -> str | None:
    """`utf-16-le`/`-be` when NULs fill one byte of each pair, as in mostly-Latin UTF-16 text."""
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _looks_binary(text: str) -> bool:
    sample = text[:_SAMPLE]
    return len(_CONTROL.findall(sample)) > _MAX_CONTROL_SHARE * max(len(sample), 1)


def _cp1252_bytes(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler (`newsdesk-cp1252`): each byte that is not UTF-8 read as windows-1252."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return error.object[error.start : error.end].decode("cp1252", errors="replace"), error.end


codecs.register_error("newsdesk-cp1252", _cp1252_bytes)


def _legacy_or_mixed(data: bytes) -> str | None:
    """Bytes that are not UTF-8: in one legacy encoding throughout, or UTF-8 with stray legacy bytes
    (pasted from a cp1252 source), whose UTF-8 is read as UTF-8 and each stray byte as cp1252.

    Mixed when there are valid multi-byte UTF-8 characters and they outnumber the stray bytes, as in
    ftfy's "sloppy" decoding, or when fewer (two curly quotes among four stray apostrophes) the mixed
    text reads as plausibly as the legacy guess: a legacy file whose bytes only happen to form UTF-8
    (Ukrainian `Він` in cp1251) reads far worse mixed. Without valid UTF-8, the legacy guess.
    """
    escaped = data.decode("utf-8", errors="surrogateescape")
    stray = len(_ESCAPED.findall(escaped))
    valid = len(escaped) - len(escaped.encode("ascii", errors="ignore")) - stray
    if not valid:
        return _guess_legacy(data)
    mixed = data.decode("utf-8", errors="newsdesk-cp1252")
    if valid >= stray:
        return mixed
    legacy = _guess_legacy(data)
    if legacy is None or _mess(mixed) <= _mess(legacy):
        return mixed
    return legacy


def _mess(text: str) -> float:
    """charset-normalizer's "chaos" of a text's start, 0 (plausible) to 1."""
    return mess_ratio(text[: 8 * _SAMPLE], maximum_threshold=1.0)


def _guess_legacy(data: bytes) -> str | None:
    """Text in a legacy 8-bit encoding, preferring windows-1252 when it reads as plausibly as
    charset-normalizer's own first choice (its `mess_ratio`, see the module doc)."""
    best = from_bytes(data).best()
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    limit = (best.chaos if best is not None else 1.0) + _CP1252_TOLERANCE
    if western is not None and _mess(western) <= limit:
        return western
    return str(best) if best is not None else None


def declared_codec(name: str | None) -> str | None:
    """A Python codec for a declared charset label, or None when unknown.

    Per the WHATWG Encoding Standard, `iso-8859-1`, `latin1` and `ascii` labels mean windows-1252, and
    UTF-7 is no encoding of the web (browsers ignore it: it lets `+ADw-script+AD4-` hide markup).
    """
    if not name:
        return None
    try:
        codec = codecs.lookup(name.strip().strip("'\"")).name
    except LookupError:
        return None
    if codec == "utf-7":
        return None
    return "cp1252" if codec in {"latin-1", "iso8859-1", "ascii"} else codec


def decode(data: bytes, *, source: str, max_bytes: int = DEFAULT_MAX_BYTES, declared: str | None = None) -> str:
    """Decode `data` to text, or raise InputError saying why it cannot be an article.

    `declared` is an encoding the document itself names (an HTML `<meta charset>`); it is used
    when the bytes decode cleanly with it, after a byte-order mark.
    """
    check_size(len(data), source=source, max_bytes=max_bytes)
    if not data.strip():
        raise InputError(source, "empty", code="ND104")
    codec = _bom_codec(data) or _utf16_without_bom(data[:_SAMPLE])
    candidates = [c for c in (codec, declared_codec(declared), "utf-8") if c]
    text: str | None = None
    for candidate in candidates:
        try:
            text = data.decode(candidate)
            break
        except (UnicodeDecodeError, LookupError):
            continue
    if text is None:
        if b"\x00" in data[:_SAMPLE]:
            raise InputError(source, "binary data, not text", code="ND105")
        text = _legacy_or_mixed(data)
        if text is None:
            raise InputError(source, "binary data or an unknown encoding", code="ND105")
    if _looks_binary(text):
        raise InputError(source, "binary data, not text", code="ND105")
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise InputError(source, "empty", code="ND104")
    return text
