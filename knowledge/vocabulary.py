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
     "forget", "forgotten", "taken off", "take off", "taken out", "drop", "dropped"),
    # marketing consent
    ("unsubscribe", "opt out", "opting out", "stop", "stop emails", "stop sending",
     "withdraw consent", "object to marketing", "no longer receive", "prefer not to receive"),
    ("marketing", "newsletter", "newsletters", "promotional", "promotion", "promotions",
     "advertising", "mailshot", "mailing list", "marketing emails", "promo", "promos"),
    ("consent", "permission", "agree", "opt in", "opted in", "express consent"),
    ("withdraw", "withdrawn", "revoke", "cancel", "take back", "change their mind",
     "change your mind", "change my mind", "changes their mind", "change his mind",
     "change her mind"),
    ("inactive", "inactivity", "engage", "engagement", "dormant", "lapsed", "interact",
     "ignore", "ignored", "ignores", "ignoring", "unresponsive", "gone quiet"),
    # regulators and complaints
    ("complain", "complaint", "complaints", "lodge", "grievance", "unhappy", "dissatisfied",
     "escalate"),
    ("regulator", "ico", "information commissioner", "commissioner", "supervisory authority",
     "data protection authority", "watchdog"),
    # money
    ("invoice", "invoices", "invoicing", "billing", "bill", "financial", "finance", "payment",
     "payments", "transaction", "bank", "card", "accounting", "accounting records",
     "financial records", "tax records"),
    ("buy", "buys", "purchase", "purchases", "order", "orders", "shop", "shopping"),
    # client material
    ("footage", "video", "videos", "project files", "uploads", "upload", "uploaded",
     "materials", "raw", "recordings", "assets", "photos", "images"),
    ("cctv", "camera", "cameras", "surveillance", "security cameras", "cctv footage"),
    # tracking
    ("cookie", "cookies", "tracking", "tracker", "trackers", "tracked", "pixel", "pixels",
     "beacon", "analytics"),
    # sharing
    ("share", "shared", "sharing", "disclose", "disclosure", "disclosed", "pass on", "hand over",
     "third parties", "third party", "recipients", "partners", "tell", "tells", "let know",
     "pass", "passed", "passes", "passing"),
    ("processor", "processors", "provider", "providers", "supplier", "suppliers", "vendor",
     "vendors", "subcontractor", "contractors", "service providers"),
    ("sell", "sold", "sale", "selling", "rent", "trade", "flog", "flogs", "flogging",
     "flogged"),
    ("company", "business", "organisation", "organization", "firm", "entity"),
    # "bought" alone would make buying a relative of selling ("we do not buy data from
    # brokers" is no answer to "do we sell data?"): only the company being bought counts
    ("merger", "acquisition", "acquired", "acquiring", "company bought", "business bought",
     "buyout", "takeover", "sale of assets", "business transfer", "sold", "bought out",
     "buy out", "buys out", "taken over", "take over", "takes over"),
    # transfers abroad
    ("abroad", "overseas", "international", "internationally", "transfer", "transferred",
     "transfers", "outside the uk", "outside", "countries", "country", "eea", "cross-border",
     "move", "moved", "moving", "send abroad"),
    ("uk", "united kingdom", "britain", "great britain", "england"),
    ("united states", "usa", "america"),
    # people
    ("kids", "kid", "child", "children", "minor", "minors", "underage", "young", "parental",
     "parent", "teenager", "age", "minimum age", "age limit", "age limits", "age restriction",
     "age requirement"),
    ("staff", "employee", "employees", "candidate", "candidates", "applicant", "recruitment",
     "job", "employment", "hire", "hiring", "recruit", "recruiters", "recruiting", "cv", "cvs",
     "resume", "job application", "job applications", "application", "applications"),
    # incidents and security
    ("breach", "breaches", "leak", "leaked", "hack", "hacked", "incident", "compromised"),
    ("security", "secure", "securely", "protect", "safeguard", "safeguards", "encrypt",
     "encryption", "encrypted", "safe"),
    # who to contact
    ("dpo", "data protection officer", "privacy officer", "privacy lead"),
    ("contact", "reach", "get in touch", "talk to", "speak to", "speak with", "write to",
     "email", "emails", "address",
     "mailing address", "postal address", "post", "by post"),
    ("postal", "post", "by post", "postal address", "mailing address", "letter", "write to"),
    ("phone", "telephone", "call", "calls", "ring", "phone number", "telephone number",
     "helpline", "helpline number", "contact number", "cold call", "cold calls",
     "cold calling", "unsolicited call", "unsolicited calls", "telemarketing", "telephone"),
    ("webcam", "webcams", "camera", "cameras", "video"),
    # recording a phone call is one thing, not "records" plus "calls"
    ("call recording", "call recordings", "record calls", "record phone calls",
     "recorded calls", "recording calls", "calls are recorded", "calls may be recorded",
     "calls recorded"),
    ("host", "hosted", "hosting", "server", "servers", "data centre", "data centres",
     "data center", "data centers"),
    # tax authorities: staff say HMRC or "the tax office", policies "HM Revenue & Customs"
    ("hmrc", "hm revenue", "revenue and customs", "revenue customs", "tax office",
     "tax authority", "tax authorities", "taxman", "irs", "internal revenue service"),
    ("donation", "donations", "donate", "donating", "donor", "donors", "asking for money",
     "ask for money",
     "fundraising", "appeal", "appeals", "gift", "gifts"),
    ("audio", "sound", "voice", "voices", "speech"),
    ("website", "site", "web", "online", "webpage", "app", "apps", "application",
     "mobile app", "platform", "service", "services"),
    # rights and requests
    ("access", "copy", "subject access", "sar", "dsar", "download", "export", "portability",
     "portable", "machine-readable"),
    ("forever", "indefinitely", "permanently", "no time limit"),
    ("stats", "statistics", "statistical", "metrics", "analytics", "web analytics"),
    ("correct", "correction", "rectify", "rectification", "inaccurate", "amend", "fix",
     "wrong"),
    ("respond", "response", "reply", "answer", "get back"),
    # how quickly: answered by a time span in the unit (shapes.py), whatever words surround it
    ("quickly", "fast", "promptly", "soon", "how quickly", "how soon", "deadline",
     "time limit", "turnaround"),
    ("request", "requests", "sar", "dsar", "subject access request", "enquiry", "enquiries",
     "inquiry", "inquiries"),
    ("extend", "extension", "extended", "longer"),
    ("verify", "verification", "identity", "identification", "proof", "prove", "check",
     "checks", "id", "ids", "photo id"),
    ("right", "rights", "entitled", "entitlement"),
    ("complex", "complicated", "difficult", "numerous"),
    ("choose", "chosen", "select", "selected", "selection", "pick", "picked", "vet", "vetted"),
    ("give", "gives", "provide", "provided", "supply", "submit", "hand over", "send us",
     "sends us"),
    ("decide", "decides", "determine", "determined", "assess", "consider", "work out"),
    ("office", "offices", "premises", "headquarters", "head office", "registered office",
     "registered address", "headquartered"),
    # the end of a customer relationship
    ("leave", "leaves", "leaving", "end of relationship", "relationship ends",
     "end of the business relationship", "business relationship", "relationship",
     "contract ends", "after the contract", "close account", "closes their account",
     "close their account", "closed account", "terminate", "termination", "no longer a customer",
     "stop using", "cancel their account"),
    ("quote", "quotes", "quotation", "price", "prices", "pricing", "estimate"),
    ("mechanism", "mechanisms", "standard contractual clauses", "contractual clauses",
     "adequacy", "adequate", "addendum", "idta", "sccs", "binding corporate rules"),
    ("vulnerability", "vulnerabilities", "security holes", "weaknesses", "penetration test",
     "pen test", "tested", "test", "testing"),
    ("often", "frequently", "regularly", "how often", "annually"),
    ("fee", "fees", "charge", "charges", "cost", "costs", "free", "pay"),
    # what data and why
    ("data", "information", "info", "details", "personal data", "personal information",
     "personal details"),
    # what every policy is about
    ("privacy", "private", "privacy policy", "privacy notice", "policy", "policies"),
    ("collect", "collected", "gather", "obtain", "receive", "capture", "log", "logs", "logged",
     "track", "tracks", "monitor", "monitoring", "pick up", "picks up", "picked up"),
    ("analyse", "analyze", "analysed", "analyzed", "analysing", "analyzing", "analysis",
     "study", "studies", "examine", "look at", "looks at", "looking at"),
    ("browse", "browses", "browsing", "visit", "visits", "visited", "visiting", "visitor",
     "visitors"),
    ("software", "system", "systems", "tool", "tools", "program", "programs", "programme"),
    # the "soft opt-in": people who already buy from us
    ("existing customer", "existing customers", "already a customer", "current customer",
     "current customers", "existing client", "existing clients", "already a client"),
    ("run", "runs", "conduct", "conducts", "carry out", "carries out", "operate"),
    # "action a request" is staff wording for processing it
    ("use", "using", "process", "processing", "handle", "handling", "action", "actioned",
     "actioning"),
    ("purpose", "purposes", "reason", "reasons", "why"),
    ("legal basis", "lawful basis", "legal grounds", "lawful ground", "legal ground",
     "basis", "grounds", "lawful", "justification"),
    ("controller", "responsible", "owns", "owner"),
    ("ai", "artificial intelligence", "machine learning", "model", "models", "algorithm"),
    # Data "collected automatically" is not a decision made by a machine, and "profiling"
    # stems like "Profile Data" (a username and preferences).
    ("automated decision", "automated decisions", "automated decision-making",
     "automated processing", "solely automated", "automated means"),
    ("training", "train", "trained"),
    ("ip", "ip address", "internet protocol", "device", "browser"),
    ("change", "changes", "update", "updated", "updates", "modify", "amend", "revise",
     "revised"),
    ("correspondence", "letters", "messages", "communications", "communication"),
    ("client", "clients", "customer", "customers", "user", "users", "people", "person",
     "persons", "individual", "individuals", "data subject", "data subjects", "someone",
     "visitor", "visitors", "player", "players", "patient", "patients", "member", "members",
     "subscriber", "subscribers", "shopper", "shoppers", "consumer", "consumers", "guest",
     "guests", "account holder", "account holders"),
    ("representative", "representatives", "rep", "reps"),
    ("minimum", "at least", "or older", "and older", "or over", "how old", "old enough"),
    ("aim", "aimed", "directed", "targeted", "intended", "designed", "meant"),
    ("block", "decline", "refuse", "disable", "turn off", "switch off", "reject", "say no to",
     "said no to", "turn down", "not accept"),
    ("sensitive", "special category", "health", "biometric"),
    ("location", "locations", "gps", "geolocation", "geo-location", "whereabouts"),
    ("advertising", "advertisers", "advertiser", "ads", "adverts", "targeted", "personalised ads",
     "personalized ads", "ad networks"),
    ("account", "accounts", "profile", "login", "log in", "sign up", "signup", "register",
     "registration"),
    ("password", "passwords", "credentials"),
    ("police", "law enforcement", "government", "authorities", "court order", "subpoena",
     "legal process", "required by law"),
    ("social media", "social network", "social networks", "facebook", "twitter", "instagram",
     "linkedin", "meta", "tiktok"),
    ("anonymous", "anonymised", "anonymized", "aggregate", "aggregated", "de-identified",
     "pseudonymised", "pseudonymized"),
    ("identifier", "identifiers", "device id", "advertising id", "idfa", "imei", "mac address"),
    ("address book", "phonebook", "contact list"),
    ("notify", "notified", "notification", "tell", "told", "alert", "warning", "warn",
     "notice", "heads up", "in advance", "advance notice"),
    ("see", "view", "visible", "viewable", "display", "displayed", "shown", "look at"),
    ("2fa", "mfa", "two factor", "two-factor", "two-factor authentication", "multi-factor",
     "multi factor", "two step verification", "2 step verification"),
    ("mandatory", "required", "compulsory", "obligatory", "must", "have to", "need to",
     "optional"),
    ("source", "sources", "where from", "come from", "comes from", "obtain from",
     "receive from"),
    ("microphone", "camera access", "photos access"),
    ("california", "ccpa", "cpra"),
    ("law", "laws", "legislation", "regulation", "regulations", "statute", "gdpr", "uk gdpr",
     "data protection act", "data protection law", "data protection laws"),
    ("comply", "complies", "compliance", "compliant", "follow", "follows", "adhere", "abide"),
)

