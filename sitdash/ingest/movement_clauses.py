"""Force movements in one sentence: who moved, from where, to where, how many, and how sure.

`read_sentence` reads a sentence clause by clause; movements.py threads a document's hits.
The words it looks for are all in movement_words.py (`words.X` below). For each movement verb
or noun (a trigger, words.TRIGGERS):
1. the verb group: the trigger must be a movement here (`_keep_trigger`: not "left three dead",
   "captured two tanks", "the goals of the operation to liberate X"); its clause starts at the
   last clause break before it (hedges and negation are read from there: `_hedged`, `_negated`);
2. its scope: the places after it up to the next trigger or clause break (`words.SCOPE_END_RE`:
   "but", "which", "that", "amid", ", pushing ...", ", located in ..."; a quoted fragment with
   no clause punctuation inside ends nothing: 'fell back "to better positions" near X'); verbs
   in one list share what follows the last of them (`_shared_complement`: "regroup, resupply
   and reinforce ... in the Donbas");
3. its ends (`_roles`): each place in scope takes a role by its preposition ("from"/"out of" ->
   origin, "to"/"toward"/"into"/"in the direction of" -> destination, "in"/"near" -> origin
   for pull-backs, destination otherwise); a place that only locates the one before ("X, Luhansk
   oblast", "X north of Y", "X in the Y region" or "area", "the Azovstal plant in Mariupol")
   takes none; "the besieged city", "the region", "the cities", "there" are places too
   (scene.py resolves them). When the scope names none: where the subject was ("troops
   surrounding X", "units located in the areas of X", "who had occupied the town":
   `_clause_locations`), the subject of a passive ("X and Y were liberated", "X, which ..., is
   completely under the control of ...": `_passive_subjects`), a relative clause's antecedent
   ("X, which they had retreated from"), a fronted "For X," or "From X,", a verbless tail ("most
   of them into Belarus"), the region in play for unnamed settlements taken. `_most_specific`
   then drops the whole theatre (Ukraine) and any area that only holds another end of the same
   role;
4. its mover (`_resolve_actor`): the nearest force before it in its clause ("Russian troops",
   "the enemy", a side's ministry that speaks of "its troops"); for a noun, a side adjective
   ("Russian withdrawals") or "of X"; the pushed side for "pushed the enemy away"; the other side
   for "liberated from Russian forces"; "they", "some of them", "the troops" or no subject at all
   refer to the force in play (`previous_actor`, and the hit is marked `referred`); "our units",
   "we" and "the enemy" are named by the side that speaks (Scene.voice; `_named`); "drove the
   enemy out of positions near X" is the drivers' advance into X;
5. enough evidence (`_enough_evidence`): weak verbs need a named place, nouns a place, "sent"
   a military object; then size (`_size`) and hedge.
Each hit also records how its clause is tied to the one before (`_link`: "and" for "... and they
are heading to Y", "to" for a purpose, "subject" for "the units that left X are moving into Y")
so that movements.py can complete one movement told in several clauses.

Deliberate choices: participles that modify a noun ("the forces deployed around Kiev") are not
movements of their own; a speaker ("Ukraine's air force said ...") is not the mover unless it
speaks of itself; failed, foiled, denied, stalled and merely planned movements are dropped.
Also here: `actor_in(sentence)` (the force a sentence names, for the scene), `actor_family`
(a coarse side: ru, ua, by, wagner) and `places_in_play(sentence)` (the places a sentence names
as places, not a side's name for itself, an official's post, a ship's or a force's name).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from sitdash.ingest import movement_words as words
from sitdash.ingest.places import find_places, in_a_name, lookup, oblasts_of
from sitdash.ingest.scene import Reference, Scene, in_title
from sitdash.model import PlaceMention


@dataclass(slots=True)
class MovementHit:
    """One movement found in a sentence; offsets are relative to that sentence."""

    actor: str
    origin: str | None
    destination: str | None
    kind: str  # one of model.MOVEMENT_KINDS
    size: str | None
    hedged: bool
    start: int
    end: int
    places: tuple[str, ...] = field(default=())  # every place named in its scope, kept or not
    # How the clause stands in its sentence and document (read by movements.py, which completes
    # and folds one document's movements):
    verb_at: int = -1  # where its verb starts: the hits of one verb share it
    link: str | None = None  # "and" ("... and they are heading to Y"), "to" ("... to regroup
    # in Y"): tied to the movement before it in the sentence
    referred: bool = False  # the mover is only referred to ("they", "the units") or unsaid
    motion_only: bool = False  # the verb says only that it moved ("heading", "moving")
    wide_origin: bool = False  # the origin names an area (an oblast, "the X region")
    wide_destination: bool = False
    elsewhere: bool = False  # sent "elsewhere", "to other fronts": from where the force was
    onward: bool = False  # a plain motion verb on from a place, going nowhere named ("moving
    # south of X"): its kind is what its side is doing (movements.py)
    moved_what: bool = False  # a motion verb that names what was moved ("moved two frigates to Y")
    more: bool = False  # more of a force in play ("one other ship was moved to Y")


@dataclass(slots=True)
class _Trigger:
    kind: str
    mode: str
    start: int
    end: int
    text: str


@dataclass(slots=True)
class _Actor:
    start: int
    end: int
    name: str
    strength: str  # mil | state | generic | pronoun
    we: bool = False  # "we": the mover only as the subject of the verb ("we are leaving X")


_LONGEST_SCAN = 1200  # characters: no real sentence is longer; run-ons are read in pieces
_PIECE_BREAK_RE = re.compile(r"[;,:]\s+|\s+(?:and|while|as|but)\s+")


def read_sentence(sentence: str, previous_actor: str | None = None,
                  scene: Scene | None = None, places: list | None = None) -> list[MovementHit]:
    """Every force movement stated or assessed in one sentence, clause by clause, before
    movements.py completes and folds them (one hit per verb and pair of ends). `scene` holds
    what earlier sentences put in play: "the city", "the region", "there" are read as the
    places it says (see scene.py); without one, only places named earlier in the sentence
    resolve them. `places`: the sentence's places_in_play, if already known.

    A run-on "sentence" longer than any real one (a list, a page without full stops) is read
    in clause-sized pieces, so the cost stays linear in its length."""
    scene = scene or Scene()
    if len(sentence) <= _LONGEST_SCAN:
        return _movements_in(sentence, previous_actor, scene, places)
    hits: list[MovementHit] = []
    for start, end in _pieces(sentence):
        for hit in _movements_in(sentence[start:end], previous_actor, scene):
            hit.start += start
            hit.end += start
            hits.append(hit)
    return hits


def _pieces(sentence: str) -> list[tuple[int, int]]:
    """(start, end) pieces of at most _LONGEST_SCAN characters, cut after clause breaks."""
    pieces, start = [], 0
    while len(sentence) - start > _LONGEST_SCAN:
        window_end = start + _LONGEST_SCAN
        cut = None
        for m in _PIECE_BREAK_RE.finditer(sentence, start + _LONGEST_SCAN // 2, window_end):
            cut = m.end()
        if cut is None:
            space = sentence.rfind(" ", start + 1, window_end)
            cut = space + 1 if space > start else window_end
        pieces.append((start, cut))
        start = cut
    pieces.append((start, len(sentence)))
    return pieces


def _movements_in(sentence: str, previous_actor: str | None, scene: Scene,
                  places: list | None = None) -> list[MovementHit]:
    if not words.SCREEN_RE.search(sentence.lower()):
        return []
    fragment_marks: set[int] = set()
    if '"' in sentence or "“" in sentence:
        sentence = words.SCARE_QUOTE_RE.sub(_unquote, sentence)  # same length: offsets still hold
        for m in words.QUOTED_FRAGMENT_RE.finditer(sentence):
            fragment_marks.update((m.start(), m.end() - 1))
    triggers = _triggers(sentence)
    if not triggers:
        return []
    places = places_in_play(sentence) if places is None else places
    references = scene.references(sentence, places)
    if references:
        places = sorted(places + references, key=lambda p: p.start)
    actors = _named(_actors(sentence), scene.voice)
    region = next((p for p in reversed(places) if isinstance(p, Reference) and
                   words.AREA_SURFACE_RE.search(p.surface)), None)
    if region is None and scene.regions:
        region = PlaceMention(scene.regions[0], len(sentence), len(sentence), "")
    clause_starts = [m.end() for m in words.CLAUSE_START_RE.finditer(sentence)]
    scope_ends = [m.start() for m in words.SCOPE_END_RE.finditer(sentence)
                  if m.start() not in fragment_marks]
    hits: list[MovementHit] = []
    previous: list[MovementHit] = []  # the hits of the last verb that had any
    for i, trig in enumerate(triggers):
        following = _shared_complement(sentence, triggers, i)
        next_start = following.start if following else len(sentence)
        shared = trig.kind not in words.PULLBACK and words.SHARED_OBJECT_VERB_RE.match(sentence,
                                                                                  trig.end)
        scope_end = min([next_start] + [e for e in scope_ends if e >= trig.end and not (
            shared and e < shared.end())])
        clause_start = max([0] + [s for s in clause_starts if s <= trig.start])
        found = _hits_for(sentence, trig, scope_end, clause_start, places, actors, previous_actor,
                          region, scene.voice)
        if found:
            link = _link(sentence, previous, trig)
            for hit in found:
                hit.link = link
            hits.extend(found)
            previous = found
    return hits


def _shared_complement(sentence: str, triggers: list, i: int):
    """The next verb that ends this verb's places, or None. Verbs in one list share what follows
    the last of them: in "regroup, resupply and reinforce its offensive in the Donbas" the
    Donbas is where the regrouping goes too. Not for a pull-back: in "withdrew and regrouped
    near Izium" Izium is where they regrouped, not where they left."""
    if triggers[i].kind in words.PULLBACK:
        return triggers[i + 1] if i + 1 < len(triggers) else None
    for following in triggers[i + 1:]:
        if not words.VERB_LIST_GAP_RE.fullmatch(sentence, triggers[i].end, following.start):
            return following
        i += 1
    return None


