"""Gazetteer: place names in article text -> canonical places, their oblast and theatre region.

Naming scheme (kept deliberately simple, since analysts and the gold both use bare toponyms):
- Canonical names use the Ukrainian national transliteration: "Kiev" -> Kyiv, "Kharkov" -> Kharkiv,
  "Chernobyl" -> Chornobyl. Russian, Belarusian and Moldovan places keep their usual English name.
- An oblast named after its capital is mentioned by the bare name: "Donetsk", "Donetsk region",
  "Donetsk Oblast", "the Donetsk People's Republic" and "DPR" all give the mention "Donetsk"
  (the city entry, whose oblast is "Donetsk Oblast"). Oblasts with a name of their own give the
  oblast entry: "Dnipropetrovsk region" -> "Dnipropetrovsk Oblast", "Volyn" -> "Volyn Oblast".
  `lookup("Kharkiv Oblast")` still returns the oblast entry (kind "oblast").
- Donbas is an area over two oblasts: `PlaceInfo.oblast` is None, `oblasts_of("Donbas")` gives both.
- Special-status cities roll up into what surrounds them: Kyiv -> Kyiv Oblast, Sevastopol -> Crimea.
- Adjectives are not mentions ("Russian forces" names no place); possessives are ("Russia's").

Matching rules: a mention starts with a capital letter (ALL-CAPS only for well-known places, as in
datelines); the longest alias wins and mentions never overlap; some phrases that contain a place
name but name something else ("Kyiv Independent", "Azov Regiment", "Sea of Azov") are consumed
and yield nothing. Places taken from GeoNames (not curated) must also stand alone: one glued to
another capitalised word ("Vladimir Putin", "Anna Malyar") is taken as part of a name.

A capitalised word after a hyphen whose head is no known place is part of a compound
("Rai-Oleksandrivka" is not Oleksandrivka; "Kharkiv-Belgorod" names both). `typed_mentions(text)`
says which place "the town", "the city" or "the village" last stood for ("the town of X").

Transliteration hybrids ("Chernigiv", "Khmelnitskiy", "Mykolaev") are ordinary aliases: the
build generates them by regular alternations (h/g, i/y, -skyi/-sky, ie/ye, ...) and keeps only those
no other place, variant or English word shares, so matching costs nothing extra here.

The data is sitdash/data/gazetteer.json, built by scripts/make_gazetteer.py; it loads lazily once.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

import orjson

from sitdash.model import PlaceInfo, PlaceMention

# Theatre regions, in the order an analyst reads a map of the war.
REGIONS = ("north", "east", "south", "central", "west", "Belarus", "Russia")

# Every Ukrainian oblast (plus Crimea) and its theatre region.
OBLAST_REGION = {
    "Kyiv Oblast": "north",
    "Chernihiv Oblast": "north",
    "Sumy Oblast": "north",
    "Zhytomyr Oblast": "north",
    "Kharkiv Oblast": "east",
    "Donetsk Oblast": "east",
    "Luhansk Oblast": "east",
    "Kherson Oblast": "south",
    "Mykolaiv Oblast": "south",
    "Odesa Oblast": "south",
    "Zaporizhzhia Oblast": "south",
    "Crimea": "south",
    "Dnipropetrovsk Oblast": "central",
    "Poltava Oblast": "central",
    "Cherkasy Oblast": "central",
    "Kirovohrad Oblast": "central",
    "Vinnytsia Oblast": "central",
    "Lviv Oblast": "west",
    "Volyn Oblast": "west",
    "Rivne Oblast": "west",
    "Ternopil Oblast": "west",
    "Ivano-Frankivsk Oblast": "west",
    "Zakarpattia Oblast": "west",
    "Chernivtsi Oblast": "west",
    "Khmelnytskyi Oblast": "west",
}

# Areas spanning several oblasts.
AREA_OBLASTS = {"Donbas": ("Donetsk Oblast", "Luhansk Oblast")}

# Oblast-level areas, what the Regions pane, the map and the exports roll places up to: every
# Ukrainian oblast and Crimea (Kyiv city lies in Kyiv Oblast and Sevastopol in Crimea, as in the
# gazetteer), Belarus as a whole, Russia's oblasts on the border, the rest of Russia as one area,
# and the other neighbours as countries.
RUSSIA_BORDER_OBLASTS = ("Bryansk Oblast", "Kursk Oblast", "Belgorod Oblast", "Voronezh Oblast",
                         "Rostov Oblast")
RUSSIA_ELSEWHERE = "Russia (other)"
NEIGHBOUR_COUNTRIES = {"BY": "Belarus", "MD": "Moldova", "PL": "Poland", "RO": "Romania",
                       "HU": "Hungary", "SK": "Slovakia", "LT": "Lithuania"}
# area -> theatre region (None: a neighbour outside the theatre regions).
AREA_REGION: dict[str, str | None] = {
    **{oblast: region for oblast, region in OBLAST_REGION.items()},
    "Belarus": "Belarus",
    **{oblast: "Russia" for oblast in RUSSIA_BORDER_OBLASTS},
    RUSSIA_ELSEWHERE: "Russia",
    **{name: None for code, name in NEIGHBOUR_COUNTRIES.items() if code != "BY"},
}

# Cities that share a name with a river: "the Dnipro" or "Dnipro river" is the river.
RIVER_HOMONYMS = frozenset({"Dnipro", "Desna", "Inhulets", "Oskil", "Psel", "Vorskla"})

# Curated places named after people: "Bohdan Khmelnytsky" is not the city.
PERSON_HOMONYMS = frozenset({"Khmelnytskyi", "Kropyvnytskyi", "Sheptytskyi", "Engels", "Kurchatov"})
# Places spelled like English words: "Bar owners said" opens a sentence, it names no town.
WORDLIKE = frozenset({"bar", "chop", "perm"})

# Capitalised words that may sit right before a GeoNames place without making it part of a name.
_FREE_BEFORE = frozenset(
    "in at on of near from to into toward towards outside around and or the both for by across "
    "through over under inside beyond between via like while after before since as with without "
    "until along including also but then where when if so yet nor than against amid among "
    "north south east west northern southern eastern western central northeast northwest "
    "southeast southwest downtown greater occupied liberated besieged frontline "
    "village town city settlement region district oblast province".split()
)
# Capitalised words that may follow a GeoNames place (a title, an institution of the place).
_FREE_AFTER = frozenset(
    "oblast region province district raion city town village settlement hromada council mayor "
    "governor administration military regional airport station railway direction axis front "
    "sector bridgehead salient".split()
)

_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "`": "'", "´": "'"})
_FOLD_DROP = re.compile(r"[\u0300-\u036f']")
_SEPARATORS = re.compile(r"[\s\-–]+")
# A word that may start a place name: a capital letter, then letters and inner apostrophes
# ("Kam'ianka", "Russia's"). No look-behind, so the scan stays fast: find_places looks back.
_CAP_TOKEN = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ž][^\W\d_]*(?:['’ʼ][^\W\d_]+)*")
_IN_WORD = frozenset("'’ʼ_")
# The next word of a multi-word name: joined by one space or a hyphen ("Rostov-on-Don").
_NEXT_TOKEN = re.compile(r"(?:[ \-]|\. )([^\W\d_]+(?:['’ʼ][^\W\d_]+)*)")
_POSSESSIVE = re.compile(r"['’ʼ]s$")
_WORD_BEFORE_HYPHEN_RE = re.compile(r"[^\W\d_]+$")
_PREV_WORD = re.compile(r"([^\W\d_]+)[ ]$")
# The rest of a list that ends in "regions": "Dnipropetrovsk[, Poltava] and Sumy regions".
_REGION_LIST_TAIL = re.compile(
    r"(?:,\s+[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)?)*,?\s+and\s+[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)?"
    r"\s+(?:regions|oblasts|provinces)\b"
)


def surface_key(surface: str) -> str:
    """The lookup key of a spelling: case, accents, apostrophes and hyphens ignored."""
    text = surface.translate(_APOSTROPHES).lower()
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
    text = _FOLD_DROP.sub("", text)
    return _SEPARATORS.sub(" ", text).strip()


class Gazetteer:
    """The loaded gazetteer: entries, the alias index and the first-word index for scanning."""

    __slots__ = ("rows", "aliases", "exact", "first_words", "names", "_infos")

    def __init__(self, data: dict):
        # rows: [name, country, oblast, region, kind, lat, lon, population, curated]
        self.rows: list[list] = data["places"]
        self.aliases: dict[str, int] = data["aliases"]  # key -> row index, -1 = "not a place"
        self.exact: dict[str, int] = data["exact"]  # case-sensitive forms: "DPR", "LNR"
        self.first_words: dict[str, int] = data["first_words"]  # first key word -> max words
        # Canonical names of curated entries, so "Kharkiv Oblast" finds the oblast itself.
        self.names = {row[0]: i for i, row in enumerate(self.rows) if row[8]}
        self._infos: dict[int, PlaceInfo] = {}

    def info(self, row: int) -> PlaceInfo:
        """The PlaceInfo of a row, built once."""
        cached = self._infos.get(row)
        if cached is None:
            name, country, oblast, region, kind, lat, lon = self.rows[row][:7]
            cached = PlaceInfo(name, country, oblast, region, kind, lat, lon)
            self._infos[row] = cached
        return cached

    def curated(self, row: int) -> bool:
        return bool(self.rows[row][8])

    def population(self, row: int) -> int:
        return self.rows[row][7]


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The bundled gazetteer, loaded on first use."""
    raw = resources.files("sitdash.data").joinpath("gazetteer.json").read_bytes()
    return Gazetteer(orjson.loads(raw))


