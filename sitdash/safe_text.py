"""Untrusted article text made inert: no escape sequences, control characters or bidi tricks.

Used at ingest (so the store holds clean text) and again wherever text reaches a terminal.
"""

from __future__ import annotations

import re
import unicodedata

_ESCAPE_RE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: titles, hyperlinks, ended by BEL or ST
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC strings
    r"|\x1b.?"  # any other escape
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
_CLEAN_TABLE: dict[int, str | None] = {c: None for c in range(0x20) if c not in (0x09, 0x0A)}
_CLEAN_TABLE.update({0x09: " ", 0x0B: "\n", 0x0C: "\n", 0x7F: None})
_CLEAN_TABLE.update({c: None for c in range(0x80, 0xA0)})  # C1 controls
_CLEAN_TABLE.update({c: None for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))})  # bidi
_CLEAN_TABLE.update({c: None for c in (0x200B, 0x200E, 0x200F, 0x2060, 0xFEFF, 0x00AD)})
_CLEAN_TABLE.update({c: " " for c in (0x00A0, 0x2007, 0x2009, 0x200A, 0x202F, 0x3000)})
_CLEAN_TABLE.update({0x2028: "\n", 0x2029: "\n\n"})
_CLEAN_TABLE.update({c: " " for c in range(0x2000, 0x2007)})
_CLEAN_TABLE[0x2008] = " "
_DIRTY_RE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_CLEAN_TABLE)) + "]+")


def sanitise(text: str) -> str:
    """Text without control characters, escape sequences, bidi overrides or NUL; NFC; \\n lines."""
    if "\x1b" in text or "\x9b" in text:
        text = _ESCAPE_RE.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # str.translate walks every character; a regex jumps to the rare dirty ones
    text = _DIRTY_RE.sub(lambda m: m.group().translate(_CLEAN_TABLE), text)
    return unicodedata.normalize("NFC", text)


def one_line(text: str | None) -> str:
    """Sanitised, with every run of whitespace (line breaks included) folded to one space."""
    return " ".join(sanitise(text or "").split())


_INVISIBLE_RE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff]"
)


def visible(text: str) -> str:
    """A name shown as it is (a file path): control, bidi and undecodable characters written as
    escapes (\\x1b, \\u202e, \\udce9), so it stays one inert line that still tells names apart."""
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")  # lone surrogates
    return _INVISIBLE_RE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


_TERMINAL_UNSAFE_RE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"
)


def terminal_safe(text: str) -> str:
    """Text with escape sequences, control characters (but tab and line ends) and bidi
    overrides removed, and nothing else changed: for whole outputs such as a CSV or a brief."""
    if "\x1b" in text or "\x9b" in text:
        text = _ESCAPE_RE.sub("", text)
    return _TERMINAL_UNSAFE_RE.sub("", text)
