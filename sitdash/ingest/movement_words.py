"""Every word list and phrase pattern used to read force movements, in one place.

movement_clauses.py (one sentence), scene.py (references) and movements.py (one document) hold
the reading; this module holds only what they look for. To find where a phrase is handled,
search this file for one of its words, then for the pattern's name in those modules.

Sections, in order:
- triggers: TRIGGERS, one row per movement verb or noun: (kind, pattern, mode). Modes: "strong"
  verb; "weak" verb that needs a named place ("left", "entered", "heading to"); "milobj" verb
  that needs a military object or actor ("sent", "shifted"); "nominal" event noun that needs a
  place ("withdrawal", "influx"); "effort" reorientation noun; "vehicle" convoy or column;
  "capture" taking a place ("liberated", "the liberation of"); "pushback" the object retreats
  ("pushed the enemy away from"); "evac" evacuating troops. SCREEN_STEMS must hold an opening of
  every trigger (a sentence without one is skipped). MOTION_ONLY_STEMS: verbs that say only
  that a force moved.
- forces: MIL_NOUN (what a force is called), ACTOR_RE and ACTOR (named forces, a side's ministry or
  command, "they", "some of them", "the enemy" and "our units"/"we", named by who speaks), the
  side adjectives RU/UA/BY (with "Moscow-backed", "pro-Kremlin"), speech verbs; VOICE_RE (the
  words of one side: "the occupiers", "the Kyiv regime") and SPEAKER_SIDE_RE.
- clause edges: CLAUSE_START_RE (where a verb's clause begins: hedges and negation are looked
  for from there), SCOPE_END_RE (where a verb's places stop), links between clauses
  (CONTINUATION_RE "and they are heading", PURPOSE_RE "to regroup", relative and participle
  subjects, VERB_LIST_GAP_RE "regroup, resupply and reinforce").
- hedges and negation: HEDGE_RE, NEAR/CLAUSE/AFTER_NEGATION_RE, failed and foiled attempts.
- trigger guards: the words that make a trigger no movement ("left three dead", "captured two
  tanks", "abandoning their dead", "the goals of the operation to liberate", "a ploy to
  regroup", "in advance", "planned to ... and push back", "in an attempt to take", "holding back
  the offensive", "clear the way for further advances", "abandoned its stalled push").
- places and prepositions: PREP_RE and the FROM/TO/VIA sets that give an end its role, the
  gaps that say a place only locates another (", a town south-east of", " north of", "in the X
  region"), where a force was ("troops surrounding X", "units located in the areas of X"),
  names that are no places (a capital or country that speaks, admits or tries: "Moscow has
  admitted", "the city Russia has been trying to take"; a ship's, a person's or a force's name),
  settlements named by their kind that the gazetteer lacks (TYPED_NAME_RE).
- references and titles: what scene.py resolves ("the besieged city", "there") and the
  officials' titles whose places are no places in play.
- size: SIZE_RE ("less than 20%", "two battalion tactical groups").

Speed: the long alternations are tried only where one of their literal openings starts a word
(`_Anchored`: TRIGGER, ACTOR, REFERENCE_RE, ...; the `SCREEN_RE` trie), so a sentence without
movement words costs a few microseconds.
"""

from __future__ import annotations

import re


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