def _unquote(m: re.Match) -> str:
    """A scare-quoted term ('the “liberation” of the Donbas') with its marks blanked, so the
    marks do not end a movement's scope; longer quotations keep theirs."""
    inner = m.group(1)
    return f" {inner} " if len(inner.split()) <= 3 else m.group()


def actor_in(sentence: str, voice: str | None = None) -> str | None:
    """The military actor a sentence names ("Russian forces", "Wagner Group"), if any; "the
    enemy" and "our units" are named from the side of `voice` (Scene.voice)."""
    best = None
    for actor in _named(_actors(sentence), voice):
        if actor.strength == "mil":
            return actor.name
        if actor.strength == "state" and best is None:
            best = actor.name
    return best




def actor_family(actor: str) -> str:
    """A coarse side for an actor, used to merge retellings: ru, ua, by, wagner or the name."""
    low = actor.lower()
    if "wagner" in low:
        return "wagner"
    if "ukrain" in low:
        return "ua"
    if "belarus" in low:
        return "by"
    if any(w in low for w in words.RU_FAMILY_WORDS):
        return "ru"
    return low


# --- steps ------------------------------------------------------------------------------------
def _triggers(sentence: str) -> list[_Trigger]:
    """Trigger words, with participle modifiers, adjectives and idioms filtered out."""
    found = []
    for m in words.TRIGGER.finditer(sentence):
        kind, _, mode = words.TRIGGERS[int(m.lastgroup[1:])]
        trig = _Trigger(kind, mode, m.start(), m.end(), m.group().lower())
        if _keep_trigger(sentence, trig):
            found.append(trig)
    return found


def _keep_trigger(sentence: str, trig: _Trigger) -> bool:
    before, after = sentence[max(0, trig.start - 60):trig.start], sentence[trig.end:trig.end + 60]
    word = trig.text
    if trig.mode == "capture" and words.CAPTURED_THING_RE.match(after):
        return False  # "captured two Russian soldiers", "seized weapons": no ground taken
    if trig.mode == "capture" and words.ATTEMPT_BEFORE_RE.search(before):
        return False  # "its attempt to seize Kyiv", "trying to capture Bakhmut": not taken
    if trig.mode == "capture" and words.GOAL_BEFORE_NOUN_RE.search(before):
        return False  # "concentrate on the liberation of X", "the main goal: the capture of X"
    if word == "occupied" and words.RELATIVE_BEFORE_RE.search(before):
        return False  # "troops who had occupied X ... left": where the force was
    if word.startswith("success") and not words.SUCCESS_BEFORE_RE.search(before):
        return False  # "the success of the operation"
    if trig.mode == "capture" and words.INFINITIVE_BEFORE_RE.search(before) and \
            not words.DONE_INFINITIVE_RE.search(sentence, max(0, trig.start - 120), trig.start):
        return False  # "advancing in an attempt to take X", "the offensive to seize X": an aim
    if trig.mode == "evac" and words.EVAC_PEOPLE_RE.search(after[:50]):
        return False  # evacuating civilians is not a force movement
    if trig.mode in ("strong", "milobj", "weak") and word.endswith(("ed", "ing")):
        # "the forces deployed around Kiev", "the departing troops": a modifier, not a new movement
        if word.endswith("ed") and words.MODIFIER_PARTICIPLE_RE.search(before) \
                and not words.AUX_BEFORE_RE.search(before) \
                and not word.startswith(words.INTRANSITIVE) \
                and not _main_verb_of_opening_subject(sentence, trig):
            return False  # ("the occupiers retreated" can only be past tense: no participle)
    if word.startswith("depart") and re.match(rf"\s+{words.MIL_NOUN}", after, re.I):
        return False
    if trig.kind == "regroup" and words.PLOY_RE.search(before):
        return False
    if word == "left" and (words.LEFT_NOT_MOVE_RE.match(after) or
                           words.LEFT_ADJ_BEFORE_RE.search(before)):
        return False
    if word == "leave" and words.LEAVE_NOUN_RE.search(before):
        return False
    if word.startswith("abandon") and words.ABANDON_PLAN_RE.match(after):
        return False  # "abandoned its attempt to take Kyiv": a plan given up, not ground left
    if word.startswith(("abandon", "left", "leav")) and words.THINGS_LEFT_RE.match(after):
        return False  # "abandoning their dead", "left their equipment": things, not ground
    if " to " in sentence[max(0, trig.start - 100):trig.start] and \
            words.PLAN_BEFORE_RE.search(sentence, max(0, trig.start - 100), trig.start):
        return False  # "planned to create a buffer zone and push the defenders back": a plan
    if words.INTENT_BEFORE_RE.search(sentence, max(0, trig.start - 80), trig.start):
        return False  # "the goals of the operation to liberate X", "measures to transfer forces"
    if word.startswith(("mov", "relocat", "shift", "transfer", "sen", "dispatch")) and \
            words.INFINITIVE_AFTER_RE.match(after):
        return False
    if word.startswith(("mov", "relocat", "transfer", "sen")) and re.match(r"\s+it\b", after):
        return False  # "took grain and moved it to Crimea"
    if words.STATIC_BEFORE_RE.search(before):  # "remain stationed in Transnistria": presence
        return False
    if word.startswith(("deploy", "station")) and words.RELATIVE_AUX_BEFORE_RE.search(before) and \
            words.LOCATED_AFTER_RE.match(after):
        return False  # "those that were deployed around the capital": where they were
    if word.startswith("concentrat") and words.EFFORT_ON_RE.match(after):
        trig.kind, trig.mode = "redeploy", "effort"  # "regroup to concentrate on the Donbas"
    if word.startswith("advanc"):
        if re.search(r"\bin\s+$", before, re.I):  # "in advance"
            return False
        if not words.ADVANCE_NEXT_RE.match(after):  # "advanced weapons"
            return False
        if words.DETERMINER_BEFORE_RE.search(before):
            trig.mode = "nominal"
    if word.startswith(("redeployment", "deployment")) or (
            trig.mode in ("strong", "milobj") and not word.endswith(("ed", "ing", "en")) and
            words.DETERMINER_BEFORE_RE.search(before)):
        trig.mode = "nominal"  # "the retreat", "a transfer", "its redeployment": a noun
    if _is_noun(trig) and (words.OPPOSED_BEFORE_RE.search(before) or
                           words.PROSPECT_BEFORE_NOUN_RE.search(before)):
        # "to slow the Ukrainian advance", "fended off the push on X", "clear the way for
        # further advances", "calls for the withdrawal of troops": opposed or only in prospect
        return False
    if words.FAILED_BEFORE_NOUN_RE.search(before):
        return False  # "abandoned its stalled push on X", "the failed offensive": no ground
    if trig.mode == "vehicle":
        if words.CIVILIAN_RE.search(before[-40:]) or words.CIVILIAN_RE.search(after[:40]):
            return False
        if word.startswith("column") and not (words.COLUMN_MILITARY_RE.search(before[-25:]) or
                                              words.COLUMN_MILITARY_RE.search(after[:30])):
            return False
    return True