def lookup(name_or_alias: str) -> PlaceInfo | None:
    """The place a name or any known spelling stands for, or None."""
    gaz = gazetteer()
    name = name_or_alias.strip()
    row = gaz.names.get(name)
    if row is None:
        row = gaz.exact.get(name)
    if row is None:
        key = surface_key(name_or_alias)
        row = gaz.aliases.get(key)
        if row is None and _POSSESSIVE.search(name):
            row = gaz.aliases.get(key[:-1])
    if row is None or row < 0:
        return None
    return gaz.info(row)


def oblasts_of(name: str) -> list[str]:
    """The oblasts a place lies in: one for a city or oblast, two for Donbas, none for a country."""
    info = lookup(name)
    if info is None:
        return []
    if info.name in AREA_OBLASTS:
        return list(AREA_OBLASTS[info.name])
    return [info.oblast] if info.oblast else []


def areas_of(name: str) -> tuple[str, ...]:
    """The oblast-level areas a place rolls up to (see AREA_REGION): "Izium" -> Kharkiv Oblast,
    "Donbas" -> Donetsk and Luhansk Oblasts, "Moscow" -> Russia (other), "Gomel" -> Belarus.
    Ukraine itself, like an unknown name, rolls up to nothing."""
    info = lookup(name)
    if info is None:
        return ()
    if info.name in AREA_OBLASTS:
        return AREA_OBLASTS[info.name]
    if info.country == "UA":
        return (info.oblast,) if info.oblast in AREA_REGION else ()
    if info.country == "RU":
        return (info.oblast if info.oblast in RUSSIA_BORDER_OBLASTS else RUSSIA_ELSEWHERE,)
    country = NEIGHBOUR_COUNTRIES.get(info.country)
    return (country,) if country else ()


