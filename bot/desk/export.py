"""The requester's access pack from privacybot's own store (`tickets export`), the signed
link that sends it to them, its download, and the files the team adds to a ticket for it.

Whose mail goes in is decided by address: the requester's own mails (those of the ticket and
any other mail in the store from the same address, for the same organisation) and our mails
to that address; a mail of anyone else attached to their ticket (a forwarded one, a third
party's) stays out. The pack is built when it is downloaded, so it holds what the store holds
then. The link is a signed token naming the ticket, with an expiry (`pack_link_days`); it
opens only for a ticket whose identity is verified, and every download is an event.
Mixed into `Desk`, which supplies the transaction plumbing declared here.
"""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from datetime import datetime, timedelta

from bot.desk import merging
from bot.desk.core import DeskConfig, Unit, acting, address_key
from bot.desk.results import ActionResult, Result
from bot.errors import VerificationError, WorkflowError
from bot.organisations import Organisation
from bot.workflow import tokens
from bot.workflow.addresses import InvalidAddressError
from bot.workflow.pack import Pack, PackFile, PackMail, build_zip, pack_filename, shown_events
from bot.workflow.pack_info import supplementary_information
from bot.workflow.redaction import CARRIES_SECRETS, redact_text
from bot.workflow.references import normalise_reference
from bot.workflow.replies import ReplyKind
from intents import read_message
from knowledge import KnowledgeBase
from storage import Database, TicketRecord, Transaction

MAX_FILE_BYTES = 20 * 1024 * 1024  # a document the team adds; Slack's own are bigger
NOT_VERIFIED = "identity not confirmed yet: the pack is given only to a verified requester"


class PackLink(Result):
    """What the pack link's page shows before its button."""

    reference: str
    organisation: str


class PackDownload(Result):
    filename: str
    data: bytes


class Export(Result):
    """A pack built for the team (`tickets export`)."""

    reference: str
    filename: str
    data: bytes
    mails: int
    events: int
    files: int


async def gather(tx: Transaction, config: DeskConfig, ticket: TicketRecord,
                 kb: KnowledgeBase) -> Pack:
    """Everything of the requester's that the pack holds, read in one transaction."""
    org = config.org(ticket.organisation)

    def key_of(address: str) -> str:
        try:
            return address_key(address, org.plus_addressing)
        except InvalidAddressError:  # a pseudonym retention left, or a mangled header
            return address.strip().lower()

    key = key_of(ticket.requester_address)

    def theirs(address: str) -> bool:
        return bool(address) and key_of(address) == key

    tickets = {t.id: t for t in await tx.tickets.list(
        organisation=org.id, requester_address=ticket.requester_address)}
    tickets[ticket.id] = ticket
    inbound = {m.id: m for m in await tx.messages.from_address(org.id,
                                                                 ticket.requester_address)}
    for other in tickets.values():
        inbound.update({m.id: m for m in await tx.messages.for_ticket(other.id)})
    ours = set()
    mails: list[PackMail] = []
    for other in tickets.values():
        for record in await tx.outbox.for_ticket(other.id):
            ours.add(record.message_id)
            if not theirs(record.to_address):
                continue
            mail = read_message(record.raw)
            text = redact_text(mail.text) if record.kind in CARRIES_SECRETS else mail.text
            mails.append(PackMail(direction="out", at=record.sent_at or record.created_at,
                                  from_address=mail.from_address or org.privacy_address,
                                  to_address=record.to_address, subject=mail.subject,
                                  text=text, reference=other.reference))
    for message in inbound.values():
        if message.direction != "in" or message.message_id in ours:
            continue
        if not theirs(message.from_address):
            continue  # someone else's mail on their ticket: never theirs to read
        raw = await tx.messages.get_raw(message.id)
        mail = read_message(raw)
        owner = tickets.get(message.ticket_id) if message.ticket_id else None
        mails.append(PackMail(direction="in", at=message.received_at,
                              from_address=message.from_address,
                              to_address=message.to_address,
                              subject=message.subject or mail.subject, text=mail.text,
                              reference=owner.reference if owner else None,
                              original=raw or None))  # None: emptied by retention
    history = await merging.merged_history(tx, ticket)
    references = {t.id: t.reference for t in tickets.values()}
    for ticket_id in {e.ticket_id for e in history if e.ticket_id} - set(references):
        references[ticket_id] = (await tx.tickets.get(ticket_id)).reference
    events = shown_events((e.kind, e.at, e.data, references.get(e.ticket_id or 0, ""))
                          for e in history)
    files = [PackFile(name=f.name, mimetype=f.mimetype, data=await tx.files.get_data(f.id),
                      added_at=f.added_at) for f in await tx.files.for_ticket(ticket.id)]
    info = supplementary_information(kb, org.id, authority=org.authority.title,
                                     authority_contact=org.authority.contact)
    return Pack(reference=ticket.reference, organisation=org.name,
                requester=ticket.requester_address, made_at=config.clock(),
                mails=tuple(sorted(mails, key=lambda m: m.at)), events=tuple(events),
                info=info, files=tuple(files))