def _is_noun(trig: _Trigger) -> bool:
    """Whether a trigger names the movement as a noun ("the advance", "the capture of X")."""
    return trig.mode in ("nominal", "effort") or (
        trig.mode == "capture" and words.CAPTURE_NOUN_RE.match(trig.text) is not None)


def _main_verb_of_opening_subject(sentence: str, trig: _Trigger) -> bool:
    """ "The Russian army entered Kherson on March 1": the sentence opens with the subject and no
    finite verb follows, so the -ed form is the main verb ("The forces deployed there are ...")."""
    if words.SUBJECT_OPENING_RE.match(sentence[:trig.start]) is None:
        return False
    rest = words.CLAUSE_REST_RE.match(sentence, trig.end).group()
    return words.FINITE_RE.search(rest) is None


def places_in_play(sentence: str, mentions: list | None = None,
                   names: frozenset[str] = frozenset()) -> list:
    """The places a sentence names as places: not a side's name for itself ("Kyiv's forces",
    "what Moscow calls", "Russia has admitted"), not an official's post ("Luhansk governor"),
    not a force's name ("the Izium-Balakliia group of troops", "the cruiser Moskva").
    `mentions`: the sentence's find_places, if already known. A settlement named by its kind
    that the gazetteer does not know ("the village of Lastochkyne") is a place too, and so are
    later bare mentions of such `names` (Scene.names: those an earlier sentence named so)."""
    out = []
    mentions = find_places(sentence) if mentions is None else mentions
    if names or words.TYPED_NAME_QUICK_RE.search(sentence):
        mentions = _with_typed_names(sentence, mentions, names)
    for p in mentions:
        if words.POSSESSIVE_ACTOR_RE.match(sentence, p.end) or in_title(sentence, p) or \
                _political_subject(sentence, p) or in_a_name(sentence, p):
            continue  # (in_a_name: a unit's, ship's or person's name, as for a claim's places)
        out.append(p)
    return out


def _political_subject(sentence: str, place) -> bool:
    """A capital or country that says, admits or tries something ("Moscow has admitted", "the
    city Russia has been trying to take"): the state, not the place."""
    return place.name in words.POLITICAL_NAMES and \
        bool(words.CAPITAL_SPEAKS_RE.match(sentence, place.end)) and \
        not words.PLACE_PREP_BEFORE_RE.search(sentence, max(0, place.start - 16), place.start)


def _with_typed_names(sentence: str, mentions: list, names: frozenset[str]) -> list:
    """The mentions, with any settlement named by its kind that the gazetteer does not know
    ("the village of Lastochkyne") and any of `names` named bare: places in the sentence all
    the same, under the name given."""
    found = [m.span("name") for m in words.TYPED_NAME_RE.finditer(sentence)
             if not words.NOT_A_NAME_RE.match(m.group("name"))]
    for name in names:
        found += [m.span() for m in re.finditer(rf"\b{re.escape(name)}\b", sentence)]
    extra = []
    for start, end in sorted(set(found)):
        if any(p.start < end and start < p.end for p in mentions + extra):
            continue
        extra.append(PlaceMention(sentence[start:end], start, end, sentence[start:end]))
    return sorted(mentions + extra, key=lambda p: p.start) if extra else mentions


@lru_cache(maxsize=64)
def _actors(sentence: str) -> tuple[_Actor, ...]:
    """Military actors named in a sentence, in order (cached: the pipeline asks twice)."""
    actors = []
    for m in words.ACTOR.finditer(sentence):
        group, text = m.lastgroup, m.group()
        if group in words.ACTOR_GROUP_NAMES:  # "the occupiers", "Russia's defence ministry"
            name, strength = words.ACTOR_GROUP_NAMES[group]
        elif group in ("vdv", "unit"):  # the unit as named: "1st Guards Tank Army"
            name, strength = " ".join(text.split()), "mil"
        elif group in ("ru", "ua", "by"):
            name, strength = _side_name(group, m), "mil"
        elif group == "other":
            name, strength = _other_name(text), "mil"
        elif group == "vehicle":
            if words.CIVILIAN_RE.search(sentence, max(0, m.start() - 30), m.end() + 30):
                continue
            name, strength = f"military {'convoy' if 'convoy' in text.lower() else 'column'}", "mil"
        else:  # generic ("the troops") and pronoun ("they"): resolved later
            name, strength = text, group
        actors.append(_Actor(m.start(), m.end(), name, strength))
    return tuple(actors)


def _named(actors: tuple[_Actor, ...], voice: str) -> list[_Actor]:
    """The actors with "the enemy" and "our units"/"we" named from the side that speaks."""
    if not any(a.name in (words.ENEMY, words.OWN) for a in actors):
        return list(actors)
    out = []
    for a in actors:
        we = a.name == words.OWN and a.end - a.start == 2
        if a.name == words.OWN and voice is None:
            # neutral copy quoting someone of no known side: "we" names no force; "our units"
            # are read as the force in play, though not as a mere reference back to it
            if we:
                continue
            a = _Actor(a.start, a.end, words.OWN, "generic")
        elif a.name == words.OWN:
            a = _Actor(a.start, a.end, "Wagner Group" if voice == "wagner" else
                       words.SIDE_FORCES[voice], a.strength, we)
        elif a.name == words.ENEMY:
            a = _Actor(a.start, a.end, words.OPPOSITE_SIDE.get(voice, "Russian forces"),
                       a.strength)
        out.append(a)
    return out


