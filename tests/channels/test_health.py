"""The /healthz database probe: a committed write, shared by the requests that wait for it,
a passing result reused for a moment, a failing one never."""

from __future__ import annotations

import asyncio

import pytest

from bot.channels.health import WriteProbe
from storage.errors import StorageError, UnavailableError


class Checks:
    def __init__(self) -> None:
        self.calls = 0
        self.quick_calls = 0
        self.problem: str | None = None
        self.quick_problem: str | None = None
        self.gate = asyncio.Event()
        self.gate.set()
        self.now = 100.0

    async def check(self) -> None:
        self.calls += 1
        await self.gate.wait()
        self.now += 0.01  # a commit takes time
        if self.problem:
            raise StorageError(self.problem)

    def quick(self) -> None:
        self.quick_calls += 1
        if self.quick_problem:
            raise UnavailableError(self.quick_problem)


@pytest.fixture
def checks() -> Checks:
    return Checks()


def _probe(checks: Checks) -> WriteProbe:
    return WriteProbe(checks.check, quick=checks.quick, interval=1.0, clock=lambda: checks.now)


async def test_requests_waiting_for_a_check_share_it(checks: Checks) -> None:
    probe = _probe(checks)
    checks.gate.clear()
    waiting = [asyncio.create_task(probe()) for _ in range(10)]
    await asyncio.sleep(0)
    checks.gate.set()
    assert await asyncio.gather(*waiting) == [True] * 10
    assert checks.calls == 1
    assert checks.quick_calls == 10


async def test_a_pass_is_reused_for_the_interval_a_failure_never(checks: Checks) -> None:
    probe = _probe(checks)
    assert await probe()
    checks.now += 0.5
    assert await probe()
    assert checks.calls == 1
    checks.now += 0.6
    checks.problem = "database unavailable: database or disk is full"
    with pytest.raises(UnavailableError, match="disk is full"):
        await probe()
    with pytest.raises(UnavailableError, match="disk is full"):
        await probe()
    assert checks.calls == 3  # each later request checks again
    checks.problem = None
    assert await probe()  # recovery shows at once
    assert checks.calls == 4


async def test_the_file_check_runs_on_every_request(checks: Checks) -> None:
    probe = _probe(checks)
    assert await probe()
    checks.quick_problem = "database unavailable:\nthe database file is read-only"
    with pytest.raises(UnavailableError) as caught:
        await probe()
    assert str(caught.value) == "database unavailable: the database file is read-only"
    assert checks.calls == 1
