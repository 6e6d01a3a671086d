"""Contradictions: claims that cannot all be right, put side by side (pure).

Three kinds, each kept narrow on purpose (a false contradiction costs an analyst's trust more
than a missed one costs their time):
- activity: a side announced a de-escalation (reduced activity, a ceasefire, a pause, an ordered
  withdrawal) at a place, and strikes, shelling or fighting by that same side are reported at
  that place or inside its oblast on the day of the announcement or in the ACTIVITY_DAYS after.
  An ordered withdrawal is contradicted only by fighting there, not by strikes: forces that
  leave keep shelling from afar. One contradiction per side, oblast and run of announcements.
- characterisation: a development reported as a withdrawal by some is called "not a withdrawal,
  a repositioning" by another origin (or the other way round). The denial belongs to the
  development its own article reports, else to the one whose ends and dates it shares, as long
  as others call that development what the denial denies. One contradiction per development and
  term denied, holding every denial.
- figures: stated amounts of one quantity that disagree (figures.disagree): two sizes of one
  development from different origins reported within FIGURE_DAYS of each other (a withdrawal
  that grows over a week is progress, not a dispute); and the killed or wounded in one incident
  (one event, the same target named) as told by different sides.

Rows are model.Contradiction as dicts; `why` writes each one's one-line reason when it is read,
with the speakers' current names.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date

from sitdash.developments import BACK, GAP_DAYS, overlap
from sitdash.figures import disagree, parse_figure
from sitdash.ingest.places import lookup, oblasts_of

ACTIVITY_DAYS = 14
FIGURE_DAYS = 2
_WITHDRAW_KINDS = {"withdraw": ("withdraw", "retreat"), "reposition": ("reposition", "regroup",
                                                                     "redeploy")}
_TERM_WORDS = {"withdraw": "a withdrawal", "reposition": "a repositioning"}
_TARGETS = re.compile(
    r"\b(hospital|maternity|school|kindergarten|theat(?:re|er)|railway station|train station|"
    r"station|market|shopping (?:centre|center|mall)|mall|apartment (?:block|building)|"
    r"residential building|dormitory|bridge|power plant|plant|depot|airport|airfield|"
    r"port|church|university|factory|warehouse|administration building)\b", re.I)
_KILLED_RE = re.compile(r"\b(?:kill\w*|dead|died|deaths?|death toll)\b", re.I)
_WOUNDED_RE = re.compile(r"\b(?:wound\w*|injur\w*|hurt)\b", re.I)


def contradiction_id(*parts: object) -> str:
    return hashlib.sha1("\0".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


# -- activity ------------------------------------------------------------------------------------

def zones_of(places: Iterable[str]) -> list[str]:
    """The oblasts places lie in (Donbas: both of its oblasts), each once; countries have none."""
    return list(dict.fromkeys(zone for name in places for zone in oblasts_of(name)))


def activity(signals: Iterable[dict], zones: set[str] | None = None) -> list[dict]:
    """Announced de-escalations contradicted by strikes or fighting (only in `zones`, the oblasts
    to recompute, when given)."""
    announced: dict[tuple[str, str], list[dict]] = defaultdict(list)
    struck: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for signal in signals:
        if signal["kind"] not in ("announce", "strike") or not signal.get("side"):
            continue
        if not _day(signal.get("date")):
            continue
        for zone in zones_of(signal["places"]):
            if zones is None or zone in zones:
                table = announced if signal["kind"] == "announce" else struck
                table[(signal["side"], zone)].append(signal)
    out = []
    for (side, zone), announcements in sorted(announced.items()):
        strikes = struck.get((side, zone))
        if not strikes:
            continue
        strikes = sorted(strikes, key=_signal_order)
        for run in _runs(sorted(announcements, key=_signal_order)):
            found = _activity_row(side, zone, run, strikes)
            if found:
                out.append(found)
    return out


def _signal_order(signal: dict) -> tuple:
    return (signal.get("date") or "~", signal["claim_id"])


def _runs(announcements: list[dict]) -> list[list[dict]]:
    """Announcements within GAP_DAYS of the first of their run: one announcement told by several
    outlets, or repeated, is one run."""
    runs: list[list[dict]] = []
    for signal in announcements:
        if runs and (_day(signal["date"]) - _day(runs[-1][0]["date"])).days <= GAP_DAYS:
            runs[-1].append(signal)
        else:
            runs.append([signal])
    return runs


def _activity_row(side: str, zone: str, run: list[dict], strikes: list[dict]) -> dict | None:
    start = _day(run[0]["date"])
    end = _day(run[-1]["date"])
    ordered_withdrawal_only = all(s["detail"] == "a withdrawal" for s in run)
    hits = []
    announced_ids = {s["claim_id"] for s in run}
    for strike in strikes:
        when = _day(strike["date"])
        if strike["claim_id"] in announced_ids or when < start:
            continue
        if (when - end).days > ACTIVITY_DAYS:
            continue
        if ordered_withdrawal_only and strike["detail"] != "fighting":
            continue
        hits.append(strike)
    if not hits:
        return None
    place = next((p for p in run[0]["places"] if zone in zones_of([p])), zone)
    struck_place = next((p for p in hits[0]["places"] if zone in zones_of([p])), zone)
    claim_ids = _unique([s["claim_id"] for s in run] + [s["claim_id"] for s in hits])
    return {
        "id": contradiction_id("activity", side, zone, run[0]["claim_id"]),
        "kind": "activity",
        "claim_ids": claim_ids,
        "doc_ids": _unique([s["doc_id"] for s in run] + [s["doc_id"] for s in hits]),
        "development": None,
        "scope": f"activity|{side}|{zone}",
        "parts": [
            {"claim_id": run[0]["claim_id"], "role": "announced", "text": run[0]["detail"],
             "place": place},
            {"claim_id": hits[0]["claim_id"], "role": "reported", "text": hits[0]["detail"],
             "place": struck_place},
        ],
        "place": place,
        "date": run[0]["date"],
    }


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


# -- characterisation ----------------------------------------------------------------------------

def characterisation(developments: Iterable[dict], negations: Iterable[dict],
                     origin_of: Callable[[str], str]) -> list[dict]:
    """Developments described one way by some and denied that description by others: one
    contradiction per development and term denied, holding every denial of it (NATO and the
    Pentagon both saying "not a withdrawal" is one dispute, not two). `origin_of(claim_id)`
    gives a claim's origin key."""
    back = [d for d in developments if d["direction"] == BACK]
    by_doc: dict[str, list[dict]] = defaultdict(list)
    by_zone: dict[str, list[dict]] = defaultdict(list)  # only devs sharing a zone can overlap
    for dev in back:
        for doc_id in dev["doc_ids"]:
            by_doc[doc_id].append(dev)
        for zone in _overlap_zones((dev.get("origins") or []) + (dev.get("destinations") or [])):
            by_zone[zone].append(dev)
    kinds_of: dict[str, dict[str, str]] = {}  # dev id -> claim id -> kind

    def described(dev: dict, term: str, denials: list[dict]) -> list[str]:
        """The claims of `dev` that call it what the denials deny, from other origins."""
        if dev["id"] not in kinds_of:
            kinds_of[dev["id"]] = _claim_kinds(dev)
        denied_kinds = _WITHDRAW_KINDS[term]
        own = {origin_of(n["claim_id"]) for n in denials}
        ids = {n["claim_id"] for n in denials}
        return [cid for cid, kind in kinds_of[dev["id"]].items()
                if kind in denied_kinds and cid not in ids and origin_of(cid) not in own]

    disputes: dict[tuple[str, str], tuple[dict, list[dict]]] = {}
    for negation in sorted(negations, key=_signal_order):
        near = {id(d): d for z in _overlap_zones(negation.get("places") or ())
                for d in by_zone.get(z, ())}
        dev = _development_of(negation, by_doc, list(near.values()),
                              lambda d, n=negation: bool(described(d, n["detail"], [n])))
        if dev is not None:
            disputes.setdefault((dev["id"], negation["detail"]), (dev, []))[1].append(negation)
    out = []
    for (dev_id, term), (dev, denials) in disputes.items():
        describing = described(dev, term, denials)
        if not describing:  # another denial came from an origin that described it
            continue
        # the denial the reason names: a speaker's own, before an outlet's paraphrase of one
        first = next((n for n in denials if not origin_of(n["claim_id"]).startswith("o:")),
                     denials[0])
        out.append({
            "id": contradiction_id("characterisation", dev_id, term),
            "kind": "characterisation",
            "claim_ids": _unique(describing + [n["claim_id"] for n in denials]),
            "doc_ids": [],  # filled in by the caller, who knows every claim's document
            "development": dev_id,
            "scope": f"dev|{dev_id}",
            "parts": [
                {"claim_id": describing[0], "role": "describes", "text": _TERM_WORDS[term]},
                {"claim_id": first["claim_id"], "role": "denies", "text": _TERM_WORDS[term],
                 "instead": _TERM_WORDS.get(first.get("alternative") or "")},
            ],
            "place": dev.get("origin") or dev.get("destination"),
            "date": first.get("date"),
        })
    return out


