"""Files a team member shares in a ticket's Slack thread join the requester's access pack.

Slack's message event names each file with a private URL; privacybot downloads it with its
bot token (scope files:read) and stores the bytes with the ticket (bot/desk/export.py), so
the pack does not depend on Slack keeping the file. The token is sent only to Slack's own
file host (files.slack.com, or the host of SLACK_API_URL when one is set), never to a URL
that merely claims to be a file. Only members of the ticket's organisation's team add files;
a retried event stores nothing twice (one row per Slack file id).
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urlsplit

import aiohttp

from bot.desk import Desk
from bot.desk.export import MAX_FILE_BYTES
from bot.errors import BotError
from bot.organisations import Organisations
from bot.slack.access import TeamAccess
from bot.slack.ticket_actions import ACTOR_PREFIX
from storage import Database, StorageError

log = logging.getLogger(__name__)

SLACK_FILE_HOST = "files.slack.com"
DOWNLOAD_SECONDS = 30.0


def allowed_hosts(api_url: str | None) -> frozenset[str]:
    """Where the bot token may be sent with a file download."""
    hosts = {SLACK_FILE_HOST}
    if api_url:
        host = urlsplit(api_url).hostname
        if host:
            hosts.add(host)
    return frozenset(hosts)


def file_url(item: dict[str, Any], hosts: frozenset[str]) -> str | None:
    """The file's private download URL, if it points at an allowed host."""
    url = str(item.get("url_private_download") or item.get("url_private") or "")
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or parts.hostname not in hosts:
        return None
    if parts.scheme == "http" and parts.hostname == SLACK_FILE_HOST:
        return None  # Slack's own host is HTTPS only: never send the token in clear
    return url


class TicketFiles:
    """Stores the files shared in tickets' threads."""

    def __init__(self, *, db: Database, orgs: Organisations, desk: Desk, access: TeamAccess,
                 token: str | None, api_url: str | None) -> None:
        self._db = db
        self._orgs = orgs
        self._desk = desk
        self._access = access
        self._token = token
        self._hosts = allowed_hosts(api_url)

    async def from_thread(self, event: dict[str, Any]) -> int:
        """Store the files of a thread message under a ticket; how many were new."""
        files = event.get("files")
        channel, ts = str(event.get("channel", "")), str(event.get("ts", ""))
        parent, user = str(event.get("thread_ts") or ""), str(event.get("user") or "")
        if (not isinstance(files, list) or not files or not parent or parent == ts
                or not user or event.get("bot_id") or not self._token):
            return 0
        try:
            async with self._db.transaction(readonly=True) as tx:
                post = await tx.slack.find_post(channel, parent)
                ticket = await tx.tickets.get(post.ticket_id) if post else None
            org = next((o for o in self._orgs.items
                        if ticket is not None and o.id == ticket.organisation), None)
            if ticket is None or org is None or not await self._access.may_act(org, user):
                return 0
        except StorageError as exc:
            log.warning("slack: files in %s at %s not stored: %s", channel, ts, exc)
            return 0
        added = 0
        for item in files:
            if isinstance(item, dict) and await self._store(item, ticket.reference, user):
                added += 1
        return added

    async def _store(self, item: dict[str, Any], reference: str, user: str) -> bool:
        file_id, name = str(item.get("id") or ""), str(item.get("name") or "file")
        url = file_url(item, self._hosts)
        if not file_id or url is None:
            log.warning("slack: file %s on %s has no Slack download URL", file_id, reference)
            return False
        if int(item.get("size") or 0) > MAX_FILE_BYTES:
            log.warning("slack: file %s on %s is too large for the pack", file_id, reference)
            return False
        data = await self._download(url, file_id)
        if data is None:
            return False
        try:
            return await self._desk.add_file(
                reference, name=name, mimetype=str(item.get("mimetype") or
                                                   "application/octet-stream"),
                data=data, source=f"slack:{file_id}", actor=ACTOR_PREFIX + user,
                channel="slack")
        except (BotError, StorageError) as exc:
            log.warning("slack: file %s on %s not stored: %s", file_id, reference, exc)
            return False

    async def _download(self, url: str, file_id: str) -> bytes | None:
        timeout = aiohttp.ClientTimeout(total=DOWNLOAD_SECONDS)
        headers = {"Authorization": f"Bearer {self._token}"}
        try:
            async with aiohttp.ClientSession(timeout=timeout) as session, \
                    session.get(url, headers=headers, allow_redirects=False) as response:
                if response.status != 200:
                    log.warning("slack: file %s: download answered %s", file_id,
                                response.status)
                    return None
                chunks: list[bytes] = []
                size = 0
                async for chunk in response.content.iter_chunked(64 * 1024):
                    size += len(chunk)
                    if size > MAX_FILE_BYTES:
                        log.warning("slack: file %s is too large for the pack", file_id)
                        return None
                    chunks.append(chunk)
        except (aiohttp.ClientError, TimeoutError) as exc:
            log.warning("slack: file %s: download failed: %s", file_id, exc)
            return None
        return b"".join(chunks)
