"""The rights workflow, pure: deadlines, ticket states, references, verification rules,
addresses, signed ids and tokens, which replies to send, their texts and their bytes.

No I/O and no event loop here (templates are read from the package on first use); the use
cases in bot.desk join these rules to storage.
"""

from bot.workflow.addresses import (
    InvalidAddressError,
    clean_address,
    normalise_address,
    same_person,
)
from bot.workflow.deadlines import (
    add_calendar_months,
    can_extend,
    complaint_ack_due,
    due_date,
    next_working_day,
)
from bot.workflow.references import (
    InvalidReferenceError,
    find_references,
    format_reference,
    normalise_reference,
    parse_reference,
)
from bot.workflow.replies import ReplyKind, ReplyPlan, plan, replies_for_new_ticket
from bot.workflow.states import RejectionReason, TicketState, transition
from bot.workflow.tokens import (
    TokenError,
    make_message_id,
    make_token,
    read_token,
    ticket_ref_from_message_id,
)

__all__ = [
    "InvalidAddressError",
    "InvalidReferenceError",
    "RejectionReason",
    "ReplyKind",
    "ReplyPlan",
    "TicketState",
    "TokenError",
    "add_calendar_months",
    "can_extend",
    "clean_address",
    "complaint_ack_due",
    "due_date",
    "find_references",
    "format_reference",
    "make_message_id",
    "make_token",
    "next_working_day",
    "normalise_address",
    "normalise_reference",
    "parse_reference",
    "plan",
    "read_token",
    "replies_for_new_ticket",
    "same_person",
    "ticket_ref_from_message_id",
    "transition",
]
