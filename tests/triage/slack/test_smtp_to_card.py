"""The whole way, as `privacybot serve` runs it: a person's mail over SMTP that the classifier
reads as no request reaches `triage list` and the privacy channel as a card; a team member's
signed "Open as access" opens a ticket whose clock counts from the mail's arrival and asks for
verification; auto-replies, bounces and newsletters never reach triage."""

from __future__ import annotations

import asyncio
import json
import smtplib
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path

import pytest

from bot.cli import app
from bot.cli.common import run_cli
from bot.runtime import Runtime, build_services
from bot.settings import Settings
from bot.slack import triage_blocks as tb
from tests.slack.conftest import AIM_CHANNEL, ORGANISATIONS, SECRET, Slack, all_text
from tests.slack.fake_slack import FakeSlack

VAGUE = "Hi, I had an account with you years ago and I am not happy about what happened to it."


def _mail(text: str, subject: str, sender: str = "ann@example.org",
          **headers: str) -> bytes:
    message = EmailMessage()
    message["From"] = f"Ann Client <{sender}>"
    message["To"] = "hello@aimigos.studio"
    message["Subject"] = subject
    message["Message-ID"] = make_msgid(domain="example.org")
    for name, value in headers.items():
        message[name] = value
    message.set_content(text)
    return bytes(message)


def _send(port: int, raw: bytes, mail_from: str) -> None:
    with smtplib.SMTP("127.0.0.1", port, timeout=30) as client:
        client.sendmail(mail_from, ["hello@aimigos.studio"], raw)


async def test_smtp_mail_to_card_to_ticket(tmp_path: Path, fake: FakeSlack,
                                           capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    config = tmp_path / "organisations.toml"
    config.write_text(ORGANISATIONS, encoding="utf-8")
    monkeypatch.setenv("PRIVACYBOT_CONFIG", str(config))
    settings = Settings.model_validate({
        "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": fake.base_url, "PRIVACYBOT_CONFIG": str(config),
        "data_dir": tmp_path, "http_port": 0, "smtp_port": 0, "secret_key": "k" * 32})
    services = await build_services(settings)
    runtime = Runtime(services)
    try:
        await runtime.start()
        assert runtime.smtp is not None
        assert services.slack is not None
        port = runtime.smtp.address[1]
        automatic = [
            (_mail("Away until Monday.", "Out of office", **{"Auto-Submitted": "auto-replied"}),
             "ann@example.org"),
            (_mail("Delivery failed.", "Undeliverable: hello", sender="mailer-daemon@example.org"),
             ""),
            (_mail("Our news.", "Newsletter", sender="news@example.org",
                   **{"List-Unsubscribe": "<mailto:u@example.org>", "Precedence": "bulk"}),
             "news@example.org"),
        ]
        for raw, mail_from in automatic:
            await asyncio.to_thread(_send, port, raw, mail_from)
        await asyncio.to_thread(_send, port, _mail(VAGUE, "About my account"),
                                "ann@example.org")
        [card] = await fake.wait_for(
            "chat.postMessage", within=15.0,
            where=lambda c: "triage" in all_text(c.args.get("blocks")))
        assert card.args["channel"] == AIM_CHANNEL
        assert "About my account" in all_text(card.args["blocks"])

        code = await asyncio.to_thread(run_cli, app, ["triage", "list", "--json",
                                                      "--data-dir", str(tmp_path)])
        assert code == 0
        items = json.loads(capsys.readouterr().out)
        assert [item["subject"] for item in items] == ["About my account"]  # nothing automatic
        pk = items[0]["message"]

        slack = Slack(services.slack, fake)
        await slack.click(tb.OPEN, str(pk))
        [opened] = await fake.wait_for("views.open")
        await slack.submit(opened.args["view"], {tb.RIGHTS_BLOCK: {tb.RIGHTS_ACTION: {
            "selected_options": [{"value": "access"}]}}})
        for _ in range(200):
            tickets = await services.desk.list_tickets()
            if tickets:
                break
            await asyncio.sleep(0.05)
        [ticket] = tickets
        async with services.db.transaction(readonly=True) as tx:
            message = await tx.messages.get(pk)
        assert ticket.received_at == message.received_at
        assert ticket.state == "awaiting_identity"
        view = await services.desk.get_ticket(ticket.reference)
        assert [o.kind for o in view.outbox] == ["verification_request"]
        await fake.wait_for("chat.update", within=15.0,
                            where=lambda c: ticket.reference in all_text(c.args.get("blocks")))
    finally:
        await runtime.stop()
        await services.close()