def region_of(name: str) -> str | None:
    """The theatre region a place rolls up to, or None."""
    info = lookup(name)
    return info.region if info else None


def find_places(text: str) -> list[PlaceMention]:
    """Places named in `text`, in order, longest match first and never overlapping.

    The ingest asks this of the same sentence several times (its claim, its movements, its "the
    town" referents), so the last few answers are kept; each caller gets its own list (the
    mentions in it are shared: never change one)."""
    cached = _recent.get(text)
    if cached is None:
        cached = _recent[text] = _find_places(text)
        if len(_recent) > _RECENT_SIZE:
            del _recent[next(iter(_recent))]  # the oldest
    return list(cached)


_RECENT_SIZE = 8
_recent: dict[str, list[PlaceMention]] = {}


def _find_places(text: str) -> list[PlaceMention]:
    gaz = gazetteer()
    first_words, exact = gaz.first_words, gaz.exact
    found: list[PlaceMention] = []
    resume = 0
    for match in _CAP_TOKEN.finditer(text):
        start = match.start()
        if start < resume:
            continue
        word = match.group()
        # Fast rejection of most capitalised words: not the start of any known name.
        if word.isascii() and "'" not in word and word.lower() not in first_words:
            if word not in exact:
                continue
        if start and (text[start - 1].isalnum() or text[start - 1] in _IN_WORD):
            continue  # a capital inside a word ("McKyiv", "x_Kyiv")
        if start > 1 and text[start - 1] == "-" and _unknown_compound_head(gaz, text, start - 1):
            continue  # "Rai-Oleksandrivka" is not Oleksandrivka; "Kharkiv-Belgorod" keeps both
        hit = _longest_alias(gaz, text, match)
        if hit is None:
            continue
        row, end = hit
        resume = end
        if row >= 0 and _REGION_LIST_TAIL.match(text, end):
            row = gaz.aliases.get(surface_key(text[start:end]) + " region", row)
        if row >= 0 and _accept(gaz, row, text, start, end):
            found.append(PlaceMention(gaz.rows[row][0], start, end, text[start:end]))
    return found


