"""Signing requests the way Slack does, for the tests, the benchmark and local tooling.

Slack signs `v0:{timestamp}:{body}` with the app's signing secret (HMAC-SHA256); bolt's request
verification refuses a wrong signature or a timestamp more than five minutes off.
"""

from __future__ import annotations

import json
import time
from typing import Any
from urllib.parse import urlencode

from slack_sdk.signature import SignatureVerifier


def signed_headers(secret: str, body: str, *, timestamp: int | None = None,
                   content_type: str = "application/json") -> dict[str, str]:
    """Headers for a request body signed with `secret` at `timestamp` (default: now)."""
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    signature = SignatureVerifier(secret).generate_signature(timestamp=stamp, body=body) or ""
    return {
        "content-type": content_type,
        "x-slack-request-timestamp": stamp,
        "x-slack-signature": signature,
    }


def event_body(event: dict[str, Any], *, event_id: str, team: str = "T0001",
               api_app_id: str = "A0001") -> str:
    """An Events API `event_callback` envelope around `event`, as JSON."""
    return json.dumps({
        "token": "legacy-unused",
        "team_id": team,
        "api_app_id": api_app_id,
        "event": event,
        "type": "event_callback",
        "event_id": event_id,
        "event_time": int(time.time()),
        "authorizations": [{"team_id": team, "user_id": "UBOT", "is_bot": True}],
    })


def command_body(text: str, *, user: str, channel: str, command: str = "/privacy",
                 team: str = "T0001",
                 response_url: str = "https://hooks.slack.invalid/commands/1") -> str:
    """A slash-command form body."""
    return urlencode({
        "token": "legacy-unused", "team_id": team, "team_domain": "example",
        "channel_id": channel, "channel_name": "privacy", "user_id": user,
        "user_name": user.lower(), "command": command, "text": text, "api_app_id": "A0001",
        "response_url": response_url, "trigger_id": "trigger.1",
    })


def interaction_body(payload: dict[str, Any]) -> str:
    """A block_actions / view_submission form body: `payload=<json>`."""
    return urlencode({"payload": json.dumps(payload)})


FORM = "application/x-www-form-urlencoded"
