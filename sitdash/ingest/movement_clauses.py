"""Force movements in one sentence: who moved, from where, to where, how many, and how sure.

A movement is a trigger (a verb such as "withdrew", "pulled back", "deployed", "pushed toward",
or a noun such as "withdrawal", "reorientation", "convoy ... from X to Y") plus what its clause
says around it:
- places after the trigger, up to the next trigger or clause break, become origin/destination by
  the preposition before them ("from"/"out of" -> origin, "to"/"toward"/"into" -> destination,
  "in"/"near"/"around" -> origin for pull-backs, destination for deployments and advances);
- the actor is the nearest military actor before the trigger ("Russian troops", "Wagner Group",
  "the enemy", "Russia"); "they" or "the troops" resolve to `previous_actor`, else "unknown";
- `hedged` when the clause before the trigger assesses rather than asserts ("expected to",
  "possible that", "could", "reportedly", "assesses"); negated or denied movements are dropped;
- `size` is the stated strength ("less than 20%", "about 1,000", "two battalion tactical groups",
  "up to 10,000 troops"); vague nouns are left out ("about 1,000 people" -> "about 1,000").

Deliberate choices: participles that modify a noun ("the forces deployed around Kiev") are not
movements of their own; "a ploy/ruse to regroup" is rhetoric about intent, not a movement; weak
verbs ("left", "moved", "entered", "heading to") need a named place; a whole-country destination
"Ukraine" is reported as None (it says nothing about where in the theatre); a speaker ("Ukraine's
air force said ...") is not the mover unless it speaks of itself ("Russia said it had ...");
"pushed Russian troops back from X" is a retreat by the pushed side; "left X and heading toward Y"
and "withdrew from X to regroup in Y" are one movement X -> Y.

Also read as movements (from held-out articles in many house styles): taking a place ("seized
the villages of X and Y", "X was liberated", "took control of", "made gains near", "clearing the
villages of") is an advance into it, unless only attempted ("trying to seize"); forces moved,
brought, poured, committed or assembled somewhere are deployed (redeployed with an origin);
"expelled/pushed them back" moves the other side; "an offensive towards X"; "concentrate on X"
shifts effort to X; "the town"/"the city" is the place a `referents` map says an earlier sentence
called so; "X, which they had retreated from" takes X. Dropped too: failed attempts ("without
success", "but were repelled", "repelled an attempt to"), dismissed claims ("a claim Minsk
denied"), "no indications of such a movement" after the fact, an opposed advance ("to slow the
Ukrainian advance"), "nothing left of X".

Also here: `actor_in(sentence)` for the pipeline to carry the actor across sentences, and
`merge_duplicates(hits)` to fold one document's retellings (works on model.Movement too).
Speed: every scan is anchored on literal word openings (see `_Anchored`), so a sentence without
movement words costs a few microseconds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from sitdash.ingest.places import find_places, lookup, oblasts_of
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


# --- triggers -------------------------------------------------------------------------------
# (kind, pattern, mode). Modes: "strong" verb; "weak" verb that needs a named place; "milobj"
# verb that needs a military object or actor; "nominal" event noun (needs a place); "effort"
# reorientation-type noun (needs a place and a military word); "vehicle" convoy/column.
_TRIGGERS: tuple[tuple[str, str, str], ...] = (
    ("withdraw", r"withdr(?:ew|awn|awing|aws|aw)", "strong"),
    ("withdraw", r"withdrawals?|pull-?(?:out|back)s?", "nominal"),
    ("withdraw", r"pull(?:ed|ing|s)?(?:\s+(?!and\b|or\b)[\w'’-]+){0,5}?\s+(?:out|back)",
     "strong"),
    ("withdraw", r"(?:bring|brings|bringing|brought)(?:\s+[\w'’-]+){1,3}?\s+(?:home|back)"
                 r"(?!\s+(?:closer|within|into\s+(?:range|the\s+fight|battle)|to\s+the\s+front))",
     "milobj"),
    # "bringing reinforcements into Vasylivka", "putting more combat power into the Donbas"
    ("deploy", r"(?:bring|brings|bringing|brought|put|puts|putting|pour(?:s|ed|ing)?)"
               r"(?=(?:\s+[\w'’-]+){1,4}?\s+into\b)|(?:bring|brings|bringing|brought)\s+(?:up|in)\b|"
               r"(?:bring|brings|bringing|brought)(?=(?:\s+[\w'’-]+){1,3}?\s+(?:back\s+)?closer\b)",
     "milobj"),
    ("withdraw", r"evacuat(?:ed|ing|ion)", "evac"),
    ("withdraw", r"left|leav(?:e|es|ing)|depart(?:ed|ing|s)?|abandon(?:ed|ing|s)?|"
                 r"vacat(?:ed|ing|es|e)", "weak"),
    ("retreat", r"retreat(?:ed|ing|s)?|f(?:ell|all|alls|alling|allen)\s+back", "strong"),
    # "Ukrainian forces pushed Russian troops back from X", "pushing the enemy away from X",
    # "chasing them out of X": the object retreats
    ("retreat", r"(?:push(?:ed|ing|es)?|dr(?:ove|iven|iving|ive)|forc(?:ed|ing)|"
                r"chas(?:ed|ing|es|e))"
                r"(?:\s+(?!and\b|or\b)[\w'’-]+){1,3}?\s+(?:back|out|away)", "pushback"),
    ("retreat", r"(?:(?<=been\s)|(?<=being\s)|(?<=were\s)|(?<=was\s)|(?<=are\s)|(?<=is\s))"
                r"(?:pushed|driven|forced)\s+(?:back|out)", "strong"),
    # "expelled the Russian troops from several towns": the expelled side retreats
    ("retreat", r"(?:expell?(?:ed|ing|s)?|dislodg(?:ed|ing|es|e)|oust(?:ed|ing|s)?)"
                r"(?:\s+(?!and\b|or\b|from\b)[\w'’-]+){1,4}?(?=\s+(?:from|out\s+of)\b)",
     "pushback"),
    ("retreat", r"fled|flee(?:s|ing)?", "weak"),
    # "have returned to Belarus": back where they came from (says only that they went back)
    ("withdraw", r"return(?:ed|ing|s)?(?=\s+(?:\w+\s+)?(?:to|toward|towards|into|home)\b)", "weak"),
    ("reposition", r"reposition(?:ed|ing|s)?", "strong"),
    ("redeploy", r"redeploy(?:ed|ing|s|ments?)?", "strong"),
    # "some of them can be used on other fronts": sent to fight elsewhere
    ("redeploy", r"(?:used|employed)(?=\s+(?:on|at|in)\s+(?:other|another)\s+(?:fronts?|sectors?|"
                 r"directions?|axes)\b)", "strong"),
    ("redeploy", r"reorient(?:ation|ed|ing|s)?|refocus(?:ed|ing|es)?", "effort"),
    ("redeploy", r"shift(?:ed|ing|s)?|transferr?(?:ed|ing|s)?", "milobj"),
    ("deploy", r"deploy(?:ed|ing|s|ments?)?", "strong"),
    ("deploy", r"sen[dt]|sending|sends|dispatch(?:ed|es|ing)?|(?:a)?mass(?:ed|ing|es)|"
               r"station(?:ed|ing)|reinforc(?:ed|ing|es|e)", "milobj"),
    ("deploy", r"build-?ups?|influx(?:es)?", "nominal"),
    # "concentrating its forces in the east", "assembled 76 battalion tactical groups"
    ("deploy", r"(?:concentrat(?:e|es|ed|ing)|assembl(?:e|es|ed|ing))(?=\s+(?:[\w,-]+\s+){0,3}?"
               r"(?:forces|troops|units|reserves|artillery|battalions|battalion\s+tactical|BTGs)\b)",
     "milobj"),
    ("deploy", r"concentrat(?:e|es|ed|ing)", "weak"),
    ("deploy", r"commit(?:s|ted|ting)?(?=\s+(?:[\w,-]+\s+){0,5}?(?:forces|troops|units|reserves|"
               r"battalions|battalion\s+tactical|BTGs|brigades)\b)", "milobj"),
    ("deploy", r"arriv(?:ed|ing|es|e)(?=\s+(?:in|at|near|on)\b)", "weak"),
    ("deploy", r"order(?:ed|s|ing)?"
               r"(?=\s+(?:[\w-]+\s+){0,2}?(?:troops|forces|units)\s+(?:in|into|to(?!\s+(?-i:[a-z]+)"
               r"\b(?<!the)(?<!a)(?<!an)(?<!its)(?<!their)))\b)", "milobj"),
    # motion verbs with a direction read as advances; ahead of the plain "moved" below
    ("advance", r"(?:push(?:ed|ing|es)?|march(?:ed|ing|es)?|roll(?:ed|ing|s)?|press(?:ed|ing)|"
                r"edg(?:ed|ing|es)|inch(?:ed|ing|es)|cr(?:ept|eeping|eeps)|"
                r"mov(?:ed|ing|es|e))(?=\s+(?:(?:north|south|east|west)(?:ward|wards)?,?\s+)?"
                r"(?:on(?:\s+to)?|toward|towards|into|deeper|closer)\b|"
                r"\s+(?:north|south|east|west)(?:ward|wards)?,?\s+from\b)",
     "strong"),
    ("advance", r"advanc(?:ed|ing|es|e)|clos(?:ing|ed|e)\s+in\s+on", "strong"),
    ("advance", r"approach(?:ed|ing|es)?|enter(?:ed|ing|s)?|reach(?:ed|ing|es)?|"
                r"cross(?:ed|ing)\s+into|head(?:ed|ing|s)?(?=\s+(?:to|toward|towards|for|into)\b)",
     "weak"),
    ("advance", r"convoys?|columns?", "vehicle"),
    # "resume offensive operations towards Barvinkove": an advance (assessed, mostly)
    ("advance", r"(?:counter-?)?offensives?(?:\s+(?:operations|actions))?"
                r"(?=\s+(?:toward|towards|on|against|in\s+the\s+direction\s+of)\b)", "nominal"),
    # taking a place: the captor advances into it ("seized the villages of Hirske and Zolote")
    ("advance", r"(?:re)?captur(?:ed|ing|es|e)|seiz(?:ed|ing|es|e)|retook|retak(?:en|ing|es|e)|"
                r"(?:took|tak(?:en|ing|es|e)|w[oi]n(?:ning|s)?)\s+back|"
                r"overr(?:an|un|unning)|liberat(?:ed|ing|es|e)|"
                r"(?:took|tak(?:en|ing|es|e))(?=\s+(?:the\s+(?:town|city|village)\s+of\s+)?(?-i:[A-Z]))|"
                r"clear(?:ed|ing|s)?(?=\s+(?:the\s+)?(?:villages?|towns?|settlements?|outskirts)\b)|"
                r"(?:took|tak(?:en|ing|es|e)|gain(?:ed|ing|s)?|regain(?:ed|ing|s)?|seiz(?:ed|ing)|"
                r"(?:re-?)?establish(?:ed|ing|es)?)"
                r"\s+(?:full\s+|partial\s+)?control\s+(?:of|over)(?:\s+(?:parts|most|much)\s+of)?|"
                r"(?:made|make|makes|making)\s+(?:(?!no\b|few\b|little\b|any\b)[\w-]+\s+){0,2}?"
                r"(?:gains|advances|progress)", "capture"),
    # "the liberation of the city of X", "the recapture of X": the taking, told as a noun
    ("advance", r"(?:liberation|recapture|capture|seizure|retaking)(?=\s+of\b)", "capture"),
    ("advance", r"c(?:ame|ome|omes|oming)\s+(?:across|over)(?:\s+the\s+border)?", "weak"),
    ("reposition", r"mov(?:ed|ing|es|e)|relocat(?:ed|ing|es|e)", "weak"),
    ("regroup", r"regroup(?:ed|ing|s)?", "strong"),
)
_TRIGGER_RE = re.compile(
    "|".join(rf"(?P<t{i}>\b(?:{pat})\b)" for i, (_, pat, _) in enumerate(_TRIGGERS)), re.I
)
# Cheap screen: a sentence without any of these stems has no movement. Compiled as a trie over
# lowercased text, so a sentence without them costs about a microsecond or two.
_SCREEN_STEMS = (
    "withdr pull brou bring left leav depart abandon vacat retreat fell fall fled flee reposit "
    "deploy redeploy amass reorient refocus shift transfer sent send dispatch mass station "
    "reinforc build push march roll press mov advanc concentrat drove driv forc order arriv clos "
    "approach enter reach cross head convoy column relocat regroup put pour evacuat captur "
    "recaptur seiz retook retak overr liberat took tak gain regain made make came come offensiv "
    "expel dislodg oust clear establish reestablish re-establish commit edg inch crept creep "
    "assembl chas won win return seizur influx used employed "
    "counteroffensiv counter-offensiv"
).split()


def _trie_pattern(words: list[str]) -> str:
    """A regex matching any of `words`, factored by common prefixes (fast to reject)."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(c) + build(sub) for c, sub in sorted(node.items()) if c]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