def _claim_kinds(dev: dict) -> dict[str, str]:
    """claim id -> movement kind, from the development's stored parts."""
    return dict(zip(dev["claim_ids"], dev.get("claim_kinds") or (), strict=False))


def _development_of(negation: dict, by_doc: dict[str, list[dict]], back: list[dict],
                    disputed: Callable[[dict], bool]) -> dict | None:
    """The development a denial is about: one its own article reports, else one whose ends and
    dates it shares (and whose force it names, if it names one); either way one that others
    call what the denial denies (`disputed`). An article denying a withdrawal may itself report
    only what it says happened instead ("not withdrawing but regrouping ... in the Donbas"):
    that regrouping is not what the denial disputes."""
    side = negation.get("side")
    same_doc = [d for d in by_doc.get(negation["doc_id"], ()) if _side_fits(d, side)
                and disputed(d)]
    if same_doc:
        return max(same_doc, key=_size_rank)
    places = negation.get("places") or ()
    when = _day(negation.get("date"))
    if not places or when is None:
        return None
    near = []
    for dev in back:
        if not _side_fits(dev, side):
            continue
        first, last = _day(dev.get("first_date")), _day(dev.get("last_date"))
        if first is None or (first - when).days > GAP_DAYS or (when - last).days > GAP_DAYS:
            continue
        ends = (dev.get("origins") or []) + (dev.get("destinations") or [])
        if any(overlap(p, q) for p in places for q in ends) and disputed(dev):
            near.append(dev)
    return max(near, key=_size_rank) if near else None