# Groups that name who or what every policy is about: a question word from one of these says
# little about where the answer is, so it weighs less than its rarity suggests.
GENERIC_GROUP_HEADS = ("data", "use", "website", "privacy", "company")
GENERIC_WEIGHT = 0.25
# Who the data is about: in a policy that is simply "you", whatever the question calls them.
PEOPLE_GROUP_HEAD = "client"
PEOPLE_WEIGHT = 0.1

# Verbs that say how data moves or is dealt with in general ("do we work with kids", "do we
# send data abroad"): the question is about what follows them, so they weigh like generic words.
LIGHT_WORDS = frozenset(content_stems("work works working deal deals dealing send sends sending "
                                      "sent stuff"))

SYNONYM_WEIGHT = 0.8
STOP_PHRASE_MARK = "~"
# "do we have to action it within a month": a modal, not a question about what is mandatory.
_MODALS = frozenset({"have to", "need to"})
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


# A phrase that keeps only one of these after stop words ("taken off" -> "taken") must not
# make that verb a synonym everywhere ("take" is not "delete").
_LIGHT_VERBS = frozenset(content_stems("take taken get got make made turn put set give go come "
                                       "switch bring hand pass send pick buy"))


def _usable(entry: str, term: Term) -> bool:
    """May the entry's stems stand for the group in a policy's text?"""
    return bool(term) and not (len(entry.split()) > 1 and len(term) == 1
                               and term[0] in _LIGHT_VERBS)


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, set[Term]], list[tuple[re.Pattern[str], Term, bool, set[Term]]]]:
    """stem -> related terms, and (phrase pattern, its stems, usable, related terms)."""
    by_stem: dict[str, set[Term]] = {}
    phrases: list[tuple[re.Pattern[str], Term, bool, set[Term]]] = []
    for group in GROUPS:
        members = {term for entry in group if _usable(entry, term := _term(entry))}
        for entry in group:
            term = _term(entry)
            if not term and len(entry.split()) > 1 and entry not in _MODALS:
                # All stop words ("say no to"): the phrase still names its group, through a
                # marker no text holds, so it never matches literally.
                term = (STOP_PHRASE_MARK + "_".join(entry.split()),)
            if not term:
                continue
            usable = _usable(entry, term) and not term[0].startswith(STOP_PHRASE_MARK)
            if len(entry.split()) > 1 or "-" in entry:
                words = re.split(r"[\s-]+", entry)
                # Each word may carry an ending ("handing over", "opted out"), and one word
                # may come between two ("stop us sending").
                pattern = re.compile(r"\b" + r"\w{0,4}(?:\W+\w+)?\W+".join(map(re.escape, words))
                                     + r"\w{0,4}\b")
                phrases.append((pattern, term, usable, members))
            if len(term) == 1 and usable:
                by_stem.setdefault(term[0], set()).update(members)
    phrases.sort(key=lambda phrase: -len(phrase[1]))
    return by_stem, phrases


def related(stem: str) -> set[Term]:
    """Terms that mean the same as this stem in a privacy policy (not including itself)."""
    return _tables()[0].get(stem, set()) - {(stem,)}


def phrase_groups(question: str) -> list[tuple[Term, bool, set[Term]]]:
    """(phrase stems, whether those stems may match literally, related terms) for each
    vocabulary phrase in the question, longest first."""
    lowered = question.lower()
    return [(term, usable, members) for pattern, term, usable, members in _tables()[1]
            if pattern.search(lowered)]
