"""A deterministic synthetic corpus of news articles about the war in Ukraine, for benchmarks.

`write_corpus(dir, docs=N, seed=S)` writes N `.txt` articles; the same seed gives byte-identical
files, and article i depends only on (seed, i), so a smaller corpus is a prefix of a larger one.
Articles are slot-filled from many template variants: front matter or only a dateline, outlets
with their house styles (quote marks, place spellings), named and anonymous speakers, quotations
in varied attribution styles, force movements (sized, hedged, negated), strikes with numbers,
captions and page furniture. Pure stdlib; no sitdash imports, so it can feed any reader.
"""

from __future__ import annotations

import hashlib
import os
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

START, END = date(2022, 2, 24), date(2022, 12, 31)
MONTHS = ("January February March April May June July August September October November "
          "December").split()
MONTH_ABBR = ("Jan. Feb. March April May June July Aug. Sept. Oct. Nov. Dec.").split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()

# canonical -> (front, Ukrainian spelling, Russian-style spelling, is an oblast centre)
PLACES: dict[str, tuple[str, str, str, bool]] = {
    "Kyiv": ("north", "Kyiv", "Kiev", True),
    "Chernihiv": ("north", "Chernihiv", "Chernigov", True),
    "Sumy": ("north", "Sumy", "Sumy", True),
    "Irpin": ("north", "Irpin", "Irpen", False),
    "Bucha": ("north", "Bucha", "Bucha", False),
    "Hostomel": ("north", "Hostomel", "Gostomel", False),
    "Borodianka": ("north", "Borodianka", "Borodyanka", False),
    "Chernobyl": ("north", "Chornobyl", "Chernobyl", False),
    "Zhytomyr": ("north", "Zhytomyr", "Zhitomir", True),
    "Kharkiv": ("east", "Kharkiv", "Kharkov", True),
    "Izium": ("east", "Izium", "Izyum", False),
    "Kupiansk": ("east", "Kupiansk", "Kupyansk", False),
    "Balakliia": ("east", "Balakliia", "Balakleya", False),
    "Luhansk": ("east", "Luhansk", "Lugansk", True),
    "Sievierodonetsk": ("east", "Sievierodonetsk", "Severodonetsk", False),
    "Lysychansk": ("east", "Lysychansk", "Lisichansk", False),
    "Popasna": ("east", "Popasna", "Popasnaya", False),
    "Bakhmut": ("east", "Bakhmut", "Artemovsk", False),
    "Soledar": ("east", "Soledar", "Soledar", False),
    "Kramatorsk": ("east", "Kramatorsk", "Kramatorsk", False),
    "Sloviansk": ("east", "Sloviansk", "Slavyansk", False),
    "Donetsk": ("east", "Donetsk", "Donetsk", True),
    "Avdiivka": ("east", "Avdiivka", "Avdeyevka", False),
    "Lyman": ("east", "Lyman", "Krasny Liman", False),
    "Vuhledar": ("east", "Vuhledar", "Ugledar", False),
    "Mariupol": ("south", "Mariupol", "Mariupol", False),
    "Kherson": ("south", "Kherson", "Kherson", True),
    "Mykolaiv": ("south", "Mykolaiv", "Nikolaev", True),
    "Odesa": ("south", "Odesa", "Odessa", True),
    "Zaporizhzhia": ("south", "Zaporizhzhia", "Zaporozhye", True),
    "Melitopol": ("south", "Melitopol", "Melitopol", False),
    "Enerhodar": ("south", "Enerhodar", "Energodar", False),
    "Nova Kakhovka": ("south", "Nova Kakhovka", "Novaya Kakhovka", False),
    "Lviv": ("rear", "Lviv", "Lvov", True),
    "Dnipro": ("rear", "Dnipro", "Dnipro", True),
    "Vinnytsia": ("rear", "Vinnytsia", "Vinnitsa", True),
    "Kremenchuk": ("rear", "Kremenchuk", "Kremenchug", False),
    "Kryvyi Rih": ("rear", "Kryvyi Rih", "Krivoy Rog", False),
    "Donbas": ("area", "Donbas", "Donbass", False),
    "Crimea": ("area", "Crimea", "Crimea", False),
    "Belarus": ("abroad", "Belarus", "Belarus", False),
    "Russia": ("abroad", "Russia", "Russia", False),
    "Belgorod": ("abroad", "Belgorod", "Belgorod", False),
}
# Some other spellings seen in real copy, used now and then whatever the house style.
VARIANTS = {"Mykolaiv": ("Mykolayiv",), "Zaporizhzhia": ("Zaporizhia",), "Odesa": ("Odessa",),
            "Kyiv": ("Kiev",), "Chernobyl": ("Chernobyl",)}
FRONT_PLACES = {
    front: tuple(name for name, info in PLACES.items() if info[0] == front)
    for front in ("north", "east", "south", "rear")
}
# Where forces on each front come from and go to: (origins, destinations).
FRONT_MOVES = {
    "north": (("Kyiv", "Chernihiv", "Sumy", "Hostomel", "Bucha", "Irpin"),
              ("Belarus", "Russia", "Donbas", "Belgorod")),
    "east": (("Izium", "Popasna", "Belgorod", "Russia", "Luhansk", "Kharkiv", "Donetsk"),
             ("Sloviansk", "Kramatorsk", "Bakhmut", "Sievierodonetsk", "Lyman", "Kupiansk",
              "Lysychansk", "Donbas")),
    "south": (("Crimea", "Kherson", "Nova Kakhovka", "Melitopol", "Mariupol"),
              ("Mykolaiv", "Zaporizhzhia", "Kherson", "Odesa", "Donbas", "Melitopol")),
    "rear": (("Belarus", "Russia", "Crimea"), ("Dnipro", "Donbas", "Zaporizhzhia")),
}


@dataclass(frozen=True)
class Outlet:
    name: str
    domain: str
    dateline: str  # ap | upi | reuters | cna | afp | plain | translated | liveblog
    spelling: str  # ua | ru | mixed
    curly: bool = True
    front_matter: float = 0.4  # chance an article carries front matter


