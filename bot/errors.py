"""The service's own errors; channels turn these into a clear, safe answer."""


class BotError(Exception):
    """Something the service was asked to do cannot be done."""


class ConfigError(BotError):
    """The settings or the organisations file are wrong."""


class UnknownOrganisationError(ConfigError):
    """No organisation has that id or privacy address."""


class WorkflowError(BotError):
    """A rights-workflow rule refuses the action."""


class IllegalTransitionError(WorkflowError):
    """The ticket's state does not allow the action."""


class VerificationError(WorkflowError):
    """An identity check failed: wrong, expired or exhausted code."""


class PermissionDeniedError(BotError):
    """The person asking may not do this."""
