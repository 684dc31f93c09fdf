"""The regulator a requester is told of follows the organisation's jurisdiction.

An organisation in Ireland, served over SMTP as in production, acknowledges a complaint by
naming the Data Protection Commission, and nothing of the UK's ICO; it starts without a
bank-holiday subdivision. An organisation whose jurisdiction has no default authority and
whose entry gives none does not start, and the one-line error says what to add.
"""

from __future__ import annotations

import asyncio
import shutil
import smtplib
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from pydantic import SecretStr

from bot.cli import app
from bot.cli.common import run_cli
from bot.runtime import Runtime, build_services
from bot.settings import DEFAULT_CONFIG, Settings

POLICY = DEFAULT_CONFIG.parent / "policies" / "aimigos.txt"
ADDRESS = "privacy@lough.example"
OWN_ROUTE = "Write to our Data Protection Officer first: dpo@lough.example"
JURISDICTIONS = ("GB", "IE", "ES", "FR", "DE", "NL", "IT", "PT", "BE", "SE", "DK", "PL")


def organisations_file(folder: Path, *, jurisdiction: str, extra: str = "") -> Path:
    (folder / "policies").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(POLICY, folder / "policies" / "lough.txt")
    path = folder / "organisations.toml"
    path.write_text(f"""
[[organisation]]
id = "lough"
name = "Lough Studio"
privacy_address = "{ADDRESS}"
policy = "policies/lough.txt"
reference_prefix = "LGH"
jurisdiction = "{jurisdiction}"
{extra}
""", encoding="utf-8")
    return path


def send_complaint(port: int) -> int:
    msg = EmailMessage()
    msg["From"] = "Aoife Example <aoife@example.ie>"
    msg["To"] = ADDRESS
    msg["Subject"] = "Complaint"
    msg["Message-ID"] = "<complaint-1@example.ie>"
    msg.set_content("I want to make a formal complaint about how you handled my data.")
    with smtplib.SMTP("127.0.0.1", port, timeout=30) as client:
        refused = client.sendmail("aoife@example.ie", [ADDRESS], msg.as_bytes())
    return len(refused)


@pytest.mark.usefixtures("premigrated")
async def test_an_irish_organisation_names_the_data_protection_commission(
        database_url: str, tmp_path: Path) -> None:
    config = organisations_file(tmp_path / "config", jurisdiction="IE",
                                extra=f'complaint_route = "{OWN_ROUTE}"')
    settings = Settings().with_overrides(
        data_dir=tmp_path / "data", database_url=database_url, config_path=config,
        smtp_host="127.0.0.1", smtp_port=0, http_host="127.0.0.1", http_port=0,
        smtp_relay_url="", public_url="http://links.test",
        secret_key=SecretStr("authority-test-secret-0123456789"))
    services = await build_services(settings, slack=False)
    runtime = Runtime(services, poll_seconds=0.05)
    outbox = settings.outbox_dir
    try:
        await runtime.start()
        assert runtime.smtp is not None
        assert await asyncio.to_thread(send_complaint, runtime.smtp.address[1]) == 0
        for _ in range(200):
            if list(outbox.glob("*.eml")):
                break
            await asyncio.sleep(0.05)
        tickets = await services.desk.list_tickets()
    finally:
        await runtime.stop()
        await services.close()
    [mail] = [message_from_bytes(p.read_bytes(), policy=policy.default)
              for p in outbox.glob("*.eml")]
    assert mail["To"] == "aoife@example.ie"
    body = mail.get_body()
    assert body is not None
    text = " ".join(str(body.get_content()).split())
    assert "Data Protection Commission (DPC)" in text
    assert "21 Fitzwilliam Square South" in text
    assert "Information Commissioner" not in text
    assert "ICO" not in text
    assert "Wycliffe" not in text  # the policy's own words (a UK policy) are not guessed in
    assert OWN_ROUTE in text  # the route the organisations file confirms is quoted
    # Its due date counts Irish bank holidays (no subdivision needed, none defaulted).
    [ticket] = tickets
    assert ticket.due_date is not None


def test_an_organisation_without_an_authority_does_not_start(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    config = organisations_file(tmp_path / "config", jurisdiction="CH")
    monkeypatch.setenv("PRIVACYBOT_CONFIG", str(config))
    monkeypatch.delenv("SMTP_RELAY_URL", raising=False)
    code = run_cli(app, ["serve", "--data-dir", str(tmp_path / "data"), "--only", "smtp"])
    err = capsys.readouterr().err
    assert code == 1
    [line] = err.strip().splitlines()
    assert line.startswith("privacybot: error:")
    assert "'lough' has no supervisory authority for jurisdiction 'CH'" in line
    assert "add an [organisation.authority] table with name, address and complaint_url" in line


def test_an_authority_of_its_own_lets_it_start(tmp_path: Path) -> None:
    from bot.organisations import load_organisations

    config = organisations_file(tmp_path, jurisdiction="CH", extra="""
[organisation.authority]
name = "Eidgenössischer Datenschutz- und Öffentlichkeitsbeauftragter"
short_name = "EDÖB"
address = "Feldeggweg 1, 3003 Bern"
complaint_url = "https://www.edoeb.admin.ch"
""")
    [org] = load_organisations(config).items
    assert org.authority.title.endswith("(EDÖB)")
    assert org.subdivision is None


@pytest.mark.parametrize("jurisdiction", JURISDICTIONS)
def test_each_shipped_jurisdiction_has_an_authority_and_a_calendar(
        tmp_path: Path, jurisdiction: str) -> None:
    from datetime import date

    from bot.authorities import default_for
    from bot.organisations import load_organisations
    from bot.workflow.deadlines import due_date, prepare_calendars

    [org] = load_organisations(organisations_file(tmp_path, jurisdiction=jurisdiction)).items
    assert org.authority == default_for(jurisdiction)
    assert org.authority.complaint_url.startswith("https://")
    assert org.subdivision == ("ENG" if jurisdiction == "GB" else None)
    prepare_calendars([org], date(2026, 6, 1))
    assert due_date(date(2026, 12, 1), org) >= date(2027, 1, 1)


def test_a_jurisdiction_is_read_in_any_case(tmp_path: Path) -> None:
    from bot.organisations import load_organisations

    [org] = load_organisations(organisations_file(tmp_path, jurisdiction="ie")).items
    assert org.jurisdiction == "IE"
    assert org.authority.short_name == "DPC"
