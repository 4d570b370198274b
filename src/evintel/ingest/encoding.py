"""Bytes to text: UTF-8 first, BOMs honoured, other encodings detected with charset-normalizer."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from evintel.errors import IngestError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Detection looks at a sample only: a 5 MB file must not stall the batch.
_SAMPLE_BYTES = 64 * 1024
# Share of control characters above which decoded "text" is really a binary file.
_MAX_CONTROL_SHARE = 0.05


def decode_bytes(data: bytes, item: str) -> str:
    """The text of a file's bytes; IngestError naming `item` if empty, binary or of unknown encoding."""
    if not data.strip():
        raise IngestError(item, "empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode(data, encoding, item)
    sample = data[:_SAMPLE_BYTES]
    if b"\x00" not in sample:
        try:
            return _check_text(data.decode("utf-8"), item)
        except UnicodeDecodeError:
            pass
    detected = _detect(sample)
    if detected is None:
        if b"\x00" in sample:
            raise IngestError(item, "binary file, not text")
        raise IngestError(item, "unknown text encoding (not UTF-8 and no other encoding fits)")
    return _decode(data, detected, item)


def _detect(sample: bytes) -> str | None:
    best = from_bytes(sample).best()
    return best.encoding if best is not None else None


def _decode(data: bytes, encoding: str, item: str) -> str:
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise IngestError(item, f"cannot decode as {encoding} ({exc.__class__.__name__})") from None
    return _check_text(text, item)


def _check_text(text: str, item: str) -> str:
    sample = text[:_SAMPLE_BYTES]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    if "\x00" in sample or controls > _MAX_CONTROL_SHARE * max(len(sample), 1):
        raise IngestError(item, "binary file, not text")
    if not text.strip():
        raise IngestError(item, "empty file")
    return text
