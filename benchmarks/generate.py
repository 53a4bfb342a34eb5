"""Deterministic generator of synthetic UK government-style correspondence.

    python -m benchmarks.generate OUT --count 200 --formats txt,pdf,docx,eml [--seed 0]

Writes letters (.txt, .pdf, .docx) and emails (.eml) into OUT, plus `truth.json`: what a careful
reader finds in each file (date, sender, recipients, cc, kind, and the dated references and
deadlines the prose contains), so the output doubles as an accuracy check on unseen letters.

Every name, post, organisation and address is invented here from combinatorial lists. Letter N
depends only on (seed, N) and its format, so `--count 100` gives the first 100 letters of
`--count 1000`. Files of every format are byte-for-byte reproducible.
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import io
import json
import random
import re
import sys
import textwrap
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

FORMATS = ("txt", "pdf", "docx", "eml")
TRUTH_FILE = "truth.json"
SCHEMA = "dossier-bench-truth/1"

MONTHS = tuple(calendar.month_name[1:])
MONTH_ABBR = tuple(calendar.month_abbr[1:])
WEEKDAYS = tuple(calendar.day_name)

# -- invented people, places and bodies ------------------------------------------------------------

FEMALE = (
    "Amelia", "Beatrice", "Cressida", "Delphine", "Eleri", "Fenella", "Gwendolen", "Harriet", "Imogen",
    "Keziah", "Marguerite", "Morwenna", "Nadia", "Niamh", "Orla", "Priya", "Rosalind", "Saoirse", "Tamsin",
    "Verity", "Winifred", "Xanthe", "Zara", "Anwen", "Ailsa", "Dilys", "Hester", "Juno", "Kavita", "Lucinda",
    "Philippa", "Rhiannon", "Seren",
)
MALE = (
    "Arthur", "Barnaby", "Callum", "Edmund", "Gareth", "Gideon", "Hamish", "Ivo", "Jasper", "Joachim",
    "Lachlan", "Leopold", "Oswin", "Piers", "Quentin", "Rupert", "Soren", "Tobias", "Ulric", "Vikram",
    "Wilfred", "Yusuf", "Caspian", "Dominic", "Euan", "Felix", "Ambrose", "Cormac", "Declan",
)
SURNAMES = (
    "Ashworth", "Blackmore", "Calloway", "Dunstable", "Eversleigh", "Fairbrother", "Gallimore", "Hartigan",
    "Ingleby", "Jessop", "Kilbride", "Lindqvist", "Marchbank", "Netherwood", "Oakeshott", "Pendergast",
    "Quarmby", "Ravensworth", "Stainthorpe", "Thackwray", "Underhill", "Whitlock", "Yardley", "Zielinski",
    "Abernethy", "Brackenbury", "Delacourt", "Elphinstone", "Fothergill", "Greatorex", "Holroyd",
    "Ibbotson", "Kershaw", "Mabberley", "Nuttall", "Ormerod", "Pargeter", "Scarisbrick", "Tindall",
    "Venables", "Wainwright", "Okonkwo", "Chaudhry", "Nakagawa", "O'Driscoll", "Le Mesurier", "De Souza",
    "Hennessy-Clarke", "Pryce", "Achterberg",
)
PLACES = (
    "Kellingford", "Ashcombe", "Wrexley", "Halverton", "Brackendale", "Marlowby", "Penhallow", "Dunmere",
    "Easterholt", "Fennick", "Grisby", "Oakhurst",
)
STREETS = (
    "Holloway Street", "Marsden Walk", "Lantern Row", "Carrick Place", "Bellweather Lane", "Old Mint Yard",
    "Cinder Street", "Temperance Square",
)
SQUARES = ("Victoria Square", "Market Place", "Guildhall Row", "Castle Street", "Mill Lane", "Station Parade")
DEPARTMENT_TOPICS = (
    "Coastal Affairs", "Regional Resilience", "Rural Transport", "Community Cohesion",
    "Water and Flood Management", "Lifelong Learning", "Digital Infrastructure", "Housing Standards",
    "Public Health Resilience", "Heritage and the Built Environment", "Families and Young People",
)
AREAS = (
    "Local Services", "Children and Families", "Flood Resilience", "Regional Growth", "School Improvement",
    "Adult Social Care", "Housing Delivery", "Rural Affairs", "Transport Connectivity", "Public Health",
)
SERVICES = (
    "Children's Services", "Adult Social Care", "Housing", "Education and Skills", "Transport and Highways",
    "Environment", "Finance and Resources", "Regeneration",
)
DISCIPLINES = ("Social Policy", "Public Administration", "Civil Engineering", "Health Economics", "Education",
               "Urban Planning")
AGENCIES = (
    ("Office for Local Service Standards", "the Office"),
    ("Commission for Public Audit", "the Commission"),
    ("Regional Transport Authority", "the Authority"),
    ("Inspectorate of Care Standards", "the Inspectorate"),
)
TOPICS = (
    ("children's social care in {place}", "the improvement plan"),
    ("the {place} flood defence scheme", "the scheme"),
    ("the future of bus services in {place}", "the franchising proposals"),
    ("special educational needs provision in {place}", "the written statement of action"),
    ("the redevelopment of the {place} waterfront", "the masterplan"),
    ("adult social care funding in {place}", "the funding settlement"),
    ("the reconfiguration of hospital services in {place}", "the consultation"),
    ("school place planning in {place}", "the place-planning strategy"),
    ("the condition of council housing in {place}", "the repair programme"),
    ("broadband coverage in rural {place}", "the rollout"),
)

# -- records -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Org:
    name: str
    short: str  # how the prose refers to it after the first mention
    kind: str  # department | council | trust | university | agency
    address: tuple[str, ...]
    domain: str
    place: str = ""
    article: str = "the "  # "the Department for ...", but "Kellingford City Council"

    @property
    def in_prose(self) -> str:
        return f"{self.article}{self.name}"


@dataclass
class Actor:
    first: str
    last: str
    female: bool
    post: str
    org: Org
    honorific: str  # as used in an address: Councillor, Professor, Dr, Ms, Mr, Sir, Dame, Lord, Minister
    suffix: str = ""  # MP, CBE, OBE, DBE

    @property
    def name(self) -> str:  # canonical: no honorific
        return f"{self.first} {self.last}"

    @property
    def email(self) -> str:
        local = re.sub(r"[^a-z.-]", "", f"{self.first}.{self.last}".lower().replace(" ", ""))
        return f"{local}@{self.org.domain}"

    def addressed(self) -> str:
        """The first line of an address block."""
        if self.honorific == "Minister":
            return f"The Rt Hon {self.name} MP"
        out = f"{self.honorific} {self.name}"
        return f"{out} {self.suffix}" if self.suffix else out

    def titled_short(self) -> str:
        """As in "Councillor Ashworth", "Sir Oswin", "Ms Kilbride"."""
        if self.honorific in ("Sir", "Dame"):
            return f"{self.honorific} {self.first}"
        if self.honorific == "Minister":
            return f"{'Ms' if self.female else 'Mr'} {self.last}"
        return f"{self.honorific} {self.last}"

    def salutation(self, rng: random.Random) -> str:
        if self.honorific == "Minister":
            return rng.choice(("Minister", self.first, self.first))
        if self.honorific in ("Ms", "Mr", "Councillor") and rng.random() < 0.35:
            return self.first
        return self.titled_short()

    def signature_name(self, rng: random.Random) -> str:
        if self.honorific == "Minister":
            name = rng.choice((f"{self.name} MP", f"Rt Hon {self.name} MP", self.name))
        elif self.honorific in ("Professor", "Dr", "Sir", "Dame", "Councillor") and rng.random() < 0.5:
            name = f"{self.honorific} {self.name}"
        else:
            name = f"{self.name} {self.suffix}".strip()
        return name.upper() if rng.random() < 0.15 else name


@dataclass
class Letter:
    """One generated document, as blocks every renderer understands, plus its truth."""

    kind: str  # letter | email
    date: dt.date
    date_text: str
    date_precision: str
    sender: Actor
    recipients: list[Actor]
    cc: list[Actor]
    subject: str
    marking: str | None
    blocks: list[tuple[str, Any]]
    mentioned: list[Actor] = field(default_factory=list)
    dated: list[dict[str, Any]] = field(default_factory=list)
    deadlines: list[dict[str, Any]] = field(default_factory=list)
    reference: str | None = None
    curly: bool = False
    quoted: dict[str, Any] | None = None  # emails: the earlier message quoted below the reply
    sent: dt.datetime | None = None  # emails: the Date header

    def truth(self, fmt: str) -> dict[str, Any]:
        value = self.date.isoformat() if self.date_precision == "day" else self.date.isoformat()[:7]
        persons = {a.name for a in [self.sender, *self.recipients, *self.cc, *self.mentioned]}
        return {
            "format": fmt,
            "kind": self.kind,
            "date": {"value": value, "precision": self.date_precision, "text": self.date_text},
            "sender": self.sender.name,
            "sender_post": self.sender.post,
            "recipients": [a.name for a in self.recipients],
            "cc": [a.name for a in self.cc],
            "marking": self.marking,
            "subject": self.subject,
            "reference": self.reference,
            "persons": sorted(persons),
            "organisations": sorted({a.org.name for a in [self.sender, *self.recipients, *self.cc,
                                                          *self.mentioned]}),
            "dated_references": self.dated,
            "deadlines": self.deadlines,
        }


# -- date words --------------------------------------------------------------------------------

def ordinal(n: int) -> str:
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def day_month(d: dt.date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]}"


def full_date(d: dt.date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def date_line(rng: random.Random, d: dt.date) -> tuple[str, str]:
    """The letter's own date as written, and its precision."""
    forms: list[tuple[float, Callable[[], str]]] = [
        (40, lambda: full_date(d)),
        (14, lambda: f"{ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}"),
        (12, lambda: f"{d.day:02d}/{d.month:02d}/{d.year}"),
        (13, lambda: f"{WEEKDAYS[d.weekday()]} {full_date(d)}"),
        (5, lambda: f"{WEEKDAYS[d.weekday()]}, {ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}"),
        (6, lambda: f"{d.day} {MONTH_ABBR[d.month - 1]} {d.year}"),
        (5, lambda: f"{MONTHS[d.month - 1]} {d.year}"),
    ]
    text = rng.choices([f for _, f in forms], weights=[w for w, _ in forms])[0]()
    return text, ("month" if re.fullmatch(r"[A-Z][a-z]+ \d{4}", text) else "day")