# --- triggers -------------------------------------------------------------------------------
# (kind, pattern, mode). Modes: "strong" verb; "weak" verb that needs a named place; "milobj"
# verb that needs a military object or actor; "nominal" event noun (needs a place); "effort"
# reorientation-type noun (needs a place and a military word); "vehicle" convoy/column.
TRIGGERS: tuple[tuple[str, str, str], ...] = (
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
    # "were ordered out of X", "ordered the troops out of X": a withdrawal ordered
    ("withdraw", r"order(?:ed|s|ing)?(?=\s+(?:[\w-]+\s+){0,3}?out\s+of\b)", "strong"),
    ("withdraw", r"left|leav(?:e|es|ing)|depart(?:ed|ing|s)?|abandon(?:ed|ing|s)?|"
                 r"vacat(?:ed|ing|es|e)", "weak"),
    ("retreat", r"retreat(?:ed|ing|s)?|f(?:ell|all|alls|alling|allen)\s+back", "strong"),
    # "Ukrainian forces pushed Russian troops back from X", "pushing the enemy away from X",
    # "chasing them out of X": the object retreats
    ("retreat", r"(?:push(?:ed|ing|es)?|dr(?:ove|iven|iving|ive)|forc(?:ed|ing)|"
                r"chas(?:ed|ing|es|e)|knock(?:ed|ing|s)?)"
                r"(?:(?:\s+(?!and\b|or\b|to\b)[\w'’-]+){1,3}?\s+(?:back|out|away)|"
                # "drove out the Russian forces from X"
                r"\s+out(?=(?:\s+[\w'’-]+){1,4}?\s+(?:from|of)\b))", "pushback"),
    ("retreat", r"(?:(?<=been\s)|(?<=being\s)|(?<=were\s)|(?<=was\s)|(?<=are\s)|(?<=is\s))"
                r"(?:pushed|driven|forced|chased)\s+(?:back|out|away)", "strong"),
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
    # moving on beyond a line: "pushed forward near X", "broke into X", "infiltrated X",
    # "pushing through our defence line"
    ("advance", r"(?:push(?:ed|ing|es)?|mov(?:ed|ing|es|e)|press(?:ed|ing)|roll(?:ed|ing|s)?)\s+"
                r"forward|"
                # "after the Russians left X, Ukrainian troops moved in": into the place just named
                r"(?:mov(?:ed|ing|es|e)|roll(?:ed|ing|s)?|march(?:ed|ing|es)?|pour(?:ed|ing|s)?)"
                r"\s+in\b(?!\s+on\b)(?!to\b)|(?:br(?:oke|oken|eaking|eaks)|burst(?:ing|s)?)\s+(?:into|through)|"
                r"infiltrat(?:ed|ing|es|e)|push(?:ed|ing|es)?\s+through", "strong"),
    ("advance", r"(?:push(?:ed|ing|es)?|march(?:ed|ing|es)?|roll(?:ed|ing|s)?|press(?:ed|ing)|"
                r"edg(?:ed|ing|es)|inch(?:ed|ing|es)|cr(?:ept|eeping|eeps)|"
                r"mov(?:ed|ing|es|e))(?=\s+(?:(?:north|south|east|west)(?:ward|wards)?,?\s+)?"
                r"(?:on(?:\s+to)?|toward|towards|into|deeper|closer)\b|"
                r"\s+(?:north|south|east|west)(?:ward|wards)?,?\s+from\b)",
     "strong"),
    ("advance", r"advanc(?:ed|ing|es|e)|clos(?:ing|ed|e)\s+in\s+on", "strong"),
    ("advance", r"approach(?:ed|ing|es)?|enter(?:ed|ing|s)?|reach(?:ed|ing|es)?|"
                r"cross(?:ed|ing|es)?\s+(?:(?:the|a)\s+(?:[\w-]+\s+)?(?:border|frontier|river|line)\s+)?into|"
                r"head(?:ed|ing|s)?(?=\s+(?:to|toward|towards|for|into)\b)",
     "weak"),
    ("advance", r"convoys?|columns?", "vehicle"),
    # "resume offensive operations towards Barvinkove": an advance (assessed, mostly)
    ("advance", r"(?:counter-?)?offensives?(?:\s+(?:operations|actions))?"
                r"(?=\s+(?:toward|towards|on|against|in\s+the\s+direction\s+of|into)\b|"
                r"\s+in\s+the\s+(?-i:[A-Z])[\w'’-]+\s+(?:direction|axis)\b)",
     "nominal"),
    # taking a place: the captor advances into it ("seized the villages of Hirske and Zolote")
    ("advance", r"(?:re)?captur(?:ed|ing|es|e)|seiz(?:ed|ing|es|e)|retook|retak(?:en|ing|es|e)|"
                r"(?:took|tak(?:en|ing|es|e)|w[oi]n(?:ning|s)?)\s+back|"
                r"overr(?:an|un|unning)|liberat(?:ed|ing|es|e)|"
                r"(?:took|tak(?:en|ing|es|e))(?=\s+(?:the\s+(?:town|city|village)\s+of\s+)?(?-i:[A-Z]))|"
                r"clear(?:ed|ing|s)?(?=\s+(?:the\s+)?(?:villages?|towns?|settlements?|outskirts)\b)|"
                # "cleared Robotyne of Russian troops" (not "of mines")
                r"clear(?:ed|ing|s)?(?=\s+(?:the\s+)?(?:[\w'’-]+\s+){1,3}?of\s+(?:the\s+)?"
                r"(?:remaining\s+)?(?:enemy|Russian|Ukrainian|occupiers|invaders|Wagner|Russians|"
                r"Ukrainians)\b)|"
                # "regained positions west of X": taken back
                r"regain(?:ed|ing|s)?|"
                r"(?:took|tak(?:en|ing|es|e)|gain(?:ed|ing|s)?|regain(?:ed|ing|s)?|seiz(?:ed|ing)|"
                r"(?:re-?)?establish(?:ed|ing|es)?)"
                r"\s+(?:partial\s+)?control\s+(?:of|over)(?:\s+(?:parts|most|much)\s+of)?|"
                # all of a place held, taken or not: "took full control of X", "has (almost)
                # complete control of X" (not "under full control of the Russian army": there
                # the place comes first)
                r"(?<!under\s)(?<!the\s)(?:full|complete|total)\s+control\s+(?:of|over)|"
                r"(?:made|make|makes|making)\s+(?:(?!no\b|few\b|little\b|any\b)[\w-]+\s+){0,2}?"
                r"(?:gains|advances|progress)|"
                # "established a foothold on the left bank near Krynky"
                r"(?:establish(?:ed|ing|es)?|gain(?:ed|ing|s)?|secur(?:ed|ing|es))\s+(?:a\s+)?"
                r"(?:foothold|bridgehead)|"
                # ground gained, in the idioms of staff reports: "gained ground near X", "made
                # headway near X", "had partial success in the area of X" (a General Staff's word
                # for the enemy's gains), "improved their tactical position near X", "took up
                # positions on the streets of X"
                r"(?:gain(?:ed|ing|s)?|regain(?:ed|ing|s)?)\s+ground|"
                r"(?:made|make|makes|making)\s+headway|"
                r"success(?:es)?(?=\s+(?:in|near|at|around|on)\b)|"
                r"improv(?:ed|ing|es|e)\s+(?:(?:its|their|the)\s+)?(?:tactical\s+|"
                r"operational\s+)?positions?|"
                r"(?:t(?:ook|ake|akes|aking|aken))\s+up\s+(?:(?:new|more|advantageous|favou?rable|"
                r"firing)\s+)*positions|(?:t(?:ook|ake|akes|aking|aken))\s+positions|"
                # occupied, as a finite verb only ("have occupied X"; not "the occupied town")
                r"(?<=\bhave\s)occupied|(?<=\bhas\s)occupied|(?<=\bhad\s)occupied", "capture"),
    # a place that changed hands, told with the place as subject: "X fell to Russian forces",
    # "X has fallen under the control of ...", "X came under Ukrainian control", "X is
    # completely under the control of ..."
    ("advance", r"f(?:ell|allen|alls|alling)(?!\s+(?:back|silent|short|apart|sharply|by|to\s+\d))"
                r"(?=\s+(?:to|into\s+the\s+hands\s+of|under)\b)|"
                r"c(?:ame|ome|omes|oming)(?=\s+under\s+(?:the\s+)?(?:full\s+)?(?:control|[\w'’-]+"
                r"\s+control)\b)|"
                # "X, which ..., is now completely under the control of the Russian army"
                r"(?:completely|entirely|totally|fully)(?=\s+under\s+(?:the\s+)?(?:[\w'’-]+\s+)?"
                r"control\b)", "fallen"),
    # "wounded defenders were taken from Azovstal to Novoazovsk": moved out, under another's hand
    # ("the wounded defenders were taken to Novoazovsk": passive, a force moved by others)
    ("withdraw", r"(?:taken|brought)(?=\s+(?:out\s+of|from)\b)|"
                 r"(?:(?<=were\s)|(?<=was\s)|(?<=been\s))(?:taken|brought)(?=\s+to\s+(?-i:[A-Z]))",
     "milobj"),
    # "the liberation of the city of X", "the recapture of X": the taking, told as a noun
    ("advance", r"(?:liberation|recapture|capture|seizure|retaking)(?=\s+of\b)|"
                # "the fall of X", "X's recent fall to Russian forces"
                r"(?<=\bthe\s)fall(?=\s+of\b)|(?<=['’]s\s)fall\b|(?<=['’]s\srecent\s)fall\b",
     "capture"),
    # an incursion told as a noun: "the incursion into the Kursk region", "the Kursk incursion"
    ("advance", r"incursions?|raids?(?=\s+(?:into|on)\b)|invasion(?=\s+(?:of|into)\b)",
     "nominal"),
    ("advance", r"c(?:ame|ome|omes|oming)\s+(?:across|over)(?:\s+the\s+border)?", "weak"),
    ("reposition", r"mov(?:ed|ing|es|e)|relocat(?:ed|ing|es|e)|"
                   r"sail(?:ed|ing|s)?(?=\s+(?:[\w-]+\s+)?(?:from|to|for|into|toward|towards)\b)",
     "weak"),
    ("regroup", r"regroup(?:ed|ing|s)?", "strong"),
)
# Cheap screen: a sentence without any of these stems has no movement. Compiled as a trie over
# lowercased text, so a sentence without them costs about a microsecond or two.
SCREEN_STEMS = (
    "withdr pull brou bring left leav depart abandon vacat retreat fell fall fled flee reposit "
    "deploy redeploy amass reorient refocus shift transfer sent send dispatch mass station "
    "reinforc build push march roll press mov advanc concentrat drove driv forc order arriv clos "
    "approach enter reach cross head convoy column relocat regroup put pour evacuat captur "
    "recaptur seiz retook retak overr liberat took tak gain regain made make came come offensiv "
    "expel dislodg oust clear establish reestablish re-establish commit edg inch crept creep "
    "assembl chas won win return seizur influx used employed secur "
    "knock sail counteroffensiv counter-offensiv headway success improv occupied incursion raid invasion "
    "broke broken break burst infiltrat complet entir total full"
).split()
SCREEN_RE = re.compile(r"\b" + _trie_pattern(SCREEN_STEMS))
# every trigger, tried only where one of the screen's stems opens a word
TRIGGER = _Anchored(
    " ".join(SCREEN_STEMS),
    "|".join(rf"(?P<t{i}>\b(?:{pat})\b)" for i, (_, pat, _) in enumerate(TRIGGERS)),
)


MIL_NOUN = (
    r"(?:forces?|troops?|soldiers|servicemen|army|armies|military|units?|personnel|contingents?|"
    r"paratroopers|marines|reinforcements|battalions?|brigades?|regiments?|divisions?|BTGs?|"
    r"battalion\s+tactical\s+groups?|occupiers|invaders|fighters|mercenaries|tanks|armou?r|"
    r"garrisons?|detachments?|formations?|groupings?|columns?|convoys?|reservists|conscripts|"
    r"warships?|fleet|vessels|submarines?|frigates?|cruisers?|corvettes?|landing\s+ships?|"
    r"defenders|artillery|combat\s+power|reserves|invaders?|"
    r"(?:sabotage|reconnaissance|assault|storm|armou?red|mechani[sz]ed|tank)\s+groups?|"
    r"(?:military\s+)?equipment|hardware|launchers|howitzers|(?:rocket|missile)\s+systems|"
    r"occupiers?)"
)
MIL_NOUN_RE = re.compile(rf"\b{MIL_NOUN}\b|\b(?:Wagner|VDV)\b", re.I)
SHIFT_EFFORT_RE = re.compile(
    r"\s+(?:its\s+|their\s+|the\s+)?(?:military\s+)?"
    r"(?:focus|efforts?|offensive|main\s+effort|attention)\b", re.I)
EFFORT_RE = re.compile(rf"\b(?:{MIL_NOUN}|efforts?|offensive|operations|campaign|focus)\b", re.I)

# --- actors ---------------------------------------------------------------------------------
# a side's adjectives, with its compounds: "Moscow-backed", "Kremlin-controlled", "pro-Moscow"
RU = (r"(?:(?:Russia|Moscow|Kremlin)-(?:backed|led|controlled|installed|allied|aligned)|"
      r"pro-(?:Russian|Moscow|Kremlin)|Russian-backed|Russian|Russia['’´]s|Moscow['’´]s|"
      r"Kremlin['’´]s)")
