"""The one shared vocabulary of the analysis: the calendar, titles, possessives and determiners,
given names, common capitalised words, and the cue words of posts and organisations.

Every rule module takes its words from here, so a month, a title or an organisation's head-word is
spelled once. Generic English and UK usage only: nothing here comes from any particular case's
papers.
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
    "coun", "cllrs", "clls", "councillors",  # "Coun Roe"; "Cllrs A Roe, T Vale" opens a list of members
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

# -- actors: given names, common words, posts and organisations ---------------------------------
def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Common given names (English and international). A first word found here makes "Given Surname" a
# likely person; it is one cue among several, never the only way a person is found.
GIVEN_NAMES = _words("""
aaron abdul abigail abdullah adam adrian agnes ahmed aidan aisha alan alastair alex alexander
alexandra alexis alfie alfred ali alice alicia alison alistair amanda amber amelia amir amy ana andrea
andreas andrew andy angela angus anita ann anna anne annette anthony antonio archie arthur ashley
audrey barbara barry beatrice ben benjamin bernard beth bethany betty bill billy bob brenda brian
bridget bruce bryan callum cameron carl carla carlos carol caroline carolyn catherine cathy charles
charlie charlotte chloe chris christian christina christine christopher claire clara colin
connor craig daisy dan daniel danielle darren david dawn dean deborah debbie declan denise dennis
derek diana diane dominic donald donna doris dorothy douglas duncan dylan eddie edith edmund edward
eileen elaine eleanor elena eli elizabeth ella ellen ellie elsie emily emma eric erin ethan eve
evelyn fatima felix fiona florence frances francesca francis frank fraser freddie frederick gail
gareth gary gavin gemma geoffrey george georgia gerald gerry gillian gordon graham grant greg
gregory hamish hannah harold harriet harry hazel heather helen henry hilary holly howard hugh hugo
iain ian imogen irene isaac isabel isabella jack jackie jacob jake james jamie jan jane
janet janice jason jean jeff jeffrey jennifer jenny jeremy jessica jill jim jo joan joanna joanne
joe joel john jon jonathan joseph josephine josh joshua joyce judith judy julia julie
justin karen kate katherine kathleen kathryn katie kay keith kelly kenneth kerry kevin kieran kim
kirsty laura lauren lawrence leah lee leo leon leonard lesley leslie lewis liam lily linda lindsay
lisa liz lorraine louis louise lucy luke lynn lynne madeleine maggie malcolm margaret maria marian
marie marion mark martin martina mary matthew maureen max megan melanie michael michelle mike
miriam mohammed mohammad molly monica morgan muhammad nancy naomi natalie nathan neil nicholas
nick nicola nigel noah norma oliver olivia oscar owen pamela patricia patrick paul paula
pauline penelope peter philip philippa phillip phoebe rachel ralph raymond rebecca richard rita
rob robert robin roger ronald rosemary ross roy ruby rupert russell ruth ryan sally sam samantha
samuel sandra sarah scott sean sharon sheila shirley simon sophie stanley stella stephanie stephen
steve steven stewart stuart sue susan suzanne sylvia tanya teresa terence terry theresa thomas
tim timothy toby tom tommy tony tracey tracy trevor valerie vanessa victoria vincent violet
vivienne walter wayne wendy william yvonne zoe zachary
debra neal marc reg ken glenn glen rhys dafydd gwen sian huw bethan owain ffion
aditya akosua amara amina anand ananya anil anjali arjun asha ayesha deepak divya farah femi
gurpreet hassan hussain imran jaspreet kamal kwame layla mei ming nadia nikhil nisha obi omar
priya rahul rajesh ravi rohan sanjay sara shreya sunil tariq wei yusuf zainab zara
aleksander anders andrzej ines ingrid jean-luc jean-pierre jens joao jorge jose juan karl katarzyna
klaus lars luca lucia magnus marco marek mateo matteo miguel nikolai olga pablo paolo pedro piotr
pierre rafael sergio sofia stefan sven tomasz ulrich viktor
""")

# Capitalised words that begin sentences or headings but are not names (with NOT_NAME_WORDS).
COMMON_WORDS = _words("""
about above across after afterwards again against ahead albeit all almost alongside already
although always am among amongst another any anyone anything are around because been before
being below besides between both but can cannot could despite did do does doing done during
each either else even ever every everyone everything except few finally first firstly following
further furthermore given had has have having he hence her here hers herself him himself his how
however i if in including indeed instead into is it its itself just last lastly later least less
let like likewise many may me meanwhile might mine moreover most much must my myself neither
never nevertheless next nine none nor nothing now of off often once one only onto other others
otherwise ought our ours out over overall perhaps rather really second secondly separately
several shall she should similarly since six some someone something sometimes still such ten than
that the their theirs them themselves then there therefore these they third thirdly those though
three through throughout thus together too two under unless until up upon us very via was we
were what whatever whether which while whilst who whom whose why will within without would yet
you yours yourself yourselves welcome following appendix ahead ago good great leading one two
latest breaking exclusive opinion analysis comment feature interview update live watch listen from by to
and or with for on at north south east west northern southern eastern western greater central
upper lower new old hi hello hey greetings cheers thanks station airport stadium arena harbour bay
valley
""")

# Words that name a post. A phrase holding one, set beside a name, gives that person's post.
POST_WORDS = _words("""
minister ministers secretary director directors chief executive commissioner commissioners chair
chairman chairwoman chairperson president head officer manager leader member lead deputy
assistant parliamentary permanent adviser advisor coordinator co-ordinator clerk principal
governor treasurer registrar ombudsman mayor chancellor editor correspondent reporter consultant
superintendent constable commander attorney solicitor counsel trustee lecturer professor
inspector worker analyst councillor dean provost controller auditor regulator spokesperson
spokesman spokeswoman partner fellow researcher specialist dcs ceo cfo coo director-general
ambassador envoy tsar czar judge magistrate coroner inspector-general chair-elect vice-chair
headteacher headmaster headmistress governor-general sheriff steward bishop nurse doctor surgeon
speaker barrister advocate surveyor architect engineer accountant planner
interim non-executive non teacher
""")

# Posts written as capitals before a name: "HMI Roe" (His Majesty's Inspector), "PCSO Ann Roe",
# "DCI Roe", "CEO Ann Roe". Before a capitalised name they act as its title.
POST_ACRONYMS = frozenset({"HMI", "HMCI", "PCSO", "PC", "DC", "DS", "DI", "DCI", "DSI", "DSU", "DCS", "CEO",
                           "SIO", "MEP", "MP"})

# Short forms of given names: "Rob" for Robert, "Bill" for William. A short form and its full name,
# with the same surname, are one person ("Rob Roe" and "Robert Roe").
_DIMINUTIVE_LINES = """
andrew andy drew | anthony tony ant | alexander alex sandy | alexandra alex sandra | benjamin ben |
catherine kate cathy cath kath | katherine kate kathy kath katie | christopher chris kit | christine chris |
daniel dan danny | david dave davy | deborah debbie deb | edward ed ted eddie ned | elizabeth liz beth lizzie betty |
frederick fred freddie | gregory greg | jennifer jenny jen | jeffrey jeff | james jim jimmy jamie |
john jack johnny | joseph joe joey | joanne jo | joanna jo | kenneth ken kenny | matthew matt |
michael mike mick mikey | nicholas nick nicky | nicola nicky nikki | patrick pat paddy | patricia pat tricia trish |
peter pete | philip phil | phillip phil | raymond ray | rebecca becky becca | richard rick dick rich richie |
robert rob bob bobby robbie bert | ronald ron ronnie | samuel sam sammy | samantha sam sammy |
stephen steve stevie | steven steve stevie | susan sue susie | terence terry | thomas tom tommy |
timothy tim | victoria vicky vic | william bill will billy liam | margaret maggie meg peggy |
gerald gerry | gerard gerry | charles charlie chas | henry harry hal | lawrence larry laurie |
leonard len lenny | douglas doug | donald don | nathaniel nat | nathan nat | abigail abby |
jacqueline jackie | judith judy | pamela pam | penelope penny | rosemary rosie | rosalind ros |
theodore theo | zachary zach | vincent vince | stuart stu | gillian gill jill
"""


def _diminutives(text: str) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for group in text.split("|"):
        words = group.split()
        if not words:
            continue
        full, shorts = words[0], words[1:]
        for short in shorts:
            out.setdefault(short, set()).add(full)
            out.setdefault(full, set()).add(short)
    return {k: frozenset(v) for k, v in out.items()}


DIMINUTIVES = _diminutives(_DIMINUTIVE_LINES)


def same_given_name(a: str, b: str) -> bool:
    """Whether two lower-case given names can be one person's: equal, or one a short form of the
    other ("rob" / "robert"); two short forms of one name are not matched ("chris" / "kit")."""
    return a == b or b in DIMINUTIVES.get(a, ())

# Organisation cue words: "X Council", "X Board", "Department for X", "University of X".
ORG_TAIL_CUES = _words("""
Council Board Trust Agency Authority Association Commission Inspectorate Partnership Panel
Committee Service Services Group Office Foundation Society Institute Directorate Ministry
Department University College School Parliament Government Assembly Network Federation Union
Corporation Company Ltd Limited plc PLC LLP Court Tribunal Alliance Forum Centre Center Unit
Taskforce Police Constabulary Bank Fund Charity Hospital Academy Executive Cabinet Senate Congress
Secretariat Bureau Consortium Cooperative Co-operative Coalition Institution Library Museum
Observatory Party Locality Inc LLC GmbH
""")
# Cue words that may take "of/for X" after them: "Department for Education", "Council of Europe".
ORG_HEAD_CUES = _words("""
Department Ministry Office Directorate University School College Institute Commission Board Council
Association Society Academy Court Bank Agency Federation Union Committee Panel Trust Service
Services Foundation Centre Center Inspectorate Secretariat Bureau Alliance Network Museum Library
""")
# Cue words that need a word of their own before them to be an organisation.
ORG_WEAK_CUES = frozenset({"Executive", "Cabinet", "Programme", "Unit", "Group", "Service", "Services",
                           "Office", "Government", "Centre", "Center", "Fund", "Court", "Forum"})
# Words before a council that do not make it a particular council ("the City Council").
COUNCIL_KIND_WORDS = frozenset({"city", "county", "borough", "district", "town", "parish", "metropolitan",
                                "london", "unitary", "local", "combined", "the"})
# A capitalised phrase followed by one of these is a law or an instrument, not an organisation.
LEGISLATION_WORDS = frozenset({"Act", "Acts", "Bill", "Bills", "Regulations", "Regulation", "Order", "Rules",
                               "Measure", "Directive", "Statute", "Code", "Guidance", "Strategy",
                               "Framework", "Plan", "Report", "Review"})

# Capitals that are not organisations: posts, post-nominals handled elsewhere, labels and markings.
NOT_ACRONYMS = _words("""
DCS CEO CFO COO CIO MD PA PS PPS SoS RSVP NB OK TV AM PM UK GB US USA ID PDF URL FAQ ASAP FYI TBC TBA
NA ETA AOB QA CC BCC FW FWD RE REF TEL FAX DATE FROM TO SUBJECT DEAR AND THE OF FOR IN ON AT BY OR
OFFICIAL SECRET SENSITIVE RESTRICTED PROTECT PRIVATE CONFIDENTIAL URGENT DRAFT FINAL NOT NOTE NOTES
ACTION ACTIONS ANNEX APPENDIX SUMMARY BACKGROUND AGENDA MINUTES ITEM PAGE EMBARGOED ENDS
MR MRS MS DR ST RT HON CLLR PROF LORD LADY SIR DAME ENC ENCL ATTN FAO PTO ETC IE EG AKA VS
HQ HR IT KPI OCR
""")

# Verbs of speech that mark the name beside them as a person: "said Dr Chen", "Ann Roe said".
SPEECH_VERBS = frozenset({"said", "says", "told", "added", "wrote", "explained", "warned", "argued",
                          "claimed", "insisted", "confirmed", "announced", "commented", "stated",
                          "asked", "replied", "revealed", "noted", "welcomed", "urged"})

# -- the life of an action: past forms of the verbs actions are made of ---------------------------
# irregular past tenses and participles -> the verb as an action names it ("sent" -> "send")
IRREGULAR_PAST = {
    "sent": "send", "made": "make", "gave": "give", "given": "give", "wrote": "write", "written": "write",
    "held": "hold", "met": "meet", "took": "take", "taken": "take", "brought": "bring", "told": "tell",
    "set": "set", "put": "put", "began": "begin", "begun": "begin", "undertook": "undertake",
    "undertaken": "undertake", "drew": "draw", "drawn": "draw", "sought": "seek", "found": "find",
    "laid": "lay", "led": "lead", "paid": "pay", "spoke": "speak", "spoken": "speak", "did": "do",
    "done": "do", "showed": "show", "shown": "show", "got": "get", "chose": "choose", "chosen": "choose",
    "built": "build", "kept": "keep", "left": "leave", "read": "read", "shared": "share", "rang": "ring",
    "withdrew": "withdraw", "withdrawn": "withdraw", "forwarded": "forward", "said": "say", "saw": "see",
    "came": "come", "went": "go", "knew": "know", "thought": "think", "felt": "feel", "heard": "hear",
    "understood": "understand", "became": "become"
}
# verbs that one report of progress may use for another ("submitted" its plan ~ "send" its plan)
VERB_FAMILIES: tuple[frozenset[str], ...] = (
    frozenset({"send", "submit", "provide", "share", "forward", "deliver", "return", "supply", "give", "copy"}),
    frozenset({"publish", "issue", "release"}),
    frozenset({"complete", "finish", "finalise", "conclude"}),
    frozenset({"agree", "approve", "sign", "endorse", "adopt"}),
    frozenset({"hold", "convene", "arrange", "meet"}),
    frozenset({"appoint", "name", "recruit"}),
    frozenset({"write", "reply", "respond"}),
    frozenset({"prepare", "draft", "produce", "develop", "draw"}),
)
