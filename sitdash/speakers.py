"""Speakers across documents: one identity per person or body, its side, and report origins (pure).

- `speaker_key(name, kind)`: the identity every spelling of a speaker shares. Person names are
  compared by a transliteration skeleton ("Alexandr"/"Alexander", "Peskov"/"Peskow",
  "Zelensky"/"Zelenskyy"), token by token, so near-names stay apart ("Zelenska" is not
  "Zelensky"); descriptions and bodies by their words with spelling and country variants folded
  ("a senior U.S. defense official" = "a senior US Defence official"; "Russia's Defence
  Ministry" = "the Russian Ministry of Defense"). A bare surname is a person of its own unless it
  is one of the well-known people listed below.
- `infer_side(name, kind, role, outlet, where)`: Ukrainian, Russian, US and allied, other or
  unknown, from the words of the name and role (leftmost marker wins, "Russian-installed" and the
  like win always), failing those the places in the role ("regional governor of Chernihiv"),
  and for an unnamed local post ("the regional governor") the country the claim is about.
- `origin_key(claim, document)`: where a report comes from, for counting independent origins:
  a body for its spokespeople and its anonymous officials ("Pentagon spokesman John Kirby", "a
  senior US defense official" and "the Pentagon" are one origin), the speaker otherwise, and for
  what an outlet says in its own voice the wire it reprints when the copy names one (one origin
  with that wire's own reports and with "Reuters reported" elsewhere).
- `add_claims(rows, claims, documents)`: speaker rows (model.Speaker) updated with more claims.
  Counts only add up, so ingesting articles one by one or at once gives the same rows.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from sitdash.ingest.places import find_places, lookup
from sitdash.model import SIDES

UNKNOWN = "unknown"
SIDE_ORDER = tuple(SIDES)  # ties between sides are broken in this order

# -- normalising words ---------------------------------------------------------------------------

_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "`": "'"})
# Multi-word spellings first; applied to lower-case text with single spaces.
_PHRASES = (
    (r"\bu\.\s?s\.(?:\s?a\.)?|\bunited states(?: of america)?\b|\bamerican\b|\bamerica\b", "us"),
    (r"\bu\.\s?k\.|\bunited kingdom\b|\bbritish\b|\bbritain(?:'s)?\b|\buk's\b", "uk"),
    (r"\brussia(?:'s)?\b|\brussian federation\b", "russian"),
    (r"\bukraine(?:'s)?\b", "ukrainian"),
    (r"\bu\.\s?n\.|\bunited nations\b", "un"),
    (r"\bdefence\b", "defense"),
    (r"\borganisation\b", "organization"),
    (r"\bprogramme\b", "program"),
    (r"\bministry of (defense|foreign affairs|interior|health|energy|emergencies|justice)\b",
     r"\1 ministry"),
    (r"\bdepartment of (defense|state)\b", r"\1 department"),
    (r"\bforeign affairs ministry\b", "foreign ministry"),
    (r"\bspokes(?:man|woman|person)\b", "spokesperson"),
    (r"'s\b", ""),
)
_PHRASE_RES = tuple((re.compile(p), r) for p, r in _PHRASES)
_DROP_WORDS = frozenset("a an the one".split())


def fold(text: str) -> str:
    """Lower case, accents and curly apostrophes gone, single spaces."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES).lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.split())


def description_words(text: str) -> str:
    """A description or body with spelling, country and determiner variants folded."""
    text = fold(text)
    for pattern, replacement in _PHRASE_RES:
        text = pattern.sub(replacement, text)
    words = [w.strip(".,;:()\"") for w in text.replace("-", " ").split()]
    return " ".join(w for w in words if w and w not in _DROP_WORDS)


