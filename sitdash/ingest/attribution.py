"""Who asserts a sentence: the speaker phrase around a speech verb, and what kind of source it is.

`find_attribution` reads one sentence and returns the speaker phrase it names ("X said", "said
X", "X, a senior commander, said", "according to X", "he added", "This was stated by the head
of X, Y", "the strategic communications department of the army said"); it is pure and cached.
`SpeakerContext` is the one piece of state: fed a document's sentences in order, it resolves
pronouns, "the statement", definite descriptions ("the commander of the X Brigade", "the unit")
and bare surnames to the speakers and people named before. `attribute` does the same for one
sentence; `source_kind` classifies a name; `resolve_names` maps surnames and other spellings to
the full names seen in a document.

Quotations inside the sentence are masked first, so a "he said" inside quote marks never counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from sitdash.model import Source

# --- vocabulary ------------------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _phrases(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.split(",") if p.strip())


def _verb_forms(lemmas: str) -> frozenset[str]:
    """Base, -s, -ed and irregular forms of speech verbs ("say says said", "warn warns warned")."""
    irregular = {
        "say": "says said",
        "tell": "tells told",
        "write": "writes wrote",
        "think": "thinks thought",
        "go": "",
        "tweet": "tweets tweeted",
    }
    forms: set[str] = set()
    for lemma in lemmas.split():
        forms.add(lemma)
        if lemma in irregular:
            forms.update(irregular[lemma].split())
            continue
        if not (lemma.endswith("y") and lemma[-2] not in "aeiou"):  # "denies", never "denys"
            forms.add(lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x")) else "s"))
        if lemma.endswith("e"):
            forms.add(lemma + "d")
        elif lemma.endswith("y") and lemma[-2] not in "aeiou":
            forms.add(lemma[:-1] + "ied")
            forms.add(lemma[:-1] + "ies")
        else:
            forms.add(lemma + "ed")
    return frozenset(forms)


# Verbs that introduce what a source asserts. Translated copy ("he assured", "he indicated") too.
SPEECH_VERBS = _verb_forms(
    "say tell add warn claim state note write post tweet surmise estimate assess report announce "
    "confirm insist argue stress emphasize emphasise declare explain ask reply respond answer "
    "remark "
    "observe acknowledge admit concede caution predict vow pledge promise urge suggest recall "
    "lament complain conclude deny allege boast quip joke comment muse speculate believe think "
    "assure indicate affirm maintain specify detail reiterate repeat continue assert contend call "
    "appeal "
    "disclose reveal mention exclaim underline underscore highlight express inform clarify "
    "summarize summarise"
)
# "state"/"states" are nouns far more often than verbs ("state media", "the Baltic states").
SPEECH_VERBS -= {"state", "states"}
# Participles that hang an assertion on the sentence's subject: "Zelensky spoke, saying ...".
_PARTICIPLES = _words("saying adding writing warning noting stressing insisting claiming arguing")
# Words that may sit between a subject and its verb: "Kirby also said", "Putin has long said".
_BETWEEN = _words(
    "also later has have had previously repeatedly earlier again reportedly separately then "
    "further recently once long publicly privately already even had first subsequently "
    "similarly likewise still now initially originally yesterday today"
)
_AUXILIARIES = _words("was were is are been has have had")
_WEEKDAYS = _words("monday tuesday wednesday thursday friday saturday sunday")
_PRONOUNS = _words("he she they it")
_OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they", "it": "it"}
# "its statement", "his post": a document of whoever the pronoun means
_POSSESSIVES = {"its": "it", "their": "they", "his": "he", "her": "she"}
# Verbs a document speaks with: "its statement reads", "the post read".
_DOCUMENT_VERBS = _words("read reads")
# "This is stated in the message of X", "it was said in a statement by X"
_PASSIVE_DOCUMENT_VERBS = _words("stated said reported written announced")
# Verbs by which an outlet relays someone else's words: "..., Ukrinform reports".
_RELAY_VERBS = _words("report reports reported")
# A speech verb right after these is a subordinate clause, not the sentence's source.
_SUBORDINATORS = _words(
    "after before since until unless although though despite if whether because what to"
)
_DETERMINERS = _words(
    "the a an one two three four several some many other another most all both few various "
    "these those numerous multiple two"
)
_NP_PREPOSITIONS = _words("of for at in from with inside")
# Objects of the phrases that describe anonymous sources: "people familiar with the matter".
_SOURCE_PP_OBJECTS = _words(
    "matter situation plans plan talks discussions negotiations knowledge deliberations thinking "
    "investigation decision process issue operation assessment area region city town village "
    "field front frontline east south north west capital country sector district"
)
# "X said to be ..." is hearsay, not X speaking.
_PASSIVE_BEFORE_TO = _words("said believed thought reported estimated rumoured rumored")
# "Russian-installed", "Kremlin-backed": compound modifiers of a source.
_PARTICIPLE_SUFFIXES = _words(
    "installed backed based appointed controlled led run ranking level affiliated"
)
# Speech verbs only when nothing follows but punctuation: '"...," he continued.', and in
# translated copy '"People, please leave," he called.', '"...," she appealed.'
_CLAUSE_FINAL_VERBS = _words(
    "continue continues continued call calls called appeal appeals appealed"
)
# Words that open an aside between a subject and its verb: "X, for its part, says".
_PARENTHETICAL_OPENERS = _words(
    "who which whose citing in for on however meanwhile too also though moreover speaking "
    "like unlike"
)
_COMPASS = _words("north south east west centre center")
_NAME_PARTICLES = _words("von van der de del da di la le al el bin ibn dos das du ter")

# Heads, by the kind of source they make.
_OFFICIAL_HEADS = _words(
    "official officials source sources diplomat diplomats spokesman spokeswoman spokesperson "
    "spokespeople spokesmen aide aides officer officers adviser advisers advisor advisors insider "
    "insiders commander commanders governor governors mayor mayors minister ministers secretary "
    "president general lawmaker lawmakers legislator legislators senator envoy ambassador "
    "representative representatives prosecutor prosecutors chief head leader leaders deputy "
    "member members negotiator negotiators politician politicians administrator staffer "
    "staffers counterpart person people intelligence-official boss founder"
)
_OTHER_PERSON_HEADS = _words(
    "soldier soldiers fighter fighters resident residents witness witnesses survivor survivors "
    "volunteer volunteers doctor doctors medic medics worker workers rescuer rescuers activist "
    "activists refugee refugees civilian civilians local locals woman man women men pilot "
    "propagandist propagandists "
    "troops villager villagers eyewitness eyewitnesses student students teacher family "
    "separatists rebels militants "
    # relatives, who speak for the soldiers and captives they name: "the wife of a marine"
    "wife wives husband husbands mother mothers father fathers son sons daughter daughters "
    "sister sisters brother brothers widow widows relative relatives parent parents "
    # channels that carry residents' messages: "local chats", "city forums"
    "chats chat forums forum"
)
_ANALYST_HEADS = _words(
    "analyst analysts expert experts observer observers researcher researchers tank academic "
    "academics scholar scholars historian historians commentator commentators bloggers blogger "
    "institute centre center specialist specialists strategist strategists project projects "
    "milblogger milbloggers mil-blogger mil-bloggers pundit pundits"
)
_MEDIA_HEADS = _words(
    "media outlet outlets newspaper newspapers broadcaster broadcasters channel channels tabloid "
    "daily website websites wire newswire reporter reporters correspondent correspondents "
    "journalist journalists press blog blogs podcast"
)
_INSTITUTION_HEADS = _words(
    "ministry ministries staff command office department council government governments army "
    "military navy forces administration agency service services committee commission embassy "
    "parliament guard police group union organization organisation authorities presidency "
    "cabinet directorate headquarters regime alliance bloc court operator company firm bank "
    "utility mission republic state states intelligence leadership kremlin pentagon prosecutor's "
    "coalition corps brigade battalion regiment unit division fleet collective movement network "
    "association foundation"
)
# Documents that report on behalf of whoever issued them: "a report from ISW said".
_DOCUMENT_HEADS = _words(
    "report reports statement statements study assessment assessments analysis update bulletin "
    "briefing communique communiqué post message memo document"
)
_MODIFIERS = _words(
    "senior top junior former regional local military defense defence intelligence foreign "
    "western state news press security government ministry high-ranking ranking anonymous "
    "unnamed independent international city district oblast national deputy acting chief "
    "general police army naval air force emergency health interior energy nuclear presidential "
    "administration civil civilian separatist occupation occupying installed self-proclaimed "
    "proxy rebel opposition prominent leading veteran retired private pro-russian pro-kremlin "
    "pro-ukrainian think staff team media outlet agency counterintelligence border eastern "
    "southern northern central border operational tactical military-civil public official "
    "russian-installed moscow-installed kremlin-backed russia-backed us-based kyiv-based "
    "military-political defense-ministry defence-ministry foreign-ministry familiar armed "
    "monitoring open-source osint"
)
_TITLES = _words(
    "president prime minister secretary spokesman spokeswoman spokesperson press governor mayor "
    "general gen. gen lt. lt lieutenant colonel col. col major maj. maj admiral adm. adm "
    "commander chief head deputy foreign defense defence interior senator sen. rep. "
    "representative ambassador chancellor king queen pope patriarch mr. mrs. ms. dr. prof. envoy "
    "adviser advisor aide official analyst expert senior top former acting vice national "
    "security intelligence army navy air force staff joint chairman chair director ceo founder "
    "leader sgt. sgt capt. capt captain sergeant private corporal brig. brig brigadier marshal "
    "field supreme high commissioner military regional oblast city council member lawmaker mp "
    "speaker first lady crown prince premier mr mrs ms dr prof colonel-general lt.-gen. "
    "maj.-gen. lt-gen maj-gen deputy-head state department ministry office presidential "
    "spokesperson's economy finance energy health emergency emergencies justice culture "
    "infrastructure digital transformation veterans affairs strategic industries reintegration "
    "ombudsman prosecutor prosecutor-general attorney inspector rear vice-admiral gov. gov sir "
    "dame lord baroness"
)
_NATIONALITIES = _words(
    "russian ukrainian american us u.s. british uk u.k. french german polish belarusian chinese "
    "european western eastern israeli turkish iranian italian spanish canadian japanese dutch "
    "swedish finnish estonian latvian lithuanian moldovan georgian hungarian romanian czech "
    "slovak bulgarian norwegian danish chechen crimean syrian indian korean north south "
    "australian belgian austrian swiss greek portuguese irish serbian croatian slovenian "
    "kazakh armenian azerbaijani nato un eu g7 allied"
)
_COUNTRIES = _words(
    "russia ukraine belarus moscow kyiv kiev minsk washington london paris berlin beijing warsaw "
    "us u.s. america britain uk u.k. france germany poland china turkey ankara iran tehran israel "
    "japan india moldova georgia hungary budapest lithuania latvia estonia finland sweden norway "
    "west brussels netherlands canada italy spain romania slovakia bulgaria europe denmark "
    "crimea donetsk luhansk lugansk kharkiv kharkov odesa odessa mariupol zaporizhzhia kherson "
    "dnipro lviv sumy chernihiv mykolaiv tokyo rome madrid ottawa vilnius riga tallinn helsinki "
    "stockholm oslo kazakhstan syria"
)
_INSTITUTION_NAMES = _words(
    "pentagon kremlin nato un u.n. eu g7 g20 iaea icrc unhcr osce who unicef ohchr wagner "
    "rosatom energoatom gazprom naftogaz ukrenergo rada duma fsb sbu gur hur svr gru mod mfa "
    "cia fbi nsa mi6 gchq rosgvardia roscosmos ukrzaliznytsia ukroboronprom white house"
)
# Outlets, matched as whole word sequences in a lower-cased name.
_MEDIA_NAMES = _phrases(
    "cnn, reuters, ap, associated press, afp, agence france-presse, agence france presse, bbc, "
    "cnbc, nbc, abc, cbs, fox news, sky news, al jazeera, bloomberg, new york times, "
    "washington post, wall street journal, guardian, financial times, the times, telegraph, "
    "economist, politico, axios, independent, kyiv post, ukrainska pravda, ukrinform, unian, "
    "interfax, tass, ria novosti, ria, rt, sputnik, izvestia, kommersant, meduza, "
    "novaya gazeta, infobae, efe, europa press, el país, el pais, le monde, spiegel, dw, "
    "deutsche welle, euronews, national news, yle, suspilne, hromadske, nexta, rbc, rbk, "
    "radio liberty, radio free europe, rfe/rl, voice of america, voa, new voice, nv, "
    "ukrayinska pravda, nhk, xinhua, anadolu, pap, dpa, ansa, lrt, err, the hill, newsweek, "
    "cbc, abc news, nbc news, cbs news, itv, channel 4, zvezda, rossiya, lenta, rbc-ukraine, "
    "obozrevatel, liga, tsn, espreso"
)
_MEDIA_WORDS = _words(
    "news times post journal pravda tv radio gazette herald telegraph tribune press agency "
    "broadcasting television"
)
_ANALYST_NAMES = _phrases(
    "isw, institute for the study of war, oryx, rusi, csis, rand, chatham house, "
    "atlantic council, carnegie, jamestown, critical threats, conflict intelligence team, "
    "bellingcat, think tank, osint, cna, iiss, deepstate, militaryland"
)
_STOP = _words(
    "i we you me us them him her his their our its my your this that these those there here what "
    "which who whom whose when where why how and or but nor so yet if then than as at by for from "
    "in into of on onto off out over under with without about above after against along among "
    "around before behind below beneath beside between beyond during except inside near since "
    "through throughout till to toward towards until upon via within is are was were be been being "
    "do does did not no yes meanwhile however also still now last next earlier later yesterday "
    "today tomorrow tonight this morning evening night week month year january february march "
    "april may june july august september october november december monday tuesday wednesday "
    "thursday friday saturday sunday separately moreover furthermore nevertheless instead "
    "overnight despite although though while because like unlike just only even already"
)

_HEADS = (
    _OFFICIAL_HEADS
    | _OTHER_PERSON_HEADS
    | _ANALYST_HEADS
    | _MEDIA_HEADS
    | _INSTITUTION_HEADS
    | _DOCUMENT_HEADS
)
_VOCABULARY = _HEADS | _MODIFIERS
# Capitalised words that are never part of a person's own name.
_NON_NAME = (
    _TITLES
    | _NATIONALITIES
    | _COUNTRIES
    | _INSTITUTION_NAMES
    | _VOCABULARY
    | _STOP
    | _MEDIA_WORDS
    | _words("group republic people's general staff guard front")
)

# An outlet named by its web address: "Censor.NET", "Gazeta.ru", "Strana.ua" (one name, never
# "Censor" and "NET")
_DOMAIN = r"[A-Za-z][\w-]*\.(?i:net|ua|ru|com|org|info|io|by|news|online|media)\b"
_DOMAIN_RE = re.compile(_DOMAIN)
_ORDINAL_RE = re.compile(r"\d+(?:st|nd|rd|th)")  # "the 47th Brigade", "the 3rd Assault Brigade"
_TOKEN_RE = re.compile(
    _DOMAIN + "|"
    r"(?:[A-Z]\.){2,}"  # U.S., U.K.
    r"|(?:Lt|Gen|Col|Maj|Adm|Sgt|Capt|Cpt|Brig|Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|St|Jr|Sr)\.(?=\s)"
    r"|[A-Z]\.(?=\s*[A-Z])"  # initials: John F. Kirby
    r"|\w+(?:[-'’/]\w+)*"
    r"|\S"
)
# Cheap pre-check: sentences without any of these words have no attribution.
_TRIGGERS = (
    SPEECH_VERBS | _PARTICIPLES | _DOCUMENT_VERBS
    | {"according", "pointed", "points", "put", "puts", "words", "citing", "quoting"}
)
_CAPITAL_TRIGGERS = frozenset({"According", "Said", "Asked", "Added", "Writing", "Speaking"})
_LOWER_WORD_RE = re.compile(r"[a-z]+")
_QUOTE_MARK_RE = re.compile(r"[“”\"«»]")
_MEDIA_RE = re.compile(r"(?:^| )(?:" + "|".join(map(re.escape, _MEDIA_NAMES)) + r")(?= |$)")
_ANALYST_RE = re.compile(r"(?:^| )(?:" + "|".join(map(re.escape, _ANALYST_NAMES)) + r")(?= |$)")
_OPEN_QUOTES = '“"«'
_CLOSE_QUOTES = '”"»'


# --- records ---------------------------------------------------------------------------------


@dataclass(slots=True, frozen=True)
class Attribution:
    """A speaker phrase found in a sentence (offsets relative to that sentence)."""

    name: str  # the person's name, or the whole phrase for anyone else ("the Pentagon")
    kind: str  # one of model.SOURCE_KINDS; "other" for a pronoun
    phrase: str  # the phrase as written, roles included: "Pentagon spokesman John Kirby"
    start: int
    end: int
    verb_start: int
    verb_end: int
    pronoun: str | None = None  # "he", "she", "they", "it" when the speaker is a pronoun
    role_words: tuple[str, ...] = ()  # lower-case role heads of a named person: ("spokesman",)
    head: str = ""  # lower-case head word: "official", "pentagon", "kirby"
    definite: bool = False  # "the official", "the governor": refers back to someone named before
    document: bool = False  # "the statement", "the report": the words of whoever issued them
    relay: bool = False  # an outlet passing on another's words ("..., Ukrinform reports")
    role: str = ""  # lower-case role phrase beside a name: "the head of the wagner group"
    title: str = ""  # a named person's role as written: "Pentagon spokesman", "governor of Sumy"
    place: bool = False  # a town's name, or a surname spelled like one ("said Nikolaev")


class _Token:
    """A word or punctuation mark of a sentence, with its lower-case form and offsets."""

    __slots__ = ("text", "low", "start", "end")

    def __init__(self, text: str, low: str, start: int, end: int) -> None:
        self.text, self.low, self.start, self.end = text, low, start, end


# --- public functions ------------------------------------------------------------------------


def attribute(
    sentence: str, previous: Source | None = None, *, previous_speaker: Source | None = None
) -> Source | None:
    """Who asserts `sentence` alone, or after `previous` (whom "he added" or "the official
    said" may mean): the document rules of SpeakerContext, for one sentence.

    `previous_speaker` is accepted as another name for `previous` (docs/CONTRACTS.md spells it so).
    """
    previous = previous or previous_speaker
    found = find_attribution(sentence)
    if found is None:
        return None
    context = SpeakerContext()
    if previous is not None:
        context.remember(speaker_from_phrase(previous.name) or Attribution(
            previous.name, previous.kind, previous.name, 0, 0, 0, 0), previous)
    return context.resolve(found, sentence)


@lru_cache(maxsize=4096)
def find_attribution(sentence: str) -> Attribution | None:
    """The main speaker phrase of one sentence, or None when the sentence names no source.
    Cached: the pipeline and the quote reader both ask about each sentence (the record is
    frozen, so a shared answer cannot be changed by one of them)."""
    if _TRIGGERS.isdisjoint(_LOWER_WORD_RE.findall(sentence)) and not any(
        word in sentence for word in _CAPITAL_TRIGGERS
    ):
        return None
    tokens = _tokenize(mask_quotations(sentence))
    best: tuple[int, int, Attribution] | None = None
    best_own: tuple[int, int, Attribution] | None = None  # the best that is not the outlet's
    cited: Attribution | None = None  # "..., the statement said, quoting X": X
    for i, token in enumerate(tokens):
        if token.low not in _TRIGGERS:
            continue
        if token.text[0].isupper() and i > 0 and tokens[i - 1].text[0].isalnum():
            continue  # a capitalised word inside a name is no verb: "Storm Notes", "Says Who"
        found = _candidate_at(tokens, i, sentence)
        if found is None:
            continue
        rank, attribution = found
        if token.low in ("citing", "quoting"):
            cited = cited or attribution
        if rank > 0 and (best is None or rank > best[0]):
            best = (rank, i, attribution)
        if rank > 0 and attribution.kind != "media" and not attribution.relay and (
            best_own is None or rank > best_own[0]
        ):
            best_own = (rank, i, attribution)
    # a document or an outlet that quotes someone passes on that one's words
    if best and cited and (best[2].document or best[2].kind == "media"):
        return cited
    # "X said this on Telegram, an Ukrinform correspondent reports": X, not the reporter
    if best and (best[2].kind == "media" or best[2].relay) and best_own:
        return best_own[2]
    if best and best[2].relay and best[2].kind != "media":
        return replace(best[2], relay=False)  # "Two were hurt, X reported.": X speaks
    return best[2] if best else None


def source_kind(name: str) -> str:
    """The kind of source a name or phrase is: one of model.SOURCE_KINDS."""
    tokens = [t for t in _tokenize(name or "") if t.low not in _DETERMINERS]
    if not tokens:
        return "other"
    return _classify(tokens)[0]


def speaker_from_phrase(phrase: str) -> Attribution | None:
    """A speaker read from a bare phrase ('– Oleh Syniehubov, governor'), or None if no speaker."""
    tokens = _tokenize(phrase)
    np = _np_forward(tokens, 0)
    if np is None:
        return None
    return _make_attribution(tokens, np[0], np[1], phrase, 0, 0, sentence_start=True)


# A title word right before a capitalised name: where a sentence brings a person in.
_TITLE_ANCHOR_RE = re.compile(
    r"\b(?:President|Minister|General|Gen\.|Governor|Gov\.|Mayor|Commander|Colonel|Col\.|"
    r"Lt\.|Lieutenant|Admiral|Secretary|Chief|Director|Ambassador|Envoy|Adviser|Advisor|"
    r"[Ss]pokes(?:man|woman|person)|[Hh]ead|[Cc]ommander|[Aa]dviser)\s+(?:of\s+[^,.;]{3,60}?\s+)?"
    r"[A-Z][a-z]"
)


@lru_cache(maxsize=512)  # the quote reader and the claim reader both ask of most sentences
def introduced_people(sentence: str) -> tuple[Attribution, ...]:
    """The named people a sentence brings in by title without quoting them ("... was visited
    by Defence Minister Oleksii Reznikov, who ...", "This was reported by the Commander of the
    X group, General Y, and ..."), each with the role it gives them, in order, once each."""
    if _TITLE_ANCHOR_RE.search(sentence) is None:
        return ()
    tokens = _tokenize(mask_quotations(sentence))
    found: list[Attribution] = []
    i = 0
    while i < len(tokens):
        low = tokens[i].low
        if low not in _TITLES and low.split("-")[0] not in _TITLES:
            i += 1
            continue
        np = _np_forward(tokens, i)
        if np is None:
            i += 1
            continue
        role: tuple[_Token, ...] = ()
        named_span = _appositive_name(tokens, np[1])
        if named_span is not None and not _has_person_name(tokens[np[0] : np[1] + 1]):
            role, np = tuple(tokens[np[0] : np[1] + 1]), named_span  # "the Commander of X, Y"
        named = _make_attribution(tokens, np[0], np[1], sentence, 0, 0, sentence_start=True,
                                  role_tokens=role)
        if named is not None and named.kind == "named official" and " " in named.name and \
                all(named.name != other.name for other in found):
            found.append(named)
        i = np[1] + 1
    return tuple(found)


# Bodies that speak in their own name: a sentence they open ("The General Staff rejected that.")
# makes them the "it" of the next one.
_SPEAKING_BODIES = _words(
    "ministry ministries staff office department council government administration agency "
    "service directorate embassy presidency command headquarters kremlin pentagon parliament "
    "police court commission committee nato un eu iaea"
)
_BODY_HINT_RE = re.compile(r"\b(?:" + "|".join(sorted(_SPEAKING_BODIES)) + r")\b", re.I)


def subject_body(sentence: str) -> Attribution | None:
    """The speaking body a sentence opens with as the subject of a verb, with no speech verb
    ("Ukraine's General Staff rejected that."): whom a later "it said" most likely means."""
    head = sentence.lstrip()[:100]
    if not head[:1].isupper() or _BODY_HINT_RE.search(head, 0, 60) is None:
        return None
    tokens = _tokenize(head)
    np = _np_forward(tokens, 0)
    if np is None or np[1] + 1 >= len(tokens):
        return None
    verb = tokens[np[1] + 1]
    if not verb.text.isalpha() or not verb.text.islower() or not verb.low.endswith(("ed", "s")):
        return None
    found = _make_attribution(tokens, np[0], np[1], head, 0, 0, sentence_start=True)
    if found is None or found.kind != "institution" or found.head not in _SPEAKING_BODIES:
        return None
    return found


def statement_issuer(country: Source, next_sentence: str) -> Source | None:
    """The body that issued what a country is said to have said, when the next sentence opens
    on its statement: "Russia said ... The defence ministry's statement on Friday was ..." ->
    Russia's defence ministry. None when `country` is no country or the sentence names no body's
    statement (a country speaks through an office, and the copy names it a sentence later)."""
    if country.kind != "institution" or country.name.lower() not in _COUNTRIES:
        return None
    opening = next_sentence.lstrip()[:100]
    tokens = _tokenize(opening)
    np = _np_forward(tokens, 0)
    if np is None or tokens[0].low in _POSSESSIVES:
        return None
    core = _core(tokens[np[0] : np[1] + 1])
    if not core or core[-1].low not in _DOCUMENT_HEADS:
        return None  # "The ministry said ..." may be a second statement; only "its statement"
    issuer = _make_attribution(tokens, np[0], np[1], opening, 0, 0, sentence_start=True)
    if issuer is None or issuer.kind != "institution" or issuer.head not in _SPEAKING_BODIES or \
            issuer.head in _INSTITUTION_NAMES | _COUNTRIES:
        return None  # an office of the country's ("ministry", "staff"), no body of its own name
    body = issuer.name[4:] if issuer.name.lower().startswith("the ") else issuer.name
    if body.lower().startswith(country.name.lower()):
        return Source(body, issuer.kind)  # "Russia's defence ministry's statement"
    return Source(f"{country.name}'s {body}", issuer.kind)


@lru_cache(maxsize=512)
def subject_person(sentence: str) -> Attribution | None:
    """The named person a sentence opens with ("Defence Minister Oleksii Reznikov met ..."):
    not a source, but whom a later "he said" most likely means."""
    head = sentence.lstrip()[:100]
    if not head[:1].isupper():
        return None
    tokens = _tokenize(head)
    np = _np_forward(tokens, 0)
    if np is None or np[1] + 1 >= len(tokens) or tokens[np[1] + 1].text in "'’":
        return None
    named = _appositive_name(tokens, np[1])
    if named is None and _person_head(tokens[np[0] : np[1] + 1]):
        # "The sister of a medic held in the camp, Name, ...": past the head's complement
        named = _appositive_name(tokens, _complement_end(tokens, np[1]))
    role_before: tuple[_Token, ...] = ()
    if named is not None and not _has_person_name(tokens[np[0] : np[1] + 1]):
        role_before = tuple(tokens[np[0] : np[1] + 1])
        np = named  # "Ukraine's deputy defence minister, Hanna Maliar, visited ..."
        if np[1] + 1 >= len(tokens) or tokens[np[1] + 1].text != ",":
            return None
    # "Oleksandr X, the Commander-in-Chief of ..., visited ...": the role he goes by later;
    # else the one before the name ("The wife of a marine, Name, ...": a named civilian)
    found = _make_attribution(tokens, np[0], np[1], head, 0, 0, sentence_start=True,
                              role_tokens=_appositive_role(tokens, np[1]) or role_before)
    named_civilian = found is not None and found.kind == "other" and bool(role_before)
    if found is None or (found.kind != "named official" and not named_civilian) or \
            tokens[np[1]].low.endswith(("'s", "’s")):
        return None
    if any(word.lower() in _TRIGGERS for word in found.name.split()):
        return None  # "Asked about the south, he ...": a verb opening the sentence, no name
    return found


_MAX_COMPLEMENT = 12  # tokens of an "of ..." complement before a person's name in apposition


def _person_head(tokens: list[_Token]) -> bool:
    """Whether a noun phrase's head names a person by role: "the wife", "a senior officer"."""
    core = _core(tokens)
    return bool(core) and core[-1].low in _OFFICIAL_HEADS | _OTHER_PERSON_HEADS


def _complement_end(tokens: list[_Token], last: int) -> int:
    """The last token of the "of ..." complement after a noun phrase ending at `last` ("the wife
    of a marine wounded in the siege"), up to the next comma; `last` when there is none."""
    if last + 1 >= len(tokens) or tokens[last + 1].low != "of":
        return last
    for j in range(last + 2, min(len(tokens), last + 2 + _MAX_COMPLEMENT)):
        if tokens[j].text == ",":
            return j - 1
        if not tokens[j].text[0].isalnum() or tokens[j].low in _TRIGGERS:
            break
    return last


def resolve_names(sources: list[str]) -> dict[str, str]:
    """Map each bare surname ("Kirby") to the full name seen in the same document ("John
    Kirby"), and a name spelled another way ("Peskow", "Dmitri Peskow") to the first spelling
    of that person ("Dmitry Peskov"): transliterations differ between copy desks."""
    names = [s for s in dict.fromkeys(sources) if s and s[0].isupper()]
    full_names = [s for s in names if " " in s and _is_person(s)]
    if not full_names:
        return {}
    full_names.sort(key=str.isupper)  # "John F. Kirby" is the spelling, not a label's capitals
    by_surname: dict[str, str] = {}  # exact surname -> first full name
    by_key: dict[str, list[str]] = {}  # surname key -> full names, first seen first
    for full in full_names:
        by_surname.setdefault(full.rsplit(" ", 1)[1], full)
        by_key.setdefault(_name_key(full.rsplit(" ", 1)[1]), []).append(full)
    resolved: dict[str, str] = {}
    for source in names:
        if " " not in source:
            candidates = by_key.get(_name_key(source))
            full = by_surname.get(source) or (candidates[0] if candidates else None)
            if full is not None:
                resolved[source] = full
        elif source in full_names:
            same = by_key[_name_key(source.rsplit(" ", 1)[1])]
            first = next(f for f in same if _same_person(f, source))
            if first != source:
                resolved[source] = first
    return {name: resolved.get(full, full) for name, full in resolved.items()}


@lru_cache(maxsize=4096)
def _is_person(name: str) -> bool:
    return source_kind(name) == "named official"


# Spellings one transliteration gives and another does not: Peskow/Peskov, Zelenskiy/Zelensky,
# Zhyvytskyy/Zhyvytsky, Dmitri/Dmitry, Oleksii/Oleksiy, Gaidai/Haidai (Russian g, Ukrainian h).
_NAME_FOLDS = (("kh", "h"), ("zh", "z"), ("g", "h"), ("w", "v"), ("ff", "v"), ("y", "i"),
               ("j", "i"), ("ie", "e"), ("ii", "i"))


@lru_cache(maxsize=8192)
def _name_key(name: str) -> str:
    key = name.lower().replace("’", "'")
    for old, new in _NAME_FOLDS:
        key = key.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", key)  # doubled letters once


def _same_person(one: str, other: str) -> bool:
    """Two full names of one person: the same surname key, and first names that agree
    ("Dmitry"/"Dmitri") or one an initial of the other."""
    a, b = one.split(), other.split()
    if _name_key(a[-1]) != _name_key(b[-1]):
        return False
    first_a, first_b = _name_key(a[0].rstrip(".")), _name_key(b[0].rstrip("."))
    short, full = sorted((first_a, first_b), key=len)
    # "Dmitri"/"Dmitry", "J."/"John", "Pat"/"Patrick"
    return first_a == first_b or full.startswith(short) and (len(short) == 1 or len(short) >= 3)


def mask_quotations(text: str) -> str:
    """`text` with the inside of every double-quoted passage replaced by underscores.

    Same length, so offsets still hold. An opening mark never closed masks to the end, a closing
    mark never opened masks from the start (a sentence cut out of a longer quotation).
    """
    marks = list(_QUOTE_MARK_RE.finditer(text))
    if not marks:
        return text
    chars = list(text)
    opened: int | None = None
    first_close_seen = False
    for match in marks:
        ch, i = match.group(), match.start()
        # a straight mark shaped like a closing one before any other mark closes a quotation
        # the sentence began inside ('... possible," he said')
        closes_first = (
            ch == '"' and opened is None and not first_close_seen and i > 0
            and not text[i - 1].isspace() and (i + 1 == len(text) or not text[i + 1].isalnum())
        )
        if ch in "“«" or (ch == '"' and opened is None and not closes_first):
            if opened is None:
                opened = i
        else:
            if opened is None and not first_close_seen:
                _blank(chars, 0, i)  # the sentence began inside a quotation
            elif opened is not None:
                _blank(chars, opened + 1, i)
            opened = None
            first_close_seen = True
    if opened is not None:
        _blank(chars, opened + 1, len(text))
    return "".join(chars)


# --- internals -------------------------------------------------------------------------------


def _blank(chars: list[str], start: int, end: int) -> None:
    """Blank chars[start:end] to one underscore run: a quotation reads as a single token."""
    chars[start:end] = "_" * (end - start)


def _tokenize(text: str) -> list[_Token]:
    lowered = text.lower()
    return [
        _Token(text[a:b], lowered[a:b], a, b)
        for a, b in (m.span() for m in _TOKEN_RE.finditer(text))
    ]


def _candidate_at(tokens: list[_Token], i: int, sentence: str) -> tuple[int, Attribution] | None:
    """A (rank, attribution) for a speech verb or "according to" at token i, else None."""
    low = tokens[i].low
    if low == "according" and i + 1 < len(tokens) and tokens[i + 1].low == "to":
        if i + 2 < len(tokens) and tokens[i + 2].low in _OBJECT_PRONOUNS:
            # "According to him, ...": whoever "he" is
            pronoun, who = _OBJECT_PRONOUNS[tokens[i + 2].low], tokens[i + 2]
            return 2, Attribution(pronoun, "other", pronoun, who.start, who.end,
                                  tokens[i].start, tokens[i + 1].end, pronoun=pronoun,
                                  head=pronoun)
        np = _np_forward(tokens, i + 2)
        if np is None:
            return None
        named = _appositive_name(tokens, np[1])
        if named is not None and not _has_person_name(tokens[np[0] : np[1] + 1]):
            np = named  # "according to the regional governor, Vitaliy Kim"
        found = _make_attribution(
            tokens, np[0], np[1], sentence, tokens[i].start, tokens[i + 1].end
        )
        if found is not None and found.kind == "media":
            found = replace(found, relay=True)  # "according to Reuters": the outlet passes it on
        return (2, found) if found else None
    if low in ("citing", "quoting") and i + 1 < len(tokens):
        # "..., Ukrinform reports, citing the regional administration": the administration
        np = _np_forward(tokens, i + 1)
        found = _make_attribution(tokens, np[0], np[1], sentence, tokens[i].start, tokens[i].end) \
            if np is not None else None
        return (2, found) if found is not None and found.kind != "media" else None
    if low == "words" and 2 <= i < len(tokens) - 2 and tokens[i - 1].low == "the" and \
            tokens[i - 2].low == "in" and tokens[i + 1].low == "of":
        return _in_the_words_of(tokens, i, sentence)  # "In the words of X, Y's forces "…""
    if low == "words" and 2 <= i and tokens[i - 2].low == "in" and \
            (pronoun := _POSSESSIVES.get(tokens[i - 1].low)):
        # "In his words, “…”": whoever "he" is
        return 2, Attribution(pronoun, "other", pronoun, tokens[i - 1].start, tokens[i - 1].end,
                              tokens[i - 2].start, tokens[i].end, pronoun=pronoun, head=pronoun)
    if low in _DOCUMENT_VERBS:
        return _document_reads(tokens, i, sentence)
    if low in _PASSIVE_DOCUMENT_VERBS and 0 < i < len(tokens) - 3 and \
            tokens[i - 1].low in ("is", "was", "are", "were", "been") and \
            tokens[i + 1].low == "in" and (stated := _stated_in_document(tokens, i, sentence)):
        return stated  # "This is stated in the message of X"
    if low in SPEECH_VERBS and 0 < i < len(tokens) - 2 and tokens[i + 1].low == "by" and \
            tokens[i - 1].low in _AUXILIARIES and (agent := _passive_agent(tokens, i, sentence)):
        return agent  # "This was stated by the head of the police, X, Censor.NET reports."
    is_verb = low in SPEECH_VERBS or (
        low in ("pointed", "points", "point") and i + 1 < len(tokens) and tokens[i + 1].low == "out"
    ) or (low in ("put", "puts") and i + 1 < len(tokens) and tokens[i + 1].low == "it")
    if low == "saying" and i >= 2 and tokens[i - 1].low == "as":
        return _quoted_as_saying(tokens, i, sentence)
    if low in _PARTICIPLES:
        return _participle_subject(tokens, i, sentence)
    if not is_verb:
        return None
    if low in _PASSIVE_BEFORE_TO and i + 1 < len(tokens) and tokens[i + 1].low == "to":
        return None
    if low in _CLAUSE_FINAL_VERBS and not _ends_clause(tokens, i + 1):
        return None  # "the attack continues in Lviv" is no speech; "..., he continued." is
    verb_end = tokens[i + 1].end if low.startswith(("point", "put")) else tokens[i].end
    before = _subject_before(tokens, i)
    if before is not None and _only_a_place(tokens[before[0] : before[1] + 1]):
        town = _town_or_surname(tokens, before[0], before[1], tokens[i].start, verb_end)
        before = _relative_subject(tokens, before[0])  # "Residents who left Vovchansk said"
        if before is None and town is not None:
            return 1, town
    if before is None and (shared := _coordinated_subject(tokens, i, sentence)) is not None:
        return shared
    if before is not None:
        start, end, rank, role = before
        found = _make_attribution(
            tokens,
            start,
            end,
            sentence,
            tokens[i].start,
            verb_end,
            role_tokens=tuple(tokens[role[0] : role[1] + 1]) if role else (),
        )
        if found is not None and low in _RELAY_VERBS and found.kind == "media":
            found = replace(found, relay=True)  # "..., Ukrinform reports": passing words on
        elif found is not None and low in _RELAY_VERBS and _agency_tag(tokens, start, end, i):
            # one name closing the sentence is an agency's tag even where the name is new to
            # us: "..., X reports." is an outlet; "..., X reported." is one when someone else
            # in the sentence speaks ("This was stated by Y, X reported.")
            found = replace(found, relay=True, kind="media" if low == "reports" else found.kind)
        if found is not None:
            return rank, found
    if low in SPEECH_VERBS and (  # any speech verb may come first: '"…," informed Syrskyi.'
        i == 0
        or tokens[i - 1].text in ",:;–—-" + _CLOSE_QUOTES
        or tokens[i - 1].text.startswith("_")
    ):
        if _one_alone(tokens, i + 1):  # '"...," said one - a view shared by ...'
            one = tokens[i + 1]
            return 3, Attribution(
                "one", "other", "one", one.start, one.end, tokens[i].start, verb_end,
                pronoun="one", head="one",
            )
        np = _np_forward(tokens, i + 1)
        if np is not None:
            np = (np[0], _bracket_after(tokens, np[1]))  # "said the ... Directorate (HUR)"
            role: tuple[_Token, ...] = ()
            named = _appositive_name(tokens, np[1])
            if named is not None and not _has_person_name(tokens[np[0] : np[1] + 1]):
                role, np = (
                    tuple(tokens[np[0] : np[1] + 1]),
                    named,
                )  # "said the governor, Serhiy Haidai"
            else:
                role = _appositive_role(tokens, np[1])  # "said Olena, 54, a resident of Irpin"
            found = _make_attribution(
                tokens, np[0], np[1], sentence, tokens[i].start, verb_end, role_tokens=role
            )
            if found is not None:
                return 3, found
            if (town := _town_or_surname(tokens, np[0], np[1], tokens[i].start, verb_end)):
                return 1, town
    return None


def _document_reads(tokens: list[_Token], i: int, sentence: str) -> tuple[int, Attribution] | None:
    """ "its statement reads", "the message read", '“…,” reads the ministry's statement': a
    document speaking for its issuer."""
    before = _subject_before(tokens, i)
    if before is None and i > 0 and (tokens[i - 1].text in ",:;" + _CLOSE_QUOTES or
                                     tokens[i - 1].text.startswith("_")):
        np = _np_forward(tokens, i + 1)
        before = (np[0], np[1], 3) + (None,) if np is not None else None
    if before is None:
        return None
    start, end, rank, _role = before
    found = _make_attribution(tokens, start, end, sentence, tokens[i].start, tokens[i].end)
    if found is None or not (found.document or (found.pronoun and " " in found.phrase) or
                             tokens[end].low in _DOCUMENT_HEADS):
        return None  # "he reads the news" is no attribution; "its statement reads" is
    return rank, found


def _town_or_surname(
    tokens: list[_Token], first: int, last: int, verb_start: int, verb_end: int
) -> Attribution | None:
    """One capitalised word the gazetteer knows as a town, beside a speech verb ("said
    Nikolaev"): no speaker unless the document named someone of that surname (`place`, which
    the SpeakerContext resolves)."""
    token = tokens[first]
    if first != last or not token.text[0].isupper() or not _only_a_place([token]):
        return None
    return Attribution(token.text, "named official", token.text, token.start, token.end,
                       verb_start, verb_end, head=token.low, place=True)


def _agency_tag(tokens: list[_Token], start: int, end: int, verb: int) -> bool:
    """ "..., Kyivinform reports." closing a sentence: one capitalised name that is no
    country, capital or known institution, after a comma, and nothing but the full stop after."""
    name = tokens[start]
    return (
        start == end
        and start > 0
        and tokens[start - 1].text == ","
        and name.text[0].isupper()
        and name.low not in _COUNTRIES | _INSTITUTION_NAMES
        and (verb + 1 == len(tokens) or tokens[verb + 1].text in ".!")
    )


def _passive_agent(tokens: list[_Token], i: int, sentence: str) -> tuple[int, Attribution] | None:
    """ "This was reported by the head of X, Name": the agent of a passive speech verb, the
    name in apposition to a role when there is one."""
    np = _np_forward(tokens, i + 2)
    if np is None:
        return None
    role: tuple[_Token, ...] = ()
    named = _appositive_name(tokens, np[1])
    if named is not None and not _has_person_name(tokens[np[0] : np[1] + 1]):
        role, np = tuple(tokens[np[0] : np[1] + 1]), named
    found = _make_attribution(tokens, np[0], np[1], sentence, tokens[i - 1].start,
                              tokens[i + 1].end, role_tokens=role)
    return (2, found) if found is not None else None


def _stated_in_document(
    tokens: list[_Token], i: int, sentence: str
) -> tuple[int, Attribution] | None:
    """ "This is stated in the message of the Defence Ministry": the ministry."""
    j = i + 2
    while j < len(tokens) and tokens[j].low in _DETERMINERS:
        j += 1
    if j + 2 >= len(tokens) or tokens[j].low not in _DOCUMENT_HEADS:
        return None
    if tokens[j + 1].low not in ("of", "from", "by"):
        return None
    np = _np_forward(tokens, j + 2)
    if np is None:
        return None
    found = _make_attribution(tokens, np[0], np[1], sentence, tokens[i].start, tokens[i].end)
    return (2, found) if found else None


def _quoted_as_saying(
    tokens: list[_Token], i: int, sentence: str
) -> tuple[int, Attribution] | None:
    """ "X was quoted as saying", "X was quoted by TASS as saying": X is the source."""
    k = i - 2
    if tokens[k].low != "quoted":
        by = next((j for j in range(i - 2, max(0, i - 10), -1) if tokens[j].low == "by"), None)
        if by is None or by < 1 or tokens[by - 1].low != "quoted":
            return None
        k = by - 1
    while k > 0 and tokens[k - 1].low in _AUXILIARIES:
        k -= 1
    before = _subject_before(tokens, k)
    if before is None:
        return None
    start, end, rank, role = before
    found = _make_attribution(
        tokens,
        start,
        end,
        sentence,
        tokens[i - 2].start,
        tokens[i].end,
        role_tokens=tuple(tokens[role[0] : role[1] + 1]) if role else (),
    )
    return (rank, found) if found else None


def _in_the_words_of(
    tokens: list[_Token], i: int, sentence: str
) -> tuple[int, Attribution] | None:
    """ "In the words of Ukraine's deputy defence minister, Hanna Maliar, ...": like "according
    to", the name in apposition when there is one."""
    np = _np_forward(tokens, i + 2)
    if np is None:
        return None
    named = _appositive_name(tokens, np[1])
    if named is not None and not _has_person_name(tokens[np[0] : np[1] + 1]):
        np = named
    found = _make_attribution(
        tokens, np[0], np[1], sentence, tokens[i - 2].start, tokens[i + 1].end
    )
    return (2, found) if found else None


def _one_alone(tokens: list[_Token], j: int) -> bool:
    """ "said one" closing the clause: one of the sources named just before."""
    return (
        j < len(tokens)
        and tokens[j].low == "one"
        and (j + 1 == len(tokens) or tokens[j + 1].text in ",.;:–—-")
    )


def _ends_clause(tokens: list[_Token], j: int) -> bool:
    """Whether tokens[j:] start with the end of a speech clause: '.', ':', a quotation, or end."""
    if j >= len(tokens):
        return True
    text = tokens[j].text
    if text == "," and j + 1 < len(tokens):
        text = tokens[j + 1].text
    return text in ".:;!?" + _OPEN_QUOTES + _CLOSE_QUOTES or text.startswith("_")


def _subject_before(tokens: list[_Token], verb: int) -> tuple | None:
    """(first, last, rank, role span or None): the subject right before the verb at `verb`."""
    j = verb - 1
    while j >= 0:
        if tokens[j].low in _BETWEEN:
            j -= 1
        elif tokens[j].low in _WEEKDAYS and j > 0 and tokens[j - 1].low == "on":
            j -= 2
        else:
            break
    if j < 0:
        return None
    if tokens[j].low in _PRONOUNS:
        return (j, j, _rank(tokens, j, 3), None)
    if tokens[j].text == ",":
        return _parenthetical_subject(tokens, j)
    bracket = _bracket_before(tokens, j)  # "the Institute for the Study of War (ISW) said"
    first = _np_backward(tokens, j if bracket is None else bracket - 1)
    if first is None:
        return None
    if first > 0 and tokens[first - 1].low in _POSSESSIVES and tokens[j].low in _DOCUMENT_HEADS:
        first -= 1  # "its statement reads": the pronoun's document
    return (first, j, _rank(tokens, first, 3), None)


def _relative_subject(tokens: list[_Token], first: int) -> tuple | None:
    """The subject of a relative clause ending at `first`: "residents who left X" -> residents."""
    for k in range(first - 1, max(-1, first - 8), -1):
        low = tokens[k].low
        if low in ("who", "that"):
            head = _np_backward(tokens, k - 1) if k > 0 else None
            return (head, k - 1, _rank(tokens, head, 3), None) if head is not None else None
        if tokens[k].text in ",;:" + _OPEN_QUOTES + _CLOSE_QUOTES:
            return None
    return None


_MAX_BRACKET = 4  # tokens inside a bracketed name: "(ISW)", "(HUR)", "(Rosgvardia)"


def _bracket_before(tokens: list[_Token], j: int) -> int | None:
    """The index of "(" when tokens[j] closes a short bracketed name after a noun phrase."""
    if tokens[j].text != ")":
        return None
    for k in range(j - 1, max(0, j - _MAX_BRACKET - 1), -1):
        if tokens[k].text == "(":
            inside = tokens[k + 1 : j]
            return k if k > 0 and inside and all(map(_is_np_word, inside)) else None
    return None


def _bracket_after(tokens: list[_Token], last: int) -> int:
    """`last`, or the index of the ")" of a short bracketed name right after it."""
    if last + 2 < len(tokens) and tokens[last + 1].text == "(":
        for k in range(last + 2, min(len(tokens), last + _MAX_BRACKET + 3)):
            if tokens[k].text == ")":
                return k if k > last + 2 and _bracket_before(tokens, k) == last + 1 else last
    return last


def _parenthetical_subject(tokens: list[_Token], comma: int) -> tuple | None:
    """ "X, a senior commander, said" or "the head of X, Serhiy Haidai, said": pick the name."""
    found = _nearest_parenthetical(tokens, comma)
    return found if found is not None else _listing_apposition(tokens, comma)


def _listing_apposition(tokens: list[_Token], comma: int) -> tuple | None:
    """An apposition holding commas of its own: "X, a collective of reporters, bloggers and
    volunteers, reported", "Y, the spokesman of the Odesa, Mykolaiv and Kherson
    administrations, said": the subject before the comma that opens it."""
    k = comma - 1
    while k > 0 and comma - k < 40:
        if tokens[k].text in ".;:" + _OPEN_QUOTES + _CLOSE_QUOTES:
            return None
        if tokens[k].text == "," and k + 1 < comma and _opens_apposition(tokens[k + 1]):
            first = _np_backward(tokens, k - 1)
            if first is not None and _rank(tokens, first, 3) >= 3:
                return (first, k - 1, _rank(tokens, first, 3), (k + 1, comma - 1))
        k -= 1
    return None


def _opens_apposition(token: _Token) -> bool:
    low = token.low
    return low in ("a", "an", "the", "who", "which", "whose") or low.endswith("ing")


def _nearest_parenthetical(tokens: list[_Token], comma: int) -> tuple | None:
    k = comma - 1
    while k >= 0 and tokens[k].text != "," and comma - k < 30:
        if tokens[k].text in ".;:" + _OPEN_QUOTES + _CLOSE_QUOTES:
            return None
        k -= 1
    if k < 1 or tokens[k].text != ",":
        return None
    inner_first = _np_backward(tokens, comma - 1)
    inner_is_np = inner_first == k + 1
    outer_first = _np_backward(tokens, k - 1)
    inner_named = inner_is_np and _has_person_name(tokens[k + 1 : comma])
    if inner_named and (outer_first is None or not _has_person_name(tokens[outer_first:k])):
        # "the head of Russian diplomacy, Sergei Lavrov, said": the name between the commas
        role = (outer_first, k - 1) if outer_first is not None else None
        return (k + 1, comma - 1, _rank(tokens, k + 1, 3), role)
    if outer_first is None:
        return None
    opener = tokens[k + 1].low
    if opener in ("a", "an", "the"):
        # "Serhiy Volynskyy, a commander of the 36th Marine Brigade, said": a role after a name;
        # "the brigade's deputy commander, a lieutenant colonel who ..., said": an apposition
        return (outer_first, k - 1, _rank(tokens, outer_first, 3), (k + 1, comma - 1))
    if inner_is_np or opener.endswith("ing") or opener in _PARENTHETICAL_OPENERS:
        role = (k + 1, comma - 1) if inner_is_np else None
        return (outer_first, k - 1, _rank(tokens, outer_first, 3), role)
    return None


def _appositive_name(tokens: list[_Token], last: int) -> tuple[int, int] | None:
    """The span of a person's name right after a phrase ending at `last`: ", Serhiy Haidai"."""
    if last + 2 < len(tokens) and tokens[last + 1].text == ",":
        np = _np_forward(tokens, last + 2)
        if np is not None and _has_person_name(tokens[np[0] : np[1] + 1]):
            return np
    return None


def _appositive_role(tokens: list[_Token], last: int) -> tuple[_Token, ...]:
    """The role phrase after a name: ", a resident of Irpin" or ", 54, a nurse"."""
    j = last + 1
    if j + 1 < len(tokens) and tokens[j].text == ",":
        j += 1
        if tokens[j].text.isdigit() and j + 2 < len(tokens) and tokens[j + 1].text == ",":
            j += 2
        np = _np_forward(tokens, j)
        if np is not None and not _has_person_name(tokens[np[0] : np[1] + 1]):
            return tuple(tokens[np[0] : np[1] + 1])
    return ()


def _participle_subject(
    tokens: list[_Token], i: int, sentence: str
) -> tuple[int, Attribution] | None:
    """ "Zelensky addressed the nation, saying ...": the subject at the start of the sentence."""
    if i == 0 or tokens[i - 1].text != ",":
        return None
    return _opening_subject(tokens, i, sentence)


def _coordinated_subject(
    tokens: list[_Token], i: int, sentence: str
) -> tuple[int, Attribution] | None:
    """ "The General Staff, in its evening report, described the situation as tense and said
    ...", "X visited the front and told soldiers ...": a speech verb sharing the subject that
    opens the sentence with the verb before it."""
    j = i - 1
    while j > 0 and tokens[j].low in _BETWEEN:
        j -= 1
    if j < 2 or tokens[j].low not in ("and", "but"):
        return None
    return _opening_subject(tokens, j, sentence, verb=i)


def _opening_subject(
    tokens: list[_Token], limit: int, sentence: str, verb: int | None = None
) -> tuple[int, Attribution] | None:
    """The noun phrase opening the sentence, ending before `limit`, as the speaker of the verb
    at `verb` (default `limit`), ranked below any speaker named beside a verb."""
    verb = limit if verb is None else verb
    start = 0
    while start < limit and tokens[start].low in _STOP | {"“", '"', "_"}:
        start += 1
    np = _np_forward(tokens, start)
    if np is None or np[0] != start or np[1] + 1 >= limit:
        return None
    found = _make_attribution(tokens, np[0], np[1], sentence, tokens[verb].start,
                              tokens[verb].end)
    return (1, found) if found else None


def _rank(tokens: list[_Token], first: int, high: int) -> int:
    """Main-clause subjects (sentence start, or after a comma or quote) outrank embedded ones."""
    if first == 0:
        return high
    before = tokens[first - 1]
    if before.low in _SUBORDINATORS:
        return -1
    if before.text in ",;:–—-" + _CLOSE_QUOTES or before.text.startswith("_"):
        return high + 1  # a trailing attribution: "..., the Pentagon said."
    if before.text in "(" + _OPEN_QUOTES:
        return high
    if before.low in ("and", "but", "meanwhile", "however", "separately", "also", "yet", "so"):
        return high
    return 1


def _is_np_word(token: _Token) -> bool:
    text = token.text
    if not text[0].isalnum():
        return False
    if text[0].isdigit() and "-" not in text:
        return _ORDINAL_RE.fullmatch(token.low) is not None  # "the 47th Mechanized Brigade"
    if text[0].isupper():
        return token.low not in _STOP or token.low in _COUNTRIES or _is_acronym(text)
    low = token.low
    if low in _VOCABULARY:
        return True
    if low.endswith(("'s", "’s")) and low[:-2] in _VOCABULARY:
        return True
    if "-" in low:
        parts = low.split("-")
        if low.endswith("-old"):
            return True  # "a 67-year-old resident"
        return any(p in _VOCABULARY or p in _NATIONALITIES for p in parts) or (
            parts[-1] in _PARTICIPLE_SUFFIXES
        )
    return False


def _is_acronym(text: str) -> bool:
    """ "US", "UN", "NATO", "U.S.": capitals that are names, never stop words like "us"."""
    return len(text) > 1 and text.replace(".", "").isupper()


def _np_backward(tokens: list[_Token], last: int) -> int | None:
    """Index of the first token of the noun phrase ending at `last`, or None if there is none."""
    j = last
    while j >= 0:
        token = tokens[j]
        if (
            _is_np_word(token)
            or (token.low in _NAME_PARTICLES and j > 0 and tokens[j - 1].text[0].isupper())
            or (
                token.low in _SOURCE_PP_OBJECTS
                and (j == last or tokens[j + 1].low in _NP_PREPOSITIONS)
            )
        ):
            j -= 1
            continue
        if token.low in _DETERMINERS and j < last:
            j -= 1
            if (
                j > 0
                and tokens[j].low in ("of", "for", "with", "in", "at", "on")
                and (_is_np_word(tokens[j - 1]) or tokens[j - 1].low in _SOURCE_PP_OBJECTS)
            ):
                j -= 1  # "the Institute for the Study of War"
                continue
            break
        if token.low in _NP_PREPOSITIONS and j < last and j > 0 and _is_np_word(tokens[j - 1]):
            j -= 1
            continue
        if j < last and (opener := _descriptive_opener(tokens, j)) is not None:
            j = opener  # "the strategic communications department": back to its determiner
            continue
        break
    first = j + 1
    while first <= last and tokens[first].low in _NP_PREPOSITIONS:
        first += 1
    if first > last or not _has_head(tokens[first : last + 1]):
        return None
    return first


_MAX_DESCRIPTIVE = 3  # plain words a body's description may hold: "the public relations service"


def _plain_word(token: _Token) -> bool:
    """A lower-case word outside every list: "strategic", "communications", "relations"."""
    low = token.low
    return (
        token.text[0].islower()
        and low.replace("-", "").isalpha()
        and low not in _STOP
        and low not in _VOCABULARY
        and low not in _TRIGGERS
        and low not in _DETERMINERS
        and low not in ("and", "or", "nor", "but")
    )


def _opens_description(token: _Token) -> bool:
    """ "the", "a", "its", "Ukraine's": what opens a noun phrase before its plain words."""
    return token.low in ("the", "a", "an", "its", "their", "his", "her") or (
        token.low.endswith(("'s", "’s")) and token.text[0].isupper()
    )


def _descriptive_opener(tokens: list[_Token], j: int) -> int | None:
    """For plain words ending at j, right before a body's name or role, the index of the
    determiner or possessive that opens them ("the strategic communications department",
    "Ukraine's main intelligence directorate"); None when they are not so opened."""
    k = j
    while k >= 0 and j - k <= _MAX_DESCRIPTIVE and (
        _plain_word(tokens[k]) or (tokens[k].low in _MODIFIERS and tokens[k].text.islower())
    ):
        k -= 1
    if k == j or k < 0 or not _opens_description(tokens[k]):
        return None
    return k


def _np_forward(tokens: list[_Token], first: int) -> tuple[int, int] | None:
    """(first, last) token indices of the noun phrase starting at `first`, or None."""
    j = first
    while j < len(tokens) and tokens[j].low in _DETERMINERS:
        j += 1
    # "said the strategic communications department of ...": plain words before the head
    opened = j > first or (j < len(tokens) and _opens_description(tokens[j]))
    plain = 0 if opened else _MAX_DESCRIPTIVE
    last = None
    while j < len(tokens):
        token = tokens[j]
        if plain < _MAX_DESCRIPTIVE and _plain_word(token) and j + 1 < len(tokens) and \
                (_is_np_word(tokens[j + 1]) or _plain_word(tokens[j + 1])) and \
                not any(t.low in _HEADS or t.text[0].isupper() for t in tokens[first + 1 : j]):
            plain += 1
            j += 1
            continue
        if _is_np_word(token) or (token.low in _NAME_PARTICLES and last is not None) or (
            # "the head of the police in the Kharkiv region, X": a place noun after its name
            token.low in _SOURCE_PP_OBJECTS and last is not None and tokens[j - 1].text[0].isupper()
        ):
            last = j
            j += 1
            continue
        if token.low == "and" and last == j - 1 and _joins_a_body_name(tokens, j):
            j += 1  # "the Tavria Operational and Strategic Group of Troops": one name
            continue
        if (
            (token.low in _NP_PREPOSITIONS
             # "a statement by the X group": the document's issuer (see _document_source)
             or (token.low == "by" and last is not None and tokens[last].low in _DOCUMENT_HEADS))
            and last is not None
            and j + 1 < len(tokens)
            and (_is_np_word(tokens[j + 1]) or tokens[j + 1].low in _DETERMINERS)
        ):
            j += 1
            while j < len(tokens) and tokens[j].low in _DETERMINERS:
                j += 1
            continue
        break
    if last is None or not _has_head(tokens[first : last + 1]):
        return None
    return first, last


def _joins_a_body_name(tokens: list[_Token], j: int) -> bool:
    """Whether the "and" at j joins two capitalised words of one body's name, ended by a body's
    noun ("Operational and Strategic Group", "Defence and Security Council"); never two people
    ("President X and Minister Y")."""
    if not tokens[j - 1].text[0].isupper():
        return False
    for token in tokens[j + 1 : j + 5]:
        if not token.text[0].isupper():
            return False
        if token.low in _INSTITUTION_HEADS:
            return True
    return False


def _core(tokens: list[_Token]) -> list[_Token]:
    """The phrase before its first preposition, without determiners: "a spokesperson"."""
    core = []
    for token in tokens:
        if core and (token.low in _NP_PREPOSITIONS or token.low == "familiar"
                     or (token.low == "by" and core[-1].low in _DOCUMENT_HEADS)):
            break
        if token.low not in _DETERMINERS:
            core.append(token)
    if len(core) > 1 and core[-1].low in _COMPASS and core[-2].low in _INSTITUTION_HEADS:
        core.pop()  # "Operational Command South": the head is "Command"
    return core


def _has_head(tokens: list[_Token]) -> bool:
    core = _core(tokens)
    if not core:
        return False
    head = core[-1]
    if _is_acronym(head.text):
        return True
    if head.text[0].isupper():
        return head.low not in _STOP and (
            head.low not in _NATIONALITIES or head.low in _COUNTRIES | _INSTITUTION_NAMES
        )
    # "commander-in-chief", "chief-of-staff": a role compound
    return head.low in _HEADS or head.low.split("-")[0] in _OFFICIAL_HEADS


def _name_run(core: list[_Token]) -> list[_Token]:
    """The trailing run of name tokens: "Pentagon spokesman John Kirby" -> John Kirby."""
    run: list[_Token] = []
    for token in reversed(core):
        low = token.low
        possessive = low.endswith(("'s", "’s"))
        if (
            token.text[0].isupper()
            and not possessive
            and low not in _NON_NAME
            and low.rstrip(".") not in _NON_NAME
            and not _is_compound_modifier(low)
        ):
            run.append(token)
        elif low in _NAME_PARTICLES and run:
            run.append(token)
        else:
            break
    while run and run[-1].low in _NAME_PARTICLES:
        run.pop()
    # an acronym before a name in ordinary case is an office's ("OVA Dmytro Example")
    while len(run) > 1 and _is_acronym(run[-1].text) and not run[0].text.isupper():
        run.pop()
    return list(reversed(run))


def _is_compound_modifier(low: str) -> bool:
    """ "russian-backed", "kremlin-installed", "pro-russian": a modifier, never a person's name;
    nor is a role compound ("Commander-in-Chief", "Chief-of-Staff")."""
    if "-" not in low:
        return False
    parts = low.split("-")
    return (
        parts[-1] in _PARTICIPLE_SUFFIXES
        or parts[0] in ("pro", "anti", "ex", "non")
        or parts[0] in _NATIONALITIES
        or parts[0] in _OFFICIAL_HEADS
    )


def _has_person_name(tokens: list[_Token]) -> bool:
    core = _core(tokens)
    if not core:
        return False
    run = _name_run(core)
    if not run:
        return False
    whole = " ".join(t.low for t in core)
    return not (_MEDIA_RE.search(whole) or _ANALYST_RE.search(whole))


def _classify(tokens: list[_Token]) -> tuple[str, list[_Token]]:
    """(kind, person-name tokens) of a noun phrase's tokens."""
    core = _core(tokens) or tokens
    head = core[-1].low
    if "-" in head and head.split("-")[0] in _OFFICIAL_HEADS:
        head = head.split("-")[0]  # "commander-in-chief" is a commander
    whole = " ".join(t.low for t in tokens)
    if head in _DOCUMENT_HEADS:
        return "other", []
    if _ANALYST_RE.search(whole) or head in _ANALYST_HEADS:
        return "analysts", []
    if (
        _MEDIA_RE.search(whole)
        or head in _MEDIA_HEADS
        or (head in _MEDIA_WORDS and core[-1].text[0].isupper())
        or _DOMAIN_RE.fullmatch(core[-1].text)
    ):
        return "media", []
    run = _name_run(core)
    if not run and len(core) < len(tokens):
        # "Head of the Luhansk Regional Military Administration Serhiy Haidai": title, then name
        tail = _name_run(tokens)
        run = tail if len(tail) >= 2 else []
    if run:
        if len(core) > len(run) and core[-len(run) - 1].low in _MEDIA_HEADS - {"press"}:
            return "media", run  # "the Telegram channel Rybar": a channel, by its name
        return "named official", run
    if head in _OFFICIAL_HEADS:
        return "anonymous official", []
    if (
        head in _INSTITUTION_HEADS
        or head in _INSTITUTION_NAMES
        or head in _COUNTRIES
        or (core[-1].text.isupper() and len(core[-1].text) > 1)
    ):
        return "institution", []
    if head in _OTHER_PERSON_HEADS:
        return "other", []
    return "other", []


def _make_attribution(
    tokens: list[_Token],
    first: int,
    last: int,
    sentence: str,
    verb_start: int,
    verb_end: int,
    *,
    sentence_start: bool | None = None,
    role_tokens: tuple[_Token, ...] = (),
) -> Attribution | None:
    """An Attribution for the phrase tokens[first..last] of `sentence`."""
    bracket = _bracket_before(tokens, last) if last > first else None
    if bracket is not None and bracket > first:
        # "the Institute for the Study of War (ISW)": the phrase, and a body keeps its short name
        found = _make_attribution(tokens, first, bracket - 1, sentence, verb_start, verb_end,
                                  sentence_start=sentence_start, role_tokens=role_tokens)
        if found is None or found.kind == "named official" or found.pronoun or found.document:
            return found
        short = " ".join(t.text for t in tokens[bracket + 1 : last])
        return replace(found, name=f"{found.name} ({short})", end=tokens[last].end,
                       phrase=f"{found.phrase} ({short})")
    phrase_tokens = tokens[first : last + 1]
    start, end = phrase_tokens[0].start, phrase_tokens[-1].end
    phrase = " ".join(sentence[start:end].split())
    if len(phrase_tokens) == 1 and phrase_tokens[0].low in _PRONOUNS:
        return Attribution(
            phrase.lower(),
            "other",
            phrase.lower(),
            start,
            end,
            verb_start,
            verb_end,
            pronoun=phrase_tokens[0].low,
            head=phrase_tokens[0].low,
        )
    report = _document_source(phrase_tokens)
    if report is not None:
        return _make_attribution(
            tokens, first + report[0], first + report[1], sentence, verb_start, verb_end
        )
    owner = _POSSESSIVES.get(phrase_tokens[0].low)
    if owner and len(phrase_tokens) > 1 and phrase_tokens[-1].low in _DOCUMENT_HEADS:
        # "its statement reads": whoever "it" is
        return Attribution(
            owner, "other", phrase, start, end, verb_start, verb_end, pronoun=owner, head=owner
        )
    kind, run = _classify(phrase_tokens)
    if _only_a_place(phrase_tokens):
        return None  # "— Kharkiv, May 3" signs off a place: a speaker is never a place
    core = _core(phrase_tokens) or phrase_tokens
    definite = phrase_tokens[0].low == "the" and not run
    if core[-1].low in _DOCUMENT_HEADS and len(core) > 1 and core[-2].low.endswith(("'s", "’s")):
        # "the ministry's statement said": the ministry
        owner = speaker_from_phrase(sentence[start : core[-2].end - 2])
        if owner is not None and not owner.pronoun and not owner.document:
            return replace(owner, start=owner.start + start, end=owner.end + start,
                           verb_start=verb_start, verb_end=verb_end)
    if core[-1].low in _DOCUMENT_HEADS and not run:
        # "the statement said": the words of whoever issued the statement named before
        name = _lower_first_word(phrase, phrase_tokens[0], True)
        return Attribution(
            name, "other", phrase, start, end, verb_start, verb_end, head=core[-1].low,
            definite=definite, document=True,
        )
    if run:
        role_np = _np_forward(list(role_tokens), 0) if role_tokens else None
        role_core = _core(list(role_tokens[: role_np[1] + 1])) if role_np else []
        role_head = role_core[-1].low if role_core else ""
        if role_head in _OTHER_PERSON_HEADS:
            kind = "other"  # "Valentyna, a 67-year-old resident": a named civilian, not an official
        elif role_head in _MEDIA_HEADS:
            kind = "media"  # "Grey Zone, a Telegram channel close to ...": a channel by its name
        elif role_head in _INSTITUTION_HEADS:
            kind = "institution"  # "Operation Z, a collective of war reporters ...": a body
        name = " ".join(sentence[run[0].start : run[-1].end].split())
        roles = _role_words(core, run, list(role_tokens))
        return Attribution(
            name, kind, phrase, start, end, verb_start, verb_end, role_words=roles,
            head=run[-1].low, role=" ".join(t.low for t in role_tokens),
            title=_role_text(sentence, phrase_tokens, run, role_tokens),
        )
    at_start = first == 0 if sentence_start is None else sentence_start
    name = _lower_first_word(phrase, phrase_tokens[0], at_start)
    return Attribution(
        name, kind, phrase, start, end, verb_start, verb_end, head=core[-1].low, definite=definite
    )


def _role_words(core: list[_Token], run: list[_Token], role_tokens: list[_Token]) -> tuple:
    """The nouns a named speaker may later be called by: every official's head ("spokesman",
    "commander-in-chief" and "commander"), and the noun right before the name or heading its
    apposition ("the Telegram channel Rybar", "Rybar, a Telegram channel": "channel")."""
    roles: list[str] = []
    for token in core + role_tokens:
        low = token.low
        if low in _OFFICIAL_HEADS:
            roles.append(low)
        elif "-" in low and low.split("-")[0] in _OFFICIAL_HEADS:
            roles += [low, low.split("-")[0]]  # "commander-in-chief"
    before = core[-len(run) - 1].low if len(core) > len(run) else ""
    role_core = _core(role_tokens)
    for low in (before, role_core[-1].low if role_core else ""):
        if low in _HEADS and low not in roles:
            roles.append(low)
    return tuple(roles)


_HONORIFICS = _words("mr mrs ms dr gen lt col maj capt sgt adm brig gov sen rep prof")
# Capitals that speak for their governments ("Moscow says"); countries do too.
_SPEAKING_CAPITALS = _words("moscow kyiv kiev minsk washington london paris berlin beijing")


def _only_a_place(tokens: list[_Token]) -> bool:
    """Whether a phrase is nothing but a town or region ("Kharkiv", "the Donetsk region"): no
    one who speaks. A country or a capital standing for its government does speak."""
    words = [t.text for t in tokens if t.low not in _DETERMINERS]
    if not words or words[0].lower() in _SPEAKING_CAPITALS or len(words) > 3:
        return False
    if any(t.low in _OFFICIAL_HEADS or t.low.rstrip(".") in _HONORIFICS for t in tokens):
        return False  # "Mayor Sumy" would be a person, whatever the gazetteer holds
    return _is_town(" ".join(words))


@lru_cache(maxsize=8192)
def _is_town(name: str) -> bool:
    from sitdash.ingest.places import lookup  # the gazetteer loads on first use

    info = lookup(name)
    return info is not None and info.kind != "country"


def _role_text(sentence: str, phrase: list[_Token], run: list[_Token],
               role_tokens: tuple[_Token, ...]) -> str:
    """What the copy calls a named person besides their name: the words of the phrase around
    the name ("Pentagon spokesman" John Kirby) and an apposition (", the governor of Sumy,")."""
    parts = [sentence[phrase[0].start : run[0].start], sentence[run[-1].end : phrase[-1].end]]
    if role_tokens:
        parts.append(sentence[role_tokens[0].start : role_tokens[-1].end])
    words = " ".join(" ".join(parts).replace(",", " ").split())
    while words.lower().startswith(("the ", "a ", "an ")):
        words = words.split(" ", 1)[1] if " " in words else ""
    return words


def _document_source(tokens: list[_Token]) -> tuple[int, int] | None:
    """For "a report from ISW" the issuer's token span (relative), else None."""
    core = _core(tokens)
    if not core or core[-1].low not in _DOCUMENT_HEADS:
        return None
    for k, token in enumerate(tokens):
        if token.low in ("from", "by", "of") and k + 1 < len(tokens):
            rest = k + 1
            while rest < len(tokens) and tokens[rest].low in _DETERMINERS:
                rest += 1
            if rest < len(tokens):
                return k + 1, len(tokens) - 1
    return None


def _lower_first_word(phrase: str, first: _Token, at_sentence_start: bool) -> str:
    """'The Pentagon' -> 'the Pentagon'; 'Military analysts' -> 'military analysts' at a start."""
    if first.low in _DETERMINERS or (
        at_sentence_start and first.low in _VOCABULARY and first.low not in _INSTITUTION_NAMES
    ):
        return phrase[:1].lower() + phrase[1:]
    return phrase


# --- document context ------------------------------------------------------------------------

# Nouns that name the same post or the same kind of body: "the Wagner chief" after "X, the head
# of Wagner"; "the unit" after "the X group of troops"; "the channel" after "the X blog".
_NOUN_FAMILIES = (
    _words("chief head leader boss founder"),
    # a military man's rank and his post: "the general" after "Commander-in-Chief X"
    _words("general commander commander-in-chief colonel colonel-general lieutenant "
           "lieutenant-general major major-general admiral marshal"),
    _words("unit units brigade group grouping battalion regiment division corps formation "
           "detachment"),
    _words("channel blog outlet account"),
)
_FAMILY_OF = {word: family for family in _NOUN_FAMILIES for word in family}
# A nationality and its country are one word for matching descriptions ("the Ukrainian Armed
# Forces Commander-in-Chief" is "the Commander-in-Chief of the Armed Forces of Ukraine").
_SAME_WORD = {"ukrainian": "ukraine", "russian": "russia", "belarusian": "belarus",
              "american": "us", "u.s.": "us", "british": "uk", "u.k.": "uk"}
_LINK_WORDS = _DETERMINERS | _NP_PREPOSITIONS | _words("and on")


def _description_words(text: str) -> frozenset[str]:
    words = text.lower().replace(",", " ").replace("’", "'").replace("'s ", " ").split()
    return frozenset(_SAME_WORD.get(w, w) for w in words) - _LINK_WORDS


def _fits_description(later: Attribution, words: frozenset[str]) -> bool:
    """Whether a definite description ("the commander of the X Brigade") fits what an earlier
    speaker was called (`words`): every word it adds is among them ("the official" after "a
    senior US official"; not "the local governor" after "Governor X", who may govern another
    region); or it names that speaker's own name words ("X") and only differs in the kind of
    body ("Brigade" for "Group")."""
    extra = _description_words(later.phrase) - {later.head}
    missing = extra - words
    if not missing:
        return True
    named = _description_words(" ".join(w for w in later.phrase.split() if w[0].isupper()))
    named -= _HEADS | _TITLES
    return bool(named) and named <= words and missing <= _INSTITUTION_HEADS


# Posts that serve one region or town: "the governor" in a sentence set elsewhere is another.
_LOCAL_POSTS = _words("governor mayor")
# A sentence set somewhere: "In Zaporizhzhia, ...", "Meanwhile, in the Kharkiv region, ..."
_SET_IN_RE = re.compile(
    r"^\W*(?:(?:meanwhile|elsewhere|back|separately),?\s+)?in\s+(?:the\s+)?"
    r"(?P<where>[A-Z][^,]{1,40}),", re.I)


def _set_in(sentence: str) -> frozenset[str]:
    """The oblast-level areas of the place a sentence opens by setting itself in."""
    m = _SET_IN_RE.match(sentence)
    if m is None:
        return frozenset()
    from sitdash.ingest.places import areas_of, find_places  # the gazetteer loads on first use

    return frozenset(a for p in find_places(m["where"]) for a in areas_of(p.name))


@lru_cache(maxsize=1024)
def _areas_named(words: frozenset[str]) -> frozenset[str]:
    """The oblast-level areas of the places among a description's words ("kherson")."""
    from sitdash.ingest.places import areas_of

    return frozenset(a for w in words if _is_town(w.capitalize()) for a in areas_of(w))


class SpeakerContext:
    """The speakers a document has named so far, fed sentence by sentence, to resolve "he",
    "they", "it", "the official", "the unit" and "the statement" to them. An outlet that only
    passes another source's words on ("..., Ukrinform reports") is nobody's antecedent."""

    def __init__(self, publisher: Source | None = None, title: str | None = None) -> None:
        self.person: Source | None = None
        self.group: Source | None = None
        self.body: Source | None = None
        self.issuer: Source | None = None  # whoever last spoke in their own name
        # everyone described so far, latest last: (who, the nouns they go by, their words)
        self.described: list[tuple[Source, frozenset[str], frozenset[str]]] = []
        # "the update said" in a page titled "Latest intelligence update ...": the page itself,
        # so its publisher's words
        self.publisher = publisher
        self.own_documents = frozenset(
            w for w in _LOWER_WORD_RE.findall((title or "").lower()) if w in _DOCUMENT_HEADS
        )

    def resolve(self, found: Attribution, sentence: str = "") -> Source | None:
        """Who `found` (the speaker phrase of `sentence`) is, given the speakers before."""
        if found.pronoun in ("he", "she"):
            return self.person
        if found.pronoun == "they":
            return self.group or self.body or self.person
        if found.pronoun == "it":  # a body; in translated copy also an unnamed official
            if self.body is None and self.person and self.person.kind == "anonymous official":
                return self.person
            return self.body
        if found.pronoun == "one":  # "said one": one of the officials or experts just quoted
            return self.group or self.person
        if found.document:  # "the statement said": its issuer's words
            if self.publisher is not None and found.head in self.own_documents:
                return self.publisher
            return self.issuer or Source(found.name, found.kind)
        if found.place:  # "said Nikolaev": the person of that surname, if one was named
            key = _name_key(found.name)
            return next((who for who, _, _ in reversed(self.described) if who.kind ==
                         "named official" and _name_key(who.name.split()[-1]) == key), None)
        if found.definite:
            earlier = self._described_as(found, sentence)
            if earlier is not None:
                return earlier
        return Source(found.name, found.kind, found.title)

    def _described_as(self, found: Attribution, sentence: str) -> Source | None:
        """The latest speaker a definite description fits: first by its own noun ("the
        governor"), then by a noun of the same family ("the unit" for "the X group"). A
        governor or mayor in a sentence set in another region ("In Zaporizhzhia, ..., the
        governor said" after the Kherson governor) is someone not named yet."""
        family = _FAMILY_OF.get(found.head, frozenset())
        elsewhere = _set_in(sentence) if found.head in _LOCAL_POSTS else frozenset()
        for nouns in (frozenset({found.head}), family):
            for who, heads, words in reversed(self.described):
                if heads & nouns and _fits_description(found, words) and not (
                    elsewhere and (areas := _areas_named(words)) and not areas & elsewhere
                ):
                    return who
        return None

    def remember(self, found: Attribution, source: Source, sentence: str = "") -> None:
        """`source`, whom `found` in `sentence` named, spoke: the latest "he", "it" or "they"
        as its kind says, and the latest of those its description fits."""
        if found.relay:
            return
        plural = found.head.endswith("s") and not found.head.endswith("ss")
        if source.kind == "named official":
            self.person = source
        elif source.kind in ("anonymous official", "other"):
            if plural:
                self.group = source
            elif not found.document:
                self.person = source
        elif source.kind in ("institution", "media"):
            self.body = source
        elif source.kind == "analysts":
            self.group = source
        self.issuer = source
        if found.pronoun or found.document:
            return
        if source.name == found.name:
            # a governor not named before is the governor of where the sentence is set
            setting = _SET_IN_RE.match(sentence) if found.head in _LOCAL_POSTS else None
            self._describe(source, found, setting["where"] if setting else "")
        else:  # "the ministry" that meant an earlier one: that one spoke last
            latest = next((k for k in range(len(self.described) - 1, -1, -1)
                           if self.described[k][0] == source), None)
            if latest is not None:
                self.described.append(self.described.pop(latest))

    def _describe(self, source: Source, found: Attribution, setting: str = "") -> None:
        words = _description_words(f"{found.phrase} {found.role} {setting}")
        self.described.append((source, frozenset(found.role_words) | {found.head}, words))

    def people(self) -> list[str]:
        """The full names of the people described so far (for "Kirby" -> "John Kirby" where
        the full name only introduced them)."""
        return [who.name for who, _, _ in self.described
                if who.kind == "named official" and " " in who.name]

    def mention_body(self, body: Source) -> None:
        """A body the text names as acting ("The General Staff rejected that."): the "it" and
        the issuer of "the statement" that follow."""
        self.body = self.issuer = body

    def mention(self, person: Source, found: Attribution | None = None) -> None:
        """A named person the text brings in without quoting them ("Minister X arrived on
        Monday"): whom a later "he said" most likely means, and whom their role (`found`, the
        phrase that named them) describes."""
        self.person = person
        if found is not None:
            self._describe(person, found)
        else:
            surname = person.name.split()[-1].lower()
            self.described.append((person, frozenset({surname}), _description_words(person.name)))

    def notice(self, sentence: str, speaker: Source | None = None) -> Source | None:
        """A sentence with no speaker of its own (or only a relaying outlet): the person it
        opens with ("Defence Minister X met ...", returned), the people it brings in by title
        (two or more describe, none becomes "he"), or the body it opens with ("The General
        Staff rejected that.", the next "it"). With the sentence's `speaker`, only the other
        people it brings in by title, for the descriptions that may later name them."""
        if speaker is not None:
            if speaker.kind == "named official" and " " in speaker.name and \
                    len(_TITLE_ANCHOR_RE.findall(sentence)) < 2:
                return None  # one title, and it is the named speaker's own
            for found in introduced_people(sentence):
                if found.name != speaker.name:
                    self._describe(Source(found.name, found.kind), found)
            return None
        opening = subject_person(sentence)
        if opening is not None:
            subject = Source(opening.name, opening.kind)
            self.mention(subject, opening)
            return subject
        people = introduced_people(sentence)
        for found in people:
            self._describe(Source(found.name, found.kind), found)
        if len(people) == 1:
            self.person = Source(people[0].name, people[0].kind)
        elif not people and (body := subject_body(sentence)) is not None:
            self.mention_body(self.resolve(body))
        return None


def nearest_speaker(text: str) -> Attribution | None:
    """The speaker of the speech verb closest to the end of `text`, in whatever clause it
    stands: "The shelling came after Russia said it had agreed to" -> Russia. For a quotation
    embedded in a clause that is not the sentence's main one; None when no verb has a subject."""
    if _TRIGGERS.isdisjoint(_LOWER_WORD_RE.findall(text)):
        return None
    tokens = _tokenize(mask_quotations(text))
    for i in range(len(tokens) - 1, -1, -1):
        if tokens[i].low in _TRIGGERS and tokens[i].low not in _DOCUMENT_VERBS:
            found = _candidate_at(tokens, i, text)
            if found is not None and not found[1].place:
                return found[1]
    return None
