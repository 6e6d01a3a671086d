"""Events from claims: dated things that happened, typed with the ACLED taxonomy, merged across
documents so one strike reported by three outlets is one event with three sources."""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from functools import lru_cache

from sitdash.ingest.places import specific_places

# (pattern, ACLED event type, ACLED sub-event type), most specific first.
_TRIGGERS: list[tuple[re.Pattern[str], str, str]] = [
    (re.compile(r"\b(air ?strikes?|airstrikes?|air raids?|bomb(?:ed|ing|ings|s)?|drones? "
                r"(?:attacks?|strikes?)|air attacks?|attack missions|sorties|kamikaze drones?)\b",
                re.I),
     "Explosions/Remote violence", "Air/drone strike"),
    (re.compile(r"\b(shell(?:ed|ing|s)|artillery|missiles?|rockets?|mortars?|MLRS|Grad|"
                r"Iskanders?|cruise missiles?)\b", re.I),
     "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    (re.compile(r"\b(mines?|landmines?|IEDs?|explosions?|blasts?)\b", re.I),
     "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    (re.compile(r"\b(civilians? (?:were |was )?(?:killed|executed|shot)|executions?|massacre|"
                r"tortured|abducted|abductions?)\b", re.I),
     "Violence against civilians", "Attack"),
    # a stated de-escalation ("agreed to reduce military activity around Kyiv") is a change of
    # activity, however warlike the words after it
    (re.compile(r"\b((?:reduc(?:e|es|ed|ing|tion)|scal(?:e|es|ed|ing)\s+(?:down|back)|cut(?:s|ting)?"
                r"\s+back|wind(?:s|ing)?\s+down|de-?escalat\w*)(?:\s+\w+){0,3}?\s+"
                r"(?:activity|activities|operations?|attacks|offensive|presence|hostilities))\b",
                re.I),
     "Strategic developments", "Change to group/activity"),
    (re.compile(r"\b(captured|seized|took control|taken control|recaptured|retook|liberated|"
                r"overran)\b", re.I),
     "Battles", "Non-state actor overtakes territory"),
    (re.compile(r"\b(fighting|fought|clash(?:es|ed)?|battles?|offensive|assaults?|"
                r"ground attacks?|counter-?attacks?|counteroffensive|besieged|siege|"
                r"under attack|attacked|repelled|repulsed)\b", re.I),
     "Battles", "Armed clash"),
    (re.compile(r"\b(deploy(?:ed|ing|s|ment)?|redeploy(?:ed|ing|ment)?|reposition(?:ed|ing)?|"
                r"withdr(?:aws?|ew|awn|awal|awing)|pull(?:ed|ing) (?:out|back)|leaving|left the|"
                r"convoy|regroup(?:ed|ing)?|reinforcements?)\b", re.I),
     "Strategic developments", "Change to group/activity"),
    # "announced"/"declared" alone report a statement, whatever it is about: no agreement
    (re.compile(r"\b(sanctions?|agreement|agreed|talks|negotiations?|ceasefire|truce)\b", re.I),
     "Strategic developments", "Agreement"),
]
# Any trigger at all: one scan that rules out most claims before the ordered search above.
_ANY_TRIGGER = re.compile("|".join(f"(?:{p.pattern})" for p, _, _ in _TRIGGERS), re.I)
assert all(p.flags == _ANY_TRIGGER.flags for p, _, _ in _TRIGGERS), "triggers share re.I"
# Statements about what may or will happen are not events that happened.
_NOT_HAPPENED = re.compile(
    r"\b(could|might|may|would|will|expected to|plans? to|threaten(?:s|ed)? to|possible|"
    r"not clear|unclear|if|whether|harbinger|portend)\b", re.I)
_UNCERTAIN = re.compile(
    r"\b(could|might|may|possible|possibly|not clear|unclear|whether|expected to|likely)\b", re.I)
_SUMMARY_LEN = 100


# A trigger with one of these right before it in its clause is denied: "had not been shelled",
# "no fighting", "without a battle".
_NEGATED_RE = re.compile(
    r"\b(?:not|never|no|nor|without|n['’]t)\b(?:\s+(?:been|be|being|yet|even|any|a|an|the|so|"
    r"much|seen|reported|heavy|major|serious|significant|large-scale|further))*\s+$",
    re.I,
)
# What a warning or a watch is about may come, or not: "watch for a major offensive", "as
# Moscow prepares for a new offensive" (its words do not count; the rest of the sentence does).
_FORESEEN_RE = re.compile(
    r"\b(?:watch(?:es|ed|ing)?\s+(?:out\s+)?for|warn(?:s|ed|ing)?\s+(?:of|about|against)|"
    r"brac(?:e|es|ed|ing)\s+for|prepar(?:e|es|ed|ing)\s+for|anticipat(?:e|es|ed|ing)|"
    r"expect(?:s|ed|ing)?|fear(?:s|ed|ing)?)\s+(?:[\w-]+\s+){0,5}?"
    r"(?:offensive|counteroffensive|counter-offensive|attacks?|assaults?|battles?|strikes?|push|"
    r"invasion|escalation|fighting)\b",
    re.I,
)
# A figure of speech names no event ("the convoy became a symbol of ..."); nor does what is
# only to come "in the coming days".
_NOT_AN_EVENT_RE = re.compile(
    r"\b(?:in\s+the\s+coming\s+(?:days|weeks|months)|"
    r"(?:became|become|becomes|becoming|is|was|remains|remained)\s+(?:a|an|the)\s+(?:\w+\s+)?"
    r"(?:symbol|emblem|icon|byword|metaphor|embodiment|image|synonym)\s+(?:of|for))",
    re.I,
)


