"""English rules. Patterns are over folded text (lower case, no accents, plain quotes).

Requests are verb + personal-data object pairs within a clause, so "delete the second draft"
or "copy of the invoice" do not count while "erase his photos" and "copy of the release form I
signed" do. Complaints need data-handling context: sentiment alone never makes one (the
complaint and chaser rules are in rules_en_complaints.py).
"""

from __future__ import annotations

from intents.ruleparts import RawRule, gap, gap_any

# Things about a person a request can be for.
# "acount", "accont", "acct": the one object word people mistype most (listed, not fuzzy:
# "act" and "accent" must stay what they are).
ACCOUNT = r"(?:accounts?|acounts?|accouts?|acconts?|accts?|accnts?)"
OBJ = (r"(?:personal |private )?(?:data|datas|information|info|details|" + ACCOUNT + r"|profile"
       r"|records?|photos?|photographs?|pictures?|pics|images?|videos?|footage|recordings?|cv"
       r"|resume|application|(?:phone |mobile )?number|(?:e-?mail |home |postal )?address|name"
       r"|portfolio|avatar|(?:my|his|her) files|uploads|everything|anything|contact details|notes"
       r"|headshots?|showreel|passport(?: copy)?"
       r"|scores|tags?|reviews?"
       r"|likeness|voice|model|testimonial|membership|release form|session recordings)\b")
# The same nouns as single words, for patterns that start with one (so their gate works).
OBJ_WORD = (r"(?:data|datas|information|info|details|" + ACCOUNT + r"|profile|records?|photos?"
            r"|photographs?|pictures?|pics|images?|videos?|footage|recordings?|cv|resume"
            r"|application|number|address|name|portfolio|avatar|uploads|everything"
            r"|anything|notes|scores|likeness|voice|model|testimonial|membership|face)\b")
DEL = (r"(?:delet\w*|eras\w*|wip(?:e|ed|ing)\b|purg\w*|destroy\w*|scrub\w*|get rid of|nuke\w*"
       r"|expung\w*|obliterat\w*|scrap\b|trash\b|bin\b"
       r"|take\w* down|took down|forget|remov\w*(?!" + gap(8)
       + r"(?:list|lists|newsletters?|mailing|mailings|marketing|promotional|promotions)\b))")
MARKETING = (r"(?:e-?mails?|mails?|newsletters?|marketing|promotions?|promotional|promos?"
             r"|offers|texts?|messages|sms|calls|spam|brochures|post|postcards|invitations?"
             r"|invites|adverts?|ads|advertising|mailings?|updates|catalogues?|leaflets)\b")
ME = r"(?:me|him|her|them|us|my|his|their|myself|mine)\b"
DPA = (r"(?:ico|information commissioner\w*|regulator|supervisory authority|data protection"
       r" (?:authority|commissioner|regulator)|dpa|authorities|ombudsman)\b")