def random_date(rng: random.Random) -> dt.date:
    start = dt.date(2012, 1, 1).toordinal()
    day = dt.date.fromordinal(rng.randint(start, dt.date(2023, 12, 31).toordinal()))
    while day.weekday() >= 5:  # letters go out on working days
        day -= dt.timedelta(days=1)
    return day


# -- people and bodies -------------------------------------------------------------------------

def postcode(rng: random.Random, area: str) -> str:
    letters = "ABDEFGHJLNPQRSTUWXYZ"
    return f"{area}{rng.randint(1, 19)} {rng.randint(1, 9)}{rng.choice(letters)}{rng.choice(letters)}"


def make_org(rng: random.Random, kind: str, place: str) -> Org:
    if kind == "department":
        topic = rng.choice(DEPARTMENT_TOPICS)
        abbrev = "D" + "".join(w[0] for w in topic.split() if w[0].isupper())
        letters = "ABDEFGHJLNPQRSTUWXYZ"
        address = (f"{rng.randint(1, 120)} {rng.choice(STREETS)}",
                   f"London SW1P {rng.randint(1, 9)}{rng.choice(letters)}{rng.choice(letters)}")
        return Org(f"Department for {topic}", abbrev, kind, address, f"{abbrev.lower()}.gov.uk")
    area = place[:2].upper()
    slug = place.lower().replace(" ", "")
    if kind == "council":
        name = f"{place} {rng.choice(('City', 'Borough', 'County', 'District'))} Council"
        building = rng.choice(("Council House", "Civic Centre", "Town Hall", "County Hall"))
        return Org(name, "the Council", kind, (building, rng.choice(SQUARES), place, postcode(rng, area)),
                   f"{slug}.gov.uk", place, article="")
    if kind == "trust":
        name, short, domain = rng.choice((
            (f"{place} Hospitals NHS Foundation Trust", "the Trust", "nhs.net"),
            (f"{place} Children's Trust", "the Trust", f"{slug}childrenstrust.org.uk"),
            (f"{place} Housing Trust", "the Trust", f"{slug}housing.org.uk"),
            (f"{place} Learning Trust", "the Trust", f"{slug}learning.org.uk"),
        ))
        return Org(name, short, kind, (f"{rng.randint(1, 80)} {rng.choice(SQUARES)}", place, postcode(rng, area)),
                   domain, place)
    if kind == "university":
        return Org(f"University of {place}", "the University", kind,
                   ("Senate House", f"{place}", postcode(rng, area)), f"{slug}.ac.uk", place)
    name, short = rng.choice(AGENCIES)
    domain = "".join(w[0] for w in name.split() if w[0].isupper()).lower() + ".org.uk"
    return Org(name, short, "agency", (f"{rng.randint(1, 60)} {rng.choice(STREETS)}", "Manchester",
                                       postcode(rng, "M")), domain)