_ATTRIBUTIVE_RE = re.compile(r"\b(?:the|a|an|its|their)\s+$", re.I)
# What a place has been through, said of the place: "Hostomel, a suburb that had seen intense
# fighting" describes it; the news is elsewhere in the sentence.
_PLACE_PAST_RE = re.compile(
    r"\b(?:that|which|where)\s+(?:had|has|have)\s+(?:already\s+|\w+ly\s+)?(?:seen|witnessed|"
    r"experienced|endured)\s+(?:[\w-]+\s+){0,3}$", re.I)
_OPENERS = ".!?:;\"“‘«([—–-"


def event_type(sentence: str) -> tuple[str, str] | None:
    """The ACLED (type, sub-type) a sentence reports, or None if it reports no event. A trigger
    word that is denied ("had not been shelled") or part of a name ("the 76th Air Assault
    Division", "Offensive Campaign Assessment") does not count; the next one may."""
    if _ANY_TRIGGER.search(sentence) is None:
        return None
    for pattern, etype, sub in _TRIGGERS:
        for match in pattern.finditer(sentence):
            if _counts(sentence, match):
                return etype, sub
    return None


def _counts(sentence: str, match: re.Match) -> bool:
    start = match.start()
    word = match.group()
    opening = sentence[:start].rstrip()
    if opening and opening[-1] not in _OPENERS and word[:1].isupper() and not word.isupper():
        return False  # capitalised mid-sentence: part of a name
    if word.endswith("ed") and _ATTRIBUTIVE_RE.search(sentence, max(0, start - 8), start):
        return False  # "the besieged city", "the liberated region": a description, not news
    if _PLACE_PAST_RE.search(sentence[max(0, start - 60):start]):
        return False  # "a suburb that had seen intense fighting": the place's past
    clause = sentence[max(0, start - 40) : start]
    clause = re.split(r"[,;:.!?]|\bbut\b", clause)[-1]
    return not _NEGATED_RE.search(clause)


def reports_event(claim: dict) -> tuple[str, str] | None:
    """(type, sub-type) when the claim states that something happened, else None."""
    text = claim.get("text", "")
    if claim.get("kind") == "caption" or claim.get("date_precision") == "year":
        return None  # a photo's caption, or background dated only by a year ("since 2014")
    if _NOT_AN_EVENT_RE.search(text):
        return None
    found = event_type(_FORESEEN_RE.sub(lambda m: " " * len(m.group()), text))
    if found is None:
        return None
    # An announcement ("Russia said it would reduce operations") happened even though what it
    # announces may not; uncertainty about whether something happened rules out either.
    doubt = _UNCERTAIN if found[0] == "Strategic developments" else _NOT_HAPPENED
    if doubt.search(text):
        return None
    return found


def where(claim: dict) -> list[str]:
    """The places a claim says something happened in: those it names, less those it names only
    as actors ("Russia says ...")."""
    places = claim.get("places") or []
    actors = claim.get("actor_places")
    return [p for p in places if p not in actors] if actors else list(places)


def summarise(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= _SUMMARY_LEN:
        return text
    cut = text[:_SUMMARY_LEN].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def build_events(
    claims: list[dict], known: Mapping[str, tuple[str, str] | None] | None = None
) -> list[dict]:
    """Group event-reporting claims by (day, type, sub-type, places): one event, many sources.

    `known` maps claim ids to what `reports_event` said of them before (`stored_types`), so an
    ingest types only its new claims; the grouping is the same as typing every claim afresh.
    """
    groups: OrderedDict[tuple, dict] = OrderedDict()
    for claim in claims:
        if known is not None and claim["id"] in known:
            found = known[claim["id"]]
        else:
            found = reports_event(claim)
        if found is None:
            continue
        places = _event_places(tuple(where(claim)))
        key = (claim.get("date"), found[0], found[1], places)
        event = groups.get(key)
        if event is None:
            event = groups[key] = {
                "id": hashlib.sha1(repr(key).encode()).hexdigest()[:16],
                "date": claim.get("date"),
                "precision": claim.get("date_precision", "unknown"),
                "type": found[0],
                "sub_type": found[1],
                "places": list(places),
                "summary": summarise(claim.get("text", "")),
                "claim_ids": [],
                "sources": [],
            }
        event["claim_ids"].append(claim["id"])
        if claim["doc_id"] not in event["sources"]:
            event["sources"].append(claim["doc_id"])
    return list(groups.values())


@lru_cache(maxsize=4096)
def _event_places(places: tuple[str, ...]) -> tuple[str, ...]:
    """The sorted specific places of a claim's place list (few distinct lists: computed once)."""
    return tuple(sorted(specific_places(places)))


def stored_types(events: Iterable[dict], claim_ids: Iterable[str]) -> dict:
    """Claim id -> (type, sub-type) for every claim in stored `events`, None for the other stored
    `claim_ids`: what `reports_event` said of them when the events were built over them (every
    ingest replaces the events built over all claims; `sitdash rebuild` re-types everything)."""
    known: dict[str, tuple[str, str] | None] = dict.fromkeys(claim_ids)
    for event in events:
        found = (event["type"], event["sub_type"])
        for claim_id in event.get("claim_ids", ()):
            if claim_id in known:
                known[claim_id] = found
    return known
