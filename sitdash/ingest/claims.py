"""Claims from sentences: stable ids, hedges, quantities; and the claim-level helpers."""

from __future__ import annotations

import hashlib
import re
import unicodedata

# Words that make a statement an assessment or expectation rather than an assertion.
HEDGE_WORDS = (
    "possible", "possibly", "not clear", "unclear", "expected", "could", "may", "might",
    "likely", "unlikely", "appears", "appeared", "apparently", "reportedly", "allegedly",
    "believed", "suggests", "suggested", "probably", "perhaps", "would", "assess", "assessed",
    "estimated", "unconfirmed", "cannot be verified", "could not be verified", "claimed",
    "seems", "potentially", "portend",
)
_HEDGE = re.compile(r"\b(" + "|".join(re.escape(w) for w in HEDGE_WORDS) + r")\b", re.I)

_NUM_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    "forty|fifty|sixty|hundred|hundreds|thousand|thousands|dozen|dozens"
)
_UNITS = (
    "troops|soldiers|servicemen|people|civilians|children|missions|sorties|strikes|airstrikes|"
    "missiles|drones|tanks|vehicles|hours|days|weeks|months|years|kilometers|kilometres|km|"
    "miles|battalions?|brigades?|groups|attacks|shells|rockets|aircraft|helicopters|jets|men|"
    "fighters|mercenaries|units|refugees|dead|killed|wounded|injured|casualties|buildings|homes"
)
_NUMBER = r"(?:\d[\d,.]*\d|\d|(?:" + _NUM_WORDS + r")(?:[- ](?:" + _NUM_WORDS + r"))*)"
# A number, with its qualifier, and the percent sign or the noun it counts within two words.
_QUANTITY = re.compile(
    r"\b(?:(?:about|around|some|nearly|almost|over|more than|less than|fewer than|up to|"
    r"at least|roughly|approximately)\s+)?"
    + _NUMBER
    + r"(?:\s*(?:%|percent\b|per cent\b)|(?:\s+(?:million|billion))?(?:\s+[a-z-]+){0,2}?\s+(?:"
    + _UNITS + r")\b)",
    re.I,
)
_MIN_WORDS = 5


def normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def claim_id(doc_id: str, sentence: str, occurrence: int = 0) -> str:
    """Stable across re-ingests: depends only on the document and the sentence's words."""
    key = f"{doc_id}\0{normalise(sentence).lower()}\0{occurrence}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def is_substantive(sentence: str) -> bool:
    """A statement worth a claim: enough words, and not just a label or a credit line."""
    words = sentence.split()
    if len(words) >= _MIN_WORDS:
        return True
    return any(ch.isdigit() for ch in sentence) and len(words) >= 3


_AREA_WORDS = frozenset(
    "district districts region oblast raion province area direction axis sector front".split()
)
_HEADING_WORDS = _AREA_WORDS | {"and", "of", "the"}
_TERMINAL = tuple(".!?…\"”’»)]:;")


def is_heading(paragraph: str) -> bool:
    """A section heading: a short line without closing punctuation ("Konotop district"),
    whose place is where the paragraphs under it happen."""
    words = paragraph.split()
    if not 1 <= len(words) <= 5 or paragraph.rstrip().endswith(_TERMINAL):
        return False
    # names only, with area words between: no verb, so no sentence
    return all(w[:1].isupper() or w.lower() in _HEADING_WORDS for w in words)


def cut_off(text: str) -> bool:
    """Whether a text stops mid-sentence (an excerpt cut at a length limit: "... said the
    chief"): its last sentence is incomplete."""
    end = text.rstrip()
    return bool(end) and not end.endswith(_TERMINAL)


def hedges(sentence: str) -> list[str]:
    seen: list[str] = []
    for match in _HEDGE.finditer(sentence):
        word = match.group(1).lower()
        if word not in seen:
            seen.append(word)
    return seen


def quantities(sentence: str) -> list[str]:
    """Stated amounts and what they count: "300 attack missions", "less than 20%"."""
    out: list[str] = []
    for match in _QUANTITY.finditer(sentence):
        text = " ".join(match.group(0).split())
        if text not in out:
            out.append(text)
    return out