def make_post(rng: random.Random, org: Org) -> tuple[str, str]:
    """A post in `org` and the honorific it goes with ('' = choose later)."""
    if org.kind == "department":
        topic = org.name.removeprefix("Department for ")
        return rng.choices((
            (f"Secretary of State for {topic}", "Minister"),
            (f"Minister of State for {rng.choice(AREAS)}", "Minister"),
            (f"Parliamentary Under Secretary of State for {rng.choice(AREAS)}", "Minister"),
            ("Permanent Secretary", ""),
            (f"Director General for {rng.choice(AREAS)}", ""),
            (f"Director of {rng.choice(AREAS)}", ""),
            (f"Deputy Director for {rng.choice(AREAS)}", ""),
            (f"Head of {rng.choice(AREAS)} Policy", ""),
        ), weights=(2, 5, 3, 2, 2, 3, 2, 2))[0]
    if org.kind == "council":
        return rng.choices((
            ("Leader of the Council", "Councillor"),
            ("Deputy Leader of the Council", "Councillor"),
            (f"Cabinet Member for {rng.choice(SERVICES)}", "Councillor"),
            ("Chief Executive", ""),
            (f"Director of {rng.choice(SERVICES)}", ""),
            (f"Strategic Director for {rng.choice(SERVICES)}", ""),
            ("Chair of the Overview and Scrutiny Committee", "Councillor"),
        ), weights=(4, 2, 3, 3, 3, 1, 1))[0]
    if org.kind == "trust":
        return rng.choice((("Chief Executive", ""), ("Chair", ""), ("Medical Director", "Dr"),
                           ("Director of Nursing", ""), ("Chair of the Board of Trustees", "")))
    if org.kind == "university":
        return rng.choice(((f"Professor of {rng.choice(DISCIPLINES)}", "Professor"), ("Vice-Chancellor", "")))
    return rng.choice((("Chief Inspector", ""), (f"Commissioner for {rng.choice(AREAS)}", ""), ("Chair", ""),
                       ("Chief Executive", "")))


def make_actor(rng: random.Random, org: Org, used: set[str]) -> Actor:
    """A new person in `org`: no first name, surname or post in a document is given to two people."""
    while True:
        female = rng.random() < 0.5
        first = rng.choice(FEMALE if female else MALE)
        last = rng.choice(SURNAMES)
        if f"surname:{last}" not in used and f"first:{first}" not in used:
            used.update((f"surname:{last}", f"first:{first}"))
            break
    for _ in range(50):
        post, honorific = make_post(rng, org)
        if f"post:{org.name}:{post}" not in used:
            break
    used.add(f"post:{org.name}:{post}")
    suffix = ""
    if not honorific:
        roll = rng.random()
        if roll < 0.15:
            honorific = "Dr"
        elif roll < 0.22 and post.startswith(("Chair", "Chief", "Commissioner", "Vice", "Permanent")):
            honorific = "Dame" if female else "Sir"
            suffix = "DBE" if female else rng.choice(("KBE", ""))
        elif roll < 0.25 and not female and post.startswith("Chair"):
            honorific = "Lord"
        else:
            honorific = "Ms" if female else "Mr"
            if rng.random() < 0.08:
                suffix = rng.choice(("CBE", "OBE"))
    return Actor(first, last, female, post, org, honorific, suffix)


# -- prose -------------------------------------------------------------------------------------

