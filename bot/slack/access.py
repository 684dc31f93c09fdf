"""Who may act on an organisation's tickets: listed user ids, or members of a user group.

User group membership comes from `usergroups.users.list` and is cached for a few minutes.
When Slack cannot be asked, the answer is no: refusing a team member for a moment is better
than letting anyone act on someone's personal data.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.web.async_client import AsyncWebClient

from bot.organisations import Organisation, Organisations

log = logging.getLogger(__name__)


def listed_member(org: Organisation, user: str) -> bool:
    """Pure part: the user id is in the organisation's `team_members`."""
    return bool(user) and user in org.team_members


class TeamAccess:
    """Answers "may this Slack user act for this organisation?"."""

    def __init__(self, orgs: Organisations, client: AsyncWebClient, *, ttl: float = 300.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._orgs = orgs
        self._client = client
        self._ttl = ttl
        self._clock = clock
        self._groups: dict[str, tuple[float, frozenset[str]]] = {}

    async def group_members(self, usergroup: str) -> frozenset[str]:
        cached = self._groups.get(usergroup)
        now = self._clock()
        if cached is not None and now - cached[0] < self._ttl:
            return cached[1]
        try:
            response = await self._client.usergroups_users_list(usergroup=usergroup)
            users = frozenset(str(u) for u in response.get("users") or [])
        except (SlackApiError, SlackClientError, OSError) as exc:
            log.warning("cannot list user group %s: %s", usergroup, exc)
            return frozenset()
        self._groups[usergroup] = (now, users)
        return users

    async def may_act(self, org: Organisation, user: str) -> bool:
        if listed_member(org, user):
            return True
        if org.team_usergroup and user:
            return user in await self.group_members(org.team_usergroup)
        return False

    async def teams_of(self, user: str) -> list[Organisation]:
        """The organisations this user may see and act on, in config order."""
        return [org for org in self._orgs.items if await self.may_act(org, user)]
