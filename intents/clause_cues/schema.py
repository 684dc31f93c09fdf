"""The cue lists one language gives the clause reader (intents/clauses.py), as data.

Every entry is a regular-expression fragment over folded text (lower case, accents removed:
see intents/textnorm.py), matched as whole words. A language file fills what it has; the
reader joins every language's cues into one pattern per kind, so a mail whose language was
guessed wrong, or that mixes two, is still read.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class PronounRequest(BaseModel):
    """A request whose object is a pronoun: `pattern` finds it, `action` says what is asked
    ("remove"; "stop", which only marketing can be; or "send"), and the noun named before
    it says of what."""

    model_config = ConfigDict(frozen=True)

    pattern: str
    action: str


class RequestVerb(BaseModel):
    """A verb that, in a sentence that asks (the language's `request` cues, or a list item
    under a line that asks), asks for what its object names: `action` "remove" (delete,
    take down, take off a list), "stop" (which only marketing can be) or "send" (send,
    tell, let see: an access, whose object is one of the language's `held_data`). The
    object is a noun of the language's `nouns` or a `marketing_list` in the verb's clause;
    `object_first` for a form that follows its object (an infinitive "te verwijderen", a
    passive "slettes"), whose object is then looked for before it too."""

    model_config = ConfigDict(frozen=True)

    pattern: str
    action: str
    object_first: bool = False
    # A form that asks by itself ("can i see ...", "what do you hold on me", "vad har ni
    # sparat om mig"): no request cue needed; its object may be in its own words.
    asks: bool = False


class ClauseCues(BaseModel):
    """One language's cues, by clause kind."""

    model_config = ConfigDict(frozen=True)

    code: str
    # A description of the past: a time gone by, or the organisation's own earlier act
    # ("last year you sent me", "vous m'avez envoye").
    past: tuple[str, ...] = ()
    # What makes a sentence a request even with a past word in it ("please", "I want").
    request: tuple[str, ...] = ()
    # What opens a threat on the organisation's inaction ("otherwise", "a defaut").
    threat: tuple[str, ...] = ()
    # A reservation of a right, which asks nothing yet ("I reserve the right to complain").
    reservation: tuple[str, ...] = ()
    # How a question opens when it has no question mark ("was my data passed on").
    question: tuple[str, ...] = ()
    # Questions that are grievances ("why are you emailing me?", "woher haben Sie ...").
    grievance_question: tuple[str, ...] = ()
    # Lines that are boilerplate, not the sender's words: footers, legal disclaimers.
    boilerplate: tuple[str, ...] = ()
    # Shapes of mail that are no data subject's request: phishing, a vendor's notice.
    phishing: tuple[str, ...] = ()
    vendor_notice: tuple[str, ...] = ()
    # A marketing list one asks to be taken off (an opt-out, not an erasure) ...
    marketing_list: tuple[str, ...] = ()
    # ... unless the sentence also asks about data or an account as such.
    data_object: tuple[str, ...] = ()
    # Nouns a pronoun may stand for, by class ("marketing", "data", "account").
    nouns: dict[str, tuple[str, ...]] = {}
    # Requests with a pronoun object ("can you get rid of them?").
    pronoun_requests: tuple[PronounRequest, ...] = ()
    # The sender's own words where they are not plain words ("miei", a suffix "adataim"):
    # what a request verb erases is the sender's when one of them, or a first-person word
    # of intents/quotes.py, is in its sentence.
    first_person: tuple[str, ...] = ()
    # Everyday request verbs, read with the request cue and the nouns above, so a language
    # needs only words for its plain requests ("kan dere fjerne meg fra e-postlista?").
    request_verbs: tuple[RequestVerb, ...] = ()
    # The sender's data named as held, what an access verb ("send", "tell me", "see") asks
    # for: "my personal data", "what information you hold about me". Not "my photos" or
    # "the details": a studio sends those as its work, no one asks for a copy of their data.
    held_data: tuple[str, ...] = ()
    # A grievance read from its parts (clauses.grievances): the organisation's act of
    # passing data on or using it ("you've sent them", "heu cedit", "you added me") and,
    # in its sentence or the next, what makes it wrong ("to a complete stranger", "sense
    # consentiment", "in open CC", "is this legal?").
    disclosure_acts: tuple[str, ...] = ()
    disclosure_wrongs: tuple[str, ...] = ()
    # A report to the regulator read from its parts (clauses.regulator_reports): the
    # sender's own act of complaining or reporting, made or about to be made ("i have
    # lodged a complaint", "j'ai depose une plainte", "ich habe mich ... beschwert") and,
    # in its sentence, the national authority by any of its names ("aupres de la
    # commission nationale de l'informatique et des libertes").
    report_acts: tuple[str, ...] = ()
    authorities: tuple[str, ...] = ()
    # What keeps a past sentence a live grievance or a chaser ("still", "again") ...
    ongoing: tuple[str, ...] = ()
    # ... and the sender's own earlier request, which the classifier's chaser rules read.
    asked_before: tuple[str, ...] = ()
    # ... unless the sender says it was done ("I asked you to delete it and you did"): then
    # the sentence tells the past again.
    done: tuple[str, ...] = ()
    # Words that make a pronoun request no request ("don't", "if").
    blockers: tuple[str, ...] = ()
    # The sender's own earlier request or opt-out, told ("I unsubscribed in March", "ya os
    # pedi", "ich habe mich abgemeldet") ...
    asked_earlier: tuple[str, ...] = ()
    # ... and that it went on or went unanswered ("still", "since then", "four more",
    # "twice", "sigo recibiendo", "keine Antwort"): together, within a few sentences, the
    # request was ignored, which the labelled sets count as a complaint.
    persisting: tuple[str, ...] = ()
    # A condition on the organisation's own act, not on its inaction ("if you have sold my
    # data", "whether my data was shared", "falls Sie ... weitergegeben haben", "si vous
    # avez vendu"): a grievance word in its protasis accuses nobody. Not "if you have not",
    # "if you are still", "wenn Sie weiterhin": those are threats on what goes on.
    hypothesis: tuple[str, ...] = ()
    # What a line introducing a list asks for when it asks to be told ("please provide the
    # following information:", "informieren Sie mich", "indiquez-moi"): its items are
    # asked about ("please note the following:" asks nothing of the kind).
    information: tuple[str, ...] = ()
    # Asking to be told an erasure was done ("confirm that you have deleted my data",
    # "bestatigen Sie mir die Loschung", "confirmez-moi l'effacement"): no copy is asked.
    erasure_confirmed: tuple[str, ...] = ()
