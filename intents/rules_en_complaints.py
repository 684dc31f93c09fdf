"""English rules, second half: complaints and chasers, and the few requests that only make
sense beside them (an erasure said to be done, an account no longer wanted).

Split from rules_en.py only for size; the same vocabulary (OBJ, DPA, MARKETING) and the same
flags (see rules.py).
"""

from __future__ import annotations

from intents.ruleparts import RawRule, gap, gap_any
from intents.rules_en import DPA, OBJ

EN_COMPLAINT_RULES: list[RawRule] = [
    # complaint
    ("complaint", 0.9, r"\b(?:make|lodg|fil|submit|rais|register)\w*\W+(?:a |this |my |an )?"
     r"(?:formal |official )?complaint\b", "dg"),
    ("complaint", 0.85, r"\bformal complaint\b|\b(?:wish|want|would like|like|writing)"
     r" to complain\b|\bi(?: am|'m) complaining\b", "dg"),
    ("complaint", 0.9, r"\bcomplaint (?:to|with) (?:the )?" + DPA, "d"),
    ("complaint", 0.85, r"\b(?:report|reporting|reported|escalat\w*|complain\w*|go|going"
     r"|contact\w*|refer\w*|take this|take it|notify\w*)\b" + gap(3) + r"(?:to )?(?:the )?"
     + DPA, "d"),
    ("complaint", 0.6, r"\b(?:not happy|unhappy|disappointed|concerned|worried|appalled)"
     r" (?:with|about|by) (?:how|the way) (?:you|your \w+)(?:'re| are| have been)? (?:handl"
     r"|treat|manag|look\w* after|protect|secur|stor)\w*" + gap(3) + r"(?:data|details"
     r"|information|privacy|personal|people's|clients'|customers'|children's|kids')", ""),
    # Everyone's addresses in the open.
    ("complaint", 0.6, r"\b(?:everyone|everybody|all of us|all the \w+|every \w+)\W+(?:\w+\W+)"
     r"{0,3}?(?:in|on) (?:the )?(?:cc|to field|to line)\b|\binstead of (?:bcc|blind copy)\b", ""),
    # Someone else's act: "I only gave my number for delivery updates" accuses nobody.
    ("complaint", 0.6, r"(?<!\bi )(?<!\bwe )(?<!\bi only )(?<!\bi just )(?<!\bwe only )"
     r"\b(?:shared|sold|selling|gave|given|passed|leaked|disclosed|published"
     r"|exposed|posted|added|used|kept|misused|handed|cc'?d|bcc'?d|copied)\b" + gap(4)
     + r"(?:my|his|her|our|the\W+\w+'s)\b"
     + gap(2) + r"(?:e-?mail\b|contact (?:sheet|list)s?\b|" + OBJ + ")", "m"),
    ("complaint", 0.6, r"\b(?:my|his|her)\W+(?:\w+\W+)?(?:address|number|details|data|email"
     r"|information|name|photos?|face|passport)\W+(?:\w+\W+){0,5}?(?:visible|exposed|leaked"
     r"|published|sent to (?:someone|somebody|another|the wrong|other))\b"
     r"|\baddressed to (?:another|someone else|somebody else|a different)\b", ""),
    ("complaint", 0.6, r"\b(?:even after|after) (?:i|we|he|she) (?:had )?(?:unsubscribed|opted out"
     r"|asked|told|said|requested|replied)\b", "c"),
    ("complaint", 0.5, r"\b(?:keep|still|continue to|keeps) (?:coming|arriving|turning up)\b", "c"),
    ("complaint", 0.6, r"\b(?:not|isn'?t|wasn'?t) (?:a |an )?(?:proper|adequate|complete|full"
     r"|valid) (?:response|reply|answer)\b", "cn"),
    ("erasure", 0.55, r"\bclose\w* (?:it|the account|this account)\b", ""),
    ("erasure", 0.6, r"\b(?:no longer|don'?t|do not) (?:want|need) (?:an |my |the |this )?"
     r"account\b(?!\W+(?:deleted|closed|removed|erased|gone|to be))", "n"),
    ("complaint", 0.4, r"\bwhy (?:am i|is my \w+) (?:on|in|getting) (?:your|this|the)\b", ""),
    # Waiting for an invoice or a parcel is no data-protection chaser.
    ("complaint", 0.6, r"\bstill waiting\b(?! (?:for|on) (?:the |your |my |a |an )?(?:\w+ )?"
     r"(?:invoice|quote|payment|delivery|parcel|refund|call|callback|order|album|prints|gallery"
     r"|booking)\b)|\byet (?:i'?m|i am|i keep|you keep|you'?re|you are)"
     r" (?:still )?(?:receiving|getting|sending|emailing|texting|calling)\b", "c"),
    ("complaint", 0.55, r"\bwhy do i (?:keep |still )?(?:(?:getting|get|receiving|receive)"
     + gap(3) + r"(?:e-?mails?|messages|texts|calls|newsletters?|these|this|your|spam|post"
     r"|letters|leaflets|mail|offers)\b|hearing from)\b|\bwhy (?:are|do|does|is)"
     r" (?:you|your \w+)(?: keep| still)? (?:emailing"
     r"|contacting|texting|calling|messaging|sending|spamming)\b", ""),
    ("complaint", 0.4, r"\bcan still (?:see|find|access|log in|view)\b", "c"),
    # "it had been deleted" names an erasure said to be done: a chaser in the mail lifts it.
    ("erasure", 0.4, r"\b(?:had been|has been|was|were|have been) (?:deleted|erased|removed"
     r"|taken down)\b", "r"),
    ("complaint", 0.5, r"\bstill (?:showing|visible|online|up on|live|active|there|listed"
     r"|appearing)\b", "c"),
    ("complaint", 0.55, r"\bhow (?:is it|come)(?: that)? (?:you'?re|you are|you keep|i(?:'m| am)"
     r" (?:getting|receiving)) (?:emailing|contacting|texting|calling|messaging|sending)?\w*",
     ""),
    ("complaint", 0.4, r"\b(?:names|addresses|phone numbers|e-?mail addresses|details|data)\b"
     + gap(8) + r"(?:of|for) (?:\w+ ){0,3}?(?:all )?(?:your |the )?(?:other )?(?:clients"
     r"|customers|members|participants|families|models|parents)\b", ""),
    ("complaint", 0.3, r"\b(?:mine included|including mine|mine was (?:there|on it|in it))\b", ""),
    ("complaint", 0.35, r"\b(?:told|informed|notified) (?:you|your (?:staff|team|office"
     r"|colleague\w*|photographer))\b", "c"),
    ("complaint", 0.55, r"\bnever (?:gave|provided|shared|given) (?:you|them|it|anyone) my\b"
     r"|\bi never (?:gave|provided|given) (?:it |them )?(?:to )?(?:you|them)\b", "n"),
    ("access", 0.6, r"\b(?:know|ask|wondering|tell me) how you (?:got|obtained|came by|found"
     r"|sourced) (?:it|them|this|that|my|hold)\b", ""),
    ("complaint", 0.3, r"\b(?:know|ask|wondering|tell me) how you (?:got|obtained|came by|found"
     r"|sourced) (?:it|them|this|that|my|hold)\b", "h"),
    ("access", 0.6, r"\bwhere (?:did )?you (?:got|get|found|find|obtained|obtain) (?:it|them|this"
     r"|that|my \w+(?: \w+)?) from\b", ""),
    ("complaint", 0.4, r"\bdid you (?:share|sell|pass|give|leak|send) (?:it|them|my)\b", "h"),
    ("complaint", 0.5, r"\bhow my (?:personal )?(?:data|details|information|info) (?:was|were|has"
     r" been|have been|is being|are being) (?:handled|treated|used|shared|processed|stored)\b", ""),
    ("complaint", 0.4, r"\b(?:rais|register|voic)\w* (?:a |my |some )?(?:concerns?|complaint)\b",
     ""),
    ("access", 0.7, r"\blist of (?:all )?(?:the )?(?:companies|third parties|organi[sz]ations"
     r"|recipients|partners|parties)\b", ""),
    ("complaint", 0.4, r"\b(?:what|how) (?:are you|you'?re|you are) (?:going to do|doing|gonna do)"
     r" about (?:it|this|that)\b|\bgetting spam\b|\b(?:this|it) is spam\b|\bspamming me\b", ""),
    ("complaint", 0.6, r"\b(?:sent|send|sending|emailed|emailing|forwarded|forwarding)\b" + gap(4)
     + r"(?:my|his|her)\b" + gap(3) + r"(?:to (?:someone|somebody|another|the wrong|other|a third"
     r"|random|strangers|people|everyone|all))|\bbeen sent my\b"
     r"|\bsomeone else'?s\b|\b(?:another|other) (?:family|person|client|customer|parent|user)'?s?'?"
     r" (?:\w+ )?(?:photos?|details|data|address|information|pictures|images|names?)\b", ""),
    ("complaint", 0.6, r"\bwithout (?:my |our |his |her |any )?(?:consent|permission"
     r"|knowledge|agreement|asking|telling|informing)\b", ""),
    ("complaint", 0.55, r"\b(?:never|did not|didn'?t|have not|haven'?t) (?:agree\w*|consent\w*"
     r"|signed (?:a |any )?(?:release|consent|model release)"
     r"|gave (?:my )?(?:consent|permission)|give (?:my )?(?:consent|permission)|opted in"
     r"|been to)\b|\bi said no\b|\beven though (?:i|he|she|we|they|you) (?:said|asked|opted|gave"
     r"|told|promised|confirmed"
     r"|sent|provided|updated|changed"
     r"|unsubscribed|told)\b|\bstill on (?:your|the|this) (?:\w+ )?list\b"
     r"|\bdespite (?:that|me|my|this)\b", ""),
    # Asking where the data came from, or denying any relationship, is a grievance only
    # together (each alone stays below the threshold): "I never signed up. Who gave you my
    # number?"
    ("complaint", 0.3, r"\b(?:how|where) did (?:you|u|they) (?:get|obtain|collect|find|got)\w*\W+"
     r"(?:hold of\W+)?(?:my|this|it)\b|\bwhere (?:did )?you (?:got|get|found|find|obtained"
     r"|obtain) (?:it|them|this|that|my \w+(?: \w+)?) from\b|\bwho (?:gave|sold|passed"
     r"|provided|shared|supplied) (?:you )?(?:my|it|them)\b|\b(?:got|obtained|bought) my (?:number"
     r"|e-?mail|address|details|data|information|contact details) from\b", "h"),
    ("complaint", 0.4, r"\b(?:don'?t|do not) remember (?:ever )?(?:giving|signing|agreeing"
     r"|subscribing|opting)\b|\b(?:gave|given|provided) (?:you )?my \w+(?: \w+)? (?:only|just"
     r"|solely) (?:for|to)\b|\b(?:only|just) ever (?:given|gave|shared|used|provided)\b"
     r"|\b(?:don'?t|do not) know (?:you|who you are)\b|\bno idea who you are\b", "n"),
    ("complaint", 0.4, r"\bnever (?:signed up|subscribed|registered|opted in|asked to be"
     r" (?:on|added)|been (?:a |your )?(?:customer|client)|dealt with|done business|bought"
     r" anything|used your)\b|\b(?:i'?m|i am|i was) not (?:a|your) (?:customer|client)\b", "n"),
    # Nobody asked: consent missing for what was done with a photo, a name, the data.
    ("complaint", 0.6, r"\b(?:nobody|no one|no-one) (?:(?:thought|bothered|cared) to )?"
     r"(?:ask(?:ed)?|told|tell|checked with|check with|consulted|consult|warned|warn)"
     r" (?:me|us)\b", "np"),
    ("complaint", 0.6, r"\b(?:nobody|no one|no-one) (?:asked|told|checked with|consulted)"
     r" (?:me|us)\b" + gap(8) + r"(?:used|published|posted|shared|online|appear\w*)\b", "n"),
    ("complaint", 0.4, r"\bwhy (?:are|do|did|does) you (?:need|want|ask\w* for|collect\w*|track\w*"
     r"|record\w*|access\w*|stor\w*) (?:all )?(?:of )?my\b", ""),
    ("complaint", 0.6, r"\b(?:not|isn'?t|wasn'?t) (?:lawful|legal|compliant|gdpr compliant)\b"
     r"|\b(?:unlawful\w*|illegal\w*)\b", ""),
    ("complaint", 0.7, r"\b(?:data|security|privacy|gdpr) (?:breach|problem|issue|violation"
     r"|incident|failure)\b|\bbreach of (?:my|the|data|gdpr|privacy|confidentiality|trust)\b"
     r"|\b(?:been|were|was)"
     r" (?:leaked|exposed|hacked|compromised)\b", ""),
    ("complaint", 0.5, r"\b(?:visible|available|accessible|open) to (?:all|everyone|anyone"
     r"|the public)\b|\b(?:lets|let|allows?|anyone|everyone)\W+(?:anyone\W+|everyone\W+)?"
     r"(?:can\W+|to\W+)?(?:open|see|access|view|read|download)\b|\bpublic(?:ly)? (?:\w+ )?(?:link"
     r"|available|accessible|visible)\b", ""),
    ("complaint", 0.4, r"(?<!to )\bkeep (?:getting|receiving|being sent)\b", "c"),
    # A dated unsubscribe ("I unsubscribed in August") and a count of mails ("third one this
    # week") are weak alone; together they are marketing after opting out.
    ("complaint", 0.4, r"\bi (?:already |had |have )?(?:unsubscribed|opted out)"
     r"(?: (?:from|of)(?: \w+){1,3}?)? (?:in|on|last"
     r"|back|months|weeks|ages|years|a while|twice|long)\b", ""),
    ("complaint", 0.3, r"\b(?:second|third|fourth|fifth|another) (?:one|e-?mail|mail|text|message"
     r"|newsletter|call|promo) (?:this|today|in)\b|\b(?:second|third|fourth|fifth|sixth)"
     r" (?:one |e-?mail |mail |text |message |newsletter )?since\b"
     r"|\bsince then\W+(?:i'?ve|i have|i) (?:had|received|got|been sent)\b", ""),
    ("complaint", 0.5, r"\byou (?:don'?t|do not|no longer) have (?:my|our|any) (?:consent"
     r"|permission)\b", "n"),
    ("complaint", 0.6, r"(?<!you'll )(?<!you will )(?<!will i )(?<!would i )(?<!to )"
     r"\b(?:still) (?:getting|receiving|being sent|get|receive|had|have had"
     r"|being contacted)\b", "c"),
    ("complaint", 0.65, r"\b(?:i'?ve|i have|i|already) (?:already )?(?:unsubscribed|opted out"
     r"|replied stop|asked you|told you)\w*" + gap_any(8) + r"(?:still|again|but)\b"
     r"|\bclicked (?:on )?(?:the )?unsubscribe\b" + gap_any(8) + r"(?:still|again"
     r"|more\W+(?:e-?mails?|texts?|messages|newsletters?|calls|offers))\b", "c"),
    ("complaint", 0.65, r"\b(?:still|keep) (?:getting|receiving|being sent|get|receive)\b"
     + gap_any(10)
     + r"(?:unsubscribed|opted out|replied stop|asked you|told you)\b", "c"),
    ("complaint", 0.7, r"\b(?:not|no|never|haven'?t|hasn'?t)\b" + gap(3) + r"(?:had|received"
     r"|got|heard|seen)" + gap(3) + r"(?:reply|replies|response|answer|acknowledg\w*|back"
     r"|confirmation)\b", "cn"),
    ("complaint", 0.7, r"\b(?:heard|had|received|got) nothing\b|\bnothing (?:back )?from you\b"
     r"|\b(?:haven'?t|have not|not) (?:heard|had) anything\b|\bstill (?:haven'?t|have not|not)"
     r" (?:received|had|heard|got) (?:anything|a thing|a reply|a response)\b"
     r"|\bstill sending\b|\bstill (?:emailing|texting|calling|contacting|spamming) me\b", "cn"),
    ("complaint", 0.65, r"\bstill (?:haven'?t|have not|hasn'?t|has not|not) (?:sent|provided"
     r"|replied|responded|answered|deleted|removed|done|actioned|dealt)\b", "cn"),
    ("complaint", 0.6, r"\b(?:well past|past) the (?:\w+ )?(?:month )?deadline\b|\bpast the"
     r" (?:one|1|legal|statutory)[- ]month\b"
     r"|\boverdue\b"
     r"|\bdeadline (?:has )?(?:passed|expired)\b", "c"),
    ("complaint", 0.7, r"\bstill (?:nothing|no (?:reply|response|answer|word|news))\b|\bno"
     r" (?:reply|response|answer)(?: (?:yet|so far|at all)|\W+not even)\b", "cn"),
    ("complaint", 0.75, r"\bfail\w* to (?:respond|reply|answer|comply|act|delete|honou?r)\b"
     r"|\bignored my (?:request|emails?|messages?)\b", "c"),
    ("complaint", 0.5, r"\b(?:it'?s|it has|has) been (?:two|three|four|five|six|\d+|over a"
     r"|more than a|over|more than) (?:months?|weeks?|days)\b|\bday \d+\b", "c"),
    ("complaint", 0.35, r"\b(?:exceeded|admonition|last time"
     r" i'?m asking|contacting you again)\b", "c"),
    ("complaint", 0.6, r"\b(?:asked|told) (?:you )?(?:twice|three times|several times"
     r"|again|repeatedly"
     r"|(?:many|several|multiple|countless|numerous|so many) times)\b"
     r"|\b(?:second|third|fourth|fifth|sixth|tenth) time (?:i'?ve |i have |i )?(?:asked"
     r"|written|emailed|requested|contacted|chased)\b|\b(?:second|third|fourth|fifth|final|last)"
     r" (?:request|reminder|attempt|chaser)\b", "c"),
    ("complaint", 0.6, r"\b(?:unsubscribe|opt[- ]?out)\W+(?:link|button)\b" + gap(4)
     + r"(?:broken|doesn'?t work|does not work|404|not work\w*|error)\b", ""),
    ("complaint", 0.3, r"\b(?:unacceptable|appalling|outrag\w*|disgust\w*|furious|not happy"
     r"|unhappy|disappointed|sloppy|shocking|shocked|angry|fuming|upset"
     r"|horrified|serious breach|infuriat\w*|worried|not good enough|isn'?t good enough|harass\w*"
     r"|not impressed|excessive|intrusive|invasive|creepy|upsetting|distressing"
     r"|harto|harta)\b", ""),
    ("complaint", 0.5, r"\bhow did (?:this|that|it|they|someone|somebody|he|she) (?:get out|leak"
     r"|happen|get (?:my|hold))\b", ""),
    ("complaint", 0.4, r"\b(?:escalat\w*|sort it out)\b", ""),
]
