"""What every use case shares: configuration, the clock, the audit trail and outgoing mail.

A `Unit` wraps one storage transaction: use cases collect their events on it and write them
last (storage asks for events after the other writes, so its ordering lock is held briefly),
and queue replies through `send`, which applies the reply rules, renders the template,
builds the bytes and puts them in the outbox in the same transaction.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from bot.desk.pending import BatchWrites
from bot.errors import WorkflowError
from bot.organisations import Organisation, Organisations
from bot.workflow import tokens, verification
from bot.workflow.addresses import domain_of, normalise_address
from bot.workflow.outbound import OutboundMail, build_message, thread_headers
from bot.workflow.replies import AUTOMATIC, SUPPRESSIBLE, UNSUBSCRIBE_HEADER, ReplyKind, plan
from bot.workflow.texts import names_regulator, render
from storage import TicketRecord, Transaction

DAY = timedelta(days=1)


@functools.lru_cache(maxsize=4096)
def address_key(address: str, plus_addressing: bool) -> str:
    """`normalise_address`, remembered: it parses with the email package, and one mail asks
    for the same few addresses several times (suppression, reply rules, unsubscribe link)."""
    return normalise_address(address, plus_addressing=plus_addressing)


@functools.lru_cache(maxsize=64)
def _domain(address: str) -> str:
    return domain_of(address)


def _own_route(route: str | None, regulator: str) -> str:
    """The policy's complaint route, unless it only repeats the regulator (then empty)."""
    return "" if not route or names_regulator(route, regulator) else route


def authority_context(org: Organisation) -> dict[str, str]:
    """What the texts say of the regulator: `authority`, its name ("... complain to the
    supervisory authority, Data Protection Commission (DPC): "), then `authority_contact`,
    its details without its name again. The organisation's jurisdiction decides which."""
    return {"authority": org.authority.title, "authority_contact": org.authority.contact}


def acting(actor: str) -> str:
    """Who is acting, stripped; WorkflowError when nobody is named (every team action is
    recorded under a name)."""
    name = actor.strip()
    if not name:
        raise WorkflowError("who is acting must be given")
    return name


def clean_text(value: str | None, limit: int) -> str:
    """Text safe for every database: no NUL, no lone surrogates, at most `limit` chars."""
    text = (value or "").replace("\x00", "")
    return text.encode("utf-8", "replace").decode("utf-8")[:limit]


@dataclass
class DeskConfig:
    orgs: Organisations
    secret: bytes
    public_url: str
    complaint_routes: Mapping[str, str]
    clock: Callable[[], datetime]
    pack_link_days: int = 7  # how long a link to a requester's access pack works

    def org(self, org_id: str) -> Organisation:
        return self.orgs.get(org_id)

    def verify_url(self, token: str) -> str:
        return f"{self.public_url.rstrip('/')}/verify/{token}"

    def unsubscribe_url(self, org: Organisation, address: str) -> str:
        subject = f"{org.id}:{address_key(address, org.plus_addressing)}"
        token = tokens.make_token(self.secret, tokens.PURPOSE_UNSUBSCRIBE, subject)
        return f"{self.public_url.rstrip('/')}/unsubscribe/{token}"