_SCREEN_RE = re.compile(r"\b" + _trie_pattern(_SCREEN_STEMS))


_last_lowered: tuple[str, str] = ("", "")


def _lowered(text: str) -> str:
    """text.lower(), computed once per sentence however many patterns scan it (lowering a long
    sentence for every verb in it made extraction quadratic in its length)."""
    global _last_lowered
    cached = _last_lowered  # one tuple read: another thread's write can't split the pair
    if cached[0] is not text:
        cached = _last_lowered = (text, text.lower())
    return cached[1]


class _Anchored:
    """A regex tried only where one of its literal openings starts a word: scanning a long
    alternation at every position is ten to a hundred times slower than this."""

    __slots__ = ("anchor", "full")

    def __init__(self, stems: str, pattern: str, flags: int = re.I, symbols: str = ""):
        opening = r"\b" + _trie_pattern(stems.split())
        self.anchor = re.compile(f"{opening}|{symbols}" if symbols else opening)
        self.full = re.compile(pattern, flags)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        endpos = len(text) if endpos is None else endpos
        lower = _lowered(text)
        if len(lower) != len(text):  # a casefold that changes length: scan the slow way
            yield from self.full.finditer(text, pos, endpos)
            return
        last = pos
        for anchor in self.anchor.finditer(lower, pos, endpos):
            if anchor.start() < last:
                continue
            m = self.full.match(text, anchor.start(), endpos)
            if m:
                last = max(m.end(), anchor.start() + 1)
                yield m

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        return next(self.finditer(text, pos, endpos), None)

_MIL_NOUN = (
    r"(?:forces?|troops?|soldiers|servicemen|army|armies|military|units?|personnel|contingents?|"
    r"paratroopers|marines|reinforcements|battalions?|brigades?|regiments?|divisions?|BTGs?|"
    r"battalion\s+tactical\s+groups?|occupiers|invaders|fighters|mercenaries|tanks|armou?r|"
    r"garrisons?|detachments?|formations?|groupings?|columns?|convoys?|reservists|conscripts|"
    r"warships?|fleet|vessels|submarines?|frigates?|cruisers?|corvettes?|landing\s+ships?|"
    r"defenders|artillery|combat\s+power|reserves|invaders?|"
    r"(?:military\s+)?equipment|hardware|launchers|howitzers|(?:rocket|missile)\s+systems|"
    r"occupiers?)"
)
_MIL_NOUN_RE = re.compile(rf"\b{_MIL_NOUN}\b|\b(?:Wagner|VDV)\b", re.I)
_SHIFT_EFFORT_RE = re.compile(
    r"\s+(?:its\s+|their\s+|the\s+)?(?:military\s+)?"
    r"(?:focus|efforts?|offensive|main\s+effort|attention)\b", re.I)
_EFFORT_RE = re.compile(rf"\b(?:{_MIL_NOUN}|efforts?|offensive|operations|campaign|focus)\b", re.I)

# --- actors ---------------------------------------------------------------------------------
_RU = r"(?:Russian|Russia['’´]s|Moscow['’´]s|Kremlin['’´]s|pro-Russian|Russian-backed)"
_UA = r"(?:Ukrainian|Ukraine['’´]s|Kyiv['’´]s|Kiev['’´]s)"
_BY = r"(?:Belarusian|Belarussian|Belarus['’´]s)"
# a side's ministry or command, which "it" or "its troops" later refers to
_INSTITUTION = (r"(?:[\w-]+\s+)?(?:defen[cs]e\s+ministry|ministry\s+of\s+defen[cs]e|MoD|"
                r"general\s+staff|government|command|leadership)\b")
# A country or capital right after one of these is a place, not an actor.
_NOT_AFTER_PREP = "".join(f"(?<!\\b{p} )" for p in (
    "from", "to", "into", "in", "of", "with", "against", "around", "near", "toward", "towards",
    "outside", "on", "at", "for"))
_ACTOR_RE = re.compile(
    r"(?P<wagner>\bWagner(?:\s+(?:Group|PMC|mercenaries|fighters|forces))?\b)"
    r"|(?P<chechen>\bChechen\s+(?:[\w-]+\s+)?(?:forces|fighters|troops|units)\b"
    r"|\bKadyrov(?:['’]s\s+(?:forces|fighters|troops|men|units)|ites|tsy)\b)"
    r"|(?P<vdv>\b(?:VDV|Rosgvardia|Black\s+Sea\s+Fleet)\b)"
    rf"|(?P<ruinst>\b{_RU}\s+{_INSTITUTION}|\bthe\s+Russian\s+Federation\b)"
    rf"|(?P<uainst>\b{_UA}\s+{_INSTITUTION})"
    rf"|(?P<ru>\b{_RU}\s+(?:[\w-]+\s+){{0,2}}?(?P<run>{_MIL_NOUN})\b)"
    rf"|(?P<ua>\b{_UA}\s+(?:[\w-]+\s+){{0,2}}?(?P<uan>{_MIL_NOUN})\b)"
    rf"|(?P<by>\b{_BY}\s+(?:[\w-]+\s+){{0,2}}?{_MIL_NOUN}\b)"
    r"|(?P<ruppl>\b(?:the\s+Russians|the\s+enemy|(?:the\s+)?(?:occupiers|invaders|rashists|"
    r"ruscists|orcs))\b)"
    r"|(?P<uappl>\b(?:the\s+Ukrainians|Armed\s+Forces\s+of\s+Ukraine|AFU|ZSU|Ukrainian\s+defenders|"
    r"Defen[cs]e\s+Forces\s+of\s+Ukraine)\b)"
    r"|(?P<unit>\b\d+(?:st|nd|rd|th)\s+(?:(?:Separate|Guards|Independent|Combined|Motori[sz]ed|"
    r"Mechani[sz]ed|Airborne|Air|Assault|Tank|Rifle|Arms|Marine|Infantry|Naval|Artillery|Assault)"
    r"\s+)*(?:Army|Corps|Division|Brigade|Regiment|Battalion)\b)"
    rf"|(?P<other>\b(?:NATO|U\.S\.|US|American|British|Polish|German|French|Lithuanian|Romanian)"
    rf"\s+(?:[\w-]+\s+)?{_MIL_NOUN}\b|\bNATO\b)"
    r"|(?P<vessel>\b(?:warships?|frigates?|cruisers?|corvettes?|landing\s+ships?|submarines?)\b)"
    r"|(?P<vehicle>\b(?:(?:military|armou?red|tank)\s+)?"
    r"(?:convoys?|columns?\s+of\s+(?:tanks|armou?r|vehicles|troops))\b)"
    rf"|(?P<uastate>{_NOT_AFTER_PREP}"
    r"\b(?:Ukraine|Kyiv|Kiev)\b(?=\s+(?:said|says|has|had|is|was|will|would|sent|deployed|moved|"
    r"began|started|continues|plans|claimed)\b))"
    rf"|(?P<state>{_NOT_AFTER_PREP}"
    r"\b(?:Russia|Moscow|the\s+Kremlin|Putin|Shoigu|Gerasimov)\b(?!['’]s))"
    r"|(?P<usstate>\b(?:the\s+)?(?:United\s+States|U\.S\.|US|Pentagon|Washington)(?![\w'’])"
    r"(?=\s+(?:has|had|have|is|was|will|would|sent|deployed|moved|began|plans|ordered)\b))"
    r"|(?P<generic>\b(?:the|these|those|its|their|our|some|many|most|departing|retreating)\s+"
    r"(?:(?!Russia|Ukrain|Belarus|Chechen|Wagner)[\w-]+\s+)?"
    r"(?:forces|troops|soldiers|units|servicemen|fighters|battalions|brigades|regiments|paratroopers|reinforcements|personnel|"
    r"battalion\s+tactical\s+groups|BTGs)\b"
    r"|\b(?-i:troops|forces|soldiers)\b|\b(?:battalion\s+tactical\s+groups|BTGs)\b)"
    r"|(?P<pronoun>\b[Tt]hey\b|\b(?:some|most|many|all|several|part|none|the\s+rest)\s+of\s+"
    r"them\b)",
    re.I,
)
_ACTOR_STEMS = (
    "russia moscow kremlin putin shoigu gerasimov ukrain kyiv kiev belarus wagner chechen kadyrov "
    "vdv rosgvardia black nato u.s. us united pentagon washington american british polish german "
    "french "
    "lithuanian romanian armed afu zsu defen pro-russian the these those its their some many most "
    "departing retreating they troops forces soldiers occupiers invaders rashists ruscists orcs "
    "our all several part none warship frigate cruiser corvette landing submarine "
    "military armored armoured tank convoy column battalion btg"
)
# Where an actor can start, matched on lowercased text (digits for unit numbers: "1st Guards").
_ACTOR_ANCHOR_RE = re.compile(r"\b(?:" + _trie_pattern(_ACTOR_STEMS.split()) + r"|\d)")
_TROOPS_NOUNS = frozenset(
    "troops troop soldiers servicemen paratroopers marines reservists conscripts".split())
