"""An unnamed local post the same article names: "the regional governor said" in the lead and
"X, head of the Sumy regional administration" further down are one person, when the place fits.

SpeakerContext reads a document once, in order, so "the governor" can only mean a governor
named before it. This is the second look, after the whole document is read: a definite local
post ("the regional governor", "the local governor", "the mayor", "the head of the regional
military administration") that stayed a speaker of its own becomes the one person the article
names holding that post for the same place (named after it; or before it in a role its words do
not repeat, "Kharkiv governor X" for "the regional governor"). The place is the post's own place
words ("the Sumy governor"), else the places of the sentence it speaks in (their oblasts for a
governor, the towns themselves for a mayor), against the places in the holder's role. Two
holders that fit, a holder of another oblast, "a regional official" (no definite post): left
as they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from sitdash.ingest.attribution import introduced_people, resolve_names, subject_person
from sitdash.model import Claim, Quote
from sitdash.speakers import description_words

_QUALIFIER = r"(?:[\w’'.-]+\s+){0,4}?"
_TAIL = r"(?P<tail>(?:\s+(?:of|in|for)\s+[^,;]{1,60})?)"
# "the regional governor", "Sumy Oblast Governor", "governor of the Luhansk region", "the mayor"
_POST_RE = re.compile(
    rf"^(?:the\s+)?(?P<before>{_QUALIFIER})(?P<post>governor|mayor){_TAIL}$", re.I)
# a Ukrainian governor's post by its name: "head of the Sumy regional military administration",
# "Kharkiv Regional Military Administration Head"
_ADMINISTRATION = r"(?:regional|oblast)\s+(?:(?:military|state|civil-military)\s+)?administration"
_HEAD_OF_RE = re.compile(
    rf"^(?:the\s+)?(?:head|chief)\s+of\s+(?:the\s+)?(?P<before>{_QUALIFIER}){_ADMINISTRATION}"
    rf"{_TAIL}$", re.I)
_HEAD_AFTER_RE = re.compile(
    rf"^(?:the\s+)?(?P<before>{_QUALIFIER}){_ADMINISTRATION}\s+(?:head|chief){_TAIL}$", re.I)
# not the holder of the post ("the deputy governor", "the former mayor", "an adviser to ...")
_NOT_THE_HOLDER = frozenset(
    "deputy vice former ex adviser advisor aide spokesman spokeswoman spokesperson to at "
    "by with and from".split())
# a post the occupier fills ("the Russian-installed governor"): never taken for the other one
_OCCUPATION_RE = re.compile(
    r"install|appoint|occup|proclaim|backed|separatist|pro-russian|kremlin|moscow", re.I)


@dataclass(frozen=True)
class LocalPost:
    post: str  # "governor" or "mayor"
    places: tuple[str, ...]  # the places the phrase itself names ("Sumy")
    occupation: bool = False  # named as the occupier's ("the Russian-installed governor")


@lru_cache(maxsize=4096)
def local_post(phrase: str) -> LocalPost | None:
    """The local post a description or a role names, with the places it names; None for any
    other post, and for a deputy's, a former holder's or an adviser's."""
    phrase = " ".join(phrase.replace("’", "'").split()).strip(" ,.")
    for pattern in (_POST_RE, _HEAD_OF_RE, _HEAD_AFTER_RE):
        m = pattern.match(phrase)
        if m is not None:
            break
    else:
        return None
    before = m["before"].lower().split()
    if any(w.removesuffix("'s") in _NOT_THE_HOLDER for w in before):
        return None
    post = (m.groupdict().get("post") or "governor").lower()
    from sitdash.ingest.places import find_places  # the gazetteer loads on first use

    places = tuple(dict.fromkeys(p.name for p in find_places(phrase)))
    return LocalPost(post, places, bool(_OCCUPATION_RE.search(m["before"])))


def definite_post(source: str, kind: str) -> LocalPost | None:
    """The local post an unnamed speaker is called by ("the regional governor"), if definite."""
    if kind != "anonymous official" or not source.lower().startswith("the "):
        return None
    return local_post(source)


@dataclass
class _Holder:
    name: str
    role: str
    post: LocalPost


def _areas(post: str, places: Iterable[str]) -> frozenset[str]:
    """What a place is compared by: its oblast for a governor, the town itself for a mayor."""
    if post == "mayor":
        return frozenset(places)
    from sitdash.ingest.places import areas_of

    return frozenset(a for p in places for a in areas_of(p))


def _fits(description: str, mention: LocalPost, where: frozenset[str], holder: _Holder) -> bool:
    """Whether `holder` can be the unnamed `description` speaking of `where`: the same post; the
    same place when both say one; else every word of the description in the holder's role
    ("the governor" and "Governor X")."""
    if holder.post.post != mention.post or (mention.occupation and not holder.post.occupation):
        return False
    held = _areas(mention.post, holder.post.places)
    if held and where:
        return bool(held & where)
    words = description_words(description).split()
    return set(words) <= set(description_words(holder.role).split())


def _holders(claims: list[Claim], names: dict[str, str]) -> list[_Holder]:
    """Everyone the document names with a local post, one each however spelled: the speakers by
    the role they were given, and the people its sentences bring in by title ("Sumy Governor X
    visited ...")."""
    named = [(c.source, c.source_role) for c in claims if c.source_kind == "named official"]
    for claim in claims:
        opening = subject_person(claim.text)
        for person in [*introduced_people(claim.text), *([opening] if opening else [])]:
            named.append((person.name, person.title or person.role))
    named = [(names.get(name, name), role) for name, role in named]
    spelled = resolve_names([name for name, _ in named])
    found: dict[str, _Holder] = {}
    for name, role in named:
        post = local_post(role) if role else None
        if post is not None:
            name = spelled.get(name, name)
            found.setdefault(name, _Holder(name, role, post))
    return list(found.values())


def resolve_local_posts(claims: list[Claim], quotes: list[Quote], names: dict[str, str]) -> None:
    """Give each claim and quote of an unnamed definite local post the one person the document
    names in that post for that place (`names`: the document's spellings -> full names). A
    mention that names no place follows the mention of the same words before it (the same
    speaker, as "the governor added" is); the quotes follow the claim they stand in."""
    mentions = [(c, p) for c in claims if (p := definite_post(c.source, c.source_kind))]
    if not mentions:
        return
    holders = _holders(claims, names)
    said: dict[str, list[tuple[int, int, _Holder | None]]] = {}  # description -> its mentions
    for claim, post in mentions:
        where = _areas(post.post, post.places or claim.places)
        earlier = said.get(claim.source)
        if not where and earlier:
            holder = earlier[-1][2]
        else:
            fitting = [h for h in holders if _fits(claim.source, post, where, h)]
            holder = fitting[0] if len(fitting) == 1 else None
        said.setdefault(claim.source, []).append((claim.start, claim.end, holder))
        if holder is not None:
            claim.source, claim.source_kind, claim.source_role = (
                holder.name, "named official", holder.role)
    for quote in quotes:
        spoken = said.get(quote.speaker or "")
        if not spoken:
            continue
        # the claim it stands in, else the latest mention before it, else the first
        inside = [h for s, e, h in spoken if s <= quote.start < e]
        before = [h for s, _, h in spoken if s <= quote.start]
        holder = (inside or before or [spoken[0][2]])[-1]
        if holder is not None:
            quote.speaker, quote.speaker_kind = holder.name, "named official"
