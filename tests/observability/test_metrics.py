"""GET /metrics on the running service: counters moved by real mail over SMTP, gauges read
from the store at the scrape, a registry of each instance's own, and Slack's figures."""

from __future__ import annotations

import asyncio
import os
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import aiohttp
import pytest
from prometheus_client.parser import text_string_to_metric_families

from bot.desk import Desk
from bot.observability.figures import read_store_figures
from bot.observability.metrics import Metrics
from bot.organisations import Organisations
from bot.runtime import Runtime, build_services
from bot.settings import Settings
from bot.slack.signing import event_body, signed_headers
from intents import Classification, read_message
from storage import Database, TicketUpdate
from tests.channels.harness import Harness, SmtpRefused, make_mail
from tests.slack.conftest import ORGANISATIONS, SECRET, TEAM_MEMBER
from tests.slack.fake_slack import FakeSlack

ACCESS = "Please send me a copy of the personal data you hold about me."
Sample = tuple[str, tuple[tuple[str, str], ...]]


def parse(text: str) -> dict[Sample, float]:
    """Every sample of an exposition: (name, sorted labels) -> value."""
    return {(sample.name, tuple(sorted(sample.labels.items()))): sample.value
            for family in text_string_to_metric_families(text) for sample in family.samples}


async def scrape(base_url: str) -> dict[Sample, float]:
    async with aiohttp.ClientSession() as http, http.get(base_url + "/metrics") as resp:
        assert resp.status == 200
        assert resp.headers["Content-Type"].startswith("text/plain")
        return parse(await resp.text())


def value(samples: dict[Sample, float], name: str, **labels: str) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


async def test_scrape_after_mail_arrives_finds_the_counters_moved(service: Harness) -> None:
    before = await scrape(service.http_url)
    assert value(before, "privacybot_mails_received_total") == 0
    assert value(before, "privacybot_store_up") == 1

    assert (await service.send(make_mail(ACCESS, sender="ann@example.org"),
                               mail_from="ann@example.org"))[0] == 250
    await service.mails_to("ann@example.org")  # its verification request went out
    with pytest.raises(SmtpRefused) as refused:
        await service.send(make_mail(ACCESS), to=("nobody@aimigos.studio",))
    assert refused.value.code == 550
    # No right asked for: stored for the team to triage, no ticket.
    assert (await service.send(make_mail("What time does your office open on Fridays?",
                                         sender="bob@example.org"),
                               mail_from="bob@example.org"))[0] == 250

    after = await scrape(service.http_url)
    assert value(after, "privacybot_mails_received_total") == 2
    assert value(after, "privacybot_mails_refused_total", reason="no_such_mailbox") == 1
    assert value(after, "privacybot_mails_deferred_total") == 0
    assert value(after, "privacybot_tickets_opened_total", right="access") == 1
    assert value(after, "privacybot_outbox_sent_total") >= 1
    assert value(after, "privacybot_triage_backlog") == 1
    assert value(after, "privacybot_triage_oldest_age_seconds") >= 0
    assert value(after, "privacybot_tickets_overdue") == 0
    assert value(after, "privacybot_store_up") == 1


async def test_451_is_counted_and_a_gone_database_leaves_the_scrape_up(
        service: Harness, database_url: str) -> None:
    if not database_url.startswith("sqlite"):
        pytest.skip("a database file is a SQLite matter")
    from sqlalchemy.engine import make_url

    path = str(make_url(database_url).database)
    for suffix in ("", "-wal", "-shm"):
        await asyncio.to_thread(lambda p=f"{path}{suffix}": os.path.exists(p) and os.unlink(p))
    assert (await service.send(make_mail(ACCESS)))[0] == 451
    after = await scrape(service.http_url)
    assert value(after, "privacybot_mails_deferred_total") == 1
    assert value(after, "privacybot_mails_received_total") == 0
    assert value(after, "privacybot_store_up") == 0  # the gauges are stale, the scrape is not


async def test_gauges_read_the_outbox_and_overdue_tickets_from_the_store(
        db: Database, orgs: Organisations) -> None:
    now = datetime.now(UTC)
    desk = Desk(db, orgs, secret=b"metrics-test-secret-0123456789ab", public_url="http://t",
                clock=lambda: now)
    raw = make_mail(ACCESS)
    result = await desk.receive_mail("aimigos", raw, read_message(raw),
                                     Classification(intents=["access"]),
                                     envelope_from="alice@example.org")
    async with db.transaction() as tx:
        ticket = await tx.tickets.get_by_reference(str(result.reference))
        await tx.tickets.update(ticket.id, TicketUpdate(due_date=date.today() - timedelta(2)))
        await tx.outbox.enqueue(organisation="aimigos", kind="test", to_address="x@example.org",
                                message_id="<old@test>", raw=b"x", now=now - timedelta(hours=3),
                                send_after=now + timedelta(days=1))
        await tx.outbox.enqueue(organisation="aimigos", kind="test", to_address="y@example.org",
                                message_id="<bad@test>", raw=b"y", now=now)
    async with db.transaction() as tx:  # a sender takes what is due and gives one up
        for row in await tx.outbox.claim("w", now + timedelta(seconds=1), limit=10):
            if row.message_id == "<bad@test>":
                await tx.outbox.mark_failed(row.id, "refused", worker_id="w")
    figures = await read_store_figures(db, now)
    assert figures.tickets_overdue == 1
    assert figures.outbox_failed == 1
    assert figures.outbox_depth >= 1  # ours, and the verification request the desk queued
    assert 3 * 3600 - 60 <= figures.outbox_oldest_age <= 3 * 3600 + 60
    assert figures.triage_backlog == 0