def _unknown_compound_head(gaz: Gazetteer, text: str, hyphen: int) -> bool:
    """Whether the capitalised word before a hyphen starts no known place ("Rai-", "Pro-")."""
    head = _WORD_BEFORE_HYPHEN_RE.search(text, max(0, hyphen - 30), hyphen)
    if head is None or not head.group()[0].isupper():
        return False
    return _word_key(head.group()) not in gaz.first_words


def _longest_alias(gaz: Gazetteer, text: str, match: re.Match) -> tuple[int, int] | None:
    """(row, end) of the longest alias starting at this capitalised word, or None."""
    word = match.group()
    if word in gaz.exact:
        return gaz.exact[word], match.end()
    if not word[0].isupper() or (word.isupper() and len(word) > 1 and len(word) < 4):
        return None
    key = _word_key(word)
    possessive = _POSSESSIVE.search(word) is not None
    if possessive:
        key = key[:-1]  # "russias" -> "russia": the apostrophe is already gone
    max_words = gaz.first_words.get(key)
    if max_words is None:
        return None
    words = [(key, match.end(), possessive)]
    pos = match.end()
    while len(words) < max_words and not words[-1][2]:
        nxt = _NEXT_TOKEN.match(text, pos)
        if nxt is None or (nxt.group()[0] == "." and words[-1][0] not in ("st", "mt")):
            break
        token = nxt.group(1)
        poss = _POSSESSIVE.search(token) is not None
        tkey = _word_key(token)
        words.append((tkey[:-1] if poss else tkey, nxt.end(), poss))
        pos = nxt.end()
    for n in range(len(words), 0, -1):
        joined = " ".join(w[0] for w in words[:n])
        row = gaz.aliases.get(joined)
        if row is not None:
            end = words[n - 1][1] - (2 if words[n - 1][2] else 0)
            if row >= 0 and word.isupper() and not _all_caps_ok(gaz, row):
                return None
            return row, end
    return None


def _word_key(word: str) -> str:
    """surface_key for one word, with a fast path for plain ASCII words."""
    if word.isascii() and "'" not in word:
        return word.lower()
    return surface_key(word)


def _all_caps_ok(gaz: Gazetteer, row: int) -> bool:
    """ALL-CAPS spellings (datelines, headlines) count only for well-known places."""
    return gaz.curated(row) or gaz.population(row) >= 20000


def _accept(gaz: Gazetteer, row: int, text: str, start: int, end: int) -> bool:
    """Context checks: river homonyms, and GeoNames places glued to other capitalised words."""
    name = gaz.rows[row][0]
    if text[end : end + 1] == "-" and text[end + 1 : end + 2].isdigit():
        return False  # a unit or a code named after the place: "Dnipro-1 regiment"
    if name in RIVER_HOMONYMS and text[max(0, start - 4) : start].lower() == "the ":
        return False
    if surface_key(text[start:end]) in WORDLIKE and _opens_sentence(text, start):
        return False
    if gaz.curated(row) and name not in PERSON_HOMONYMS:
        return True
    return not _glued_to_name(text, start, end)


