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
    ("how long", "duration", "period", "years", "months", "until", "time"),
    # deleting
    ("delete", "deletion", "deleted", "erase", "erasure", "wipe", "remove", "removal", "destroy",
     "destruction", "purge", "anonymise", "anonymize", "anonymised", "anonymized", "get rid of",
     "forget", "forgotten", "taken off", "take off", "taken out"),
    # marketing consent
    ("unsubscribe", "opt out", "opting out", "stop", "stop emails", "stop sending",
     "withdraw consent", "object to marketing", "no longer receive"),
    ("marketing", "newsletter", "newsletters", "promotional", "promotion", "promotions",
     "advertising", "mailshot", "mailing list", "marketing emails"),
    ("consent", "permission", "agree", "opt in", "opted in", "express consent"),
    ("withdraw", "withdrawn", "revoke", "cancel", "take back"),
    ("inactive", "inactivity", "engage", "engagement", "dormant", "lapsed", "interact"),
    # regulators and complaints
    ("complain", "complaint", "complaints", "lodge", "grievance", "unhappy", "dissatisfied",
     "escalate"),
    ("regulator", "ico", "information commissioner", "commissioner", "supervisory authority",
     "data protection authority", "watchdog"),
    # money
    ("invoice", "invoices", "invoicing", "billing", "bill", "financial", "finance", "payment",
     "payments", "transaction", "bank", "card"),
    ("buy", "buys", "purchase", "purchases", "order", "orders", "shop", "shopping"),
    # client material
    ("footage", "video", "videos", "project files", "uploads", "upload", "uploaded",
     "materials", "raw", "recordings", "assets", "photos", "images", "cctv", "camera",
     "cameras"),
    # tracking
    ("cookie", "cookies", "tracking", "tracker", "trackers", "tracked", "pixel", "pixels",
     "beacon", "analytics"),
    # sharing
    ("share", "shared", "sharing", "disclose", "disclosure", "disclosed", "pass on", "hand over",
     "third parties", "third party", "recipients", "partners"),
    ("processor", "processors", "provider", "providers", "supplier", "suppliers", "vendor",
     "vendors", "subcontractor", "contractors", "service providers"),
    ("sell", "sold", "sale", "selling", "rent", "trade"),
    ("company", "business", "organisation", "organization", "firm", "entity"),
    ("merger", "acquisition", "acquired", "acquiring", "bought", "takeover", "sale of assets",
     "business transfer", "sold"),
    # transfers abroad
    ("abroad", "overseas", "international", "internationally", "transfer", "transferred",
     "transfers", "outside the uk", "outside", "countries", "country", "eea", "cross-border"),
    ("uk", "united kingdom", "britain", "great britain", "england"),
    ("united states", "usa", "america"),
    # people
    ("kids", "kid", "child", "children", "minor", "minors", "underage", "young", "parental",
     "parent", "teenager", "age"),
    ("staff", "employee", "employees", "candidate", "candidates", "applicant", "recruitment",
     "job", "employment"),
    # incidents and security
    ("breach", "breaches", "leak", "leaked", "hack", "hacked", "incident", "compromised"),
    ("security", "secure", "securely", "protect", "safeguard", "safeguards", "encrypt",
     "encryption", "encrypted", "safe"),
    # who to contact
    ("dpo", "data protection officer", "privacy officer", "privacy lead"),
    ("contact", "reach", "get in touch", "write to", "email", "emails", "address"),
    ("phone", "telephone", "call", "calls", "ring", "phone number", "telephone number",
     "helpline", "helpline number", "contact number"),
    ("audio", "sound", "voice", "voices", "speech"),
    ("website", "site", "web", "online", "webpage"),
    # rights and requests
    ("access", "copy", "subject access", "sar", "dsar", "obtain"),
    ("correct", "correction", "rectify", "rectification", "inaccurate", "amend", "fix",
     "wrong"),
    ("respond", "response", "reply", "answer", "deadline", "how quickly", "how soon",
     "quickly", "fast", "promptly", "soon"),
    ("request", "requests", "application", "enquiry", "enquiries", "inquiry", "inquiries"),
    ("extend", "extension", "extended", "longer", "more time"),
    ("verify", "verification", "identity", "identification", "proof", "prove", "check",
     "checks"),
    ("right", "rights", "entitled", "entitlement"),
    ("complex", "complicated", "difficult", "numerous"),
    ("fee", "fees", "charge", "charges", "cost", "costs", "free", "pay"),
    # what data and why
    ("data", "information", "details", "personal data", "personal information"),
    ("collect", "collected", "gather", "obtain", "receive", "capture", "acquire"),
    ("use", "using", "process", "processing", "handle", "handling"),
    ("purpose", "purposes", "reason", "reasons", "why"),
    ("legal basis", "lawful basis", "legal grounds", "lawful ground", "legal ground",
     "basis", "grounds", "lawful", "justification"),
    ("controller", "responsible", "in charge", "owns", "owner"),
    ("ai", "artificial intelligence", "machine learning", "model", "models", "algorithm"),
    ("automated", "automatic", "automatically", "profiling", "automated decision"),
    ("training", "train", "trained"),
    ("ip", "ip address", "internet protocol", "device", "browser"),
    ("change", "changes", "update", "updated", "updates", "modify", "amend", "revise",
     "revised"),
    ("correspondence", "letters", "messages", "communications", "communication"),
    ("client", "clients", "customer", "customers", "user", "users", "people", "person",
     "persons", "individual", "individuals", "data subject", "data subjects", "someone",
     "visitor", "visitors"),
    ("aim", "aimed", "directed", "targeted", "intended", "designed", "meant"),
    ("block", "decline", "refuse", "disable", "turn off", "switch off", "reject"),
    ("sensitive", "special category", "health", "biometric"),
)