_SIDE_BEFORE_NOUN_RE = re.compile(
    rf"\b(?P<side>{_RU}|{_UA}|{_BY})\s+(?:(?!of\b|and\b)[\w-]+\s+)?$", re.I)
_FREED_FROM_RE = re.compile(
    rf"\s+from\s+(?:the\s+)?(?:(?P<ru>{_RU}|Russians|occupiers|invaders|enemy)|{_UA}|Ukrainians)",
    re.I)
_SIDE_FORCES = {"ru": "Russian forces", "ua": "Ukrainian forces", "by": "Belarusian forces"}
_OF_OWN_RE = re.compile(r"\s+of\s+(?:its|their)\b", re.I)
_OF_BY_RE = re.compile(r"\s+(?:of|by)\s+(?:the\s+|some\s+|its\s+|their\s+)?", re.I)
_SPEECH_AFTER_RE = re.compile(
    r"\s+(?:(?:has|have|had)\s+)?(?:said|says|say|told|reported|reports|announced|claimed|claims|"
    r"warned|wrote|stated|confirmed|added)\b", re.I)
_SPEECH_RE = _Anchored(
    "said says say told reported announced claimed claims according",
    r"\b(?:said|says|say|told|reported|announced|claimed|claims|according\s+to)\b")
_SELF_AFTER_RE = re.compile(
    r"(?:\s+(?!(?:it|its|they|their)\b)[\w'’-]+){0,2}?(?:\s+that)?\s+(?:it|its|they|their)\b",
    re.I)
_OBJECT_PREPS_RE = re.compile(r"\b(?:by|against|with|from|to|toward|towards|on|at)\s+$", re.I)

# --- clauses, scope, hedges, negation ---------------------------------------------------------
# Where the clause of a trigger begins (hedges and negation are looked for from here).
_CLAUSE_START_RE = _Anchored(
    "but while whereas although though meanwhile after before when since because unlike",
    r"[;:—–]|\.\s|(?<=\s)-(?=\s)|\bafter\s+which\b|\b(?:but|while|whereas|although|though|"
    r"meanwhile|after|before|when|since|(?<!just\s)because|unlike)\b|,\s*as\b",
    symbols=r"[;:—–.,]|(?<=\s)-(?=\s)",
)
# Where the places of a trigger stop.
_SCOPE_END_RE = _Anchored(
    "but while whereas although though as after before which who where when since unlike said says "
    "told added according and could would might may will should can amid despite that",
    r"[;:“”\"—–]|\.\s|(?<=\s)-(?=\s)|\b(?:but|while|whereas|although|though|as|after|before|which|who|where|"
    r"when|since|unlike|said|says|told|added|according\s+to|amid|amidst|despite|"
    # "a region that Russia annexed" (but "Izium, a town that fell in April, towards X" goes on)
    r"(?<!so\s)(?<!such\s)that(?![^,;.]*,\s+(?:toward|towards|to|into)\b))\b"
    # ", located in a region that Russia annexed": what the place is, not where the force went
    r"|,\s+(?-i:[a-z]+ed)\s+(?:in|by|on|at|near|as)\b"
    r"|\band\s+(?:then\s+)?(?-i:[a-z]+(?:ed|ing))\b|"
    r"\band\s+(?:then\s+)?(?:launch|attack|resume|try|attempt|continue|begin|start|make|take|seize|"
    r"capture|shell|strike|hold|encircle|storm|besiege|bomb|fire)\b"
    r"|\b(?:could|would|might|(?-i:may)|will|should|can)\s+(?!also\b)"
    # ", pushing the occupiers further away": a participle clause of its own
    r"|,\s+(?!including\b)(?-i:[a-z]+ing)\b"
    # ", Kharkiv Oblast Governor Oleh Syniehubov said": the speaker's title names no destination
    r"|,(?=\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,6}?(?:said|says|told|wrote|added|reported)\b)",
    symbols=r"[;:“”\"—–.,]|(?<=\s)-(?=\s)",
)
_HEDGE_RE = _Anchored(
    "expect could may might possibl likely probably appear apparently reportedly set plan intend "
    "would will assess believed suspected unconfirmed not unclear whether if seem potential prepar "
    "poised threaten sign suggest rumo portend just",
    r"\b(?:expect(?:ed|s)?\s+to|could|(?-i:may)|might|possibl[ey]|possibility|likely|probably|"
    r"appear(?:s|ed)?\s+to|apparently|reportedly|set\s+to|plan(?:s|ned|ning)?\s+to|"
    r"intend(?:s|ed|ing)?\s+to|would|will|assess(?:es|ed|ment|ments)?|believed|suspected|"
    r"unconfirmed|not\s+clear|unclear|whether|if|seem(?:s|ed)?\s+to|potential(?:ly)?|"
    r"prepar(?:ing|es|ed)\s+to|poised\s+to|threaten(?:s|ed|ing)?\s+to|signs?\s+that|"
    r"suggest(?:s|ed|ing)?|rumou?r(?:s|ed)?|may\s+have|portend|just\s+because)\b|['’]ll\b",
    symbols=r"['’]ll\b",
)
_VEHICLE_HEDGE_RE = re.compile(
    r"[^,;]{0,60}?\b(?:could|(?-i:may)|might|would|will|expected|likely)\b", re.I)
_AFTER_HEDGE_RE = re.compile(
    r"\b(?:reportedly|unconfirmed|(?:reports|sources)\s+suggest|it\s+(?:appears|seems))\b", re.I
)
_NEAR_NEGATION_RE = re.compile(
    r"\b(?:not|never|no|nor|neither|without|n['’]t)\b|n['’]t\b"
    r"|\b(?:yet|refus\w*|fail\w*|instead|rather)\s+(?:to|of|than)\b|\bno\s+longer\b|\bunlikely\b",
    re.I,
)
_CLAUSE_NEGATION_RE = _Anchored(
    "deny denies denied denying no there rejected false unlikely not never dismiss reject refut",
    r"\b(?:den(?:y|ies|ied|ying)|no\s+(?:sign|signs|evidence|indication|indications|confirmation)|"
    r"there\s+(?:is|was|were|are|has\s+been|have\s+been)\s+no|rejected\s+(?:claims|reports)|"
    r"false(?:ly)?\s+claim\w*|unlikely|(?:not|never)\s+(?:seen|observed|detected|confirmed)|"
    r"(?:dismiss|reject|refut|deni|deny)\w*\s+(?:\w+\s+){0,2}?(?:claims?|reports?))\b",
)
_SCARE_QUOTE_RE = re.compile(r"[\"“]([^\"“”\n]{1,40})[\"”]")
_FOILED_ATTEMPT_RE = re.compile(
    r"\b(?:repell|repuls|thwart|foil|stopp|prevent|block|frustrat)\w*\s+(?:an?\s+|the\s+|all\s+)?"
    r"(?:\w+\s+)?(?:attempts?|efforts?|bids?)\b[^.;]{0,60}\bto\s+$", re.I)
_TRYING_BEFORE_RE = re.compile(
    r"\b(?:trying|tried|tries|attempting|attempted|attempts?|sought|seeking)\s+to\s+$", re.I)
_BUT_AFTER_RE = re.compile(r",?\s+but\b", re.I)
_STALLED_AFTER_RE = re.compile(
    r"\b(?:(?:has|have|had)\s+(?:largely\s+)?stalled|ground\s+to\s+a\s+halt|"
    r"(?:has|have|had|got)\s+bogged\s+down)\b", re.I)
_FAILED_AFTER_RE = re.compile(
    r"\b(?:without\s+success|unsuccessful(?:ly)?|to\s+no\s+avail|"
    r"but\s+(?:was|were|had\s+been|have\s+been)\s+(?:repelled|repulsed|beaten\s+back|stopped))\b",
    re.I,
)
# "..., though we have seen no indications of such a movement": the movement is denied after it
_AFTER_NEGATION_RE = re.compile(
    r"[,;]\s*(?:(?:though|but|although|yet)\s+(?:[\w'’-]+\s+){0,4}?(?:seen|observed|found|"
    r"detected|is|are|was|were|been)\s+no\s+(?:indications?|signs?|evidence|confirmation)\b|"
    r"(?:a\s+|the\s+)?(?:claim|report|allegation)s?\s+(?:that\s+)?(?:[\w'’-]+\s+){0,3}?"
    r"(?:dismissed|denied|rejected|refuted|called\s+false)\b)",
    re.I,
)

# --- trigger guards ---------------------------------------------------------------------------
_DETERMINER_BEFORE_RE = re.compile(
    r"\b(?:the|a|an|its|their|this|that|any|no|further|rapid|slow|major|swift|another|"
    r"Russian|Ukrainian|Russia['’]s|Ukraine['’]s|Moscow['’]s|Kyiv['’]s|Kiev['’]s)\s+$",
    re.I,
)
_MODIFIER_PARTICIPLE_RE = re.compile(
    rf"\b(?:of|the|those|these|with)\s+(?:[\w-]+\s+)?{_MIL_NOUN}\s+$", re.I
)
_AUX_BEFORE_RE = re.compile(
    r"\b(?:has|have|had|was|were|is|are|been|be|being)\s+(?:\w+\s+)?$", re.I)
_PLOY_RE = re.compile(
    r"\b(?:ploy|ruse|pretext|smokescreen|trick|excuse|cover|feint)\s+(?:\w+\s+)?to\s+$", re.I)
_LEFT_NOT_MOVE_RE = re.compile(
    r"\s+(?:\d|dead|injured|wounded|without|behind|homeless|in\s+ruins|bank|flank|wing|side|hand|"
    r"over|many|several|(?:a|an)\s|its\s+mark|unclear|open)",
    re.I,
)
_LEFT_ADJ_BEFORE_RE = re.compile(
    r"\b(?:the|on|to|far|center|centre|nothing|little|much|anything|something|everything|none|"
    r"what|there\s+is|there\s+are)\s+$", re.I)
_INFINITIVE_AFTER_RE = re.compile(
    r"\s+to\s+(?!(?:the|a|an|its|their|his|her|new|positions?|areas?|reserves?|rear|bases?|"
    r"defensive|staging|border|front|frontline|eastern|southern|northern|western|central|east|"
    r"south|north|west|"
    r"reinforce|bolster|strengthen|join|support)\b)(?-i:[a-z]+)\b",
    re.I,
)
_ADVANCE_NEXT_RE = re.compile(
    r"\s*(?:[,.;]|$|(?:on|toward|towards|to|into|in|through|near|around|across|along|past|further|from|"
    r"deeper|slowly|rapidly|quickly|steadily|several|some|about|up\s+to|\d|between|more|almost|"
    r"nearly|roughly|around|another|a\s+few|far|further|westward|eastward|"
    r"(?:north|south|east|west)(?:ward|wards)?)\b|[A-Z])"
)
_RELATIVE_AUX_BEFORE_RE = re.compile(
    r"\b(?:that|which|who)\s+(?:had\s+been|have\s+been|has\s+been|were|was|are|is)\s+$", re.I)