def _other_name(text: str) -> str:
    first = text.split()[0]
    side = {"U.S.": "US", "American": "US"}.get(first, first)
    return f"{side} forces"


def _side_name(group: str, m: re.Match) -> str:
    side = {"ru": "Russian", "ua": "Ukrainian", "by": "Belarusian"}[group]
    noun = (m.group("run") if group == "ru" else m.group("uan") if group == "ua" else "") or ""
    noun = noun.lower()
    if noun.startswith(("convoy", "column")):
        return f"{side} military {noun.rstrip('s')}"
    if noun in words.TROOPS_NOUNS:
        return f"{side} troops"
    return f"{side} forces"


def _hits_for(sentence, trig, scope_end, clause_start, places, actors, previous_actor,
              region=None, voice=None):
    """The movement(s) of one trigger: one hit per origin/destination pairing. `region` is the
    region in play: where unnamed settlements taken lie; `voice` the side that speaks."""
    if _negated(sentence, trig, clause_start):
        return []
    in_scope = [p for p in places if trig.end <= p.start and p.end <= scope_end
                and not (words.BORDER_WITH_RE.search(sentence, max(0, p.start - 30), p.start)
                         and not (trig.kind in words.PULLBACK and _is_country(p.name) and
                                  _directional_prep(sentence[trig.end:p.start]) in
                                  words.TO_PREPS))]  # "back towards the border with Belarus"
    if trig.mode == "vehicle":  # a convoy's places are its own "from X to Y", close by
        in_scope = [p for p in in_scope if p.start - trig.end <= 80 and
                    _last_prep(sentence[trig.end:p.start]) in words.FROM_PREPS | words.TO_PREPS]
    origins, destinations = _roles(sentence, trig, in_scope)
    taken = trig.mode == "capture" and trig.text.endswith(("ed", "en", "un")) and \
        words.PASSIVE_AUX_RE.search(sentence, max(0, trig.start - 25), trig.start) is not None
    if trig.mode == "capture" and words.BY_AFTER_RE.match(sentence, trig.end):
        # "Snake Island, the Black Sea outpost seized by Russia": what was taken comes before
        destinations = [p for p in places if p.end <= trig.start
                        and trig.start - p.end <= 50][-1:]
    if trig.mode == "capture" and not words.PROGRESS_RE.search(trig.text):
        # "seized ..., taking guards with them toward Belarus" (but "made progress towards X")
        destinations = [p for p in destinations if _directional_prep(
            sentence[max(trig.end, p.start - 30):p.start]) not in words.TO_PREPS | words.FROM_PREPS
            and not words.ROUTE_RE.search(sentence, trig.end, p.start)]  # "the highway linking X"
    if taken or trig.mode == "fallen":  # "X and Y were liberated", "X fell to Russian forces"
        destinations = _passive_subjects(sentence, trig, clause_start, places)
        taken = True
    if not destinations and trig.kind == "advance" and _is_noun(trig):
        # "Avdiivka's recent fall", "the Kursk incursion": the place the noun is said of
        destinations = _possessor(sentence, trig, places)
    if trig.mode != "vehicle" and not origins and destinations and \
            trig.kind in ("regroup", "redeploy", "reposition"):
        # "the units stationed near X were regrouped to Y": where they were is the origin
        located = _clause_locations(sentence, trig, clause_start, places)
        if located and words.SUBJECT_GAP_RE.fullmatch(sentence, located[-1].end, trig.start):
            origins = [p for p in located if p.name not in {d.name for d in destinations}]
    if trig.mode != "vehicle" and not (origins if trig.kind in words.PULLBACK else destinations):
        located = _clause_locations(sentence, trig, clause_start, places)
        if trig.kind in words.PULLBACK:
            # "liberated villages in the Kherson region and pushed the enemy back towards Kherson"
            origins = [p for p in located if p.name not in {d.name for d in destinations}]
            if not origins and not destinations:
                origins = _origin_before_after_which(sentence, clause_start, places)
        else:
            destinations = located
    if not origins and not destinations and trig.mode != "vehicle":
        antecedent = _which_antecedent(sentence, trig, places)
        if antecedent is not None:
            (origins if trig.kind in words.PULLBACK else destinations).append(antecedent)
    if not origins and not destinations and trig.mode != "vehicle":
        # "Russian troops, who had occupied the town for a month, left", "were storming the city
        # and had reached its outskirts": the town the sentence spoke of before the verb
        town = [p for p in places
                if p.end <= trig.start and words.TOWN_REFERENCE_RE.match(p.surface)]
        (origins if trig.kind in words.PULLBACK else destinations).extend(town[-1:])
    if not destinations and trig.text.endswith(" in") and trig.kind == "advance":
        # "after Russian forces left Kherson, Ukrainian troops moved in": the place just named
        destinations = [p for p in places if p.end <= trig.start and not _is_country(p.name)][-1:]
    if not destinations and trig.kind in words.PULLBACK:
        # 'had left, "most of them into Belarus."': where the rest of the sentence says they went
        rest = words.ELLIPTIC_DESTINATION_RE.match(sentence, scope_end)
        destinations = [p for p in places if rest and p.start == rest.end()]
    if not destinations and trig.kind in ("deploy", "redeploy", "advance") and \
            trig.mode not in ("vehicle", "capture"):
        # "For Donbas, Russia has deployed about 1,000 contractors": a fronted destination
        fronted = words.OPENING_FOR_RE.match(sentence, 0, trig.start)
        destinations = [p for p in places if fronted and fronted.start(1) <= p.start
                        and p.end <= fronted.end(1)][:1]
    if not origins and trig.kind not in words.PULLBACK and trig.mode != "vehicle":
        origins = [p for p in places if p.end <= trig.start and words.FROM_BEFORE_RE.search(
            sentence, max(0, p.start - 12), p.start) and (words.AREA_AFTER_RE.fullmatch(
                sentence, p.end, trig.start)
                or words.OPENING_FROM_RE.match(sentence[:trig.start]))][-1:]
    if not destinations and region is not None and trig.kind == "advance" and (
            trig.mode in ("capture", "weak") and words.UNNAMED_GROUND_RE.match(sentence, trig.end)
            or trig.text.startswith("incursion")):
        # "entering and securing settlements the Russians held", "since the incursion began":
        # in the region in play
        destinations = [region]
    named = tuple(dict.fromkeys(p.name for p in origins + destinations
                                if trig.mode != "nominal" or p.name not in words.WHOLE_THEATRE))
    actor, strength, actor_start, referred = _resolve_actor(
        sentence, trig, scope_end, clause_start, actors, previous_actor, origins,
        taken or bool(words.TAKING_NOUN_RE.search(trig.text)), voice)
    scoped = tuple(p.name for p in in_scope if p.name not in words.WHOLE_THEATRE and
                   _last_prep(sentence[trig.end:p.start]) is not None) \
        if trig.mode == "nominal" else ()  # "an influx of troops between X and Y"
    # the whole theatre is no evidence of an end ("shifted its aggression to eastern Ukraine"
    # says where the war goes, not where a force moved)
    ends = tuple(name for name in named if name not in words.WHOLE_THEATRE)
    if not (taken and destinations) and not _enough_evidence(sentence, trig, scope_end, ends,
                                                             strength, scoped):
        return []
    size, size_end = _size(sentence, trig, clause_start, scope_end, places)
    hedged = _hedged(sentence, trig, clause_start, scope_end)
    kind = trig.kind
    moved_what = False
    if trig.mode == "pushback" and origins and not destinations and \
            words.REMOVAL_RE.search(trig.text) and \
            words.OUT_OF_POSITIONS_RE.search(sentence, trig.start, origins[0].start):
        # "drove the Russians out of positions near X": the pushers took the positions (pushed
        # back from positions, the pushed side retreats)
        kind, destinations, origins = "advance", origins, []
        actor, strength, actor_start, referred = _resolve_actor(
            sentence, _Trigger("advance", "strong", trig.start, trig.end, trig.text), scope_end,
            clause_start, actors, previous_actor, [])
    if kind in ("reposition", "advance") and trig.text.startswith("mov") and \
            _moves_forces(sentence, trig, destinations):
        # "moved 11 battalion tactical groups into the east": forces sent somewhere, not a march
        kind = "redeploy" if origins else "deploy"
        moved_what = True
    elif kind == "reposition" and destinations and \
            words.TOWARD_RE.search(sentence, trig.end, destinations[0].start):
        kind = "advance"  # "moving from Izium toward Sloviansk"
    origins, destinations = _other_end_of_reference(origins, destinations)
    used_end = max([trig.end, size_end] + [p.end for p in origins + destinations])
    start = min(trig.start, actor_start) if actor_start is not None else trig.start
    motion_only = trig.text.startswith(words.MOTION_ONLY_STEMS) and trig.mode != "vehicle" and \
        kind == trig.kind
    return [
        MovementHit(actor, o and o.name, d and d.name, kind, size, hedged, start, used_end, named,
                    verb_at=trig.start, referred=referred, motion_only=motion_only,
                    wide_origin=o is not None and _names_area(o),
                    wide_destination=d is not None and _names_area(d),
                    elsewhere=bool(words.ELSEWHERE_RE.search(sentence, trig.end, scope_end)),
                    more=bool(words.MORE_OF_RE.search(sentence, clause_start, trig.start)),
                    onward=motion_only and d is None and o is not None and
                    trig.text.startswith(words.ONWARD_STEMS) and
                    words.COMPASS_PREP_RE.match(_directional_prep(sentence[trig.end:o.start]) or
                                                ""), moved_what=moved_what)
        for o in _most_specific(origins) or [None] for d in _most_specific(destinations) or [None]
        if o is None or d is None or o.name != d.name
    ]