UA = r"(?:Ukrainian|Ukraine['’´]s|Kyiv['’´]s|Kiev['’´]s)"
BY = r"(?:Belarusian|Belarussian|Belarus['’´]s)"
# a side's ministry or command, which "it" or "its troops" later refers to
INSTITUTION = (r"(?:[\w-]+\s+)?(?:defen[cs]e\s+ministry|ministry\s+of\s+defen[cs]e|MoD|"
                r"general\s+staff|government|command|leadership|authorities)\b")
# when, between a subject and its verb: "Ukraine on Wednesday said", "Russia earlier said"
WHEN_GAP = r"(?:(?:on\s+(?-i:[A-Z])[a-z]+day|earlier|later|yesterday|today|also|now)\s+)?"
# A country or capital right after one of these is a place, not an actor.
NOT_AFTER_PREP = "".join(f"(?<!\\b{p} )" for p in (
    "from", "to", "into", "in", "of", "with", "against", "around", "near", "toward", "towards",
    "outside", "on", "at", "for"))
ACTOR_RE = re.compile(
    r"(?P<wagner>\bWagner(?:\s+(?:Group|PMC|mercenaries|fighters|forces))?\b|"
    r"\bPrigozhin(?:['’]s\s+(?:[\w-]+\s+)?(?:fighters|men|forces|troops|mercenaries))?\b)"
    r"|(?P<chechen>\bChechen\s+(?:[\w-]+\s+)?(?:forces|fighters|troops|units)\b"
    r"|\bKadyrov(?:['’]s\s+(?:forces|fighters|troops|men|units)|ites|tsy)\b)"
    r"|(?P<vdv>\b(?:VDV|Rosgvardia|Black\s+Sea\s+Fleet)\b)"
    rf"|(?P<ruinst>\b{RU}\s+{INSTITUTION}|\bthe\s+Russian\s+Federation\b)"
    rf"|(?P<uainst>\b{UA}\s+{INSTITUTION})"
    rf"|(?P<ru>\b{RU}\s+(?:[\w-]+\s+){{0,2}}?(?P<run>{MIL_NOUN})\b)"
    rf"|(?P<ua>\b{UA}\s+(?:[\w-]+\s+){{0,2}}?(?P<uan>{MIL_NOUN})\b)"
    rf"|(?P<by>\b{BY}\s+(?:[\w-]+\s+){{0,2}}?{MIL_NOUN}\b)"
    r"|(?P<ruppl>\b(?:the\s+Russians|(?:the\s+)?(?:occupiers|occupants|invaders|rashists|"
    r"ruscists|orcs))\b)"
    # words that name a side only from where the speaker stands: "the enemy", "our units", "we"
    r"|(?P<enemy>\b(?:the\s+)?enemy(?!['’]s)\b(?!\s+(?:positions?|lines?|defen[cs]es?|"
    r"targets?|losses|equipment)\b))"
    r"|(?P<own>\b(?:our|my)\s+(?:[\w-]+\s+)?(?:forces|troops|soldiers|units|servicemen|fighters|"
    r"defenders|warriors|guys|boys|men|brigades?|battalions?|army|military|marines|"
    r"paratroopers)\b|\b[Ww]e\b)"
    r"|(?P<uappl>\b(?:the\s+Ukrainians|(?:the\s+)?Armed\s+Forces\s+of\s+Ukraine|AFU|ZSU|Ukrainian\s+defenders|"
    r"Defen[cs]e\s+Forces\s+of\s+Ukraine|(?:the\s+)?(?-i:Defen[cs]e\s+Forces))\b)"
    r"|(?P<unit>\b\d+(?:st|nd|rd|th)\s+(?:(?:Separate|Guards|Independent|Combined|Motori[sz]ed|"
    r"Mechani[sz]ed|Airborne|Air|Assault|Tank|Rifle|Arms|Marine|Infantry|Naval|Artillery|Assault)"
    r"\s+)*(?:Army|Corps|Division|Brigade|Regiment|Battalion)\b)"
    rf"|(?P<other>\b(?:NATO|U\.S\.|US|American|British|Polish|German|French|Lithuanian|Romanian)"
    rf"\s+(?:[\w-]+\s+)?{MIL_NOUN}\b|\bNATO\b)"
    r"|(?P<vessel>\b(?:warships?|frigates?|cruisers?|corvettes?|landing\s+ships?|submarines?|"
    r"(?<!grain\s)(?<!cargo\s)(?<!container\s)(?<!merchant\s)(?<!civilian\s)(?<!passenger\s)"
    r"ships?)\b)"
    r"|(?P<vehicle>\b(?:(?:military|armou?red|tank)\s+)?"
    r"(?:convoys?|columns?\s+of\s+(?:tanks|armou?r|vehicles|troops))\b)"
    rf"|(?P<uastate>{NOT_AFTER_PREP}"
    r"\b(?:Ukraine|Kyiv|Kiev|Zelensk(?:yy|iy|yi|y|i)|Syrskyi|Zaluzhnyi)\b"
    rf"(?=\s+{WHEN_GAP}(?:said|says|has|had|is|was|will|would|sent|deployed|moved|"
    r"began|started|continues|plans|claimed|"
    # a taking or a push told of the state: "Ukraine retook X", "Kyiv pushed back ..."
    r"recaptured|retook|liberated|captured|took|seized|regained|reclaimed|pushed|drove|"
    r"expelled|ousted)\b))"
    rf"|(?P<state>{NOT_AFTER_PREP}"
    r"\b(?:Russia|Moscow|the\s+Kremlin|Putin|Shoigu|Gerasimov)\b(?!['’]s))"
    r"|(?P<usstate>\b(?:the\s+)?(?:United\s+States|U\.S\.|US|Pentagon|Washington)(?![\w'’])"
    r"(?=\s+(?:has|had|have|is|was|will|would|sent|deployed|moved|began|plans|ordered)\b))"
    r"|(?P<generic>\b(?:the|these|those|its|their|our|his|her|some|many|most|departing|"
    r"retreating)\s+"
    r"(?:(?!Russia|Ukrain|Belarus|Chechen|Wagner)[\w-]+\s+)?"
    r"(?:forces|troops|soldiers|units|servicemen|fighters|battalions|brigades|regiments|paratroopers|reinforcements|personnel|"
    r"battalion\s+tactical\s+groups|BTGs)\b"
    r"|\b(?-i:troops|forces|soldiers)\b|\b(?:battalion\s+tactical\s+groups|BTGs)\b)"
    r"|(?P<pronoun>\b[Tt]hey\b|\b(?:some|most|many|all|several|part|none|the\s+rest)\s+of\s+"
    r"them\b)",
    re.I,
)
ACTOR_STEMS = (
    "russia moscow kremlin putin shoigu gerasimov ukrain kyiv kiev belarus wagner chechen kadyrov "
    "pro-moscow pro-kremlin "
    "zelensk syrskyi zaluzhnyi "
    "vdv rosgvardia black nato u.s. us united pentagon washington american british polish german "
    "french "
    "lithuanian romanian armed afu zsu defen pro-russian the these those its their some many most "
    "departing retreating they troops forces soldiers occupiers invaders rashists ruscists orcs "
    "our his her prigozhin all several part none enemy my we occupants "
    "warship frigate cruiser corvette landing submarine ship "
    "military armored armoured tank convoy column battalion btg"
)
# Where an actor can start, matched on lowercased text (digits for unit numbers: "1st Guards").
# ACTOR_RE group -> (actor name, strength): "mil" a force, "state" a state or its ministry,
# which moves only when it speaks of itself ("Russia said it had pulled back")
VESSELS = "naval vessels"
# placeholders for "the enemy" and "our units"/"we", named by the side that speaks (Scene.voice)
ENEMY, OWN = "the enemy", "our side"
ACTOR_GROUP_NAMES = {
    "wagner": ("Wagner Group", "mil"), "chechen": ("Chechen forces", "mil"),
    "ruppl": ("Russian forces", "mil"), "uappl": ("Ukrainian forces", "mil"),
    "enemy": (ENEMY, "mil"), "own": (OWN, "mil"),
    "vessel": (VESSELS, "generic"),  # ships of the side in play (the fleet named before)
    "ruinst": ("Russian forces", "state"), "uainst": ("Ukrainian forces", "state"),
    "state": ("Russian forces", "state"), "uastate": ("Ukrainian forces", "state"),
    "usstate": ("US forces", "state"),
}
# tried only where an actor can start (one of these words, or a digit: "1st Guards")
ACTOR = _Anchored(ACTOR_STEMS, ACTOR_RE.pattern, symbols=r"\b\d")
TROOPS_NOUNS = frozenset(
    "troops troop soldiers servicemen paratroopers marines reservists conscripts".split())