OUTLETS = (
    Outlet("Associated Press", "apnews.com", "ap", "ua"),
    Outlet("Reuters", "reuters.com", "reuters", "ua"),
    Outlet("UPI", "upi.com", "upi", "ua", curly=False),
    Outlet("AFP", "france24.com", "afp", "mixed"),
    Outlet("CNA", "channelnewsasia.com", "cna", "mixed"),
    Outlet("Al Jazeera", "aljazeera.com", "liveblog", "ua"),
    Outlet("The Guardian", "theguardian.com", "liveblog", "ua"),
    Outlet("BBC News", "bbc.com", "plain", "ua"),
    Outlet("CNN", "cnn.com", "plain", "ua", curly=False),
    Outlet("CNBC", "cnbc.com", "plain", "ua", curly=False),
    Outlet("The Kyiv Independent", "kyivindependent.com", "plain", "ua", front_matter=0.6),
    Outlet("Ukrinform", "ukrinform.net", "plain", "ua", curly=False),
    Outlet("Kyiv Post", "kyivpost.com", "plain", "ua"),
    Outlet("Infobae", "infobae.com", "translated", "ru", front_matter=0.3),
    Outlet("Europa Press", "europapress.es", "translated", "ru", front_matter=0.3),
    Outlet("TASS", "tass.com", "plain", "ru", curly=False),
    Outlet("The Moscow Times", "themoscowtimes.com", "plain", "mixed"),
    Outlet("Deutsche Welle", "dw.com", "plain", "ua"),
    Outlet("Euronews", "euronews.com", "liveblog", "mixed"),
    Outlet("Radio Free Europe/Radio Liberty", "rferl.org", "plain", "ua"),
    Outlet("NPR", "npr.org", "plain", "ua"),
    Outlet("Politico", "politico.eu", "plain", "ua"),
    Outlet("Sky News", "news.sky.com", "liveblog", "ua"),
)


@dataclass(frozen=True)
class Speaker:
    full: str
    surname: str
    roles: tuple[str, ...]  # noun phrases; "{Kharkiv}" slots take the article's spelling
    side: str  # ua | ru | west | intl
    pronoun: str = "he"
    front: str | None = None  # a governor or mayor speaks about their own front
    telegram: bool = False


SPEAKERS = (
    Speaker("John Kirby", "Kirby", ("Pentagon spokesman", "Pentagon press secretary"), "west"),
    Speaker("Lloyd Austin", "Austin", ("US Defense Secretary", "Defense Secretary"), "west"),
    Speaker("Antony Blinken", "Blinken", ("US Secretary of State",), "west"),
    Speaker("Ned Price", "Price", ("State Department spokesman",), "west"),
    Speaker("Jens Stoltenberg", "Stoltenberg", ("NATO Secretary-General",), "west"),
    Speaker("Ben Wallace", "Wallace", ("British Defence Secretary",), "west"),
    Speaker("Volodymyr Zelenskyy", "Zelenskyy", ("Ukrainian President", "President"), "ua"),
    Speaker("Volodymyr Zelensky", "Zelensky", ("Ukraine's President",), "ua"),
    Speaker("Dmytro Kuleba", "Kuleba", ("Ukrainian Foreign Minister",), "ua"),
    Speaker("Oleksii Reznikov", "Reznikov", ("Ukrainian Defense Minister",), "ua"),
    Speaker("Hanna Maliar", "Maliar", ("Deputy Defense Minister",), "ua", "she", telegram=True),
    Speaker("Iryna Vereshchuk", "Vereshchuk", ("Deputy Prime Minister",), "ua", "she",
            telegram=True),
    Speaker("Mykhailo Podolyak", "Podolyak", ("presidential adviser",), "ua", telegram=True),
    Speaker("Oleksiy Arestovych", "Arestovych", ("adviser to the presidential office",), "ua"),
    Speaker("Oleh Syniehubov", "Syniehubov", ("{Kharkiv} regional governor",
            "head of the {Kharkiv} regional military administration"), "ua", front="east",
            telegram=True),
    Speaker("Ihor Terekhov", "Terekhov", ("{Kharkiv} Mayor",), "ua", front="east"),
    Speaker("Serhiy Haidai", "Haidai", ("{Luhansk} regional governor", "governor of {Luhansk}"),
            "ua", front="east", telegram=True),
    Speaker("Pavlo Kyrylenko", "Kyrylenko", ("{Donetsk} regional governor",), "ua", front="east",
            telegram=True),
    Speaker("Vitali Klitschko", "Klitschko", ("{Kyiv} Mayor", "mayor of {Kyiv}"), "ua",
            front="north", telegram=True),
    Speaker("Vyacheslav Chaus", "Chaus", ("{Chernihiv} regional governor",), "ua", front="north",
            telegram=True),
    Speaker("Dmytro Zhyvytskyi", "Zhyvytskyi", ("{Sumy} regional governor",), "ua", front="north",
            telegram=True),
    Speaker("Vitaliy Kim", "Kim", ("{Mykolaiv} regional governor",), "ua", front="south",
            telegram=True),
    Speaker("Oleksandr Starukh", "Starukh", ("{Zaporizhzhia} regional governor",), "ua",
            front="south", telegram=True),
    Speaker("Maksym Marchenko", "Marchenko", ("{Odesa} regional governor",), "ua", front="south"),
    Speaker("Vadym Boichenko", "Boichenko", ("{Mariupol} Mayor",), "ua", front="south"),
    Speaker("Natalia Humeniuk", "Humeniuk", ("spokeswoman for Ukraine's southern command",), "ua",
            "she", front="south"),
    Speaker("Maksym Kozytskyi", "Kozytskyi", ("{Lviv} regional governor",), "ua", front="rear",
            telegram=True),
    Speaker("Valentyn Reznichenko", "Reznichenko", ("{Dnipro} regional governor",), "ua",
            front="rear", telegram=True),
    Speaker("Dmitry Peskov", "Peskov", ("Kremlin spokesman",), "ru"),
    Speaker("Sergei Lavrov", "Lavrov", ("Russian Foreign Minister",), "ru"),
    Speaker("Sergei Shoigu", "Shoigu", ("Russian Defense Minister",), "ru"),
    Speaker("Igor Konashenkov", "Konashenkov", ("Russian Defense Ministry spokesman",), "ru"),
    Speaker("Sergey Rudskoy", "Rudskoy", ("a senior Russian military commander",), "ru"),
    Speaker("Ramzan Kadyrov", "Kadyrov", ("Chechen leader",), "ru", telegram=True),
    Speaker("Denis Pushilin", "Pushilin", ("Russian-backed separatist leader",), "ru",
            front="east", telegram=True),
    Speaker("Vladimir Saldo", "Saldo", ("Russian-installed head of the {Kherson} region",), "ru",
            front="south", telegram=True),
    Speaker("Rafael Grossi", "Grossi", ("IAEA Director General",), "intl"),
    Speaker("Antonio Guterres", "Guterres", ("UN Secretary-General",), "intl"),
    Speaker("Michelle Bachelet", "Bachelet", ("UN human rights chief",), "intl", "she"),
)
ANONYMOUS = (
    "a senior US defense official", "a Western intelligence official", "a senior Pentagon official",
    "a US official", "a senior NATO official", "a European diplomat", "a Ukrainian military source",
    "a senior Western official", "a US intelligence official",
    "two people familiar with the matter",
)
INSTITUTIONS = {
    "ua": ("Ukraine's General Staff", "the General Staff of the Armed Forces of Ukraine",
           "the Ukrainian Air Force", "Ukraine's State Emergency Service",
           "the Ukrainian Defense Ministry", "the Prosecutor General's Office"),
    "ru": ("the Russian Defense Ministry", "Russia's Defence Ministry", "the Kremlin"),
    "west": ("the Pentagon", "the UK Ministry of Defence", "Britain's Defence Ministry",
             "the Institute for the Study of War", "US officials"),
    "intl": ("the United Nations", "the International Atomic Energy Agency",
             "the UN human rights office", "the International Committee of the Red Cross"),
}
RU_ACTORS = ("Russian forces", "Russian troops", "Russian units", "the Wagner Group",
             "Chechen fighters", "Russian paratroopers", "Russian airborne units",
             "several battalion tactical groups", "the 1st Guards Tank Army", "Moscow's forces")