def _overlap_zones(places: Iterable[str]) -> set[str]:
    """Keys two places share whenever developments.overlap holds for them: their oblasts, and
    outside Ukraine their country (a country contains its places)."""
    zones = set(zones_of(places))
    for name in places:
        info = lookup(name)
        if info is not None and info.country != "UA":
            zones.add("country:" + info.country)
    return zones


def _side_fits(dev: dict, side: str | None) -> bool:
    return side is None or dev["force"].split("|")[0] == side


def _size_rank(dev: dict) -> tuple:
    return (len(dev["claim_ids"]), dev.get("last_date") or "", dev["id"])


# -- figures -------------------------------------------------------------------------------------

def development_figures(developments: Iterable[dict], origin_of: Callable[[str], str],
                        date_of: Callable[[str], str | None]) -> list[dict]:
    """Sizes of one development that disagree, from different origins, told within FIGURE_DAYS."""
    out = []
    for dev in developments:
        sizes = dev.get("sizes") or []
        if len(sizes) < 2:
            continue
        stated = [(s, parse_figure(s["size"], "troops")) for s in sizes]
        stated = [(s, f) for s, f in stated if f is not None]
        pair = _first_disagreement(stated, origin_of, date_of)
        if pair is None:
            continue
        (a, fa), (b, fb) = pair
        conflicting = [s["claim_id"] for s, f in stated
                       if f.unit == fa.unit and (disagree(f, fa) or disagree(f, fb))]
        out.append({
            "id": contradiction_id("figures", dev["id"], fa.unit),
            "kind": "figures",
            "claim_ids": _unique([a["claim_id"], b["claim_id"]] + conflicting),
            "doc_ids": [],
            "development": dev["id"],
            "scope": f"dev|{dev['id']}",
            "parts": [{"claim_id": a["claim_id"], "role": "states", "text": a["size"]},
                      {"claim_id": b["claim_id"], "role": "states", "text": b["size"]}],
            "place": dev.get("origin") or dev.get("destination"),
            "date": date_of(a["claim_id"]),
            "subject": "size",
        })
    return out