SIDE_BEFORE_NOUN_RE = re.compile(  # "Kyiv's recent cross-border incursion"
    rf"\b(?P<side>{RU}|{UA}|{BY})\s+(?:(?!of\b|and\b)[\w-]+\s+){{0,2}}$", re.I)
# "X came under Ukrainian control": the side named is the one that took it
SIDE_CONTROL_AFTER_RE = re.compile(
    rf"\s+under\s+(?:the\s+)?(?:full\s+|complete\s+)?(?P<side>{RU}|{UA})\s+control\b", re.I)
FREED_FROM_RE = re.compile(
    rf"\s+from\s+(?:the\s+)?(?:(?P<ru>{RU}|Russians|occupiers|invaders|enemy)|{UA}|Ukrainians)",
    re.I)
SIDE_FORCES = {"ru": "Russian forces", "ua": "Ukrainian forces", "by": "Belarusian forces"}
OF_OWN_RE = re.compile(r"\s+of\s+(?:its|their)\b", re.I)
OF_BY_RE = re.compile(r"\s+(?:of|by)\s+(?:the\s+|some\s+|its\s+|their\s+)?", re.I)
SPEECH_AFTER_RE = re.compile(
    rf"\s+{WHEN_GAP}(?:(?:has|have|had)\s+)?(?:said|says|say|told|reported|reports|announced|"
    r"claimed|claims|warned|wrote|stated|confirmed|added)\b", re.I)
SPEECH_RE = _Anchored(
    "said says say told reported announced claimed claims according",
    r"\b(?:said|says|say|told|reported|announced|claimed|claims|according\s+to)\b")
# "Russia said it had pulled back", "the Russians claimed to have taken X": speaks of itself
SELF_AFTER_RE = re.compile(
    r"(?:\s+(?!(?:it|its|they|their)\b)[\w'’-]+){0,2}?(?:\s+that)?\s+(?:it|its|they|their)\b|"
    r"\s+to\s+(?:have\s+)?(?-i:[a-z]+)", re.I)
OBJECT_PREPS_RE = re.compile(r"\b(?:by|against|with|from|to|toward|towards|on|at)\s+$", re.I)
# the force a push drives back ("pushed back Russian forces", "drove Russian troops out of X")
# or a side takes prisoner ("the capture of at least 100 Russian troops") is an object: not the
# subject of what the others go on to do (", retaking X"), nor of a movement told after it
OBJECT_FORCE_RE = re.compile(
    r"\b(?:(?:push(?:ed|ing|es)?|dr(?:ove|iven|iving|ive)|forc(?:ed|ing)|chas(?:ed|ing|es|e)|"
    r"knock(?:ed|ing|s)?|expell?(?:ed|ing|s)?|oust(?:ed|ing|s)?|dislodg(?:ed|ing|es|e))"
    r"(?:\s+(?:back|out|away))?|captur(?:e|ed|ing)(?:\s+of)?)\s+(?:the\s+)?"
    r"(?:(?:at\s+least|up\s+to|about|around|nearly|almost|over|more\s+than|some|several|"
    r"dozens\s+of|hundreds\s+of|\d[\d,]*)\s+)*$", re.I)
# the taker of a place told as a passive or a noun: "was liberated by X", "the liberation of the
# town of Y by X" (the agent, within the clause)
BY_AGENT_GAP_RE = re.compile(r"[^;:.!?—–]{0,80}?\bby\s+(?:the\s+)?", re.I)
TAKING_NOUN_RE = re.compile(r"(?:liberation|recapture|capture|seizure|retaking|fall)$", re.I)