_TRANSLIT = (
    ("x", "ks"), ("w", "v"), ("ph", "f"), ("kh", "h"), ("ck", "k"), ("tch", "ch"),
    ("j", "y"), ("y", "i"),
)


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """A transliteration skeleton of one name: "Alexandr" and "Alexander" -> "aleksandr",
    "Peskow" -> "peskov", "Zelenskyy" and "Zelenskiy" -> "zelenski"."""
    text = re.sub(r"[^a-z]", "", fold(word))
    for old, new in _TRANSLIT:
        text = text.replace(old, new)
    text = re.sub(r"(.)\1+", r"\1", text)  # doubled letters: "zelenskii" -> "zelenski"
    if text.startswith("ie") and len(text) > 3:
        text = text[1:]  # "Yevgeny" / "Evgeny"
    text = re.sub(r"([^aeiou])er$", r"\1r", text)  # "Alexander" / "Alexandr"
    text = re.sub(r"of$", "ov", text)  # "Peskoff"
    return text


def _name_tokens(name: str) -> list[str]:
    """A person's name without initials and titles: "John F. Kirby" -> ["John", "Kirby"]."""
    words = [w for w in re.split(r"[\s]+", name.strip()) if w]
    return [w for w in words if len(w.rstrip(".")) > 1 or not w.endswith(".")]


# -- well-known people and bodies ---------------------------------------------------------------
# People an article may name by surname alone: full name, side, and for spokespeople the body
# they speak for ("@Pentagon", one of the bodies below).
_KNOWN_PEOPLE = """
Volodymyr Zelensky ua | Olena Zelenska ua | Dmytro Kuleba ua | Oleksii Reznikov ua
Mykhailo Podolyak ua | Oleksiy Arestovych ua | Hanna Maliar ua | Iryna Vereshchuk ua
Andriy Yermak ua | Valerii Zaluzhnyi ua | Kyrylo Budanov ua | Oleksandr Syrskyi ua
Oleksiy Danilov ua | Denys Shmyhal ua | Vitali Klitschko ua | Serhiy Haidai ua
Pavlo Kyrylenko ua | Oleh Syniehubov ua | Vyacheslav Chaus ua | Dmytro Zhyvytskyi ua
Vitaliy Kim ua | Oleksandr Starukh ua | Maksym Marchenko ua | Vadym Boichenko ua
Ihor Terekhov ua | Natalia Humeniuk ua | Maksym Kozytskyi ua | Valentyn Reznichenko ua
Oleksandr Motuzyanyk ua | Oleksandr Shtupun ua | Yuriy Ihnat ua | Oleksandr Kamyshin ua
Vladimir Putin ru | Dmitry Peskov ru @Kremlin | Sergei Lavrov ru | Sergei Shoigu ru
Igor Konashenkov ru @Russian Defence Ministry | Maria Zakharova ru @Russian Foreign Ministry
Dmitry Medvedev ru | Valery Gerasimov ru
Alexander Fomin ru | Sergei Rudskoy ru | Ramzan Kadyrov ru | Denis Pushilin ru
Leonid Pasechnik ru | Vladimir Saldo ru | Sergei Aksyonov ru | Yevgeny Prigozhin ru
Vladimir Medinsky ru | Vasily Nebenzya ru | Mikhail Mizintsev ru | Alexander Lukashenko other
John Kirby allied @Pentagon | Lloyd Austin allied | Antony Blinken allied | Joe Biden allied
Ned Price allied @US State Department | Jake Sullivan allied | Mark Milley allied
Jen Psaki allied @White House
Jens Stoltenberg allied | Ben Wallace allied | Boris Johnson allied | Liz Truss allied
Emmanuel Macron allied | Olaf Scholz allied | Ursula von der Leyen allied | Josep Borrell allied
Rafael Grossi other | Antonio Guterres other | Michelle Bachelet other | Recep Tayyip Erdogan other
"""


def _known_people() -> dict[str, tuple[str, str, str, str | None]]:
    """surname skeleton -> (first-name skeleton, canonical full name, side, body or None)."""
    table = {}
    for entry in _KNOWN_PEOPLE.replace("\n", "|").split("|"):
        entry, _, body = entry.strip().partition(" @")
        if not entry:
            continue
        name, side = entry.rsplit(" ", 1)
        tokens = name.split()
        table[skeleton(tokens[-1])] = (skeleton(tokens[0]), name, side, body or None)
    return table