UA_ACTORS = ("Ukrainian forces", "Ukrainian troops", "the Armed Forces of Ukraine",
             "Ukraine's 93rd Brigade", "territorial defense units", "Ukrainian marines")
SIZES = ("about 1,000", "some 2,000", "less than 20%", "about a third", "more than 10,000",
         "up to 40,000", "roughly 60%", "about 1,500", "fewer than 300", "about 12,000",
         "some 800", "at least 5,000")
TROOP_NOUNS = ("troops", "soldiers", "fighters", "personnel", "mercenaries", "servicemen")
WEAPONS = ("missiles", "cruise missiles", "rockets", "Iranian-made drones", "Kalibr missiles",
           "Grad rockets", "artillery shells", "Iskander missiles", "S-300 missiles")
TARGETS = ("a residential building", "an apartment block", "a shopping centre", "a school",
           "a railway station", "the central square", "a fuel depot", "an ammunition depot",
           "a power plant", "a hospital", "an industrial site", "a bridge", "a grain terminal",
           "the regional administration building", "a dormitory", "energy infrastructure",
           "a military airfield", "a market", "a water pumping station", "a theatre")

# Quotations by side: no final punctuation; {p} and {q} are places on the article's front.
QUOTES = {
    "ua": (
        "The enemy shelled {p} throughout the night, hitting residential buildings",
        "They are not withdrawing, they are regrouping",
        "We see them moving away from {p}, but this is not the end",
        "The situation in {p} remains difficult but under control",
        "Our air defense shot down {n} missiles over the region",
        "Nobody believes these promises of de-escalation",
        "We will not give up {p}",
        "People are hiding in basements, there is no water and no electricity",
        "The humanitarian corridor from {p} did not work again today",
        "Every day they fire at {p} from multiple rocket launchers",
        "We need heavy weapons, not words",
        "The occupiers are trying to break through toward {q}",
        "Our defenders have pushed the enemy back several kilometers from {p}",
        "This is a deliberate strike on civilians",
        "There is not a single safe place left in {p}",
        "The Russians are bringing up reserves near {q}",
        "We have liberated {n} settlements in the past week",
        "The city is holding, and it will hold",
        "They hit the same district twice within an hour",
        "Rescuers are still pulling people from the rubble",
    ),
    "ru": (
        "The special military operation is going according to plan",
        "All the objectives will be achieved",
        "Our forces are carrying out a regrouping in the {p} direction",
        "The main goal is the liberation of Donbas",
        "Strikes are carried out only against military infrastructure",
        "No one is targeting civilians",
        "We have drastically reduced military activity near {p}",
        "The Ukrainian side is using residential areas as shields",
        "Talks can only go ahead when Kyiv accepts reality",
        "Western weapons deliveries only prolong the suffering",
    ),
    "west": (
        "I don't even know if it still exists at this time",
        "They are leaving {p} and heading further north, away from the city",
        "We assess they will try to refit and resupply before moving again",
        "It's a repositioning, not a withdrawal",
        "We have not seen any significant movement toward {p}",
        "Ukrainians know the territory very, very well",
        "They are still facing stiff resistance around {p}",
        "This could be the harbinger of a longer, more extensive conflict",
        "We're not going to be able to give you a number today",
        "Nothing we have seen suggests they have given up on {p}",
        "They have not achieved any of their objectives in the north",
        "Logistics and sustainment continue to be a problem for them",
        "We expect them to prioritise the Donbas in the coming weeks",
        "The Ukrainians are fighting very hard for that area",
    ),
    "intl": (
        "The situation at the plant is very serious",
        "Civilians must be allowed to leave safely",
        "The number of civilian casualties is certainly much higher",
        "Attacks on hospitals are unacceptable",
        "We are ready to help, but we need guarantees",
        "Humanitarian workers must have unimpeded access to {p}",
    ),
}
CONTINUATIONS = ("and we will not stop until the last occupier leaves",
                 "but we need more air defense systems", "and that is what worries us most",
                 "but nobody knows how long this will last", "and the shelling has not stopped",
                 "so we are watching it very closely", "but it will not be easy for them")
SAY = ("said", "said on {day}", "told reporters", "said in a statement", "told a briefing",
       "said at a press conference", "told CNN", "told the BBC", "said in an interview")


