"""Counting the Slack Web API calls that failed (for /metrics), on every client that calls.

bolt makes a new Web API client for each request it dispatches, copying the app client's
retry handlers; so the count lives in a retry handler that never asks for a retry: slack_sdk
shows it every response and every connection error, before the real retry handlers decide.
A call that Slack refused (`ok: false`), rate-limited (429, counted on each attempt), or
that never reached Slack counts once, by method.
"""

from __future__ import annotations

from typing import Any

from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState

from bot.observability.metrics import Metrics


def failed(response: HttpResponse | None, error: Exception | None) -> bool:
    """Whether one attempt failed: no answer, an HTTP error, or Slack's `ok: false`."""
    if error is not None or response is None:
        return True
    if response.status_code >= 400:
        return True
    body: Any = response.body
    return isinstance(body, dict) and body.get("ok") is False


class ErrorCounter(AsyncRetryHandler):
    """Adds each failed attempt to `privacybot_slack_api_errors_total`; never retries."""

    def __init__(self, metrics: Metrics) -> None:
        super().__init__(max_retry_count=0)
        self.metrics = metrics

    async def can_retry_async(self, *, state: RetryState, request: HttpRequest,
                              response: HttpResponse | None = None,
                              error: Exception | None = None) -> bool:
        if failed(response, error):
            method = request.url.rstrip("/").rsplit("/", 1)[-1] or "unknown"
            self.metrics.slack_api_errors.labels(method).inc()
        return False