_PEOPLE = _known_people()

# Bodies whose spokespeople and unnamed officials speak for them: (label, side, pattern over
# description_words). The first that matches names the body.
_BODIES = tuple((label, side, re.compile(pattern)) for label, side, pattern in (
    ("Pentagon", "allied",
     r"\bpentagon\b|\bus (?:defense|military)\b|\bdefense department\b|\bdod\b"),
    ("White House", "allied", r"\bwhite house\b"),
    ("US State Department", "allied", r"\bstate department\b"),
    ("UK Ministry of Defence", "allied",
     r"\buk (?:defense|military intelligence|defense intelligence)\b|\buk mod\b"),
    ("NATO", "allied", r"\bnato\b"),
    ("Kremlin", "ru", r"\bkremlin\b"),
    ("Russian Defence Ministry", "ru",
     r"\brussian (?:defense ministry|military|armed forces|general staff)\b|"
     r"\bdefense ministry in moscow\b"),
    ("Russian Foreign Ministry", "ru", r"\brussian foreign ministry\b"),
    ("Ukrainian General Staff", "ua",
     r"\bgeneral staff of (?:the )?(?:armed forces of )?ukrainian\b|"
     r"\bukrainian (?:army |military )?general staff\b"),
    ("Ukrainian Defence Ministry", "ua", r"\bukrainian defense ministry\b"),
    ("Ukrainian military intelligence", "ua",
     r"\bukrainian (?:military |defense )?intelligence\b|\bhur\b|\bgur\b"),
    ("Institute for the Study of War", "other", r"\binstitute for (?:the )?study of war\b|\bisw\b"),
    ("United Nations", "other", r"\bun\b"),
    ("IAEA", "other", r"\biaea\b|\binternational atomic energy agency\b"),
))
# Role heads that make a person the voice of their body rather than a source of their own.
_SPOKES_RE = re.compile(r"\bspokesperson|\bpress (?:secretary|service|office)\b|\bspokes\w*")

# Outlets speaking in their own voice, by side (state and national media); others are "other".
_OUTLET_SIDES = {
    "ru": ("tass", "ria novosti", "ria", "rt", "sputnik", "izvestia", "zvezda", "rossiya",
           "interfax", "kommersant", "rbc", "lenta", "channel one", "russia today"),
    "ua": ("ukrinform", "unian", "ukrainska pravda", "ukrayinska pravda", "suspilne",
           "kyiv independent", "kyiv post", "hromadske", "rbc ukraine", "new voice", "nv",
           "liga", "tsn", "espreso", "ukrainian pravda"),
}
# Wire agencies an outlet may reprint, as the copy names them.
WIRES = {"reuters": "Reuters", "ap": "Associated Press", "associated press": "Associated Press",
         "afp": "AFP", "agence france-presse": "AFP", "agence france presse": "AFP",
         "upi": "UPI", "efe": "EFE", "dpa": "dpa", "tass": "TASS", "interfax": "Interfax",
         "ria novosti": "RIA Novosti", "ukrinform": "Ukrinform", "unian": "UNIAN",
         "anadolu": "Anadolu", "xinhua": "Xinhua", "bloomberg": "Bloomberg"}
_WIRE_NAMES = "|".join(sorted((re.escape(w) for w in WIRES), key=len, reverse=True))
_WIRE_IN_COPY_RE = re.compile(
    rf"\((?P<a>{_WIRE_NAMES})\)|\b(?P<b>{_WIRE_NAMES})\s+(?:reported|reports|said|says|"
    rf"news agency reported|contributed)\b|\b(?:told|according to|cited by|quoted by|"
    rf"reported by|citing)\s+(?:the\s+)?(?P<c>{_WIRE_NAMES})\b", re.I)


# -- identity ------------------------------------------------------------------------------------