_LOCATED_AFTER_RE = re.compile(r"\s+(?:around|in|near|along|at|outside|inside)\b", re.I)
_STATIC_BEFORE_RE = re.compile(
    r"\b(?:remain(?:s|ed|ing)?|still|stay(?:s|ed)?|permanently)\s+$", re.I)
_CAPTURED_THING_RE = re.compile(
    r"\s+(?:of\s+)?(?:(?:the|a|an|two|three|four|five|several|some|many|dozens\s+of|hundreds\s+of|\d+|"
    r"more|other)\s+)*(?:[\w-]+\s+)?(?:soldiers|troops|prisoners|POWs|servicemen|fighters|"
    r"mercenaries|tanks?|vehicles|equipment|weapons|ammunition|documents|grain|ships?|vessels|"
    r"drones?|the\s+initiative|initiative)\b",
    re.I,
)
_GOAL_BEFORE_NOUN_RE = re.compile(
    r"\b(?:on|for|towards?|goals?|aims?|objectives?|tasks?|plans?|mission|purpose)\s*:?\s+"
    r"(?:the\s+)?(?:(?:main|full|complete|eventual|so-called)\s+)?[\"“]?$", re.I)
_THINGS_LEFT_RE = re.compile(
    r"\s+(?:(?:their|its|the|behind|some|all)\s+)*(?:[\w-]+\s+)?(?:dead|bodies|corpses|wounded|"
    r"equipment|weapons|vehicles|tanks|ammunition|belongings|mines|documents)\b", re.I)
# a movement named as an aim, not done: "the stated goals of the operation to liberate X",
# "take all measures to transfer forces"
_INTENT_BEFORE_RE = re.compile(
    r"\b(?:goals?|objectives?|aims?|tasks?|mission|ambitions?|measures?|steps)\b"
    r"(?:\s+(?!to\b)[\w'’-]+){0,6}?\s+to\s+$|\b(?:focus|concentrat)\w*\s+on\s+$", re.I)
_ATTEMPT_BEFORE_RE = re.compile(
    r"\b(?:attempts?|attempted|attempting|tried|trying|tries|bids?|efforts?|plans?|planned|"
    r"planning|hopes?|hoped|aims?|aimed|wants?|wanted|intends?|intended|sought|seeks?|"
    r"seeking|ready|prepared|preparing)\s+to\s+(?:fully\s+)?$", re.I)
_EVAC_PEOPLE_RE = re.compile(
    r"\b(?:civilians?|residents|women|children|elderly|people|families|patients|refugees)\b", re.I
)
_EFFORT_ON_RE = re.compile(
    r"\s+(?:(?:its|their|the)\s+(?:main\s+)?(?:efforts?|forces|attention)\s+)?(?:on|upon)\b", re.I)
_OPPOSED_BEFORE_RE = re.compile(
    r"\b(?:slow|slowed|slowing|stop|stopped|stopping|halt|halted|halting|prevent|prevented|"
    r"preventing|hamper|hampered|block|blocked|blocking|repel|repelled|thwart|thwarted|resist|"
    r"resisting|counter|countering|against|hinder|hindered)\s+(?:the\s+|an?\s+|any\s+|its\s+|"
    r"their\s+)?(?:further\s+)?(?:[\w'’-]+\s+)?$", re.I)
_ABANDON_PLAN_RE = re.compile(
    r"\s+(?:its|their|the|his|any|all)?\s*(?:\w+\s+)?(?:attempts?|plans?|bids?|efforts?|hopes?|"
    r"goals?|aims?|idea|push|offensive|assault|storming)\b", re.I)
_LEAVE_NOUN_RE = re.compile(r"\b(?:on|of|annual|sick|home)\s+$", re.I)
_CIVILIAN_RE = re.compile(
    r"\b(?:humanitarian|aid|evacuation|refugees?|civilians?|relief|grain|UN|Red\s+Cross|buses|"
    r"ambulances?|residents|families|children|diplomats?|embassy|staff|journalists|"
    r"people\s+fleeing|"
    r"smoke|newspaper|opinion)\b",
    re.I,
)
_COLUMN_MILITARY_RE = re.compile(
    r"\b(?:military|armou?red|tanks?|vehicles|trucks|troops|Russian|Ukrainian|enemy|equipment)\b",
    re.I,
)
_AREA_OBJECT_RE = re.compile(
    r"^\s+(?:(?:from|out\s+of)\s+)?(?:the\s+|these\s+|those\s+|several\s+|some\s+|two\s+|"
    r"three\s+)?(?:area|region|city|town|village|villages|towns|settlements|positions|"
    r"their\s+positions|its\s+positions|the\s+country|bases?)\b",
    re.I,
)
_TOWN_REFERENCE_RE = re.compile(r"the\s+(?:[\w-]+\s+){0,2}?(?:town|city|village)$", re.I)
_PASSIVE_BEFORE_RE = re.compile(r"\b(?:be|been|being|is|are|was|were)\s+(?:\w+\s+){0,5}?$", re.I)
# between the subject of a passive and its verb: "Bucha and Irpin [have now been] liberated"
_SUBJECT_GAP_RE = re.compile(
    r"\s+(?:(?:has|have|had|was|were|is|are|been|being|now|also|already|finally|fully|"
    r"completely|entirely|partially|largely|reportedly|officially|just)\s+)*", re.I)
_LIST_GAP_RE = re.compile(
    r"\s*(?:,|,?\s+(?:and|or|as\s+well\s+as))\s+(?:the\s+)?(?:(?:whole|entire)\s+)?", re.I)
_TYPED_OF_BEFORE_RE = re.compile(r"\b(?:town|city|village|settlement)s?\s+of\s+$", re.I)
_PASSIVE_AUX_RE = re.compile(
    r"\b(?:was|were|is|are|been|being)\s+(?:fully\s+|finally\s+|now\s+|reportedly\s+|"
    r"completely\s+|entirely\s+|partially\s+|largely\s+)?$", re.I)
_BY_AFTER_RE = re.compile(r"\s+by\b", re.I)
_ROUTE_RE = re.compile(r"\b(?:highway|road|route|railway|rail\s+line|bridge|supply\s+lines?)\b",
                       re.I)
_WHICH_GAP_RE = re.compile(
    r"(?:\s+(?:nuclear\s+)?(?:power\s+)?(?:plant|station|city|town|village|area|region))?"
    r"(?:\s+in\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+)?"  # "Kherson in southern Ukraine, which ..."
    r"(?:\s*,\s+[^,;]{1,60}?)?\s*,\s+(?:which|that)\s+(?:[\w'’-]+\s+){0,7}", re.I)
_AFTER_WHICH_RE = re.compile(r",?\s*after\s+which\s*$", re.I)
_OBJECT_END_RE = re.compile(r"\b(?:to|toward|towards|into|from|out\s+of|in|near|around)\b", re.I)
# "Russian forces from Popasna advanced": where the mover came from, named before the verb
_FROM_BEFORE_RE = re.compile(r"\bfrom\s+(?:the\s+)?$", re.I)
_ELLIPTIC_DESTINATION_RE = re.compile(
    r"[\s,;:—–\"“]*(?:most|some|many|all|part|the\s+rest|several)\s+of\s+them\s+(?:back\s+)?"
    r"(?:into|to|toward|towards)\s+(?:the\s+)?", re.I)
# what is taken or entered when no place is named: "settlements", "a number of villages"
_UNNAMED_GROUND_RE = re.compile(
    r"\s+(?:and\s+(?-i:[a-z]+ing)\s+)?(?:the\s+)?(?:(?:a\s+number\s+of|several|some|dozens\s+of|"
    r"\d+|more|other|many)\s+)?(?:settlements|villages|towns|territory|territories)\b", re.I)
_REGION_WORD_RE = re.compile(r"\b(?:region|oblast|province)$", re.I)
_ELSEWHERE_RE = re.compile(
    r"\b(?:elsewhere|(?:other|another)\s+(?:fronts?|sectors?|directions?|axes|parts\s+of))\b", re.I)
_OPENING_FOR_RE = re.compile(r"\W*(?:For|To|Into|Toward|Towards)\s+(?:the\s+)?([^,]{2,40}),")
_OPENING_FROM_RE = re.compile(r"^\W*From\s+[^,]{2,40},\s+(?:[\w'’-]+\s+){0,4}$")
# "troops surrounding Kyiv", "who had occupied the town", "units located in the areas of X":
# where the force was, whatever it then did
_HOLDING_BEFORE_RE = re.compile(
    r"\b(?:occup(?:ied|ying|y)|held|holding|surround(?:ed|ing)|encircl(?:ed|ing)|"
    r"besieg(?:ed|ing)|blockad(?:ed|ing))\s+(?:the\s+)?$", re.I)
_LOCATED_GAP_RE = re.compile(
    r"\b(?:located|stationed|based|positioned|deployed|dug\s+in|entrenched|concentrated|"
    r"fighting|surrounding|occupying|holding|encircling|besieging)\s+"
    r"(?:(?:in|at|near|around|outside|on)\s+)?(?:the\s+)?(?:(?:areas?|outskirts|vicinity)\s+of\s+)?"
    r"(?:the\s+)?$", re.I)
_AREA_AFTER_RE = re.compile(r"\s*(?:area|direction|axis|sector)?\s*$", re.I)
_CONTAINER_SURFACE_RE = re.compile(r"(?:region|oblast|province)$", re.I)
_COORDINATION_RE = re.compile(
    r"\s*(?:,\s*)?(?:and|or|as\s+well\s+as|along\s+with)\s+(?:the\s+)?", re.I)
_LIST_COMMA_RE = re.compile(r"\s*,\s*(?:the\s+)?")
_LIST_GOES_ON_RE = re.compile(r"\s*(?:,|and\b|or\b)", re.I)
_PURPOSE_RE = re.compile(r"\bto\s+$", re.I)
_TOWARD_RE = re.compile(r"\b(?:toward|towards|closer\s+to|on)\b", re.I)
# "the units that left X are moving into Y": the relative clause says where the subject was
_RELATIVE_BEFORE_RE = re.compile(r"\b(?:that|which|who)\s+(?:(?:had|have|has)\s+)?$", re.I)
_PARTICIPLE_OF_FORCE_RE = re.compile(rf"\b{_MIL_NOUN}\s+$", re.I)
_MAIN_VERB_GAP_RE = re.compile(
    r"(?:\s+[\w'’-]+){0,2}?\s+(?:are|were|is|was|have|has|had)(?:\s+[\"“]?(?:now|already|been|"
    r"being|begun|started|reportedly))*\s+[\"“]?", re.I)
# between verbs of one list: "regroup, resupply and reinforce", "pulled back and regrouped"
_VERB_LIST_GAP_RE = re.compile(
    r"(?:\s*,\s*(?-i:[a-z]+)){0,3}\s*,?\s+(?:and|or)\s+(?:then\s+)?|\s*,\s*", re.I)
