"""What a claim says that a contradiction can rest on, read once at ingest (pure).

Three kinds of signal, each with the side it concerns and the places it names:
- `announce`: a side announces a de-escalation at a place: reduced activity ("Russia said it
  would drastically reduce military activity around Kyiv"), a ceasefire, a pause, or an ordered
  withdrawal. Refused, denied, proposed, hoped-for or merely called-for ones are not announcements,
  nor is a sentence that itself reports strikes ("despite the promise of de-escalation, strikes
  doubled": the contradiction is already in one sentence).
- `strike`: a reported strike, shelling or fight at a place (the event reader's definition of
  something that happened), with the attacking side: the side named as doing it ("Russian
  missiles", "Russian forces shelled", "the occupiers"), else the other side of whoever reports
  it (a Ukrainian governor reporting shelling means Russian shelling); unknown, and dropped,
  otherwise.
- `negation`: a characterisation denied: "not a withdrawal", "they are not withdrawing, they are
  regrouping", "a repositioning rather than a retreat": the term denied, and what it is called
  instead when the sentence says.

`voice` is the side of whoever the claim is attributed to (speakers.infer_side), so the same
claim always gives the same signals, whatever else is in the store.
"""

from __future__ import annotations

import hashlib
import re

from sitdash.forces import force_of
from sitdash.ingest.events import reports_event
from sitdash.ingest.movements import actor_in
from sitdash.ingest.places import find_places, specific_places

_STRIKE_TYPES = {"Explosions/Remote violence", "Battles"}
_STRIKE_SUBTYPES = {"Air/drone strike": "air strikes", "Shelling/artillery/missile attack":
                    "shelling", "Armed clash": "fighting"}
# "reduce military activity", "scale back operations", "de-escalation", "a ceasefire", "halt the
# offensive", "ordered the withdrawal".
_DEESCALATION_RE = re.compile(
    r"\b(?P<reduce>(?:reduc\w*|cut(?:s|ting)?\s+back|scal\w+\s+(?:back|down)|wind\w*\s+down|"
    r"curtail\w*|decreas\w*|limit\w*)\s+(?:\w+\s+){0,3}?(?:activity|activities|operations|"
    r"attacks|combat|offensive|hostilities|strikes))\b"
    r"|\b(?P<deescalate>de-?escalat\w*)\b"
    r"|\b(?P<ceasefire>ceasefire|cease-fire|truce|armistice)\b"
    r"|\b(?P<pause>(?:paus\w*|halt\w*|suspend\w*|stop(?:s|ped|ping)?)\s+(?:\w+\s+){0,2}?"
    r"(?:fighting|attacks|offensive|operations|strikes|shelling|hostilities|assault|bombing))\b"
    r"|\b(?P<withdraw>(?:announc\w*|order\w*|declar\w*|decid\w*)\s+(?:\w+\s+){0,6}?"
    r"(?:withdraw\w*|pull\w*\s+(?:out|back)))",
    re.I)
_DETAIL = {"reduce": "reduced activity", "deescalate": "de-escalation", "ceasefire": "a ceasefire",
           "pause": "a pause", "withdraw": "a withdrawal"}
# Words before an announcement that make it no announcement: refused, denied, called for.
_NOT_ANNOUNCED_RE = re.compile(
    r"\b(?:no|not|never|nobody|none|n['’]t|refus\w*|reject\w*|den(?:y|ied|ies|ying)|dismiss\w*|without|"
    r"call\w*\s+for|urg\w*|demand\w*|propos\w*|offer\w*|ask\w*|appeal\w*|hope\w*|if|whether|"
    r"talks?|negotiat\w*|despite|in\s+spite|broke|broken|violat\w*|sceptic\w*|skeptic\w*|"
    r"promises?\s+of|ploy|ruse)\b", re.I)
_ANNOUNCE_VERB_RE = re.compile(
    r"\b(?:announc\w*|declar\w*|pledg\w*|promis\w*|agree\w*|said|says|say|order\w*|decid\w*|"
    r"will|would|(?:is|are)\s+going\s+to|vow\w*|committed)\b", re.I)
