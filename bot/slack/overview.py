"""Open tickets for one Slack user: `/privacy tickets` and the App Home tab.

A user sees the tickets (and this month's figures) of the organisations whose team they are
on, and nothing else: requester addresses are personal data.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

from slack_sdk.web.async_client import AsyncWebClient

from bot.desk.summary import Summary, read_summary
from bot.slack.access import TeamAccess
from bot.slack.adapters import ticket_card
from bot.slack.cards import TicketCard, utc_today
from bot.slack.escalation import Escalations
from bot.slack.escape import Block
from bot.slack.figures_blocks import home_figures_blocks
from bot.slack.list_blocks import HOME_BLOCKS, home_view, tickets_list_blocks
from bot.slack.triage_blocks import BacklogLine, backlog_blocks
from storage import Database


class Overview:
    """Lists open tickets, soonest due first, for whoever asks and may see them."""

    def __init__(self, *, db: Database, access: TeamAccess,
                 today: Callable[[], date] = utc_today,
                 escalations: Escalations | None = None,
                 now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self._db = db
        self._now = now
        self._escalations = escalations
        self._access = access
        self._today = today

    async def for_user(self, user: str) -> tuple[list[str], list[TicketCard]]:
        """(names of the user's organisations, their open tickets)."""
        orgs = await self._access.teams_of(user)
        cards: list[TicketCard] = []
        async with self._db.transaction(readonly=True) as tx:
            for org in orgs:
                tickets = await tx.tickets.list(organisation=org.id, open_only=True)
                cards.extend(ticket_card(ticket, org) for ticket in tickets)
        return [org.name for org in orgs], cards

    async def list_blocks(self, user: str) -> list[Block]:
        names, cards = await self.for_user(user)
        return tickets_list_blocks(cards, self._today(), names)

    async def backlog(self, user: str) -> list[BacklogLine]:
        """The triage backlog of each organisation the user is on the team of."""
        lines: list[BacklogLine] = []
        async with self._db.transaction(readonly=True) as tx:
            for org in await self._access.teams_of(user):
                count = await tx.triage.count_awaiting(organisation=org.id)
                oldest = await tx.triage.awaiting(organisation=org.id, limit=1)
                lines.append(BacklogLine(organisation=org.name, count=count,
                                         oldest=oldest[0].received_at if oldest else None))
        return lines

    async def figures(self, user: str) -> list[tuple[str, Summary]]:
        """This month's figures so far (bot/desk/summary.py) for each of the user's
        organisations."""
        now = self._now()
        month = now.date().replace(day=1)
        return [(org.name, await read_summary(self._db, organisation=org.id, month=month,
                                              now=now))
                for org in await self._access.teams_of(user)]

    async def publish_home(self, client: AsyncWebClient, user: str) -> None:
        names, cards = await self.for_user(user)
        # The mail nobody has triaged yet comes first: a missed request is the worst miss.
        # Then the team's answers to questions the policy did not answer, to keep current,
        # and this month's figures; the open tickets get the room that is left.
        answers = (await self._escalations.home(await self._access.teams_of(user))
                   if self._escalations is not None else [])
        above = [*backlog_blocks(await self.backlog(user), datetime.now(UTC)), *answers,
                 *home_figures_blocks(await self.figures(user))]
        view = home_view(cards, self._today(), names, room=HOME_BLOCKS - len(above))
        view["blocks"] = [*above, *view["blocks"]]
        await client.views_publish(user_id=user, view=view)