class ExportCases:
    """What `Desk` adds for the access pack; see bot/desk/desk.py for the plumbing."""

    db: Database
    config: DeskConfig

    def _unit(self, actor: str, channel: str) -> AbstractAsyncContextManager[Unit]:
        raise NotImplementedError  # Desk's

    async def _load(self, unit: Unit, reference: str) -> tuple[TicketRecord, Organisation]:
        raise NotImplementedError  # Desk's

    async def _pack(self, ticket: TicketRecord, kb: KnowledgeBase) -> Pack:
        async with self.db.transaction(readonly=True) as tx:
            return await gather(tx, self.config, ticket, kb)

    async def export_pack(self, reference: str, kb: KnowledgeBase) -> Export:
        """The pack of the ticket's requester, for the team to look at or hand over."""
        async with self.db.transaction(readonly=True) as tx:
            ticket = await tx.tickets.get_by_reference(normalise_reference(reference))
            pack = await gather(tx, self.config, ticket, kb)
        return Export(reference=ticket.reference, filename=pack_filename(ticket.reference),
                      data=build_zip(pack), mails=len(pack.mails), events=len(pack.events),
                      files=len(pack.files))

    def pack_url(self, reference: str) -> tuple[str, datetime]:
        """A fresh signed link to the ticket's pack and when it expires."""
        expires = self.config.clock() + timedelta(days=self.config.pack_link_days)
        token = tokens.make_token(self.config.secret, tokens.PURPOSE_PACK, reference,
                                  expires_at=expires)
        return f"{self.config.public_url.rstrip('/')}/pack/{token}", expires

    async def send_pack_link(self, reference: str, actor: str, channel: str) -> ActionResult:
        """Mail the requester a link to their pack (through the outbox); refused until their
        identity is verified."""
        actor = acting(actor)
        async with self._unit(actor, channel) as unit:
            ticket, org = await self._load(unit, reference)
            if ticket.verified_at is None:
                raise WorkflowError(f"{ticket.reference}: {NOT_VERIFIED}")
            url, expires = self.pack_url(ticket.reference)
            # A date, so that the mail writes it in the requester's language.
            await unit.send_now(org, ticket, ReplyKind.PACK_LINK,
                                {"pack_url": url, "expires": expires.date()})
            unit.event("pack_sent", ticket, expires_at=expires.isoformat())
            return ActionResult(reference=ticket.reference, state=ticket.state,
                                due_date=ticket.due_date, verified=True,
                                replies=list(unit.replies))

    async def _linked_ticket(self, tx: Transaction, token: str) -> TicketRecord:
        reference = tokens.read_token(self.config.secret, tokens.PURPOSE_PACK, token,
                                      now=self.config.clock())
        ticket = await tx.tickets.get_by_reference(normalise_reference(reference))
        if ticket.verified_at is None:
            raise VerificationError(f"this link is {NOT_VERIFIED}")
        return ticket

    async def pack_link(self, token: str) -> PackLink:
        """What the link's page says (read only: a GET page); errors for a bad link."""
        async with self.db.transaction(readonly=True) as tx:
            ticket = await self._linked_ticket(tx, token)
        return PackLink(reference=ticket.reference,
                        organisation=self.config.org(ticket.organisation).name)

    async def download_pack(self, token: str, kb: KnowledgeBase,
                            channel: str = "http") -> PackDownload:
        """The pack behind a link, built now; the download is recorded on the ticket."""
        async with self.db.transaction(readonly=True) as tx:
            ticket = await self._linked_ticket(tx, token)
            pack = await gather(tx, self.config, ticket, kb)
        data = build_zip(pack)
        async with self._unit("requester", channel) as unit:
            current, _ = await self._load(unit, ticket.reference)
            unit.event("pack_downloaded", current, size=len(data), mails=len(pack.mails),
                       files=len(pack.files))
        return PackDownload(filename=pack_filename(ticket.reference), data=data)

    async def add_file(self, reference: str, *, name: str, mimetype: str, data: bytes,
                       source: str, actor: str, channel: str) -> bool:
        """Store a document with the ticket for its pack; False when `source` was stored
        already (a retried event)."""
        if len(data) > MAX_FILE_BYTES:
            raise WorkflowError(f"{name}: larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
        async with self._unit(actor, channel) as unit:
            ticket, _ = await self._load(unit, reference)
            _, added = await unit.tx.files.add(
                ticket_id=ticket.id, name=name[:255] or "file", mimetype=mimetype[:120],
                data=data, source=source, added_by=actor, at=unit.now)
            if added:
                unit.event("file_added", ticket, name=name[:255], size=len(data),
                           source=source)
        return added