# verbs that say only that a force moved, not how: the movement they continue gives the kind
_MOTION_ONLY_STEMS = ("head", "mov", "return", "relocat", "go", "went", "repositi")
_CONTINUATION_RE = re.compile(
    r"[\s,]*(?:[\w'’-]+\s+){0,4}?(?:and|then)\s+(?:then\s+)?"
    r"(?:(?:they|(?:some|most|many|all)\s+of\s+them)\s+)?"
    r"(?:(?:are|were|is|was|now|have|had)\s+)?"
    r"(?:(?:been|begun|started)\s+)?", re.I)

# --- places -----------------------------------------------------------------------------------
_PREP_RE = re.compile(
    r"\b(?:out\s+of|away\s+from|back\s+from|back\s+to|back\s+into|in\s+on|closer\s+to|close\s+to|"
    r"in\s+the\s+direction\s+of|"
    r"(?:north|south)-?(?:east|west)\s+of|(?:north|south|east|west)\s+of|from|toward|towards|into|onto|to|for|inside|outside|within|"
    r"in|on|near|around|at|across|along|behind|beyond|over|through|via|off|of|including|between|"
    r"included)\b",
    re.I,
)
_FROM_PREPS = frozenset({"out of", "away from", "back from", "from", "off"})
_TO_PREPS = frozenset({"to", "toward", "towards", "into", "onto", "back to", "back into", "in on",
                       "in the direction of",
                       "closer to", "for"})
_VIA_PREPS = frozenset({"through", "via", "between"})  # passed or lain between: no end
_PULLBACK = frozenset({"withdraw", "retreat", "reposition"})
_DESCRIBING_GAP_RE = re.compile(
    r"^,\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,3}?(?:town|city|village|port|hub|settlement|"
    r"suburb)\b[^,;]*$", re.I)
_LOCATING_GAP_RE = re.compile(
    r"^,?\s+(?:just\s+|some\s+\d+\s+(?:km|kilometres|kilometers|miles)\s+)?"
    r"(?:(?:north|south)-?(?:east|west)?|east|west)(?:ern)?\s+of\s+(?:the\s+)?$", re.I)
_LOCATING_PREPS = frozenset({"near", "around", "at", "outside", "in", "close to", "inside"})
_APPOSITION_GAP_RE = re.compile(
    r"^(?:\s|,|['’]s|\(|the|capital|city|town|port|region|oblast|province|of)*$", re.I
)
_POSSESSIVE_RE = re.compile(r"['’]s\b")
_POSSESSIVE_ACTOR_RE = re.compile(rf"['’]s\s+(?:[\w-]+\s+)?{_MIL_NOUN}\b", re.I)
_CAPITALS = frozenset({"Moscow", "Kyiv", "Minsk", "Washington"})
_CAPITAL_SPEAKS_RE = re.compile(
    r"\s+(?:has\s+|have\s+|had\s+)?(?:says|said|calls|called|claims|claimed|announced|denied|"
    r"denies|insists|insisted|accused|accuses|wants|wanted|demanded|warned|vowed|stated|"
    r"responded|believes|hopes|plans|refused)\b", re.I)
# "the Izium-Balakliia group of troops", "the Kursk grouping", "the Dnipro battlegroup"
_FORCE_NAME_AFTER_RE = re.compile(
    r"(?:-[\w'’-]+)?\s+(?:group|grouping|battlegroup|battle\s+group|group\s+of\s+(?:troops|"
    r"forces))\b", re.I)
# "the cruiser Moskva", "the landing ship Minsk", "the submarine Rostov-on-Don"
_SHIP_BEFORE_RE = re.compile(
    r"\b(?:cruiser|frigate|corvette|destroyer|submarine|flagship|warship|ship|vessel|tanker|"
    r"landing\s+ship|patrol\s+boat|minesweeper)\s+[\"“']?$", re.I)
_BORDER_WITH_RE = re.compile(r"\bborders?\s+(?:with|of)\s+(?:the\s+)?$", re.I)
_WHOLE_THEATRE = frozenset({"Ukraine"})

# --- size -------------------------------------------------------------------------------------
_SIZE_RE = _Anchored(
    "about around some roughly approximately nearly almost more over less fewer under up at an as "
    "a one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty "
    "fifty "
    "dozens several hundreds thousands tens",
    r"(?P<amount>(?:(?:about|around|some|roughly|approximately|nearly|almost|more\s+than|over|"
    r"less\s+than|fewer\s+than|under|up\s+to|at\s+least|an\s+estimated|as\s+many\s+as|"
    r"as\s+few\s+as)\s+)?"
    r"(?:(?:\d{1,3}(?:[,.]\d{3})+|\d+(?:\.\d+)?)(?:\s*(?:%|percent|per\s+cent))?"
    r"(?:\s+(?:thousand|million))?|(?:a|one|two|three)[\s-]+(?:thirds?|quarters?|half|fifths?)|"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    r"forty|fifty|a\s+dozen|dozens|several|a\s+few|hundreds|thousands|tens\s+of\s+thousands)"
    r"(?:\s+(?:thousand|hundred))?))"
    r"(?:\s+of)?(?:\s+(?:the|its|their|his|these|those))?(?:\s+(?!of\b)[\w-]+){0,2}?"
    r"\s+(?:(?P<unit>battalion\s+tactical\s+groups?|BTGs?|battalions?|brigades?|regiments?|"
    r"divisions?|companies|company|platoons?|units|tanks|(?:armou?red\s+)?vehicles|aircraft|"
    r"helicopters|warships)|(?P<troops>troops|soldiers|servicemen|personnel|paratroopers|marines|"
    r"reservists|conscripts|fighters|mercenaries)|(?P<vague>people|men|forces|force|contingent))\b",
    symbols=r"\b\d",
)
_VAGUE_AMOUNT_RE = re.compile(r"^(?:several|a\s+few|dozens)$", re.I)


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
    if not _SCREEN_RE.search(sentence.lower()):
        return []
    if '"' in sentence or "“" in sentence:
        sentence = _SCARE_QUOTE_RE.sub(_unquote, sentence)  # same length: offsets still hold
    triggers = _triggers(sentence)
    if not triggers:
        return []
    places = places_in_play(sentence) if places is None else places
    references = scene.references(sentence, places)
    if references:
        places = sorted(places + references, key=lambda p: p.start)
    actors = _actors(sentence)
    region = next((p for p in reversed(places) if isinstance(p, Reference) and
                   _REGION_WORD_RE.search(p.surface)), None)
    if region is None and scene.regions:
        region = PlaceMention(scene.regions[0], len(sentence), len(sentence), "")
    clause_starts = [m.end() for m in _CLAUSE_START_RE.finditer(sentence)]
    scope_ends = [m.start() for m in _SCOPE_END_RE.finditer(sentence)]
    hits: list[MovementHit] = []
    previous: list[MovementHit] = []  # the hits of the last verb that had any
    for i, trig in enumerate(triggers):
        following = _shared_complement(sentence, triggers, i)
        next_start = following.start if following else len(sentence)
        scope_end = min([next_start] + [e for e in scope_ends if e >= trig.end])
        clause_start = max([0] + [s for s in clause_starts if s <= trig.start])
        found = _hits_for(sentence, trig, scope_end, clause_start, places, actors, previous_actor,
                          region)
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
    Donbas is where the regrouping goes too."""
    for following in triggers[i + 1:]:
        if not _VERB_LIST_GAP_RE.fullmatch(sentence, triggers[i].end, following.start):
            return following
        i += 1
    return None


def _unquote(m: re.Match) -> str:
    """A scare-quoted term ('the “liberation” of the Donbas') with its marks blanked, so the
    marks do not end a movement's scope; longer quotations keep theirs."""
    inner = m.group(1)
    return f" {inner} " if len(inner.split()) <= 3 else m.group()


def actor_in(sentence: str) -> str | None:
    """The military actor a sentence names ("Russian forces", "Wagner Group"), if any."""
    best = None
    for actor in _actors(sentence):
        if actor.strength == "mil":
            return actor.name
        if actor.strength == "state" and best is None:
            best = actor.name
    return best


_SUBJECT_OPENING_RE = re.compile(
    rf"^(?:[^,;]{{0,40}},\s*)?\W*(?:the|its|their)\s+(?:[\w'’-]+\s+){{0,2}}?{_MIL_NOUN}\s+$",
    re.I)
_CLAUSE_REST_RE = re.compile(r"[^.;:]*")
_FINITE_RE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|could|can|may|might|remain\w*|began|"
    r"continue[sd]?)\b", re.I)
_INTRANSITIVE = ("retreat", "fled", "advanc", "regroup", "fell")
_THEM_RE = re.compile(r"\bthem\b", re.I)
_OPPOSITE_SIDE = {"ua": "Russian forces", "ru": "Ukrainian forces"}
_RU_FAMILY_WORDS = ("russia", "chechen", "kadyrov", "vdv", "rosgvardia", "enemy", "black sea")


def actor_family(actor: str) -> str:
    """A coarse side for an actor, used to merge retellings: ru, ua, by, wagner or the name."""
    low = actor.lower()
    if "wagner" in low:
        return "wagner"
    if "ukrain" in low:
        return "ua"
    if "belarus" in low:
        return "by"
    if any(w in low for w in _RU_FAMILY_WORDS):
        return "ru"
    return low


# --- steps ------------------------------------------------------------------------------------
def _triggers(sentence: str) -> list[_Trigger]:
    """Trigger words, with participle modifiers, adjectives and idioms filtered out."""
    found = []
    for m in _trigger_matches(sentence):
        kind, _, mode = _TRIGGERS[int(m.lastgroup[1:])]
        trig = _Trigger(kind, mode, m.start(), m.end(), m.group().lower())
        if _keep_trigger(sentence, trig):
            found.append(trig)
    return found


def _trigger_matches(sentence: str):
    """_TRIGGER_RE tried only at words the screen found (scanning it everywhere is slow)."""
    lower = sentence.lower()
    if len(lower) != len(sentence):  # a rare casefold that changes length: scan the slow way
        yield from _TRIGGER_RE.finditer(sentence)
        return
    pos = 0
    for anchor in _SCREEN_RE.finditer(lower):
        if anchor.start() < pos:
            continue
        m = _TRIGGER_RE.match(sentence, anchor.start())
        if m:
            pos = m.end()
            yield m


