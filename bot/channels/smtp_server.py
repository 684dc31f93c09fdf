"""The SMTP listener: aiosmtpd's protocol on the application's own event loop.

Not aiosmtpd's threaded Controller: the async database engine belongs to this loop, and the
handler must run on it. Shutdown stops accepting, lets messages in hand finish (they get
their 250), then tells idle clients 421 and closes.

DATA is read here rather than by aiosmtpd: into one buffer per message (aiosmtpd keeps a
list of one object per line, about twice the message in memory), charging the bytes to the
server's budget of mail in flight (bot/channels/smtp_budget.py), and taking lines of any
length up to the message size limit (aiosmtpd refuses a line over 1000 octets, or over its
reader's limit, with a permanent 500: the sender bounces a mail a web form or a script
wrote as one long line, and the request is lost).
"""

from __future__ import annotations

import asyncio
import logging
import re
import socket
from typing import Any

from aiosmtpd.smtp import MISSING, SMTP

from bot.channels.smtp_budget import BUSY_AFTER_DATA, BUSY_AT_MAIL, ByteBudget, Hold
from bot.channels.smtp_intake import SHUTTING_DOWN, IntakeHandler

log = logging.getLogger(__name__)

# The stream reader's limit: a longer line is read in pieces of about this size, and the
# reader stops reading from the socket past twice this much unread (per connection).
READ_CHUNK = 64 * 1024
TOO_MUCH = "552 5.3.4 Message size exceeds fixed maximum message size"
_SIZE_PARAM = re.compile(r"(?:^|\s)SIZE=(\d{1,20})(?:\s|$)", re.IGNORECASE)
# "<local@domain> PARAMS" with dot-atom local part and domain: the MAIL/RCPT arguments nearly
# every client sends. The email package's angle-address parser aiosmtpd uses costs about a
# tenth of the server's CPU per mail; it still reads everything else (quoted local parts,
# comments, source routes, address literals, non-ASCII, "<>").
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_PARAMS = r"[\x20-\x27\x29-\x7e]*"  # printable ASCII, no comment
_PLAIN_PATH = re.compile(rf"<({_ATOM}(?:\.{_ATOM})*@{_ATOM}(?:\.{_ATOM})*)>[ \t]*({_PARAMS})",
                         re.ASCII)


class _TrackedSMTP(SMTP):
    """aiosmtpd's SMTP protocol that registers its connection with the server and reads
    DATA itself (see the module docstring)."""

    def __init__(self, handler: IntakeHandler, connections: set[Any], budget: ByteBudget,
                 **kwargs: Any) -> None:
        # Set before SMTP.__init__, which sizes its stream reader from it. Commands keep
        # their own limit (command_size_limit); DATA lines may be longer (smtp_DATA).
        self.line_length_limit = READ_CHUNK
        super().__init__(handler, **kwargs)
        self._connections = connections
        self._budget = budget

    async def smtp_MAIL(self, arg: str | None) -> None:
        # A declared SIZE that cannot fit now is refused before the sender transmits it
        # (one over the size limit gets aiosmtpd's permanent 552: it can never fit).
        declared = _SIZE_PARAM.search(arg or "")
        size = int(declared.group(1)) if declared is not None else 0
        if (size and size <= (self.data_size_limit or size)
                and not self._budget.room_for(size)):
            await self.push(BUSY_AT_MAIL)
            return
        await super().smtp_MAIL(arg)

    async def smtp_DATA(self, arg: str) -> None:
        """RFC 5321 DATA as aiosmtpd does it (checks, 354, dot-stuffing, the DATA hook, the
        reply), with the message in one buffer charged to the budget, and long lines taken.
        Whatever goes wrong, the client's reply waits for the end of its data (RFC 5321
        4.2.5), and the bytes charged are given back once the message is answered."""
        if await self.check_helo_needed() or await self.check_auth_needed("DATA"):
            return
        assert self.envelope is not None
        if not self.envelope.rcpt_tos:
            await self.push("503 Error: need RCPT command")
            return
        if arg:
            await self.push("501 Syntax: DATA")
            return
        await self.push("354 End data with <CR><LF>.<CR><LF>")
        hold = self._budget.hold()
        try:
            read = await self._read_data(hold)
            if read is None:  # the connection went away before the end of the data
                return
            content, refusal = read
            if refusal is not None:
                self._set_post_data_state()  # type: ignore[no-untyped-call]
                await self.push(refusal)
                return
            self.envelope.content = self.envelope.original_content = content
            del content
            status = await self._call_handler_hook("DATA")
            self._set_post_data_state()  # type: ignore[no-untyped-call]
            await self.push("250 OK" if status is MISSING else status)
        finally:
            hold.release()

    async def _read_data(self, hold: Hold) -> tuple[bytes, str | None] | None:
        """The message up to the lone dot, unstuffed; or b"" and the reply that refuses it;
        None when the connection closed first (a partial message is never handed on)."""
        buffer = bytearray()
        limit = self.data_size_limit
        line_start, refusal, ended = True, None, False
        while self.transport is not None:
            try:
                piece = await self._reader.readuntil(b"\r\n")
            except asyncio.CancelledError:
                log.info("smtp: connection lost during DATA")
                self._writer.close()
                raise
            except asyncio.LimitOverrunError as exc:  # a line longer than READ_CHUNK
                piece = await self._reader.readexactly(exc.consumed)
            if line_start and piece[:1] == b".":
                if piece == b".\r\n":
                    ended = True
                    break
                piece = piece[1:]  # dot-stuffing (RFC 5321 4.5.2)
            line_start = piece[-2:] == b"\r\n"
            if refusal is not None:
                continue  # read to the end, keep nothing
            if limit and len(buffer) + len(piece) > limit:
                refusal = TOO_MUCH
            elif not hold.take(len(piece)):
                refusal = BUSY_AFTER_DATA
            else:
                buffer += piece
                continue
            buffer = bytearray()
            hold.release()
        if not ended:
            return None
        if refusal is not None:
            if refusal is BUSY_AFTER_DATA:
                log.warning("smtp: answered 451, mail data in flight over the budget of %d "
                            "bytes", self._budget.limit)
            return b"", refusal
        content = bytes(buffer)
        del buffer
        return content, None

    # A private method of aiosmtpd's, hence the upper pin in pyproject.toml; the tests compare
    # this reading with the library's own on known and generated arguments.
    def _getaddr(self, arg: str) -> tuple[str | None, str | None]:
        match = _PLAIN_PATH.fullmatch(arg)
        if match is None:
            return super()._getaddr(arg)
        address = match.group(1)
        if self.local_part_limit and len(address.rpartition("@")[0]) > self.local_part_limit:
            return None, None
        return address, match.group(2)

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)
        self._connections.add(self)

    def connection_lost(self, error: Exception | None) -> None:
        self._connections.discard(self)
        super().connection_lost(error)