@dataclass
class Context:
    """One article being written: its random stream, date, house style and who has spoken."""

    rng: random.Random
    published: date
    outlet: Outlet
    front: str
    spelling: str
    curly: bool
    introduced: set[str] = field(default_factory=set)
    last_speaker: Speaker | None = None

    # -- small choices ------------------------------------------------------------------------
    def pick(self, seq):
        return seq[self.rng.randrange(len(seq))]

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def place(self, name: str) -> str:
        """A place as this article spells it."""
        _, ua, ru, _ = PLACES[name]
        style = self.spelling if self.spelling != "mixed" else self.pick(("ua", "ru"))
        if name in VARIANTS and self.chance(0.08):
            return self.pick(VARIANTS[name])
        return ru if style == "ru" else ua

    def front_place(self, exclude: tuple[str, ...] = ()) -> str:
        names = [p for p in FRONT_PLACES[self.front] if p not in exclude]
        return self.pick(names)

    def region(self, name: str) -> str:
        """The oblast of an oblast centre, in one of its written forms."""
        form = self.pick(("the {} region", "{} Oblast", "{} oblast", "the {} region"))
        return form.format(self.place(name))

    def quoted(self, text: str) -> str:
        return f"“{text}”" if self.curly else f'"{text}"'

    def number(self, lo: int, hi: int) -> str:
        n = self.rng.randint(lo, hi)
        small = ("two three four five six seven eight nine").split()
        if 2 <= n <= 9 and self.chance(0.6):
            return small[n - 2]
        return f"{n:,}" if n >= 1000 and self.chance(0.8) else str(n)

    def day_name(self) -> str:
        when = self.published - timedelta(days=self.rng.randint(0, 3))
        return WEEKDAYS[when.weekday()]

    def when(self) -> str:
        """A time phrase relative to the publication date, sometimes none."""
        forms = ("on {day}", "on {day}", "overnight", "yesterday", "early on {day}",
                 "on {day} night", "last week", "in the past 24 hours", "on {date}", "",
                 "", "this morning", "late on {day}")
        form = self.pick(forms)
        earlier = self.published - timedelta(days=self.rng.randint(1, 5))
        stamp = f"{MONTHS[earlier.month - 1]} {earlier.day}"
        return form.format(day=self.day_name(), date=stamp)

    def people(self, lo: int, hi: int) -> str:
        n = self.rng.randint(lo, hi)
        return "one person" if n == 1 else f"{self.number(n, n)} people"

    # -- speakers -----------------------------------------------------------------------------
    def speaker(self, sides: tuple[str, ...] = ("ua", "ru", "west", "intl")) -> Speaker:
        """A speaker from one of `sides`; regional officials only on their own front."""
        pool = [s for s in SPEAKERS if s.side in sides and s.front in (None, self.front)]
        return self.pick(pool)

    def name(self, s: Speaker, role_first: bool | None = None) -> str:
        """Full name with role on first mention ("Pentagon spokesman John Kirby"), then surname."""
        if s.full in self.introduced:
            return s.surname
        self.introduced.add(s.full)
        role = self.pick(s.roles).replace("{", "").replace("}", "")
        for canonical in PLACES:
            if canonical in role:
                role = role.replace(canonical, self.place(canonical))
        if role_first if role_first is not None else self.chance(0.6):
            return f"{role} {s.full}" if not role.startswith("a ") else f"{s.full}, {role},"
        article = "" if role.startswith(("a ", "the ")) or "'s " in role else "the "
        return f"{s.full}, {article}{role},"

    def quote_text(self, s: Speaker) -> str:
        text = self.pick(QUOTES[s.side])
        p = self.front_place()
        return text.format(p=self.place(p), q=self.place(self.front_place((p,))),
                           n=self.number(3, 40))


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _sentence(*parts: str) -> str:
    """Join non-empty parts with spaces, tidy commas, capitalise, end with a period."""
    text = " ".join(p for p in parts if p).replace(" ,", ",").replace(",,", ",")
    text = text.rstrip(",")
    return _cap(text) + ("" if text.endswith((".", "”", '"')) else ".")


def _said(ctx: Context) -> str:
    return ctx.pick(SAY).format(day=ctx.day_name())


# -- paragraph writers: each returns (paragraphs, substantive sentence count) ----------------------

def quote_said_after(ctx: Context) -> tuple[list[str], int]:
    """'“...,” Kirby said.' or '“...,” said Pentagon spokesman John Kirby.'"""
    s = ctx.speaker()
    q = ctx.quote_text(s)
    name = ctx.name(s)
    mark = ctx.quoted(q + ",")
    tail = f"{name} {_said(ctx)}" if ctx.chance(0.5) else f"said {name.rstrip(',')}"
    ctx.last_speaker = s
    return [f"{mark} {tail}."], 1


def quote_colon(ctx: Context) -> tuple[list[str], int]:
    """'Hanna Maliar, the deputy defense minister, said: “...”'"""
    s = ctx.speaker()
    name = ctx.name(s, role_first=ctx.chance(0.3))
    verb = ctx.pick(("said", "told reporters", "said in a video address", "wrote"))
    text = f"{name} {verb}: {ctx.quoted(ctx.quote_text(s) + '.')}"
    ctx.last_speaker = s
    return [_cap(text)], 1


def quote_added(ctx: Context) -> tuple[list[str], int]:
    """A second quotation by the last speaker: '“...,” he added. “...”'"""
    s = ctx.last_speaker or ctx.speaker()
    if s.full not in ctx.introduced:
        return quote_said_after(ctx)
    first = ctx.quoted(ctx.quote_text(s) + ",")
    verb = ctx.pick(("{p} added", "{p} said", "{s} added", "{p} continued", "{s} said"))
    verb = verb.format(p=s.pronoun, s=s.surname)
    if ctx.chance(0.5):
        second = ctx.quoted(ctx.quote_text(s) + ".")
        return [f"{first} {verb}. {second}"], 2
    return [f"{first} {verb}."], 1


def quote_telegram(ctx: Context) -> tuple[list[str], int]:
    """'Syniehubov wrote on Telegram: “...”' from a regional official, with a strike as context."""
    pool = [s for s in SPEAKERS if s.telegram and s.front in (None, ctx.front)]
    s = ctx.pick(pool)
    name = ctx.name(s)
    channel = f"on {'his' if s.pronoun == 'he' else 'her'} Telegram channel"
    where = ctx.pick(("on Telegram", "on the Telegram messaging app", "in a Telegram post",
                      channel))
    verb = ctx.pick(("wrote", "said", "posted"))
    ctx.last_speaker = s
    return [_cap(f"{name} {verb} {where}: {ctx.quoted(ctx.quote_text(s) + '.')}")], 1


def quote_split(ctx: Context) -> tuple[list[str], int]:
    """'“...,” Zelenskyy said, “but we need more air defense systems.”'"""
    s = ctx.speaker()
    name = ctx.name(s)
    first = ctx.quoted(ctx.quote_text(s) + ",")
    second = ctx.quoted(ctx.pick(CONTINUATIONS) + ".")
    ctx.last_speaker = s
    return [f"{first} {name} {ctx.pick(('said', 'added', 'told reporters'))}, {second}"], 1


def quote_across_paragraphs(ctx: Context) -> tuple[list[str], int]:
    """A quotation running into a second paragraph: the first has no closing mark."""
    s = ctx.speaker(("ua", "west"))
    name = ctx.name(s)
    opening, closing = ("“", "”") if ctx.curly else ('"', '"')
    verb = ctx.pick(("said", "told reporters", "said in a video address", "said in a statement"))
    first, second, third = _distinct_quotes(ctx, s, 3)
    intro = f"{_cap(name)} {verb}: {opening}{first}. {_cap(second)}."
    rest = f"{opening}{third},{closing} {s.pronoun} said."
    ctx.last_speaker = s
    return [intro, rest], 3


def _distinct_quotes(ctx: Context, s: Speaker, n: int) -> list[str]:
    out: list[str] = []
    while len(out) < n:
        q = ctx.quote_text(s)
        if q not in out:
            out.append(q)
    return out