def _keep_trigger(sentence: str, trig: _Trigger) -> bool:
    before, after = sentence[max(0, trig.start - 60):trig.start], sentence[trig.end:trig.end + 60]
    word = trig.text
    if trig.mode == "capture" and _CAPTURED_THING_RE.match(after):
        return False  # "captured two Russian soldiers", "seized weapons": no ground taken
    if trig.mode == "capture" and _ATTEMPT_BEFORE_RE.search(before):
        return False  # "its attempt to seize Kyiv", "trying to capture Bakhmut": not taken
    if trig.mode == "capture" and _GOAL_BEFORE_NOUN_RE.search(before):
        return False  # "concentrate on the liberation of X", "the main goal: the capture of X"
    if trig.mode == "evac" and _EVAC_PEOPLE_RE.search(after[:50]):
        return False  # evacuating civilians is not a force movement
    if trig.mode in ("strong", "milobj", "weak") and word.endswith(("ed", "ing")):
        # "the forces deployed around Kiev", "the departing troops": a modifier, not a new movement
        if word.endswith("ed") and _MODIFIER_PARTICIPLE_RE.search(before) \
                and not _AUX_BEFORE_RE.search(before) and not word.startswith(_INTRANSITIVE) \
                and not _main_verb_of_opening_subject(sentence, trig):
            return False  # ("the occupiers retreated" can only be past tense: no participle)
    if word.startswith("depart") and re.match(rf"\s+{_MIL_NOUN}", after, re.I):
        return False
    if trig.kind == "regroup" and _PLOY_RE.search(before):
        return False
    if word == "left" and (_LEFT_NOT_MOVE_RE.match(after) or _LEFT_ADJ_BEFORE_RE.search(before)):
        return False
    if word == "leave" and _LEAVE_NOUN_RE.search(before):
        return False
    if word.startswith("abandon") and _ABANDON_PLAN_RE.match(after):
        return False  # "abandoned its attempt to take Kyiv": a plan given up, not ground left
    if word.startswith(("abandon", "left", "leav")) and _THINGS_LEFT_RE.match(after):
        return False  # "abandoning their dead", "left their equipment": things, not ground
    if _INTENT_BEFORE_RE.search(sentence, max(0, trig.start - 80), trig.start):
        return False  # "the goals of the operation to liberate X", "measures to transfer forces"
    if word.startswith(("mov", "relocat", "shift", "transfer", "sen", "dispatch")) and \
            _INFINITIVE_AFTER_RE.match(after):
        return False
    if word.startswith(("mov", "relocat", "transfer", "sen")) and re.match(r"\s+it\b", after):
        return False  # "took grain and moved it to Crimea"
    if _STATIC_BEFORE_RE.search(before):  # "remain stationed in Transnistria": presence, not motion
        return False
    if word.startswith(("deploy", "station")) and _RELATIVE_AUX_BEFORE_RE.search(before) and \
            _LOCATED_AFTER_RE.match(after):
        return False  # "those that were deployed around the capital": where they were
    if word.startswith("concentrat") and _EFFORT_ON_RE.match(after):
        trig.kind, trig.mode = "redeploy", "effort"  # "regroup to concentrate on the Donbas"
    if word.startswith("advanc"):
        if re.search(r"\bin\s+$", before, re.I):  # "in advance"
            return False
        if not _ADVANCE_NEXT_RE.match(after):  # "advanced weapons"
            return False
        if _DETERMINER_BEFORE_RE.search(before):
            trig.mode = "nominal"
    if trig.mode == "nominal" and _OPPOSED_BEFORE_RE.search(before):
        return False  # "to slow the Ukrainian advance", "preventing the advance of our troops"
    if word.startswith(("redeployment", "deployment")) or (
            trig.mode in ("strong", "milobj") and not word.endswith(("ed", "ing", "en")) and
            _DETERMINER_BEFORE_RE.search(before)):
        trig.mode = "nominal"  # "the retreat", "a transfer", "its redeployment": a noun
    if trig.mode == "vehicle":
        if _CIVILIAN_RE.search(before[-40:]) or _CIVILIAN_RE.search(after[:40]):
            return False
        if word.startswith("column") and not (_COLUMN_MILITARY_RE.search(before[-25:]) or
                                              _COLUMN_MILITARY_RE.search(after[:30])):
            return False
    return True


def _main_verb_of_opening_subject(sentence: str, trig: _Trigger) -> bool:
    """ "The Russian army entered Kherson on March 1": the sentence opens with the subject and no
    finite verb follows, so the -ed form is the main verb ("The forces deployed there are ...")."""
    if _SUBJECT_OPENING_RE.match(sentence[:trig.start]) is None:
        return False
    rest = _CLAUSE_REST_RE.match(sentence, trig.end).group()
    return _FINITE_RE.search(rest) is None


def places_in_play(sentence: str, mentions: list | None = None) -> list:
    """The places a sentence names as places: not a side's name for itself ("Kyiv's forces",
    "what Moscow calls"), not an official's post ("Luhansk governor"), not a force's name
    ("the Izium-Balakliia group of troops", "the cruiser Moskva"). `mentions`: the sentence's
    find_places, if already known."""
    out = []
    for p in find_places(sentence) if mentions is None else mentions:
        if _POSSESSIVE_ACTOR_RE.match(sentence, p.end) or in_title(sentence, p) or \
                _CAPITAL_SPEAKS_RE.match(sentence, p.end) and p.name in _CAPITALS or \
                _FORCE_NAME_AFTER_RE.match(sentence, p.end) or \
                _SHIP_BEFORE_RE.search(sentence, max(0, p.start - 40), p.start):
            continue
        out.append(p)
    return out



def _actor_matches(sentence: str):
    """_ACTOR_RE tried only where an actor can start (a capital, a digit, a few words): the full
    pattern scanned over every position costs a hundred times more."""
    pos = 0
    lower = sentence.lower()
    if len(lower) != len(sentence):
        yield from _ACTOR_RE.finditer(sentence)
        return
    for anchor in _ACTOR_ANCHOR_RE.finditer(lower):
        if anchor.start() < pos:
            continue
        m = _ACTOR_RE.match(sentence, anchor.start())
        if m:
            pos = m.end()
            yield m


@lru_cache(maxsize=64)
def _actors(sentence: str) -> tuple[_Actor, ...]:
    """Military actors named in a sentence, in order (cached: the pipeline asks twice)."""
    actors = []
    for m in _actor_matches(sentence):
        group = m.lastgroup
        text = m.group()
        if group == "wagner":
            actors.append(_Actor(m.start(), m.end(), "Wagner Group", "mil"))
        elif group == "chechen":
            actors.append(_Actor(m.start(), m.end(), "Chechen forces", "mil"))
        elif group == "vdv":
            actors.append(_Actor(m.start(), m.end(), " ".join(text.split()), "mil"))
        elif group in ("ru", "ua", "by"):
            actors.append(_Actor(m.start(), m.end(), _side_name(group, m), "mil"))
        elif group == "ruppl":
            actors.append(_Actor(m.start(), m.end(), "Russian forces", "mil"))
        elif group == "uappl":
            actors.append(_Actor(m.start(), m.end(), "Ukrainian forces", "mil"))
        elif group == "unit":
            actors.append(_Actor(m.start(), m.end(), " ".join(text.split()), "mil"))
        elif group == "vessel":
            actors.append(_Actor(m.start(), m.end(), "naval vessels", "mil"))
        elif group == "ruinst":
            actors.append(_Actor(m.start(), m.end(), "Russian forces", "state"))
        elif group == "uainst":
            actors.append(_Actor(m.start(), m.end(), "Ukrainian forces", "state"))
        elif group == "state":
            actors.append(_Actor(m.start(), m.end(), "Russian forces", "state"))
        elif group == "usstate":
            actors.append(_Actor(m.start(), m.end(), "US forces", "state"))
        elif group == "uastate":
            actors.append(_Actor(m.start(), m.end(), "Ukrainian forces", "state"))
        elif group == "other":
            actors.append(_Actor(m.start(), m.end(), _other_name(text), "mil"))
        elif group == "vehicle":
            around = sentence[max(0, m.start() - 30):m.end() + 30]
            if not _CIVILIAN_RE.search(around):
                noun = "convoy" if "convoy" in text.lower() else "column"
                actors.append(_Actor(m.start(), m.end(), f"military {noun}", "mil"))
        else:
            actors.append(_Actor(m.start(), m.end(), text, group))
    return tuple(actors)


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
    if noun in _TROOPS_NOUNS:
        return f"{side} troops"
    return f"{side} forces"


def _hits_for(sentence, trig, scope_end, clause_start, places, actors, previous_actor,
              region=None):
    """The movement(s) of one trigger: one hit per origin/destination pairing. `region` is the
    region in play: where unnamed settlements taken lie."""
    if _negated(sentence, trig, clause_start):
        return []
    in_scope = [p for p in places if trig.end <= p.start and p.end <= scope_end
                and not (_BORDER_WITH_RE.search(sentence, max(0, p.start - 30), p.start)
                         and not (trig.kind in _PULLBACK and _is_country(p.name)))]
    if trig.mode == "vehicle":  # a convoy's places are its own "from X to Y", close by
        in_scope = [p for p in in_scope if p.start - trig.end <= 80 and
                    _last_prep(sentence[trig.end:p.start]) in _FROM_PREPS | _TO_PREPS]
    origins, destinations = _roles(sentence, trig, in_scope)
    taken = trig.mode == "capture" and trig.text.endswith(("ed", "en", "un")) and \
        _PASSIVE_AUX_RE.search(sentence, max(0, trig.start - 25), trig.start) is not None
    if trig.mode == "capture" and _BY_AFTER_RE.match(sentence, trig.end):
        # "Snake Island, the Black Sea outpost seized by Russia": what was taken comes before
        destinations = [p for p in places if p.end <= trig.start
                        and trig.start - p.end <= 50][-1:]
    if trig.mode == "capture":  # "seized ..., taking guards with them toward Belarus"
        destinations = [p for p in destinations if _directional_prep(
            sentence[max(trig.end, p.start - 30):p.start]) not in _TO_PREPS | _FROM_PREPS
            and not _ROUTE_RE.search(sentence, trig.end, p.start)]  # "the highway linking X"
    if taken:
        destinations = _passive_subjects(sentence, trig, clause_start, places)
    if trig.mode != "vehicle" and not origins and destinations and \
            trig.kind in ("regroup", "redeploy", "reposition"):
        # "the units stationed near X were regrouped to Y": where they were is the origin
        located = _clause_locations(sentence, trig, clause_start, places)
        if located and _SUBJECT_GAP_RE.fullmatch(sentence, located[-1].end, trig.start):
            origins = [p for p in located if p.name not in {d.name for d in destinations}]
    if trig.mode != "vehicle" and not (origins if trig.kind in _PULLBACK else destinations):
        located = _clause_locations(sentence, trig, clause_start, places)
        if trig.kind in _PULLBACK:
            # "liberated villages in the Kherson region and pushed the enemy back towards Kherson"
            origins = [p for p in located if p.name not in {d.name for d in destinations}]
            if not origins and not destinations:
                origins = _origin_before_after_which(sentence, clause_start, places)
        else:
            destinations = located
    if not origins and not destinations and trig.mode != "vehicle":
        antecedent = _which_antecedent(sentence, trig, places)
        if antecedent is not None:
            (origins if trig.kind in _PULLBACK else destinations).append(antecedent)
    if not origins and not destinations and trig.mode != "vehicle":
        # "Russian troops, who had occupied the town for a month, left", "were storming the city
        # and had reached its outskirts": the town the sentence spoke of before the verb
        town = [p for p in places if p.end <= trig.start and _TOWN_REFERENCE_RE.match(p.surface)]
        (origins if trig.kind in _PULLBACK else destinations).extend(town[-1:])
    if not destinations and trig.kind in _PULLBACK:
        # 'had left, "most of them into Belarus."': where the rest of the sentence says they went
        rest = _ELLIPTIC_DESTINATION_RE.match(sentence, scope_end)
        destinations = [p for p in places if rest and p.start == rest.end()]
    if not destinations and trig.kind in ("deploy", "redeploy", "advance") and \
            trig.mode not in ("vehicle", "capture"):
        # "For Donbas, Russia has deployed about 1,000 contractors": a fronted destination
        fronted = _OPENING_FOR_RE.match(sentence, 0, trig.start)
        destinations = [p for p in places if fronted and fronted.start(1) <= p.start
                        and p.end <= fronted.end(1)][:1]
    if not origins and trig.kind not in _PULLBACK and trig.mode != "vehicle":
        origins = [p for p in places if p.end <= trig.start and _FROM_BEFORE_RE.search(
            sentence, max(0, p.start - 12), p.start) and (_AREA_AFTER_RE.fullmatch(
                sentence, p.end, trig.start) or _OPENING_FROM_RE.match(sentence[:trig.start]))][-1:]
    if not destinations and region is not None and trig.kind == "advance" and \
            trig.mode in ("capture", "weak") and _UNNAMED_GROUND_RE.match(sentence, trig.end):
        # "entering and securing settlements the Russians held": in the region in play
        destinations = [region]
    named = tuple(dict.fromkeys(p.name for p in origins + destinations))
    actor, strength, actor_start, referred = _resolve_actor(
        sentence, trig, scope_end, clause_start, actors, previous_actor, origins)
    scoped = tuple(p.name for p in in_scope if p.name not in _WHOLE_THEATRE) \
        if trig.mode == "nominal" else ()
    if not (taken and destinations) and not _enough_evidence(sentence, trig, scope_end, named,
                                                             strength, scoped):
        return []
    size, size_end = _size(sentence, trig, clause_start, scope_end, places)
    hedged = _hedged(sentence, trig, clause_start, scope_end)
    kind = trig.kind
    if kind in ("reposition", "advance") and trig.text.startswith("mov") and \
            _moves_forces(sentence, trig, destinations):
        # "moved 11 battalion tactical groups into the east": forces sent somewhere, not a march
        kind = "redeploy" if origins else "deploy"
    elif kind == "reposition" and destinations and \
            _TOWARD_RE.search(sentence, trig.end, destinations[0].start):
        kind = "advance"  # "moving from Izium toward Sloviansk"
    origins, destinations = _other_end_of_reference(origins, destinations)
    used_end = max([trig.end, size_end] + [p.end for p in origins + destinations])
    start = min(trig.start, actor_start) if actor_start is not None else trig.start
    motion_only = trig.text.startswith(_MOTION_ONLY_STEMS) and trig.mode != "vehicle" and \
        kind == trig.kind
    return [
        MovementHit(actor, o and o.name, d and d.name, kind, size, hedged, start, used_end, named,
                    verb_at=trig.start, referred=referred, motion_only=motion_only,
                    wide_origin=o is not None and _names_area(o),
                    wide_destination=d is not None and _names_area(d),
                    elsewhere=bool(_ELSEWHERE_RE.search(sentence, trig.end, scope_end)))
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
                                 or bool(_CONTAINER_SURFACE_RE.search(mention.surface)))