class Writer:
    """Writes the prose of one document and records the dates it mentions, resolved."""

    def __init__(self, rng: random.Random, letter_date: dt.date, sender: Actor, recipient: Actor,
                 others: Sequence[Actor], topic: str, topic_short: str, place: str) -> None:
        self.rng = rng
        self.date = letter_date
        self.sender = sender
        self.recipient = recipient
        self.others = list(others)
        self.topic = topic
        self.topic_short = topic_short
        self.place = place
        self.introduced: set[str] = set()
        self.orgs_named: set[str] = set()
        self.dated: list[dict[str, Any]] = []
        self.deadlines: list[dict[str, Any]] = []
        self.used: set[int] = set()

    # people and bodies
    def _other(self, exclude: Actor | None = None) -> Actor:
        pool = [a for a in self.others if a is not exclude] or self.others
        return self.rng.choice(pool)

    def two_others(self) -> tuple[Actor, Actor]:
        if len(self.others) > 1:
            a, b = self.rng.sample(self.others, 2)
            return a, b
        return self.others[0], self.recipient

    def subj(self, a: Actor) -> str:
        """A person as the subject of a sentence (an apposition carries its own commas)."""
        if a.name not in self.introduced:
            self.introduced.add(a.name)
            titled = f"{a.honorific} {a.name}" if a.honorific in ("Councillor", "Professor", "Dr") else a.name
            return self.rng.choice((
                f"{a.name}, {a.post} at {a.org.in_prose},",
                f"{titled} ({a.post})",
                f"{possessive(a.org.in_prose)} {a.post}, {a.name},",
            ))
        return self.rng.choice((a.name, a.first, a.titled_short()))

    def obj(self, a: Actor) -> str:
        if a.name not in self.introduced:
            self.introduced.add(a.name)
            return self.rng.choice((
                f"{a.name} ({a.post}, {a.org.name})",
                f"{a.name}, {a.post} at {a.org.in_prose}",
                f"{a.addressed() if a.honorific != 'Minister' else a.name} ({a.post})",
            ))
        return self.rng.choice((a.name, a.first, a.titled_short()))

    def org(self, o: Org) -> str:
        if o.name in self.orgs_named:
            return o.short
        self.orgs_named.add(o.name)
        return o.in_prose

    # dates
    def past_day(self, *, capital: bool = False) -> str:
        d = self.date - dt.timedelta(days=self.rng.randint(7, 200))
        text = full_date(d) if (self.rng.random() < 0.3 or d.year != self.date.year) and \
            self.rng.random() < 0.7 else day_month(d)
        if self.rng.random() < 0.1:
            text = f"{ordinal(d.day)} {MONTHS[d.month - 1]}" + (f" {d.year}" if text[-4:].isdigit() else "")
        self.dated.append({"text": text, "value": d.isoformat(), "precision": "day"})
        return text

    def past_month(self) -> tuple[str, str]:
        """("last November", "last November") or ("in March", "March"): phrase and bare form."""
        m = self.date.month
        if m < 12 and (m == 1 or self.rng.random() < 0.5):
            month = self.rng.randint(m + 1, 12)
            value, text = f"{self.date.year - 1}-{month:02d}", f"last {MONTHS[month - 1]}"
            phrase = bare = text
        elif m > 2:
            month = self.rng.randint(1, m - 1)
            value, text = f"{self.date.year}-{month:02d}", MONTHS[month - 1]
            phrase, bare = f"in {text}", text
        else:
            month = self.rng.randint(1, 12)
            value, text = f"{self.date.year - 1}-{month:02d}", f"{MONTHS[month - 1]} {self.date.year - 1}"
            phrase, bare = f"in {text}", text
        self.dated.append({"text": text, "value": value, "precision": "month"})
        return phrase, bare

    def deadline(self, owner: Actor | None, *, capital: bool = False) -> str:
        """A date by which something is to be done, as a phrase starting with its preposition."""
        kind = self.rng.choices(("end", "by_day", "by_month", "no_later"), weights=(4, 4, 2, 2))[0]
        if kind == "end":
            d = self.date + dt.timedelta(days=self.rng.randint(40, 270))
            text = f"by the end of {MONTHS[d.month - 1]} {d.year}"
            value, precision, qualifier = d.isoformat()[:7], "month", "end"
        elif kind == "by_month":
            d = self.date + dt.timedelta(days=self.rng.randint(40, 270))
            text = f"by {MONTHS[d.month - 1]} {d.year}"
            value, precision, qualifier = d.isoformat()[:7], "month", "by"
        else:
            d = self.date + dt.timedelta(days=self.rng.randint(14, 200))
            written = full_date(d) if (d.year != self.date.year or self.rng.random() < 0.4) else day_month(d)
            text = f"{'no later than' if kind == 'no_later' else 'by'} {written}"
            value, precision, qualifier = d.isoformat(), "day", "by"
        if capital:
            text = text[0].upper() + text[1:]
        entry = {"text": text, "value": value, "precision": precision, "qualifier": qualifier,
                 "owner": owner.name if owner else None}
        self.deadlines.append(entry)
        self.dated.append({k: entry[k] for k in ("text", "value", "precision", "qualifier")})
        return text

    # sentences
    def opening(self) -> str:
        r = self.rng.randrange(6)
        if r == 0:
            return f"Thank you for your letter of {self.past_day()} about {self.topic}."
        if r == 1:
            return f"I am writing to update you on {self.topic}."
        if r == 2:
            return f"I wrote to you on {self.past_day()}, expressing my serious concerns about {self.topic}."
        if r == 3:
            phrase, _ = self.past_month()
            return f"Further to our meeting {phrase}, I am writing to set out the next steps on {self.topic}."
        if r == 4:
            return f"Thank you for meeting me on {self.past_day()} to discuss {self.topic}."
        return f"I am writing about {self.topic}, on which my officials have been in touch with yours."

    def sentence(self) -> str:
        """One sentence from the bank, each used at most once per document."""
        choices = [i for i in range(len(_SENTENCES)) if i not in self.used]
        if not choices:
            self.used.clear()
            choices = list(range(len(_SENTENCES)))
        i = self.rng.choice(choices)
        self.used.add(i)
        text = _SENTENCES[i](self)
        return text[0].upper() + text[1:]

    def paragraph(self, n: int) -> str:
        return " ".join(self.sentence() for _ in range(n))

    def bullets(self) -> tuple[str, list[str]]:
        lead = self._other()
        intro = f"I have therefore asked {self.obj(lead)} to:"
        short = self.recipient.org.short
        items = [
            f"assess {possessive(short)} plans for {self.topic_short}",
            "consider whether the proposed governance arrangements are sufficient",
            f"advise on the options for delivering {self.topic_short}",
            f"identify any immediate risks to residents of {self.place}",
            "set out what further support would be needed, and from whom",
        ]
        chosen = self.rng.sample(items, self.rng.randint(2, 4))
        if self.rng.random() < 0.6:
            chosen.append(f"report to me {self.deadline(lead)}")
        return intro, chosen

    def table(self) -> tuple[str, list[list[str]]]:
        rows = [["Milestone", "Date"]]
        d = self.date
        for label in ("Terms of reference agreed", "Interim report", "Final report"):
            d = d + dt.timedelta(days=self.rng.randint(14, 60))
            rows.append([label, full_date(d)])
            self.dated.append({"text": full_date(d), "value": d.isoformat(), "precision": "day"})
        return "The timetable is as follows:", rows

    def closing(self) -> str:
        return self.rng.choice((
            "Please do not hesitate to contact me if it would be helpful to discuss any of this further.",
            f"I am grateful for your continued commitment to improving {self.topic_short}, and I look forward "
            "to hearing from you.",
            "I look forward to your reply.",
            "My office would be happy to arrange a meeting if that would help.",
        ))