def _is_country(name: str) -> bool:
    info = lookup(name)
    return info is not None and info.kind == "country"


def _names_area(mention) -> bool:
    """Whether a mention names an area rather than a town ("the Kharkiv region", Donbas)."""
    info = lookup(mention.name)
    return info is not None and (info.kind in ("oblast", "area", "country")
                                 or bool(words.AREA_SURFACE_RE.search(mention.surface)))


def _passive_subjects(sentence, trig, clause_start, places) -> list:
    """The places a passive verb is said of: "Irpin, Bucha and Hostomel were liberated", "the
    towns of Bucha and Ivankiv had been retaken", "officials said the town of X had fallen"
    (the list just before the verb, after any speech verb; "the village of X in the Y region
    has been liberated": the area only locates X)."""
    speech = [m.end() for m in words.SPEECH_RE.finditer(sentence, 0, trig.start)]
    before = [p for p in places if max([0] + speech) <= p.start and p.end <= trig.start]
    if not before:
        return []
    area = words.AREA_AFTER_NAME_RE.match(sentence, before[-1].end)
    gap = words.SUBJECT_GAP_RE.fullmatch(sentence, area.end() if area else before[-1].end,
                                         trig.start)
    if gap is None or before[-1].start < clause_start and not gap.group("relative"):
        # (a clause break inside a relative clause between the subject and its verb is no
        # break of the subject's clause: "X, which held out after months of siege, is now ...")
        return []
    if len(before) > 1 and words.IN_AREA_GAP_RE.fullmatch(sentence, before[-2].end,
                                                          before[-1].start) and \
            _locates(sentence, before[-2], before[-1]):
        before.pop()
    run = [before[-1]]
    for p in reversed(before[:-1]):
        gap = sentence[p.end:run[0].start]
        if words.CLAUSE_START_RE.search(sentence, p.end, run[0].start):
            break  # "the group near X is encircled. The villages of Y and Z have been ..."
        if p.start == run[0].start or words.LIST_GAP_RE.fullmatch(gap):
            run.insert(0, p)
        elif words.APPOSITION_GAP_RE.match(gap) or words.TYPED_OF_BEFORE_RE.search(gap):
            run.insert(0, p)  # "the Kyiv region towns of Bucha": containment keeps the towns
            break
        else:
            break
    return run


def _possessor(sentence, trig, places) -> list:
    """The place just before a movement noun that names what it is of ("Avdiivka's fall", "the
    Kursk incursion"); not a country, which names a side ("Ukraine's incursion")."""
    before = [p for p in places if p.end <= trig.start and trig.start - p.end <= 30]
    if before and not _is_country(before[-1].name) and not (
            before[-1].name in words.CAPITALS and words.POSSESSIVE_RE.match(sentence, before[-1].end)) and \
            words.POSSESSOR_GAP_RE.fullmatch(sentence, before[-1].end, trig.start):
        return before[-1:]
    return []


def _moves_forces(sentence: str, trig: _Trigger, destinations: list) -> bool:
    """Whether a "moved" has forces as its object before the first destination."""
    end = destinations[0].start if destinations else min(len(sentence), trig.end + 80)
    obj = sentence[trig.end:end]
    first_prep = words.OBJECT_END_RE.search(obj)
    obj = obj[: first_prep.start()] if first_prep else obj
    # (a list of what was moved may be long: "the A and B frigates, three submarines, five
    # landing ships and several small missile ships")
    return bool(obj.strip()) and bool(words.MIL_NOUN_RE.search(obj))


def _negated(sentence: str, trig: _Trigger, clause_start: int) -> bool:
    if words.AFTER_NEGATION_RE.search(sentence, trig.end):
        return True
    failed = words.FAILED_AFTER_RE.search(sentence, trig.end, min(len(sentence), trig.end + 100))
    if failed is None and words.TRYING_BEFORE_RE.search(sentence, max(0, trig.start - 30),
                                                        trig.start):
        # "trying to advance from Polohy towards Huliaipole, but our defenders are holding"
        failed = words.BUT_AFTER_RE.search(sentence, trig.end, min(len(sentence), trig.end + 90))
    if failed is None and trig.mode == "nominal":  # "the advance towards Bakhmut has stalled"
        failed = words.STALLED_AFTER_RE.search(sentence, trig.end,
                                               min(len(sentence), trig.end + 60))
    if failed and ";" not in sentence[trig.end:failed.start()]:
        return True  # "tried to advance towards Bakhmut, but without success"
    before = sentence[clause_start:trig.start]
    if words.FOILED_ATTEMPT_RE.search(before):
        return True  # "repelled an attempt by Ukrainian troops to advance near Snihurivka"
    near = " ".join(before[-80:].split()[-4:])
    if words.NEAR_NEGATION_RE.search(near) and "not clear" not in near.lower():
        return True
    return bool(words.CLAUSE_NEGATION_RE.search(before))


