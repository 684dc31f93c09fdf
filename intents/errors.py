"""The intents package's errors. Parsing never raises; these are for unusable input sources."""


class IntentsError(Exception):
    """A message source could not be read (not a parse failure: those are reported in results)."""


class SourceError(IntentsError):
    """A path, mailbox or stream given to read messages from is missing or unreadable."""
