"""knowledge: policy text -> sections and facts -> index -> Answer (quote, citations) or abstain.

Pure: no I/O library, nothing from bot, intents or storage. Reading a named file
(read_policy_file), and the embedding model's files and its cache of policy embeddings
(embedding.py), are the only contact with the outside world.
"""

from knowledge.base import Assessment, KnowledgeBase
from knowledge.errors import KnowledgeError, PolicyError, QuestionError, UnknownPolicyError
from knowledge.model import Model
from knowledge.models import Answer, Citation, Policy, Section, Unit
from knowledge.parser import parse_policy
from knowledge.reading import decode_policy, read_policy_file

__all__ = [
    "Answer",
    "Assessment",
    "Citation",
    "KnowledgeBase",
    "KnowledgeError",
    "Model",
    "Policy",
    "PolicyError",
    "QuestionError",
    "Section",
    "Unit",
    "UnknownPolicyError",
    "decode_policy",
    "parse_policy",
    "read_policy_file",
]