# Groups that name who or what every policy is about: a question word from one of these says
# little about where the answer is, so it weighs less than its rarity suggests.
GENERIC_GROUP_HEADS = ("data", "use", "website")
GENERIC_WEIGHT = 0.25
# Who the data is about: in a policy that is simply "you", whatever the question calls them.
PEOPLE_GROUP_HEAD = "client"
PEOPLE_WEIGHT = 0.1

SYNONYM_WEIGHT = 0.8
PHRASE_WEIGHT = 0.9


Term = tuple[str, ...]  # stems that must all be present: one word, or a phrase's words


def _term(entry: str) -> Term:
    return tuple(content_stems(entry.replace("-", " ")))


def _group_terms(head: str) -> frozenset[Term]:
    return frozenset(term for group in GROUPS if group[0] == head
                     for term in map(_term, group) if term)


@lru_cache(maxsize=1)
def people_terms() -> frozenset[Term]:
    """Terms of the people group (clients, users, individuals, ...)."""
    return _group_terms(PEOPLE_GROUP_HEAD)


@lru_cache(maxsize=1)
def generic_terms() -> frozenset[Term]:
    """Terms of the generic groups (see GENERIC_GROUP_HEADS)."""
    return frozenset().union(*(_group_terms(head) for head in GENERIC_GROUP_HEADS))


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, set[Term]], list[tuple[re.Pattern[str], Term, set[Term]]]]:
    """stem -> related terms, and (phrase pattern, its stems, related terms), longest first."""
    by_stem: dict[str, set[Term]] = {}
    phrases: list[tuple[re.Pattern[str], Term, set[Term]]] = []
    for group in GROUPS:
        members = {term for term in map(_term, group) if term}
        for entry in group:
            term = _term(entry)
            if not term:
                continue
            if len(entry.split()) > 1 or "-" in entry:
                words = re.split(r"[\s-]+", entry)
                pattern = re.compile(r"\b" + r"\W+".join(map(re.escape, words)) + r"\b")
                phrases.append((pattern, term, members))
            if len(term) == 1:
                by_stem.setdefault(term[0], set()).update(members)
    phrases.sort(key=lambda phrase: -len(phrase[1]))
    return by_stem, phrases


def related(stem: str) -> set[Term]:
    """Terms that mean the same as this stem in a privacy policy (not including itself)."""
    return _tables()[0].get(stem, set()) - {(stem,)}


def phrase_groups(question: str) -> list[tuple[Term, set[Term]]]:
    """(phrase stems, related terms) for each vocabulary phrase in the question, longest first."""
    lowered = question.lower()
    return [(term, members) for pattern, term, members in _tables()[1]
            if pattern.search(lowered)]
