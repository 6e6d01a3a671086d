"""Force movements: what one document reports, read sentence by sentence.

Three modules, one job each, and every word they look for in movement_words.py:
- movement_clauses.py reads one sentence: the movement verbs ("withdrew", "pulled back",
  "liberated", "the withdrawal of"), each verb's mover, its ends by their prepositions, its
  size, hedge and polarity, and how its clause is tied to the one before ("and they are heading
  to", "to regroup in"). One hit per verb and pair of ends.
- scene.py remembers what the document has put in play, so "the besieged city", "the capital",
  "the region", "the cities", "there" and "they" are read as the places and force they mean.
- this module threads one document's hits into the movements it reports:
  1. completion: a movement told across clauses or sentences is one movement. A pull-back that
     only says where it left ("pulled back from X and Y") is completed by a later clause of the
     same force that only says where it went ("and they are heading to Z", "to regroup in Z",
     "the units that left X are moving into Z", or in a later sentence, of a force only
     referred to, "the units ... have returned to Z", "some of them are repositioning into Z",
     or of a force named anew that says again what it moved, "moved two frigates to Z")
     (`_complete_linked` in a sentence, `_completes_earlier` across sentences). Only what a
     side did in the last sentence that told of it is still going on: a movement of that side
     told since ends it, however few or many sentences of other matters come between. The later
     clause is not reported on its own, and the kind stays the one the force started with (a
     withdrawal heading somewhere is still a withdrawal), except that Russian forces pulled
     back from one place in Ukraine and going on to another are redeployed.
  2. retelling: a hit whose ends agree with a kept movement of the same side (or of any side
     when its mover is only referred to: "the withdrawal from X was ordered") and kind family
     (each end equal or unsaid in one of them, at least one equal; or neither with an end, of
     the same kind) is the same movement told again: the kept one takes the ends it lacked,
     the first stated size, and is asserted if any telling asserts it.
  3. a hit with no end at all ("they are beginning to reposition") folds into the nearest kept
     movement of the same side and kind family before it, or into the next one of its side if
     that is the next movement its side makes.
  4. a pull-back toward a place its own side is advancing on is part of that advance ("the
     Russians are advancing on Y ... six launchers left X in the direction of Y"); a force sent
     "elsewhere" or "to other fronts" leaves from where the document last had that side leave.
  5. a verb that says only that a force moved takes its kind from what its side is doing
     ("Robotyne has been liberated ... our troops are moving south of it": advancing).
  6. specificity: of two movements of the same side whose other ends agree, one that leaves
     from (or goes to) an area holding the other's end is dropped ("from the Kharkiv region to
     Donetsk" beside "from Izium to Donetsk").

`extract_movements(sentence)` reads one sentence with the same threading (its hits only);
`DocumentMovements` reads a document sentence by sentence (the pipeline uses it).
"""

from __future__ import annotations

from dataclasses import dataclass

from sitdash.ingest.movement_clauses import (
    MovementHit,
    actor_family,
    actor_in,
    places_in_play,
    read_sentence,
)
from sitdash.ingest.places import lookup
from sitdash.ingest.scene import Scene

__all__ = ["DocumentMovements", "MovementHit", "actor_family", "actor_in", "extract_movements",
           "kind_family"]

_BACK = frozenset({"withdraw", "retreat", "reposition", "regroup"})
_RELOCATE = frozenset({"reposition", "regroup", "redeploy"})  # may be told as one another
_WHOLE_THEATRE = frozenset({"Ukraine"})


def kind_family(kind: str) -> str:
    """Kinds that may describe the same movement: pull-backs, deployments, advances."""
    if kind in _BACK:
        return "back"
    if kind in ("deploy", "redeploy"):
        return "deploy"
    return kind


def extract_movements(sentence: str, previous_actor: str | None = None,
                      scene: Scene | None = None) -> list[MovementHit]:
    """The movements one sentence reports, its clauses completed and folded as in a document."""
    told = [_Told(0, None, hit) for hit in read_sentence(sentence, previous_actor, scene)]
    return [t.hit for t in _thread(told)]


