#!/usr/bin/env python3
"""Deterministic generator of synthetic news articles and their `.claims` annotations.

The data is for benchmarks: it looks like the real thing (a `date` header line,
datelines, named speakers introduced with their role and later called by
surname, reporting verbs, direct quotes in curly or straight quotation marks,
acronyms defined in parentheses, metonymy such as a capital city for its
government, claims travelling through an outlet, some non-ASCII names) and the
annotations follow docs/format.md. Most claims are correct; a small share carry
a deliberate error (a typo or a dropped word in a quote, straight quotes for
curly ones, a wrong date, a wrong cue, an unknown stance, ...) so that every
check code path runs. Every country, city, party and person is invented.

Usage:
    gen_corpus.py --corpus DIR --pairs 2000            # ~3 KB articles, 10-20 claims each
    gen_corpus.py --big DIR --article-bytes 1000000 --claims 5000

Options: --seed N (default 1), --error-rate R (share of claims with a planted
error, default 0.02). The same arguments give byte-identical output (Python 3.6+,
no third-party modules). A summary of what was written, with the planted
errors by kind, goes to stderr.
"""

import argparse
import os
import random
import sys
import unicodedata

# --------------------------------------------------------------------------- vocabulary

FIRST_NAMES = [
    "Ana", "Marta", "Jonas", "Pavel", "Leyla", "Omar", "Sofia", "Daniel", "Irina", "Tomas",
    "Elena", "Karim", "Hana", "Mateo", "Nadia", "Viktor", "Amara", "Lukas", "Ines", "Farid",
    "Greta", "Samir", "Olga", "Jamal", "Clara", "Dmitri", "Yusuf", "Maya", "Anton", "Selin",
    "Rafael", "Zeynep", "Lars", "Noor", "Emil", "Aiko", "Bruno", "Tamar", "Felix", "Rana",
    "Paul", "Grace", "Martin", "Laura", "Kofi", "Priya", "Hugo", "Vera", "Ibrahim", "Julia",
]
FIRST_NAMES_ACCENTED = [
    "José", "Zoë", "Łukasz", "Ayşe", "Søren", "Małgorzata", "Ştefan", "Jiří", "Oğuz",
    "Björn", "Éric", "Thảo", "Antônio", "Zuzana", "Dănuț",
]
SURNAMES = [
    "Novak", "Haddad", "Petrov", "Lindqvist", "Okafor", "Castillo", "Mendes", "Varga",
    "Brennan", "Sato", "Rahimi", "Adeyemi", "Horvat", "Keller", "Moreau", "Ivanova", "Costa",
    "Demir", "Nakamura", "Fischer", "Santos", "Abbas", "Larsen", "Romano", "Kaur", "Osei",
    "Bauer", "Duarte", "Popescu", "Marsh", "Ferreira", "Hendricks", "Tanaka", "Mwangi",
    "Quinlan", "Serrano", "Volkov", "Achebe", "Lund", "Barros", "Kimura", "Whitfield",
    "Rossi", "Halvorsen", "Mensah", "Delgado", "Sokolova", "Aydin", "Brandt", "Carvalho",
    "Ortiz", "Pereira", "Stein", "Yamada", "Zubiri", "Fontaine", "Grieve", "Ilunga",
]
SURNAMES_ACCENTED = [
    "Müller", "Yılmaz", "Dvořák", "Wiśniewska", "Núñez", "Ångström", "Çelik", "Petrović",
    "Nguyễn", "Søndergaard", "Kovács", "Jiménez", "Şahin", "Nørgaard", "Gonçalves",
]
# Names with an apostrophe: the article prints them in its own apostrophe style, the
# annotation writes a straight one (the normalized view makes them equal).
SURNAMES_APOSTROPHE = ["O'Connor", "D'Amato", "O'Neill", "N'Diaye"]
# A few names in their own script, as some outlets print them.
NONLATIN_NAMES = [
    ("Ирина", "Соколова"), ("Дмитрий", "Волков"), ("Արամ", "Հակոբյան"), ("Անի", "Սարգսյան"),
    ("ليلى", "حداد"), ("Γιώργος", "Παπαδόπουλος"),
]
# Never used in articles: planted "source not in the article" errors draw from these.
ABSENT_NAMES = ["Quentin Harrowgate", "Mirela Obradović", "Tobias Featherstone", "Ines Vallcorba"]
ABSENT_OUTLETS = ["Pacific Ledger", "Evening Sentinel", "Radio Fjordland"]

SYLLABLES = [
    "var", "no", "ka", "lin", "dor", "mes", "ta", "ri", "vel", "os", "ban", "tu", "mir", "ga",
    "sel", "or", "quin", "la", "bre", "zan", "pol", "ve", "tor", "ash", "el", "mon", "ruk", "sa",
    "fen", "do", "lum", "iva", "kes", "tro", "nar", "be", "hal", "ost", "ur", "gan", "py", "ser",
]

