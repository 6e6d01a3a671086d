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