def _roles(sentence: str, trig: _Trigger, in_scope: list) -> tuple[list, list]:
    """Origins and destinations among the places after a trigger, by their preposition."""
    origins, destinations = [], []
    anchor = trig.end
    previous = None
    for i, place in enumerate(in_scope):
        gap = sentence[anchor:place.start]
        if _is_possessive_only(sentence, place, in_scope[i + 1:]):
            continue  # "Ukraine's State Emergency Service", not a place the force moved
        if previous is not None and (words.DESCRIBING_GAP_RE.match(gap) or
                                     words.LOCATING_GAP_RE.match(gap) or
                                     words.NEAR_GAP_RE.match(gap) and not _names_area(previous)):
            # "Izium, a town south-east of Kharkiv", "Prudianka north of Kharkiv", "liberated
            # Andriivka near Bakhmut": where the place before lies
            anchor = place.end
            continue
        if words.DISTANCE_GAP_RE.search(gap):
            anchor = place.end  # "about 5 km from Pokrovsk": how far, no end
            continue
        prep = _directional_prep(gap)
        if previous is not None and words.IN_AREA_GAP_RE.fullmatch(gap) and \
                _locates(sentence, previous, place):
            anchor = place.end
            continue
        if previous is not None and (place.start == previous.start or (  # "the cities"
                words.APPOSITION_GAP_RE.match(gap) and  # "Ukraine's capital Kiev", "Izium, Kharkiv"
                (_area_holds(previous, place) or _area_holds(place, previous)))):
            # the same role as the place before (_most_specific keeps the narrower)
            role = "from" if previous in origins else "to" if previous in destinations else None
        elif prep is None and place.surface.lower() == "there":
            role = "to"  # "sent more troops there"
        elif trig.kind in words.PULLBACK and words.NOW_IN_GAP_RE.search(gap):
            role = "to"  # "were pulled back from around Kyiv and are now in Belarus"
        elif trig.kind != "advance" and words.LOCATED_GAP_RE.search(gap):
            role = "from"  # "regroup troops located in the areas of X": where they were
        elif prep is None and previous is not None and _coordinated(sentence, gap, place):
            role = "from" if previous in origins else "to" if previous in destinations else None
        elif prep is None and trig.mode in ("nominal", "effort"):
            role = None  # "the incursion has forced Moscow to ...": a noun's ends take a preposition
        else:
            role = _role(trig.kind, prep, first=previous is None)
        if role == "from":
            origins.append(place)
        elif role == "to":
            destinations.append(place)
        previous, anchor = place, place.end
    return _unique_places(origins), _unique_places(destinations)


def _locates(sentence, inner, outer) -> bool:
    """ "Trostianets in the Sumy region", "Feodosia in eastern Crimea", "X in the Donetsk
    People's Republic", "X in the Donetsk area", "the Azovstal plant in Mariupol": the area or
    the town only says where the first place lies."""
    if not (_names_area(outer) or words.AREA_AFTER_NAME_RE.match(sentence, outer.end)):
        return _site_in_town(inner, outer)
    return inner.name != outer.name


def _site_in_town(inner, outer) -> bool:
    """A site (a plant, an airfield, a bridge) named with the town it lies in."""
    site, town = lookup(inner.name), lookup(outer.name)
    return site is not None and town is not None and site.kind == "site" and \
        town.kind == "city" and abs(site.lat - town.lat) + abs(site.lon - town.lon) < 0.3


def _is_possessive_only(sentence: str, place, later: list) -> bool:
    """A possessive place ("Ukraine's ...") that is not followed by a place it contains or a part
    of itself ("Vovchansk's northern districts")."""
    if not words.POSSESSIVE_RE.match(sentence, place.end) or \
            words.PART_OF_TOWN_AFTER_RE.match(sentence, place.end):
        return False
    return not (later and words.APPOSITION_GAP_RE.match(sentence[place.end:later[0].start]))


def _coordinated(sentence: str, gap: str, place) -> bool:
    """"Bakhmut and Avdiivka", "Kyiv, Chernihiv and Sumy" (a bare comma only inside a list)."""
    if words.COORDINATION_RE.fullmatch(gap):
        return True
    return bool(words.LIST_COMMA_RE.fullmatch(gap) and
                words.LIST_GOES_ON_RE.match(sentence, place.end))


def _last_prep(gap: str) -> str | None:
    """The last preposition in a gap, "of" only when nothing else is there."""
    preps = [" ".join(m.group().lower().split()) for m in words.PREP_RE.finditer(gap)]
    meaningful = [p for p in preps if p != "of"]
    if meaningful:
        return meaningful[-1]
    return "of" if preps else None


def _directional_prep(gap: str) -> str | None:
    """The last "from"/"to"-type preposition in a gap, else its last preposition: "to positions
    near X" is a destination, "from positions near X" an origin."""
    preps = [" ".join(m.group().lower().split()) for m in words.PREP_RE.finditer(gap)]
    directional = [p for p in preps if p in words.FROM_PREPS or p in words.TO_PREPS]
    if directional and preps[-1] in words.LOCATING_PREPS:
        return directional[-1]
    return _last_prep(gap)


def _role(kind: str, prep: str | None, first: bool) -> str | None:
    if prep in words.FROM_PREPS:
        return "from"
    if prep in words.TO_PREPS or (prep == "on" and kind == "advance"):
        return "to"
    if prep in words.VIA_PREPS:
        return None
    if prep is None and not first:
        return None
    return "from" if kind in words.PULLBACK else "to"


def _other_end_of_reference(origins: list, destinations: list) -> tuple[list, list]:
    """A reference never stands for the other end of its own movement: in "left Svatove in
    the direction of the city" the city is the next one the scene offers."""
    def fix(role: list, other: list) -> list:
        named = {p.name for p in other if not isinstance(p, Reference)}
        out = []
        for p in role:
            if isinstance(p, Reference) and p.name in named:
                name = next((n for n in p.others if n not in named), None)
                if name is None:
                    continue
                p = Reference(name, p.start, p.end, p.surface)
            out.append(p)
        return out

    return fix(origins, destinations), fix(destinations, origins)


def _most_specific(mentions: list) -> list:
    """The places of one role without the whole theatre ("Ukraine") and without any place that
    only contains another of them: "from Sievierodonetsk, Luhansk oblast" and "from the Sumy
    region in northeastern Ukraine" each name one origin."""
    kept = [m for m in mentions if m.name not in words.WHOLE_THEATRE]
    if len(kept) < 2:
        return kept
    return [m for m in kept if not any(o is not m and _area_holds(m, o) for o in kept)]


def _area_holds(outer, inner) -> bool:
    """Whether mention `outer` names an area (a country, an oblast, "the X region") that holds
    the place `inner` names."""
    oi, ii = lookup(outer.name), lookup(inner.name)
    if oi is None or ii is None or oi.name == ii.name:
        return False
    if oi.kind == "country":
        return ii.kind != "country" and ii.country == oi.country
    if oi.kind == "area":
        return ii.oblast in oblasts_of(oi.name)
    oblast = oi.oblast if oi.kind == "oblast" or words.AREA_SURFACE_RE.search(outer.surface) \
        else None
    return oblast is not None and ii.oblast == oblast and not (
        ii.kind == "oblast" or words.AREA_SURFACE_RE.search(inner.surface))


def _unique_places(items: list) -> list:
    seen, out = set(), []
    for p in items:
        if p.name not in seen:
            seen.add(p.name)
            out.append(p)
    return out