def _first_disagreement(stated: list, origin_of, date_of):
    for i, (a, fa) in enumerate(stated):
        for b, fb in stated[i + 1:]:
            if a["claim_id"] == b["claim_id"] or origin_of(a["claim_id"]) == origin_of(
                    b["claim_id"]):
                continue
            da, db = _day(date_of(a["claim_id"])), _day(date_of(b["claim_id"]))
            if da is None or db is None or abs((da - db).days) > FIGURE_DAYS:
                continue
            if disagree(fa, fb):
                return (a, fa), (b, fb)
    return None


def event_figures(events: Iterable[dict], claims: dict[str, dict],
                  voice_of: Callable[[dict], str]) -> list[dict]:
    """The killed or wounded in one incident as told by different sides, when they disagree."""
    out = []
    for event in events:
        cids = event.get("claim_ids") or ()
        if len(cids) < 2 or len(event.get("sources") or ()) < 2:
            continue
        tolls = []
        for cid in cids:
            claim = claims.get(cid)
            if not claim or not claim.get("quantities"):
                continue
            targets = {t.lower() for t in _TARGETS.findall(claim.get("text") or "")}
            for amount, unit in _tolls(claim):
                figure = parse_figure(amount)
                if figure is not None and targets:
                    tolls.append((claim, amount, unit, figure, targets))
        found = None
        for i, (ca, ta, ua, fa, ga) in enumerate(tolls):
            for cb, tb, ub, fb, gb in tolls[i + 1:]:
                if ua != ub or ca["doc_id"] == cb["doc_id"] or not ga & gb:
                    continue
                sides = {voice_of(ca), voice_of(cb)}
                if len(sides) < 2 or "unknown" in sides:
                    continue
                if disagree(_as(fa, ua), _as(fb, ub)):
                    found = (ca, ta, cb, tb, ua)
                    break
            if found:
                break
        if found is None:
            continue
        ca, ta, cb, tb, unit = found
        out.append({
            "id": contradiction_id("figures", event["id"], unit),
            "kind": "figures",
            "claim_ids": [ca["id"], cb["id"]],
            "doc_ids": _unique([ca["doc_id"], cb["doc_id"]]),
            "development": None,
            "scope": f"event|{event['id']}",
            "parts": [{"claim_id": ca["id"], "role": "states", "text": ta},
                      {"claim_id": cb["id"], "role": "states", "text": tb}],
            "place": (event.get("places") or [None])[0],
            "date": event.get("date"),
            "subject": unit,
        })
    return out


def _as(figure, unit: str):
    return type(figure)(figure.low, figure.high, unit, figure.text)