@lru_cache(maxsize=65536)
def speaker_key(name: str, kind: str = "") -> str:
    """The identity of a speaker: "p:" + name skeleton for people, "b:" + body for bodies and
    their spokespeople's anonymous colleagues, "d:" + description words otherwise."""
    if not name:
        return "d:"
    if kind == "named official" or (kind == "other" and _looks_like_name(name)):
        return "p:" + _person_key(name)
    words = description_words(name)
    if kind == "institution":
        body = _body_of(words)
        if body:
            return "b:" + fold(body[0])
    return "d:" + words


def _looks_like_name(name: str) -> bool:
    tokens = name.split()
    return 1 <= len(tokens) <= 4 and all(t[:1].isupper() for t in tokens) and not any(
        t.lower() in ("the", "a", "an") for t in tokens)


def _person_key(name: str) -> str:
    tokens = _name_tokens(name)
    if not tokens:
        return fold(name)
    known = _PEOPLE.get(skeleton(tokens[-1]))
    if known and (len(tokens) == 1 or skeleton(tokens[0]) == known[0]):
        return " ".join(skeleton(t) for t in known[1].split())
    return " ".join(skeleton(t) for t in tokens)


def known_person(name: str) -> tuple[str, str, str | None] | None:
    """(canonical full name, side, body they speak for) of a well-known person, or None."""
    tokens = _name_tokens(name)
    if not tokens:
        return None
    known = _PEOPLE.get(skeleton(tokens[-1]))
    if known and (len(tokens) == 1 or skeleton(tokens[0]) == known[0]):
        return known[1], known[2], known[3]
    return None


def _body_of(words: str) -> tuple[str, str] | None:
    for label, side, pattern in _BODIES:
        if pattern.search(words):
            return label, side
    return None


def _official_of_body(words: str) -> bool:
    """An unnamed official of a body, not a body: "a senior US defense official"."""
    return bool(re.search(r"\b(?:official|officials|source|sources|spokesperson|officer)\b",
                          words))


def speaker_id(key: str) -> str:
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


# -- sides ---------------------------------------------------------------------------------------

_WINS_ALWAYS_RU = re.compile(
    r"\b(?:russian[- ]installed|moscow[- ]installed|kremlin[- ]backed|russia[- ]backed|"
    r"russian[- ]backed|pro[- ]russian|pro[- ]kremlin|separatists?|self[- ]proclaimed|"
    r"occupation|occupying|collaborationist|people's republic|dpr|lpr)\b")
_MARKERS = {
    "ru": r"russian|moscow|kremlin|duma|fsb|rosgvardia|wagner|chechen|kadyrov|tass|ria|"
          r"rt|sputnik|izvestia|zvezda",
    "ua": r"ukrainian|kyiv|kiev|zelensky\w*|rada|sbu|zsu|afu|ukrenergo|energoatom|naftogaz|"
          r"ukrinform|unian|suspilne",
    "allied": r"us|uk|pentagon|white house|state department|nato|eu|european union|"
              r"european commission|g7|western|west|french|france|german|germany|polish|poland|"
              r"canadian|canada|baltic|estonian|latvian|lithuanian|finnish|swedish|norwegian|"
              r"dutch|danish|italian|spanish|czech|romanian|slovak|hungarian|japanese|"
              r"australian|cia|mi6|gchq|biden|washington|london|paris|berlin|warsaw|brussels",
    "other": r"un|iaea|icrc|red cross|osce|unicef|unhcr|ohchr|amnesty|human rights watch|"
             r"chinese|china|beijing|turkish|turkey|ankara|indian|india|israeli|israel|vatican|"
             r"pope|belarusian|belarus|minsk|iranian|iran|un's",
}
_MARKER_RE = re.compile("|".join(rf"(?P<{side}>\b(?:{words})\b)"
                                 for side, words in _MARKERS.items()))
_PLACE_SIDES = {"UA": "ua", "RU": "ru", "BY": "other"}


# An unnamed holder of a local post: "the regional governor", "local officials", "the mayor".
_LOCAL_POST_RE = re.compile(
    r"\b(?:governor|governors|mayor|mayors|local|regional|oblast|city|municipal|village|"
    r"administration|council)\b")