class DocumentMovements:
    """One document's movements: `read` each sentence in order, then take `movements()`."""

    def __init__(self) -> None:
        self.scene = Scene()
        self._told: list[_Told] = []
        self._sentence = 0

    def read(self, sentence: str, tag: object = None, mentions: list | None = None,
             speaker: str | None = None) -> None:
        """Read the next sentence; `tag` comes back with each movement it tells. `mentions` are
        its place mentions if the caller has them (places.find_places), to save a second scan;
        `speaker` the speaker of a quotation in it, whose side "we" and "our units" are."""
        places = places_in_play(sentence, mentions, self.scene.names)
        voice = self.scene.speak(sentence, speaker)
        for hit in read_sentence(sentence, self.scene.force, self.scene, places):
            self._told.append(_Told(self._sentence, tag, hit))
        self.scene.observe(sentence, places, actor_in(sentence, voice))
        self._sentence += 1

    def movements(self) -> list[tuple[object, MovementHit]]:
        """(tag of the sentence that first told it, movement), in the order first told."""
        return [(t.tag, t.hit) for t in _thread(self._told)]


@dataclass(slots=True)
class _Told:
    sentence: int  # its index in the document
    tag: object
    hit: MovementHit
    side: str = ""  # the mover's side (actor_family), set from the hit

    def __post_init__(self) -> None:
        self.side = actor_family(self.hit.actor)

    @property
    def open(self) -> bool:
        """Says where a pull-back or relocation left, not where it went."""
        hit = self.hit
        return hit.origin is not None and hit.destination is None and \
            (hit.kind in _BACK or hit.kind in _RELOCATE)


def _thread(told: list[_Told]) -> list[_Told]:
    kept: list[_Told] = []
    for t in _complete_linked(told):
        if _completes_earlier(t, kept):
            continue
        _kind_from_what_its_side_does(t, kept)
        target = _retold(t, kept)
        if target is not None:
            _fold(target, t)
            continue
        if _placeless(t.hit):
            # ("we are regrouping" after its side's withdrawal: that withdrawal, told as such)
            target = next((k for k in reversed(kept) if _same_family(k, t) or (
                t.hit.referred and k.side == t.side and
                kind_family(k.hit.kind) == kind_family(t.hit.kind))), None)
            if target is not None:
                _fold(target, t)
                continue
        else:
            _absorb_placeless_before(t, kept)
        kept.append(t)
    _toward_an_advance(kept)
    _sent_elsewhere_from_where_it_was(kept)
    return _most_specific(kept)


def _kind_from_what_its_side_does(t: _Told, kept: list[_Told]) -> None:
    """A verb that says only that a force moved on from a place ("our troops are moving south of
    X") takes its kind from what its side is doing: after its side's advance, it advances on.
    With a destination of its own ("moved to camps in Y") the verb keeps its kind."""
    hit = t.hit
    if hit.onward and hit.kind == "reposition" and hit.link is None:
        last = next((k for k in reversed(kept) if k.side == t.side), None)
        if last is not None and last.hit.kind == "advance":
            hit.kind = "advance"


def _complete_linked(told: list[_Told]) -> list[_Told]:
    """Within each sentence: a clause tied to the one before by "and" or a purpose "to" that
    only says where the force went completes the pull-back before it ("withdrew from X, Y and Z
    to regroup in W", "left Kiev and heading toward Belarus")."""
    out: list[_Told] = []
    for t in told:
        hit = t.hit
        if hit.link and hit.origin is None and hit.destination is not None:
            before = [o for o in out if o.sentence == t.sentence and o.hit.verb_at < hit.verb_at]
            verb = max((o.hit.verb_at for o in before), default=None)
            halves = [o for o in before if o.hit.verb_at == verb and o.open and o.side == t.side
                      and o.hit.origin != hit.destination]
            fits = {"and": hit.motion_only or hit.kind in _BACK | _RELOCATE,
                    "to": hit.kind not in ("withdraw", "retreat"),
                    "subject": True}[hit.link]
            if halves and fits:
                _go_on_to(halves, t)
                continue
            if verb is not None:
                hit.referred = False  # tied to a verb of its own sentence, not to an earlier one
        out.append(t)
    return out


