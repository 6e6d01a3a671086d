"""A claim's or event's date as every screen and the brief show it: no more precise than known.

"2022-03-24" for a day, "2022-03-21 ~w" for the week starting then, "2022-03 ~m" for a month,
"2021 ~y" for a year (README, marks).
"""

from __future__ import annotations

COARSE = ("week", "month", "year")


def when_short(date: str | None, precision: str | None) -> str:
    """The date with its precision mark, in at most 13 columns; "undated" without one."""
    if not date:
        return "undated"
    if precision == "year":
        return f"{date[:4]} ~y"
    if precision == "month":
        return f"{date[:7]} ~m"
    if precision == "week":
        return f"{date} ~w"
    return date


def when(date: str | None, precision: str | None) -> str:
    """The date with its precision in words, for a detail view: "2022-03-21 (week of)",
    "2022-03 (month only)"; the short mark (`when_short`) otherwise reads the same."""
    short = when_short(date, precision)
    words = {"week": "the week starting then", "month": "only the month is known",
             "year": "only the year is known"}.get(precision or "")
    return f"{short} ({words})" if date and words else short


def claim_when(claims: dict, claim_id: str | None, date: str | None) -> str:
    """`when_short` of a row (quote, movement, report) dated like its claim `claim_id`: the mark
    comes from the claim when the row's date is the claim's."""
    claim = claims.get(claim_id or "") or {}
    precision = claim.get("date_precision") if claim.get("date") == date else None
    return when_short(date, precision)


def date_span(first: str | None, last: str | None) -> str:
    """ "2022-03-30..04-04" (the year once when both ends share it), one date for one day."""
    if first == last or not (first and last):
        return first or last or "undated"
    return f"{first}..{last[5:] if first[:4] == last[:4] else last}"
