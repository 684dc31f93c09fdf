"""Where outbound mail goes: an SMTP relay (aiosmtplib) or .eml files in the outbox folder.

A transport delivers one message or raises TemporaryDeliveryError (retry later) or
PermanentDeliveryError (record and give up). It never decides about retries itself.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import os
import re
import tempfile
from pathlib import Path
from typing import Protocol

import aiosmtplib
from pydantic import BaseModel, ConfigDict

from bot.channels.errors import PermanentDeliveryError, TemporaryDeliveryError
from bot.channels.relay import RelayConfig
from bot.workflow.addresses import InvalidAddressError, ascii_form, clean_address

# An envelope address we are willing to put after MAIL FROM / RCPT TO: no whitespace, no
# angle brackets, no control characters, one @. Anything else is refused before the wire.
# (Non-ASCII addresses are first checked by clean_address, which refuses every control,
# space and separator, and reach this check in their ASCII form where they have one.)
_ENVELOPE_ADDRESS = re.compile(r"^[^\s<>()\[\],;:\"\\@\x00-\x1f\x7f]+@[A-Za-z0-9.-]+$")
_ENVELOPE_UTF8 = re.compile(r"^[^\s<>()\[\],;:\"\\@\x00-\x1f\x7f]+@[^\s<>@\x00-\x1f\x7f]+$")
_SAFE_NAME = re.compile(r"[^A-Za-z0-9_-]")
log = logging.getLogger(__name__)


class OutboundMail(BaseModel):
    """One message ready for the wire: rendered bytes plus the envelope."""

    model_config = ConfigDict(frozen=True)

    outbox_id: str
    envelope_from: str  # "" is the null sender
    recipients: tuple[str, ...]
    data: bytes


class Transport(Protocol):
    """Hands messages over; see the module docstring for the error contract. `keeps_copy`:
    the delivery itself is a stored file (the outbox folder), so redacting the database's
    copy would change nothing."""

    keeps_copy: bool

    def describe(self) -> str: ...

    async def deliver(self, mail: OutboundMail) -> None: ...


def check_envelope(mail: OutboundMail) -> None:
    """Refuse addresses that could smuggle SMTP commands (CR/LF, spaces, brackets)."""
    if not mail.recipients:
        raise PermanentDeliveryError(f"outbox {mail.outbox_id}: no recipients")
    for address in (*mail.recipients, *((mail.envelope_from,) if mail.envelope_from else ())):
        if address.isascii():
            safe = _ENVELOPE_ADDRESS.match(address) is not None
        else:
            try:
                safe = (clean_address(address) == address.lower()
                        and _ENVELOPE_UTF8.match(address) is not None)
            except InvalidAddressError:
                safe = False
        if not safe or len(address.encode("utf-8")) > 254:
            raise PermanentDeliveryError(
                f"outbox {mail.outbox_id}: refusing unsafe envelope address {address!r}")


def wire_envelope(mail: OutboundMail) -> tuple[str, list[str], bool]:
    """(MAIL FROM, RCPT TOs, whether SMTPUTF8 is needed): every address that has an ASCII
    form (a non-ASCII domain in A-labels) travels in it, so only a non-ASCII local part
    asks the relay for SMTPUTF8 (RFC 6531)."""
    addresses = [mail.envelope_from, *mail.recipients]
    wire = [address if address.isascii() else (ascii_form(address) or address)
            for address in addresses]
    return wire[0], wire[1:], not all(address.isascii() for address in wire)


class RelayTransport:
    """Delivery through the configured relay, one SMTP session per message."""

    keeps_copy = False

    def __init__(self, config: RelayConfig) -> None:
        self._config = config

    def describe(self) -> str:
        return self._config.describe()

    async def deliver(self, mail: OutboundMail) -> None:
        check_envelope(mail)
        cfg = self._config
        client = aiosmtplib.SMTP(
            hostname=cfg.host, port=cfg.port, use_tls=cfg.use_tls, start_tls=cfg.start_tls,
            validate_certs=cfg.validate_certs, timeout=cfg.timeout,
            username=cfg.username,
            password=cfg.password.get_secret_value() if cfg.password else None,
        )
        sender, recipients, utf8 = wire_envelope(mail)
        try:
            async with client:
                refused, _ = await client.sendmail(
                    sender, recipients, mail.data, mail_options=["SMTPUTF8"] if utf8 else [])
        except aiosmtplib.SMTPNotSupported as exc:
            # SMTPUTF8 is asked for only for an address that has no ASCII form: a relay
            # without it can never carry this mail (RFC 6531 3.4), so the team is told.
            if not utf8:
                raise TemporaryDeliveryError(f"relay answered: {exc}") from exc
            raise PermanentDeliveryError(
                f"relay {cfg.host}:{cfg.port} does not offer SMTPUTF8, which the address "
                f"needs: {exc}") from exc
        except aiosmtplib.SMTPRecipientsRefused as exc:
            codes = [refusal.code for refusal in exc.recipients]
            text = "; ".join(f"{r.recipient}: {r.code} {r.message}" for r in exc.recipients)
            if codes and all(code >= 500 for code in codes):
                raise PermanentDeliveryError(f"relay refused all recipients: {text}") from exc
            raise TemporaryDeliveryError(f"relay deferred recipients: {text}") from exc
        except aiosmtplib.SMTPAuthenticationError as exc:
            # Wrong credentials are our configuration, not the message: keep it for later.
            raise TemporaryDeliveryError(f"relay authentication failed: {exc.code}") from exc
        except aiosmtplib.SMTPResponseException as exc:
            message = f"relay answered {exc.code} {exc.message}"
            if exc.code >= 500:
                raise PermanentDeliveryError(message) from exc
            raise TemporaryDeliveryError(message) from exc
        except (aiosmtplib.SMTPException, OSError, TimeoutError) as exc:
            raise TemporaryDeliveryError(
                f"relay {cfg.host}:{cfg.port} unreachable: {type(exc).__name__}: {exc}") from exc
        if refused:
            # Some recipients were taken: resending would duplicate for them, so this counts
            # as delivered and the refusals go to the log.
            log.warning("outbox %s: relay refused some recipients: %s", mail.outbox_id,
                        "; ".join(f"{rcpt}: {resp.code}" for rcpt, resp in refused.items()))


class DirectoryTransport:
    """Writes each message to <outbox_dir>/<outbox id>-<digest of its bytes>.eml, atomically.

    No file is ever overwritten: the message is written under a fresh temporary name, made
    with O_EXCL, and linked into place, which fails rather than replace an existing file.
    Outbox ids are only unique within one database: a second database writing into the same
    folder (or a new database after the old one was lost) numbers from 1 again, so the name
    also carries a digest of the message's bytes, and each message's Message-ID is random.
    The same message written twice (a retry after a crash between the write and the database
    update) finds its own file there and makes no second copy. The file IS the delivery
    (the local default, for a person or script to pick up), so it keeps the code and link;
    the folder (and its parent, the data dir, when this creates it) is 0o700 and each file
    0o600: only the service's own user reads them.
    """

    keeps_copy = True

    def __init__(self, directory: Path) -> None:
        self._directory = directory

    def describe(self) -> str:
        return f"outbox -> {self._directory}"

    def path_for(self, mail: OutboundMail) -> Path:
        digest = hashlib.sha256(mail.data).hexdigest()[:20]
        return self._directory / f"{_SAFE_NAME.sub('_', mail.outbox_id)}-{digest}.eml"

    async def deliver(self, mail: OutboundMail) -> None:
        check_envelope(mail)
        try:
            await asyncio.to_thread(self._write, mail)
        except OSError as exc:
            raise TemporaryDeliveryError(f"cannot write {self.path_for(mail)}: {exc}") from exc

    def _write(self, mail: OutboundMail) -> None:
        if not self._directory.parent.exists():
            self._directory.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            os.chmod(self._directory.parent, 0o700)  # mkdir's mode is masked by the umask
        self._directory.mkdir(mode=0o700, exist_ok=True)
        if self._directory.stat().st_mode & 0o077:
            os.chmod(self._directory, 0o700)
        final = self.path_for(mail)
        if final.exists():  # these very bytes: delivered before the database heard of it
            return
        # mkstemp: a new name, O_EXCL, mode 0o600.
        fd, temp = tempfile.mkstemp(dir=self._directory, prefix=f".{final.name}.",
                                    suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(mail.data)
                handle.flush()
                os.fsync(handle.fileno())
            # link, not rename: it never replaces a file. One already there under this
            # name holds the same bytes (the name is their digest): delivered already.
            with contextlib.suppress(FileExistsError):
                os.link(temp, final)
        finally:
            os.unlink(temp)
