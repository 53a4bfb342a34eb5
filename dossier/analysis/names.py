"""Person names: recognising a name as written and reducing it to its canonical form.

The canonical form drops honorifics before the name (Lord, Sir, Professor, Councillor, Mr, Rt Hon,
The ...), post-nominals after it (MP, CBE, QC ...) and a possessive 's, and keeps particles
("Le", "de", "van") and hyphenated or O'/Mc names as written. Only generic vocabulary lives here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dossier.analysis.vocab import HONORIFICS, MONTH_NAMES, PARTICLES, POST_NOMINALS, WEEKDAY_NAMES

# Words that show a capitalised line is an organisation, an address, a post or plain prose.
NOT_NAME_WORDS = frozenset({
    # organisations and addresses
    "department", "dept", "ministry", "council", "office", "street", "road", "rd", "lane", "avenue",
    "house", "building", "buildings", "square", "place", "centre", "center", "school", "university",
    "college", "institute", "trust", "board", "committee", "agency", "authority", "service", "services",
    "group", "limited", "ltd", "plc", "llp", "inc", "association", "society", "foundation",
    "partnership", "commission", "directorate", "unit", "team", "division", "government", "parliament",
    "borough", "county", "city", "district", "region", "regional", "town", "village", "policy", "care",
    "children", "childrens", "families", "education", "health", "social", "economics", "science",
    "sciences", "political", "politics", "hospital", "police", "chambers", "floor", "suite", "box",
    "way", "drive", "crescent", "gardens", "terrace", "tower", "wing", "campus", "estate", "business",
    "news", "press", "media", "report", "panel", "review", "inquiry", "update", "plan", "programme",
    "summary", "appendix", "annex", "contents", "introduction", "background", "minutes", "agenda",
    "action", "actions", "note", "notes", "letter", "memo", "memorandum", "subject", "ref",
    "reference", "date", "page", "tel", "fax", "email", "e-mail", "telephone", "mobile", "web",
    "website", "direct", "line", "private", "public", "confidential", "official", "sensitive",
    "secret", "restricted", "urgent", "draft", "final", "national", "local", "royal", "federation",
    "union", "company", "court", "tribunal", "ombudsman", "law", "act", "bill", "order", "state",
    "management", "finance", "resources", "people", "affairs",
    # headings, captions and field labels of minutes, reports and web pages
    "meeting", "meetings", "debate", "debates", "chamber", "session", "present", "apologies", "apology",
    "absent", "attendance", "attendees", "arising", "matters", "address", "postcode", "phone", "position",
    "signature", "name", "role", "elect", "designate", "emeritus", "photo", "photos", "picture", "pictures", "image", "images", "credit", "photography",
    "communities", "justice", "treasury", "cabinet", "home", "foreign", "defence", "transport",
    "culture", "energy", "environment", "work", "pensions", "development", "international", "england",
    "scotland", "wales", "ireland", "britain", "kingdom", "uk", "gov", "www", "http", "https",
    "scottish", "british", "european", "american", "budget", "budgets",  # "the Scottish Budget": no name
    # posts
    "minister", "ministers", "secretary", "director", "chief", "executive", "commissioner", "chair",
    "chairman", "chairwoman", "chairperson", "president", "head", "officer", "manager", "leader",
    "member", "members", "lead", "deputy", "assistant", "under", "parliamentary", "permanent",
    "adviser", "advisor", "coordinator", "co-ordinator", "clerk", "principal", "governor", "treasurer",
    "registrar", "mayor", "chancellor", "vice", "editor", "correspondent", "reporter", "consultant",
    "constable", "commander", "attorney", "general", "solicitor", "counsel", "trustee", "lecturer",
    "worker", "practitioner", "analyst", "specialist", "staff", "colleague", "colleagues", "all",
    "everyone", "friend", "friends", "madam", "sirs", "customer", "parent", "parents",
    "resident", "residents", "partner", "partners", "student", "students",
    # capitalised function words and calendar words
    "a", "an", "and", "or", "of", "for", "to", "from", "with", "by", "in", "on", "at", "as", "i", "we",
    "you", "he", "she", "it", "they", "this", "that", "these", "those", "my", "our", "your", "his",
    "her", "their", "dear", "yours", "sincerely", "faithfully", "regards", "best", "kind", "wishes",
    "thanks", "thank", "please", "re", "cc", "copy", "copies", "enc", "encl", "encs", "attn", "fao",
    "today", "tomorrow", "yesterday", "new", *WEEKDAY_NAMES, *(m for m in MONTH_NAMES if m != "may"), "more", "related", "comments", "share", "read",
    "click", "here", "signed", "pp", "not", "no", "yes", "if", "but", "so", "also", "when", "where",
})

_UP = "A-ZÀ-ÖØ-Þ"
_LO = "a-zß-öø-ÿ"
_CAPS = rf"[{_UP}](?:['’][{_UP}])?[{_UP}]+"  # ROE, O'HARA, D'ARCY
_WORD = re.compile(
    rf"(?:(?:O['’]|D['’]|Mc|Mac|Fitz)?[{_UP}][{_LO}]+|{_CAPS})"  # Ivo, O'Hara, McKay, ROE
    rf"(?:['’][{_UP}{_LO}][{_LO}]+)?"  # D'Arcy-like inner apostrophe
    rf"(?:-(?:(?:O['’]|Mc|Mac)?[{_UP}][{_LO}]+|{_CAPS}))*"  # Roe-Bee, ROE-BEE
)
_MC = re.compile(r"\bMc([a-zß-öø-ÿ])")
_INITIAL = re.compile(rf"[{_UP}]\.(?:[{_UP}]\.)*|[{_UP}]")
_ACRONYM = re.compile(rf"[{_UP}][{_UP}&]{{1,5}}\.?")  # a trailing "FRCGP" after a mixed-case name
_SPACES = re.compile(r"\s+")
ORG_ENDING = re.compile(r".{4,}(?:orate|tion|sion|ship|ology|ment)$", re.IGNORECASE)  # Inspectorate, Commission
_EDGE = re.compile(r"^[\s\"'“”‘’(\[{<*•·–—\-,;:.]+|[\s\"'“”‘’)\]}>*,;:]+$")
_BRACKETED = re.compile(r"\s*[(\[].*?[)\]]\s*")
_LOCAL_PART_SPLIT = re.compile(r"[._+]+")
_POSSESSIVE = re.compile(r"(?<=\w\w)['’](?:s|S)$")
_GLUED_ABBREVIATION = re.compile(r"\b(Rt|Hon|Dr|Mr|Mrs|Ms|Prof|Revd|Rev|Cllr|Coun)\.(?=[A-Z])")  # "Hon.Ann Roe"


@dataclass(frozen=True, slots=True)
class NameParts:
    """A name as written, split into honorifics, the name proper and post-nominals."""

    written: str
    honorifics: tuple[str, ...]
    name: tuple[str, ...]
    post_nominals: tuple[str, ...]

    @property
    def canonical(self) -> str:
        return " ".join(_recase(self.name))


def _key(token: str) -> str:
    return token.strip(".,").lower()


def is_honorific(token: str) -> bool:
    return _key(token) in HONORIFICS


def is_post_nominal(token: str) -> bool:
    return token.strip(".,") in POST_NOMINALS


def _title(token: str) -> str:
    """One word written in capitals, title-cased: "O'HARA" -> "O'Hara", "ROE-BEE" -> "Roe-Bee",
    "MCKAY" -> "McKay" ("MAC..." stays "Mac...": "Macey" and "Machin" are not "MacEy", "MacHin")."""
    return _MC.sub(lambda m: "Mc" + m.group(1).upper(), token.title())


def _recase(tokens: tuple[str, ...]) -> list[str]:
    """Title-case a name written all in capitals ("ANN ROE" -> "Ann Roe"); else keep it."""
    if tokens and all(t.isupper() for t in tokens if len(t) > 1) and any(len(t) > 2 for t in tokens):
        return [_title(t) if len(t) > 1 else t for t in tokens]
    return list(tokens)


def split_name(text: str) -> NameParts:
    """Split off honorifics (front) and post-nominals (back); no judgement on what is left."""
    written = _EDGE.sub("", _SPACES.sub(" ", _GLUED_ABBREVIATION.sub(r"\1. ", text.replace("’", "'"))))
    tokens = [t for t in written.replace(",", " , ").split() if t != ","]
    if tokens:
        tokens[-1] = _POSSESSIVE.sub("", tokens[-1])
    front: list[str] = []
    while len(tokens) > 1 and is_honorific(tokens[0]):
        front.append(tokens.pop(0))
    if tokens and is_honorific(tokens[0]) and not front:
        front.append(tokens.pop(0))  # a lone honorific ("Sir"): no name is left
    back: list[str] = []
    shouting = all(t.isupper() for t in tokens if t.isalpha())
    while len(tokens) > 1 and (is_post_nominal(tokens[-1]) or (not shouting and _ACRONYM.fullmatch(tokens[-1]))):
        back.insert(0, tokens.pop())
    name = tuple(_POSSESSIVE.sub("", t).rstrip(".") if not _INITIAL.fullmatch(t) else t for t in tokens)
    return NameParts(written, tuple(front), tuple(t for t in name if t), tuple(back))


def canonical_name(text: str) -> str:
    """The name without honorifics, post-nominals or possessive: "Councillor Sir Al Bee MP's" -> "Al Bee"."""
    return split_name(text).canonical


def is_name_token(token: str) -> bool:
    if token.lower() in PARTICLES:
        return True
    return bool(_WORD.fullmatch(token) or _INITIAL.fullmatch(token))


def person_name(text: str, *, min_tokens: int = 2) -> str | None:
    """The canonical name if `text` is just a person's name (with honorifics/post-nominals), else None.

    A bare name needs `min_tokens` words ("Ann Roe"); with an honorific one is enough ("Lord Bee").
    Lines with organisation, address, post or function words are not names.
    """
    if len(text) > 120:
        return None
    parts = split_name(text)
    name = parts.name
    if not name or len(name) > 5 or len(parts.written) > 70:
        return None
    if len(name) < (1 if parts.honorifics else min_tokens):
        return None
    if not all(is_name_token(t) for t in name):
        return None
    if any(_key(t) in NOT_NAME_WORDS or ORG_ENDING.match(t) for t in name if t.lower() not in PARTICLES):
        return None
    if name[0].lower() in PARTICLES and name[0][0].islower():
        return None  # a name does not start with a lower-case particle
    if name[-1].lower() in PARTICLES or _INITIAL.fullmatch(name[-1]):
        return None  # nor end with one or with an initial
    if all(_INITIAL.fullmatch(t) for t in name):
        return None
    return parts.canonical


def surname_first(text: str) -> str | None:
    """A "Surname, Given" name turned round ("Roe, Ann" -> "Ann Roe", "Le Roux, Ann" -> "Ann Le Roux");
    None if `text` is not one.

    A surname of several words with a given name of several words ("Ann Roe, Al Bee" is two people)
    counts only when the surname's first words are particles ("Van der Berg, Ann Marie")."""
    if text.count(",") != 1:
        return None
    surname, given = (part.split() for part in text.split(","))
    if not surname or not given or len(surname) > 3 or len(given) > 3:
        return None
    if len(surname) > 1 and len(given) > 1 and not all(t.lower() in PARTICLES for t in surname[:-1]):
        return None
    if all(is_post_nominal(t) or is_honorific(t) for t in given):
        return None  # "Roe, MP" or "Roe, Dr"
    turned = " ".join([*given, *surname])
    return turned if person_name(turned) else None


def name_tokens(name: str) -> tuple[str, ...]:
    """Lower-cased words of a canonical name, for matching forms against each other."""
    return tuple(t.lower().strip(".") for t in name.split())


def same_person(short: str, full: str) -> bool:
    """True when `short` could be `full` cut short: "Ann" / "Van Roe" / "Ann Van Roe"."""
    a, b = name_tokens(short), name_tokens(full)
    if not a or not b or len(a) > len(b):
        return False
    return b[: len(a)] == a or b[-len(a):] == a


def name_from_address(display: str, address: str = "") -> str | None:
    """A person's name from an email display name, else from the mailbox's local part.

    "Roe, Ann (Org)" -> "Ann Roe"; "ann.roe@example.org" -> "Ann Roe".
    """
    shown = _BRACKETED.sub(" ", display or "").strip().strip("\"'")
    if shown and "@" not in shown:
        name = canonical_name(surname_first(shown) or shown)
        if name:
            return name
    local = (address or display or "").split("@")[0].strip().strip("<>\"'")
    if not local:
        return None
    words = [w for w in _LOCAL_PART_SPLIT.split(local) if w and not w.isdigit()]
    return " ".join("-".join(p.capitalize() for p in w.split("-")) for w in words) or None