def voice_places(claim: dict) -> tuple[str, ...]:
    """The places a claim reports on (not those only named as actors), for infer_side."""
    actors = set(claim.get("actor_places") or ())
    return tuple(p for p in claim.get("places") or () if p not in actors)


@lru_cache(maxsize=65536)
def infer_side(name: str, kind: str = "", role: str = "", outlet: str = "",
               where: tuple[str, ...] = ()) -> str:
    """Whose account a speaker gives, from the copy alone: one of model.SIDES. `where` are the
    places the claim reports on (voice_places): an unnamed governor, mayor or local official
    with no other marker speaks for the country those places are in ("the regional governor"
    on Sumy: Ukrainian; on Kursk: Russian); places in more than one country decide nothing."""
    if kind == "named official" or (kind == "other" and _looks_like_name(name) and role):
        known = known_person(name)
        if known:
            return known[1]
    if kind == "media" or (outlet and name == outlet):
        return outlet_side(name)
    text = f"{role} {name}" if role else name
    words = description_words(text)
    if _WINS_ALWAYS_RU.search(words):
        return "ru"
    marker = _MARKER_RE.search(words)
    if marker:
        return marker.lastgroup or UNKNOWN
    for mention in find_places(text):
        info = lookup(mention.name)
        if info is not None and info.country in _PLACE_SIDES:
            return _PLACE_SIDES[info.country]
    if kind == "analysts":
        return "other"
    if where and kind in ("anonymous official", "other") and _LOCAL_POST_RE.search(words):
        sides = set()
        for place in where:
            info = lookup(place)
            sides.add(_PLACE_SIDES.get(info.country) if info is not None else None)
        if len(sides) == 1 and None not in sides:
            return sides.pop()
    return UNKNOWN


def outlet_side(outlet: str) -> str:
    """The side an outlet speaks for in its own voice: Russian or Ukrainian media, else other."""
    words = fold(outlet).replace("the ", "")
    for side, names in _OUTLET_SIDES.items():
        if any(re.search(rf"(?:^|\s){re.escape(n)}(?:\s|$)", words) for n in names):
            return side
    return "other"


def parse_side(text: str) -> str:
    """A side code from what a user types: "ua", "Ukrainian", "russia", "US and allied", "us"."""
    low = " ".join(text.strip().lower().replace("-", " ").replace("_", " ").split())
    aliases = {
        "ua": "ua", "ukrainian": "ua", "ukraine": "ua", "ru": "ru", "russian": "ru",
        "russia": "ru", "allied": "allied", "us and allied": "allied", "us": "allied",
        "allies": "allied", "west": "allied", "western": "allied", "us allied": "allied",
        "nato": "allied", "other": "other", "unknown": "unknown",
    }
    if low in aliases:
        return aliases[low]
    labels = ", ".join(f"{code} ({label})" for code, label in SIDES.items())
    raise ValueError(f"side {text!r} is not one of {labels}")


def side_label(code: str | None) -> str:
    return SIDES.get(code or UNKNOWN, UNKNOWN)


# -- origins -------------------------------------------------------------------------------------

def wire_of(document: dict) -> str | None:
    """The wire agency an article reprints, as stored with it (find_wire when it was not)."""
    if "wire" in document:
        return document["wire"]
    return find_wire(document)


def find_wire(document: dict) -> str | None:
    """The wire agency an article reprints: a dateline credit, or the copy naming it ("Reuters
    reported", "told AFP", "(AP)"); None for an outlet's own reporting."""
    if document.get("wire"):
        return document["wire"]
    outlet = fold(document.get("outlet") or "")
    match = _WIRE_IN_COPY_RE.search(document.get("text") or "")
    if match is None:
        return None
    agency = WIRES[fold(match.group("a") or match.group("b") or match.group("c"))]
    return None if fold(agency) == outlet else agency