def according_to(ctx: Context) -> tuple[list[str], int]:
    """'..., according to the Kharkiv regional governor Oleh Syniehubov.'"""
    s = ctx.speaker(("ua", "west", "intl"))
    fact, _ = _strike_fact(ctx)
    name = ctx.name(s, role_first=True).rstrip(",")
    ctx.last_speaker = s
    if ctx.chance(0.5):
        return [_sentence(fact + ",", "according to", name)], 1
    return [_sentence("According to", name + ",", fact)], 1


def anonymous_assessment(ctx: Context) -> tuple[list[str], int]:
    """An anonymous official's assessment, reported and sometimes quoted."""
    who = ctx.pick(ANONYMOUS)
    p = ctx.place(ctx.front_place())
    claim = ctx.pick((
        f"Russian air strikes had doubled in the past 24 hours, with about {ctx.number(150, 400)} "
        f"sorties flown",
        f"Moscow was still trying to encircle Ukrainian forces near {p}",
        f"Russian commanders had struggled to resupply units around {p}",
        "the Kremlin was likely to focus on the east in the coming weeks",
        f"Russia had lost about {ctx.number(10, 30)}% of the combat power it massed before the war",
        f"Russian forces were firing about {ctx.number(20, 60)},000 artillery rounds a day",
        f"Ukrainian forces had retaken ground west of {p}",
    ))
    cond = ctx.pick(("on condition of anonymity", "speaking on condition of anonymity",
                     "who was not authorized to speak publicly", ""))
    when = ctx.when()
    if ctx.chance(0.5):
        text = _sentence(who, "said", when, "that" if ctx.chance(0.4) else "", claim + ",", cond)
    else:
        text = _sentence(claim + ",", who, "said", cond, when)
    paras = [text]
    if ctx.chance(0.5):
        follow = ctx.pick(QUOTES["west"]).format(p=p, q=p, n=ctx.number(3, 30))
        paras.append(f"{ctx.quoted(follow + ',')} the official said.")
        return paras, 2
    return paras, 1


def _strike_fact(ctx: Context) -> tuple[str, int]:
    """A strike or shelling with numbers: the fact, without a source."""
    place = ctx.front_place()
    p = ctx.place(place)
    weapon, target, when = ctx.pick(WEAPONS), ctx.pick(TARGETS), ctx.when()
    killed, hurt = ctx.rng.randint(1, 30), ctx.rng.randint(0, 60)
    toll = f"killing {ctx.people(killed, killed)}" + (
        f" and wounding {ctx.number(hurt, hurt)}" if hurt else "")
    forms = (
        f"Russian {weapon} struck {target} in {p} {when}, {toll}",
        f"At least {ctx.people(killed, killed)} were killed and {ctx.number(hurt + 2, hurt + 9)} "
        f"injured when {weapon} hit {target} in {p} {when}",
        f"{p} came under heavy shelling {when}, with {ctx.number(5, 60)} attacks recorded",
        f"Russian forces shelled {p} {ctx.number(10, 90)} times {when}",
        f"{_cap(ctx.number(2, 30))} {weapon} were fired at {p} {when}, {ctx.number(1, 9)} of which "
        f"were shot down by air defenses",
        f"A {ctx.pick(('missile', 'drone', 'rocket'))} attack on {p} {when} damaged {target}, "
        f"{toll}",
        f"Explosions were heard in {p} {when} after {weapon} hit {target}",
        f"About {ctx.number(20, 80)}% of {p} was left without power after strikes on {target}",
    )
    if PLACES[place][3] and ctx.chance(0.3):
        forms += (f"Shelling in {ctx.region(place)} {when} killed {ctx.people(killed, killed)}",)
    return " ".join(ctx.pick(forms).split()), 1


def strike(ctx: Context) -> tuple[list[str], int]:
    """A strike paragraph, with a source tail or none."""
    fact, n = _strike_fact(ctx)
    tail = ctx.pick(("officials said", "the regional governor said", "local authorities said",
                     "emergency services said", "", "", "police said",
                     f"{ctx.pick(INSTITUTIONS['ua'])} said"))
    paras = [_sentence(fact + ("," if tail else ""), tail)]
    if ctx.chance(0.35):
        extra = ctx.pick((
            f"Rescue workers were searching the rubble for survivors, and {ctx.number(2, 20)} "
            f"people were taken to hospital.",
            f"Images circulating on social media showed thick black smoke rising over "
            f"{ctx.place(ctx.front_place())}.",
            "The claim could not be independently verified.",
            f"It was the {ctx.pick(('second', 'third', 'fourth'))} strike on the city this week.",
        ))
        paras[0] += " " + extra
        n += 1
    return paras, n


def movement(ctx: Context) -> tuple[list[str], int]:
    """A force movement: withdraw, deploy, reposition, advance, convoy; sized, hedged or negated."""
    front = ctx.front if ctx.front != "rear" else ctx.pick(("east", "south"))
    origins, dests = FRONT_MOVES[front]
    a = ctx.pick(origins)
    b = ctx.pick([d for d in dests if d != a])
    A, B = ctx.place(a), ctx.place(b)
    size, noun, when = ctx.pick(SIZES), ctx.pick(TROOP_NOUNS), ctx.when()
    src = _source_phrase(ctx)
    if ctx.chance(0.2):
        ua = ctx.pick(UA_ACTORS)
        forms = (
            f"{ua} are advancing toward {A}",
            f"{ua} have deployed {size} {noun} to {B}",
            f"{ua} withdrew from {B} {when} to avoid being encircled",
            f"{ua} pushed Russian troops back from {B} toward {A} {when}",
            f"{ua} are expected to move toward {A} in the coming weeks",
        )
        return [_sentence(" ".join(ctx.pick(forms).split()) + ("," if src else ""), src)], 1
    actor = ctx.pick(RU_ACTORS)
    forms = (
        f"{actor} withdrew from {A} {when} and were moving toward {B}",
        f"{actor} have deployed {size} {noun} to {B}",
        f"{actor} had deployed {size} {noun} in the region of {B}",
        f"Russia has begun to reposition {size} of the forces deployed around {A}",
        f"{actor} are advancing toward {B} from {A}",
        f"{actor} were pushing toward {B} from the direction of {A} {when}",
        f"A convoy of about {ctx.number(30, 120)} military vehicles was seen moving from {A} "
        f"toward {B}",
        f"Some units pulled back from {A} into {B} to refit and resupply",
        f"{actor} retreated from positions near {A} {when}",
        f"{actor} are expected to redeploy to {B} after regrouping in {A}",
        f"{actor} could be sent to {B} once they have been resupplied",
        f"{actor} have not yet redeployed from {A} to {B}",
        f"There was no sign that the troops leaving {A} had been sent home rather than to {B}",
        f"About {ctx.number(2, 20)} battalion tactical groups have been repositioned from {A} "
        f"to {B}",
        f"{actor} regrouped near {A} before a new push toward {B}",
        f"Ukrainian forces pushed Russian troops back from {A} toward {B} {when}",
    )
    fact = " ".join(ctx.pick(forms).split())
    return [_sentence(fact + ("," if src else ""), src)], 1


