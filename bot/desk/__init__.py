"""Use cases of the rights workflow: storage joined to the pure rules in bot.workflow.

`Desk` is the one entry point for the channels; see bot/desk/desk.py for its shape.

The names below are imported when first used, not with the package: `Desk` pulls the intake
and every language's rules (about a thousand modules, two seconds), which a submodule such as
the retention child (bot/desk/retention_process.py) does not need.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.desk.desk import Desk
    from bot.desk.results import (
        ActionResult,
        IntakeResult,
        SuppressionCheck,
        SweepResult,
        TicketView,
        UnsubscribeResult,
    )

_WHERE = {
    "Desk": "bot.desk.desk",
    "ActionResult": "bot.desk.results",
    "IntakeResult": "bot.desk.results",
    "SuppressionCheck": "bot.desk.results",
    "SweepResult": "bot.desk.results",
    "TicketView": "bot.desk.results",
    "UnsubscribeResult": "bot.desk.results",
}

__all__ = [
    "ActionResult",
    "Desk",
    "IntakeResult",
    "SuppressionCheck",
    "SweepResult",
    "TicketView",
    "UnsubscribeResult",
]


if not TYPE_CHECKING:  # for mypy the imports above say what each name is

    def __getattr__(name: str) -> Any:
        if name not in _WHERE:
            raise AttributeError(f"module 'bot.desk' has no attribute {name!r}")
        value = getattr(importlib.import_module(_WHERE[name]), name)
        globals()[name] = value  # found once; later lookups do not come here
        return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