@dataclass
class Unit:
    """One use case's transaction, its pending events and the mail it queued."""

    config: DeskConfig
    tx: Transaction
    actor: str
    channel: str
    now: datetime
    events: list[dict[str, Any]] = field(default_factory=list)
    replies: list[str] = field(default_factory=list)
    withheld: list[str] = field(default_factory=list)
    # What the acting team member must be told about what was (not) done.
    warnings: list[str] = field(default_factory=list)
    # The mail being answered, when the use case has it at hand (saves a query per reply).
    parents: dict[int, tuple[str | None, list[str]]] = field(default_factory=dict)
    # Automatic replies to each address in the last day: counted once, then kept up to date.
    _sent: dict[tuple[str, str], int] = field(default_factory=dict)
    # Set when this unit is one mail of an intake batch: shared caches and late writes.
    batch: BatchWrites | None = None

    def __post_init__(self) -> None:
        if self.batch is not None:
            self._sent = self.batch.sent  # the whole batch keeps one count per address

    def event(self, kind: str, ticket: TicketRecord | None, org_id: str | None = None,
              **data: Any) -> None:
        self.events.append({
            "ticket_id": ticket.id if ticket else None,
            "organisation": ticket.organisation if ticket else org_id,
            "kind": kind, "data": data,
        })

    async def flush(self) -> None:
        if self.batch is not None:
            self.batch.events.extend({"actor": self.actor, "channel": self.channel,
                                      "at": self.now, **item} for item in self.events)
        else:
            for item in self.events:
                await self.tx.events.append(actor=self.actor, channel=self.channel,
                                            at=self.now, **item)
        self.events.clear()

    async def is_suppressed(self, org: Organisation, address: str) -> bool:
        key = address_key(address, org.plus_addressing)
        if self.batch is not None and (org.id, key) in self.batch.suppressed:
            return self.batch.suppressed[(org.id, key)]
        found = await self.tx.suppression.contains(org.id, key)
        if self.batch is not None:
            self.batch.suppressed[(org.id, key)] = found
        return found

    def suppressed_now(self, org: Organisation, key: str) -> None:
        """An address this unit just put on the list (later mails of a batch see it)."""
        if self.batch is not None:
            self.batch.suppressed[(org.id, key)] = True

    async def next_number(self, org: Organisation, year: int) -> int:
        if self.batch is not None:
            return await self.batch.next_number(self.tx, org.id, year)
        return await self.tx.references.next_number(org.id, year)

    async def attach(self, message_pk: int, ticket: TicketRecord) -> None:
        """Attach a received mail to its ticket (late, with the batch's other writes)."""
        if self.batch is not None:
            self.batch.links.append((message_pk, ticket.id))
        else:
            await self.tx.messages.set_ticket(message_pk, ticket.id)

    async def sent_today(self, org: Organisation, address: str) -> int:
        key = (org.id, address.lower())
        if key not in self._sent:
            self._sent[key] = await self.tx.outbox.count_to_address_since(
                org.id, address, self.now - DAY, kinds=tuple(kind.value for kind in AUTOMATIC))
        return self._sent[key]

    async def new_challenge(self, org: Organisation, ticket: TicketRecord) -> dict[str, Any]:
        """A fresh code and link for the ticket; only their keyed hashes are stored."""
        code = verification.new_code()
        expires = verification.expiry(self.now, org.verification_ttl_hours)
        token = tokens.make_token(self.config.secret, tokens.PURPOSE_VERIFY, ticket.reference,
                                  expires_at=expires)
        challenge: dict[str, Any] = dict(
            ticket_id=ticket.id,
            code_hash=verification.code_digest(self.config.secret, ticket.reference, code),
            token_hash=tokens.token_digest(self.config.secret, token),
            expires_at=expires, max_attempts=org.verification_max_attempts, now=self.now)
        if self.batch is not None:
            self.batch.challenges.append(challenge)
        else:
            await self.tx.verifications.create(**challenge)
        return {"code": code, "verify_url": self.config.verify_url(token),
                "ttl_hours": org.verification_ttl_hours}

    async def send(
        self,
        org: Organisation,
        ticket: TicketRecord,
        wanted: Iterable[ReplyKind],
        *,
        auto_reply: bool = False,
        suppressed: bool | None = None,
        context: Mapping[str, Any] | None = None,
    ) -> list[ReplyKind]:
        """Queue the replies the rules allow; record the ones they hold back."""
        wanted = list(wanted)
        if not wanted:
            return []
        if suppressed is None:
            # Only marketing is held back by the list (replies.SUPPRESSIBLE): ask only then.
            suppressed = any(kind in SUPPRESSIBLE for kind in wanted) and (
                await self.is_suppressed(org, ticket.requester_address))
        decided = plan(wanted, auto_reply=auto_reply, suppressed=suppressed,
                       sent_today=await self.sent_today(org, ticket.requester_address),
                       max_per_day=org.max_auto_replies_per_day)
        for held in decided.withheld:
            self.withheld.append(held.kind.value)
            self.event("reply_withheld", ticket, reply=held.kind.value, reason=held.reason)
        for kind in decided.send:
            values = dict(context or {})
            if kind in (ReplyKind.VERIFICATION_REQUEST, ReplyKind.UNVERIFIED_REMINDER):
                values.update(await self.new_challenge(org, ticket))
            await self._queue(org, ticket, kind, values)
        return list(decided.send)

    async def send_now(self, org: Organisation, ticket: TicketRecord, kind: ReplyKind,
                       context: Mapping[str, Any] | None = None) -> None:
        """Queue one mail a team member decided to send, whatever the daily limit says
        (a verification request gets a fresh challenge)."""
        values: dict[str, Any] = dict(context or {})
        if kind in (ReplyKind.VERIFICATION_REQUEST, ReplyKind.UNVERIFIED_REMINDER):
            values.update(await self.new_challenge(org, ticket))
        await self._queue(org, ticket, kind, values)

    async def _queue(self, org: Organisation, ticket: TicketRecord, kind: ReplyKind,
                     values: dict[str, Any]) -> None:
        context = {
            "org_name": org.name, "privacy_address": org.privacy_address,
            **authority_context(org),
            "due_date": ticket.due_date or "",
            # What the request asks for: the verification mail says it, so that the address's
            # owner knows what they confirm.
            "intents": list(ticket.intents),
            # Empty when the policy has none, or when its words are about the regulator
            # itself: the texts then name the regulator once, with its details.
            "complaint_route": _own_route(self.config.complaint_routes.get(org.id),
                                          org.authority.name),
            **values,
        }
        text = render(kind, language=ticket.language, org_id=org.id,
                      reference=ticket.reference, context=context)
        parent_id, parent_refs = await self._thread_parent(ticket)
        in_reply_to, references = thread_headers(parent_id, parent_refs)
        message_id = tokens.make_message_id(self.config.secret, ticket.reference,
                                            _domain(org.privacy_address))
        unsubscribe = (self.config.unsubscribe_url(org, ticket.requester_address)
                       if kind in UNSUBSCRIBE_HEADER else None)
        raw = build_message(OutboundMail(
            from_name=org.name, from_address=org.privacy_address, to=ticket.requester_address,
            subject=text.subject, body=text.body, message_id=message_id, date=self.now,
            in_reply_to=in_reply_to, references=references, unsubscribe_url=unsubscribe))
        mail: dict[str, Any] = dict(
            organisation=org.id, kind=kind.value, to_address=ticket.requester_address,
            message_id=message_id, raw=raw, ticket_id=ticket.id, now=self.now)
        outbox_id = None if self.batch is not None else (await self.tx.outbox.enqueue(**mail)).id
        self.replies.append(kind.value)
        if kind in AUTOMATIC:
            key = (org.id, ticket.requester_address.lower())
            self._sent[key] = self._sent.get(key, 0) + 1
        self.event("reply_queued", ticket, reply=kind.value, outbox_id=outbox_id,
                   message_id=message_id, language=text.language, subject=text.subject)
        if self.batch is not None:  # written with the batch, which then fills in outbox_id
            self.batch.mails.append((mail, self.events[-1]["data"]))

    async def _thread_parent(self, ticket: TicketRecord) -> tuple[str | None, list[str]]:
        if ticket.id in self.parents:
            return self.parents[ticket.id]
        inbound = [m for m in await self.tx.messages.for_ticket(ticket.id) if m.direction == "in"]
        if not inbound:
            return None, []
        latest = inbound[-1]
        return latest.message_id, latest.references