ORG_ADJ = [
    "National", "Northern", "United", "Independent", "Federal", "Regional", "Central",
    "Coastal", "Free", "Democratic", "Southern", "Public", "General", "Joint",
]
ORG_FIELD = [
    "Energy", "Water", "Farmers", "Workers", "Health", "Transport", "Housing", "Maritime",
    "Mining", "Rail", "Teachers", "Press", "Veterans", "Tenants", "Fisheries", "Trade",
    "Aviation", "Forestry", "Pensioners", "Students", "Nurses", "Steel", "Grain", "Tourism",
]
ORG_TYPE = [
    "Agency", "Union", "Council", "Authority", "Association", "Federation", "Institute",
    "Commission", "League", "Board", "Alliance", "Front", "Foundation", "Network",
]
PARTY_ADJ = ["Progressive", "Conservative", "Liberal", "Green", "Social", "Civic", "Popular", "Reform"]
PARTY_NOUN = ["Renewal", "Unity", "Future", "Democracy", "Justice", "Solidarity", "Freedom", "Labour"]
OUTLET_NAMES = [
    "Meridian News", "Harbor Times", "Northline Post", "Global Wire", "Eastbridge Broadcasting",
    "The Daily Ledger", "Coastal Herald", "Morning Standard", "Continental Press Agency",
    "Channel Nine", "Lakeside Gazette", "Metro Observer", "Frontier Radio", "Atlas Newswire",
    "Summit Chronicle", "Riverside Tribune", "Capital Courier", "Pinnacle TV",
]
MINISTRIES = [
    "Foreign Ministry", "Defense Ministry", "Interior Ministry", "Finance Ministry",
    "Energy Ministry", "Health Ministry", "Trade Ministry", "Transport Ministry",
]
PERSON_TITLES = [
    ("Interior Minister", "interior minister of {country}"),
    ("Foreign Minister", "foreign minister of {country}"),
    ("Finance Minister", "finance minister of {country}"),
    ("Health Minister", "health minister of {country}"),
    ("Prime Minister", "prime minister of {country}"),
    ("Deputy Prime Minister", "deputy prime minister of {country}"),
    ("Energy Minister", "energy minister of {country}"),
    ("Mayor", "mayor of {city}"),
    ("Governor", "governor of the {city} region"),
    ("Senator", "senator from {city}"),
    ("opposition leader", "leader of the opposition in {country}"),
    ("central bank chief", "head of the central bank of {country}"),
]
PERSON_APPOSITIONS = [
    ("a spokeswoman for the {org}", "spokeswoman for the {org}"),
    ("a spokesman for the {org}", "spokesman for the {org}"),
    ("an economist at the {org}", "economist at the {org}"),
    ("the head of the {org}", "head of the {org}"),
    ("a senior researcher at the {org}", "senior researcher at the {org}"),
    ("the director of the {org}", "director of the {org}"),
    ("an adviser to the {adj} president", "adviser to the president of {country}"),
    ("a lawyer for the {org}", "lawyer for the {org}"),
]
ANONYMOUS = [
    ("senior official", "the official"),
    ("diplomatic source", "the diplomat"),
    ("government source", "the source"),
    ("person familiar with the talks", "the person"),
    ("security source", "the security source"),
    ("senior party official", "the party official"),
    ("western diplomat", "the western diplomat"),
    ("union insider", "the insider"),
]
GROUPS = [
    "residents of {city}", "protesters in {city}", "opposition lawmakers in {country}",
    "farmers near {city}", "striking dock workers in {city}", "business owners in {city}",
    "families evacuated from {city}", "doctors at the {city} hospital",
]

VERBS = [  # base, past, past participle, -ing
    ("reduce", "reduced", "reduced", "reducing"), ("expand", "expanded", "expanded", "expanding"),
    ("approve", "approved", "approved", "approving"), ("block", "blocked", "blocked", "blocking"),
    ("review", "reviewed", "reviewed", "reviewing"), ("suspend", "suspended", "suspended", "suspending"),
    ("finance", "financed", "financed", "financing"), ("delay", "delayed", "delayed", "delaying"),
    ("cut", "cut", "cut", "cutting"), ("raise", "raised", "raised", "raising"),
    ("build", "built", "built", "building"), ("close", "closed", "closed", "closing"),
    ("restore", "restored", "restored", "restoring"),
    ("investigate", "investigated", "investigated", "investigating"),
    ("ban", "banned", "banned", "banning"), ("extend", "extended", "extended", "extending"),
    ("double", "doubled", "doubled", "doubling"), ("freeze", "froze", "frozen", "freezing"),
    ("sign", "signed", "signed", "signing"), ("modernize", "modernized", "modernized", "modernizing"),
    ("privatize", "privatized", "privatized", "privatizing"),
    ("subsidize", "subsidized", "subsidized", "subsidizing"),
    ("monitor", "monitored", "monitored", "monitoring"), ("deploy", "deployed", "deployed", "deploying"),
    ("withdraw", "withdrew", "withdrawn", "withdrawing"), ("fund", "funded", "funded", "funding"),
    ("inspect", "inspected", "inspected", "inspecting"),
    ("relocate", "relocated", "relocated", "relocating"),
    ("upgrade", "upgraded", "upgraded", "upgrading"),
    ("dismantle", "dismantled", "dismantled", "dismantling"), ("audit", "audited", "audited", "auditing"),
    ("protect", "protected", "protected", "protecting"), ("tax", "taxed", "taxed", "taxing"),
    ("regulate", "regulated", "regulated", "regulating"),
    ("evacuate", "evacuated", "evacuated", "evacuating"),
    ("rebuild", "rebuilt", "rebuilt", "rebuilding"), ("halt", "halted", "halted", "halting"),
    ("resume", "resumed", "resumed", "resuming"), ("triple", "tripled", "tripled", "tripling"),
    ("lower", "lowered", "lowered", "lowering"), ("cap", "capped", "capped", "capping"),
    ("sell", "sold", "sold", "selling"), ("buy", "bought", "bought", "buying"),
    ("expose", "exposed", "exposed", "exposing"), ("abandon", "abandoned", "abandoned", "abandoning"),
    ("overhaul", "overhauled", "overhauled", "overhauling"),
    ("nationalize", "nationalized", "nationalized", "nationalizing"),
    ("scrap", "scrapped", "scrapped", "scrapping"), ("secure", "secured", "secured", "securing"),
]
NOUNS = [  # singular, plural
    ("tax", "taxes"), ("budget", "budgets"), ("pipeline", "pipelines"), ("port", "ports"),
    ("reactor", "reactors"), ("subsidy", "subsidies"), ("tariff", "tariffs"), ("contract", "contracts"),
    ("school", "schools"), ("hospital", "hospitals"), ("bridge", "bridges"), ("railway", "railways"),
    ("loan", "loans"), ("pension", "pensions"), ("wage deal", "wage deals"),
    ("border crossing", "border crossings"), ("water plant", "water plants"),
    ("ceasefire", "ceasefires"), ("sanction", "sanctions"), ("mine", "mines"), ("dam", "dams"),
    ("refinery", "refineries"), ("airport", "airports"), ("highway", "highways"), ("reform", "reforms"),
    ("license", "licenses"), ("quota", "quotas"), ("grain deal", "grain deals"),
    ("power grid", "power grids"), ("housing project", "housing projects"),
    ("fishing fleet", "fishing fleets"), ("research center", "research centers"),
    ("vaccine program", "vaccine programs"), ("bond issue", "bond issues"),
    ("inquiry", "inquiries"), ("trade agreement", "trade agreements"), ("peace plan", "peace plans"),
    ("aid package", "aid packages"), ("curfew", "curfews"), ("checkpoint", "checkpoints"),
    ("wind farm", "wind farms"), ("coal plant", "coal plants"), ("data center", "data centers"),
    ("tunnel", "tunnels"), ("ferry line", "ferry lines"), ("clinic", "clinics"),
    ("railway strike", "railway strikes"), ("tram network", "tram networks"),
    ("levy", "levies"), ("fuel price cap", "fuel price caps"), ("grain silo", "grain silos"),
    ("customs post", "customs posts"), ("metro line", "metro lines"), ("gas field", "gas fields"),
    ("teacher shortage", "teacher shortages"), ("land registry", "land registries"),
]
ADJECTIVES = [
    "new", "controversial", "planned", "proposed", "delayed", "costly", "emergency", "temporary",
    "regional", "national", "long-awaited", "disputed", "expanded", "revised", "outdated",
    "ambitious", "illegal", "secret", "joint", "northern", "southern", "coastal", "rural", "urban",
    "state-owned", "private", "foreign", "annual", "multibillion-dollar", "two-year", "interim",
    "cross-border", "unpopular", "fragile", "modest", "sweeping", "provisional", "overdue",
]
SUBJECTS = [
    "the government", "the ministry", "the company", "local officials", "the central bank",
    "the army", "regulators", "investors", "the coalition", "the city council", "the opposition",
    "the operator", "the prosecutors", "the contractors", "the police", "the port authority",
]
EVALUATIONS = [
    "a disaster", "a step forward", "unacceptable", "long overdue", "a betrayal", "good news",
    "a serious mistake", "a serious threat", "a reasonable compromise", "a cynical move",
    "illegal and dangerous", "far too little and far too late", "a victory for common sense",
]
BENEFICIARIES = [
    "ordinary families", "farmers", "the whole region", "our workers", "taxpayers",
    "small businesses", "pensioners", "young people", "the coastal towns", "our members",
]
EVENTS = [
    "attack", "arrests", "shelling", "raid", "violence", "decision", "vote", "evictions",
    "detention of journalists", "closure of schools", "seizure of farmland", "sale of the port",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]
