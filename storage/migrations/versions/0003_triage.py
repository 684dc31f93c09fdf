"""Triage: the team's decision on each mail that opened no ticket, a newer classifier's
suggestion for it, and its Slack card.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from storage.tables import UTCDateTime

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    """Create triage_decisions, triage_suggestions and slack_triage_posts."""
    op.create_table(
        "triage_decisions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("message_pk", sa.Integer(), nullable=False),
        sa.Column("organisation", sa.String(length=100), nullable=False),
        sa.Column("decision", sa.String(length=20), nullable=False),
        sa.Column("intents", sa.JSON(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("decided_by", sa.String(length=200), nullable=False),
        sa.Column("decided_at", UTCDateTime(), nullable=False),
        sa.Column("verdict", sa.JSON(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["message_pk"], ["messages.id"],
                                name=op.f("fk_triage_decisions_message_pk_messages")),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"],
                                name=op.f("fk_triage_decisions_ticket_id_tickets")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_triage_decisions")),
        sa.UniqueConstraint("message_pk", name=op.f("uq_triage_decisions_message_pk")),
    )
    op.create_index("ix_triage_decisions_decided_at", "triage_decisions", ["decided_at"])
    op.create_table(
        "triage_suggestions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("message_pk", sa.Integer(), nullable=False),
        sa.Column("intents", sa.JSON(), nullable=False),
        sa.Column("scores", sa.JSON(), nullable=False),
        sa.Column("suggested_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["message_pk"], ["messages.id"],
                                name=op.f("fk_triage_suggestions_message_pk_messages")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_triage_suggestions")),
        sa.UniqueConstraint("message_pk", name=op.f("uq_triage_suggestions_message_pk")),
    )
    op.create_table(
        "slack_triage_posts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("message_pk", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=40), nullable=False),
        sa.Column("ts", sa.String(length=40), nullable=False),
        sa.Column("posted_event_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["message_pk"], ["messages.id"],
                                name=op.f("fk_slack_triage_posts_message_pk_messages")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_slack_triage_posts")),
        sa.UniqueConstraint("message_pk", name=op.f("uq_slack_triage_posts_message_pk")),
    )


def downgrade() -> None:
    """Drop them."""
    op.drop_table("slack_triage_posts")
    op.drop_table("triage_suggestions")
    op.drop_index("ix_triage_decisions_decided_at", table_name="triage_decisions")
    op.drop_table("triage_decisions")
