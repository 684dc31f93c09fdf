"""Privacy-domain vocabulary: the words staff use mapped to the words policies use.

Each group is a set of words and phrases that, in a privacy policy, name the same thing. A
question word in a group also matches the group's other members (at a discount). Phrases
("hang on to", "opt out") are read from the question before it is cut into words. This is
general domain knowledge of data-protection writing, not a list of any policy's questions.
"""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge.tokens import content_stems

GROUPS: tuple[tuple[str, ...], ...] = (
    # keeping data and for how long
    ("keep", "kept", "retain", "retention", "retained", "store", "stored", "storage", "hold",
     "held", "hang on to", "hold on to", "keeping", "preserve", "archive"),
    ("how long", "duration", "period", "years", "months", "until", "long", "time"),
    # deleting
    ("delete", "deletion", "deleted", "erase", "erasure", "wipe", "remove", "removal", "destroy",
     "destruction", "purge", "anonymise", "anonymize", "anonymised", "anonymized", "get rid of",
     "forget", "forgotten"),
    # marketing consent
    ("unsubscribe", "opt out", "opt-out", "opting out", "stop emails", "stop sending",
     "withdraw consent", "object to marketing", "no longer receive", "mailing list"),
    ("marketing", "newsletter", "newsletters", "promotional", "promotion", "promotions",
     "advertising", "mailshot"),
    ("consent", "permission", "agree", "agreement", "opt in", "opt-in"),
    ("withdraw", "withdrawn", "revoke", "cancel", "take back"),
    # regulators and complaints
    ("complain", "complaint", "complaints", "lodge", "grievance", "unhappy", "dissatisfied",
     "escalate"),
    ("regulator", "ico", "information commissioner", "commissioner", "supervisory authority",
     "supervisory", "data protection authority", "authority", "watchdog"),
    # money
    ("invoice", "invoices", "invoicing", "billing", "bill", "financial", "finance", "payment",
     "payments", "accounting", "accounts", "transaction", "bank", "card"),
    # client material
    ("footage", "video", "videos", "project files", "uploads", "upload", "uploaded",
     "materials", "raw", "recordings", "content", "assets", "media", "photos", "images"),
    # tracking
    ("cookie", "cookies", "tracking", "tracker", "trackers", "tracked", "pixel", "pixels",
     "beacon", "analytics"),
    # sharing
    ("share", "shared", "sharing", "disclose", "disclosure", "disclosed", "pass on", "hand over",
     "third parties", "third party", "recipients", "partners"),
    ("processor", "processors", "provider", "providers", "supplier", "suppliers", "vendor",
     "vendors", "subcontractor", "contractors", "service providers"),
    ("sell", "sold", "sale", "selling", "rent", "trade"),
    # transfers abroad
    ("abroad", "overseas", "international", "internationally", "transfer", "transferred",
     "transfers", "outside the uk", "outside", "countries", "country", "eea", "cross-border"),
    # people
    ("kids", "kid", "child", "children", "minor", "minors", "underage", "young", "parental",
     "parent", "teenager", "age"),
    ("staff", "employee", "employees", "candidate", "candidates", "applicant", "recruitment",
     "job", "employment"),
    # incidents and security
    ("breach", "breaches", "leak", "leaked", "hack", "hacked", "incident", "compromised",
     "lost"),
    ("security", "secure", "securely", "protect", "protection", "safeguard", "safeguards",
     "encrypt", "encryption", "encrypted", "safe"),
    # who to contact
    ("dpo", "data protection officer", "privacy officer", "privacy team", "contact", "reach",
     "get in touch", "write", "address", "email"),
    ("phone", "telephone", "call", "calls", "ring"),
    ("website", "site", "web", "online", "webpage"),
    # rights and requests
    ("access", "copy", "subject access", "sar", "dsar", "see", "obtain"),
    ("correct", "correction", "rectify", "rectification", "inaccurate", "amend", "fix",
     "update", "wrong"),
    ("respond", "response", "reply", "answer", "deadline", "within", "how quickly", "how soon"),
    ("request", "requests", "ask", "application", "enquiry", "enquiries", "inquiry"),
    ("extend", "extension", "extended", "longer", "more time", "further"),
    ("verify", "verification", "identity", "identification", "id", "proof", "prove"),
    ("right", "rights", "entitled", "entitlement"),
    ("complex", "complicated", "difficult", "numerous"),
    # what data and why
    ("data", "information", "details", "personal data", "personal information"),
    ("collect", "collected", "gather", "obtain", "receive", "capture", "acquire", "get"),
    ("use", "using", "process", "processing", "purpose", "purposes", "handle", "handling"),
    ("legal basis", "lawful basis", "legal grounds", "lawful ground", "legal ground",
     "basis", "grounds", "lawful", "justification"),
    ("controller", "responsible", "in charge", "owns", "owner", "who we are"),
    ("ai", "artificial intelligence", "machine learning", "model", "models", "algorithm",
     "automated"),
    ("training", "train", "trained"),
    ("ip", "ip address", "internet protocol", "device", "browser"),
    ("change", "changes", "update", "updates", "modify", "amend", "revise"),
    ("correspondence", "emails", "letters", "messages", "communications", "communication"),
    ("client", "clients", "customer", "customers", "user", "users", "people", "person",
     "persons", "individual", "individuals", "data subject", "data subjects", "someone",
     "visitor", "visitors"),
    ("aim", "aimed", "directed", "targeted", "intended", "designed", "meant"),
    ("block", "decline", "refuse", "disable", "turn off", "reject", "manage", "control"),
    ("sensitive", "special category", "health", "biometric"),
)