def _completes_earlier(t: _Told, kept: list[_Told]) -> bool:
    """Whether `t`, a later sentence's clause about a force it only refers to ("some of them
    are repositioning into Belarus"), says where the last open movement of that force went; if
    so that movement (every open hit of its verb) takes `t`'s destination."""
    hit = t.hit
    if hit.origin is not None or hit.destination is None:
        return False
    # a force named anew completes a relocation its side made last only when it says again
    # what was moved ("Russia has been relocating ships from X ... analysts said Russian forces
    # moved two frigates to Y"); "some forces have moved to Y" may be others
    relocation = not hit.referred and hit.moved_what
    if not relocation and not (hit.referred and (hit.motion_only or hit.kind in _BACK | _RELOCATE)):
        return False
    # only what its side did in the last sentence that told of it is still going on
    ours = [k for k in kept if k.side == t.side and k.sentence < t.sentence]
    if not ours:
        return False
    last = [k for k in ours if k.sentence == ours[-1].sentence]
    for k in reversed(last):
        if k.open and (not relocation or k.hit.kind in _RELOCATE) and \
                k.hit.origin != hit.destination:
            _go_on_to([o for o in last if o.hit.verb_at == k.hit.verb_at and o.open], t)
            return True
    return False


def _go_on_to(halves: list[_Told], t: _Told) -> None:
    """The open `halves` of one verb went on to `t`'s destination. A pull-back that goes on to
    another front in Ukraine is a redeployment ("the units that left the Kiev area are moving
    into the Donbas"); to the rear it stays what it was."""
    hit = t.hit
    to_front = t.side != "ua" and _in_ukraine(hit.destination)
    for half in halves:
        if to_front and half.hit.kind in ("withdraw", "retreat"):
            half.hit.kind = "redeploy"
        half.hit.destination = hit.destination
        half.hit.wide_destination = hit.wide_destination
        half.hit.places = tuple(dict.fromkeys(half.hit.places + hit.places))
        half.hit.end = max(half.hit.end, hit.end) if half.sentence == t.sentence else half.hit.end


def _retold(t: _Told, kept: list[_Told]) -> _Told | None:
    """The kept movement `t` tells again, if any: same side (or a mover only referred to: "the
    withdrawal from X was ordered on Monday"), kinds that may name one movement, ends that
    agree with at least one end in common."""
    hit = t.hit
    for k in kept:
        other = k.hit
        if (k.side != t.side and not hit.referred) or not _may_be_one(other.kind, hit.kind):
            continue
        ends = ((other.origin, hit.origin), (other.destination, hit.destination))
        if any(a and b and a != b for a, b in ends):
            continue
        if any(a and a == b for a, b in ends) or (
                other.origin is None and other.destination is None and
                hit.origin is None and hit.destination is None and other.kind == hit.kind):
            return k
    return None


def _may_be_one(a: str, b: str) -> bool:
    return kind_family(a) == kind_family(b) or (a in _RELOCATE and b in _RELOCATE)


def _fold(target: _Told, t: _Told) -> None:
    """`t` is `target` told again: take the ends, size and assertion it adds."""
    kept, hit = target.hit, t.hit
    if kept.origin is None and hit.origin is not None:
        kept.origin, kept.wide_origin = hit.origin, hit.wide_origin
    if kept.destination is None and hit.destination is not None:
        kept.destination, kept.wide_destination = hit.destination, hit.wide_destination
    if not _placeless(hit):
        kept.hedged = kept.hedged and hit.hedged
    kept.size = kept.size or hit.size
    kept.places = tuple(dict.fromkeys(kept.places + hit.places))


