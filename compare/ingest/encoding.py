"""Decode report bytes: BOMs, UTF-8, UTF-16, GB18030/GBK, detected from the bytes, not the name."""

from __future__ import annotations

import codecs

from ..errors import InputError
from ..lazy import lazy_pattern

__all__ = ["decode_bytes"]

# Magic numbers of common binary files, so that a PNG renamed .txt is called what it is.
_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x7fELF", "a program (ELF)"),
    (b"MZ", "a Windows program"),
    (b"\xd0\xcf\x11\xe0", "an old Office file (.doc/.xls) or a password-protected Office file; save it as .docx without a password"),
)

# Share of control characters above which decoded "text" is taken for binary data.
_MAX_CONTROL_SHARE = 0.01


def decode_bytes(data: bytes, path: str) -> tuple[str, str]:
    """Return (text, encoding name) or raise `InputError` with a sentence for the user."""
    if not data.strip():
        raise InputError(f"{path}: the file is empty or only whitespace; give a report with text.")
    for magic, what in _BINARY_MAGIC:
        if data.startswith(magic):
            raise InputError(f"{path}: this is {what}, not a text report.")
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", path), "utf-8-sig"
    if data.startswith(codecs.BOM_UTF32_LE) or data.startswith(codecs.BOM_UTF32_BE):
        return _strict(data, "utf-32", path), "utf-32"
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return _strict(data, "utf-16", path), "utf-16"
    utf16 = _guess_bomless_utf16(data)
    if utf16:
        return _strict(data, utf16, path), utf16
    if b"\x00" in data:
        raise InputError(f"{path}: this looks like a binary file, not a text report.")
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "gb18030" and not _plausible_chinese(text):
            continue
        _reject_control(text, path)
        return text, encoding
    text_enc = _detect_other(data)
    if text_enc is not None:
        _reject_control(text_enc[0], path)
        return text_enc
    raise InputError(
        f"{path}: the bytes are not UTF-8, UTF-16 or GB18030 text; "
        "save the report as UTF-8 and try again."
    )


def _strict(data: bytes, encoding: str, path: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise InputError(
            f"{path}: starts like {encoding.upper()} text but does not decode; "
            "the file may be damaged. Save it again as UTF-8."
        ) from None
    _reject_control(text.lstrip("\ufeff"), path)
    return text.lstrip("\ufeff")


def _guess_bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without BOM: ASCII-heavy text has a NUL in every other byte."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) / 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _plausible_chinese(text: str) -> bool:
    """GB18030 decodes most byte soup; accept it only when the non-ASCII part is mostly CJK."""
    non_ascii = [c for c in text if ord(c) > 127]
    if not non_ascii:
        return True
    cjk = sum(1 for c in non_ascii if _is_cjkish(c))
    return cjk / len(non_ascii) >= 0.9


def _is_cjkish(c: str) -> bool:
    o = ord(c)
    return (
        0x4E00 <= o <= 0x9FFF
        or 0x3000 <= o <= 0x303F
        or 0xFF00 <= o <= 0xFFEF
        or 0x2000 <= o <= 0x206F
        or 0x3400 <= o <= 0x4DBF
        or 0x00B7 == o
        or 0x2460 <= o <= 0x24FF
        or 0x2160 <= o <= 0x217F
    )


def _detect_other(data: bytes) -> tuple[str, str] | None:
    """Last resort for single-byte Western encodings (cp1252 letters with curly quotes)."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - declared dependency
        return None
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        return None
    if best.encoding.replace("_", "").lower() not in {"cp1252", "latin1", "iso88591", "iso885915"}:
        return None
    return str(best), best.encoding


# C0 controls other than line and page layout, DEL and the C1 controls: binary, not text
_CONTROL = lazy_pattern("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _reject_control(text: str, path: str) -> None:
    sample = text[:20000]
    if not sample:
        return
    bad = len(_CONTROL.findall(sample))
    if bad / len(sample) > _MAX_CONTROL_SHARE:
        raise InputError(f"{path}: this looks like a binary file, not a text report.")