def _tolls(claim: dict) -> list[tuple[str, str]]:
    """(amount, killed|wounded) for each stated amount the sentence ties to a toll."""
    text = claim.get("text") or ""
    out = []
    for amount in claim.get("quantities") or ():
        at = text.find(amount)
        if at < 0:
            continue
        window_before = text[max(0, at - 25):at]
        window_after = text[at + len(amount):at + len(amount) + 25]
        near = window_after + " " + window_before
        killed = _KILLED_RE.search(near)
        wounded = _WOUNDED_RE.search(near)
        if killed and not wounded:
            out.append((amount, "killed"))
        elif wounded and not killed:
            out.append((amount, "wounded"))
        elif killed and wounded:  # the nearer word after the amount decides
            k = _KILLED_RE.search(window_after)
            w = _WOUNDED_RE.search(window_after)
            if k and (not w or k.start() < w.start()):
                out.append((amount, "killed"))
            elif w:
                out.append((amount, "wounded"))
    return out


# -- reading -------------------------------------------------------------------------------------

def why(row: dict, claims: dict[str, dict], documents: dict[str, dict],
        speaker_of: Callable[[dict], str], developments: dict[str, dict] | None = None) -> str:
    """The one-line reason a contradiction's claims conflict, naming both sides."""
    parts = row.get("parts") or []
    if len(parts) < 2:
        return ""
    a, b = parts[0], parts[1]
    ca, cb = claims.get(a["claim_id"], {}), claims.get(b["claim_id"], {})
    who_a, who_b = speaker_of(ca), speaker_of(cb)
    when_a, when_b = _short_date(ca.get("date")), _short_date(cb.get("date"))
    out_a, out_b = _outlet(ca, documents), _outlet(cb, documents)
    more = len(row.get("claim_ids") or ()) - 2
    tail = f" (+{more} more report{'s' if more != 1 else ''})" if more > 0 else ""
    kind = row.get("kind")
    if kind == "activity":
        return (f"{who_a} announced {a['text']} near {a.get('place') or row.get('place')} on "
                f"{when_a} ({out_a}); {who_b} reports {b['text']} in "
                f"{b.get('place') or 'the same oblast'} on {when_b} ({out_b}){tail}")
    if kind == "characterisation":
        dev = (developments or {}).get(row.get("development") or "", {})
        about = _development_words(dev)
        said = f"{b['instead']}, not {b['text']}" if b.get("instead") else f"not {b['text']}"
        return (f"{who_a} calls {about} {a['text']} ({out_a}, {when_a}); {who_b} says it is "
                f"{said} ({out_b}, {when_b}){tail}")
    if kind == "figures":
        subject = row.get("subject") or "figure"
        dev = (developments or {}).get(row.get("development") or "", {})
        about = f"size of {_development_words(dev)}" if dev else \
            f"{subject} in {row.get('place') or 'one incident'} on {_short_date(row.get('date'))}"
        return (f"{about[:1].upper() + about[1:]}: {a['text']} ({who_a}, {out_a}, {when_a}) vs "
                f"{b['text']} ({who_b}, {out_b}, {when_b}){tail}")
    return ""


def _development_words(dev: dict) -> str:
    """ "the Russian forces' move back from Kyiv", "the Wagner Group's move forward to Bakhmut"."""
    if not dev:
        return "the move"
    back = dev.get("direction") == BACK
    route = dev.get("origin") if back else dev.get("destination")
    actor = dev.get("actor") or "force"
    owner = f"{actor}'" if actor.endswith("s") else f"{actor}'s"
    where = (f" from {route}" if back else f" to {route}") if route else ""
    return f"the {owner} move {'back' if back else 'forward'}{where}"


def _short_date(text: str | None) -> str:
    day = _day(text)
    return f"{day.day} {day.strftime('%b')}" if day else "undated"


def _outlet(claim: dict, documents: dict[str, dict]) -> str:
    return documents.get(claim.get("doc_id") or "", {}).get("outlet") or "unknown outlet"