def default_budget(max_message_bytes: int) -> int:
    """Four messages of the largest size in flight (each costs a few times its size in
    memory while it is parsed): see docs/intake.md for the figures."""
    return 4 * max_message_bytes


class SmtpServer:
    """Listens on host:port and feeds every connection to one IntakeHandler."""

    def __init__(self, handler: IntakeHandler, *, host: str, port: int,
                 max_message_bytes: int, data_budget_bytes: int | None = None,
                 hostname: str | None = None, timeout: float = 300.0) -> None:
        self.handler = handler
        self._host = host
        self._port = port
        self._max_bytes = max_message_bytes
        self.budget = ByteBudget(data_budget_bytes or default_budget(max_message_bytes))
        # Resolved once: aiosmtpd would otherwise call getfqdn() (DNS) on every connection.
        self._hostname = hostname or socket.gethostname()
        self._timeout = timeout
        self._server: asyncio.Server | None = None
        self._connections: set[Any] = set()

    @property
    def address(self) -> tuple[str, int]:
        """The bound host and port (the real port when 0 was asked for)."""
        if self._server is None or not self._server.sockets:
            return (self._host, self._port)
        sockname = self._server.sockets[0].getsockname()
        return (str(sockname[0]), int(sockname[1]))

    @property
    def listening(self) -> bool:
        """True while the server accepts connections (for /healthz)."""
        return self._server is not None and self._server.is_serving()

    def _protocol(self) -> _TrackedSMTP:
        return _TrackedSMTP(
            self.handler, self._connections, self.budget,
            data_size_limit=self._max_bytes, enable_SMTPUTF8=True, decode_data=False,
            hostname=self._hostname, ident="privacybot ESMTP", timeout=self._timeout,
            loop=asyncio.get_running_loop(),
        )

    async def start(self) -> tuple[str, int]:
        loop = asyncio.get_running_loop()
        self._server = await loop.create_server(self._protocol, host=self._host, port=self._port)
        return self.address

    async def stop(self, grace: float = 30.0) -> None:
        """Stop listening, finish messages in hand, then close remaining connections."""
        server, self._server = self._server, None
        if server is None:
            return
        server.close()
        if not await self.handler.drain(grace):
            log.warning("smtp: shutdown grace of %.0fs ran out with messages in hand", grace)
        queue = self.handler.queue
        log.info("smtp: %d mails stored in %d transactions (group commit, largest %d)",
                 queue.mails, queue.batches, queue.largest)
        # One turn of the loop lets the sessions that just finished write their 250.
        await asyncio.sleep(0)
        for protocol in list(self._connections):
            transport = protocol.transport
            if transport is not None and not transport.is_closing():
                transport.write(f"{SHUTTING_DOWN}\r\n".encode())
                transport.close()
        await server.wait_closed()
