"""The app manifest asks for what the code uses and points Slack at the route we serve."""

from __future__ import annotations

import re

from bot.slack.app import COMMAND
from bot.slack.service import ROUTE
from tests.conftest import ROOT

MANIFEST = (ROOT / "slack" / "manifest.yml").read_text(encoding="utf-8")


def _list_after(key: str) -> set[str]:
    block = MANIFEST.split(f"{key}:", 1)[1]
    items = re.findall(r"^\s+- ([\w.:]+)", block, flags=re.MULTILINE)
    return set(items)


def test_scopes_cover_every_web_api_method_we_call() -> None:
    scopes = _list_after("bot")
    for needed in ("app_mentions:read", "chat:write", "commands", "im:history", "im:read",
                   "im:write", "users:read", "usergroups:read", "files:write", "files:read"):
        assert needed in scopes, needed


def test_events_command_and_interactivity_point_at_our_route() -> None:
    assert {"app_mention", "message.im", "app_home_opened"} <= _list_after("bot_events")
    assert f"- command: {COMMAND}" in MANIFEST
    urls = re.findall(r"(?:request_url|url): (\S+)", MANIFEST)
    assert len(urls) == 3
    assert all(url == f"https://YOUR-HOST{ROUTE}" for url in urls)
    assert re.search(r"interactivity:\s+is_enabled: true", MANIFEST)
    assert "home_tab_enabled: true" in MANIFEST