def origin_key(claim: dict, document: dict, wire: str | None | object = ...) -> str:
    """Where a report comes from, for counting independent origins (see the module docstring).
    `wire` is wire_of(document), passed in when the caller has it already."""
    if wire is ...:
        wire = wire_of(document)
    return _origin(claim.get("source") or "", claim.get("source_kind") or "",
                   claim.get("source_role") or "", document.get("outlet") or "", wire)


@lru_cache(maxsize=65536)
def _origin(source: str, kind: str, role: str, outlet: str, wire: str | None) -> str:
    if source in (outlet, "the article", "") or (kind == "media" and fold(source) == fold(outlet)):
        return "o:" + (wire or outlet or "unknown outlet")  # a reprinted wire is the wire's
    if kind == "media":
        agency = WIRES.get(description_words(source))
        return "o:" + (agency or source)
    key = speaker_key(source, kind)
    if kind == "anonymous official":  # "a senior US defense official": the Pentagon's voice
        words = description_words(source)
        body = _body_of(words)
        if body and _official_of_body(words):
            return "b:" + fold(body[0])
    if key.startswith("p:"):  # a spokesperson speaks for the body
        if role and _SPOKES_RE.search(description_words(role)):
            body = _body_of(description_words(role))
            if body:
                return "b:" + fold(body[0])
        known = known_person(source)
        if known and known[2]:
            return "b:" + fold(known[2])
    return key


def origin_label(key: str, names: dict[str, str] | None = None) -> str:
    """How an origin reads: the body, wire or outlet, or the speaker's current name."""
    kind, _, rest = key.partition(":")
    if kind == "o":
        return rest
    if kind == "b":
        for label, _side, _pattern in _BODIES:
            if fold(label) == rest:
                return label
    if names and key in names:
        return names[key]
    return rest


# -- speaker rows --------------------------------------------------------------------------------

def add_claims(rows: dict[str, dict], claims: Iterable[dict],
               documents: dict[str, dict]) -> set[str]:
    """Add claims to the speaker rows (key -> model.Speaker as a dict); returns the keys changed.
    Each claim adds to its speaker's counts; each document counts once per speaker."""
    changed: set[str] = set()
    seen_docs: set[tuple[str, str]] = set()
    for claim in claims:
        name = claim.get("source") or ""
        if not name:
            continue
        kind = claim.get("source_kind") or "other"
        key = speaker_key(name, kind)
        row = rows.get(key)
        if row is None:
            row = rows[key] = {"id": speaker_id(key), "key": key, "name": name, "kind": kind,
                               "side": UNKNOWN, "claims": 0, "docs": 0, "names": {},
                               "roles": {}, "votes": {}}
        doc = documents.get(claim.get("doc_id") or "", {})
        role = claim.get("source_role") or ""
        side = infer_side(name, kind, role, doc.get("outlet") or "", voice_places(claim))
        row["claims"] += 1
        row["names"][name] = row["names"].get(name, 0) + 1
        row["votes"][side] = row["votes"].get(side, 0) + 1
        if role:
            row["roles"][role] = row["roles"].get(role, 0) + 1
        if (key, claim.get("doc_id")) not in seen_docs:
            seen_docs.add((key, claim.get("doc_id")))
            row["docs"] += 1
        changed.add(key)
    for key in changed:
        _settle(rows[key])
    return changed


def _settle(row: dict) -> None:
    """Name, kind and side from the counts: the most used spelling, the most voted side."""
    row["name"] = min(row["names"], key=lambda n: (-row["names"][n], n))
    votes = {s: n for s, n in row["votes"].items() if s != UNKNOWN}
    row["side"] = min(votes, key=lambda s: (-votes[s], SIDE_ORDER.index(s))) if votes else UNKNOWN


def speaker_rows(claims: Iterable[dict], documents: dict[str, dict]) -> list[dict]:
    """Every speaker of `claims`, in key order."""
    rows: dict[str, dict] = {}
    add_claims(rows, claims, documents)
    return [rows[k] for k in sorted(rows)]


def top_role(row: dict) -> str:
    roles = row.get("roles") or {}
    return min(roles, key=lambda r: (-roles[r], r)) if roles else ""
