"""The knowledge package's errors: everything it raises derives from KnowledgeError."""


class KnowledgeError(Exception):
    """A policy could not be read or a question could not be asked."""


class PolicyError(KnowledgeError):
    """The policy text is missing, empty, binary or otherwise unusable."""


class QuestionError(KnowledgeError):
    """The question is empty or unusable."""


class UnknownPolicyError(QuestionError):
    """The question names a policy the knowledge base does not hold."""
