"""The project's foundation: import contracts, settings, organisations file, CLI error contract."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import SecretStr

from bot.cli import app
from bot.cli.common import run_cli
from bot.errors import ConfigError, UnknownOrganisationError
from bot.organisations import load_organisations
from bot.settings import Settings
from tests.conftest import DEFAULT_CONFIG, ROOT


def test_import_contracts_hold() -> None:
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert exe, "import-linter is not installed"
    result = subprocess.run([exe], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "BROKEN" not in result.stdout


def test_default_organisations_ship_with_their_policies() -> None:
    orgs = load_organisations(DEFAULT_CONFIG)
    assert [org.id for org in orgs.items] == ["aimigos", "imgn"]
    assert orgs.by_address("Hello@Aimigos.Studio") == orgs.get("aimigos")
    assert orgs.get("imgn").privacy_address == "studio@imgnstudio.com"
    for org in orgs.items:
        assert org.policy.is_file(), org.policy


def test_unknown_organisation_is_a_clear_error() -> None:
    with pytest.raises(UnknownOrganisationError, match="unknown organisation 'nope'"):
        load_organisations(DEFAULT_CONFIG).get("nope")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "no \\[\\[organisation\\]\\]"),
        ("[[organisation]\n", "cannot read"),
        ('[[organisation]]\nid = "x"\n', "organisation"),
    ],
)
def test_bad_organisations_file(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "orgs.toml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=message):
        load_organisations(path)


def test_missing_organisations_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_organisations(tmp_path / "missing.toml")


def test_settings_read_environment_only_when_built(monkeypatch: pytest.MonkeyPatch,
                                                    tmp_path: Path) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql+asyncpg://u@h/db")
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1")
    settings = Settings()
    assert settings.effective_database_url == "postgresql+asyncpg://u@h/db"
    assert settings.slack_bot_token is not None
    assert settings.slack_bot_token.get_secret_value() == "xoxb-1"
    monkeypatch.delenv("DATABASE_URL")
    local = Settings().with_overrides(data_dir=tmp_path)
    assert local.effective_database_url.endswith(f"{tmp_path}/privacybot.db")
    assert local.outbox_dir == tmp_path / "outbox"


def test_cli_unknown_command_is_one_line_and_non_zero(capsys: pytest.CaptureFixture[str]) -> None:
    code = run_cli(app, ["no-such-command"])
    assert code == 2
    err = capsys.readouterr().err
    assert "No such command" in err
    assert "Traceback" not in err


def test_secret_key_is_created_once_and_kept(tmp_path: Path) -> None:
    from bot.secret_key import resolve_secret_key

    settings = Settings().with_overrides(data_dir=tmp_path / "d")
    first = resolve_secret_key(settings)
    assert len(first) == 64
    assert resolve_secret_key(settings) == first
    assert (tmp_path / "d" / "secret.key").stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "d").stat().st_mode & 0o777 == 0o700


def test_secret_key_is_required_with_a_shared_database(tmp_path: Path) -> None:
    from bot.secret_key import resolve_secret_key

    settings = Settings().with_overrides(data_dir=tmp_path,
                                         database_url="postgresql+asyncpg://u@h/db")
    with pytest.raises(ConfigError, match="PRIVACYBOT_SECRET_KEY"):
        resolve_secret_key(settings)
    assert not (tmp_path / "secret.key").exists()
    configured = settings.model_copy(update={"secret_key": SecretStr("k" * 32)})
    assert resolve_secret_key(configured) == b"k" * 32


def test_secret_key_too_short_is_refused(tmp_path: Path) -> None:
    from bot.secret_key import resolve_secret_key

    settings = Settings().with_overrides(data_dir=tmp_path, secret_key=SecretStr("short"))
    with pytest.raises(ConfigError, match="at least 16"):
        resolve_secret_key(settings)


@pytest.mark.parametrize("key", ["id", "privacy_address", "reference_prefix"])
def test_organisation_keys_must_be_unique(tmp_path: Path, key: str) -> None:
    text = DEFAULT_CONFIG.read_text(encoding="utf-8")
    first, second = load_organisations(DEFAULT_CONFIG).items
    text = text.replace(f'"{getattr(second, key)}"', f'"{getattr(first, key)}"')
    path = tmp_path / "orgs.toml"
    path.write_text(text, encoding="utf-8")
    (tmp_path / "policies").mkdir()
    with pytest.raises(ConfigError, match=f"{key} must be unique"):
        load_organisations(path)