def _clause_locations(sentence, trig, clause_start, places) -> list:
    """Places located earlier in the clause: "Russian troops around Kyiv have withdrawn" (origin),
    "In the Kupiansk direction, the enemy is regrouping" (where)."""
    out = []
    speech = [m.end() for m in words.SPEECH_RE.finditer(sentence, clause_start, trig.start)]
    start = max([clause_start] + speech)  # not "the ministry in Moscow said ..."
    previous_end = 0
    for p in places:
        if start <= p.start and p.end <= trig.start and p.name not in words.WHOLE_THEATRE:
            # the preposition of this place, not of the one before it
            prep = _last_prep(sentence[max(clause_start, p.start - 25, previous_end):p.start])
            listed = out and out[-1].end == previous_end and \
                words.LIST_GAP_RE.fullmatch(sentence, previous_end, p.start)  # "in X and Y"
            if listed or prep in words.LOCATING_PREPS or \
                    words.HOLDING_BEFORE_RE.search(sentence, max(clause_start, p.start - 40),
                                                   p.start):
                out.append(p)
        previous_end = p.end
    return out


def _which_antecedent(sentence, trig, places):
    """ "the Chernobyl plant, which they seized", "Kherson, which Ukrainian forces have been
    advancing on": the place a relative clause is about (not a country that only locates it)."""
    for p in reversed(places):
        if p.end <= trig.start and not _is_country(p.name) and \
                words.WHICH_GAP_RE.fullmatch(sentence, p.end, trig.start):
            return p
    return None


def _origin_before_after_which(sentence, clause_start, places) -> list:
    """ "repelled an assault near Vrubivka, after which the enemy retreated": where it was."""
    if not words.AFTER_WHICH_RE.search(sentence, max(0, clause_start - 20), clause_start):
        return []
    near = [p for p in places if p.end <= clause_start and clause_start - p.end <= 40 and
            _last_prep(sentence[max(0, p.start - 12):p.start]) in ("near", "around", "at", "in")]
    return near[-1:]


def _resolve_actor(sentence, trig, scope_end, clause_start, actors, previous_actor, origins,
                   taking_told_of_place=False, voice=None):
    """(actor name, strength, start in sentence or None, whether only the context names it:
    "they", "the units" or no subject at all, read as the force in play).
    `taking_told_of_place`: a taking told as a passive or a noun ("X was liberated", "the
    liberation of X"), whose taker is its agent ("by Y"), else a force of its own clause, else
    the side that says so (for a liberation: the word of the side that took it), else the force
    in play; never a force named in an earlier clause (the one surrounded, or pushed back)."""
    if trig.mode == "vehicle":
        return _vehicle_actor(sentence, trig, origins), "mil", None, False
    chosen = None
    if taking_told_of_place:
        agent = next((a for a in actors if a.start >= trig.end and a.strength in ("mil", "state")
                      and words.BY_AGENT_GAP_RE.fullmatch(sentence, trig.end, a.start)), None)
        if agent is not None:
            return agent.name, agent.strength, None, False
    before = [a for a in actors if a.end <= trig.start
              and not words.OBJECT_PREPS_RE.search(sentence, max(0, a.start - 12), a.start)
              and (trig.mode == "pushback" or not words.OBJECT_FORCE_RE.search(
                  sentence, max(0, a.start - 40), a.start))
              and not _is_speaker(sentence, a)
              and not (a.we and not words.SUBJECT_GAP_RE.fullmatch(sentence, a.end, trig.start))]
    in_clause = [a for a in before if a.start >= clause_start]
    if trig.mode == "pushback":  # the pushed-back object is the one moving
        inside = [a for a in actors if trig.start < a.start and a.end <= trig.end]
        chosen = inside[0] if inside else None
        if chosen is None and words.THEM_RE.search(trig.text):
            pusher = (in_clause or before or [None])[-1]
            opposite = words.OPPOSITE_SIDE.get(actor_family(pusher.name)) if pusher else None
            if opposite:
                return opposite, "pronoun", None, False
    elif trig.mode in ("nominal", "effort", "evac"):
        side = words.SIDE_BEFORE_NOUN_RE.search(sentence, max(0, trig.start - 40), trig.start)
        if side:  # "limited Russian withdrawals", "Ukraine's advance"
            return words.SIDE_FORCES[_side_of(side.group("side"))], "mil", side.start(), False
        after = [a for a in actors if trig.end <= a.start < scope_end
                 and words.OF_BY_RE.fullmatch(sentence, trig.end, a.start)
                 and (a.strength in ("mil", "state") or words.OF_OWN_RE.match(sentence, trig.end))]
        adjacent = [a for a in before if trig.start - a.end <= 1]
        # a force of another clause is no mover of the noun: "the incursion" after other news
        # is the one in play
        fallback = (in_clause or [None])[-1]
        chosen = adjacent[-1] if adjacent else after[0] if after else fallback
        if chosen is not None and chosen.strength == "generic" and words.OF_OWN_RE.match(
                sentence, trig.end):  # "announced the transfer of its troops": the speaker's
            own = [a for a in actors if a.end <= trig.start and a.strength in ("mil", "state")]
            if own:
                return own[-1].name, own[-1].strength, None, False
    else:
        freed = words.FREED_FROM_RE.match(sentence, trig.end) if trig.mode == "capture" else None
        if freed:  # "liberated from Russian forces": the other side took it
            side = "ru" if freed.group("ru") else "ua"
            return words.OPPOSITE_SIDE[side], "mil", None, False
        held = words.SIDE_CONTROL_AFTER_RE.match(sentence, trig.end) \
            if trig.mode == "fallen" else None
        if held:  # "X came under Ukrainian control"
            return words.SIDE_FORCES[_side_of(held.group("side"))], "mil", None, False
        chosen = (in_clause or ([] if taking_told_of_place else before) or [None])[-1]
        if chosen is None:
            after = [a for a in actors if trig.end <= a.start < scope_end and (
                a.strength == "mil" or (trig.mode == "strong" and a.strength == "generic"
                                        and not sentence[trig.end:a.start].strip()))]
            chosen = after[0] if after else None  # "see them reposition forces into the east"
    # "The Russian defence ministry announced the transfer of the group ...": with no mover
    # named, a side's ministry or state that announces it speaks of its own forces
    # (or, with none before the verb, the ministry that says so after it: "units of the
    # Battlegroup Centre liberated X, the Russian Defence Ministry said")
    speaker = next((a for a in reversed(actors) if a.end <= trig.start and
                    a.strength in ("mil", "state") and _is_speaker(sentence, a)), None) or \
        next((a for a in actors if a.start >= trig.end and a.strength == "state" and
              _is_speaker(sentence, a)), None)
    if chosen is None:
        if speaker is not None:
            return speaker.name, None, None, False
        if taking_told_of_place and trig.text.startswith("liberat") and voice in words.SIDE_FORCES:
            return words.SIDE_FORCES[voice], None, None, False
        return previous_actor or "unknown", None, None, True
    if chosen.strength in ("generic", "pronoun"):
        explicit = [a for a in before if a.strength in ("mil", "state") and a.end <= chosen.start]
        if explicit:
            return explicit[-1].name, chosen.strength, chosen.start, False
        if speaker is not None and chosen.strength == "generic":
            return speaker.name, chosen.strength, chosen.start, False
        fallback = words.VESSELS if chosen.name == words.VESSELS else "unknown"
        return previous_actor or fallback, chosen.strength, chosen.start, chosen.name != words.OWN
    # ("we", named by who speaks, still only refers to a force the document has in play)
    return (chosen.name, chosen.strength, chosen.start if chosen.end <= trig.start else None,
            chosen.we)