_SENTENCES: tuple[Callable[[Writer], str], ...] = (
    lambda w: f"{w.subj(w._other())} has advised my officials that significant work has been set in train "
              f"to stabilise {w.topic_short}.",
    lambda w: f"My officials have been working closely with {w.org(w.recipient.org)} over the past few months.",
    lambda w: (lambda a, b: f"I have asked {w.obj(a)} to lead a small team and to report back to me and to "
                            f"{w.obj(b)}.")(*w.two_others()),
    lambda w: f"I remain concerned that progress on {w.topic} has been slower than any of us would wish.",
    lambda w: f"On {w.past_day()} I wrote to you setting out my concerns about {w.topic_short}.",
    lambda w: f"When we met on {w.past_day()}, you agreed that {w.topic_short} would be reviewed.",
    lambda w: f"Since my letter of {w.past_day()}, {w.subj(w._other())} has met your officers on several occasions.",
    lambda w: f"As you know, {w.org(w._other().org)} published its report {w.past_month()[0]}, and its "
              "findings make difficult reading.",
    lambda w: f"{w.deadline(w.recipient, capital=True)} I wish to see a clear plan for {w.topic}, agreed by "
              f"{w.org(w.recipient.org)}.",
    lambda w: f"I would ask you to let me have your response {w.deadline(w.recipient)}.",
    lambda w: (lambda a: f"{w.subj(a)} will submit an interim report {w.deadline(a)}, with a final report to "
                         "follow.")(w._other()),
    lambda w: f"I should be grateful if you could confirm the arrangements {w.deadline(w.recipient)}.",
    lambda w: f"I am grateful to you and your officials for the constructive way in which you have engaged with "
              f"{w.org(w.sender.org)} on this.",
    lambda w: f"It is essential that the arrangements in {w.place} are stabilised before any further changes "
              "are made.",
    lambda w: "I would welcome your views on whether the proposals go far enough.",
    lambda w: "The report makes difficult reading, and I know that you share my determination to see rapid "
              "improvement.",
    lambda w: f"I understand that {w.org(w.recipient.org)} has already begun to recruit additional staff.",
    lambda w: "In the light of all of that, I have concluded that a different approach is needed.",
    lambda w: f"This will, of course, be a matter for {w.org(w.recipient.org)} to decide in the first instance.",
    lambda w: f"I recognise the financial pressures that {w.org(w.recipient.org)} faces this year, but they "
              "cannot be a reason for delay.",
    lambda w: "The independent panel will want to see evidence that the changes are being sustained.",
    lambda w: f"I have also discussed these issues with {w.obj(w._other())}, who shares my view.",
    lambda w: "We will publish the terms of reference shortly.",
    lambda w: "My officials will write separately about the detailed arrangements.",
    lambda w: f"{w.subj(w._other())} will act as the main point of contact for {w.org(w.sender.org)}.",
    lambda w: f"I was pleased to see the progress reported to {w.org(w._other().org)} {w.past_month()[0]}.",
    lambda w: f"The number of cases awaiting assessment has fallen from {w.rng.randint(300, 900)} to "
              f"{w.rng.randint(60, 290)} since {w.past_month()[1]}.",
    lambda w: f"I know that {w.subj(w._other())} has written to you separately about the governance "
              "arrangements.",
    lambda w: "I attach a note from my officials which sets out the position in more detail.",
    lambda w: f"Ministers have been clear that {w.topic_short} must not be allowed to drift.",
    lambda w: (lambda a: f"You will recall that {w.subj(a)} raised these concerns with me when we met "
                         f"{w.past_month()[0]}.")(w._other()),
    lambda w: f"Residents of {w.place} deserve services they can rely on, and I am determined that they "
              "should have them.",
)


# -- building one document ---------------------------------------------------------------------

def _orgs(rng: random.Random) -> tuple[Org, Org, list[Org], str]:
    place, other_place = rng.sample(PLACES, 2)
    dept = make_org(rng, "department", place)
    local = make_org(rng, rng.choices(("council", "trust", "university", "agency"), (6, 2, 1, 1))[0], place)
    kinds = [k for k in ("agency", "university", "trust", "council") if k != local.kind]
    extra = [make_org(rng, k, other_place if k == "university" else place)
             for k in rng.sample(kinds, 2)]
    if rng.random() < 0.6:
        return dept, local, extra, place
    return local, dept, extra, place


def build(seed: int, index: int, kind: str) -> Letter:
    rng = random.Random(f"dossier-bench:{seed}:{index}")
    sender_org, recipient_org, extra, place = _orgs(rng)
    used: set[str] = set()
    sender = make_actor(rng, sender_org, used)
    n_to = 1 if kind == "letter" or rng.random() < 0.75 else 2
    recipients = [make_actor(rng, recipient_org, used) for _ in range(n_to)]
    n_cc = rng.choice((1, 2, 3)) if rng.random() < 0.5 else 0
    cc_orgs = [sender_org, recipient_org, *extra]
    cc = [make_actor(rng, rng.choice(cc_orgs), used) for _ in range(n_cc)]
    mentioned = [make_actor(rng, rng.choice(cc_orgs), used) for _ in range(rng.randint(2, 4))]
    topic_t, topic_short = rng.choice(TOPICS)
    topic = topic_t.format(place=place)
    date = random_date(rng)
    date_text, precision = date_line(rng, date) if kind == "letter" else ("", "day")  # emails: the Date header
    marking = rng.choices((None, "OFFICIAL", "OFFICIAL-SENSITIVE"), (6, 3, 1))[0]
    subject = topic[0].upper() + topic[1:]
    w = Writer(rng, date, sender, recipients[0], mentioned + cc, topic, topic_short, place)
    letter = Letter(kind, date, date_text, precision, sender, recipients, cc, subject, marking, [],
                    curly=rng.random() < 0.5)
    if kind == "letter":
        _letter_blocks(rng, w, letter)
    else:
        _email_blocks(rng, w, letter)
    letter.mentioned = [a for a in mentioned if a.name in w.introduced]
    letter.dated, letter.deadlines = w.dated, w.deadlines
    return letter


