"""The one shared vocabulary of the analysis: the calendar, titles, possessives and determiners.

Every rule module takes its words from here (and the actor word lists from `actors_vocab`), so a
month, a title or a determiner is spelled once. Generic English and UK usage only: nothing here
comes from any particular case's papers.
"""

from __future__ import annotations

import re

# -- the calendar ---------------------------------------------------------------------------------
MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december")
MONTHS: dict[str, int] = {name: i + 1 for i, name in enumerate(MONTH_NAMES)}
MONTHS.update({name[:3]: i + 1 for i, name in enumerate(MONTH_NAMES)})
MONTHS["sept"] = 9
MONTH_ABBREVIATIONS = tuple(name[:3] for name in MONTH_NAMES)

# a month's name or abbreviation ("Sept.", "Mar"), and a month's full name ("sept" counts as full)
MONTH_PATTERN = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
                 r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?")
MONTH_FULL_PATTERN = (r"(?:january|february|march|april|may|june|july|august|september|sept|october|november"
                      r"|december)\b")

WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAYS: dict[str, int] = {name: i for i, name in enumerate(WEEKDAY_NAMES)}
WEEKDAY_ABBREVIATIONS = tuple(name[:3] for name in WEEKDAY_NAMES)
# a weekday's name or abbreviation ("Thurs", "Wed"), without what may follow it
WEEKDAY_STEM = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?"
WEEKDAY_PATTERN = rf"{WEEKDAY_STEM}\b\.?"
WEEKDAY_FULL_PATTERN = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"

# -- possessives and determiners ------------------------------------------------------------------
POSSESSIVE = re.compile(r"['’]s$")  # "the Council's", "Ann Roe’s"
POSSESSIVE_DETERMINERS = frozenset({"my", "your", "our", "their", "his", "her", "its"})

# -- titles and post-nominals of persons ---------------------------------------------------------
HONORIFICS = frozenset({
    "mr", "mrs", "ms", "miss", "mx", "dr", "doctor", "prof", "professor", "sir", "dame", "lord", "lady",
    "baroness", "baron", "viscount", "earl", "cllr", "councillor", "clr", "rt", "hon", "right",
    "coun", "cllrs", "councillors",  # "Coun Roe"; "Cllrs A Roe, T Vale" opens a list of members
    "honourable", "the", "rev", "revd", "reverend", "father", "canon", "bishop", "archbishop",
    "judge", "justice", "insp", "inspector", "supt", "superintendent", "sergeant", "sgt", "detective", "det",
})
POST_NOMINALS = frozenset({
    "MP", "MSP", "MS", "AM", "MEP", "MLA", "CBE", "OBE", "MBE", "KBE", "DBE", "GBE", "CB", "KCB", "GCB",
    "CMG", "KCMG", "GCMG", "CVO", "LVO", "MVO", "KCVO", "GCVO", "QC", "KC", "JP", "DL", "PC", "FRS",
    "FBA", "FRSE", "FREng", "FMedSci", "FRCP", "FRCS", "FRCPsych", "FRSA", "FAcSS", "PhD", "DPhil",
    "MD", "MA", "MSc", "BA", "BSc", "LLB", "LLM", "MBA", "BEM", "QPM", "RN", "Bt", "Bart", "Esq",
    "Jr", "Jnr", "Sr", "Snr", "OM", "CH", "KG", "KT", "VC", "GC", "DSO", "MC", "CEng", "MRCP",
})
PARTICLES = frozenset({
    "de", "du", "da", "di", "del", "della", "der", "den", "van", "von", "le", "la", "dos", "das",
    "ten", "ter", "bin", "binti", "al", "el", "y", "e", "st",
})
COURTESY_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx"})  # titles that say nothing of a post
# titles written with a full stop that does not end the sentence ("Dr.", "Cllr.", "Rt. Hon."); "Inspector."
# may end one
ABBREVIATED_TITLES = frozenset({"mr", "mrs", "ms", "mx", "dr", "prof", "rev", "revd", "cllr", "cllrs", "clr", "coun",
                                "insp", "supt", "rt", "hon", "st", "fr", "sr", "jr", "jnr", "snr", "esq"})