def _source_phrase(ctx: Context) -> str:
    """Who says so, as a sentence tail: a named, anonymous or institutional source, or nobody."""
    kind = ctx.rng.randrange(5)
    if kind == 0:
        s = ctx.speaker(("west", "ua"))
        ctx.last_speaker = s
        return f"{ctx.name(s)} {_said(ctx)}"
    if kind == 1:
        return f"{ctx.pick(ANONYMOUS)} said"
    if kind == 2:
        side = ctx.pick(("ua", "west", "ru"))
        return f"{ctx.pick(INSTITUTIONS[side])} said"
    if kind == 3:
        return f"according to {ctx.pick(INSTITUTIONS['west'])}"
    return ""


def reported_speech(ctx: Context) -> tuple[list[str], int]:
    """'Kirby said that it is possible some of the forces have already moved to Belarus.'"""
    s = ctx.speaker()
    name = ctx.name(s)
    p, q = ctx.place(ctx.front_place()), ctx.place(ctx.pick(("Belarus", "Russia", "Donbas")))
    evacuated = f"more than {ctx.number(2, 9)},000 civilians had been evacuated from {p}"
    content = ctx.pick({
        "west": (f"it is possible that some of the forces have already moved to {q}",
                 f"the troops that left the area included some around {p}",
                 f"{p} was still under attack from the air and on the ground",
                 f"Washington would send {ctx.number(2, 20)} more HIMARS launchers"),
        "ua": (f"{p} was still under attack from the air and on the ground", evacuated,
               f"talks with Moscow would continue {ctx.pick(('online', 'in Istanbul'))}",
               f"Western partners had promised {ctx.number(2, 20)} more air defense systems"),
        "ru": (f"Russia would reduce military activity around {p}",
               "Moscow was ready to resume talks if Kyiv accepted its conditions",
               f"Russian forces had taken full control of {p}"),
        "intl": (evacuated, f"a mission would travel to {p} {ctx.pick(('soon', 'next week'))}"),
    }[s.side])
    when = ctx.when()
    ctx.last_speaker = s
    if ctx.chance(0.5):
        return [_sentence(name, "said", when, "that" if ctx.chance(0.5) else "",
                          content)], 1
    return [_sentence(content + ",", name, ctx.pick(("said", "told reporters",
                                                     "said in a statement")), when)], 1


def institution_update(ctx: Context) -> tuple[list[str], int]:
    """A ministry, general staff or think tank update, often hedged."""
    p, q = ctx.place(ctx.front_place()), ctx.place(ctx.front_place())
    text = ctx.pick((
        f"Britain's Ministry of Defence said in its daily intelligence update that Russian "
        f"forces were likely to try to take {p} in the coming days.",
        f"The Institute for the Study of War said Russian forces were probably preparing to "
        f"resume offensive operations toward {p}.",
        f"Ukraine's General Staff said its forces had repelled {ctx.number(3, 15)} attacks near "
        f"{p} and {q} {ctx.when()}.",
        f"The Russian Defense Ministry said its forces had destroyed {ctx.number(2, 40)} "
        f"Ukrainian {ctx.pick(('tanks', 'drones', 'ammunition depots', 'artillery systems'))} "
        f"near {p}, a claim that could not be independently verified.",
        f"The UN human rights office said it had confirmed {ctx.number(1000, 6000)} civilian "
        f"deaths since February 24 but believed the real figure was considerably higher.",
        f"The International Atomic Energy Agency said it was seriously concerned about shelling "
        f"near the Zaporizhzhia nuclear power plant in {ctx.place('Enerhodar')}.",
        f"Ukrainian troops recaptured {ctx.number(3, 30)} villages near {p} {ctx.when()}, the "
        f"General Staff said.",
        f"The Pentagon said it was not clear whether the troops moving away from {p} would be "
        f"sent back into Ukraine.",
    ))
    return [" ".join(text.split())], 1


def humanitarian(ctx: Context) -> tuple[list[str], int]:
    """Evacuations, refugees, casualties."""
    p = ctx.place(ctx.front_place())
    text = ctx.pick((
        f"About {ctx.number(1000, 9000)} civilians were evacuated from {p} through humanitarian "
        f"corridors {ctx.when()}.",
        f"More than {ctx.number(2, 7)} million people have fled Ukraine since the invasion began, "
        f"according to the UN refugee agency.",
        f"Residents of {p} have spent weeks without running water, heating or mobile phone "
        f"service.",
        f"Buses carrying women and children left {p} for {ctx.place('Zaporizhzhia')} {ctx.when()}.",
        f"Local officials said {ctx.number(20, 400)} people were still sheltering in the basement "
        f"of a school in {p}.",
    ))
    return [" ".join(text.split())], 1


def background(ctx: Context) -> tuple[list[str], int]:
    """Context sentences every wire story carries."""
    text = ctx.pick((
        "Russia invaded Ukraine on February 24, calling it a special military operation to "
        "demilitarise its neighbour.",
        "Moscow denies targeting civilians and says it strikes only military infrastructure.",
        "The war has killed thousands of people, driven millions from their homes and raised "
        "fears of a wider confrontation between Russia and the West.",
        f"Military analysts say Russia has reformulated its war aims in a way that may let Moscow "
        f"claim a face-saving victory after setbacks around {ctx.place('Kyiv')}.",
        "Western countries have imposed sweeping sanctions on Russia and supplied Ukraine with "
        "weapons, including Javelin anti-tank missiles and HIMARS rocket systems.",
        "Peace talks between the two sides made little progress after a round in Istanbul in "
        "late March.",
        "The Kremlin has said the main aim of the next phase is control of the Donbas, where "
        "Russian-backed separatists have fought Ukrainian forces since 2014.",
    ))
    return [text], 1