MONTH_ABBR = ["Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]

# Indirect-speech reporting verbs: (verb as printed, cue, stance, clause kind).
INDIRECT = [
    ("said", "said", "asserts", "fact"), ("said", "said", "asserts", "fact"),
    ("said", "said", "asserts", "fact"), ("said in a statement", "said in a statement", "asserts", "fact"),
    ("stated", "stated", "asserts", "fact"), ("added", "added", "asserts", "fact"),
    ("argued", "argued", "asserts", "fact"), ("insisted", "insisted", "asserts", "fact"),
    ("confirmed", "confirmed", "asserts", "fact"), ("claimed", "claimed", "asserts", "fact"),
    ("noted", "noted", "asserts", "fact"), ("warned", "warned", "predicts", "future"),
    ("predicted", "predicted", "predicts", "future"), ("denied", "denied", "denies", "fact"),
    ("denied reports", "denied", "denies", "fact"),
    ("expressed concern", "expressed concern", "concerns", "fact"),
    ("announced", "announced", "promises", "future"),
]
# Verbs never printed by the generator: a cue made of one of them is a planted C022.
ABSENT_CUES = ["lamented", "conceded", "boasted", "whispered"]


def ordinal(n):
    if 10 <= n % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return "%d%s" % (n, suffix)


def slug(text):
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    out = []
    for ch in ascii_text.lower():
        out.append(ch if ch.isalnum() else "-")
    s = "-".join(p for p in "".join(out).split("-") if p)
    return s


def a_an(word):
    return ("an " if word[:1] in "aeiou" else "a ") + word


def cap(s):
    return s[:1].upper() + s[1:]


def wrap_field(indent, key, value, width=80):
    """`key: value` wrapped at spaces; continuation lines are indented two more."""
    words = value.split(" ")
    lines = []
    current = "%s%s: %s" % (" " * indent, key, words[0])
    cont = " " * (indent + 2)
    for w in words[1:]:
        if len(current) + 1 + len(w) > width:
            lines.append(current)
            current = cont + w
        else:
            current += " " + w
    lines.append(current)
    return "\n".join(lines) + "\n"


class World:
    """Invented places shared by every article of one seed."""

    def __init__(self, rng):
        self.rng = rng
        seen = set()

        def word(lo, hi):
            while True:
                w = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(lo, hi)))
                w = cap(w)
                if w not in seen and len(w) >= 4:
                    seen.add(w)
                    return w

        self.countries = []
        for _ in range(40):
            name = word(2, 3)
            if not name.endswith("a"):
                name += rng.choice(["ia", "a", "istan", "land"])
            adj = name + "n" if name.endswith("a") else name + "i"
            self.countries.append({"name": name, "adj": adj, "capital": word(2, 3)})
        self.cities = [word(2, 3) for _ in range(400)]
        self.places = [word(2, 4) for _ in range(2500)]


