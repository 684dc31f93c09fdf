"""Does the chosen unit really speak to what the question asks about? Answer-or-abstain checks.

Coverage (ranking.py) says how much of the question's weight a unit touches; it cannot tell
"how long do we keep job applications?" answered by the row "Website analytics: 26 months"
(the retention words match, the thing asked about does not) from a right answer. One check,
over the question's concepts and the unit's own words, makes that difference:

- **subject**: a table row answers for its label only. The question's subject is what is left
  once the words the table's frame already says (its header and the section's headings:
  "keep", "retention period", "lawful basis") and the words a value answers ("how long") are
  set aside; the row must name that subject in its label or value: one of the question's own
  words (or a close spelling) is enough, a vocabulary relative must name most of it. A
  retention table that names other records but not this one is the policy's evidence that it
  does not say. The same holds for any sentence answering "how long / how quickly": "Financial
  records are kept for 6 years." does not say how long job applications are kept.

- **duration**: "how long / how quickly" is answered only by a unit stating a time span (or
  "until", "as long as"); "Images: photographs and video taken at our events" is not one.
- **empty section**: a heading whose body was lost ("8.2 Types of Cookies We Use", then the
  next heading) that names the whole question is where the policy would have answered it;
  an answer from elsewhere, under a heading that names less, would be a guess.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from rapidfuzz import fuzz

from knowledge.models import Policy
from knowledge.query import Concept
from knowledge.shapes import holds_time_span
from knowledge.tokens import content_stems

SUBJECT_SHARE = 0.5  # of the subject's weight the row label must name
SUBJECT_MIN_SHARE = 0.08  # concepts lighter than this share of the question are not its subject
# Words that ask for a duration. "Notice" and "warning" ask for one too, but are just as often
# the thing asked about ("when the privacy notice changes").
DURATION_WORDS = frozenset(content_stems("long fast quick quickly soon deadline timeframe "
                                         "duration period turnaround promptly"))
# "How do we decide how long to keep data?" asks for the criteria, not a duration.
FREQUENCY = re.compile(r"\bevery (?:\w+ )?(?:hour|day|week|month|year)s?\b"
                       r"|\b(?:annually|yearly|monthly|weekly|daily|regularly)\b", re.I)
METHOD = re.compile(r"\b(?:decid(?:e|es|ed|ing)|determin(?:e|es|ed|ing)|calculat(?:e|es|ed|ing)"
                    r"|work(?:s|ed|ing)? out|criteria|weigh(?:s|ed|ing)? up)\b")
# "How quickly do we action an unsubscribe / reply to a request?" asks how fast something is
# done: a row of a retention table (how long records are kept) never answers it.
SPEED = re.compile(r"\bhow (?:quickly|quick|soon|fast|promptly)\b|\bturn ?around\b"
                   r"|\bresponse time\b")
KEEPING = frozenset(content_stems("keep retain retention store storage"))
EMPTY_HEADING_WORDS = 2  # a one-word empty heading ("Shop") is more likely navigation
FUZZY_SAME = 85.0  # a close spelling of a label word names it ("applicant" / "applicants")


def speaks_to(concept: Concept, stems: set[str]) -> bool:
    """The concept's own word, or any of its alternatives, is among the stems."""
    return any(set(term) <= stems for term in concept.alternatives) or concept.word in stems


def _names(concept: Concept, stems: set[str]) -> bool:
    if speaks_to(concept, stems):
        return True
    return _spelt(concept, stems)


def _spelt(concept: Concept, stems: set[str]) -> bool:
    """The question's own word is among the stems, or a close spelling of it."""
    return concept.word in stems or any(
        set(term) <= stems for term, factor in concept.alternatives.items() if factor == 1.0
    ) or (len(concept.word) >= 4 and any(
        len(stem) >= 4 and fuzz.ratio(concept.word, stem) >= FUZZY_SAME for stem in stems))


def row_names_subject(concepts: Iterable[Concept], label: set[str], frame: set[str],
                      valued: set[str]) -> bool:
    """The row label names what the question asks about, beyond what the table's frame says.

    `valued` are the concepts a value answers ("how long", "how quickly"): never the subject.
    """
    concepts = list(concepts)
    total = sum(concept.weight for concept in concepts) or 1.0
    subject = [concept for concept in concepts
               if concept.word not in valued and len(concept.word) > 2
               and not speaks_to(concept, frame)]
    weight = sum(concept.weight for concept in subject)
    if weight <= 0 or max(concept.weight for concept in subject) / total < SUBJECT_MIN_SHARE:
        return True
    if any(_spelt(concept, label) for concept in subject):
        return True  # the row names it in the question's own words
    named = sum(concept.weight for concept in subject if _names(concept, label))
    return named > 0 and named >= SUBJECT_SHARE * weight


def empty_sections(policy: Policy) -> list[tuple[int, frozenset[str]]]:
    """Sections whose body was lost: a heading with nothing under it and no subsections,
    after the policy's text has begun (headings before it are site navigation). Each with the
    stems of its heading."""
    filled = {unit.section for unit in policy.units}
    if not filled:
        return []
    parents = {section.parent for section in policy.sections if section.parent is not None}
    return [(number, frozenset(content_stems(section.heading)))
            for number, section in enumerate(policy.sections)
            if number > min(filled) and number not in filled and number not in parents
            and len(set(content_stems(section.heading))) >= EMPTY_HEADING_WORDS]


def heading_share(concepts: Iterable[Concept], stems: Collection[str]) -> float:
    """The share of the question's weight that a heading names (synonyms included)."""
    concepts = list(concepts)
    total = sum(concept.weight for concept in concepts) or 1.0
    found = set(stems)
    return sum(concept.weight for concept in concepts if speaks_to(concept, found)) / total


def asks_duration(question: str, concepts: Iterable[Concept]) -> bool:
    """The question asks for a duration: "how long / how quickly / what retention period"."""
    return not METHOD.search(question) and any(
        DURATION_WORDS & set(concept.word.split()) for concept in concepts)


def states_duration(text: str) -> bool:
    """The text answers a duration question: a time span, "until ...", "as long as ...".
    How often something happens ("training every year", "an annual test") is not how long."""
    return holds_time_span(FREQUENCY.sub(" ", text))
