"""Stated figures as ranges, and when two of them disagree (pure).

"about 1,000 troops" is 800-1,200 troops; "less than 20%" is 0-20 percent; "more than 10,000" is
10,000 or more; "a third" is about 33 percent. Two figures disagree only when they count the same
thing (percent with percent, troops with troops; a bare number counts troops when it sizes a
force) and their ranges do not meet, with a margin: "about 1,000" and "1,100" agree, "about
1,000" and "some 2,000" do not, "at least 5" and "12" agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "hundred": 100, "thousand": 1000, "dozen": 12,
    "a dozen": 12, "a hundred": 100, "a thousand": 1000,
}
_FRACTIONS = {"half": 50.0, "a half": 50.0, "a third": 33.3, "one third": 33.3,
              "two thirds": 66.7, "two-thirds": 66.7, "a quarter": 25.0, "one quarter": 25.0,
              "three quarters": 75.0, "three-quarters": 75.0}
# Nouns that count people under arms: a bare number sizing a force counts them too.
TROOPS = frozenset("troops soldiers servicemen personnel fighters mercenaries men paratroopers "
                   "marines reservists conscripts".split())
KILLED = frozenset("killed dead deaths died".split())
WOUNDED = frozenset("wounded injured".split())
_UNIT_CLASS = {**{w: "troops" for w in TROOPS}, **{w: "killed" for w in KILLED},
               **{w: "wounded" for w in WOUNDED}, "%": "percent", "percent": "percent",
               "per cent": "percent"}
# Qualifier -> (low factor, high factor) around the stated number.
_QUALIFIERS = (
    (r"less than|fewer than|under|below|up to|at most|no more than", (0.0, 1.0)),
    (r"more than|over|at least|in excess of|upwards of|no fewer than|no less than", (1.0, None)),
    (r"nearly|almost|just under", (0.85, 1.0)),
    (r"about|around|some|roughly|approximately|an estimated|estimated|close to|an", (0.8, 1.2)),
)
_QUALIFIER_RE = re.compile(r"^(?P<q>" + "|".join(q for q, _ in _QUALIFIERS) + r")\s+", re.I)
_NUMBER_RE = re.compile(
    r"(?P<n>\d[\d,]*(?:\.\d+)?)\s*(?P<mult>million|thousand|hundred)?|"
    r"(?P<w>(?:a\s+)?(?:dozen|hundred|thousand)|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty)\b", re.I)
_BARE = (0.9, 1.1)
MARGIN = 1.25  # ranges must be this far apart (as a ratio) to disagree


@dataclass(frozen=True, slots=True)
class Figure:
    """A stated amount as a range of one unit."""

    low: float
    high: float | None  # None: no upper bound ("more than 10,000")
    unit: str  # percent | troops | killed | wounded | the counted noun | "" (a bare number)
    text: str


@lru_cache(maxsize=65536)
def parse_figure(text: str, default_unit: str = "") -> Figure | None:
    """A Figure from a stated amount ("about 1,000 troops", "less than 20%", "a third"), or None.
    `default_unit` is what a bare number counts (troops, for the size of a force)."""
    words = " ".join((text or "").replace("per cent", "percent").split())
    low_words = words.lower()
    for phrase, value in _FRACTIONS.items():
        if low_words.startswith(("about " + phrase, phrase, "roughly " + phrase,
                                 "nearly " + phrase, "more than " + phrase,
                                 "less than " + phrase)):
            low, high = _qualified(low_words, value)
            return Figure(low, high, "percent", words)
    factors = _BARE
    qualifier = _QUALIFIER_RE.match(words)
    rest = words
    if qualifier:
        factors = _factors_of(qualifier.group("q"))
        rest = words[qualifier.end():]
    number = _NUMBER_RE.match(rest)
    if number is None:
        return None
    value = _value_of(number)
    if value is None:
        return None
    tail = rest[number.end():].strip().lower()
    unit = _unit_of(tail, default_unit)
    low_factor, high_factor = factors
    return Figure(value * low_factor, None if high_factor is None else value * high_factor, unit,
                  words)


def _qualified(words: str, value: float) -> tuple[float, float | None]:
    qualifier = _QUALIFIER_RE.match(words)
    low_factor, high_factor = _factors_of(qualifier.group("q")) if qualifier else _BARE
    return value * low_factor, None if high_factor is None else value * high_factor


def _factors_of(qualifier: str) -> tuple[float, float | None]:
    low = qualifier.lower()
    for pattern, factors in _QUALIFIERS:
        if re.fullmatch(pattern, low) or low in pattern.split("|"):
            return factors
    return _BARE


def _value_of(match: re.Match) -> float | None:
    if match.group("n"):
        try:
            value = float(match.group("n").replace(",", ""))
        except ValueError:
            return None
        mult = (match.group("mult") or "").lower()
        return value * {"million": 1e6, "thousand": 1e3, "hundred": 1e2}.get(mult, 1)
    return float(_WORD_NUMBERS.get(" ".join(match.group("w").lower().split()), 0)) or None


def _unit_of(tail: str, default: str) -> str:
    if tail.startswith("%") or tail.startswith("percent"):
        return "percent"
    words = re.findall(r"[a-z]+", tail)
    for word in reversed(words[:4]):
        if word in _UNIT_CLASS:
            return _UNIT_CLASS[word]
    if words:
        return words[-1] if len(words) <= 3 else default
    return default


def disagree(a: Figure, b: Figure) -> bool:
    """Whether two figures of the same unit cannot both be right (ranges apart by MARGIN)."""
    if not a.unit or a.unit != b.unit:
        return False
    lo, hi = (a, b) if a.low <= b.low else (b, a)
    if lo.high is None:
        return False
    return hi.low > lo.high * MARGIN and hi.low - lo.high >= 1