_RU_WORDS = r"russia|russian|russia['’]s|moscow|moscow['’]s|kremlin|the\s+russians|occupiers|putin"
_UA_WORDS = r"ukraine|ukrainian|ukraine['’]s|kyiv|kiev|kyiv['’]s|the\s+ukrainians|zelensk\w*"
_SIDE_SUBJECT = (("ru", re.compile(rf"\b(?:{_RU_WORDS})\b", re.I)),
                 ("ua", re.compile(rf"\b(?:{_UA_WORDS})\b", re.I)))
# Who did the attacking: "<side> <weapon or attack>" or "<side> ... <attack verb>" or "by <side>".
_ATTACK_NOUNS = (r"forces|troops|army|military|aircraft|jets|planes|warplanes|helicopters|"
                 r"missiles?|rockets?|artillery|shell(?:s|ing)|strikes?|air\s*strikes?|bombs?|"
                 r"bombardment|attacks?|assaults?|drones?|units|soldiers|offensive|fire|"
                 r"[\w-]+\s+missiles?|[\w-]+\s+rockets?|[\w-]+\s+drones?")
_ATTACKER = {
    side: re.compile(rf"\b(?:{words})\s+(?:[\w-]+\s+)?(?:{_ATTACK_NOUNS})\b|"
                     rf"\b(?:{words})\s+(?:shelled|struck|attacked|fired|launched|hit|bombed|"
                     rf"pounded|targeted|stormed|assaulted)\b|\bby\s+(?:{words})\b", re.I)
    for side, words in (("ru", _RU_WORDS + r"|the\s+occupiers|occupiers|invaders|rashists|orcs"),
                        ("ua", _UA_WORDS))
}
_OPPOSITE = {"ua": "ru", "ru": "ua"}
# A characterisation denied: "not a withdrawal", "rather than a retreat" (a noun: what it is
# called), or "not withdrawing, (but) regrouping" (a verb, only with what it is called instead:
# "have not yet redeployed" says it has not happened, not what it is).
_NOUNS = r"withdrawal|retreat|pull-?out|pullback|repositioning|regrouping|redeployment"
_TERMS = (r"withdraw\w*|withdrew|retreat\w*|pull-?(?:outs?|backs?)|pulling\s+(?:out|back)|"
          r"pull(?:ed|s)?\s+(?:out|back)|reposition\w*|regroup\w*|redeploy\w*")
_DENIED_NOUN_RE = re.compile(
    rf"\b(?:(?:not|n['’]t|never|no)\s+(?:\w+\s+)?(?:a|an)\s+|rather\s+than\s+(?:a\s+|an\s+)?|"
    rf"instead\s+of\s+(?:a\s+|an\s+)?|as\s+opposed\s+to\s+(?:a\s+|an\s+)?)"
    rf"(?:real\s+|genuine\s+|actual\s+|full\s+|true\s+)?(?P<term>{_NOUNS})\b", re.I)
_DENIED_VERB_RE = re.compile(
    rf"\b(?:not|n['’]t|never|no)\s+(?P<term>{_TERMS})\b", re.I)
_TERM_RE = re.compile(rf"\b(?P<term>{_TERMS})\b", re.I)


def term_class(word: str) -> str:
    """withdraw for withdraw/retreat/pull-out words, reposition for reposition/regroup/redeploy."""
    low = word.lower()
    if low.startswith(("withdr", "retreat", "pull")):
        return "withdraw"
    return "reposition"


def signal_id(claim_id: str, kind: str) -> str:
    return hashlib.sha1(f"{claim_id}\0{kind}".encode()).hexdigest()[:16]


# Words without which a sentence can be no announcement, no denial: a cheap screen (most
# sentences are neither, and the patterns above cost ten times more than these lookups).
_ANNOUNCE_STEMS = ("reduc", "cut", "scal", "wind", "curtail", "decreas", "limit", "escalat",
                   "cease", "truce", "armistice", "paus", "halt", "suspend", "stop", "withdr",
                   "pull")
