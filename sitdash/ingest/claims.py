"""Claims from sentences: stable ids, hedges, quantities; and the claim-level helpers."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from sitdash.ingest.attribution import source_kind
from sitdash.ingest.dates import MONTHS, find_dates

# Words that make a statement an assessment or expectation rather than an assertion.
HEDGE_WORDS = (
    "possible", "possibly", "not clear", "unclear", "expected", "could", "may", "might",
    "likely", "unlikely", "appears", "appeared", "apparently", "reportedly", "allegedly",
    "believed", "suggests", "suggested", "probably", "perhaps", "would", "assess", "assessed",
    "estimated", "unconfirmed", "cannot be verified", "could not be verified", "claimed",
    "seems", "potentially", "portend", "cannot independently confirm",
    "could not independently confirm", "cannot independently verify",
    "could not independently verify", "unable to verify", "unable to confirm",
    "not independently verified", "not been independently verified",
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


def _calendar(date_text: str) -> bool:
    """A written calendar date ("April 07", "2022-04-07"), not "the past 24 hours"."""
    return bool(_SEPARATED_DIGITS_RE.search(date_text)) or any(
        word.rstrip(".").lower() in MONTHS for word in date_text.split()
    )


_SEPARATED_DIGITS_RE = re.compile(r"\d[-./]\d")
_MONTH = r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b"
# "April 07", "07 April" (day first, as British and European copy writes it), "2022-04-07"
_CALENDAR_HINT_RE = re.compile(r"\d[-./]\d|" + _MONTH + r"\.?\s*\d|\d\s+" + _MONTH)


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


# Newsroom boilerplate: the outlet about its own reporting, never a claim about the war. The
# newsroom must be the subject opening the sentence: "ISW cannot independently confirm these
# reports" closing a longer sentence leaves it a claim (hedged); "Ukraine could not confirm the
# capture" is a claim.
_NEWSROOM_VERIFY_RE = re.compile(
    r"^(?P<who>(?:[\w.’'&/-]+\s+){0,4}?[\w.’'&/-]+)\s+(?:was|were|is|are|has\s+been|have\s+been)?"
    r"\s*(?:still\s+)?(?:unable\s+to|not\s+able\s+to|could\s+not|couldn['’]t|cannot|can\s*not|"
    r"can['’]t|did\s+not)\s+(?:immediately\s+)?(?:independently\s+)?"
    r"(?:verify|confirm|corroborate)\b",
    re.I,
)
_NOT_VERIFIED_RE = re.compile(
    r"^(?:it|this|that|these|the\s+(?:claims?|reports?|information|footage|videos?|figures?|"
    r"accounts?|images?))\s+(?:could|can|has|have|was|were)\s*(?:not|n['’]t)\s+(?:yet\s+)?"
    r"(?:be\s+|been\s+)?(?:independently\s+)?(?:verified|confirmed)\b",
    re.I,
)
_NEWSROOM_COMMENT_RE = re.compile(
    r"^(?P<who>(?:[\w.’'&/-]+\s+){0,4}?[\w.’'&/-]+)\s+(?:has|have|had)\s+(?:contacted|"
    r"reached\s+out\s+to|asked|approached)\s+.{1,80}?\s+for\s+(?:comment|a\s+response|"
    r"a\s+reaction)",
    re.I,
)
_NO_REPLY_RE = re.compile(
    r"\bdid\s+not\s+(?:immediately\s+)?(?:respond|reply)\s+to\s+(?:a\s+|an\s+|our\s+)?"
    r"(?:requests?|emails?|calls?|messages?)\s+(?:seeking|for)\s+comment",
    re.I,
)
_BOILERPLATE_HINT_RE = re.compile(r"verif|confirm|corroborat|comment", re.I)
UNVERIFIED = "not independently verified"


def boilerplate(sentence: str) -> str | None:
    """ "unverified" for "Reuters was unable to verify the information" (it hedges the claim
    before it), "comment" for "The BBC has contacted the ministry for comment" or "... did not
    respond to a request for comment"; None for any other sentence."""
    if len(sentence) > 220 or not _BOILERPLATE_HINT_RE.search(sentence):
        return None
    verify = _NEWSROOM_VERIFY_RE.match(sentence)
    if (verify and _newsroom(verify["who"])) or _NOT_VERIFIED_RE.match(sentence):
        return "unverified"
    comment = _NEWSROOM_COMMENT_RE.match(sentence)
    if (comment and _newsroom(comment["who"])) or _NO_REPLY_RE.search(sentence):
        return "comment"
    return None


def _newsroom(who: str) -> bool:
    """An outlet, a think tank, or "we": whoever reports, not a party to the war."""
    if who.lower() in ("we", "this newspaper", "this outlet", "the newspaper", "the outlet"):
        return True
    return source_kind(who) in ("media", "analysts")


def is_heading(paragraph: str) -> bool:
    """A section heading: a short line without closing punctuation ("Konotop district"),
    whose place is where the paragraphs under it happen."""
    paragraph = paragraph.rstrip().removesuffix(":")  # "Kharkiv Oblast:" heads what follows
    words = paragraph.split()
    if not 1 <= len(words) <= 5 or paragraph.endswith(_TERMINAL):
        return False
    # names only, with area words between: no verb, so no sentence
    return all(w[:1].isupper() or w.lower() in _HEADING_WORDS for w in words)


def cut_off(text: str) -> bool:
    """Whether a text stops mid-sentence (an excerpt cut at a length limit: "... said the
    chief"): its last sentence is incomplete."""
    end = text.rstrip()
    return bool(end) and not end.endswith(_TERMINAL)


# --- places named as actors --------------------------------------------------------------------