def _glued_to_name(text: str, start: int, end: int) -> bool:
    """True when the span sits inside a longer proper name ("Vladimir Putin", "Anna Malyar")."""
    nxt = _NEXT_TOKEN.match(text, end)
    if nxt and nxt.group()[0] == " ":
        word = nxt.group(1)
        if word[0].isupper() and word.lower() not in _FREE_AFTER:
            return True
    prev = _PREV_WORD.search(text, max(0, start - 40), start)
    if prev:
        word = prev.group(1)
        return word[0].isupper() and word.lower() not in _FREE_BEFORE
    return False


def _opens_sentence(text: str, pos: int) -> bool:
    before = text[max(0, pos - 12) : pos].rstrip(" \"“‘'(")
    return not before or before[-1] in ".!?:\n"


# "the town of Trostianets", "Lysychansk, the last city in ...": what a later "the town" means.
_TYPED_WORD_RE = re.compile(r"\b(?:town|city|village)\b", re.I)
_TYPED_OF_RE = re.compile(r"\b(town|city|village)\s+of\s+$", re.I)
_TYPED_APPOSITION_RE = re.compile(
    r"^,\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,3}?(town|city|village)\b", re.I
)


def typed_mentions(text: str) -> dict[str, str]:
    """The place each of "town", "city", "village" last named in `text` ("the town of X",
    "X, the last city ..."), so a later "the town" can be read as that place."""
    found: dict[str, str] = {}
    if _TYPED_WORD_RE.search(text) is None:
        return found  # most sentences: no scan at all
    for mention in find_places(text):
        info = lookup(mention.name)
        if info is None or info.kind not in ("city", "site"):
            continue
        before = _TYPED_OF_RE.search(text, max(0, mention.start - 20), mention.start)
        after = _TYPED_APPOSITION_RE.match(text[mention.end : mention.end + 60])
        typed = before or after
        if typed:
            found[typed.group(1).lower()] = mention.name
    return found



# A place's name inside the name of something else: a person or a ship after a title
# ("Admiral Makarov"), a formation named after it ('the group "Tavria"', "the Tavria Operational
# and Strategic Group", "the Izium-Balakliia group of troops", "the Kharkiv Brigade"), a ship
# ("the frigate Admiral Essen", "the Moskva cruiser").
_FORMATION = (r"(?:group|grouping|battlegroup|battle\s+group|brigade|battalion|regiment|corps|"
              r"division|detachment)s?")
_SHIP = (r"(?:cruiser|frigate|corvette|destroyer|submarine|flagship|warship|ship|vessel|tanker|"
         r"landing\s+ship|patrol\s+boat|minesweeper)s?")
_NAME_BEFORE_RE = re.compile(
    rf"(?:\b(?-i:Admiral|Adm\.|General|Gen\.|Colonel|Col\.|Marshal|President|Minister|Mr\.?|"
    rf"Mrs\.?|Ms\.?|Dr\.?|Captain|Capt\.|Lieutenant|Lt\.|Major|Sergeant|Governor|Mayor)\s+"
    rf"|\b{_FORMATION}(?:\s+of\s+(?:troops|forces))?\s*[\"“«'‘]"
    rf"|\b{_SHIP}\s+[\"“«'‘]?)$", re.I)
_NAME_AFTER_RE = re.compile(
    rf"(?:-[\w'’]+)?[\"”»'’]?\s+(?:(?-i:[A-Z][\w-]*|and)\s+){{0,3}}?(?:{_FORMATION}|{_SHIP})\b",
    re.I)


def in_a_name(text: str, mention: PlaceMention) -> bool:
    """Whether a place mention is part of the name of a person, a unit or a ship (so no place
    the text names): "Admiral Makarov", 'the group "Tavria"', "the Tavria Brigade"."""
    return bool(_NAME_BEFORE_RE.search(text, max(0, mention.start - 40), mention.start)
                or _NAME_AFTER_RE.match(text, mention.end))


def specific_places(names: Iterable[str]) -> list[str]:
    """The places a statement is about: a country only when nothing narrower is named
    ("Russia's attack ... in Lviv" is about Lviv, not Russia). Ukraine, the theatre itself, is
    never a place of its own."""
    names = list(names)
    specific = [n for n in names if (info := lookup(n)) is None or info.kind != "country"]
    return specific or [n for n in names if n != "Ukraine"]