class Speaker:
    """One actor of an article: how the article names it and how the annotation declares it."""

    def __init__(self, kind, canonical, first_ref, later_refs, role, aliases=(), acronym=None):
        self.kind = kind
        self.canonical = canonical
        self.first_ref = first_ref
        self.later_refs = list(later_refs)
        self.role = role
        self.aliases = list(aliases)
        self.acronym = acronym
        self.introduced = False
        self.used = False


class Pair:
    """Generates one article and its annotation."""

    def __init__(self, rng, world, name, target_bytes, target_claims, n_speakers, error_rate):
        self.rng = rng
        self.world = world
        self.name = name
        self.target_bytes = target_bytes
        self.target_claims = target_claims
        self.error_rate = error_rate
        self.curly = rng.random() < 0.6
        self.oq, self.cq = ("\u201c", "\u201d") if self.curly else ('"', '"')
        self.apos = "\u2019" if self.curly else "'"
        self.country = rng.choice(world.countries)
        self.others = [c for c in world.countries if c is not self.country]
        self.year = rng.randint(2015, 2024)
        self.month = rng.randint(1, 12)
        self.day = rng.randint(1, 28)
        self.dateline_city = self.country["capital"].upper()
        self.names_taken = {}
        self.ids = {}
        self.claims = []
        self.quotes_seen = set()
        self.planted = {}
        self.outlets = []
        self.publishers = rng.sample(OUTLET_NAMES, rng.choice([1, 2, 2]))
        for p in self.publishers:
            self.names_taken[p.lower()] = True
        self.speakers = [self.make_speaker() for _ in range(n_speakers)]
        self.speakers = [s for s in self.speakers if s is not None]
        n = len(self.speakers)
        self.weights = [1.0 / (i + 1) ** 0.7 for i in range(n)]

    # ----------------------------------------------------------------- actors

    def take(self, *names):
        """Reserves names (case-insensitively); False when one is taken already."""
        keys = [n.lower() for n in names]
        if any(k in self.names_taken for k in keys):
            return False
        for k in keys:
            self.names_taken[k] = True
        return True

    def place(self):
        return self.rng.choice(self.world.places)

    def city(self):
        return self.rng.choice(self.world.cities)

    def person_name(self):
        rng = self.rng
        for _ in range(50):
            r = rng.random()
            if r < 0.02:
                first, last = rng.choice(NONLATIN_NAMES)
            else:
                first = rng.choice(FIRST_NAMES_ACCENTED if r < 0.12 else FIRST_NAMES)
                if r < 0.16:
                    last = rng.choice(SURNAMES_APOSTROPHE)
                elif r < 0.30:
                    last = rng.choice(SURNAMES_ACCENTED)
                else:
                    last = rng.choice(SURNAMES)
            if self.take(first + " " + last, last):
                return first, last
        # The lists are exhausted (a big article): invent a surname.
        for _ in range(200):
            first = rng.choice(FIRST_NAMES)
            last = cap("".join(rng.choice(SYLLABLES) for _ in range(2)))
            last += rng.choice(["ov", "sen", "ez", "i\u0107", "escu", "ski", "ani", "ou", "berg", "a"])
            if self.take(first + " " + last, last):
                return first, last
        return None

    def org_name(self):
        rng = self.rng
        for _ in range(50):
            r = rng.random()
            if r < 0.25:
                words = [rng.choice(PARTY_ADJ), rng.choice(PARTY_NOUN), "Party"]
            elif r < 0.5:
                words = [self.country["adj"], rng.choice(ORG_FIELD), rng.choice(ORG_TYPE)]
            else:
                words = [rng.choice(ORG_ADJ), rng.choice(ORG_FIELD), rng.choice(ORG_TYPE)]
            name = " ".join(words)
            acronym = "".join(w[0] for w in words)
            if self.take(name, acronym):
                return name, acronym
        return None

    def make_speaker(self):
        rng = self.rng
        r = rng.random()
        c = self.country
        if r < 0.50:
            got = self.person_name()
            if got is None:
                return None
            first, last = got
            full = first + " " + last
            shown = last.replace("'", self.apos)
            full_shown = full.replace("'", self.apos)
            if rng.random() < 0.5:
                title, role = rng.choice(PERSON_TITLES)
                role = role.format(country=c["name"], city=self.city())
                first_ref = "%s %s" % (title, full_shown)
                first_ref = cap(first_ref)
            else:
                org = self.org_name()
                org_name = org[0] if org else "%s Institute" % c["adj"]
                shown_app, role = rng.choice(PERSON_APPOSITIONS)
                app = shown_app.format(org=org_name, adj=c["adj"])
                role = role.format(org=org_name, country=c["name"])
                doctor = "Dr. " if rng.random() < 0.15 else ""
                first_ref = "%s%s, %s," % (doctor, full_shown, app)
            return Speaker("person", full, first_ref, [shown], role)
        if r < 0.68:
            got = self.org_name()
            if got is None:
                return None
            name, acronym = got
            return Speaker(
                "organization", name, "the %s (%s)" % (name, acronym), ["the " + acronym],
                "%s based in %s" % (rng.choice(["an organization", "a body", "a group"]), c["capital"]),
                acronym=acronym,
            )
        if r < 0.80:
            ministry = rng.choice(MINISTRIES)
            country = c if rng.random() < 0.6 else rng.choice(self.others)
            name = "%s %s" % (country["adj"], ministry)
            if not self.take(name, country["capital"]):
                return None
            return Speaker(
                "government", name, "the " + name, [country["capital"], "the " + name],
                "%s of %s" % (ministry.lower(), country["name"]), aliases=[country["capital"]],
            )
        if r < 0.88:
            outlets = [o for o in OUTLET_NAMES if o.lower() not in self.names_taken]
            if not outlets:
                return None
            name = rng.choice(outlets)
            self.take(name)
            self.outlets.append(name)
            return Speaker("outlet", name, name, [name], "news outlet")
        if r < 0.95:
            canonical, alias = rng.choice(ANONYMOUS)
            if not self.take(canonical, alias):
                return None
            return Speaker(
                "anonymous", canonical, "a " + canonical, [alias],
                "unnamed %s who spoke on condition of anonymity" % canonical, aliases=[alias],
            )
        group = rng.choice(GROUPS).format(city=self.city(), country=c["name"])
        if not self.take(group):
            return None
        return Speaker("group", group, group, [group], "people speaking together")

    def ref(self, sp, sentence_start):
        """How the article names `sp` here; the first time with its role."""
        if not sp.introduced:
            sp.introduced = True
            text = sp.first_ref
        else:
            text = self.rng.choice(sp.later_refs)
        return cap(text) if sentence_start else text

    def outlet_for_via(self):
        names = [o for o in OUTLET_NAMES if o not in self.publishers]
        name = self.rng.choice(names)
        for sp in self.speakers:
            if sp.canonical == name:
                return sp
        if not self.take(name):
            for sp in self.speakers:
                if sp.canonical == name:
                    return sp
            return None
        sp = Speaker("outlet", name, name, [name], "news outlet")
        self.speakers.append(sp)
        self.weights.append(0.0)  # reachable only as an intermediary
        return sp

    # ----------------------------------------------------------------- content

    def np(self):
        rng = self.rng
        noun = rng.choice(NOUNS)
        r = rng.random()
        if r < 0.35:
            return "the %s %s" % (rng.choice(ADJECTIVES), noun[0])
        if r < 0.55:
            return "%d %s" % (rng.randint(2, 90), noun[1])
        if r < 0.75:
            return "the %s in %s" % (noun[0], self.place())
        if r < 0.9:
            return "its %s %s" % (rng.choice(ADJECTIVES), noun[0])
        return "the %s %s%s" % (self.place(), noun[0], rng.choice(["", " project", " plan"]))

    def money(self):
        rng = self.rng
        r = rng.random()
        if r < 0.4:
            return "$%d,%03d" % (rng.randint(1, 99), rng.randint(0, 999))
        if r < 0.7:
            return "$%d.%d billion" % (rng.randint(1, 40), rng.randint(1, 9))
        return "%d million %s" % (rng.randint(2, 900), rng.choice(["euros", "dollars", "crowns"]))

    def pp(self):
        rng = self.rng
        r = rng.random()
        if r < 0.18:
            return "in %s" % self.place()
        if r < 0.30:
            return "by the end of %s" % rng.choice(MONTHS)
        if r < 0.40:
            return "over the next %d years" % rng.randint(2, 12)
        if r < 0.50:
            return "at a cost of %s" % self.money()
        if r < 0.60:
            return "after talks in %s" % self.city()
        if r < 0.68:
            return "under the %d agreement with %s" % (rng.randint(1995, 2023), rng.choice(self.others)["name"])
        if r < 0.76:
            return "despite protests in %s" % self.place()
        if r < 0.84:
            return "by %.1f percent" % (rng.randint(5, 250) / 10.0)
        if r < 0.90:
            return "before the U.S. delegation arrives in %s" % self.city()
        if r < 0.95:
            return "starting %s %d" % (rng.choice(MONTH_ABBR), rng.randint(1, 28))
        return "near the %s border" % rng.choice(self.others)["adj"]

    def fresh(self, make, *args):
        """`make(*args)`, again until it is not a quote used before in this article."""
        for _ in range(20):
            text = make(*args)
            if text not in self.quotes_seen:
                return text
        return text

    def clause(self, kind):
        """A reported clause: always one rare slot (a place, a number) to keep it unique."""
        rng = self.rng
        v = rng.choice(VERBS)
        subj = rng.choice(SUBJECTS + [self.country["name"], "authorities in " + self.city()])
        if kind == "future":
            forms = [
                "%s would %s %s %s" % (subj, v[0], self.np(), self.pp()),
                "%s will %s %s %s" % (subj, v[0], self.np(), self.pp()),
                "%s could be %s %s" % (self.np(), v[2], self.pp()),
                "%s was likely to %s %s %s" % (subj, v[0], self.np(), self.pp()),
            ]
        else:
            forms = [
                "%s had %s %s %s" % (subj, v[2], self.np(), self.pp()),
                "%s was %s %s %s" % (subj, v[3], self.np(), self.pp()),
                "%s %s %s %s" % (subj, v[1], self.np(), self.pp()),
                "%s had been %s %s" % (self.np(), v[2], self.pp()),
                "there was no evidence that %s had %s %s %s" % (subj, v[2], self.np(), self.pp()),
                "%s could not %s %s without %s" % (subj, v[0], self.np(), self.np()),
            ]
        return rng.choice(forms)

    def direct(self):
        rng = self.rng
        v = rng.choice(VERBS)
        forms = [
            "We will %s %s %s" % (v[0], self.np(), self.pp()),
            "We have no plans to %s %s %s" % (v[0], self.np(), self.pp()),
            "This %s in %s is %s for %s" % (rng.choice(NOUNS)[0], self.place(), rng.choice(EVALUATIONS), rng.choice(BENEFICIARIES)),
            "Nobody in %s wants %s" % (self.place(), self.np()),
            "I have never %s %s and I never will" % (v[2], self.np()),
            "Our priority is to %s %s %s" % (v[0], self.np(), self.pp()),
            "The %s will be %s %s, whatever %s says" % (rng.choice(NOUNS)[0], v[2], self.pp(), rng.choice(self.others)["capital"]),
            "We are %s %s because %s %s %s" % (v[3], self.np(), rng.choice(SUBJECTS), rng.choice(VERBS)[1], self.np()),
            "It%ss time to %s %s %s" % (self.apos, v[0], self.np(), self.pp()),
        ]
        return rng.choice(forms)

    # ----------------------------------------------------------------- sentences

    def pick_speaker(self):
        return self.rng.choices(self.speakers, weights=self.weights)[0]

    def new_claim(self, sp, cue, quotes, stance, via=None):
        sp.used = True
        words = [w for w in quotes[0].replace(self.oq, " ").replace(self.cq, " ").split() if len(w) > 4 and w.isalpha()]
        key = slug(words[0]) if words else "claim"
        short = slug(sp.canonical.split()[-1]) or "source"
        base = "%s-%s" % (short, key)
        n = self.ids.get(base, 0) + 1
        self.ids[base] = n
        claim = {
            "id": base if n == 1 else "%s-%d" % (base, n),
            "source": sp.canonical,
            "via": via.canonical if via else None,
            "cue": cue,
            "quotes": quotes,
            "stance": stance,
            "relations": [],
            "note": None,
            "speaker": sp,
        }
        if via is not None:
            via.used = True
        for q in quotes:
            self.quotes_seen.add(q)
        # Relations, as an annotator would add them: denials dispute an earlier claim.
        earlier = [c for c in self.claims[-12:] if c["source"] != sp.canonical]
        if earlier:
            if stance == "denies" and self.rng.random() < 0.7:
                claim["relations"].append(("disputes", self.rng.choice(earlier)["id"]))
            elif self.rng.random() < 0.06:
                kind = self.rng.choice(["supports", "responds-to"])
                claim["relations"].append((kind, self.rng.choice(earlier)["id"]))
        if self.rng.random() < 0.04:
            claim["note"] = self.rng.choice([
                "paraphrase; the article gives no direct quote",
                "the speaker is named in the previous paragraph",
                "reported second hand",
                "stance judged from the verb %s" % cue.split()[0],
            ])
        self.claims.append(claim)
        return claim

    def statement(self, sentence_start=True):
        """One attributed sentence and its claim."""
        rng = self.rng
        sp = self.pick_speaker()
        day = rng.choice(WEEKDAYS)
        r = rng.random()
        if r < 0.40:
            verb, cue, stance, kind = rng.choice(INDIRECT)
            content = self.fresh(self.clause, kind)
            when = rng.choice(["", "", " on %s" % day, " last week"])
            if verb == "denied reports":
                text = "%s denied%s reports that %s." % (self.ref(sp, True), when, content)
            elif verb == "said in a statement":
                text = "%s said in a statement%s that %s." % (self.ref(sp, True), when, content)
            else:
                text = "%s %s%s that %s." % (self.ref(sp, True), verb, when, content)
            self.new_claim(sp, cue, [content], stance)
            return text
        if r < 0.55:
            content = self.fresh(self.direct)
            tail = rng.choice(["said", "said", "told reporters", "said on %s" % day, "added"])
            text = "%s%s,%s %s %s." % (self.oq, content, self.cq, self.ref(sp, False), tail)
            cue = tail.split(" on ")[0]
            self.new_claim(sp, cue, [content], "promises" if content.startswith("We will") else "asserts")
            return text
        if r < 0.62:
            first, second = self.fresh(self.direct), self.fresh(self.direct)
            text = "%s%s,%s %s said. %s%s.%s" % (self.oq, first, self.cq, self.ref(sp, False), self.oq, second, self.cq)
            self.new_claim(sp, "said", [first, second], "asserts")
            return text
        if r < 0.69:
            noun = rng.choice(NOUNS)[0]
            content = "the %s in %s was %s%s for %s.%s" % (noun, self.place(), self.oq, rng.choice(EVALUATIONS), rng.choice(BENEFICIARIES), self.cq)
            text = "%s said %s" % (self.ref(sp, True), content)
            self.new_claim(sp, "said", [content], "asserts")
            return text
        if r < 0.78:
            via = self.outlet_for_via()
            if via is None or via is sp:
                return self.filler()
            content = self.fresh(self.clause, "fact")
            if rng.random() < 0.5:
                text = "%s told %s that %s." % (self.ref(sp, True), via.canonical, content)
                cue = "told " + via.canonical
            else:
                who = self.ref(sp, False).rstrip(",")
                text = "%s reported, citing %s, that %s." % (via.canonical, who, content)
                cue = "reported citing"
            self.new_claim(sp, cue, [content], "asserts", via=via)
            return text
        if r < 0.84:
            v = rng.choice(VERBS)
            content = "%s %s %s" % (v[3], self.np(), self.pp())
            target = rng.choice(SUBJECTS + [c["name"] for c in self.others[:5]])
            text = "%s accused %s of %s." % (self.ref(sp, True), target, content)
            self.new_claim(sp, "accused", [content], "accuses")
            return text
        if r < 0.89:
            content = "the %s %s in %s on %s" % (rng.choice(ADJECTIVES), rng.choice(EVENTS), self.place(), day)
            text = "%s condemned %s." % (self.ref(sp, True), content)
            self.new_claim(sp, "condemned", [content], "condemns")
            return text
        if r < 0.93:
            content = self.fresh(self.clause, "future")
            text = "%s questioned whether %s." % (self.ref(sp, True), content)
            self.new_claim(sp, "questioned", [content], "questions")
            return text
        if r < 0.97:
            v = rng.choice(VERBS)
            content = "%s %s %s" % (v[0], self.np(), self.pp())
            text = "%s promised to %s." % (self.ref(sp, True), content)
            self.new_claim(sp, "promised", [content], "promises")
            return text
        content = self.clause("fact")
        text = "%s reported that %s." % (cap(self.rng.choice(self.publishers)), content)
        return text

    def filler(self):
        rng = self.rng
        c = self.country
        other = rng.choice(self.others)
        noun = rng.choice(NOUNS)
        forms = [
            "The %s has been %s %d times since %d." % (noun[0], rng.choice(VERBS)[2], rng.randint(2, 9), rng.randint(1990, 2020)),
            "%s lies about %d kilometers from %s." % (self.place(), rng.randint(5, 400), self.city()),
            "Talks between %s and %s broke down in %s." % (c["name"], other["name"], rng.choice(MONTHS)),
            "The U.S. embassy in %s has issued a travel advisory for %s." % (c["capital"], self.place()),
            "Prices rose %.1f percent in %s, the highest rate since %d." % (rng.randint(11, 99) / 10.0, rng.choice(MONTHS), rng.randint(1990, 2015)),
            "About %d,%03d people live in %s, most of them in %s." % (rng.randint(1, 900), rng.randint(0, 999), self.place(), self.city()),
            "Mr. %s%ss office did not respond to a request for comment." % (rng.choice(SURNAMES), self.apos),
            "The %s in %s was completed in %d at a cost of %s." % (noun[0], self.place(), rng.randint(1960, 2020), self.money()),
            "%s and %s signed %s %s in %d." % (c["name"], other["name"], a_an(rng.choice(ADJECTIVES)), noun[0], rng.randint(1990, 2022)),
            "The %s %s %s in %s, when %s %s." % (rng.choice(ADJECTIVES), noun[0], "dates back to the crisis", rng.randint(1990, 2019), self.place(), rng.choice(["was flooded", "was cut off", "lost its port", "voted to leave the federation"])),
            "%s%ss population has fallen by a third since %d." % (self.place(), self.apos, rng.randint(1980, 2010)),
        ]
        return rng.choice(forms)

    def paragraph(self):
        n = self.rng.choice([1, 2, 2, 2, 3, 3])
        sentences = []
        for _ in range(n):
            if self.rng.random() < 0.82:
                sentences.append(self.statement())
            else:
                sentences.append(self.filler())
        return " ".join(sentences)

    # ----------------------------------------------------------------- the pair

    def article(self):
        rng = self.rng
        date = "%04d-%02d-%02d" % (self.year, self.month, self.day)
        lead = self.statement()
        pub = " / ".join(self.publishers)
        day_txt = ("%02d" % self.day) + ordinal(self.day)[-2:] if rng.random() < 0.5 else ordinal(self.day)
        dateline = "%s (%s - %s %s, %d) " % (self.dateline_city, pub, day_txt, MONTHS[self.month - 1], self.year)
        paragraphs = [dateline + lead]
        if rng.random() < 0.3:
            headline = lead.rstrip(".")
        else:
            noun = rng.choice(NOUNS)
            headline = "%s %s %s in %s as %s %s" % (
                self.country["name"], rng.choice(["to", "will not", "plans to", "vows to"]),
                rng.choice(VERBS)[0], self.np(), rng.choice(NOUNS)[1],
                rng.choice(["rise", "fall", "stall", "spread"]),
            )
            headline = cap(headline) + (" - %s" % noun[0] if rng.random() < 0.2 else "")
        size = len(dateline) + len(lead)
        while len(self.claims) < self.target_claims:
            p = self.paragraph()
            paragraphs.append(p)
            size += len(p.encode("utf-8")) + 2
            # Keep the bytes per claim on target: pad with background paragraphs.
            while size * self.target_claims < self.target_bytes * len(self.claims):
                f = " ".join(self.filler() for _ in range(rng.randint(1, 4)))
                paragraphs.append(f)
                size += len(f.encode("utf-8")) + 2
        while size < self.target_bytes:
            f = " ".join(self.filler() for _ in range(rng.randint(2, 5)))
            paragraphs.append(f)
            size += len(f.encode("utf-8")) + 2
        lead_space = " " if rng.random() < 0.3 else ""
        text = "%sdate %s %s\n\n%s\n" % (lead_space, date, headline, "\n\n".join(paragraphs))
        self.text = text
        return text

    def plant(self, kind):
        self.planted[kind] = self.planted.get(kind, 0) + 1

    def quote_error(self, claim):
        """Mutates one claim into a realistic mistake; returns the kind."""
        rng = self.rng
        kinds = ["typo", "typo", "dropword", "normalized", "notfound", "wrongcue", "wrongsource",
                 "badvia", "badstance", "badref", "unknownfield"]
        kind = rng.choice(kinds)
        q = claim["quotes"][0]
        words = q.split(" ")
        if kind == "typo":
            idx = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
            if not idx:
                return None
            i = rng.choice(idx)
            w = words[i]
            j = rng.randint(1, len(w) - 3)
            words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:]
            if words[i] == w:
                words[i] = w[:j] + w[j] + w[j:]
            claim["quotes"][0] = " ".join(words)
        elif kind == "dropword":
            # A short word, so that the quote stays within the near-miss distance (n/5).
            idx = [i for i in range(2, len(words) - 2) if len(words[i]) <= 5]
            if len(words) < 8 or not idx:
                return None
            del words[rng.choice(idx)]
            claim["quotes"][0] = " ".join(words)
        elif kind == "normalized":
            if self.curly and self.oq in q:
                claim["quotes"][0] = q.replace(self.oq, '"').replace(self.cq, '"')
            elif self.curly and self.apos in q:
                claim["quotes"][0] = q.replace(self.apos, "'")
            else:
                # Case differences are normalized (whitespace-only ones count as exact).
                idx = [i for i, w in enumerate(words) if w.isalpha() and w.islower()]
                if not idx:
                    return None
                i = rng.choice(idx)
                words[i] = words[i].upper() if len(words[i]) <= 3 else cap(words[i])
                claim["quotes"][0] = " ".join(words)
        elif kind == "notfound":
            # Words the articles never print together: nothing is close.
            claim["quotes"][0] = "the harvest festival in %s drew %d visitors from %s" % (
                self.place(), rng.randint(100, 9000), rng.choice(self.world.countries)["name"])
        elif kind == "wrongcue":
            claim["cue"] = rng.choice(ABSENT_CUES)
        elif kind == "wrongsource":
            claim["source"] = rng.choice(ABSENT_NAMES)
        elif kind == "badvia":
            claim["via"] = rng.choice(ABSENT_OUTLETS)
        elif kind == "badstance":
            claim["stance"] = rng.choice(["denied", "assert", "accusing", "neutral"])
        elif kind == "badref":
            if len(self.claims) < 2:
                return None
            other = rng.choice(self.claims)["id"]
            claim["relations"].append(("supports", other + "x" if other != claim["id"] else "nowhere"))
        elif kind == "unknownfield":
            claim["note"] = claim["note"] or "see the previous paragraph"
            claim["note_key"] = "notes"
        return kind

    def annotation(self):
        rng = self.rng
        out = []
        out.append("# Claim annotation of %s.txt (synthetic: benches/gen_corpus.py)\n\n" % self.name)
        if rng.random() < 0.5:
            out.append("article: %s.txt\n" % self.name)
        date = "%04d-%02d-%02d" % (self.year, self.month, self.day)
        if rng.random() < self.error_rate * 2:
            date = "%04d-%02d-%02d" % (self.year, self.month, self.day + 1)
            self.plant("wrongdate")
        out.append("date: %s\n" % date)
        out.append("publisher: %s\n" % ", ".join(self.publishers))
        out.append("\n# ---- actors ----\n\n")
        for sp in self.speakers:
            if not sp.used:
                continue
            out.append("actor %s\n" % sp.canonical)
            if sp.aliases:
                out.append("  aka: %s\n" % ", ".join(sp.aliases))
            out.append("  kind: %s\n" % sp.kind)
            out.append(wrap_field(2, "role", sp.role))
            out.append("\n")
        if rng.random() < self.error_rate * 2:
            out.append("actor %s\n  kind: person\n\n" % rng.choice(ABSENT_NAMES))
            self.plant("unusedactor")
        out.append("# ---- claims ----\n\n")
        for i, claim in enumerate(self.claims):
            if rng.random() < self.error_rate:
                kind = self.quote_error(claim)
                if kind:
                    self.plant(kind)
            elif len(claim["quotes"]) == 1 and rng.random() < 0.05:
                words = claim["quotes"][0].split(" ")
                if len(words) >= 12:
                    a = rng.randint(4, len(words) - 7)
                    b = a + rng.randint(2, 3)
                    # As an annotator would: the part after the gap is distinctive.
                    if self.text.count(" ".join(words[b:])) == 1:
                        claim["quotes"][0] = "%s ... %s" % (" ".join(words[:a]), " ".join(words[b:]))
            if i > 0 and i % 25 == 0:
                out.append("# ---- part %d ----\n\n" % (i // 25 + 1))
            cid = claim["id"]
            if rng.random() < self.error_rate * 0.1 and i > 0:
                cid = self.claims[i - 1]["id"]
                self.plant("dupid")
            out.append("claim %s\n" % cid)
            out.append("  source: %s\n" % claim["source"])
            if claim["via"]:
                out.append("  via: %s\n" % claim["via"])
            out.append("  cue: %s\n" % claim["cue"])
            for q in claim["quotes"]:
                out.append(wrap_field(2, "quote", q))
            out.append("  stance: %s\n" % claim["stance"])
            for kind, target in claim["relations"]:
                out.append("  %s: %s\n" % (kind, target))
            if claim["note"]:
                out.append(wrap_field(2, claim.get("note_key", "note"), claim["note"]))
            out.append("\n")
        return "".join(out)


def write_pair(directory, name, rng, world, target_bytes, target_claims, n_speakers, error_rate, stats):
    pair = Pair(rng, world, name, target_bytes, target_claims, n_speakers, error_rate)
    article = pair.article()
    claims = pair.annotation()
    if rng.random() < 0.01:
        article = article.replace("\n", "\r\n")
        stats["crlf"] = stats.get("crlf", 0) + 1
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, name + ".txt"), "w", encoding="utf-8", newline="") as f:
        f.write(article)
    with open(os.path.join(directory, name + ".claims"), "w", encoding="utf-8", newline="") as f:
        f.write(claims)
    stats["pairs"] = stats.get("pairs", 0) + 1
    stats["claims"] = stats.get("claims", 0) + len(pair.claims)
    stats["article_bytes"] = stats.get("article_bytes", 0) + len(article.encode("utf-8"))
    stats["claims_bytes"] = stats.get("claims_bytes", 0) + len(claims.encode("utf-8"))
    for k, v in pair.planted.items():
        stats["planted"][k] = stats["planted"].get(k, 0) + v


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--corpus", metavar="DIR", help="many small article+annotation pairs")
    mode.add_argument("--big", metavar="DIR", help="one big article and one big annotation")
    ap.add_argument("--pairs", type=int, default=2000, help="--corpus: number of pairs")
    ap.add_argument("--article-bytes", type=int, default=1000000, help="--big: article size")
    ap.add_argument("--claims", type=int, default=5000, help="--big: number of claims")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--error-rate", type=float, default=0.02)
    args = ap.parse_args(argv)

    world = World(random.Random(args.seed))
    stats = {"planted": {}}
    if args.corpus:
        for i in range(args.pairs):
            rng = random.Random(args.seed * 1000003 + i)
            name = "%04d_%08x" % (i, rng.getrandbits(32))
            sub = os.path.join(args.corpus, "batch-%02d" % (i // 250))
            write_pair(sub, name, rng, world, rng.randint(2500, 3500), rng.randint(10, 20),
                       rng.randint(3, 7), args.error_rate, stats)
    else:
        rng = random.Random(args.seed * 7919)
        n_speakers = max(8, min(400, args.claims // 12))
        write_pair(args.big, "big", rng, world, args.article_bytes, args.claims, n_speakers,
                   args.error_rate, stats)
    planted = ", ".join("%s=%d" % (k, stats["planted"][k]) for k in sorted(stats["planted"]))
    sys.stderr.write(
        "gen_corpus: %d pairs, %d claims, articles %d bytes, annotations %d bytes; planted: %s\n"
        % (stats.get("pairs", 0), stats.get("claims", 0), stats.get("article_bytes", 0),
           stats.get("claims_bytes", 0), planted or "none")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
