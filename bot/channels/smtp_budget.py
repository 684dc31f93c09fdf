"""How much mail data the SMTP intake holds in memory at once: a budget of bytes in flight.

Every session receiving DATA holds its message in memory until the desk has committed it
(and parsing a large mail briefly costs a few times its size). Without a bound, twelve
senders of 24 MB mails at once take the process past a gigabyte. Each message charges
its bytes to the budget as they arrive and gives them back when it has been answered.

- A small message (up to SMALL_MESSAGE) is always taken: typical requests never wait
  behind an attachment, and their memory is bounded by the number of connections.
- A large message is taken while the bytes in flight stay within the limit, and always
  when it is the only large one in flight (so a limit below the message size limit still
  lets every message through, one at a time).
- A message that does not fit is refused with a temporary answer (451 after its DATA, or
  452 at MAIL FROM when its declared SIZE cannot fit): the sending server keeps it and
  retries later; nothing answered 250 is ever dropped.

Pure bookkeeping, no I/O: one instance per SMTP server, used from its event loop.
"""

from __future__ import annotations

SMALL_MESSAGE = 1024 * 1024
BUSY_AT_MAIL = "452 4.3.1 Too much mail in progress, please try again later"
BUSY_AFTER_DATA = "451 4.3.1 Too much mail in progress, please try again later"


class Hold:
    """One message's charge against the budget."""

    __slots__ = ("_budget", "bytes", "large")

    def __init__(self, budget: ByteBudget) -> None:
        self._budget = budget
        self.bytes = 0
        self.large = False

    def take(self, count: int) -> bool:
        """Charge `count` more bytes; False (and nothing charged) when they do not fit."""
        return self._budget._take(self, count)

    def release(self) -> None:
        """Give every byte back (the message was answered, refused or abandoned)."""
        self._budget._release(self)


class ByteBudget:
    """Bytes of DATA held by sessions, against `limit`; see the module docstring."""

    def __init__(self, limit: int, *, small: int = SMALL_MESSAGE) -> None:
        if limit <= 0:
            raise ValueError("the budget must be positive")
        self.limit = limit
        self.small = small
        self.used = 0
        self.large = 0  # large messages in flight
        self.peak = 0
        self.refused = 0  # messages refused for want of room (for the log and the benches)

    def hold(self) -> Hold:
        return Hold(self)

    def room_for(self, size: int) -> bool:
        """Whether a message of `size` bytes (a declared SIZE) would be taken now."""
        return size <= self.small or self.large == 0 or self.used + size <= self.limit

    def _take(self, hold: Hold, count: int) -> bool:
        after = hold.bytes + count
        if after > self.small:
            alone = self.large == 0 or (hold.large and self.large == 1)
            if not alone and self.used + count > self.limit:
                self.refused += 1
                return False
            if not hold.large:
                hold.large = True
                self.large += 1
        hold.bytes = after
        self.used += count
        if self.used > self.peak:
            self.peak = self.used
        return True

    def _release(self, hold: Hold) -> None:
        self.used -= hold.bytes
        hold.bytes = 0
        if hold.large:
            hold.large = False
            self.large -= 1
