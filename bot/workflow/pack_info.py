"""The information Art. 15(1) and (2) GDPR gives a requester beside their data, quoted from
the organisation's own privacy policy through the knowledge base.

Each topic is asked in a few wordings (policies name things differently); the first answer
the knowledge base gives with a citation is quoted with its section. When no wording finds
an answer, the pack says that the policy does not say, instead of guessing. The right to
complain is also always given with the organisation's supervisory authority from its
configuration, since the law requires it whatever the policy says.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.workflow.pack import PackInfo, Quote
from knowledge import KnowledgeBase

NOT_SAID = "Our privacy policy does not say this; ask us and the privacy team will answer."
MAX_QUOTES = 2


@dataclass(frozen=True)
class Topic:
    key: str
    title: str
    questions: tuple[str, ...]


TOPICS: tuple[Topic, ...] = (
    Topic("purposes", "Why we process your data (the purposes)",
          ("What are the purposes of processing personal data?",
           "How do we use your information?")),
    Topic("recipients", "Who receives your data (recipients)",
          ("Who do we share personal data with?",
           "Who are the recipients of personal data?",
           "Do we disclose your information to third parties?")),
    Topic("retention", "How long we keep your data",
          ("How long do we keep personal data?", "What is the retention period?")),
    Topic("rights", "Your rights (rectification, erasure, restriction, objection and others)",
          ("What rights do people have over their personal data?",
           "What are your rights?")),
    Topic("source", "Where your data comes from, when not from you",
          ("Where does personal data come from? What is the source of the data?",
           "What information do we receive from third parties?")),
    Topic("transfers", "Transfers outside your country and their safeguards",
          ("Do we transfer personal data outside the EEA or the UK?",
           "International data transfers")),
    Topic("automated", "Automated decisions and profiling",
          ("Do we use automated decision-making or profiling?",)),
    Topic("complaint", "Your right to complain to the supervisory authority",
          ("Can people complain to the supervisory authority?",
           "How to complain to the data protection authority?")),
)


def _quotes(kb: KnowledgeBase, policy: str, topic: Topic) -> tuple[Quote, ...]:
    for question in topic.questions:
        answer = kb.ask(question, policy=policy)
        cited = [c for c in answer.citations if c.policy == policy]
        if answer.answered and cited:
            return tuple(Quote(section=c.section, heading=c.heading, quote=c.quote)
                         for c in cited[:MAX_QUOTES])
    return ()


def supplementary_information(kb: KnowledgeBase, policy: str, *, authority: str,
                              authority_contact: str) -> tuple[PackInfo, ...]:
    """Every topic of TOPICS for the organisation whose policy id is `policy`."""
    found: list[PackInfo] = []
    for topic in TOPICS:
        quotes = _quotes(kb, policy, topic) if policy in kb.policy_ids() else ()
        note = "" if quotes else NOT_SAID
        if topic.key == "complaint":
            note = (f"You may complain to the supervisory authority, {authority}: "
                    f"{authority_contact}")
        found.append(PackInfo(topic=topic.key, title=topic.title, quotes=quotes, note=note))
    return tuple(found)
