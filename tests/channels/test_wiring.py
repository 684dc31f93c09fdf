"""The runtime's wiring: Slack mounted on the same HTTP server and reported by /healthz when
its tokens are set; the parts chosen with --only; the startup line."""

from __future__ import annotations

from pathlib import Path

import aiohttp
import pytest
from pydantic import SecretStr

from bot.runtime import Runtime, build_services
from bot.settings import Settings


def _settings(tmp_path: Path, **extra: object) -> Settings:
    return Settings().with_overrides(
        data_dir=tmp_path, database_url=None, smtp_port=0, http_port=0, smtp_relay_url=None,
        slack_bot_token=None, slack_signing_secret=None, slack_app_token=None, **extra)


async def test_slack_is_mounted_and_checked_when_configured(tmp_path: Path) -> None:
    settings = _settings(tmp_path).model_copy(update={
        "slack_bot_token": SecretStr("xoxb-test"),
        "slack_signing_secret": SecretStr("not-a-real-secret"),
        "slack_api_url": "http://127.0.0.1:9/api/"})  # nothing listens: loops just retry
    services = await build_services(settings)
    runtime = Runtime(services, {"http"})
    try:
        await runtime.start()
        assert runtime.describe().endswith("slack on")
        assert runtime.http_address is not None
        base = f"http://127.0.0.1:{runtime.http_address[1]}"
        async with aiohttp.ClientSession() as http:
            async with http.post(base + "/slack/events", data=b"{}") as resp:
                assert resp.status == 401  # mounted, and unsigned requests are refused
            async with http.get(base + "/healthz") as resp:
                assert (await resp.json())["checks"] == {"database": True, "slack": True}
    finally:
        await runtime.stop()
        await services.close()


async def test_only_smtp_runs_no_http_and_no_worker(tmp_path: Path) -> None:
    services = await build_services(_settings(tmp_path))
    runtime = Runtime(services, {"smtp"})
    try:
        await runtime.start()
        line = runtime.describe()
        assert line.startswith("privacybot: smtp on 127.0.0.1:")
        assert "http on" not in line
        assert "outbox" not in line
        assert runtime.sender is None
        assert line.endswith("slack off")
    finally:
        await runtime.stop()
        await services.close()


async def test_worker_without_relay_uses_the_outbox_folder(tmp_path: Path) -> None:
    services = await build_services(_settings(tmp_path))
    runtime = Runtime(services, {"worker"})
    try:
        await runtime.start()
        assert f"outbox -> {tmp_path / 'outbox'}" in runtime.describe()
    finally:
        await runtime.stop()
        await services.close()


def test_unknown_part_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown parts: mail"):
        Runtime(None, {"mail"})  # type: ignore[arg-type]
