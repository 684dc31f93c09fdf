"""The outbox's addresses indexed as the intake asks for them: lower-cased, with the day.

Before each automatic reply the intake counts what was sent to the address in the last day
(the per-address daily limit), by `lower(to_address)`: the index on the address as written
could not serve that, so each mail scanned the whole outbox (390 ms at 200,000 copies, on
the event loop, while SMTP waited). The old index served no query and goes.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    """Index lower(outbox.to_address), created_at instead of to_address, created_at."""
    op.create_index("ix_outbox_to_address_lower", "outbox",
                    [sa.text("lower(to_address)"), "created_at"])
    op.drop_index("ix_outbox_to_address", table_name="outbox")


def downgrade() -> None:
    """Back to the index on the address as written."""
    op.create_index("ix_outbox_to_address", "outbox", ["to_address", "created_at"])
    op.drop_index("ix_outbox_to_address_lower", table_name="outbox")
