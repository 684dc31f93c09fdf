"""Team answers: questions sent to an organisation's privacy team and the team's answers.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from storage.tables import UTCDateTime

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    """Create team_answers."""
    op.create_table(
        "team_answers",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=True),
        sa.Column("organisation", sa.String(length=100), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("asked_by", sa.String(length=100), nullable=False),
        sa.Column("escalated_at", UTCDateTime(), nullable=False),
        sa.Column("post_channel", sa.String(length=40), nullable=False),
        sa.Column("post_ts", sa.String(length=40), nullable=False),
        sa.Column("reply_channel", sa.String(length=100), nullable=False),
        sa.Column("reply_thread", sa.String(length=40), nullable=True),
        sa.Column("answer", sa.Text(), nullable=True),
        sa.Column("author", sa.String(length=100), nullable=True),
        sa.Column("answered_at", UTCDateTime(), nullable=True),
        sa.Column("retired_at", UTCDateTime(), nullable=True),
        sa.Column("retired_by", sa.String(length=100), nullable=True),
        sa.ForeignKeyConstraint(["question_id"], ["questions.id"],
                                name=op.f("fk_team_answers_question_id_questions")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_answers")),
        sa.UniqueConstraint("question_id", name=op.f("uq_team_answers_question_id")),
        sa.UniqueConstraint("post_channel", "post_ts",
                            name=op.f("uq_team_answers_post_channel_post_ts")),
    )
    op.create_index("ix_team_answers_organisation", "team_answers", ["organisation"])


def downgrade() -> None:
    """Drop it."""
    op.drop_index("ix_team_answers_organisation", table_name="team_answers")
    op.drop_table("team_answers")