def _placeless(hit: MovementHit) -> bool:
    """No end, and no place in its clause but the whole theatre ("redeploy them in Ukraine")."""
    return hit.origin is None and hit.destination is None and \
        all(name in _WHOLE_THEATRE for name in hit.places)


def _same_family(a: _Told, b: _Told) -> bool:
    """Whether a movement with no end may be `a` told again: a pull-back of the same side (a
    withdrawal, a retreat, a repositioning), a deployment, an advance, or a regroup as such
    (or, when neither says where, a repositioning: "not withdrawing but repositioning")."""
    x, y = a.hit.kind, b.hit.kind
    either = {x, y} == {"regroup", "reposition"} and _placeless(a.hit) and _placeless(b.hit)
    return a.side == b.side and (x == y or either or
                                 "regroup" not in (x, y) and kind_family(x) == kind_family(y))


def _absorb_placeless_before(t: _Told, kept: list[_Told]) -> None:
    """A placeless movement told just before this one of the same side and family ("not
    withdrawing but regrouping ... regrouping to reinforce the Donbas") is this one."""
    last = next((k for k in reversed(kept) if k.side == t.side), None)
    if last is not None and _placeless(last.hit) and _same_family(last, t):
        kept.remove(last)  # (the last its side made: a movement told since would end it)
        t.hit.size = t.hit.size or last.hit.size


def _toward_an_advance(kept: list[_Told]) -> None:
    """A force that "left X in the direction of Y" while its side is advancing on Y is moving up,
    not pulling back: the kind comes from what the force is doing."""
    for t in kept:
        hit = t.hit
        if hit.kind in ("withdraw", "retreat") and hit.destination and any(
                k.side == t.side and k.hit.kind == "advance" and
                k.hit.destination == hit.destination for k in kept):
            hit.kind = "advance"


def _sent_elsewhere_from_where_it_was(kept: list[_Told]) -> None:
    """A force sent "elsewhere" or "to other fronts" leaves from where the document last had it
    leave ("pulling back from Kherson ... some of them can be used on other fronts"); more of a
    force in play relocated ("one other ship was moved to Y") leave from where its side's last
    relocation left ("ships moved from X to Z")."""
    for i, t in enumerate(kept):
        hit = t.hit
        more = hit.referred and hit.kind in _RELOCATE and hit.destination is not None and \
            hit.more
        if (hit.elsewhere or more) and hit.origin is None:
            last = next((k for k in reversed(kept[:i]) if k.side == t.side and k.hit.origin and
                         (hit.elsewhere or k.hit.kind in _RELOCATE)), None)
            if last is not None and last.hit.origin != hit.destination:
                hit.origin, hit.wide_origin = last.hit.origin, last.hit.wide_origin


def _most_specific(kept: list[_Told]) -> list[_Told]:
    """Without movements whose end is an area holding the same end of another movement of the
    same side, the other end agreeing: "from the Kharkiv region" beside "from Izium"."""
    def wider(a: _Told, b: _Told) -> bool:
        x, y = a.hit, b.hit
        if a.side != b.side or not _may_be_one(x.kind, y.kind):
            return False
        if x.destination and x.destination == y.destination and x.wide_origin and y.origin:
            return _holds(x.origin, y.origin)
        if x.origin and x.origin == y.origin and x.wide_destination and y.destination:
            return _holds(x.destination, y.destination)
        return False

    return [a for a in kept if not any(b is not a and wider(a, b) for b in kept)]


def _holds(area: str, place: str) -> bool:
    outer, inner = lookup(area), lookup(place)
    if outer is None or inner is None or outer.name == inner.name:
        return False
    if outer.kind == "country":
        return inner.country == outer.country
    return inner.oblast is not None and inner.oblast == outer.oblast


def _in_ukraine(name: str) -> bool:
    info = lookup(name)
    return info is not None and info.country == "UA"