def _side_of(word: str) -> str:
    low = word.lower()
    return "ua" if low.startswith(("ukrain", "kyiv", "kiev")) else \
        "by" if low.startswith("belarus") else "ru"


def _is_speaker(sentence: str, actor: _Actor) -> bool:
    """"Ukraine's air force said ...": a source, not a mover, unless it speaks of itself
    ("Russia said it had pulled back ...")."""
    speech = words.SPEECH_AFTER_RE.match(sentence, actor.end)
    return bool(speech) and not words.SELF_AFTER_RE.match(sentence, speech.end())


def _vehicle_actor(sentence, trig, origins) -> str:
    noun = "convoy" if trig.text.startswith("convoy") else "column"
    before = sentence[max(0, trig.start - 40):trig.start]
    if re.search(rf"{words.UA}\s+(?:[\w-]+\s+)?$", before, re.I):
        return f"Ukrainian military {noun}"
    if re.search(rf"{words.RU}\s+(?:[\w-]+\s+)?$", before, re.I) or any(
            p.name in ("Russia", "Belarus") for p in origins):
        return f"Russian military {noun}"
    return f"military {noun}"


def _enough_evidence(sentence, trig, scope_end, named, strength, scoped=()) -> bool:
    """Whether a trigger carries enough to be a force movement at all."""
    obj = sentence[trig.end:scope_end]
    if trig.mode in ("nominal", "vehicle"):
        if trig.text.startswith(("build", "influx")) and not words.MIL_NOUN_RE.search(obj):
            return False
        return bool(named) or bool(scoped)  # "an influx of troops between X and Y"
    if trig.mode == "effort":
        window = sentence[trig.end:min(scope_end, trig.end + 60)]
        if trig.text.startswith("concentrat"):
            return bool(named) and strength is not None
        return bool(named) and bool(words.EFFORT_RE.search(window))
    if trig.mode == "milobj":
        if trig.text.startswith("shift") and named and words.SHIFT_EFFORT_RE.match(obj):
            return True  # "Russia shifts focus to Donbas"
        if (strength is not None or words.MIL_NOUN_RE.search(sentence, 0, trig.start)) and \
                (named or words.MIL_NOUN_RE.search(sentence)) and \
                words.PASSIVE_BEFORE_RE.search(sentence, max(0, trig.start - 50), trig.start):
            return True  # "they will be refitted and then sent back into the Donbas"
        if named and words.PURPOSE_RE.search(sentence, max(0, trig.start - 4), trig.start):
            return True  # "moved units from Kherson to reinforce its offensive in the Donbas"
        return bool(words.MIL_NOUN_RE.search(obj[:80]) or
                    trig.text.startswith(("bring", "brought")) and
                    words.MIL_NOUN_RE.search(obj[:40])) or (strength == "mil" and bool(named))
    if trig.mode == "capture":  # ground taken must be named
        return bool(named) and (strength is not None or bool(words.MIL_NOUN_RE.search(sentence)))
    if trig.mode == "evac":  # "the evacuation of Ukrainian defenders from Azovstal"
        window = sentence[max(0, trig.start - 60):min(scope_end, trig.end + 60)]
        return bool(named) and bool(words.MIL_NOUN_RE.search(window))
    if trig.mode == "weak":
        if named:
            return strength is not None or bool(words.MIL_NOUN_RE.search(obj[:60]))
        return strength == "mil" and bool(words.AREA_OBJECT_RE.match(obj))
    if strength is not None:
        return True
    return bool(named) and bool(words.MIL_NOUN_RE.search(sentence))


def _size(sentence, trig, clause_start, scope_end, places) -> tuple[str | None, int]:
    """The stated strength nearest the trigger in its clause, and where it ends."""
    best, best_dist, best_end = None, None, 0
    for m in words.SIZE_RE.finditer(sentence, clause_start, scope_end):
        if any(p.start < m.end() and m.start() < p.end for p in places):
            continue
        if words.MONTH_BEFORE_RE.search(sentence, max(0, m.start() - 12), m.start()) or \
                words.MONTH_AFTER_RE.match(sentence, m.end("amount")):
            continue  # "on March 8 that Russian forces ...": a date, not a strength
        amount = " ".join(m.group("amount").split())
        if m.group("unit") and _designation(m.group("unit")):
            continue  # "76 Air Assault Division": a unit's number and name, not a strength
        if m.group("vague") and _casualties(sentence, m.start(), m.end()):
            continue  # "the bodies of at least 20 men": the dead, not a force
        if m.group("unit"):
            text = " ".join(sentence[m.start():m.end()].split())
        elif m.group("troops"):
            text = " ".join(sentence[m.start():m.end()].split())
        elif words.VAGUE_AMOUNT_RE.match(amount):
            continue
        else:
            text = amount
        dist = abs(m.start() - trig.end) if m.start() >= trig.end else abs(trig.start - m.end())
        if best_dist is None or dist < best_dist:
            best, best_dist, best_end = text[0].lower() + text[1:], dist, m.end()
    return best, best_end


def _designation(unit: str) -> bool:
    """A unit word written as part of a name ("Division", "Brigade"), not counted ("brigades",
    "BTGs")."""
    head = unit.split()[0]
    return head[:1].isupper() and not head.isupper() and not head[:3].isupper()


def _casualties(sentence: str, start: int, end: int) -> bool:
    """People counted as the dead or wounded ("the bodies of 20 men", "12 people were killed")."""
    return bool(words.CASUALTY_BEFORE_RE.search(sentence, max(0, start - 20), start)
                or words.CASUALTY_AFTER_RE.match(sentence, end))


def _hedged(sentence, trig, clause_start, scope_end) -> bool:
    """Assessed, expected or possible rather than asserted."""
    before = sentence[clause_start:trig.start]
    after = sentence[trig.end:min(len(sentence), scope_end + 40)]
    if trig.mode == "vehicle":
        return bool(words.VEHICLE_HEDGE_RE.match(after))
    if words.HEDGE_RE.search(before):
        return True
    if trig.mode in ("nominal", "effort") and words.HEDGE_RE.search(after):
        return True
    return bool(words.AFTER_HEDGE_RE.search(sentence, trig.end))


def _link(sentence: str, previous: list[MovementHit], trig: _Trigger) -> str | None:
    """How a verb is tied to the movement before it in the sentence: "and" for a coordinated
    clause ("left Kiev and heading toward Belarus", "withdraw from X and they are heading to Y"),
    "to" for a purpose ("moved from Zaporizhzhia to reinforce positions near Bakhmut")."""
    if not previous or trig.mode in ("vehicle", "nominal", "effort"):
        return None
    end = max(h.end for h in previous)
    if end > trig.start:
        return None
    if words.CONTINUATION_RE.fullmatch(sentence, end, trig.start):
        return "and"
    verb = min(h.verb_at for h in previous)
    if (words.RELATIVE_BEFORE_RE.search(sentence, max(0, verb - 20), verb) or
            words.PARTICIPLE_OF_FORCE_RE.search(sentence, max(0, verb - 30), verb)) and \
            words.MAIN_VERB_GAP_RE.fullmatch(sentence, end, trig.start):
        # "the units that left the Kiev area are already moving into the Donbas", "troops
        # withdrawn from the Kharkiv direction are being sent to the Donbas": the earlier verb
        # only says where the subject of this one came from
        return "subject"
    if words.PURPOSE_RE.search(sentence, end, trig.start) and \
            len(sentence[end:trig.start].split()) <= 6:
        return "to"
    return None
