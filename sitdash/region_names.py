"""What a region typed on the command line names: a theatre or oblast-level areas.

`--region` takes what the dashboard's region picker offers (a theatre such as "north", or an
area such as "Kharkiv Oblast"), written as people write it: any case, "Kharkiv", "Kharkiv
region", "Kharkov oblast", "Kiev". A town is no region: "Izium" is refused rather than quietly
read as the oblast it lies in; only a name that is the area's own ("Kyiv" for Kyiv Oblast)
stands for it.
"""

from __future__ import annotations

import re

from sitdash.ingest.places import AREA_OBLASTS, AREA_REGION, REGIONS, lookup, surface_key

_SUFFIX = re.compile(r"(?:['’]s)?\s+(?:oblast'?|region|province|area)$", re.I)

# A few areas to name in the error line: one of each kind, not all thirty.
EXAMPLES = ("Kyiv", "Kharkiv Oblast", "Crimea", "Kursk Oblast")


def _label_key(area: str) -> str:
    return surface_key(area.removesuffix(" Oblast"))


_THEATRES = {surface_key(r): r for r in REGIONS}
_AREAS = {**{surface_key(a): a for a in AREA_REGION}, **{_label_key(a): a for a in AREA_REGION}}


def resolve_region(value: str) -> tuple[str, ...]:
    """The filter values `value` names: one theatre, one area, the two oblasts of "Donbas", or
    () when it names none."""
    text = " ".join(value.split())
    if not text:
        return ()
    key = surface_key(text)
    if key in _THEATRES:
        return (_THEATRES[key],)
    base = _SUFFIX.sub("", text)
    for candidate in dict.fromkeys((text, base)):
        found = _AREAS.get(surface_key(candidate))
        if found:
            return (found,)
    for candidate in dict.fromkeys((text, base)):
        info = lookup(candidate)
        if info is None:
            continue
        if info.name in AREA_OBLASTS:
            return AREA_OBLASTS[info.name]
        if info.name in AREA_REGION:  # "Transcarpathia" -> Zakarpattia Oblast
            return (info.name,)
        # A spelling of the place the area is named after ("Kiev", "Kharkov region").
        if info.oblast in AREA_REGION and _label_key(info.oblast) == surface_key(info.name):
            return (info.oblast,)
    return ()


def region_error(flag: str, value: str) -> str:
    """One line saying what `flag` accepts."""
    return (f"{flag} {value!r} names no theatre ({', '.join(REGIONS)}) or oblast-level area "
            f"({', '.join(EXAMPLES)}, ...)")