def _passive_subjects(sentence, trig, clause_start, places) -> list:
    """The places a passive verb is said of: "Irpin, Bucha and Hostomel were liberated", "the
    towns of Bucha and Ivankiv had been retaken", "officials said the town of X had fallen"
    (the list just before the verb, after any speech verb)."""
    speech = [m.end() for m in _SPEECH_RE.finditer(sentence, clause_start, trig.start)]
    start = max([clause_start] + speech)
    before = [p for p in places if start <= p.start and p.end <= trig.start]
    if not before or not _SUBJECT_GAP_RE.fullmatch(sentence, before[-1].end, trig.start):
        return []
    run = [before[-1]]
    for p in reversed(before[:-1]):
        gap = sentence[p.end:run[0].start]
        if p.start == run[0].start or _LIST_GAP_RE.fullmatch(gap):
            run.insert(0, p)
        elif _APPOSITION_GAP_RE.match(gap) or _TYPED_OF_BEFORE_RE.search(gap):
            run.insert(0, p)  # "the Kyiv region towns of Bucha": containment keeps the towns
            break
        else:
            break
    return run


def _moves_forces(sentence: str, trig: _Trigger, destinations: list) -> bool:
    """Whether a "moved" has forces as its object before the first destination."""
    end = destinations[0].start if destinations else min(len(sentence), trig.end + 80)
    obj = sentence[trig.end:end]
    first_prep = _OBJECT_END_RE.search(obj)
    obj = obj[: first_prep.start()] if first_prep else obj
    return bool(obj.strip()) and bool(_MIL_NOUN_RE.search(obj)) and len(obj.split()) <= 8


def _negated(sentence: str, trig: _Trigger, clause_start: int) -> bool:
    if _AFTER_NEGATION_RE.search(sentence, trig.end):
        return True
    failed = _FAILED_AFTER_RE.search(sentence, trig.end, min(len(sentence), trig.end + 100))
    if failed is None and _TRYING_BEFORE_RE.search(sentence, max(0, trig.start - 30), trig.start):
        # "trying to advance from Polohy towards Huliaipole, but our defenders are holding"
        failed = _BUT_AFTER_RE.search(sentence, trig.end, min(len(sentence), trig.end + 90))
    if failed is None and trig.mode == "nominal":  # "the advance towards Bakhmut has stalled"
        failed = _STALLED_AFTER_RE.search(sentence, trig.end, min(len(sentence), trig.end + 60))
    if failed and ";" not in sentence[trig.end:failed.start()]:
        return True  # "tried to advance towards Bakhmut, but without success"
    before = sentence[clause_start:trig.start]
    if _FOILED_ATTEMPT_RE.search(before):
        return True  # "repelled an attempt by Ukrainian troops to advance near Snihurivka"
    near = " ".join(before[-80:].split()[-4:])
    if _NEAR_NEGATION_RE.search(near) and "not clear" not in near.lower():
        return True
    return bool(_CLAUSE_NEGATION_RE.search(before))


def _roles(sentence: str, trig: _Trigger, in_scope: list) -> tuple[list, list]:
    """Origins and destinations among the places after a trigger, by their preposition."""
    origins, destinations = [], []
    anchor = trig.end
    previous = None
    for i, place in enumerate(in_scope):
        gap = sentence[anchor:place.start]
        if _is_possessive_only(sentence, place, in_scope[i + 1:]):
            continue  # "Ukraine's State Emergency Service", not a place the force moved
        if previous is not None and (_DESCRIBING_GAP_RE.match(gap) or _LOCATING_GAP_RE.match(gap)):
            # "Izium, a town south-east of Kharkiv", "Prudianka north of Kharkiv": where the
            # place before lies
            anchor = place.end
            continue
        prep = _directional_prep(gap)
        if prep == "in" and previous is not None and _locates(previous, place):
            anchor = place.end
            continue
        if previous is not None and (place.start == previous.start or (  # "the cities"
                _APPOSITION_GAP_RE.match(gap) and  # "Ukraine's capital Kiev", "Izium, Kharkiv"
                (_area_holds(previous, place) or _area_holds(place, previous)))):
            # the same role as the place before (_most_specific keeps the narrower)
            role = "from" if previous in origins else "to" if previous in destinations else None
        elif prep is None and place.surface.lower() == "there":
            role = "to"  # "sent more troops there"
        elif trig.kind != "advance" and _LOCATED_GAP_RE.search(gap):
            role = "from"  # "regroup troops located in the areas of X": where they were
        elif prep is None and previous is not None and _coordinated(sentence, gap, place):
            role = "from" if previous in origins else "to" if previous in destinations else None
        else:
            role = _role(trig.kind, prep, first=previous is None)
        if role == "from":
            origins.append(place)
        elif role == "to":
            destinations.append(place)
        previous, anchor = place, place.end
    return _unique_places(origins), _unique_places(destinations)


def _locates(inner, outer) -> bool:
    """ "Trostianets in the Sumy region": the region only says where the first place lies."""
    if not _CONTAINER_SURFACE_RE.search(outer.surface):
        return False
    return inner.name != outer.name


def _is_possessive_only(sentence: str, place, later: list) -> bool:
    """A possessive place ("Ukraine's ...") that is not followed by a place it contains."""
    if not _POSSESSIVE_RE.match(sentence, place.end):
        return False
    return not (later and _APPOSITION_GAP_RE.match(sentence[place.end:later[0].start]))


def _coordinated(sentence: str, gap: str, place) -> bool:
    """"Bakhmut and Avdiivka", "Kyiv, Chernihiv and Sumy" (a bare comma only inside a list)."""
    if _COORDINATION_RE.fullmatch(gap):
        return True
    return bool(_LIST_COMMA_RE.fullmatch(gap) and _LIST_GOES_ON_RE.match(sentence, place.end))


def _last_prep(gap: str) -> str | None:
    """The last preposition in a gap, "of" only when nothing else is there."""
    preps = [" ".join(m.group().lower().split()) for m in _PREP_RE.finditer(gap)]
    meaningful = [p for p in preps if p != "of"]
    if meaningful:
        return meaningful[-1]
    return "of" if preps else None


def _directional_prep(gap: str) -> str | None:
    """The last "from"/"to"-type preposition in a gap, else its last preposition: "to positions
    near X" is a destination, "from positions near X" an origin."""
    preps = [" ".join(m.group().lower().split()) for m in _PREP_RE.finditer(gap)]
    directional = [p for p in preps if p in _FROM_PREPS or p in _TO_PREPS]
    if directional and preps[-1] in _LOCATING_PREPS:
        return directional[-1]
    return _last_prep(gap)


def _role(kind: str, prep: str | None, first: bool) -> str | None:
    if prep in _FROM_PREPS:
        return "from"
    if prep in _TO_PREPS or (prep == "on" and kind == "advance"):
        return "to"
    if prep in _VIA_PREPS:
        return None
    if prep is None and not first:
        return None
    return "from" if kind in _PULLBACK else "to"


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
    kept = [m for m in mentions if m.name not in _WHOLE_THEATRE]
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
    oblast = oi.oblast if oi.kind == "oblast" or _CONTAINER_SURFACE_RE.search(outer.surface) \
        else None
    return oblast is not None and ii.oblast == oblast and not (
        ii.kind == "oblast" or _CONTAINER_SURFACE_RE.search(inner.surface))


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
    speech = [m.end() for m in _SPEECH_RE.finditer(sentence, clause_start, trig.start)]
    start = max([clause_start] + speech)  # not "the ministry in Moscow said ..."
    previous_end = 0
    for p in places:
        if start <= p.start and p.end <= trig.start and p.name not in _WHOLE_THEATRE:
            # the preposition of this place, not of the one before it
            prep = _last_prep(sentence[max(clause_start, p.start - 25, previous_end):p.start])
            listed = out and out[-1].end == previous_end and \
                _LIST_GAP_RE.fullmatch(sentence, previous_end, p.start)  # "in X and Y"
            if listed or prep in _LOCATING_PREPS or \
                    _HOLDING_BEFORE_RE.search(sentence, max(clause_start, p.start - 40), p.start):
                out.append(p)
        previous_end = p.end
    return out


