"""Use cases of the rights workflow: storage joined to the pure rules in bot.workflow.

`Desk` is the one entry point for the channels; see bot/desk/desk.py for its shape.
"""

from bot.desk.desk import Desk
from bot.desk.results import (
    ActionResult,
    IntakeResult,
    SuppressionCheck,
    SweepResult,
    TicketView,
    UnsubscribeResult,
)

__all__ = [
    "ActionResult",
    "Desk",
    "IntakeResult",
    "SuppressionCheck",
    "SweepResult",
    "TicketView",
    "UnsubscribeResult",
]
