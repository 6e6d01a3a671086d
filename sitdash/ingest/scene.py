"""What one document has put in play so far, read sentence by sentence.

Real copy tells a movement over several sentences and names a place once, then says "the besieged
city", "the capital", "the region", "the cities", "the area" or "there". A `Scene` remembers, as
the sentences go by:
- places in play: the last place named of each sort (a city or town, an oblast or region, any
  place), the last list of two or more towns named together, the places called "the town of X";
- the force in play: the last military actor a sentence named (what "they", "them" or "the
  troops" stand for when a sentence names none);
- who speaks (`speak`): the side of a quotation's speaker, else the side whose words the document
  uses ("the occupiers" is a Ukrainian's word, "the Kyiv regime" a Russian's), which names "our
  units", "we" and the side "the enemy" is not;
- names of places the gazetteer does not know that a sentence named by their kind ("the village
  of X"): later bare mentions of them are places too.

`references(sentence, places)` turns each reference in a sentence into place mentions at its
position, so a movement reads "pulled back from the city" exactly as "pulled back from Izium".
A reference is resolved by the places named earlier in the same sentence first, then by the
scene; each keeps the other places it could mean, so that it never names the other end of its
own movement. The words it looks for are in movement_words.py. Nothing here decides what moved:
see movement_clauses.py (one sentence) and movements.py (the whole document).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from sitdash.ingest import movement_words as words
from sitdash.ingest.places import lookup, typed_mentions
from sitdash.model import PlaceMention

_CITY_KINDS = frozenset({"city", "site"})


@dataclass(slots=True)
class Reference(PlaceMention):
    """A place mention that a reference stands for ("the besieged city" -> Kyiv), with the
    other places it could stand for, best first (used when the first is the other end of the
    same movement: "left Svatove in the direction of the city" is not Svatove)."""

    others: tuple[str, ...] = ()


_HISTORY = 6  # places remembered per sort


@dataclass
class Scene:
    """Places and the force in play so far in one document."""

    force: str | None = None  # the last military actor named ("Russian forces")
    cities: list[str] = field(default_factory=list)  # most recent first
    regions: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    group: tuple[str, ...] = ()  # the last towns named together: "the cities"
    typed: dict[str, str] = field(default_factory=dict)  # "town" -> the place last called a town
    _untyped: list[str] = field(default_factory=list)  # sentences not yet read for `typed`
    # who speaks: the side of the sentence being read ("ua", "ru", "wagner"), which "our
    # units", "we" and the side "the enemy" is not are named by (set by `speak`)
    voice: str | None = None
    names: frozenset[str] = frozenset()  # places named that the gazetteer does not know
    _voices: dict[str, int] = field(default_factory=lambda: {"ua": 0, "ru": 0})

    def speak(self, sentence: str, speaker: str | None = None) -> str | None:
        """Set and return the voice of the next sentence: its quotation's speaker's side when
        that is known ("Prigozhin", "Russia's defence ministry"), else the document's own side
        (the side whose words it has used: "the occupiers" is a Ukrainian's word, "the Kyiv
        regime" a Russian's); None when nothing tells (neutral copy: "our units" are then the
        force in play, "the enemy" Russian forces)."""
        for side in {m.lastgroup for m in words.VOICE_RE.finditer(sentence)}:
            self._voices[side] += 1
        side = words.SPEAKER_SIDE_RE.search(speaker) if speaker else None
        if side is None and speaker:  # a name of no side: what the attribution calls it
            side = _attribution_side(sentence)
        if side is not None:
            self.voice = side.lastgroup
        else:
            ua, ru = self._voices["ua"], self._voices["ru"]
            self.voice = "ru" if ru > ua else "ua" if ua > ru else None
        return self.voice

    def references(self, sentence: str, places: list[PlaceMention]) -> list[Reference]:
        """Place mentions for "the city", "the capital", "the region", "the cities", "the area"
        and "there" in `sentence`, each at the reference's own span (a plural reference gives one
        mention per town, all at the same span). Unresolved references give nothing. `places`
        are the places the sentence names as places (movement_clauses.places_in_play)."""
        out: list[Reference] = []
        for m in words.REFERENCE_RE.finditer(sentence):
            earlier = sorted([p for p in places if p.end <= m.start()] + out,
                             key=lambda p: p.start)
            noun = (m.group("noun") or m.group().lower()).lower()  # "there", "it"
            if noun == "there" and words.LOCATION_NOUN_RE.search(
                    sentence, earlier[-1].end if earlier else 0, m.start()):
                continue  # "to new positions, and from there": the positions, no place in play
            if noun in ("cities", "towns"):
                for name in _last_group(sentence, earlier) or self.group:
                    out.append(Reference(name, m.start(), m.end(), m.group()))
                continue
            candidates = self._candidates(noun, m, earlier[::-1])
            if candidates:
                out.append(Reference(candidates[0], m.start(), m.end(), m.group(),
                                     tuple(candidates[1:])))
        return out

    def _candidates(self, noun: str, m: re.Match, latest_first: list) -> list[str]:
        """The places a singular reference may stand for, best first: those named earlier in the
        sentence, then those the scene remembers."""
        if noun.startswith("capital"):
            adjectives = (m.group("adjectives") or "").lower().split()
            capital = next((words.CAPITAL_OF[a] for a in adjectives if a in words.CAPITAL_OF),
                           "Kyiv")
            return [capital]
        if noun in ("region", "oblast", "province"):
            named, remembered = [p.name for p in latest_first if _is_area(p)], self.regions
        elif noun in ("there", "area", "it") or noun.endswith("zone"):  # "the conflict zone"
            named = [p.name for p in latest_first if not _is_country(p.name)]
            remembered = self.places
        else:  # city, town, village: the place last called so wins over the last town named
            named = [p.name for p in latest_first if _is_city(p)]
            typed = self._typed().get(noun)
            remembered = ([typed] if typed else []) + self.cities
        return list(dict.fromkeys(named + remembered))

    def observe(self, sentence: str, places: list[PlaceMention], force: str | None) -> None:
        """Take in what a finished sentence put in play: its places (places_in_play) and the
        force it named (movement_clauses.actor_in)."""
        if force:
            self.force = force
        places = [p for p in places if not _is_country(p.name)]
        if not places:
            return
        for p in places:
            _remember(self.places, p.name)
            if _kind(p.name) is None and p.name not in self.names:
                self.names = self.names | {p.name}  # "the village of X": X is a place from now on
            if _is_city(p):
                _remember(self.cities, p.name)
            elif _is_area(p):
                _remember(self.regions, p.name)
        group = _last_group(sentence, places)
        if group:
            self.group = group
        self._untyped.append(sentence)

    def _typed(self) -> dict[str, str]:
        """`typed`, brought up to date: read only when a reference asks (most never do)."""
        for sentence in self._untyped:
            self.typed.update(typed_mentions(sentence))
        self._untyped.clear()
        return self.typed


def _remember(history: list[str], name: str) -> None:
    if name in history:
        history.remove(name)
    history.insert(0, name)
    del history[_HISTORY:]


def _attribution_side(sentence: str) -> re.Match | None:
    """The side words in a quotation's attribution after it, up to its speech verb ('...,"
    Sever Group, a channel of Russian war correspondents, wrote'; '...," said a Russian
    blogger')."""
    attribution = words.ATTRIBUTION_RE.search(sentence)
    if attribution is None:
        return None
    tail = attribution.group("tail")
    speech = words.SPEECH_RE.search(tail)
    if speech is not None and tail[:speech.start()].strip():
        tail = tail[:speech.start()]
    return words.SPEAKER_SIDE_RE.search(tail)