_TERM_STEMS = ("withdr", "retreat", "pull", "reposition", "regroup", "redeploy")

_UNSET = object()


def claim_signals(claim: dict, voice: str, event: tuple[str, str] | None | object = _UNSET
                  ) -> list[dict]:
    """The signals (model.Signal as dicts) of one claim; `voice` is its speaker's side and
    `event` the (type, sub-type) of the event it reports, when the caller knows it already
    (events.reports_event is read otherwise)."""
    text = claim.get("text") or ""
    low = text.lower()
    places = specific_places(claim.get("places") or ())
    places = [p for p in places if p != "Ukraine"]
    out = []
    if event is _UNSET:
        event = reports_event(claim)
    strikes = bool(event and event[0] in _STRIKE_TYPES and event[1] in _STRIKE_SUBTYPES)
    if strikes and places:
        side = attacker_side(text, voice)
        if side:
            out.append(_signal(claim, "strike", side, places, _STRIKE_SUBTYPES[event[1]]))
    if places and not strikes and any(stem in low for stem in _ANNOUNCE_STEMS):
        found = announcement(text, voice)
        if found:
            where = [p for p in found[2] if p in places] or places
            out.append(_signal(claim, "announce", found[0], where, found[1]))
    denied = denial(text) if any(stem in low for stem in _TERM_STEMS) else None
    if denied:
        actor = actor_in(text)
        side = force_of(actor, voice)[0] if actor else None
        out.append(_signal(claim, "negation", side if side != "?" else None, places, denied[0],
                           denied[1]))
    return out


def _signal(claim: dict, kind: str, side: str | None, places: list[str], detail: str,
            alternative: str | None = None) -> dict:
    return {"id": signal_id(claim["id"], kind), "claim_id": claim["id"],
            "doc_id": claim["doc_id"], "kind": kind, "side": side, "places": list(places),
            "date": claim.get("date"), "detail": detail, "alternative": alternative}


def announcement(text: str, voice: str) -> tuple[str, str, list[str]] | None:
    """(side, what, places named after it) when the sentence announces a de-escalation, else
    None. "Moscow would reduce activity around Kyiv": about Kyiv, not Moscow."""
    match = _DEESCALATION_RE.search(text)
    if match is None:
        return None
    clause_start = max(text.rfind(sep, 0, match.start()) for sep in (";", ". ", " but "))
    before = text[max(0, clause_start):match.start()]
    if _NOT_ANNOUNCED_RE.search(before) or _NOT_ANNOUNCED_RE.search(match.group()):
        return None
    sides = [side for side, pattern in _SIDE_SUBJECT if pattern.search(before)]
    side = sides[0] if len(sides) == 1 else voice if not sides else None
    if side not in ("ru", "ua"):
        return None
    if side != voice and not _ANNOUNCE_VERB_RE.search(before):
        return None
    after = [m.name for m in find_places(text) if m.start >= match.start()]
    return side, _DETAIL[match.lastgroup or "reduce"], after


def attacker_side(text: str, voice: str) -> str | None:
    """The side that struck or fought, named or implied by who reports it; None if unclear."""
    named = [side for side, pattern in _ATTACKER.items() if pattern.search(text)]
    if len(named) == 1:
        return named[0]
    if named:
        return None
    return _OPPOSITE.get(voice)  # unnamed ("the enemy", "they shelled"): the reporter's other side


def denial(text: str) -> tuple[str, str | None] | None:
    """(term class denied, term class asserted instead or None) of "not a withdrawal, a
    repositioning", else None."""
    match = _DENIED_NOUN_RE.search(text)
    verbal = match is None
    if verbal:
        match = _DENIED_VERB_RE.search(text)
        if match is None:
            return None
    denied = term_class(match.group("term"))
    for other in _TERM_RE.finditer(text):
        if match.start() <= other.start() < match.end():
            continue
        if term_class(other.group("term")) != denied:
            return denied, term_class(other.group("term"))
    return None if verbal else (denied, None)