def briefing(ctx: Context) -> tuple[list[str], int]:
    """A Pentagon or ministry briefing write-up: who briefed, then what they said."""
    s = ctx.speaker(("west", "ru"))
    name = ctx.name(s, role_first=True)
    venue = "a Pentagon briefing" if s.side == "west" else "a briefing in Moscow"
    p = ctx.place(ctx.front_place())
    content = ctx.pick((
        f"the forces around {p} were being resupplied with fuel and food",
        f"about {ctx.number(2, 9)} more battalion tactical groups had arrived near {p}",
        f"the assessment of the situation around {p} had not changed",
        f"strikes on {p} had intensified in the last 48 hours",
    ))
    ctx.last_speaker = s
    text = _sentence(f"Speaking at {venue} {ctx.when()},", name, "said", content)
    return [" ".join(text.split())], 1


def losses_tally(ctx: Context) -> tuple[list[str], int]:
    """The running tally of losses that many reports repeat, with several numbers."""
    days = (ctx.published - START).days + 1
    troops = 150 * days + ctx.rng.randint(0, 900)
    tanks, armour = 5 * days + ctx.rng.randint(0, 40), 12 * days + ctx.rng.randint(0, 90)
    source = ctx.pick(("Ukraine's General Staff", "Ukraine's military", "the Ukrainian army"))
    text = (f"{source} said Russia had lost about {troops:,} troops, {tanks:,} tanks and "
            f"{armour:,} armoured vehicles since the start of the invasion, figures that could "
            f"not be independently verified.")
    return [text], 1


WRITERS = (
    (quote_said_after, 14), (quote_colon, 6), (quote_added, 6), (quote_telegram, 6),
    (quote_split, 4), (quote_across_paragraphs, 3), (according_to, 5), (anonymous_assessment, 8),
    (strike, 16), (movement, 14), (reported_speech, 8), (institution_update, 6),
    (humanitarian, 4), (background, 3), (briefing, 4), (losses_tally, 2),
)
_WRITER_FUNCS = tuple(w for w, _ in WRITERS)
_WRITER_WEIGHTS = tuple(weight for _, weight in WRITERS)


# -- headers, datelines, furniture -------------------------------------------------------------

PHOTOGRAPHERS = ("Pavlo Palamarchuk", "Efrem Lukatsky", "Vadim Ghirda", "Felipe Dana",
                 "Evgeniy Maloletka", "Gleb Garanich", "Marko Djurica", "Alkis Konstantinidis")
CAPTIONS = (
    "People watch as smoke rises after an airstrike in {p}",
    "A Ukrainian serviceman walks past a destroyed Russian tank near {p}",
    "Firefighters work at the site of a missile strike in {p}",
    "Residents queue for humanitarian aid in {p}",
    "A woman stands in front of her destroyed house in {p}",
    "Ukrainian soldiers ride an armoured vehicle on a road outside {p}",
)


def _title(ctx: Context, place: str) -> str:
    p = ctx.place(place)
    n = ctx.number(2, 40)
    forms = (
        f"Russian strikes kill {n} in {p} as fighting rages in the east",
        f"Russia pulls some troops back from {p}, Pentagon says",
        f"{p} shelled overnight, governor says",
        f"Ukraine says it repelled attacks near {p}",
        f"Live updates: Russian forces regroup around {p}",
        f"Despite the promise of de-escalation, Russian strikes on {p} intensify",
        f"Zelenskyy urges more weapons as {p} comes under fire",
        f"Convoy near {p} stalls as Russia shifts focus to Donbas",
        f"Kremlin says operation going to plan as {p} is hit again",
        f"Evacuations from {p} resume after a night of shelling",
    )
    return ctx.pick(forms)


def _month_day(ctx: Context) -> str:
    d = ctx.published
    return ctx.pick((f"{MONTHS[d.month - 1]} {d.day}", f"{MONTH_ABBR[d.month - 1]} {d.day}"))


def _dateline(ctx: Context, place: str) -> tuple[str, str]:
    """(line before the body or "", prefix of the first paragraph) in the outlet's style."""
    p = ctx.place(place)
    style, d = ctx.outlet.dateline, ctx.published
    dash = ctx.pick(("—", "--", "-", "–"))
    if style == "ap":
        return "", f"{p.upper()}, Ukraine (AP) {ctx.pick(('—', '—', '--'))} "
    if style == "upi":
        return "", f"{_month_day(ctx)} (UPI) -- "
    if style == "reuters":
        return "", f"{p.upper()}, Ukraine, {MONTHS[d.month - 1]} {d.day} (Reuters) - "
    if style == "afp":
        return "", f"{p} (AFP) {dash} "
    if style == "cna":
        hour = ctx.rng.randint(1, 12)
        stamp = f"{d.day:02d} {MONTHS[d.month - 1][:3]} {d.year} {hour:02d}:" \
                f"{ctx.rng.randint(0, 59):02d}{ctx.pick(('AM', 'PM'))}"
        return stamp, ""
    if style == "liveblog":
        hour = ctx.rng.randint(6, 22)
        return f"{ctx.pick(('Updated', 'Published', 'Last updated'))} {d.day} " \
               f"{MONTHS[d.month - 1]} {d.year}, {hour:02d}:{ctx.rng.randint(0, 59):02d} GMT", ""
    if style == "translated":
        return "", ""
    return ctx.pick((f"{MONTHS[d.month - 1]} {d.day}, {d.year}", f"{d.day} {MONTHS[d.month - 1]} "
                     f"{d.year}", f"Published {MONTH_ABBR[d.month - 1]} {d.day}, {d.year}")), ""


def _caption(ctx: Context) -> list[str]:
    p = ctx.place(ctx.front_place())
    d = ctx.published - timedelta(days=ctx.rng.randint(0, 2))
    text = ctx.pick(CAPTIONS).format(p=p)
    who = ctx.pick(PHOTOGRAPHERS)
    if ctx.chance(0.5):
        credit = f"{text}, Ukraine {MONTHS[d.month - 1]} {d.day}, {d.year}. REUTERS/{who}"
    else:
        credit = f"{text}. (AP Photo/{who})"
    if ctx.chance(0.4):
        return [ctx.pick(("Infobae", "EFE", "REUTERS", "Europa Press")) + "\n" + credit]
    return [credit]


FURNITURE_TOP = ("Share", "Guardar", "Share this article", "Listen to this article",
                 "Advertisement")
FURNITURE_MID = ("Advertisement", "ADVERTISEMENT", "Read more:", "Keep reading:",
                 "Sign up for our newsletter", "Share", "RELATED COVERAGE")
FURNITURE_END = ("Keep reading:", "(With information from Reuters and AFP)",
                 "Copyright 2022 The Associated Press. All rights reserved.",
                 "Reporting by Pavel Polityuk; Editing by Mark Heinrich", "Share", "Advertisement")