EN_RULES: list[RawRule] = [
    # access
    ("access", 0.9, r"\b(?:data subject access request|subject access request|dsar|sar)\b", "r"),
    ("access", 0.8, r"\bright (?:of|to) access\b|\brequest\w* (?:for )?access\b", "r"),
    ("access", 0.7, r"\b(?:request\w*|asked) for (?:a copy of )?(?:my|all my|all of my)"
     r" (?:personal )?(?:data|information|details)\b(?! to be| be | deleted| removed| erased)",
     "r"),
    ("access", 0.6, r"\baccess request\b|\bdisclosure of (?:my|all my|any of my)\b", "r"),
    ("access", 0.8, r"\bcop(?:y|ies)\b" + gap(6) + OBJ, ""),
    ("access", 0.6, r"\b(?:need|want|like|get|have|receive)\W+(?:a\W+)?cop(?:y|ies) of (?:it|them"
     r"|these|those|this)\b", ""),
    ("access", 0.85, r"\b(?:what|which)" + gap(4) + r"(?:data|information|info|details|records|else"
     r"|stuff|footage|photos|recordings|images|videos)\b" + gap(6) + r"(?:about|on|of|for)\W+"
     + ME, ""),
    ("access", 0.8, r"\b(?:data|information|info|details|notes|records|everything|anything"
     r"|scores|whatever)\b" + gap(6) + r"(?:hold|have|keep|kept|store|stored|process|collected"
     r"|recorded|got|held|made|wrote|written|took|taken)\w*" + gap(3)
     + r"(?:about|on|of|relating to|concerning|regarding)\W+"
     + ME, "o"),
    ("access", 0.7, r"\b(?:send|provide|give|share|e-?mail|forward)\W+(?:me|us)\W+(?:with\W+)?"
     r"(?:\w+\W+){0,2}(?:my|all|any|personal|everything|whatever|a copy|copies|an? export)\b"
     r"(?! of (?:our|your)\b)", ""),
    ("access", 0.7, r"\bentitled\b" + gap(3) + r"to (?:see|know|access|receive|obtain|get|a copy"
     r"|copies)\b", ""),
    ("access", 0.8, r"\bwhat (?:you|u)(?:'ve|'d| have| had)? (?:\w+ly )?(?:got|hold|have|had|held"
     r"|keep|kept|store|know|knew|process)\w* (?:about|on|of) " + ME, ""),
    ("access", 0.7, r"\b(?:send|provide|give|forward)\W+(?:me|us)\b" + gap(8) + r"(?:of|from)"
     r" (?:my|me)\b|\bprovide\w*\W+(?:\w+\W+){0,1}(?:all (?:my|personal|the personal|of my)"
     r"|any personal|personal data|copies|a copy)\b", ""),
    ("access", 0.6, r"\bconfirm whether (?:or not )?you\b" + gap(3) + r"(?:hold|have|keep|store"
     r"|process)\w*" + gap(3) + r"(?:data|information|details|records|footage|photos?"
     r"|recordings?|images?|videos?)\b", ""),
    ("access", 0.7, r"\bwhich (?:third parties|companies|organi[sz]ations|partners|parties"
     r"|firms|businesses)\b" + gap(4) + r"(?:shared|sold|passed|disclosed|given|sent)\b", ""),
    ("access", 0.7, r"\b(?:tell|show|inform|let)\w*\W+(?:me|us)\b" + gap(3) + r"what" + gap(6)
     + r"(?:hold|have|keep|store|process|know|collected|used|shared)", ""),
    # "please send me the data without further delay", after the request it chases.
    ("access", 0.7, r"\b(?:send|provide|give|forward)\w*\W+me\W+(?:(?:all )?(?:of )?my"
     r"(?: personal)? data\b|the personal data\b|the data (?:you hold|you have|without (?:further"
     r" |any )?delay)\b)", ""),
    ("access", 0.8, r"\bwhat (?:\w+ly )?(?:do|did|have|else do) you (?:\w+ly |even |really )?"
     r"(?:know|got|have|hold|keep|store)(?: got)? (?:about|on) me\b", ""),
    ("access", 0.75, r"\b(?:can|could|may) i (?:have|get|see|receive|obtain)\W+(?:a copy of\W+)?"
     r"(?:all\W+)?(?:of\W+)?(?:my|the) (?:personal )?(?:data|information|details|records)\b", ""),
    ("access", 0.6, r"\b(?:receiv|get|gett)\w* (?:a copy of )?my (?:data|personal data|information"
     r"|records|files|sar|subject access)\b", ""),
    ("access", 0.6, r"\b(?:would like|want|wish|like|need) to (?:see|know|access|get"
     r"|obtain|receive|view)\b" + gap(4) + r"(?:my|all|what (?:data|info|information|personal)"
     r"|which (?:data|information)|the (?:data|information|personal))\b", ""),
    ("access", 0.6, r"\b(?:how|where) did (?:you|u) (?:get|obtain|collect|find)\w*\W+(?:my|hold)\b"
     r"|\bwho (?:gave|sold|passed|provided|shared|supplied) (?:you )?my\b|\bwho (?:gave|sold"
     r"|passed|provided|shared|supplied) (?:it|them|this|that)(?: to you)?\b", ""),
    ("access", 0.7, r"\b(?:know|find out|tell me|confirm|wondering|wonder)\b" + gap(6)
     + r"(?:hold|have|keep|got"
     r"|store|process)\w*" + gap(4) + OBJ_WORD, ""),
    ("access", 0.6, r"\b(?:would like|like|want|need)\W+(?:a\W+)?cop(?:y|ies)\b(?! of)", ""),
    ("access", 0.5, r"\bwho (?:have |has )?you(?:'ve)? (?:shared|given|sold|passed)\b", ""),
    ("access", 0.6, r"\b(?:know|tell me|find out|see)\W+(?:exactly\W+)?(?:what|which)\W+(?:\w+\W+)?"
     r"(?:you(?:'ve| have)?\W+)?(?:shared|disclosed|passed on|sold|given|kept|recorded)\b"
     r"|\bconfirm (?:exactly )?what you(?:'ve| have)? (?:shared|disclosed|passed on|sold|given)\b",
     ""),
    ("access", 0.4, r"\b(?:data|information|copy|files|records)\b (?:that )?you (?:promised|owe"
     r"|were supposed to send|said you would send)\b", "r"),
    ("opt_out", 0.8, r"\b(?:confirm|ensure|make sure|promise)\W+(?:that\W+)?you(?:'ll| will)?"
     r" (?:no longer|not|never) (?:send|e-?mail|contact|call|text|message|phone)\w*", "hn"),
    ("opt_out", 0.6, r"\b(?:only|just) (?:text|e-?mail|contact|call|message|send) (?:me|us)\b"
     + gap(3) + r"(?:about|regarding|for)\b", ""),
    ("access", 0.8, r"\bdata portability\b|\bmachine[- ]readable\b|\bexport\w*" + gap(4)
     + r"(?:my|all)\b", ""),
    ("access", 0.55, r"\bconfirm whether (?:or not )?you\b" + gap(3) + r"process", ""),
    # erasure
    ("erasure", 0.85, r"\b" + DEL + gap(6) + OBJ, ""),
    ("erasure", 0.8, r"\b(?:want|like|prefer|need|have|get|require|request|ask|demand"
     r"|expect|confirm|make sure|ensure)\w*\W+(?:\w+\W+){0,4}?" + OBJ_WORD + gap(3)
     + r"(?:to be |be |been |get |gets |is )?"
     r"(?:deleted|erased|removed|wiped|purged|destroyed|taken down|gone)\b", ""),
    ("erasure", 0.75, r"\b(?:delete|erase|forget|wipe)\W+me\b", ""),
    ("erasure", 0.6, r"\b(?:want|like|ask|need)\W+you\W+(?:to\W+)?(?:delete|erase|wipe"
     r"|remove(?!\W+(?:me|us|him|her)\W+(?:\w+\W+){0,2}?(?:from|off)\b))\b", ""),
    ("erasure", 0.7, r"\btake\w*\W+(?:it|them|the ones|those|these|my \w+|the (?:photos?|pics"
     r"|pictures|images?|videos?|posts?))\W+(?:\w+\W+){0,4}?down\b", ""),
    ("erasure", 0.6, r"\b(?:delete|erase|remove|wipe|destroy|get rid of)\w*\W+(?:it|them|all"
     r"|it all|all of it)\b(?!\W+from\W+(?:\w+\W+){0,3}(?:list|lists|newsletters?"
     r"|mailing\w*))", ""),
    ("erasure", 0.6, r"\b(?:asked|ask|request\w*) for (?:the |a |my )?(?:deletion|erasure"
     r"|removal)\b", ""),
    ("erasure", 0.7, r"\b(?:prefer|rather) you (?:didn'?t|did not|don'?t|do not|wouldn'?t"
     r"|no longer) (?:keep|hold|store|retain|have)\b", "n"),
    ("erasure", 0.75, r"\b(?:want|like|need) (?:it|them|everything|this|these|those)(?: all)?"
     r" (?:deleted|gone|removed|erased|taken down|destroyed|wiped)\b", ""),
    ("erasure", 0.9, r"\bright to (?:be forgotten|erasure)\b", ""),
    ("erasure", 0.85, r"\b(?:erasure|deletion|removal) of (?:my|all|his|her|their|the personal"
     r"|any personal|personal)\b|\brequest\w* (?:for )?(?:erasure|deletion)\b", "r"),
    ("erasure", 0.55, r"\b(?:close|cancel|deactivate|terminate)\w*\W+(?:my|his|her|the)"
     r"(?: \w+)? account\b|\baccounts?\W+(?:to be |be |being )?(?:closed|deactivated)\b", ""),
    ("erasure", 0.75, r"\btak\w*\W+(?:my|his|her|their)\W+(?:\w+\W+){0,3}?(?:off|down)\b", ""),
    ("erasure", 0.6, r"\btake (?:it|them|these|those|this|that) (?:down|off)\b", ""),
    ("erasure", 0.8, r"\b(?:remove|take|get|erase|delete|wipe)\w*\W+"
     r"(?:me|my \w+(?: and \w+)?|him|her)"
     r"\W+(?:off"
     r"|out of|from) (?:your|the|all)(?: \w+)? (?:system|systems|database|records|files"
     r"|website|servers?)\b", ""),
    # opt_out
    ("opt_out", 0.9, r"\b(?:un(?:sub|su|sus)?scri\w*|unsub)\W+(?:me|us|him|her|my)\b|\b(?:please"
     r"|pls|plz|kindly|want to|wish to|like to|need to|can you|could you|just)"
     r" (?:un(?:sub|su|sus)?scri|unsub\b)", ""),
    ("opt_out", 0.7, r"\b" + MARKETING + gap_any(4) + r"(?:please |pls )?stop(?: it| now| please)?"
     r"\W*$|\bhad enough of (?:your|the|all)\b" + gap(2) + MARKETING, ""),
    ("opt_out", 0.9, r"(?m)^\W*(?:message\W+)?(?:please\W+)?(?:unsubscribe|stop|opt[- ]?out)\W*"
     r"(?:me\W*)?(?:please\W*)?$", ""),
    ("opt_out", 0.85, r"\bopt\w*\W+(?:me|us)\W+out\b|\b(?:want|wish|like|would like) to opt"
     r"[- ]?out\b|\bi (?:hereby )?opt[- ]?out\b", ""),
    # "why are you emailing me? ... Please stop": the stop refers back to the contact.
    ("opt_out", 0.6, r"\b(?:emailing|e-mailing|texting|calling|contacting|messaging|phoning"
     r"|ringing)\b" + gap_any(12) + r"(?:please|pls|so|just|now) stop\b(?! \w+ing\b)", ""),
    ("opt_out", 0.8, r"\bstop\w*\W+(?:sending|e-?mailing|texting|calling|contacting|messaging"
     r"|ringing|phoning)\W+(?:to\W+)?this (?:number|address|e-?mail(?: address)?|phone)\b", ""),
    ("opt_out", 0.85, r"\bstop\w*\W+(?:sending|e-?mailing|texting|calling|contacting|messaging"
     r"|mailing|spamming|bothering|pestering|ringing|phoning|posting|adding|marketing to)\W+"
     r"(?:me|us|him|her|my)\b", ""),
    ("opt_out", 0.8, r"\b(?:stop|cease|discontinue|halt)\w*" + gap(4) + MARKETING, ""),
    # "my mum put my email on the newsletter ... can u stop sending it": "it" is the newsletter.
    ("opt_out", 0.75, r"\bstop\w*\W+(?:sending|e-?mailing|mailing|posting)\W+(?:it|them|these"
     r"|those|this)\b(?!\W+to (?!me\b|us\b))", "k"),
    ("opt_out", 0.85, r"\b(?:don'?t|do not|dont|no longer|never)\W+(?:want|wish|like)" + gap(4)
     + r"(?:receiv|get|hear|be contacted|be emailed)\w*", "n"),
    ("opt_out", 0.85, r"\b(?:don'?t|do not|dont|no longer)\W+(?:want|wish|need)\W+(?:\w+\W+){0,3}"
     + MARKETING, "n"),
    ("opt_out", 0.8, r"\b(?:don'?t|do not|dont)\W+(?:want|wish|allow)\W+(?:my|our)\W+"
     r"(?:\w+\W+){0,2}"
     r"(?:used|processed|shared)\b" + gap(4) + r"(?:marketing|advertising|profiling|ads"
     r"|promotions?|promotional)\b", "n"),
    ("opt_out", 0.85, r"\b(?:don'?t|do not|dont|never)\W+(?:send|email|e-mail|contact|call"
     r"|text|message)\w*\W+(?:me|us|him|her|any)\b", "n"),
    ("opt_out", 0.7, r"\b(?:no|not) (?:more|further)\W+(?:of\W+)?(?:(?:the|your|these|those)\W+)?"
     r"(?:\w+\W+)?" + MARKETING, "n"),
    ("opt_out", 0.75, r"(?m)^\W*no (?:more |further )?" + MARKETING + r"\W*(?:please|pls|plz"
     r"|thanks?)?\W*$", "n"),
    ("access", 0.7, r"\baccess to (?:all )?(?:of )?my (?:personal )?(?:data|information|details"
     r"|records)\b", ""),
    ("opt_out", 0.85, r"\b(?:remove|take|delete|drop|strike)\w*\W+(?:me|us|him|her|my|this|our"
     r"|the|it|them)\b" + gap(3) + r"(?:off|from|out of)\W+(?:your|the|any|all|this|these|those|of"
     r"|them)?\W*(?:\w+\W+){0,3}(?:list|lists|newsletters?|mailing\w*|distribution"
     r"|marketing|promotional|promotions)\b", ""),
    ("opt_out", 0.6, r"\btake (?:me|us|him|her) off\b", ""),
    ("opt_out", 0.55, r"\b(?:please|pls|can you|could you|would you)\W+stop (?:these|them|this|it"
     r"|those)\b", ""),
    ("opt_out", 0.75, r"\b(?:turn|switch)\w* off\b" + gap(4) + MARKETING + r"|\b(?:disable"
     r"|opt out of)\b" + gap(4) + MARKETING, ""),
    ("opt_out", 0.8, r"\bdo[- ]not[- ](?:call|contact|mail|e-?mail|text)\b", "n"),
    ("opt_out", 0.8, r"\b(?:not|no longer|never)\W+(?:be\W+)?(?:contacted|emailed|called|texted"
     r"|sent|messaged)\b" + gap(4) + MARKETING, "n"),
    ("opt_out", 0.85, r"\bcancel\w*" + gap(6) + r"(?:newsletters?|mailing list|marketing"
     r"|e-?mail (?:list|updates|alerts)|promotional)\b", ""),
    ("opt_out", 0.55, r"\bremove (?:me|him|her)\b(?=\W*(?:now|please|pls|immediately|asap|at once"
     r"|thanks?|manually|too|as well|altogether|completely|entirely|$))", ""),
    ("opt_out", 0.8, r"\bwithdraw\w*" + gap(10) + r"(?:marketing|newsletters?|promotional"
     r"|advertising)\b", ""),
    ("opt_out", 0.85, r"\bobject\w*" + gap(12) + r"(?:(?:direct )?marketing|advertising|adverts"
     r"|targeted ads)\b", ""),
]
