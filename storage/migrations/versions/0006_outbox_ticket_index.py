"""An index on the outbox's ticket: retention and a ticket's view find its mail by ticket.

Without it every lookup of a ticket's outbound mail scans the whole outbox; a retention run
over 100,000 tickets spent most of its time doing that.

Revision ID: 0006
Revises: 0003
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision: str = "0006"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    """Index outbox.ticket_id."""
    op.create_index("ix_outbox_ticket_id", "outbox", ["ticket_id"])


def downgrade() -> None:
    """Drop the index."""
    op.drop_index("ix_outbox_ticket_id", table_name="outbox")
