"""classify: what the sender of an InboundMail asks for now, with scores and evidence.

Rules (rules.py) match over the folded text. Each match is checked against its clause: a
negation just before it cancels it, a condition or reservation ("if I unsubscribe...", "I
reserve the right to complain") weakens it, and a retraction in its sentence ("ignore my
email asking you to delete...") cancels it. Per intent, the best match of each rule counts
and they combine as a noisy-or; an intent holds at 0.5. A chaser ("still no reply") lifts
requests referred to in the same mail. The body decides; the subject counts only when the
body shows no sign of any request. Automatic mail never carries intents.

The clause reader (clauses.py) reads the body first: the rules see it with wrapped lines
joined, and each match is then checked against its sentence's kind once, in
`_read_clauses` (past descriptions, boilerplate, phishing and vendor notices, threats and
reservations, questions in an access letter, marketing lists, pronoun objects).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from intents.clauses import (
    Reading,
    grievances,
    read_clauses,
    regulator_reports,
    verb_requests,
    verdict,
)
from intents.failures import FAILURES
from intents.forwards import read_forwarded
from intents.languages import is_read
from intents.learned import learned_reading
from intents.models import RIGHTS_INTENTS, Classification, Evidence, InboundMail
from intents.reminders import own_quoted_message
from intents.rules import (
    CONDITION,
    DATA_CONTEXT,
    DATA_CONTEXT_CHARS,
    MARKETING_CONTEXT,
    MARKETING_CONTEXT_CHARS,
    NEGATION,
    PAST,
    PRIVACY_CONTEXT,
    QUESTION,
    REFERENCE,
    REPORT,
    RESERVATION,
    RETRACTION,
    SERVICE_GRIEVANCE,
    Rule,
    candidate_starts,
)
from intents.rules_rights import (
    ANAPHORA,
    MARKETING_COVERED,
    names_wrong_fact,
    speaks_of_marketing,
)
from intents.textnorm import clause_start, fold, sentence_bounds

THRESHOLD = 0.5
POST_NEGATION = re.compile(r"\W*(?:\w+\W+){0,2}?nicht\b")
# A match that itself begins "asked for..." names an earlier request.
PAST_ASK = re.compile(r"(?:asked|requested|i asked)\b")
PAST_PARTICIPLE = re.compile(r"\w+ed\b|took\b|taken\b")
CONDITION_FACTOR = 0.3
# "If I cancel my membership, will you delete my data?": a question about what follows the
# sender's own act asks how things work, not for the act ("if possible, could you delete..."
# and "if I send my ID, can you delete..." still ask).
CONDITIONAL_QUESTION = re.compile(r"\W*if (?:i|we)\b(?! (?:may|might|could)\b)[^.!?\n]{0,120}?,\W*"
                                  r"(?:will|do|does|is|are|did) (?:you|it|my|the|they)\b")
# A chaser about money or goods, with nothing data-protection in its sentence, chases nothing.
BILLING = re.compile(r"\b(?:invoices?|payments?|balance|bills?|refunds?|parcels?|deliver(?:y|ies)"
                     r"|quotes?|quotation|estimate"
                     r"|orders?|amount due|rechnung\w*|zahlung\w*|factura\w*|pago|facture\w*"
                     r"|paiement)\b")
CHASED = re.compile(r"\b(?:requests?|sar|dsar|data|details|information|info|reply|response"
                    r"|answer|deletion|erasure|unsubscrib\w*|access|gdpr|privacy|ico|account"
                    r"|address|gallery|profile)\b")
# "If I don't hear back by Friday I'm going to the ICO": a condition on the organisation's
# inaction, or on its going on ("if I get one more", "se ricevo ancora"), before a complaint
# rule is a threat, which counts in full (its negation is the condition's, not the
# complaint's); so does a threat opened by "otherwise" in the languages the clause cues do
# not read. The labelled sets count a conditional threat to go to the regulator as a
# complaint.
THREAT = re.compile(
    r"\b(?:if|unless)\b[^.!?]{0,60}\b(?:don'?t|do not|doesn'?t|haven'?t|have not|hasn'?t"
    r"|has not|isn'?t|is not|aren'?t|are not|wasn'?t|won'?t|can'?t|cannot|fail\w*|not|no)\b"
    r"|\bif (?:i|we|she|he|they) (?:get|receive|see|am sent|are sent|hear)\b[^.!?]{0,30}"
    r"\b(?:one more|any more|another|more|again)\b"
    r"|\bif (?:this|it|these|they|the \w+) (?:continues?|goes on|happens again|carr\w+ on|keep)"
    r"|\bshould (?:i|we) not\b"
    # "hvis ... ikke", "jos en saa", "ha nem", "os na", "ak ne...", "kui ... ei"
    r"|\b(?:hvis|dersom|kui)\b[^.!?]{0,60}\b(?:ikke|ikkje|ei)\b|\bos na\b"
    r"|\b(?:jos (?:en|emme|ette|ei)|ha nem|ak ne\w*|ce ne\w*|jei ne\w*|ja ne\w*)\b"
    # "se entro 10 giorni non ...", "si no recibo", "wenn ich nicht", "als ik geen",
    # "jesli nie", "pokud ne...", "daca nu", "om jag inte", "αν δεν"
    r"|\b(?:se|si|wenn|falls|als|indien|jesli|jezeli|pokud|daca|om|αν|εαν)\b[^.!?]{0,60}"
    r"\b(?:non|no|nicht|kein\w*|niet|geen|nie|ne(?!ed|ver|w|xt)\w*|nu|inte|δεν)\b"
    # A condition on it going on: "si recibo otro", "jos viesteja tulee viela".
    r"|\b(?:se|si|wenn|falls|als|jesli|pokud|daca|om|hvis|jos|ha)\b[^.!?]{0,60}"
    r"\b(?:ancora|encore|otro|otra|noch|nog|weer|viela|taas|igen|igjen|znowu|opet|iar|din nou"
    r"|altra|altro|autre)\b"
    # "otherwise", where no clause cue file says it.
    r"|\b(?:muuten|ellers|annars|jinak|inak|inace|altfel|in caz contrar|in lipsa"
    r"|w przeciwnym (?:razie|wypadku)|διαφορετικα|aksi takdirde|kulonben|egyebkent)\b")
CHASE_LIFT = 0.3
REFERENT_CHARS = 160
MAX_CHARS = 20_000  # what a person writes by hand fits; the rest of a huge body is not read
MAX_EVIDENCE = 3
SHORT_BODY_WORDS = 25  # a body this short may leave the request to the subject line
AFFIRMATION_WORDS = 12
AFFIRMATION = re.compile(
    r"^\W*(?:yes|yep|yeah|ok|okay|sure|correct|confirmed|i confirm|please (?:go ahead|proceed)"
    r"|go ahead|please do|si|sí|ja|oui|d'accord|claro|genau|einverstanden)\b"
)
CONFIRMABLE = ("access", "erasure", "opt_out")
# A reply's subject names the thread; a thank-you in it closes the thread, asks nothing.
REPLY_SUBJECT = re.compile(r"^\s*(?:re|aw|sv|wg|fw|fwd|tr|rv|r)\s*(?:\[\d+\])?\s*:", re.IGNORECASE)
CLOSING = re.compile(r"\b(?:thanks?|thank you|cheers|appreciated?|satisfied|all sorted|no further"
                     r" action|that'?s all|gracias|merci|danke|vielen dank)\b")


@dataclass
class _Hit:
    rule: Rule
    weight: float
    start: int
    end: int
    cancelled: bool
    sentence: int = 0
    reference: bool = False  # names an earlier request ("my request to stop marketing")
    threat: bool = False  # "if ... not ..., I'll go to the ICO": not gone there yet
    resolved: bool = False  # read from the clause's parts: its words are the whole sentence


def _check(folded: str, rule: Rule, start: int, end: int) -> _Hit:
    clause_from = clause_start(folded, start)
    before = folded[clause_from:start]
    sentence_from, sentence_to = sentence_bounds(folded, start, end)
    cancelled = "n" not in rule.flags and NEGATION.search(before) is not None
    if RETRACTION.search(before) or PAST.search(before):
        cancelled = True
    if "p" in rule.flags and not DATA_CONTEXT.search(folded, max(0, start - DATA_CONTEXT_CHARS),
                                                     start):
        cancelled = True
    if "f" in rule.flags and not names_wrong_fact(folded, max(0, start - REFERENT_CHARS), start):
        cancelled = True  # "fix it" with no wrong name, address or date of theirs before it
    if "k" in rule.flags and not MARKETING_CONTEXT.search(
            folded, max(0, start - MARKETING_CONTEXT_CHARS), start):
        cancelled = True
    if REPORT.search(before) and PAST_PARTICIPLE.match(folded, start):
        cancelled = True  # "we have now deleted your account": done, not asked
    if "n" not in rule.flags and POST_NEGATION.match(folded, end):
        cancelled = True  # German puts it after: "löschen Sie mein Konto nicht"
    if "c" in rule.flags and BILLING.search(folded, sentence_from, sentence_to) \
            and not CHASED.search(folded, sentence_from, sentence_to):
        cancelled = True  # "invoice 88231 is now 14 days overdue": money, not a request
    weight = rule.weight
    if "d" in rule.flags and THREAT.search(folded, sentence_from, start) \
            and not RESERVATION.search(folded, sentence_from, start) \
            and folded[sentence_to : sentence_to + 1] != "?":  # a threat is said, not asked
        return _Hit(rule, weight, start, end, False, sentence_from, False, True)
    if "h" not in rule.flags and (CONDITION.search(before)
                                  or RESERVATION.search(folded, sentence_from, start)):
        weight *= CONDITION_FACTOR
    elif rule.intent != "access" and "h" not in rule.flags \
            and folded[sentence_to : sentence_to + 1] == "?" \
            and (QUESTION.match(folded, sentence_from)
                 or CONDITIONAL_QUESTION.match(folded, sentence_from)):
        weight *= CONDITION_FACTOR  # asking whether they do it is no request (access excepted)
    reference = ("r" in rule.flags or REFERENCE.search(folded, sentence_from, start) is not None
                 or PAST_ASK.match(folded, start) is not None)
    return _Hit(rule, weight, start, end, cancelled, sentence_from, reference)


def _hits(folded: str) -> list[_Hit]:
    """The first five matches of each rule that can match, each checked in its clause."""
    hits: list[_Hit] = []
    for rule, starts in candidate_starts(folded):
        if starts is None:
            for count, match in enumerate(rule.regex.finditer(folded)):
                if count >= 5:
                    break
                if match.end() > match.start():
                    hits.append(_check(folded, rule, match.start(), match.end()))
            continue
        # What finditer would find: a gated match is never empty and starts at a gate word.
        count = taken = 0
        match_at = rule.regex.match
        for start in starts:
            if start < taken:
                continue
            found = match_at(folded, start)
            if found is not None:
                taken = found.end()
                hits.append(_check(folded, rule, start, taken))
                count += 1
                if count >= 5:
                    break
    return hits


# Requests whose object may be described as "what you hold about me" without asking for it.
DESCRIBED_OBJECT = frozenset({"erasure", "rectification", "restriction"})


def _drop_object_descriptions(hits: list[_Hit]) -> None:
    """ "wipe everything you have on me", "correct the data you hold about me": the
    description of what to erase or correct asks no access."""
    erasing = [h for h in hits if h.rule.intent in DESCRIBED_OBJECT and not h.cancelled]
    for hit in hits:
        if "o" in hit.rule.flags and any(e.sentence == hit.sentence and e.start < hit.start
                                         for e in erasing):
            hit.cancelled = True


# Rights whose object is a processing: "I withdraw my permission to publish my photos".
PROCESSING_OBJECT = frozenset({"consent_withdrawal", "objection", "restriction"})


def _drop_processing_descriptions(hits: list[_Hit]) -> None:
    """ "Revoco el permiso que os di para publicar mis fotos": the processing a withdrawal or
    objection names after it in its sentence is its object, not a grievance about misuse
    (a regulator, a chaser or a declared complaint still counts)."""
    stopping = [h for h in hits if h.rule.intent in PROCESSING_OBJECT and not h.cancelled]
    for hit in hits:
        if hit.rule.intent == "complaint" and not set("dcg") & set(hit.rule.flags) and any(
                s.sentence == hit.sentence and s.start < hit.start for s in stopping):
            hit.cancelled = True


def _drop_service_grievances(folded: str, hits: list[_Hit]) -> None:
    """ "I want to make a complaint: our photos came six weeks late": a complaint about the
    service, not about personal data, when nothing in the mail speaks of data or privacy."""
    if any("g" in hit.rule.flags for hit in hits) and SERVICE_GRIEVANCE.search(folded) \
            and not PRIVACY_CONTEXT.search(folded):
        for hit in hits:
            if "g" in hit.rule.flags:
                hit.cancelled = True


def _previous_sentence(folded: str, start: int) -> int:
    """Where the words a pointing object ("said consent") may point back to begin: the
    preceding words of its paragraph, up to REFERENT_CHARS (a sentence or two; "e.g." and
    "Art. 6(1)" make short sentences of their own)."""
    paragraph = folded.rfind("\n\n", 0, start)
    return max(paragraph, start - REFERENT_CHARS, 0)


def _read_objections(folded: str, hits: list[_Hit]) -> None:
    """ "I object to the processing of my data for marketing", "je retire mon consentement
    pour la newsletter": opt-outs (Art. 21(2)), not an objection or a consent withdrawal of
    their own ("I withdraw my permission to use my photos in your adverts" is about the
    photos, not marketing to the sender); a bare name
    of the right or article ("Art. 21", "right to object") beside an opt-out is the
    opt-out's legal ground. "If I have given consent ..., I withdraw it": a withdrawal on a
    condition in its sentence is the ground of the letter's request (an erasure), weak by
    itself."""
    opting_out = any(h.rule.intent == "opt_out" and not h.cancelled
                     and h.weight >= THRESHOLD for h in hits)
    for hit in hits:
        if hit.rule.intent not in MARKETING_COVERED or hit.cancelled:
            continue
        sentence_from, sentence_to = sentence_bounds(folded, hit.start, hit.end)
        if ANAPHORA.search(folded, hit.start, hit.end):
            sentence_from = _previous_sentence(folded, sentence_from)
        if speaks_of_marketing(folded, sentence_from, sentence_to) or (
                opting_out and "r" in hit.rule.flags):
            hit.cancelled = True
        elif hit.weight == hit.rule.weight and CONDITION.search(folded, sentence_from,
                                                                 hit.start):
            hit.weight *= CONDITION_FACTOR


def _drop_asked_misuse(hits: list[_Hit]) -> None:
    """ "tell me which companies you passed my data to": asking who got it accuses nobody."""
    asking = [h for h in hits if h.rule.intent == "access" and not h.cancelled]
    for hit in hits:
        if "m" in hit.rule.flags and any(a.sentence == hit.sentence for a in asking):
            hit.cancelled = True


# What an erasure of a marketing list is read as ("take my number off your SMS list").
_LIST_OPT_OUT = Rule("clause-opt-out-marketing-list", "opt_out", 0.85, re.compile(r"(?!x)x"), "",
                     None)


# What an earlier request told as ignored is read as ("I unsubscribed in May. I've had
# eleven emails since then."): a chaser, which the labelled sets count as a complaint and
# which lifts the request it refers to.
_IGNORED = Rule("clause-complaint-request-ignored", "complaint", 0.7, re.compile(r"(?!x)x"), "c",
                None)


def _resolved_hits(reading: Reading, direct: list[_Hit]) -> list[_Hit]:
    """Matches in what a pronoun request stands for ("can you get rid of them?" after "your
    newsletters") or a request read from its verb and noun, placed on the request's own
    sentence so the evidence quotes it; a request read from its verb not where the rules
    already read that intent in the sentence themselves (their words are the better
    evidence)."""
    found: list[_Hit] = []
    # A weak match ("article 15" alone) is not the rules reading the request.
    read = tuple((h.start, h.rule.intent) for h in direct
                 if not h.cancelled and h.weight >= THRESHOLD)
    # Requests read from a verb and its noun only where the rules did not read them (the
    # rules cost most: not run twice, and their words are the better evidence).
    for resolution in (*reading.resolutions, *verb_requests(reading, read),
                       *grievances(reading, read), *regulator_reports(reading, read)):
        for hit in _hits(resolution.text):
            if not hit.cancelled and resolution.only in ("", hit.rule.intent):
                found.append(_Hit(hit.rule, hit.weight, resolution.start, resolution.end,
                                  False, resolution.start, resolved=True))
    return found


def _read_clauses(reading: Reading, hits: list[_Hit]) -> list[_Hit]:
    """The clause reader's word on each match (intents/clauses.py): past descriptions,
    boilerplate and the shapes of phishing or a vendor's notice cancel; a reservation
    weakens a complaint and a threat makes it count; an erasure of a marketing list is an
    opt-out; pronoun requests add what they stand for."""
    hits = hits + _resolved_hits(reading, hits)
    if any("a" in h.rule.flags for h in hits) and not reading.tells_earlier_request():
        for hit in hits:  # "I still get your newsletter": the opt-out's reason, no grievance
            if "a" in hit.rule.flags:
                hit.cancelled = True
    ignored = reading.ignored()
    if ignored is not None:
        hits.append(_Hit(_IGNORED, _IGNORED.weight, *ignored, False, ignored[0]))
    access_asked = any(h.rule.intent == "access" and not h.cancelled
                       and h.weight >= THRESHOLD for h in hits)
    asked_at = tuple(h.start for h in hits if h.rule.intent != "complaint" and not h.cancelled)
    for hit in list(hits):
        if hit.cancelled:
            continue
        said = verdict(reading, hit.rule.intent, hit.rule.flags, hit.start, hit.end,
                       access_asked, asked_at)
        if said == "cancel":
            hit.cancelled = True
        elif said == "weak" and hit.weight == hit.rule.weight:
            hit.weight *= CONDITION_FACTOR
        elif said == "threat":
            hit.weight, hit.threat = hit.rule.weight, True
        elif said == "opt_out":
            hit.cancelled = True
            hits.append(_Hit(_LIST_OPT_OUT, min(hit.weight, _LIST_OPT_OUT.weight), hit.start,
                             hit.end, False, hit.sentence))
    return hits


def _scores(hits: list[_Hit]) -> dict[str, float]:
    _drop_object_descriptions(hits)
    _drop_processing_descriptions(hits)
    _drop_asked_misuse(hits)
    best: dict[int, _Hit] = {}
    weak: dict[str, float] = {}
    for hit in hits:
        if hit.cancelled:
            continue
        if hit.weight < hit.rule.weight:
            # Conditional, reserved or a question: shown in the score, never an intent alone.
            weak[hit.rule.intent] = max(weak.get(hit.rule.intent, 0.0), hit.weight)
            continue
        key = id(hit.rule)
        if key not in best or hit.weight > best[key].weight:
            best[key] = hit
    if any("d" in hit.rule.flags and hit.weight >= THRESHOLD and not hit.threat
           for hit in best.values()):
        # Gone to the regulator: earlier requests it mentions are the complaint's subject.
        for key in [k for k, hit in best.items() if hit.reference]:
            del best[key]
    remaining: dict[str, float] = {}
    for hit in best.values():
        remaining[hit.rule.intent] = remaining.get(hit.rule.intent, 1.0) * (1.0 - hit.weight)
    chased = any("c" in hit.rule.flags and hit.weight >= 0.5 for hit in best.values())
    if chased:
        for intent in {hit.rule.intent for hit in best.values() if hit.reference}:
            remaining[intent] = remaining.get(intent, 1.0) * (1.0 - CHASE_LIFT)
    scores = {intent: round(1.0 - rest, 3) for intent, rest in remaining.items()}
    for intent, weight in weak.items():
        scores[intent] = max(scores.get(intent, 0.0), min(weight, THRESHOLD - 0.01))
    return scores


def _chases_nothing_named(hits: list[_Hit], scores: dict[str, float]) -> bool:
    """The sender's words chase an earlier request ("still no reply", "if I don't have my
    data by Friday I will go to the ICO") and name no request of their own."""
    return any(("c" in h.rule.flags or h.threat) and not h.cancelled
               and h.weight >= THRESHOLD for h in hits) \
        and all(scores.get(i, 0.0) < THRESHOLD for i in CONFIRMABLE)


def _chased_request(quoted: str, scores: dict[str, float]) -> list[Evidence]:
    """The access, erasure or opt-out the sender's quoted mail asked for, put into `scores`;
    its words are the evidence."""
    if not quoted:
        return []
    hits = [h for h in _hits(fold(quoted)) if h.rule.intent in CONFIRMABLE]
    asked = [i for i, score in _scores(hits).items() if score >= THRESHOLD]
    for intent, score in _scores(hits).items():
        if intent in asked:
            scores[intent] = max(scores.get(intent, 0.0), score)
    return _evidence(quoted, hits, asked)


def _evidence(text: str, hits: list[_Hit], intents: list[str]) -> list[Evidence]:
    found: list[Evidence] = []
    for intent in intents:
        ranked = sorted((h for h in hits if h.rule.intent == intent and not h.cancelled),
                        key=lambda h: (-h.weight, h.resolved))  # the rule's own words first
        seen: set[str] = set()
        for hit in ranked:
            words = " ".join(text[hit.start : hit.end].split())
            if words.lower() not in seen and len(seen) < MAX_EVIDENCE:
                seen.add(words.lower())
                found.append(Evidence(intent=intent, text=words))
    return found


def classify(mail: InboundMail) -> Classification:
    """What the sender asks for now; pure and never raises."""
    try:
        return learned_reading(mail, _classify(mail))
    except Exception as exc:  # the contract: a result, never an exception; but not silent
        FAILURES.record("classify", exc)
        return Classification(scores=dict.fromkeys(RIGHTS_INTENTS, 0.0), language=mail.language,
                              needs_triage=True)


def _answered_question(mail: InboundMail) -> str:
    """The quoted question a bare "yes, go ahead" answers, else ""."""
    if len(mail.text.split()) > AFFIRMATION_WORDS or not AFFIRMATION.match(fold(mail.text)):
        return ""
    lines = [line.lstrip("> ").strip() for line in mail.quoted.splitlines()]
    return "\n".join(line for line in lines[1:] if line)[:600]


def _classify(mail: InboundMail) -> Classification:
    body = mail.text[:MAX_CHARS]
    text = body
    reading = read_clauses(fold(body))
    folded = reading.text
    hits = _read_clauses(reading, _hits(folded))
    _drop_service_grievances(folded, hits)
    _read_objections(folded, hits)
    question = "" if hits else _answered_question(mail)
    if question:
        # "Yes, please go ahead" to "Please confirm you want us to erase your data".
        text = question
        hits = [h for h in _hits(fold(question)) if h.rule.intent in CONFIRMABLE]
    # A phishing mail or a vendor's notice is nobody's request, whatever its subject says.
    if not hits and not reading.shape and mail.subject \
            and len(body.split()) <= SHORT_BODY_WORDS \
            and not (REPLY_SUBJECT.match(mail.subject) and CLOSING.search(fold(body))):
        text = mail.subject
        hits = _hits(fold(mail.subject))
        _read_objections(fold(mail.subject), hits)
        if REPLY_SUBJECT.match(mail.subject):
            # A thread's name ("Re: Invoice overdue") complains of nothing by itself.
            hits = [h for h in hits if h.rule.intent != "complaint"]
    scores = _scores(hits)
    chased: list[Evidence] = []
    if text is body and _chases_nothing_named(hits, scores):
        # "Six weeks since the mail below and nothing": the request is the one it chases,
        # in the sender's own quoted mail (intents/reminders.py).
        chased = _chased_request(own_quoted_message(mail), scores)
    if scores.get("portability", 0.0) >= THRESHOLD:
        # Data in a portable format is a copy of it: portability is also access (Art. 15
        # and 20 are answered with one export; the labelled sets count it as access).
        scores["access"] = max(scores.get("access", 0.0), scores["portability"])
    all_scores = {intent: scores.get(intent, 0.0) for intent in RIGHTS_INTENTS}
    intents = [i for i in RIGHTS_INTENTS if all_scores[i] >= THRESHOLD]
    not_read = not is_read(mail.language)  # no rules for it: not guessed at, left to triage
    if mail.auto_reply or not_read:
        intents = []
    result = Classification(intents=intents, scores=all_scores, language=mail.language,
                            evidence=_evidence(text, hits, intents) + chased,
                            language_not_read=not_read)
    return read_forwarded(mail, result, _classify) if mail.forwards else result