def _body(rng: random.Random, w: Writer, n_paras: int, sentences: tuple[int, int]) -> list[tuple[str, Any]]:
    blocks: list[tuple[str, Any]] = [("para", f"{w.opening()} {w.paragraph(rng.randint(1, 2))}")]
    bullets_at = rng.randrange(1, n_paras) if n_paras > 1 and rng.random() < 0.5 else -1
    table_at = rng.randrange(1, n_paras) if n_paras > 2 and rng.random() < 0.25 else -1
    for i in range(1, n_paras):
        blocks.append(("para", w.paragraph(rng.randint(*sentences))))
        if i == bullets_at:
            intro, items = w.bullets()
            blocks += [("para", intro), ("bullets", items)]
        if i == table_at:
            intro, rows = w.table()
            blocks += [("para", intro), ("table", rows)]
    if not w.deadlines and rng.random() < 0.75:  # most letters ask for something by a date
        at = rng.choice([i for i, (kind, _) in enumerate(blocks) if kind == "para"])
        blocks[at] = ("para", f"{blocks[at][1]} I should like to receive an update {w.deadline(w.recipient)}.")
    return blocks


def _cc_phrase(rng: random.Random, a: Actor, form: str) -> str:
    name = f"{a.honorific} {a.name}" if a.honorific in ("Councillor", "Professor", "Dr") and \
        rng.random() < 0.4 else a.name
    return f"{name} – {a.post}" if form == "dash" else f"{name} ({a.post})"


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _letter_blocks(rng: random.Random, w: Writer, letter: Letter) -> None:
    s, r = letter.sender, letter.recipients[0]
    blocks = letter.blocks
    if letter.marking:
        blocks.append(("marking", letter.marking))
    head_name = s.name if s.honorific in ("Ms", "Mr") else s.addressed()
    head = [f"From {head_name}", s.post] if rng.random() < 0.5 else [s.post, head_name]
    head += [s.org.name, *s.org.address]
    if rng.random() < 0.5:
        head.append(f"Tel: 020 7946 0{rng.randint(100, 999)}   Email: {s.email}")
    blocks.append(("letterhead", head))
    refs = []
    if rng.random() < 0.4:
        letter.reference = rng.choice((f"{s.org.short.upper().removeprefix('THE ')[:4]}/{letter.date.year}/"
                                       f"{rng.randint(1, 9999):04d}", f"MC{letter.date.year}/{rng.randint(1, 99999):05d}"))
        refs.append(f"Our ref: {letter.reference}")
        if rng.random() < 0.3:
            refs.append(f"Your ref: {rng.choice('ABCDEFGH')}{rng.randint(100, 999)}/{rng.randint(10, 99)}")
    dated = f"Date: {letter.date_text}" if rng.random() < 0.1 else letter.date_text
    date_first = rng.random() < 0.6
    if refs:
        blocks.append(("refs", refs))
    if date_first:
        blocks.append(("date", dated))
    address = [r.addressed(), r.post, r.org.name, *r.org.address]
    if rng.random() < 0.2:
        address.append(f"By email: {r.email}")
    blocks.append(("address", address))
    if not date_first:
        blocks.append(("date", dated))
    blocks.append(("salutation", f"Dear {r.salutation(rng)},"))
    if rng.random() < 0.5:
        subject = rng.choice((letter.subject.upper(), f"Re: {letter.subject}", letter.subject))
        blocks.append(("subject", subject))
    blocks += _body(rng, w, rng.randint(3, 8), (2, 6))
    cc_form = rng.choices(("dash", "paren", "block"), (6, 2, 2))[0] if letter.cc else None
    closing = w.closing()
    if cc_form in ("dash", "paren"):
        closing += f" I am copying this letter to {_join([_cc_phrase(rng, a, cc_form) for a in letter.cc])}."
    blocks.append(("para", closing))
    blocks.append(("closing", rng.choices(("Yours sincerely,", "Yours ever,", "Yours sincerely"), (8, 1, 1))[0]))
    sig = [s.signature_name(rng), s.post]
    if rng.random() < 0.4:
        sig.append(s.org.name)
    blocks.append(("signature", sig))
    if cc_form == "block":
        blocks.append(("cc", [f"{a.name}, {a.post}" for a in letter.cc]))


def _email_blocks(rng: random.Random, w: Writer, letter: Letter) -> None:
    s, r = letter.sender, letter.recipients[0]
    letter.sent = dt.datetime.combine(letter.date, dt.time(rng.randint(8, 18), rng.randint(0, 59),
                                                            rng.randint(0, 59)))
    blocks = letter.blocks
    if letter.marking:
        blocks.append(("marking", letter.marking))
    greeting = rng.choice((f"Dear {r.salutation(rng)},", f"Hi {r.first},", f"{r.first},"))
    if len(letter.recipients) > 1:
        greeting = f"Dear {r.first} and {letter.recipients[1].first},"
    blocks.append(("salutation", greeting))
    blocks += _body(rng, w, rng.randint(2, 5), (1, 4))
    blocks.append(("para", w.closing()))
    blocks.append(("closing", rng.choice(("Best wishes,", "Kind regards,", "Many thanks,", "Regards,"))))
    sig = [s.name, s.post, s.org.name]
    if rng.random() < 0.5:
        sig.append(f"Tel: 020 7946 0{rng.randint(100, 999)}")
    blocks.append(("signature", sig))
    if rng.random() < 0.35:
        earlier = letter.sent - dt.timedelta(days=rng.randint(1, 20), hours=rng.randint(0, 5))
        earlier = earlier.replace(hour=rng.randint(8, 18))
        qw = Writer(rng, earlier.date(), r, s, w.others, w.topic, w.topic_short, w.place)
        qw.introduced = w.introduced
        letter.quoted = {
            "sender": r, "to": [s], "sent": earlier, "subject": letter.subject,
            "paras": [f"{qw.opening()} {qw.paragraph(1)}", qw.paragraph(rng.randint(1, 2)), "Best wishes,",
                      r.first],
            "style": rng.choice(("outlook", "gmail")),
        }
    if letter.marking and rng.random() < 0.5:
        letter.subject = f"{letter.marking}: {letter.subject}"
    if letter.quoted:
        letter.subject = f"RE: {letter.subject}"


# -- rendering ---------------------------------------------------------------------------------

def _typo(letter: Letter, text: str) -> str:
    return text.replace("'", "\u2019") if letter.curly else text


