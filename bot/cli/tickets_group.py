"""The `privacybot tickets` command group, which bot/cli/tickets.py and the modules beside it
(ticket_identity, ticket_manual, ticket_hold, ticket_checklist, ticket_recipients) add their
commands to.

It lives alone so that those modules depend on it and on bot/cli/common.py, never on each
other: tickets.py registers the group and imports the others, and nothing imports tickets.py.
"""

from __future__ import annotations

import typer

tickets_app = typer.Typer(help="Rights-request tickets: list, show, act.", no_args_is_help=True)
