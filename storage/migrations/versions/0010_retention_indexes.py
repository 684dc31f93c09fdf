"""Indexes that a retention run does not rewrite at random places.

Masking an address moved its index entries to the pseudonym's place, a keyed hash, so
anywhere in the index: a run over 100,000 tickets wrote 2.8 index pages per ticket, nearly
half of all its writes (bench/retention_pages.py).
- `ix_tickets_requester` (organisation, requester_address) goes: every query by requester
  compares `lower(requester_address)`, so it served only the organisation, as
  `ix_tickets_organisation_state` does.
- `ix_outbox_to_address_lower` leaves out the copies whose address retention has masked (a
  pseudonym or "[erased]"): the per-address daily limit counts real addresses only, and
  masking a copy now removes its entry instead of writing a new one.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | None = None
depends_on: str | None = None

# As storage.tables.unmasked_address renders it: the counting queries repeat it word for
# word, so that SQLite and PostgreSQL both see that the partial index serves them.
_UNMASKED = "to_address NOT LIKE 'pseudonym:%' AND to_address != '[erased]'"


def upgrade() -> None:
    """Drop ix_tickets_requester; rebuild ix_outbox_to_address_lower without masked rows."""
    op.drop_index("ix_tickets_requester", table_name="tickets")
    op.drop_index("ix_outbox_to_address_lower", table_name="outbox")
    op.create_index("ix_outbox_to_address_lower", "outbox",
                    [sa.text("lower(to_address)"), "created_at"],
                    sqlite_where=sa.text(_UNMASKED), postgresql_where=sa.text(_UNMASKED))


def downgrade() -> None:
    """Back to both indexes as 0008 left them."""
    op.drop_index("ix_outbox_to_address_lower", table_name="outbox")
    op.create_index("ix_outbox_to_address_lower", "outbox",
                    [sa.text("lower(to_address)"), "created_at"])
    op.create_index("ix_tickets_requester", "tickets", ["organisation", "requester_address"])