def _body(ctx: Context, place: str, prefix: str) -> list[str]:
    """The article's paragraphs: a lede, about ten substantive sentences, captions, furniture."""
    paragraphs: list[str] = []
    lede, count = _lede(ctx, place)
    paragraphs.append(prefix + lede)
    target = ctx.rng.randint(7, 12)
    while count < target:
        writer = ctx.rng.choices(_WRITER_FUNCS, _WRITER_WEIGHTS)[0]
        new, n = writer(ctx)
        paragraphs.extend(new)
        count += n
        if ctx.chance(0.06):
            paragraphs.append(ctx.pick(FURNITURE_MID))
        if ctx.chance(0.05):
            paragraphs.extend(_caption(ctx))
    if ctx.outlet.dateline == "translated" and ctx.chance(0.6):
        paragraphs.append("(With information from Reuters and AFP)")
        paragraphs.append("Keep reading:")
        related = [_title(ctx, ctx.front_place()) for _ in range(ctx.rng.randint(2, 3))]
        paragraphs.append("\n".join(related))  # the list of related headlines after it
    elif ctx.chance(0.5):
        paragraphs.append(ctx.pick(FURNITURE_END))
    return paragraphs


def _lede(ctx: Context, place: str) -> tuple[str, int]:
    if ctx.chance(0.5):
        fact, n = _strike_fact(ctx)
        return _sentence(fact + ",", ctx.pick(("officials said", "authorities said", ""))), n
    paras, n = movement(ctx)
    return paras[0], n


def _liveblog_body(ctx: Context, place: str) -> list[str]:
    """Timestamped entries, each a short run of paragraphs."""
    paragraphs: list[str] = []
    count, hour = 0, ctx.rng.randint(6, 10)
    target = ctx.rng.randint(7, 12)
    while count < target:
        minute = ctx.rng.randint(0, 59)
        paragraphs.append(ctx.pick((f"{hour:02d}:{minute:02d} GMT", f"{hour}:{minute:02d} a.m. ET"
                                    if hour < 12 else f"{hour - 12 or 12}:{minute:02d} p.m. ET")))
        for _ in range(ctx.rng.randint(1, 3)):
            new, n = ctx.rng.choices(_WRITER_FUNCS, _WRITER_WEIGHTS)[0](ctx)
            paragraphs.extend(new)
            count += n
        hour += ctx.rng.randint(0, 2)
    return paragraphs


def _pick_date(rng: random.Random) -> date:
    return START + timedelta(days=rng.randint(0, (END - START).days))


def _pick_front(rng: random.Random, published: date) -> str:
    # The northern front closed in April; later articles are about the east and south.
    fronts = ("north", "east", "south", "rear") if published < date(2022, 5, 1) else (
        "east", "east", "south", "rear")
    return fronts[rng.randrange(len(fronts))]


def _slug(text: str) -> str:
    words = "".join(c.lower() if c.isalnum() else " " for c in text).split()
    return "-".join(words[:8])


def article_text(seed: int, index: int, attempt: int = 0) -> str:
    """The file text of article `index` for `seed` (front matter or dateline, body, furniture)."""
    rng = random.Random(f"sitdash-corpus:{seed}:{index}:{attempt}")
    published = _pick_date(rng)
    outlet = OUTLETS[rng.randrange(len(OUTLETS))]
    front = _pick_front(rng, published)
    ctx = Context(rng, published, outlet, front, outlet.spelling, outlet.curly)
    if ctx.chance(0.15):
        ctx.curly = not ctx.curly
    place = ctx.front_place()
    title = _title(ctx, place)
    front_matter = ctx.chance(outlet.front_matter)
    line, prefix = ("", "") if front_matter else _dateline(ctx, place)
    if outlet.dateline == "liveblog" and not prefix:
        body = _liveblog_body(ctx, place)
    else:
        body = _body(ctx, place, prefix)
    head: list[str] = []
    if front_matter:
        url = f"https://www.{outlet.domain}/{published:%Y/%m/%d}/{_slug(title)}-{index}"
        head.append(f"---\ntitle: {title}\noutlet: {outlet.name}\npublished: "
                    f"{published.isoformat()}\nurl: {url}\n---")
    else:
        head.append(title)
        if outlet.dateline == "translated":
            head.append(_deck(ctx))
        if line:
            head.append(line)
        if ctx.chance(0.25):
            head.append(_byline(ctx))
        if ctx.chance(0.3):
            head.append(ctx.pick(FURNITURE_TOP))
        if ctx.chance(0.15):
            head.extend(_caption(ctx))
        if outlet.dateline in ("plain", "translated", "liveblog", "cna") and ctx.chance(0.5):
            head.append(outlet.name)
    return "\n\n".join(head + body) + "\n"


REPORTERS = ("Pavel Polityuk", "Yuras Karmanau", "Jamey Keaten", "Lolita C. Baldor",
             "Tara Copp", "Natalia Zinets", "Andrea Shalal", "Elena Becatoros", "Daria Litvinova")


def _byline(ctx: Context) -> str:
    who = ctx.pick(REPORTERS)
    if ctx.chance(0.5):
        return f"By {who}, {ctx.outlet.name}"
    return ctx.pick((f"By {who}", f"By {who.upper()}", f"By {who} and {ctx.pick(REPORTERS)}"))


def _deck(ctx: Context) -> str:
    """The standfirst under a translated headline."""
    who = ctx.pick(ANONYMOUS)
    return ctx.pick((
        _cap(f"{who} said so on condition of anonymity. Yesterday there were "
             f"{ctx.number(100, 400)} attack missions"),
        f"The {ctx.pick(('Pentagon', 'Kremlin', 'Ukrainian General Staff'))} gave new details "
        f"of the fighting around {ctx.place(ctx.front_place())}",
        f"The offensive enters day {(ctx.published - START).days + 1}",
    ))


def _body_key(text: str) -> str:
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()


def iter_corpus(docs: int, seed: int = 0) -> Iterator[tuple[str, str]]:
    """(file name, text) for `docs` articles; every text differs from every other."""
    seen: set[str] = set()
    for index in range(docs):
        attempt = 0
        text = article_text(seed, index)
        while _body_key(text) in seen:  # astronomically rare, but ids must be unique
            attempt += 1
            text = article_text(seed, index, attempt)
        seen.add(_body_key(text))
        yield f"{index:06d}_{hashlib.sha1(text.encode('utf-8')).hexdigest()[:12]}.txt", text


def write_corpus(output_dir: str | os.PathLike, docs: int, seed: int = 0) -> int:
    """Write `docs` articles into `output_dir` (created if missing); returns how many it wrote."""
    if docs < 0:
        raise ValueError("docs must be zero or more")
    out = Path(output_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = 0
    for name, text in iter_corpus(docs, seed):
        (out / name).write_bytes(text.encode("utf-8"))
        written += 1
    return written