# Capitals that stand for their governments ("Moscow says", "Kyiv's army"); countries do too.
_METONYM_CAPITALS = frozenset({"Moscow", "Kyiv", "Minsk"})
# A preposition right before a name makes it a place (or a partner, "talks with Russia"), not
# the subject of what follows.
_PREPOSITION_BEFORE_RE = re.compile(
    r"\b(?:in|into|from|to|toward|towards|near|around|across|inside|outside|at|on|onto|through|"
    r"over|within|throughout|of|via|against|with|between|for|beyond|behind|under|along|"
    r"the)\s+$",
    re.I,
)
_IRREGULAR_PAST = frozenset(
    "said told sent made took began struck fought lost won gave held kept left brought built "
    "drew threw wrote sought knew thought went came saw shot hit".split()
)
_AUXILIARY = (
    r"(?:has|have|had|is|was|are|were|will|would|could|can|may|might|must|should|shall|did|does|"
    r"do|also|now|already|still|then|again|reportedly|repeatedly|officially|not|never|itself)"
)
_NEXT_WORD_RE = re.compile(rf"\s+(?:{_AUXILIARY}\s+)*(?P<word>[a-z][a-z-]*)")
_STARTS_WITH_AUXILIARY_RE = re.compile(rf"\s+{_AUXILIARY}\b")
# A name that undergoes what the sentence reports: "was shelled", "is under attack", "came
# under fire", "has been hit".
_UNDERGOES_RE = re.compile(
    r"\s+(?:(?:is|was|are|were|has\s+been|have\s+been|had\s+been|been|being|came|comes|remains|"
    r"remained)\s+)(?:(?:still|again|also|now|reportedly|repeatedly|heavily)\s+)*"
    r"(?:under\b|[a-z]+ed\b|hit\b|struck\b|shot\b|being\b)"
)
# Plural nouns a place name can modify ("Kyiv residents"): not verbs after a subject.
_PLACE_NOUNS = frozenset(
    "residents people citizens officials authorities forces troops units soldiers civilians "
    "regions oblasts provinces areas suburbs outskirts streets districts towns cities villages "
    "ports borders lines positions defenders defences defenses".split()
)
# A possessive that still names the place: "Kyiv's suburbs", "Russia's border regions".
_PLACE_PART_RE = re.compile(
    r"['’´]s\s+(?:(?:northern|southern|eastern|western|central|north-?\w*|south-?\w*|border|"
    r"frontier|main|capital|largest|second-largest)\s+)?(?:outskirts|suburbs?|streets?|cent(?:re|er)|"
    r"districts?|neighbou?rhoods?|regions?|oblasts?|provinces?|north|south|east|west|borders?|"
    r"territory|territories|airspace|ports?|cities|towns|villages|soil|land|coast|frontier|"
    r"airports?|skies|interior)\b"
)
_POSSESSIVE_RE = re.compile(r"['’´]s\b")
_AGENT_BEFORE_RE = re.compile(r"\bby\s+(?:the\s+)?$")
# "the Ministry of Defence of the Russian Federation", "Armed Forces of Ukraine": part of a name
_NAME_OF_BEFORE_RE = re.compile(r"\b[A-Z][\w-]*\s+of\s+(?:the\s+)?$")


def actor_places(sentence: str, mentions: list) -> list[str]:
    """Places `sentence` names only as actors, not as where anything happens: a country or a
    capital standing for its government ("Russia says ...", "Moscow's forces", "captured by
    Russia", "the Ministry of Defence of the Russian Federation"). A name is an actor in every
    mention or it is not one: "Russia said it struck targets in Russia" keeps Russia a place."""
    actors: dict[str, bool] = {}
    for mention in mentions:
        name = mention.name
        if not (name in _METONYM_CAPITALS or _is_country(name)):
            actors[name] = False
            continue
        actors[name] = actors.get(name, True) and _acts(sentence, mention.start, mention.end)
    return [name for name, acting in actors.items() if acting]


@lru_cache(maxsize=1024)
def _is_country(name: str) -> bool:
    from sitdash.ingest.places import lookup  # places imports nothing from here; kept lazy

    info = lookup(name)
    return info is not None and info.kind == "country"


def _acts(sentence: str, start: int, end: int) -> bool:
    before, after = sentence[max(0, start - 40) : start], sentence[end : end + 60]
    if _POSSESSIVE_RE.match(after):
        return not _PLACE_PART_RE.match(after)  # "Moscow's forces" acts; "Kyiv's suburbs" is
    if _AGENT_BEFORE_RE.search(before) or _NAME_OF_BEFORE_RE.search(before):
        return True
    if _PREPOSITION_BEFORE_RE.search(before):
        return False  # "in Russia", "on Kyiv", "towards Belarus": a place
    if _UNDERGOES_RE.match(after):
        return False  # "Kyiv was still under attack", "Kharkiv was shelled": where it happened
    if _STARTS_WITH_AUXILIARY_RE.match(after):
        return True  # "Russia has backed", "Moscow is trying"
    nxt = _NEXT_WORD_RE.match(after)
    if nxt is None:
        return False
    word = nxt["word"]
    if word in _PLACE_NOUNS:
        return False
    return word.endswith(("s", "ed")) or word in _IRREGULAR_PAST  # "Russia says", "Kyiv said"


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
    dates: list[tuple[int, int]] | None = None
    for match in _QUANTITY.finditer(sentence):
        if match.group(0)[:1].isdigit():
            if dates is None:
                dates = (
                    [(d.start, d.end) for d in find_dates(sentence) if _calendar(d.text)]
                    if _CALENDAR_HINT_RE.search(sentence) else []
                )
            if any(a <= match.start() < b for a, b in dates):
                continue  # "on April 07 Russian troops ...": a date, not 7 troops
        text = " ".join(match.group(0).split())
        if text not in out:
            out.append(text)
    return out