# --- clauses, scope, hedges, negation ---------------------------------------------------------
# Where the clause of a trigger begins (hedges and negation are looked for from here).
CLAUSE_START_RE = _Anchored(
    "but while whereas although though meanwhile after before when since because unlike",
    r"[;:—–]|\.\s|(?<=[a-z]{2})\.(?=[A-Z][a-z])|(?<=\s)-(?=\s)|\bafter\s+which\b|\b(?:but|while|whereas|although|though|"
    r"meanwhile|after|before|when|since|(?<!just\s)because|unlike)\b|,\s*as\b",
    symbols=r"[;:—–.,]|(?<=\s)-(?=\s)",
)
# Where the places of a trigger stop.
SCOPE_END_RE = _Anchored(
    "but while whereas although though as after before which who where when since unlike said says "
    "told added according and could would might may will should can amid despite that "
    "attempt bid effort order aim seek so",
    # 'moved the frigates and five landing ships” to Novorossiysk': a quotation that stops inside
    # the clause does not end it
    r"[;:—–]|[“”\"](?!\s*(?:to|toward|towards|into|from|out\s+of)\s)|\.\s|(?<=\s)-(?=\s)|"
    r"\b(?:but|while|whereas|although|though|as|after|before|which|who|where|"
    r"when|since|unlike|said|says|told|added|according\s+to|amid|amidst|despite|"
    # a purpose: "advancing in the east in an attempt to take X" (X is an aim, not a place gone to)
    r"(?:attempts?|bids?|efforts?|order)\s+to|aim(?:s|ed|ing)?\s+(?:of|to|at)|"
    r"seek(?:s|ing)?\s+to|so\s+as\s+to|"
    # "a region that Russia annexed" (but "Izium, a town that fell in April, towards X" goes on)
    r"(?<!so\s)(?<!such\s)that(?![^,;.]*,\s+(?:toward|towards|to|into)\b)"
    # ("in that area", "that city": a demonstrative, not a clause)
    r"(?!\s+(?:[\w-]+\s+)?(?:area|region|city|town|village|zone|direction|sector|front|part|"
    r"oblast|province)\b))\b"
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
HEDGE_RE = _Anchored(
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
VEHICLE_HEDGE_RE = re.compile(
    r"[^,;]{0,60}?\b(?:could|(?-i:may)|might|would|will|expected|likely)\b", re.I)
AFTER_HEDGE_RE = re.compile(
    r"\b(?:reportedly|unconfirmed|(?:reports|sources)\s+suggest|it\s+(?:appears|seems))\b", re.I
)
NEAR_NEGATION_RE = re.compile(
    r"\b(?:not|never|no|nor|neither|without|n['’]t)\b|n['’]t\b"
    r"|\b(?:yet|refus\w*|fail\w*|instead|rather)\s+(?:to|of|than)\b|\bno\s+longer\b|\bunlikely\b",
    re.I,
)
CLAUSE_NEGATION_RE = _Anchored(
    "deny denies denied denying no there rejected false unlikely not never dismiss reject refut",
    r"\b(?:den(?:y|ies|ied|ying)|no\s+(?:sign|signs|evidence|indication|indications|confirmation)|"
    r"there\s+(?:is|was|were|are|has\s+been|have\s+been)\s+no|rejected\s+(?:claims|reports)|"
    r"false(?:ly)?\s+claim\w*|unlikely|(?:not|never)\s+(?:seen|observed|detected|confirmed)|"
    r"(?:dismiss|reject|refut|deni|deny)\w*\s+(?:\w+\s+){0,2}?(?:claims?|reports?))\b",
)
SCARE_QUOTE_RE = re.compile(r"[\"“]([^\"“”\n]{1,40})[\"”]")
# a quoted fragment with no clause punctuation inside ('fell back "to better defensive
# positions" near X'): part of its clause, so neither mark ends a verb's places
QUOTED_FRAGMENT_RE = re.compile(r"[\"“][^\"“”\n.,;:!?]{1,120}[\"”]")
FOILED_ATTEMPT_RE = re.compile(
    r"\b(?:repell|repuls|thwart|foil|stopp|prevent|block|frustrat)\w*\s+(?:an?\s+|the\s+|all\s+)?"
    r"(?:\w+\s+)?(?:attempts?|efforts?|bids?)\b[^.;]{0,60}\bto\s+$", re.I)
TRYING_BEFORE_RE = re.compile(
    r"\b(?:trying|tried|tries|attempting|attempted|attempts?|sought|seeking)\s+to\s+$", re.I)
BUT_AFTER_RE = re.compile(r",?\s+but\b", re.I)
STALLED_AFTER_RE = re.compile(
    r"\b(?:(?:has|have|had)\s+(?:largely\s+)?stalled|ground\s+to\s+a\s+halt|"
    r"(?:has|have|had|got)\s+bogged\s+down)\b", re.I)
FAILED_AFTER_RE = re.compile(
    r"\b(?:without\s+success|unsuccessful(?:ly)?|to\s+no\s+avail|"
    r"but\s+(?:was|were|had\s+been|have\s+been)\s+(?:repelled|repulsed|beaten\s+back|stopped))\b",
    re.I,
)
# "..., though we have seen no indications of such a movement": the movement is denied after it
AFTER_NEGATION_RE = re.compile(
    r"[,;]\s*(?:(?:though|but|although|yet)\s+(?:[\w'’-]+\s+){0,4}?(?:seen|observed|found|"
    r"detected|is|are|was|were|been)\s+no\s+(?:indications?|signs?|evidence|confirmation)\b|"
    r"(?:a\s+|the\s+)?(?:claim|report|allegation)s?\s+(?:that\s+)?(?:[\w'’-]+\s+){0,3}?"
    r"(?:dismissed|denied|rejected|refuted|called\s+false)\b)",
    re.I,
)

# --- trigger guards ---------------------------------------------------------------------------
DETERMINER_BEFORE_RE = re.compile(
    r"\b(?:the|a|an|its|their|this|that|any|no|further|rapid|slow|major|swift|another|"
    r"Russian|Ukrainian|Russia['’]s|Ukraine['’]s|Moscow['’]s|Kyiv['’]s|Kiev['’]s)\s+$",
    re.I,
)
MODIFIER_PARTICIPLE_RE = re.compile(
    rf"\b(?:of|the|those|these|with)\s+(?:[\w-]+\s+)?{MIL_NOUN}\s+$", re.I
)
AUX_BEFORE_RE = re.compile(
    r"\b(?:has|have|had|was|were|is|are|been|be|being)\s+(?:\w+\s+)?$", re.I)
PLOY_RE = re.compile(
    r"\b(?:ploy|ruse|pretext|smokescreen|trick|excuse|cover|feint)\s+(?:\w+\s+)?to\s+$", re.I)
LEFT_NOT_MOVE_RE = re.compile(
    r"\s+(?:\d|dead|injured|wounded|without|behind|homeless|in\s+ruins|bank|flank|wing|side|hand|"
    r"over|many|several|(?:a|an)\s|its\s+mark|unclear|open)",
    re.I,
)
LEFT_ADJ_BEFORE_RE = re.compile(
    r"\b(?:the|on|to|far|center|centre|nothing|little|much|anything|something|everything|none|"
    r"what|there\s+is|there\s+are)\s+$", re.I)
# "moved to annex", "sent to fight": an infinitive, not a destination ("moved to camps in X",
# "to positions", "to the rear" are destinations: a plural noun or a determiner follows "to")
INFINITIVE_AFTER_RE = re.compile(
    r"\s+to\s+(?!(?:the|a|an|its|their|his|her|new|positions?|areas?|reserves?|rear|bases?|"
    r"defensive|staging|border|front|frontline|eastern|southern|northern|western|central|east|"
    r"south|north|west|"
    r"reinforce|bolster|strengthen|join|support)\b)(?!(?-i:[a-z]*[^su\W]s)\b)(?-i:[a-z]+)\b",
    re.I,
)
ADVANCE_NEXT_RE = re.compile(
    r"\s*(?:[,.;]|$|(?:on|toward|towards|to|into|in|through|near|around|across|along|past|further|from|"
    r"deeper|slowly|rapidly|quickly|steadily|several|some|about|up\s+to|\d|between|more|almost|"
    r"nearly|roughly|around|another|a\s+few|far|further|westward|eastward|"
    r"(?:north|south|east|west)(?:ward|wards)?)\b|[A-Z])"
)
RELATIVE_AUX_BEFORE_RE = re.compile(
    r"\b(?:that|which|who)\s+(?:had\s+been|have\s+been|has\s+been|were|was|are|is)\s+$", re.I)
LOCATED_AFTER_RE = re.compile(r"\s+(?:around|in|near|along|at|outside|inside)\b", re.I)
STATIC_BEFORE_RE = re.compile(
    r"\b(?:remain(?:s|ed|ing)?|still|stay(?:s|ed)?|permanently)\s+$", re.I)
CAPTURED_THING_RE = re.compile(
    r"\s+(?:of\s+)?(?:(?:the|a|an|two|three|four|five|several|some|many|dozens\s+of|hundreds\s+of|\d+|"
    r"more|other|at\s+least|up\s+to|about|around|nearly|almost|over|more\s+than|as\s+many\s+as)"
    r"\s+)*(?:[\w-]+\s+)?(?:soldiers|troops|prisoners|POWs|servicemen|fighters|"
    r"mercenaries|tanks?|vehicles|equipment|weapons|ammunition|documents|grain|ships?|vessels|"
    r"drones?|the\s+initiative|initiative)\b",
    re.I,
)
PROGRESS_RE = re.compile(r"(?:gains|advances|progress|headway|ground)$")
# "drove the Russians out of positions near X": the pushers took the positions
REMOVAL_RE = re.compile(r"\bout$|^(?:expel|oust|dislodg)")  # driven out, not pushed back
OUT_OF_POSITIONS_RE = re.compile(
    r"\b(?:out\s+of|from)\s+(?:the\s+|their\s+|its\s+|enemy\s+|several\s+|some\s+)*"
    r"positions?\b", re.I)
# "had partial success near X", "achieved some success in X": what made a success ground gained
SUCCESS_BEFORE_RE = re.compile(
    r"\b(?:ha[ds]|have|having|achiev(?:ed|ing|es|e)|report(?:ed|s)?)\s+(?:(?:a|some|partial|"
    r"limited|local|tactical|certain|further|new)\s+)*$", re.I)
CAPTURE_NOUN_RE = re.compile(r"(?:liberation|recapture|capture|seizure|retaking|fall)$")
GOAL_BEFORE_NOUN_RE = re.compile(
    r"\b(?:on|for|towards?|goals?|aims?|objectives?|tasks?|plans?|mission|purpose)\s*:?\s+"
    r"(?:the\s+)?(?:(?:main|full|complete|eventual|so-called)\s+)?[\"“]?$", re.I)
THINGS_LEFT_RE = re.compile(
    r"\s+(?:(?:their|its|the|behind|some|all)\s+)*(?:[\w-]+\s+)?(?:dead|bodies|corpses|wounded|"
    r"equipment|weapons|vehicles|tanks|ammunition|belongings|mines|documents)\b", re.I)
# a movement named as an aim, not done: "the stated goals of the operation to liberate X",
# "take all measures to transfer forces"
INTENT_BEFORE_RE = re.compile(
    r"\b(?:goals?|objectives?|aims?|tasks?|mission|ambitions?|measures?|steps)\b"
    r"(?:\s+(?!to\b)[\w'’-]+){0,6}?\s+to\s+$|\b(?:focus|concentrat)\w*\s+on\s+$"
    # "with the aim of taking all of X", "in the hope of retaking X"
    r"|\b(?:goals?|objectives?|aims?|intention|purpose|hopes?|plans?|view)\s+of\s+$", re.I)
# a capture as a bare infinitive is an aim ("advancing to take Donbas", "launched the offensive to
# seize X", "in a bid to capture it"), unless the infinitive says it was done: "managed to take"
DONE_INFINITIVE_RE = re.compile(
    r"(?:\b(?:managed|manage|manages|managing|able|succeeded|succeeds|began|begun|started)|"
    # "exploited the Russian withdrawals to retake territory": a means used to that end
    r"\b(?:exploited|used|took\s+advantage\s+of)\b[^.;:]{0,80})"
    r"\s+to\s+(?:fully\s+|finally\s+|completely\s+)?$", re.I)
INFINITIVE_BEFORE_RE = re.compile(r"\bto\s+(?:fully\s+|finally\s+|completely\s+)?$", re.I)
# a movement only planned, told as an infinitive (or a list of them): "plans to withdraw",
# "allegedly planned to create a buffer zone and push the defenders back"
_PLAN_VERBS = (r"plan(?:s|ned|ning)?|intend(?:s|ed|ing)?|want(?:s|ed)?|hop(?:e|es|ed|ing)|"
               r"aim(?:s|ed|ing)?|seek(?:s|ing)?|sought")
PLAN_BEFORE_RE = re.compile(
    rf"\b(?:{_PLAN_VERBS})\s+to\s+(?:[^.;:,]{{0,60}}?\s+and\s+)?$", re.I)
# a capture only tried or planned: "its attempt to seize Kyiv", "trying to capture Bakhmut"
ATTEMPT_BEFORE_RE = re.compile(
    r"\b(?:attempts?|attempted|attempting|tried|trying|tries|bids?|efforts?|ready|prepared|"
    rf"preparing|{_PLAN_VERBS})\s+to\s+(?:fully\s+)?$", re.I)
EVAC_PEOPLE_RE = re.compile(
    r"\b(?:civilians?|residents|women|children|elderly|people|families|patients|refugees|"
    r"wounded|injured)\b", re.I
)
EFFORT_ON_RE = re.compile(
    r"\s+(?:(?:its|their|the)\s+(?:main\s+)?(?:efforts?|forces|attention)\s+)?(?:on|upon)\b", re.I)
# a movement noun as the object of a verb that opposes it: "slowed the Russian advance",
# "holding back the enemy's offensive", "fended off the push on X" (nothing moved)
OPPOSED_BEFORE_RE = re.compile(
    r"\b(?:slow|slowed|slowing|stop|stopped|stopping|halt|halted|halting|prevent|prevented|"
    r"preventing|hamper|hampered|block|blocked|blocking|repel|repelled|repelling|thwart|thwarted|"
    r"resist|resisting|counter|countering|against|hinder|hindered|repuls\w*|contain|contains|"
    r"contained|containing|disrupt\w*|blunt\w*|(?:hold|holds|holding|held|beat|beats|beating|"
    r"beaten|push|pushing|pushed|drove|driving|driven)\s+back|(?:fend|fends|fended|fending|"
    r"fought|fight|fights|fighting|ward|wards|warded|warding|hold|holds|held|holding)\s+off)"
    r"\s+(?:the\s+|an?\s+|any\s+|its\s+|their\s+)?(?:further\s+)?(?:[\w'’-]+\s+)?$", re.I)
# a movement noun that is only in prospect: "would clear the way for further advances", "calls
# for the withdrawal of troops", "the threat of an offensive"
PROSPECT_BEFORE_NOUN_RE = re.compile(
    r"\b(?:(?:way|road|path|door|stage|ground)\s+(?:for|to)|(?:call|calls|called|calling|demand|"
    r"demands|demanded|demanding|press|pressed|pressing|push|pushed|pushing|urge|urged|urging|"
    r"prepare|prepared|preparing|preparations|ready|plans?|hopes?)\s+for|(?:threat|risk|"
    r"prospect|fear|fears|danger|possibility|chance|chances|hopes?|plans?|aim|goal|idea)\s+of)"
    r"\s+(?:(?:the|a|an|any|further|new|more|possible|eventual|full|complete|large-scale|major|"
    r"Russian|Ukrainian|Russia['’]s|Ukraine['’]s|its|their)\s+){0,3}$", re.I)
# a movement noun that failed or was given up: "abandoned its stalled push", "the failed
# offensive", "called off the assault" (as "the advance has stalled" after the noun)
FAILED_BEFORE_NOUN_RE = re.compile(
    r"(?:\b(?:abandon(?:ed|ing|s)?|g(?:ave|ive|iven|iving)\s+up|call(?:ed|ing|s)?\s+off)\s+"
    r"(?:the\s+|its\s+|their\s+|an?\s+|any\s+)?(?:[\w'’-]+\s+)?|"
    r"\b(?:stalled|failed|faltering|abortive|aborted|botched|unsuccessful|thwarted)\s+)$", re.I)
ABANDON_PLAN_RE = re.compile(
    r"\s+(?:its|their|the|his|any|all)?\s*(?:\w+\s+)?(?:attempts?|plans?|bids?|efforts?|hopes?|"
    r"goals?|aims?|idea|push|offensive|assault|storming)\b", re.I)
LEAVE_NOUN_RE = re.compile(r"\b(?:on|of|annual|sick|home)\s+$", re.I)
CIVILIAN_RE = re.compile(
    r"\b(?:humanitarian|aid|evacuation|refugees?|civilians?|relief|grain|UN|Red\s+Cross|buses|"
    r"ambulances?|residents|families|children|diplomats?|embassy|staff|journalists|"
    r"people\s+fleeing|"
    r"smoke|newspaper|opinion)\b",
    re.I,
)
COLUMN_MILITARY_RE = re.compile(
    r"\b(?:military|armou?red|tanks?|vehicles|trucks|troops|Russian|Ukrainian|enemy|equipment)\b",
    re.I,
)
AREA_OBJECT_RE = re.compile(
    r"^\s+(?:(?:from|out\s+of)\s+)?(?:the\s+|these\s+|those\s+|several\s+|some\s+|two\s+|"
    r"three\s+)?(?:area|region|city|town|village|villages|towns|settlements|positions|"
    r"their\s+positions|its\s+positions|the\s+country|bases?)\b",
    re.I,
)
TOWN_REFERENCE_RE = re.compile(r"the\s+(?:[\w-]+\s+){0,2}?(?:town|city|village)$", re.I)
PASSIVE_BEFORE_RE = re.compile(r"\b(?:be|been|being|is|are|was|were)\s+(?:\w+\s+){0,5}?$", re.I)
# between the subject of a passive and its verb: "Bucha and Irpin [have now been] liberated"
SUBJECT_GAP_RE = re.compile(
    # an apposition may stand between: "X, home to a few hundred people, had fallen", or a
    # relative clause: "X, which has been under siege for three months, is now ..."
    r"(?:\s*,[^,;:]{1,60},|(?P<relative>\s*,\s*(?:which|who)\s[^,;:]{1,200},))?"
    r"\s+(?:(?:has|have|had|was|were|is|are|been|being|will|would|shall|can|could|now|then|"
    r"also|already|finally|fully|completely|entirely|partially|largely|reportedly|officially|"
    r"just|gradually|successfully|currently)\s+)*", re.I)
# "X's recent fall", "the Kursk incursion": the place a movement noun is said of, before it
POSSESSOR_GAP_RE = re.compile(r"(?:['’]s)?\s+(?:(?!of\b|and\b|in\b)[\w-]+\s+){0,2}", re.I)
LIST_GAP_RE = re.compile(
    r"\s*(?:,|,?\s+(?:and|or|as\s+well\s+as))\s+(?:the\s+)?(?:(?:whole|entire)\s+)?", re.I)
TYPED_OF_BEFORE_RE = re.compile(r"\b(?:town|city|village|settlement)s?\s+of\s+$", re.I)
PASSIVE_AUX_RE = re.compile(
    r"\b(?:was|were|is|are|been|being)\s+(?:fully\s+|finally\s+|now\s+|reportedly\s+|"
    r"completely\s+|entirely\s+|partially\s+|largely\s+)?$", re.I)
BY_AFTER_RE = re.compile(r"\s+by\b", re.I)
ROUTE_RE = re.compile(r"\b(?:highway|road|route|railway|rail\s+line|bridge|supply\s+lines?)\b",
                       re.I)
WHICH_GAP_RE = re.compile(
    r"(?:\s+(?:nuclear\s+)?(?:power\s+)?(?:plant|station|city|town|village|area|region))?"
    r"(?:\s+in\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+)?"  # "Kherson in southern Ukraine, which ..."
    r"(?:\s*,\s+[^,;]{1,60}?)?\s*,\s+(?:which|that)\s+(?:[\w'’-]+\s+){0,7}", re.I)
AFTER_WHICH_RE = re.compile(r",?\s*after\s+which\s*$", re.I)
OBJECT_END_RE = re.compile(r"\b(?:to|toward|towards|into|from|out\s+of|in|near|around)\b", re.I)
# "Russian forces from Popasna advanced": where the mover came from, named before the verb
FROM_BEFORE_RE = re.compile(r"\bfrom\s+(?:the\s+)?$", re.I)
ELLIPTIC_DESTINATION_RE = re.compile(
    r"[\s,;:—–\"“]*(?:most|some|many|all|part|the\s+rest|several)\s+of\s+them\s+(?:back\s+)?"
    r"(?:into|to|toward|towards)\s+(?:the\s+)?", re.I)
# what is taken or entered when no place is named: "settlements", "a number of villages"
UNNAMED_GROUND_RE = re.compile(
    r"\s+(?:and\s+(?-i:[a-z]+ing)\s+)?(?:the\s+)?(?:(?:a\s+number\s+of|several|some|dozens\s+of|"
    r"\d+|more|other|many)\s+)?(?:settlements|villages|towns|territory|territories)\b", re.I)
ELSEWHERE_RE = re.compile(
    r"\b(?:elsewhere|(?:other|another)\s+(?:fronts?|sectors?|directions?|axes|parts\s+of))\b", re.I)
OPENING_FOR_RE = re.compile(r"\W*(?:For|To|Into|Toward|Towards)\s+(?:the\s+)?([^,]{2,40}),")
OPENING_FROM_RE = re.compile(r"^\W*From\s+[^,]{2,40},\s+(?:[\w'’-]+\s+){0,4}$")
# "troops surrounding Kyiv", "who had occupied the town", "units located in the areas of X":
# where the force was, whatever it then did
HOLDING_BEFORE_RE = re.compile(
    r"\b(?:occup(?:ied|ying|y)|held|holding|surround(?:ed|ing)|encircl(?:ed|ing)|"
    r"besieg(?:ed|ing)|blockad(?:ed|ing))\s+(?:the\s+)?$", re.I)
LOCATED_GAP_RE = re.compile(
    r"\b(?:located|stationed|based|positioned|deployed|dug\s+in|entrenched|concentrated|"
    r"fighting|surrounding|occupying|holding|encircling|besieging)\s+"
    r"(?:(?:in|at|near|around|outside|on)\s+)?(?:the\s+)?(?:(?:areas?|outskirts|vicinity)\s+of\s+)?"
    r"(?:the\s+)?$", re.I)
AREA_AFTER_RE = re.compile(r"\s*(?:area|direction|axis|sector)?\s*$", re.I)
# "the Kharkiv region", "Sumy Oblast": a mention that names an area, not its capital city
AREA_SURFACE_RE = re.compile(r"(?:region|oblast|province)$", re.I)
# "the Donetsk region", "the Donetsk area" (after another place: where that place lies)
AREA_AFTER_NAME_RE = re.compile(
    r"\s+(?:People['’]s\s+Republic|region|oblast|province|krai|area)\b", re.I)
COORDINATION_RE = re.compile(
    r"\s*(?:,\s*)?(?:and|or|as\s+well\s+as|along\s+with)\s+(?:the\s+)?", re.I)
LIST_COMMA_RE = re.compile(r"\s*,\s*(?:the\s+)?")
LIST_GOES_ON_RE = re.compile(r"\s*(?:,|and\b|or\b)", re.I)
PURPOSE_RE = re.compile(r"\bto\s+$", re.I)
TOWARD_RE = re.compile(r"\b(?:toward|towards|closer\s+to|on)\b", re.I)
# "the units that left X are moving into Y": the relative clause says where the subject was
RELATIVE_BEFORE_RE = re.compile(r"\b(?:that|which|who)\s+(?:(?:had|have|has)\s+)?$", re.I)
PARTICIPLE_OF_FORCE_RE = re.compile(rf"\b{MIL_NOUN}\s+$", re.I)
MAIN_VERB_GAP_RE = re.compile(
    r"(?:\s+[\w'’-]+){0,2}?\s+(?:are|were|is|was|have|has|had)(?:\s+[\"“]?(?:now|already|been|"
    r"being|begun|started|reportedly))*\s+[\"“]?", re.I)
# between verbs of one list: "regroup, resupply and reinforce", "pulled back and regrouped"
VERB_LIST_GAP_RE = re.compile(
    r"(?:\s*,\s*(?-i:[a-z]+)){0,3}\s*,?\s+(?:and|or)\s+(?:then\s+)?|\s*,\s*", re.I)
# verbs that say only that a force moved, not how: the movement they continue gives the kind
MOTION_ONLY_STEMS = ("head", "mov", "return", "relocat", "go", "went", "repositi")
ONWARD_STEMS = ("head", "mov")  # plain motion, no sense of going back or re-placing
COMPASS_PREP_RE = re.compile(r"(?:north|south|east|west)")  # "moving south of X" (not "away from")
# "one other ship was moved to Y", "more units were sent to Y": more of a force in play
MORE_OF_RE = re.compile(r"\b(?:other|another|more|further|also)\b", re.I)
CONTINUATION_RE = re.compile(
    r"[\s,]*(?:[\w'’-]+\s+){0,4}?(?:and|then)\s+(?:then\s+)?"
    r"(?:(?:they|(?:some|most|many|all)\s+of\s+them)\s+)?"
    r"(?:(?:are|were|is|was|now|have|had)\s+)?"
    r"(?:(?:been|begun|started)\s+)?", re.I)

# --- places -----------------------------------------------------------------------------------
PREP_RE = re.compile(
    r"\b(?:out\s+of|away\s+from|back\s+from|back\s+to|back\s+into|in\s+on|closer\s+to|close\s+to|"
    r"in\s+the\s+direction\s+of|"
    r"(?:north|south)-?(?:east|west)\s+of|(?:north|south|east|west)\s+of|from|toward|towards|into|onto|to|for|inside|outside|within|"
    r"in|on|near|around|at|across|along|behind|beyond|over|through|via|off|of|including|between|"
    r"included)\b",
    re.I,
)
FROM_PREPS = frozenset({"out of", "away from", "back from", "from", "off"})
TO_PREPS = frozenset({"to", "toward", "towards", "into", "onto", "back to", "back into", "in on",
                       "in the direction of",
                       "closer to", "for"})
VIA_PREPS = frozenset({"through", "via", "between"})  # passed or lain between: no end
PULLBACK = frozenset({"withdraw", "retreat", "reposition"})
DESCRIBING_GAP_RE = re.compile(
    r"^,\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,3}?(?:town|city|village|port|hub|settlement|"
    r"suburb)\b[^,;]*$", re.I)
LOCATING_GAP_RE = re.compile(
    r"^,?\s+(?:just\s+|some\s+\d+\s+(?:km|kilometres|kilometers|miles)\s+)?"
    r"(?:(?:north|south)-?(?:east|west)?|east|west)(?:ern)?\s+of\s+(?:the\s+)?$", re.I)
# "X in eastern Crimea", "the X area of the Y region"
IN_AREA_GAP_RE = re.compile(
    r",?\s+(?:(?:area|district|direction|sector|part|outskirts)\s+)?(?:in|of)\s+(?:the\s+)?"
    r"(?:[\w-]+\s+)?", re.I)
NEAR_GAP_RE = re.compile(
    r"^,?\s+(?:just\s+)?(?:near|outside|close\s+to|not\s+far\s+from|next\s+to)\s+(?:the\s+)?"
    r"(?:(?:[\w'’-]+\s+){0,2}?(?:town|city|village|settlement|port)\s+of\s+)?$", re.I)
LOCATING_PREPS = frozenset({"near", "around", "at", "outside", "in", "close to", "inside"})
APPOSITION_GAP_RE = re.compile(
    r"^(?:\s|,|['’]s|\(|the|capital|city|town|port|region|oblast|province|of)*$", re.I
)
POSSESSIVE_RE = re.compile(r"['’]s\b")
# "about 5 km from Pokrovsk", "within 10 miles of Kyiv": how far, not where from or to
DISTANCE_GAP_RE = re.compile(
    r"\b(?:\d+(?:[.,]\d+)?|a\s+few|several|some|two|three|four|five|ten)\s*"
    r"(?:km|kilomet(?:re|er)s?|miles?|metres|meters)\s+(?:away\s+)?(?:from|of|short\s+of)\s+"
    r"(?:the\s+)?(?:borders?\s+(?:with|of)\s+(?:the\s+)?)?$", re.I)
# "pulled back from around Kyiv and are now in Belarus": where a pull-back ended
NOW_IN_GAP_RE = re.compile(
    r"\b(?:are|is|were|was)\s+(?:now\s+|already\s+|back\s+)*(?:in|inside)\s+(?:the\s+)?$", re.I)
# "Vovchansk's northern districts": a part of the town is the town
PART_OF_TOWN_AFTER_RE = re.compile(
    r"['’]s\s+(?:(?:northern|southern|eastern|western|central|north-?(?:east|west)ern|"
    r"south-?(?:east|west)ern|industrial|residential)\s+)?(?:districts?|outskirts|suburbs?|"
    r"cent(?:re|er)|part|parts|neighbou?rhoods?|quarters?|flanks?|approaches|environs|edges?|"
    r"perimeter|surroundings|streets)\b", re.I)
# "an 'and' verb right after a movement verb shares its object: "entered and secured Sudzha"
SHARED_OBJECT_VERB_RE = re.compile(r"\s*and\s+(?:then\s+)?(?-i:[a-z]+(?:ed|ing))\b")
POSSESSIVE_ACTOR_RE = re.compile(rf"['’]s\s+(?:[\w-]+\s+)?{MIL_NOUN}\b", re.I)
CAPITALS = frozenset({"Moscow", "Kyiv", "Minsk", "Washington"})
# a capital or a country as the subject of what a state does ("Moscow has admitted", "the city
# Russia has been trying to conquer"): a political actor, not a place (unless after a
# preposition: "returned to Russia, said ...")
POLITICAL_NAMES = CAPITALS | {"Russia", "Belarus", "Ukraine"}
CAPITAL_SPEAKS_RE = re.compile(
    r"\s+(?:(?:has|have|had|is|was|will|would)\s+)?(?:(?:also|now|long|already|repeatedly|"
    r"officially|publicly|finally)\s+)?(?:says|said|calls|called|claims|claimed|announced|denied|"
    r"denies|insists|insisted|accused|accuses|wants|wanted|demanded|warned|vowed|stated|"
    r"responded|believes|hopes|plans|refused|admits|admitted|acknowledges|acknowledged|"
    r"confirms|confirmed|concedes|conceded|decided|tries|tried|trying|seeks|sought|seeking|"
    r"been\s+(?:trying|seeking|attempting|hoping|struggling))\b", re.I)
PLACE_PREP_BEFORE_RE = re.compile(
    r"\b(?:from|to|into|in|of|inside|within|toward|towards|across|near|around|at|for|via)\s+"
    r"(?:the\s+)?$", re.I)
# "the village of Lastochkyne", "in the area of Lukianske": a settlement named by its kind,
# a place even when the gazetteer does not know it (frontline villages are many and small)
TYPED_NAME_RE = _Anchored(
    "village settlement hamlet town city area vicinity outskirts",
    r"(?:village|settlement|hamlet|town|city|area|vicinity|outskirts)\s+of\s+"
    r"(?P<name>(?-i:[A-Z][a-zʼ’'-]+)(?:[- ](?-i:[A-Z][a-zʼ’'-]+))?)\b(?!['’]s)")
TYPED_NAME_QUICK_RE = re.compile(
    r"(?:village|settlement|hamlet|town|city|area|vicinity|outskirts) of [A-Z]")
NOT_A_NAME_RE = re.compile(
    r"(?:Russia|Ukrain|Belarus|Moscow|Kyiv|Kiev|Soviet|The|This|That|These|Those|Our|Their|"
    r"Its|His|Her|A|An)", re.I)
BORDER_WITH_RE = re.compile(r"\bborders?\s+(?:with|of)\s+(?:the\s+)?$", re.I)
WHOLE_THEATRE = frozenset({"Ukraine"})

# --- size -------------------------------------------------------------------------------------
SIZE_RE = _Anchored(
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
_MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
           r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
MONTH_BEFORE_RE = re.compile(rf"\b{_MONTHS}\s+$")
MONTH_AFTER_RE = re.compile(rf"\s+{_MONTHS}\b")
VAGUE_AMOUNT_RE = re.compile(r"^(?:several|a\s+few|dozens)$", re.I)
# People counted as casualties, not as a force: "the bodies of 20 men", "12 people were killed".
CASUALTY_BEFORE_RE = re.compile(r"\b(?:bodies|remains|corpses|deaths|graves)\s+of\s+$", re.I)
CASUALTY_AFTER_RE = re.compile(
    r"\s+(?:(?:were|have\s+been|had\s+been|was)\s+)?(?:killed|dead|died|wounded|injured|"
    r"murdered|executed|found\s+dead|buried)\b", re.I)



SUBJECT_OPENING_RE = re.compile(
    rf"^(?:[^,;]{{0,40}},\s*)?\W*(?:the|its|their)\s+(?:[\w'’-]+\s+){{0,2}}?{MIL_NOUN}\s+$",
    re.I)
CLAUSE_REST_RE = re.compile(r"[^.;:]*")
FINITE_RE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|could|can|may|might|remain\w*|began|"
    r"continue[sd]?)\b", re.I)
INTRANSITIVE = ("retreat", "fled", "advanc", "regroup", "fell")
THEM_RE = re.compile(r"\bthem\b", re.I)
OPPOSITE_SIDE = {"ua": "Russian forces", "ru": "Ukrainian forces", "wagner": "Ukrainian forces"}
LOCATION_NOUN_RE = re.compile(r"\b(?:positions|lines|areas|trenches|bases|camps|defen[cs]es)\b",
                              re.I)
# Who speaks: words one side uses for the other (or for itself) and the other side never does.
# A document's own side ("our units", "we", and the side "the enemy" is not) is the side whose
# words it uses; a quotation's, its speaker's side.
VOICE_RE = _Anchored(
    "occupiers occupants invaders rashists ruscists orcs aggressor defence defense regime neo "
    "formations militants banderites",
    r"(?P<ua>(?:occupiers|occupants|invaders|rashists|ruscists|orcs|aggressor|"
    r"Defen[cs]e\s+Forces)\b)|"
    r"(?P<ru>(?:(?<=Kyiv\s)regime|(?<=Kiev\s)regime|neo-?Nazis?|(?<=Ukrainian\s)formations|"
    r"(?<=Ukrainian\s)militants|Banderites)\b)")
# the attribution after a closing quotation mark: '..., Sever Group, a channel of Russian war
# correspondents, wrote' (where a speaker's name alone names no side)
ATTRIBUTION_RE = re.compile(r"(?:[,.!?]\s*[”\"]|[”\"]\s*,)\s*(?P<tail>[^“”\"]{1,200})$")
SPEAKER_SIDE_RE = re.compile(
    r"(?P<wagner>wagner|prigozhin)|(?P<ru>russia|moscow|kremlin|putin|shoigu|peskov|gerasimov|"
    r"konashenkov)|(?P<ua>ukrain|kyiv|kiev|zelensk|syrskyi|zaluzhn)", re.I)

RU_FAMILY_WORDS = ("russia", "chechen", "kadyrov", "vdv", "rosgvardia", "black sea")


# --- references and titles (scene.py) ----------------------------------------------------------
# Adjectives that may sit between "the" and the noun of a reference ("the besieged city").
REFERENCE_ADJECTIVES = (
    "besieged embattled occupied liberated encircled surrounded key strategic nearby frontline "
    "front-line port regional same small industrial eastern western northern southern central "
    "whole entire two three both Ukrainian Russian Belarusian"
)
# "the besieged city", "the capital", "the region", "the cities", "the area", "there"
REFERENCE_RE = _Anchored(
    "the this that both these those there it",
    r"\b(?:the|this|that|both|these|those)\s+"
    rf"(?P<adjectives>(?:(?:{'|'.join(REFERENCE_ADJECTIVES.split())})\s+){{0,2}})"
    r"(?P<noun>capital(?:\s+city)?|cities|towns|city|town|village|region|oblast|province|area|"
    r"(?:conflict|combat|war|battle|fighting)\s+zone)\b"
    # "the city of Kherson", "the city's mayor", "the city [Lysychansk]", "the capital Kyiv":
    # the place is named right there
    r"(?!\s+(?:of|around|near|between|along|where|that|which)\b|['’]s\b|\s*\[|\s+(?-i:[A-Z]))"
    r"|\bthere\b(?!\s+(?:is|are|was|were|has|have|had|will|would|must|may|might|can|could|"
    r"should|remain\w*|seem\w*|appear\w*)\b)"
    # "withdrew from it", "pulled out of it": the last place named
    r"|(?<=\bfrom\s)it\b|(?<=\bof\s)it\b(?<=\bout\sof\sit)|(?<=\binto\s)it\b",
)
CAPITAL_OF = {"russian": "Moscow", "belarusian": "Minsk"}  # "the Russian capital"; else Kyiv
# "Luhansk governor", "the governor of Luhansk", "head of the Sumy Oblast Military
# Administration", "Kharkiv City Council member": a place in an official's title is where the
# official serves, not a place in play.
TITLE_AFTER_RE = re.compile(
    r"\s+(?:(?:regional|oblast|region|city|district|military|civil|civilian|state|local|"
    r"deputy|acting)\s+)*(?:governor|mayor|administration|council|governorship|prosecutor|"
    r"police|authorities|head|chief|official)\b", re.I)
TITLE_BEFORE_RE = re.compile(
    r"\b(?:governor|mayor|head|chief|administration|council|deputy\s+head)\s+of\s+(?:the\s+)?$",
    re.I)
