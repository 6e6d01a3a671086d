"""Which force an actor phrase names: (side, unit or group), so differently worded reports of one
force consolidate and different forces never do (pure).

"Russian forces", "Russian troops", "Moscow's forces", "the Russians", "the occupiers" are one
force: ("ru", None). A named formation or group is a force of its own: "Wagner Group",
"Chechen forces", "1st Guards Tank Army", "Ukraine's 93rd Brigade". Branches and generic
groupings ("paratroopers", "battalion tactical groups", "a convoy") are not units: they are the
side's forces. "The enemy" is the other side of whoever says it: Russian forces in a Ukrainian
source, Ukrainian forces in a Russian one, unknown otherwise.

Sides of forces: ru, ua, by (Belarus), allied (NATO, US, UK and other allied forces), "?" unknown.
"""

from __future__ import annotations

import re
from functools import lru_cache

UNKNOWN_FORCE = "?"
_SIDE_LABELS = {"ru": "Russian forces", "ua": "Ukrainian forces", "by": "Belarusian forces",
                "allied": "allied forces", UNKNOWN_FORCE: "unidentified forces"}

# Groups that are not the side's regular forces, whatever the wording: (pattern, side, name).
_GROUPS = (
    (r"\bwagner\b", "ru", "Wagner Group"),
    (r"\bchechen\b|\bkadyrov", "ru", "Chechen forces"),
    (r"\brosgvardia\b|\bnational guard of russia\b", "ru", "Rosgvardia"),
    (r"\bblack sea fleet\b", "ru", "Black Sea Fleet"),
    (r"\b(?:dpr|lpr|donetsk people's republic|luhansk people's republic)\b|\bseparatist",
     "ru", "separatist forces"),
    (r"\bazov\b", "ua", "Azov"),
    (r"\bterritorial defen[cs]e\b", "ua", "Territorial Defence"),
    (r"\bforeign legion\b|\binternational legion\b", "ua", "International Legion"),
)
_GROUP_RES = tuple((re.compile(p, re.I), side, name) for p, side, name in _GROUPS)
# A numbered formation: "1st Guards Tank Army", "93rd Brigade", "64th Motorized Rifle Brigade".
_UNIT_RE = re.compile(
    r"\b\d+(?:st|nd|rd|th)\s+(?:[A-Z][\w-]*\s+){0,4}?(?:Army|Corps|Division|Brigade|Regiment|"
    r"Battalion|Fleet)\b", re.I)
_SIDE_WORDS = (
    ("ru", r"\b(?:russian|russia|russia['’]s|moscow|moscow['’]s|kremlin|kremlin['’]s|"
           r"pro-russian|russian-backed|the russians|occupiers|occupying|invaders|rashists|"
           r"ruscists|orcs|vdv)\b"),
    ("ua", r"\b(?:ukrainian|ukraine|ukraine['’]s|kyiv['’]s|kiev['’]s|the ukrainians|afu|zsu|"
           r"armed forces of ukraine|defen[cs]e forces of ukraine)\b"),
    ("by", r"\b(?:belarusian|belarussian|belarus['’]s|belarus)\b"),
    ("allied", r"\b(?:nato|(?-i:US|UK)|u\.s\.|american|british|polish|german|french|"
               r"lithuanian|romanian|allied|western)\b"),
)
_SIDE_RES = tuple((side, re.compile(p, re.I)) for side, p in _SIDE_WORDS)
_ENEMY_RE = re.compile(r"\b(?:the\s+)?enemy\b", re.I)
_OPPOSITE = {"ua": "ru", "ru": "ua"}


@lru_cache(maxsize=4096)
def force_of(actor: str, voice: str | None = None) -> tuple[str, str | None]:
    """(side, unit or group) of an actor phrase; `voice` is the side of whoever reports it (for
    "the enemy"). Unknown actors give ("?", None)."""
    text = " ".join((actor or "").split())
    for pattern, side, name in _GROUP_RES:
        if pattern.search(text):
            return side, name
    side = _side_in(text)
    if side is None and _ENEMY_RE.search(text):
        side = _OPPOSITE.get(voice or "")
    unit = _UNIT_RE.search(text)
    if unit:
        return side or _unit_side(unit.group()), _unit_name(unit.group())
    return side or UNKNOWN_FORCE, None


def _side_in(text: str) -> str | None:
    for side, pattern in _SIDE_RES:
        if pattern.search(text):
            return side
    return None


def _unit_side(unit: str) -> str:
    """A formation named without its side: Russian when it is an Army-level formation of the
    Russian order of battle ("1st Guards Tank Army"), else unknown."""
    return "ru" if re.search(r"\bGuards\b|\bCombined Arms\b|\bTank Army\b", unit, re.I) else \
        UNKNOWN_FORCE


def _unit_name(unit: str) -> str:
    words = " ".join(unit.split())
    return " ".join(w if w[:1].isdigit() else w[:1].upper() + w[1:] for w in words.split())


def force_key(side: str, unit: str | None) -> str:
    """The stored form of a force: "ru", "ru|Wagner Group"."""
    return f"{side}|{unit}" if unit else side


def split_force(key: str) -> tuple[str, str | None]:
    side, _, unit = key.partition("|")
    return side, unit or None


def force_label(key: str) -> str:
    """How a force reads: "Russian forces", "Wagner Group", "Ukrainian 93rd Brigade"."""
    side, unit = split_force(key)
    if unit is None:
        return _SIDE_LABELS.get(side, "unidentified forces")
    if unit[:1].isdigit() and side in ("ua", "ru", "by"):
        return f"{_SIDE_LABELS[side].split()[0]} {unit}"
    return unit