def render_text(letter: Letter, rng: random.Random, *, wrap: int | None) -> str:
    out: list[str] = []
    bullet = rng.choice(("•", "-", "*"))

    def para(text: str) -> None:
        out.append("\n".join(textwrap.wrap(text, wrap)) if wrap else text)

    for kind, value in letter.blocks:
        if kind == "signature" and letter.kind == "email":
            out[-1] += "\n" + "\n".join(value)  # "Best wishes," then the name on the next line
        elif kind in ("letterhead", "address", "refs", "signature"):
            out.append("\n".join(value))
        elif kind == "cc":
            out.append("\n".join([f"cc: {value[0]}", *(f"    {v}" for v in value[1:])]))
        elif kind == "bullets":
            out.append("\n".join(f"{bullet} {v}" for v in value))
        elif kind == "table":
            width = max(len(r[0]) for r in value) + 4
            out.append("\n".join(f"{r[0]:<{width}}{r[1]}" for r in value))
        elif kind == "closing" and letter.kind == "letter":
            out.append(value + "\n")
        elif kind == "para":
            para(value)
        else:
            out.append(value)
    return _typo(letter, "\n\n".join(out) + "\n")


def write_txt(letter: Letter, path: Path, rng: random.Random) -> None:
    text = render_text(letter, rng, wrap=rng.choice((None, None, 72, 78, 84)))
    newline = "\r\n" if rng.random() < 0.1 else "\n"
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))


def write_pdf(letter: Letter, path: Path, rng: random.Random) -> int:
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas as rl_canvas
    from reportlab.platypus import (
        KeepTogether,
        ListFlowable,
        ListItem,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    styles = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=styles["Normal"], fontName="Helvetica", fontSize=11, leading=14.5,
                          spaceAfter=8)
    right = ParagraphStyle("right", parent=body, alignment=TA_RIGHT, spaceAfter=0, fontSize=9.5, leading=12)
    plain = ParagraphStyle("plain", parent=body, spaceAfter=0)
    bold = ParagraphStyle("bold", parent=body, fontName="Helvetica-Bold")
    width, height = A4
    running = letter.sender.org.name
    reference = letter.reference or ""
    marking = letter.marking
    pages: list[int] = []

    class NumberedCanvas(rl_canvas.Canvas):
        """Draws the running header and "Page N of M" once the page count is known."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved)
            for state in self._saved:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            pages.append(total)
            super().save()

        def _decorate(self, total: int) -> None:
            """The footer, drawn after the page's text (the header went first, in `header`)."""
            if marking:
                self.setFont("Helvetica-Bold", 10)
                self.drawCentredString(width / 2, 8 * mm, marking)
            self.setFont("Helvetica", 8)
            self.drawRightString(width - 20 * mm, 14 * mm, f"Page {self._pageNumber} of {total}")

    def header(canv: Any, _doc: Any) -> None:
        """The marking and, from page 2, a running header: drawn before the page's text."""
        canv.saveState()
        if marking:
            canv.setFont("Helvetica-Bold", 10)
            canv.drawCentredString(width / 2, height - 12 * mm, marking)
        canv.setFont("Helvetica", 8)
        if canv.getPageNumber() > 1:
            canv.drawString(20 * mm, height - 18 * mm, running)
            if reference:
                canv.drawRightString(width - 20 * mm, height - 18 * mm, reference)
        canv.restoreState()

    def p(text: str, style: ParagraphStyle = body) -> Paragraph:
        return Paragraph(escape(_typo(letter, text)), style)

    story: list[Any] = []
    for kind, value in letter.blocks:
        if kind == "marking":
            continue  # drawn on every page
        if kind == "letterhead":
            story += [p(v, right) for v in value] + [Spacer(1, 8 * mm)]
        elif kind in ("refs", "date"):
            story += [p(v, plain) for v in ([value] if isinstance(value, str) else value)]
            story.append(Spacer(1, 5 * mm))
        elif kind == "address":
            story += [p(v, plain) for v in value] + [Spacer(1, 6 * mm)]
        elif kind == "signature":  # kept on one page with the closing line above it
            closing = story.pop()
            story.append(KeepTogether([closing, Spacer(1, 12 * mm), *(p(v, plain) for v in value)]))
        elif kind == "cc":
            story += [p(f"cc: {value[0]}", plain), *(p(v, plain) for v in value[1:])]
        elif kind == "subject":
            story.append(p(value, bold))
        elif kind == "bullets":
            story.append(ListFlowable([ListItem(p(v), leftIndent=14) for v in value], bulletType="bullet",
                                      start="•", leftIndent=14))
        elif kind == "table":
            t = Table([[p(c, plain) for c in row] for row in value], colWidths=[95 * mm, 50 * mm])
            t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "#444444"),
                                   ("BACKGROUND", (0, 0), (-1, 0), "#e0e0e0")]))
            story += [t, Spacer(1, 5 * mm)]
        elif kind == "closing":
            story.append(p(value, plain))
        else:
            story.append(p(value))
    while isinstance(story[-1], Spacer):
        story.pop()
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=22 * mm, rightMargin=22 * mm, topMargin=24 * mm,
                            bottomMargin=22 * mm, invariant=1, title=letter.subject,
                            author=f"{letter.sender.org.short.removeprefix('the ')} correspondence unit",
                            creator="Dossier benchmark generator")
    doc.build(story, onFirstPage=header, onLaterPages=header, canvasmaker=NumberedCanvas)
    path.write_bytes(buf.getvalue())
    return pages[0]


