"""The SMTP listener: aiosmtpd's protocol on the application's own event loop.

Not aiosmtpd's threaded Controller: the async database engine belongs to this loop, and the
handler must run on it. Shutdown stops accepting, lets messages in hand finish (they get
their 250), then tells idle clients 421 and closes.
"""

from __future__ import annotations

import asyncio
import logging
import re
import socket
from typing import Any

from aiosmtpd.smtp import SMTP

from bot.channels.smtp_intake import SHUTTING_DOWN, IntakeHandler

log = logging.getLogger(__name__)

LONG_LINE_LIMIT = 4 * 1024 * 1024
# "<local@domain> PARAMS" with dot-atom local part and domain: the MAIL/RCPT arguments nearly
# every client sends. The email package's angle-address parser aiosmtpd uses costs about a
# tenth of the server's CPU per mail; it still reads everything else (quoted local parts,
# comments, source routes, address literals, non-ASCII, "<>").
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_PARAMS = r"[\x20-\x27\x29-\x7e]*"  # printable ASCII, no comment
_PLAIN_PATH = re.compile(rf"<({_ATOM}(?:\.{_ATOM})*@{_ATOM}(?:\.{_ATOM})*)>[ \t]*({_PARAMS})",
                         re.ASCII)


class _TrackedSMTP(SMTP):
    """aiosmtpd's SMTP protocol that registers its connection with the server."""

    def __init__(self, handler: IntakeHandler, connections: set[Any], **kwargs: Any) -> None:
        # aiosmtpd refuses DATA lines over RFC 5321's 1000 octets with a permanent 500, so the
        # sender bounces the mail and the request is lost; take lines up to LONG_LINE_LIMIT
        # (set before SMTP.__init__, which sizes its stream reader from it). Commands keep
        # their own limit (command_size_limit); the buffer bounds one connection's memory.
        self.line_length_limit = max(SMTP.line_length_limit,
                                     min(LONG_LINE_LIMIT, int(kwargs["data_size_limit"])))
        super().__init__(handler, **kwargs)
        self._connections = connections

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


class SmtpServer:
    """Listens on host:port and feeds every connection to one IntakeHandler."""

    def __init__(self, handler: IntakeHandler, *, host: str, port: int,
                 max_message_bytes: int, hostname: str | None = None,
                 timeout: float = 300.0) -> None:
        self.handler = handler
        self._host = host
        self._port = port
        self._max_bytes = max_message_bytes
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

    def _protocol(self) -> _TrackedSMTP:
        return _TrackedSMTP(
            self.handler, self._connections,
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