def in_title(sentence: str, mention: PlaceMention) -> bool:
    """Whether a place mention is part of an official's title ("Luhansk governor")."""
    return bool(words.TITLE_AFTER_RE.match(sentence, mention.end) or
                words.TITLE_BEFORE_RE.search(sentence, max(0, mention.start - 30), mention.start))


@lru_cache(maxsize=4096)
def _kind(name: str) -> str | None:
    """The gazetteer kind of a canonical place name (city, site, oblast, area, country)."""
    info = lookup(name)
    return info.kind if info else None


def _is_country(name: str) -> bool:
    return _kind(name) == "country"


def _is_city(mention: PlaceMention) -> bool:
    return _kind(mention.name) in _CITY_KINDS and not words.AREA_SURFACE_RE.search(mention.surface)


def _is_area(mention: PlaceMention) -> bool:
    kind = _kind(mention.name)
    if kind is None or kind == "country":
        return False
    return kind in ("oblast", "area") or bool(words.AREA_SURFACE_RE.search(mention.surface))


def _last_group(sentence: str, places: list[PlaceMention]) -> tuple[str, ...]:
    """The last run of two or more towns named in one list in `sentence` ("Kyiv and Chernihiv",
    "Bucha, Irpin and Hostomel")."""
    best: list[str] = []
    run: list[str] = []
    previous = None
    for p in places:
        if not _is_city(p):
            run, previous = [], None
            continue
        if previous is not None and words.LIST_GAP_RE.fullmatch(sentence, previous.end, p.start):
            run.append(p.name)
        else:
            run = [p.name]
        previous = p
        if len(run) >= 2:
            best = list(run)
    return tuple(dict.fromkeys(best))
