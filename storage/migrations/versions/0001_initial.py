"""The initial schema: tickets, reference counters, messages, events, verifications,
suppression, outbox, Slack bookkeeping and staff questions.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from storage.tables import UTCDateTime

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    """Create every table of the first release."""
    op.create_table('questions',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('asked_at', UTCDateTime(), nullable=False),
    sa.Column('user', sa.String(length=100), nullable=False),
    sa.Column('channel', sa.String(length=100), nullable=True),
    sa.Column('organisation', sa.String(length=100), nullable=True),
    sa.Column('question', sa.Text(), nullable=False),
    sa.Column('answered', sa.Boolean(), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('feedback', sa.String(length=20), nullable=True),
    sa.Column('feedback_by', sa.String(length=100), nullable=True),
    sa.Column('feedback_at', UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_questions'))
    )
    op.create_index('ix_questions_asked_at', 'questions', ['asked_at'])
    op.create_table('reference_counters',
    sa.Column('organisation', sa.String(length=100), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('last', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('organisation', 'year', name=op.f('pk_reference_counters'))
    )
    op.create_table('slack_cursors',
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('last_event_id', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_slack_cursors'))
    )
    op.create_table('slack_seen_events',
    sa.Column('event_id', sa.String(length=100), nullable=False),
    sa.Column('seen_at', UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('event_id', name=op.f('pk_slack_seen_events'))
    )
    op.create_table('tickets',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('reference', sa.String(length=40), nullable=False),
    sa.Column('organisation', sa.String(length=100), nullable=False),
    sa.Column('state', sa.String(length=40), nullable=False),
    sa.Column('intents', sa.JSON(), nullable=False),
    sa.Column('requester_address', sa.String(length=320), nullable=False),
    sa.Column('requester_name', sa.String(length=200), nullable=True),
    sa.Column('language', sa.String(length=20), nullable=True),
    sa.Column('subject', sa.Text(), nullable=True),
    sa.Column('received_at', UTCDateTime(), nullable=False),
    sa.Column('clock_started_at', UTCDateTime(), nullable=True),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('paused_since', UTCDateTime(), nullable=True),
    sa.Column('paused_days', sa.Integer(), nullable=False),
    sa.Column('extended', sa.Boolean(), nullable=False),
    sa.Column('extension_reason', sa.Text(), nullable=True),
    sa.Column('rejection_reason', sa.Text(), nullable=True),
    sa.Column('verified_at', UTCDateTime(), nullable=True),
    sa.Column('verification_method', sa.String(length=100), nullable=True),
    sa.Column('verified_by', sa.String(length=200), nullable=True),
    sa.Column('manual_check_required', sa.Boolean(), nullable=False),
    sa.Column('assigned_to', sa.String(length=200), nullable=True),
    sa.Column('linked_ticket_id', sa.Integer(), nullable=True),
    sa.Column('created_at', UTCDateTime(), nullable=False),
    sa.Column('updated_at', UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['linked_ticket_id'], ['tickets.id'],
                            name=op.f('fk_tickets_linked_ticket_id_tickets')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tickets')),
    sa.UniqueConstraint('reference', name=op.f('uq_tickets_reference'))
    )
    op.create_index('ix_tickets_due_date', 'tickets', ['due_date'])
    op.create_index('ix_tickets_organisation_state', 'tickets', ['organisation', 'state'])
    op.create_index('ix_tickets_requester', 'tickets', ['organisation', 'requester_address'])
    op.create_table('events',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('organisation', sa.String(length=100), nullable=True),
    sa.Column('ticket_id', sa.Integer(), nullable=True),
    sa.Column('at', UTCDateTime(), nullable=False),
    sa.Column('actor', sa.String(length=200), nullable=False),
    sa.Column('channel', sa.String(length=20), nullable=False),
    sa.Column('kind', sa.String(length=60), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'],
                            name=op.f('fk_events_ticket_id_tickets')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_events')),
    sqlite_autoincrement=True
    )
    op.create_index('ix_events_ticket_id', 'events', ['ticket_id'])
    op.create_table('messages',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('organisation', sa.String(length=100), nullable=False),
    sa.Column('ticket_id', sa.Integer(), nullable=True),
    sa.Column('direction', sa.String(length=3), nullable=False),
    sa.Column('message_id', sa.String(length=998), nullable=False),
    sa.Column('in_reply_to', sa.String(length=998), nullable=True),
    sa.Column('references', sa.JSON(), nullable=False),
    sa.Column('from_address', sa.String(length=320), nullable=False),
    sa.Column('to_address', sa.String(length=320), nullable=False),
    sa.Column('subject', sa.Text(), nullable=True),
    sa.Column('received_at', UTCDateTime(), nullable=False),
    sa.Column('language', sa.String(length=20), nullable=True),
    sa.Column('intents', sa.JSON(), nullable=False),
    sa.Column('scores', sa.JSON(), nullable=False),
    sa.Column('auto_reply', sa.Boolean(), nullable=False),
    sa.Column('excerpt', sa.Text(), nullable=False),
    sa.Column('raw', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'],
                            name=op.f('fk_messages_ticket_id_tickets')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_messages')),
    sa.UniqueConstraint('organisation', 'message_id',
                            name=op.f('uq_messages_organisation_message_id'))
    )
    op.create_index('ix_messages_ticket_id', 'messages', ['ticket_id'])
    op.create_table('outbox',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('organisation', sa.String(length=100), nullable=False),
    sa.Column('ticket_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=60), nullable=False),
    sa.Column('to_address', sa.String(length=320), nullable=False),
    sa.Column('message_id', sa.String(length=998), nullable=False),
    sa.Column('raw', sa.LargeBinary(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', UTCDateTime(), nullable=False),
    sa.Column('claimed_by', sa.String(length=200), nullable=True),
    sa.Column('claimed_until', UTCDateTime(), nullable=True),
    sa.Column('created_at', UTCDateTime(), nullable=False),
    sa.Column('sent_at', UTCDateTime(), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'],
                            name=op.f('fk_outbox_ticket_id_tickets')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox')),
    sa.UniqueConstraint('message_id', name=op.f('uq_outbox_message_id'))
    )
    op.create_index('ix_outbox_status_next', 'outbox', ['status', 'next_attempt_at'])
    op.create_index('ix_outbox_to_address', 'outbox', ['to_address', 'created_at'])
    op.create_table('slack_posts',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('ticket_id', sa.Integer(), nullable=False),
    sa.Column('channel', sa.String(length=40), nullable=False),
    sa.Column('ts', sa.String(length=40), nullable=False),
    sa.Column('posted_event_id', sa.Integer(), nullable=True),
    sa.Column('updated_at', UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'],
                            name=op.f('fk_slack_posts_ticket_id_tickets')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_slack_posts')),
    sa.UniqueConstraint('ticket_id', name=op.f('uq_slack_posts_ticket_id'))
    )
    op.create_table('suppression',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('organisation', sa.String(length=100), nullable=False),
    sa.Column('address', sa.String(length=320), nullable=False),
    sa.Column('source', sa.String(length=40), nullable=False),
    sa.Column('ticket_id', sa.Integer(), nullable=True),
    sa.Column('added_at', UTCDateTime(), nullable=False),
    sa.Column('added_by', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'],
                            name=op.f('fk_suppression_ticket_id_tickets')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_suppression')),
    sa.UniqueConstraint('organisation', 'address', name=op.f('uq_suppression_organisation_address'))
    )
    op.create_table('verifications',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('ticket_id', sa.Integer(), nullable=False),
    sa.Column('code_hash', sa.String(length=128), nullable=False),
    sa.Column('token_hash', sa.String(length=128), nullable=False),
    sa.Column('expires_at', UTCDateTime(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('max_attempts', sa.Integer(), nullable=False),
    sa.Column('used_at', UTCDateTime(), nullable=True),
    sa.Column('created_at', UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'],
                            name=op.f('fk_verifications_ticket_id_tickets')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_verifications')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_verifications_token_hash'))
    )
    op.create_index('ix_verifications_ticket_id', 'verifications', ['ticket_id'])


def downgrade() -> None:
    """Drop everything (only for development: it deletes all data)."""
    op.drop_index('ix_verifications_ticket_id', table_name='verifications')
    op.drop_table('verifications')
    op.drop_table('suppression')
    op.drop_table('slack_posts')
    op.drop_index('ix_outbox_to_address', table_name='outbox')
    op.drop_index('ix_outbox_status_next', table_name='outbox')
    op.drop_table('outbox')
    op.drop_index('ix_messages_ticket_id', table_name='messages')
    op.drop_table('messages')
    op.drop_index('ix_events_ticket_id', table_name='events')
    op.drop_table('events')
    op.drop_index('ix_tickets_requester', table_name='tickets')
    op.drop_index('ix_tickets_organisation_state', table_name='tickets')
    op.drop_index('ix_tickets_due_date', table_name='tickets')
    op.drop_table('tickets')
    op.drop_table('slack_seen_events')
    op.drop_table('slack_cursors')
    op.drop_table('reference_counters')
    op.drop_index('ix_questions_asked_at', table_name='questions')
    op.drop_table('questions')