def test_each_instance_has_its_own_registry() -> None:
    first, second = Metrics(), Metrics()
    first.mails_received.inc()
    first.ticket_opened(["erasure", "access"])
    assert value(parse(first.render().decode()), "privacybot_mails_received_total") == 1
    assert value(parse(second.render().decode()), "privacybot_mails_received_total") == 0
    assert value(parse(first.render().decode()), "privacybot_tickets_opened_total",
                 right="erasure") == 1


async def test_slack_answers_abstentions_and_api_errors(tmp_path: Path) -> None:
    fake = await FakeSlack().start()
    config = tmp_path / "organisations.toml"
    config.write_text(ORGANISATIONS, encoding="utf-8")
    settings = Settings.model_validate({
        "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": fake.base_url, "PRIVACYBOT_CONFIG": str(config),
        "data_dir": tmp_path, "http_port": 0, "secret_key": "k" * 32})
    services = await build_services(settings)
    runtime = Runtime(services, {"http"})
    try:
        await runtime.start()
        assert runtime.http_address is not None
        base = f"http://127.0.0.1:{runtime.http_address[1]}"

        async def dm(text: str, event_id: str) -> None:
            body = event_body({"type": "message", "channel": "DALICE", "channel_type": "im",
                               "user": TEAM_MEMBER, "text": text, "ts": "1.1"},
                              event_id=event_id)
            async with aiohttp.ClientSession() as http, http.post(
                    base + "/slack/events", data=body.encode(),
                    headers=signed_headers(SECRET, body)) as resp:
                assert resp.status == 200

        await dm("How long do we keep correspondence?", "EvA")
        await fake.wait_for("chat.postMessage")
        await dm("What is the airspeed velocity of an unladen swallow?", "EvB")
        await fake.wait_for("chat.postMessage", 2)
        fake.failing["chat.postMessage"] = "channel_not_found"
        await dm("Who is our DPO?", "EvC")
        await fake.wait_for("chat.postMessage", 3)
        samples: dict[Sample, float] = {}
        for _ in range(100):  # the refused post is counted once bolt's listener has it back
            samples = await scrape(base)
            if value(samples, "privacybot_slack_api_errors_total", method="chat.postMessage"):
                break
            await asyncio.sleep(0.05)
        assert value(samples, "privacybot_slack_api_errors_total",
                     method="chat.postMessage") == 1
        answered = value(samples, "privacybot_answers_total", outcome="answered")
        abstained = value(samples, "privacybot_answers_total", outcome="abstained")
        assert answered >= 1  # correspondence: the policy says
        assert abstained >= 1  # the swallow: it does not
        assert answered + abstained == 3
        assert value(samples, "privacybot_answer_seconds_count") == 3
        assert value(samples, "privacybot_answer_seconds_sum") > 0
    finally:
        await runtime.stop()
        await services.close()
        await fake.stop()


async def test_an_smtp_only_process_serves_its_counters_on_the_metrics_port(
        tmp_path: Path) -> None:
    settings = Settings().with_overrides(
        data_dir=tmp_path, database_url=None, smtp_host="127.0.0.1", smtp_port=0,
        http_host="127.0.0.1", metrics_port=0, smtp_relay_url=None, slack_bot_token=None,
        slack_signing_secret=None, slack_app_token=None)
    services = await build_services(settings, slack=False)
    runtime = Runtime(services, {"smtp"})
    try:
        await runtime.start()
        assert " metrics on 127.0.0.1:" in runtime.describe()
        assert runtime.smtp is not None
        assert runtime.http_address is not None
        import smtplib

        smtp_port = runtime.smtp.address[1]

        def send() -> None:
            with smtplib.SMTP("127.0.0.1", smtp_port) as client:
                client.sendmail("ann@example.org", ["hello@aimigos.studio"],
                                make_mail(ACCESS, sender="ann@example.org"))

        await asyncio.to_thread(send)
        base = f"http://127.0.0.1:{runtime.http_address[1]}"
        samples = await scrape(base)
        assert value(samples, "privacybot_mails_received_total") == 1
        assert value(samples, "privacybot_tickets_opened_total", right="access") == 1
        assert value(samples, "privacybot_outbox_queue_depth") == 1  # no worker here
        async with aiohttp.ClientSession() as http, http.get(base + "/healthz") as resp:
            assert resp.status == 200
            assert set((await resp.json())["parts"]) == {"database", "smtp"}
        async with aiohttp.ClientSession() as http, http.get(base + "/verify/x") as resp:
            assert resp.status == 404  # only /metrics and /healthz here
    finally:
        await runtime.stop()
        await services.close()
