"""How substantive a quotation is: the order of the key-quotes pane (pure)."""

from __future__ import annotations

import re

_NUMBER = re.compile(r"\d")


def quote_score(quote: dict, claim: dict | None) -> float:
    """Length, a named or official speaker, numbers, and places in the claim around it."""
    words = len(quote.get("text", "").split())
    score = min(words, 40) / 4
    kind = quote.get("speaker_kind")
    if kind == "named official":
        score += 3
    elif kind in ("anonymous official", "institution"):
        score += 2
    elif not quote.get("speaker"):
        score -= 5
    if _NUMBER.search(quote.get("text", "")):
        score += 1.5
    if claim and claim.get("places"):
        score += 1
    return score