def write_docx(letter: Letter, path: Path, rng: random.Random) -> None:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    section = document.sections[0]
    if letter.marking:
        for part in (section.header, section.footer):
            para = part.paragraphs[0]
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            para.add_run(letter.marking).bold = True

    def lines(values: Iterable[str], align: Any = None) -> None:
        para = document.add_paragraph()
        if align is not None:
            para.alignment = align
        values = list(values)
        for i, v in enumerate(values):
            run = para.add_run(_typo(letter, v))
            if i < len(values) - 1:
                run.add_break()

    for kind, value in letter.blocks:
        if kind == "marking":
            continue  # in the header and footer
        if kind == "letterhead":
            lines(value, WD_ALIGN_PARAGRAPH.RIGHT)
        elif kind in ("address", "refs", "signature"):
            lines(value)
        elif kind == "cc":
            lines([f"cc: {value[0]}", *value[1:]])
        elif kind == "subject":
            document.add_paragraph().add_run(_typo(letter, value)).bold = True
        elif kind == "bullets":
            for v in value:
                document.add_paragraph(_typo(letter, v), style="List Bullet")
        elif kind == "table":
            table = document.add_table(rows=len(value), cols=2)
            table.style = "Table Grid"
            for r, row in enumerate(value):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = _typo(letter, cell)
        elif kind == "date" and rng.random() < 0.5:
            lines([value], WD_ALIGN_PARAGRAPH.RIGHT)
        else:
            document.add_paragraph(_typo(letter, value))
    props = document.core_properties
    stamp = dt.datetime.combine(letter.date, dt.time(9, 0))
    props.author = f"{letter.sender.last.lower().replace(' ', '')}{letter.sender.first[0].lower()}"
    props.last_modified_by = props.author
    props.title = letter.subject
    props.created = props.modified = stamp
    props.revision = 1
    buf = io.BytesIO()
    document.save(buf)
    path.write_bytes(_stable_zip(buf.getvalue()))


def _stable_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps so the same letter gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(2010, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()


def _tz(d: dt.datetime) -> dt.datetime:
    summer = 4 <= d.month <= 10  # near enough for a synthetic header; times stay within the working day
    return d.replace(tzinfo=dt.timezone(dt.timedelta(hours=1 if summer else 0)))


def _display(rng: random.Random, a: Actor) -> str:
    name = rng.choices((a.name, f"{a.last}, {a.first}", f"{a.name} ({a.org.short.removeprefix('the ')})"),
                       (7, 2, 1))[0]
    return formataddr((name, a.email))


def write_eml(letter: Letter, path: Path, rng: random.Random) -> None:
    assert letter.sent is not None
    msg = EmailMessage()
    msg["From"] = _display(rng, letter.sender)
    msg["To"] = ", ".join(_display(rng, a) for a in letter.recipients)
    if letter.cc:
        msg["Cc"] = ", ".join(_display(rng, a) for a in letter.cc)
    msg["Date"] = format_datetime(_tz(letter.sent))
    letter.date_text = msg["Date"]
    msg["Subject"] = _typo(letter, letter.subject)
    msg["Message-ID"] = f"<{rng.getrandbits(64):016x}.{letter.date:%Y%m%d}@{letter.sender.org.domain}>"
    text = render_text(letter, rng, wrap=None)
    q = letter.quoted
    if q:
        earlier = _tz(q["sent"])
        if q["style"] == "outlook":
            head = ["", "-----Original Message-----", f"From: {q['sender'].name} <{q['sender'].email}>",
                    f"Sent: {WEEKDAYS[earlier.weekday()]}, {full_date(earlier.date())} {earlier:%H:%M}",
                    f"To: {', '.join(a.name for a in q['to'])}", f"Subject: {q['subject']}", ""]
            text += "\n".join(head) + "\n" + _typo(letter, "\n\n".join(q["paras"])) + "\n"
        else:
            head = (f"\nOn {earlier:%a}, {earlier.day} {MONTH_ABBR[earlier.month - 1]} {earlier.year} at "
                    f"{earlier:%H:%M}, {q['sender'].name} <{q['sender'].email}> wrote:\n")
            quoted = "\n>\n".join("> " + para for para in q["paras"])
            text += head + _typo(letter, quoted) + "\n"
    msg.set_content(text)
    if rng.random() < 0.3:
        html = "".join(f"<p>{escape(line)}</p>" for line in text.split("\n\n"))
        msg.add_alternative(f"<html><body>{html}</body></html>", subtype="html")
    path.write_bytes(msg.as_bytes())


# -- the whole set -----------------------------------------------------------------------------

def file_name(index: int, fmt: str) -> str:
    return f"bench_{index:05d}.{fmt}"


def generate(out_dir: Path, count: int, formats: Sequence[str] = FORMATS, seed: int = 0) -> list[Path]:
    """Write `count` documents (formats in turn) and truth.json into out_dir; return the documents' paths."""
    formats = tuple(formats)
    unknown = set(formats) - set(FORMATS)
    if unknown or not formats:
        raise ValueError(f"formats must be drawn from {', '.join(FORMATS)}; got {', '.join(formats)}")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    truth: dict[str, Any] = {}
    for i in range(count):
        fmt = formats[i % len(formats)]
        letter = build(seed, i, "email" if fmt == "eml" else "letter")
        rng = random.Random(f"dossier-bench-render:{seed}:{i}:{fmt}")
        path = out_dir / file_name(i, fmt)
        pages = None
        if fmt == "txt":
            write_txt(letter, path, rng)
        elif fmt == "pdf":
            pages = write_pdf(letter, path, rng)
        elif fmt == "docx":
            write_docx(letter, path, rng)
        else:
            write_eml(letter, path, rng)
        entry = letter.truth(fmt)
        if pages is not None:
            entry["pages"] = pages
        truth[path.name] = entry
        paths.append(path)
    doc = {"schema": SCHEMA, "seed": seed, "count": count, "formats": list(formats),
           "about": "What each generated file states: the document's own date (ISO value cut to its precision, "
                    "and the words as written), sender, recipients and cc as canonical names (no honorifics), "
                    "kind, and the dated references and deadlines in its prose, resolved against its date.",
           "documents": truth}
    (out_dir / TRUTH_FILE).write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return paths


def parse_formats(value: str) -> tuple[str, ...]:
    formats = tuple(f.strip().lower().lstrip(".") for f in value.split(",") if f.strip())
    bad = [f for f in formats if f not in FORMATS]
    if bad or not formats:
        raise argparse.ArgumentTypeError(f"formats are a comma-separated subset of {','.join(FORMATS)}")
    return formats


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.generate", description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write into (created if need be)")
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--formats", type=parse_formats, default=FORMATS, help="e.g. txt,pdf,docx,eml")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    paths = generate(args.out, args.count, args.formats, args.seed)
    print(f"wrote {len(paths)} documents and {TRUTH_FILE} to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
