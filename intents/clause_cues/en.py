"""English clause cues."""

from intents.clause_cues.schema import ClauseCues, PronounRequest, RequestVerb

CUES = ClauseCues(
    code="en",
    past=(
        r"last (?:year|month|week|summer|winter|spring|autumn|time)", r"(?:years?|months?"
        r"|weeks?) ago", r"back in", r"you once", r"(?:already|previously) (?:sent|gave"
        r"|provided|copied|shared|answered|replied)", r"(?:previously|earlier),? you",
        r"at the time",
        # The sender's own act told: "I accidentally deleted the photos you sent me".
        r"i (?:\w+ly |just |already )?(?:deleted|removed|erased|wiped|cleared|lost)",
    ),
    request=(
        r"please", r"can (?:you|u)", r"could (?:you|u)", r"would (?:you|u)", r"i (?:want|wish"
        r"|need|would like|request|ask)", r"i'd like", r"wants?", r"wish(?:es)?", r"asked me to",
        r"would like", r"interested to (?:find out|know|see)", r"kindly", r"pls", r"plz",
        r"i am (?:asking|requesting|writing to)",
    ),
    threat=(
        r"otherwise", r"or else", r"failing (?:that|which|this)", r"if not",
        r"or i(?:'ll| will| shall)",
    ),
    reservation=(r"reserv(?:e|ing) (?:the|my) rights?", r"without prejudice to my right"),
    question=(
        r"(?:was|were|has|have|had|did|is|are|do|does) (?:my|any|you|your|anyone|someone"
        r"|it|they|the)", r"who (?:has|have|did|was)", r"to whom", r"whether",
    ),
    boilerplate=(
        # A sender offering its own opt-out ("Reply STOP to stop receiving these"): the
        # reader is told how, nobody asks.
        r'reply (?:with )?"?stop"?,?(?: to| and| if)', r'text "?stop"? to',
        r"this (?:email|e-mail|message)(?: and any (?:files|attachments)[\w ]*)? (?:is|are"
        r"|may be) (?:confidential|intended|privileged)", r"if you are not the intended"
        r" recipient", r"if you have received this (?:e-?mail|message) in error",
        r"intended (?:solely|only)"
        r" for the (?:use of the )?(?:addressee|individual|intended recipient)",
        r"please consider the environment before printing",
        r"registered (?:in england|office|company)", r"unsubscribe from (?:this|these) (?:list"
        r"|e-?mails)", r"you are receiving this (?:e-?mail|message) because",
    ),
    phishing=(
        r"verify your (?:account|identity|details|information)", r"account (?:has been|will be)"
        r" (?:suspended|locked|closed|terminated|deactivated)", r"within (?:24|48|72) hours",
        r"click (?:here|the link|the button|below)", r"unusual (?:activity|sign-?in)",
        r"confirm your (?:password|login|credentials|payment details)",
        r"reported to the (?:authorities|police)", r"legal action will be taken",
        r"failure to (?:comply|respond|verify)",
    ),
    vendor_notice=(
        r"security incident", r"we (?:recently )?(?:discovered|became aware|detected)",
        r"unauthori[sz]ed (?:party|access|third party)", r"no action is required",
        r"out of an abundance of caution", r"we (?:are|were) writing to (?:inform|let you know"
        r"|notify)", r"we have (?:reported|notified) (?:the|this)", r"our (?:payment )?"
        r"(?:processor|supplier|vendor|service provider)",
    ),
    marketing_list=(
        r"(?:sms|text|texting|mailing|marketing|e-?mail|newsletter|distribution|promotional"
        r"|promo|contact|call) lists?",
        r"(?:do-not-call|do not call|do-not-contact|do not contact) list",
    ),
    data_object=(
        r"(?:all|any) (?:of )?(?:my|the) (?:personal )?(?:data|details|information)",
        r"my (?:personal )?data", r"my account", r"everything you (?:hold|have|keep)",
        r"your (?:database|records?|systems?|files?)",
    ),
    nouns={
        "marketing": (r"newsletters?", r"mailings?", r"marketing", r"promo\w*", r"adverts?",
                      r"offers", r"texts", r"sms", r"spam", r"mailing list",
                      # What comes by post: "thank you for the catalogue ... I'd rather not
                      # receive it any more".
                      r"catalogues?", r"catalogs?", r"brochures?", r"leaflets?", r"flyers?"),
        # Messages to the sender: stopped (an opt-out), never erased ("delete the emails I
        # sent you" asks nothing of the kind).
        "mail": (r"e-?mails", r"msgs", r"messages", r"whatsapps?", r"ads"),
        "data": (r"data", r"details", r"information", r"records?", r"file", r"photos?",
                 r"pictures", r"recordings?", r"copies", r"videos?", r"clips?", r"footage",
                 r"drawings?", r"artwork"),
        "account": (r"account", r"profile", r"membership"),
    },
    pronoun_requests=(
        PronounRequest(pattern=r"(?:get rid of|dispose of|delete|remove|erase|wipe|drop|bin|destroy"
                       r"|scrap|purge|unsubscribe me from|take me off|take us off)"
                       r" (?:all )?(?:of )?(?:them|it|those|these|that|this)",
                       action="remove"),
        PronounRequest(pattern=r"(?:stop|end|cancel|halt) (?:all )?(?:of )?(?:them|it|those"
                       r"|these|that|this)", action="stop"),
        PronounRequest(pattern=r"(?:drop|remove|delete|take|strike|cross) (?:both of us|us"
                       r"|me|the two of us|my \w+ and me|me and my \w+) (?:from|off|out of)"
                       r" (?:it|them|that|there|those)", action="remove"),
        PronounRequest(pattern=r"no more (?:of )?(?:those|them|these|that)", action="remove"),
        PronounRequest(pattern=r"(?:prefer|rather) not (?:to )?(?:receive|get|be sent) (?:it|them"
                       r"|these|those|this|that)", action="stop"),
        PronounRequest(pattern=r"(?:send|forward|email|e-mail|give) (?:me |us )?(?:them|it|those"
                       r"|these|that|a copy of (?:them|it|those|that))(?: (?:to me|again|over))?",
                       action="send"),
    ),
    grievance_question=(r"why", r"how (?:did|come|on earth|can|could|is|was|do)",
                        r"where (?:did|do|have)",
                        r"who (?:gave|told|supplied|said)"),
    request_verbs=(
        RequestVerb(pattern=r"delete", action="remove"),
        RequestVerb(pattern=r"remove", action="remove"),
        RequestVerb(pattern=r"erase", action="remove"),
        RequestVerb(pattern=r"wipe", action="remove"),
        RequestVerb(pattern=r"destroy", action="remove"),
        RequestVerb(pattern=r"purge", action="remove"),
        RequestVerb(pattern=r"scrap", action="remove"),
        RequestVerb(pattern=r"take (?:me |us )?(?:down|off|out)", action="remove"),
        RequestVerb(pattern=r"get rid of", action="remove"),
        RequestVerb(pattern=r"bin", action="remove"),
        RequestVerb(pattern=r"stop(?: sending)?", action="stop"),
        RequestVerb(pattern=r"cease", action="stop"),
        # Access: send, tell, let see; an object of `held_data` ("what you hold on me").
        RequestVerb(pattern=r"send(?: me| us)?(?: over| across| through)?", action="send"),
        RequestVerb(pattern=r"(?:tell|show) (?:me|us)", action="send"),
        RequestVerb(pattern=r"to (?:see|view|access|get|receive|have)", action="send"),
        RequestVerb(pattern=r"let (?:me|us) (?:see|view|have)", action="send"),
        RequestVerb(pattern=r"(?:want|wish|like|need|to) (?:to )?know", action="send"),
        RequestVerb(pattern=r"(?:can|could|may) (?:i|we) (?:see|get|have|know)", action="send",
                    asks=True),
        RequestVerb(pattern=r"what (?:\w+ )?(?:do|have|did|does) (?:you|u)(?: \w+)? (?:have"
                    r"|hold|keep|store|got|know)(?: \w+){0,2} (?:on|about) me", action="send",
                    asks=True),
    ),
    held_data=(
        r"(?:a copy of |all |any )?(?:of )?my (?:personal )?(?:data|information|informations"
        r"|records|file|details you hold)",
        r"(?:what|everything|anything|all|which|whatever)(?: \w+){0,3} (?:you|u)(?: \w+)?"
        r"(?: have|'ve| 've| do)? (?:have|hold|keep|store|process|got|collected|know)(?: \w+){0,3}"
        r" (?:on|about|of|for) (?:me|us)\b",
    ),
    disclosure_acts=(
        r"you(?:'ve| have| had| could| guys| lot)? (?:\w+ )?(?:sent|shared|gave|given|passed"
        r"|handed|hand|pass|give|share|sold|sell|leaked|forwarded|disclosed|cc'?d|copied"
        # ... or using it: "you added me to your newsletter", "you've posted our photos".
        r"|used|use|added|posted|published|put|signed)",
    ),
    disclosure_wrongs=(
        r"without (?:my |our )?(?:consent|permission|asking|agreement)",
        r"to (?:a (?:complete |total |random )?stranger|strangers|someone else|random people"
        r"|third parties|(?:an)?other (?:suppliers?|compan\w+|business\w*|people|clients"
        r"|parents|customers|vendors)|everyone|the whole)",
        r"(?:in|on) (?:an )?(?:open|visible) cc", r"instead of bcc",
        r"is (?:this|that|it) (?:even |actually |really )?legal", r"(?:never|didn't|did not)"
        r" (?:asked|ask) (?:me|us|for (?:my|our) (?:consent|permission))",
        r"(?:never|didn't|did not) (?:said|say|agree\w*|consent\w*|gave permission"
        r"|give permission)",
    ),
    ongoing=(r"still", r"again", r"keep", r"continue\w*", r"anymore", r"any more"),
    asked_before=(r"i (?:asked|requested|told|unsubscribed|opted out|wrote|e-?mailed|sent"
                  r"|withdrew|objected)",),
    # "you sent me my file when I asked": the organisation acted when asked.
    done=(r"(?:and|which) you did(?!n'?t| not)", r"when (?:i|we) (?:asked|requested)",
          r"you (?:did|have done|'ve done) (?:it|so|that|this)(?! yet)",
          r"(?:and|which) (?:it )?(?:was|has been) (?:done|sorted|dealt with|handled)"),
    blockers=(r"not", r"don'?t", r"do not", r"never", r"if", r"when", r"once", r"after",
              r"no need", r"you (?:did|have|had)"),
    # An earlier request told, and its being ignored (clauses.Reading.ignored).
    asked_earlier=(
        r"i (?:have |'ve |had )?(?:already )?(?:sent|submitted|made|filed|emailed) (?:you "
        r"|in )?(?:a|an|my) (?:\w+ ){0,3}(?:requests?|sar|dsar)",
        r"i (?:have |'ve |had )?(?:\w+ )?(?:asked|requested|told"
        r"|unsubscribed|opted out|withdrew|objected)",
        r"i (?:have |'ve )?(?:already )?(?:replied|texted|sent|answered) stop",
        r"(?:she|he|they|we) (?:has |have |had )?(?:already )?(?:asked|requested|unsubscribed"
        r"|opted out|replied stop|texted stop)",
        r"i (?:already )?clicked (?:on )?(?:the |your )?unsubscribe",
        r"(?:second|third|fourth|fifth|sixth|tenth) time (?:that )?(?:i|we)",
    ),
    persisting=(
        r"(?:been|passed|over) (?:almost |nearly |over |more than |well over )?(?:two|three"
        r"|four|five|six|seven|eight|nine|ten|\d+|a few|several) (?:weeks|months)",
        r"you had (?:one|a|1|30 days|a month)",
        r"(?:second|third|fourth|fifth) time (?:i(?:'m| am) )?(?:asking|writing|requesting)",
        r"still (?:get\w*|receiv\w*|hav\w* (?:not|n't)|haven'?t|hasn'?t|no|not|waiting|com\w*"
        r"|arriv\w*|being|there|active|on|see|showing|had)",
        r"(?:keep|kept|continued?|continues|continuing) (?:to )?(?:get\w*|receiv\w*|com\w*"
        r"|arriv\w*|send\w*|call\w*|text\w*|e-?mail\w*)",
        r"(?:have|has) continued",
        r"since then",
        r"ever since",
        r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many"
        r"|a few) more",
        r"another (?:one|e-?mail|text|call|newsletter|message|mailing)",
        r"twice",
        r"three times",
        r"ask(?:ing)? (?:you )?again",
        r"(?:got|received|sent|had) (?:it|them|one|another)? ?again",
        r"(?:heard|had|received|got) nothing",
        r"no (?:reply|response|answer)",
    ),
    # A condition on the organisation's own act, in whose protasis a grievance word
    # accuses nobody (clauses.in_protasis); not on its inaction or on what goes on.
    hypothesis=(
        r"(?:if|whether|in case|in the event) (?:or not )?you(?:'ve| have| had| are| were|"
        r" did)(?! not\b| never\b| still\b| going to\b| continuing\b)",
        r"(?:if|whether) (?:or not )?(?:my|any of my|any) (?:personal )?(?:data|details|"
        r"information) (?:has|have|was|were|is|are)(?! not\b| still\b)",
    ),
    # A list's introduction that asks to be told (clauses.list_intro's callers).
    information=(
        r"information", r"details", r"know", r"tell me", r"let me know", r"explain", r"provide",
        r"list",
    ),
    # A confirmation of an erasure asked: no copy of the data is asked.
    erasure_confirmed=(
        r"confirm(?:ation)?(?: to me)?(?: in writing)?(?: that)? (?:you|they|the \w+) "
        r"(?:have |has )?(?:now )?(?:deleted|erased|removed|destroyed|wiped)",
        r"confirm(?:ation of)?(?: to me)?(?: in writing)? (?:the|its|their|my) "
        r"(?:deletion|erasure|removal|destruction)",
        r"confirmation of (?:the )?(?:deletion|erasure|removal)",
    ),
    report_acts=(
        r"i(?:'ve| have| had| will|'ll| shall| am going to|'m going to| am about to)?"
        r" (?:now |already |just |today |formally )?(?:file[ds]?|lodged?|made|make|submitted"
        r"|submit|raised?|sent|send) (?:a |an |my )?(?:formal |official )?(?:complaint|report)",
        r"i(?:'ve| have| had| will|'ll| shall| am going to|'m going to)? (?:now |already |just"
        r" |today )?(?:reported|report|complained|complain|referred|refer|escalated|escalate)"
        r"(?: you| this| the matter| your (?:studio|company|business))?",
    ),
    authorities=(
        r"(?:the )?ico", r"(?:the )?information commissioner(?:'s office)?",
        r"(?:the )?data protection (?:authority|commission(?:er)?|regulator)",
        r"(?:the )?(?:supervisory|privacy) (?:authority|regulator)",
    ),
)