def _which_antecedent(sentence, trig, places):
    """ "the Chernobyl plant, which they seized", "Kherson, which Ukrainian forces have been
    advancing on": the place a relative clause is about (not a country that only locates it)."""
    for p in reversed(places):
        if p.end <= trig.start and not _is_country(p.name) and \
                _WHICH_GAP_RE.fullmatch(sentence, p.end, trig.start):
            return p
    return None


def _origin_before_after_which(sentence, clause_start, places) -> list:
    """ "repelled an assault near Vrubivka, after which the enemy retreated": where it was."""
    if not _AFTER_WHICH_RE.search(sentence, max(0, clause_start - 20), clause_start):
        return []
    near = [p for p in places if p.end <= clause_start and clause_start - p.end <= 40 and
            _last_prep(sentence[max(0, p.start - 12):p.start]) in ("near", "around", "at", "in")]
    return near[-1:]


def _resolve_actor(sentence, trig, scope_end, clause_start, actors, previous_actor, origins):
    """(actor name, strength, start in sentence or None, whether only the context names it:
    "they", "the units" or no subject at all, read as the force in play)."""
    if trig.mode == "vehicle":
        return _vehicle_actor(sentence, trig, origins), "mil", None, False
    chosen = None
    before = [a for a in actors if a.end <= trig.start
              and not _OBJECT_PREPS_RE.search(sentence, max(0, a.start - 12), a.start)
              and not _is_speaker(sentence, a)]
    in_clause = [a for a in before if a.start >= clause_start]
    if trig.mode == "pushback":  # the pushed-back object is the one moving
        inside = [a for a in actors if trig.start < a.start and a.end <= trig.end]
        chosen = inside[0] if inside else None
        if chosen is None and _THEM_RE.search(trig.text):
            pusher = (in_clause or before or [None])[-1]
            opposite = _OPPOSITE_SIDE.get(actor_family(pusher.name)) if pusher else None
            if opposite:
                return opposite, "pronoun", None, False
    elif trig.mode in ("nominal", "effort", "evac"):
        side = _SIDE_BEFORE_NOUN_RE.search(sentence, max(0, trig.start - 40), trig.start)
        if side:  # "limited Russian withdrawals", "Ukraine's advance"
            return _SIDE_FORCES[_side_of(side.group("side"))], "mil", side.start(), False
        after = [a for a in actors if trig.end <= a.start < scope_end
                 and _OF_BY_RE.fullmatch(sentence, trig.end, a.start)
                 and (a.strength in ("mil", "state") or _OF_OWN_RE.match(sentence, trig.end))]
        adjacent = [a for a in before if trig.start - a.end <= 1]
        fallback = (in_clause or before or [None])[-1]
        chosen = adjacent[-1] if adjacent else after[0] if after else fallback
        if chosen is not None and chosen.strength == "generic" and _OF_OWN_RE.match(
                sentence, trig.end):  # "announced the transfer of its troops": the speaker's
            own = [a for a in actors if a.end <= trig.start and a.strength in ("mil", "state")]
            if own:
                return own[-1].name, own[-1].strength, None, False
    else:
        freed = _FREED_FROM_RE.match(sentence, trig.end) if trig.mode == "capture" else None
        if freed:  # "liberated from Russian forces": the other side took it
            side = "ru" if freed.group("ru") else "ua"
            return _OPPOSITE_SIDE[side], "mil", None, False
        chosen = (in_clause or before or [None])[-1]
        if chosen is None:
            after = [a for a in actors if trig.end <= a.start < scope_end and (
                a.strength == "mil" or (trig.mode == "strong" and a.strength == "generic"
                                        and not sentence[trig.end:a.start].strip()))]
            chosen = after[0] if after else None  # "see them reposition forces into the east"
    # "The Russian defence ministry announced the transfer of the group ...": with no mover
    # named, a side's ministry or state that announces it speaks of its own forces
    speaker = next((a for a in reversed(actors) if a.end <= trig.start and
                    a.strength in ("mil", "state") and _is_speaker(sentence, a)), None)
    if chosen is None:
        if speaker is not None:
            return speaker.name, None, None, False
        return previous_actor or "unknown", None, None, True
    if chosen.strength in ("generic", "pronoun"):
        explicit = [a for a in before if a.strength in ("mil", "state") and a.end <= chosen.start]
        if explicit:
            return explicit[-1].name, chosen.strength, chosen.start, False
        if speaker is not None and chosen.strength == "generic":
            return speaker.name, chosen.strength, chosen.start, False
        return previous_actor or "unknown", chosen.strength, chosen.start, True
    return chosen.name, chosen.strength, chosen.start if chosen.end <= trig.start else None, False


def _side_of(word: str) -> str:
    low = word.lower()
    return "ua" if low.startswith(("ukrain", "kyiv", "kiev")) else \
        "by" if low.startswith("belarus") else "ru"


def _is_speaker(sentence: str, actor: _Actor) -> bool:
    """"Ukraine's air force said ...": a source, not a mover, unless it speaks of itself
    ("Russia said it had pulled back ...")."""
    speech = _SPEECH_AFTER_RE.match(sentence, actor.end)
    return bool(speech) and not _SELF_AFTER_RE.match(sentence, speech.end())


def _vehicle_actor(sentence, trig, origins) -> str:
    noun = "convoy" if trig.text.startswith("convoy") else "column"
    before = sentence[max(0, trig.start - 40):trig.start]
    if re.search(rf"{_UA}\s+(?:[\w-]+\s+)?$", before, re.I):
        return f"Ukrainian military {noun}"
    if re.search(rf"{_RU}\s+(?:[\w-]+\s+)?$", before, re.I) or any(
            p.name in ("Russia", "Belarus") for p in origins):
        return f"Russian military {noun}"
    return f"military {noun}"


def _enough_evidence(sentence, trig, scope_end, named, strength, scoped=()) -> bool:
    """Whether a trigger carries enough to be a force movement at all."""
    obj = sentence[trig.end:scope_end]
    if trig.mode in ("nominal", "vehicle"):
        if trig.text.startswith(("build", "influx")) and not _MIL_NOUN_RE.search(obj):
            return False
        return bool(named) or bool(scoped)  # "an influx of troops between X and Y"
    if trig.mode == "effort":
        window = sentence[trig.end:min(scope_end, trig.end + 60)]
        if trig.text.startswith("concentrat"):
            return bool(named) and strength is not None
        return bool(named) and bool(_EFFORT_RE.search(window))
    if trig.mode == "milobj":
        if trig.text.startswith("shift") and named and _SHIFT_EFFORT_RE.match(obj):
            return True  # "Russia shifts focus to Donbas"
        if (strength is not None or _MIL_NOUN_RE.search(sentence, 0, trig.start)) and \
                (named or _MIL_NOUN_RE.search(sentence)) and \
                _PASSIVE_BEFORE_RE.search(sentence, max(0, trig.start - 50), trig.start):
            return True  # "they will be refitted and then sent back into the Donbas"
        if named and _PURPOSE_RE.search(sentence, max(0, trig.start - 4), trig.start):
            return True  # "moved units from Kherson to reinforce its offensive in the Donbas"
        return bool(_MIL_NOUN_RE.search(obj[:80]) or trig.text.startswith(("bring", "brought")) and
                    _MIL_NOUN_RE.search(obj[:40])) or (strength == "mil" and bool(named))
    if trig.mode == "capture":  # ground taken must be named
        return bool(named) and (strength is not None or bool(_MIL_NOUN_RE.search(sentence)))
    if trig.mode == "evac":  # "the evacuation of Ukrainian defenders from Azovstal"
        window = sentence[max(0, trig.start - 60):min(scope_end, trig.end + 60)]
        return bool(named) and bool(_MIL_NOUN_RE.search(window))
    if trig.mode == "weak":
        if named:
            return strength is not None or bool(_MIL_NOUN_RE.search(obj[:60]))
        return strength == "mil" and bool(_AREA_OBJECT_RE.match(obj))
    if strength is not None:
        return True
    return bool(named) and bool(_MIL_NOUN_RE.search(sentence))


def _size(sentence, trig, clause_start, scope_end, places) -> tuple[str | None, int]:
    """The stated strength nearest the trigger in its clause, and where it ends."""
    best, best_dist, best_end = None, None, 0
    for m in _SIZE_RE.finditer(sentence, clause_start, scope_end):
        if any(p.start < m.end() and m.start() < p.end for p in places):
            continue
        amount = " ".join(m.group("amount").split())
        if m.group("unit"):
            text = " ".join(sentence[m.start():m.end()].split())
        elif m.group("troops"):
            text = " ".join(sentence[m.start():m.end()].split())
        elif _VAGUE_AMOUNT_RE.match(amount):
            continue
        else:
            text = amount
        dist = abs(m.start() - trig.end) if m.start() >= trig.end else abs(trig.start - m.end())
        if best_dist is None or dist < best_dist:
            best, best_dist, best_end = text[0].lower() + text[1:], dist, m.end()
    return best, best_end


def _hedged(sentence, trig, clause_start, scope_end) -> bool:
    """Assessed, expected or possible rather than asserted."""
    before = sentence[clause_start:trig.start]
    after = sentence[trig.end:min(len(sentence), scope_end + 40)]
    if trig.mode == "vehicle":
        return bool(_VEHICLE_HEDGE_RE.match(after))
    if _HEDGE_RE.search(before):
        return True
    if trig.mode in ("nominal", "effort") and _HEDGE_RE.search(after):
        return True
    return bool(_AFTER_HEDGE_RE.search(sentence, trig.end))


def _link(sentence: str, previous: list[MovementHit], trig: _Trigger) -> str | None:
    """How a verb is tied to the movement before it in the sentence: "and" for a coordinated
    clause ("left Kiev and heading toward Belarus", "withdraw from X and they are heading to Y"),
    "to" for a purpose ("moved from Zaporizhzhia to reinforce positions near Bakhmut")."""
    if not previous or trig.mode in ("vehicle", "nominal", "effort"):
        return None
    end = max(h.end for h in previous)
    if end > trig.start:
        return None
    if _CONTINUATION_RE.fullmatch(sentence, end, trig.start):
        return "and"
    verb = min(h.verb_at for h in previous)
    if (_RELATIVE_BEFORE_RE.search(sentence, max(0, verb - 20), verb) or
            _PARTICIPLE_OF_FORCE_RE.search(sentence, max(0, verb - 30), verb)) and \
            _MAIN_VERB_GAP_RE.fullmatch(sentence, end, trig.start):
        # "the units that left the Kiev area are already moving into the Donbas", "troops
        # withdrawn from the Kharkiv direction are being sent to the Donbas": the earlier verb
        # only says where the subject of this one came from
        return "subject"
    if _PURPOSE_RE.search(sentence, end, trig.start) and \
            len(sentence[end:trig.start].split()) <= 6:
        return "to"
    return None