# Groups that name who or what every policy is about: a question word from one of these says
# little about where the answer is, so it weighs less than its rarity suggests.
GENERIC_GROUP_HEADS = ("data", "client", "use", "website")
GENERIC_WEIGHT = 0.25
# Who the data is about: in a policy that is simply "you", whatever the question calls them.
PEOPLE_GROUP_HEAD = "client"
PEOPLE_WEIGHT = 0.1
# Words too common in policies to stand for a multi-word entry on their own ("information
# commissioner" must not make every "information" a match for "regulator").
_COMMON_WORDS = """data information personal protection address email list marketing time office
service services party parties third uk take turn back get stop object send receive team privacy
more how officer category charge"""

SYNONYM_WEIGHT = 0.8
PHRASE_WEIGHT = 0.9


def _entry_stems(entry: str) -> tuple[str, ...]:
    return tuple(content_stems(entry.replace("-", " ")))


def _member_stems(entry: str) -> set[str]:
    stems = set(_entry_stems(entry))
    if len(entry.split()) > 1 or "-" in entry:
        common = set(content_stems(_COMMON_WORDS))
        stems = (stems - common) or stems
    return stems


@lru_cache(maxsize=1)
def people_stems() -> frozenset[str]:
    """Stems of the people group (clients, users, individuals, ...)."""
    return frozenset(stem for group in GROUPS if group[0] == PEOPLE_GROUP_HEAD
                     for entry in group for stem in _member_stems(entry))


@lru_cache(maxsize=1)
def generic_stems() -> frozenset[str]:
    """Stems of the generic groups (see GENERIC_GROUP_HEADS)."""
    return frozenset(stem for group in GROUPS
                     if group[0] in GENERIC_GROUP_HEADS and group[0] != PEOPLE_GROUP_HEAD
                     for entry in group for stem in _member_stems(entry))


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, set[str]], list[tuple[re.Pattern[str], set[str]]]]:
    """stem -> related stems, and (phrase pattern -> related stems) for multi-word entries."""
    by_stem: dict[str, set[str]] = {}
    phrases: list[tuple[re.Pattern[str], set[str]]] = []
    for group in GROUPS:
        members = {stem for entry in group for stem in _member_stems(entry)}
        for entry in group:
            stems = _entry_stems(entry)
            if len(entry.split()) > 1 or "-" in entry:
                pattern = re.compile(r"\b" + r"\W+".join(map(re.escape, re.split(r"[\s-]+",
                                                                                   entry))) + r"\b")
                phrases.append((pattern, members))
            if len(stems) == 1:
                by_stem.setdefault(stems[0], set()).update(members)
    return by_stem, phrases


def related(stem: str) -> set[str]:
    """Stems that mean the same as this one in a privacy policy (not including itself)."""
    return _tables()[0].get(stem, set()) - {stem}


def phrase_groups(question: str) -> list[set[str]]:
    """Stem groups named by multi-word phrases in the (lower-case) question."""
    lowered = question.lower()
    return [members for pattern, members in _tables()[1] if pattern.search(lowered)]
