"""The Slack channel inside the service as `privacybot serve` runs it (bot.runtime): the
route on the HTTP part, the notifier on the worker part, Slack configured from Settings."""

from __future__ import annotations

from pathlib import Path

import aiohttp

from bot.runtime import Runtime, build_services
from bot.settings import Settings
from bot.slack.service import ROUTE
from bot.slack.signing import event_body, signed_headers
from intents import Classification, read_message
from tests.slack.conftest import ORGANISATIONS, SECRET, TEAM_MEMBER, client_mail
from tests.slack.fake_slack import FakeSlack


async def test_serve_answers_signed_events_and_posts_new_tickets(tmp_path: Path,
                                                                 fake: FakeSlack) -> None:
    config = tmp_path / "organisations.toml"
    config.write_text(ORGANISATIONS, encoding="utf-8")
    settings = Settings.model_validate({
        "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": fake.base_url, "PRIVACYBOT_CONFIG": str(config),
        "data_dir": tmp_path, "http_port": 0, "secret_key": "k" * 32})
    services = await build_services(settings)
    runtime = Runtime(services, {"http", "worker"})
    try:
        assert services.slack is not None
        await runtime.start()
        assert runtime.http_address is not None
        host, port = runtime.http_address
        body = event_body({"type": "message", "channel": "DALICE", "channel_type": "im",
                           "user": TEAM_MEMBER, "text": "How long do we keep correspondence?",
                           "ts": "1.1"}, event_id="EvServe")
        async with aiohttp.ClientSession() as session:
            async with session.post(f"http://{host}:{port}{ROUTE}", data=body.encode(),
                                    headers=signed_headers(SECRET, body)) as response:
                assert response.status == 200
            async with session.post(f"http://{host}:{port}{ROUTE}", data=body.encode(),
                                    headers=signed_headers("forged", body)) as response:
                assert response.status == 401
            async with session.get(f"http://{host}:{port}/healthz") as response:
                assert response.status == 200
        [answer] = await fake.wait_for("chat.postMessage")
        assert "7.1 How Long We Keep Your Data" in str(answer.args["blocks"])

        raw = client_mail("<!channel> my data", "Send me my data please.")
        result = await services.desk.receive_mail(
            "aimigos", raw, read_message(raw), Classification(intents=["access"]),
            envelope_from="bob@example.com")
        services.slack.notifier.poke()
        [card] = await fake.wait_for("chat.postMessage", 1,
                                     where=lambda c: "thread_ts" not in c.args
                                     and c.args["channel"] == "CAIMPRIV")
        assert (result.reference or "?") in str(card.args["blocks"])
        assert "<!channel>" not in str(card.args)
    finally:
        await runtime.stop()
        await services.close()
