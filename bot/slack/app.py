"""The slack-bolt AsyncApp: which Slack request goes to which handler.

Events are acknowledged by bolt before their listener runs; commands, buttons and modal
submissions call `ack()` first, so Slack's 3-second limit is met whatever follows. Listeners
stay thin: they pick the fields out of Slack's payload and hand them to QuestionDesk,
TicketActions or Overview.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot.slack import checklist_blocks, manual_modals, modals
from bot.slack import triage_blocks as triage_ui
from bot.slack.adapters import acting_user
from bot.slack.answer_blocks import HELPFUL, UNHELPFUL, feedback_done_blocks
from bot.slack.escalation import ASK_TEAM, Escalations
from bot.slack.files import TicketFiles
from bot.slack.manual_actions import BUTTONS, SUBMISSIONS, ManualActions
from bot.slack.overview import Overview
from bot.slack.questions import HINT, QuestionDesk, command_answer_blocks
from bot.slack.ticket_actions import TicketActions
from bot.slack.triage import TriageActions

log = logging.getLogger(__name__)

COMMAND = "/privacy"
TICKET_BUTTON = re.compile(r"^ticket_(verify|extend|done|reject|assign|tick)$")
MANUAL_BUTTON = re.compile(f"^({'|'.join(BUTTONS)})$")
MANUAL_MODAL = re.compile(f"^({'|'.join(SUBMISSIONS)})$")
NEW_REQUEST = "privacy_new_request"  # the global shortcut (slack/manifest.yml)
HELP = (f"*{COMMAND} ask* _question_: answer from the privacy policy\n"
        f"*{COMMAND} tickets*: open tickets of your organisations, soonest due first\n"
        "Or mention me in a channel, or send me a direct message.")


def build_app(*, client: AsyncWebClient, signing_secret: str | None,
              questions: QuestionDesk, actions: TicketActions, overview: Overview,
              manual: ManualActions, triage: TriageActions | None = None,
              escalations: Escalations | None = None,
              files: TicketFiles | None = None) -> AsyncApp:
    """The bolt app; without a signing secret (Socket Mode only) HTTP requests are refused."""
    app = AsyncApp(client=client, signing_secret=signing_secret or "",
                   request_verification_enabled=True, name="privacybot",
                   logger=logging.getLogger("bot.slack.bolt"))

    @app.event("app_mention")
    async def on_mention(body: dict[str, Any], event: dict[str, Any],
                         client: AsyncWebClient) -> None:
        await questions.reply_in_thread(client, event, body.get("event_id"))

    @app.event("message")
    async def on_message(body: dict[str, Any], event: dict[str, Any],
                         client: AsyncWebClient) -> None:
        if event.get("channel_type") != "im":  # a thread under a ticket: a note, maybe
            # ... unless it is the thread of a question sent to the team: then an answer.
            if escalations is not None and await escalations.answer_from_thread(client, event):
                return
            # Files shared there join the requester's access pack (bot/slack/files.py).
            if files is not None and await files.from_thread(event):
                actions.changed()
            await manual.note_from_thread(event, body.get("event_id"))
            return
        # Only people's own new messages in a DM; edits, joins and bots are not questions.
        if event.get("subtype") or event.get("bot_id"):
            return
        await questions.reply_in_thread(client, event, body.get("event_id"))

    @app.event("app_home_opened")
    async def on_home(event: dict[str, Any], client: AsyncWebClient) -> None:
        if event.get("tab", "home") == "home" and event.get("user"):
            await overview.publish_home(client, str(event["user"]))

    @app.command(COMMAND)
    async def on_command(ack: AsyncAck, command: dict[str, Any],
                         respond: AsyncRespond) -> None:
        await ack()
        verb, _, rest = str(command.get("text", "")).strip().partition(" ")
        user, channel = str(command.get("user_id", "")), str(command.get("channel_id", ""))
        if verb.lower() in ("", "help"):
            await respond(response_type="ephemeral", text=HELP)
        elif verb.lower() == "tickets":
            await respond(response_type="ephemeral", text="Open privacy tickets",
                          blocks=await overview.list_blocks(user))
        else:
            text = rest if verb.lower() == "ask" else f"{verb} {rest}"
            result = await questions.answer(text, user=user, channel=channel)
            blocks, fallback = result if result is not None else ([], HINT)
            await respond(response_type="in_channel", text=fallback,
                          blocks=command_answer_blocks(user, text, blocks))

    @app.action(TICKET_BUTTON)
    async def on_ticket_button(ack: AsyncAck, body: dict[str, Any], action: dict[str, Any],
                               client: AsyncWebClient) -> None:
        await ack()
        container = body.get("container") or {}
        await actions.clicked(
            client, action_id=str(action.get("action_id", "")),
            reference=str(action.get("value", "")),
            channel=str((body.get("channel") or {}).get("id") or container.get("channel_id", "")),
            ts=str(container.get("message_ts") or (body.get("message") or {}).get("ts", "")),
            user=acting_user(body),
            trigger_id=str(body.get("trigger_id", "")))

    @app.action(HELPFUL)
    @app.action(UNHELPFUL)
    async def on_feedback(ack: AsyncAck, body: dict[str, Any], action: dict[str, Any],
                          respond: AsyncRespond) -> None:
        await ack()
        user = acting_user(body)
        helpful = action.get("action_id") == HELPFUL
        if not await questions.record_feedback(str(action.get("value", "")), user, helpful):
            await respond(response_type="ephemeral", replace_original=False,
                          text="That answer is no longer on record.")
            return
        shown = (body.get("message") or {}).get("blocks")
        if isinstance(shown, list):
            offer = [] if helpful or escalations is None else await escalations.offer(
                str(action.get("value", "")))
            await respond(replace_original=True, text="Thanks for the feedback.",
                          blocks=[*feedback_done_blocks(shown, user, helpful), *offer])

    @app.view(re.compile(f"^({modals.VERIFY_MODAL}|{modals.EXTEND_MODAL}|"
                         f"{modals.REJECT_MODAL}|{checklist_blocks.TICK_MODAL}|"
                         f"{checklist_blocks.DONE_MODAL})$"))
    async def on_modal(ack: AsyncAck, body: dict[str, Any], view: dict[str, Any],
                       client: AsyncWebClient) -> None:
        await ack()
        await actions.submitted(
            client, callback_id=str(view.get("callback_id", "")),
            metadata=str(view.get("private_metadata", "")),
            values=(view.get("state") or {}).get("values") or {},
            user=acting_user(body))

    _manual_handlers(app, manual)
    if triage is not None:
        _triage_handlers(app, triage)
    if escalations is not None:
        _escalation_handlers(app, escalations)
    return app


def _escalation_handlers(app: AsyncApp, escalations: Escalations) -> None:
    """The "Ask the privacy team" button (bot/slack/escalation.py); the team's answer comes
    as a thread message, routed in `on_message` above."""

    @app.action(ASK_TEAM)
    async def on_ask_team(ack: AsyncAck, body: dict[str, Any], action: dict[str, Any],
                          client: AsyncWebClient) -> None:
        await ack()
        container = body.get("container") or {}
        message = body.get("message") or {}
        await escalations.clicked(
            client, value=str(action.get("value", "")),
            user=acting_user(body),
            channel=str((body.get("channel") or {}).get("id") or container.get("channel_id", "")),
            thread=str(message.get("thread_ts") or container.get("message_ts")
                       or message.get("ts", "")))


def _triage_handlers(app: AsyncApp, triage: TriageActions) -> None:
    """A triage card's buttons and modals (bot/slack/triage.py)."""

    @app.action(re.compile(f"^({triage_ui.OPEN}|{triage_ui.DISMISS})$"))
    async def on_triage_button(ack: AsyncAck, body: dict[str, Any], action: dict[str, Any],
                               client: AsyncWebClient) -> None:
        await ack()
        container = body.get("container") or {}
        await triage.clicked(
            client, action_id=str(action.get("action_id", "")),
            message=str(action.get("value", "")),
            channel=str((body.get("channel") or {}).get("id") or container.get("channel_id", "")),
            ts=str(container.get("message_ts") or (body.get("message") or {}).get("ts", "")),
            user=acting_user(body),
            trigger_id=str(body.get("trigger_id", "")))

    @app.view(re.compile(f"^({triage_ui.OPEN_MODAL}|{triage_ui.DISMISS_MODAL})$"))
    async def on_triage_modal(ack: AsyncAck, body: dict[str, Any], view: dict[str, Any],
                              client: AsyncWebClient) -> None:
        await ack()
        await triage.submitted(
            client, callback_id=str(view.get("callback_id", "")),
            metadata=str(view.get("private_metadata", "")),
            values=(view.get("state") or {}).get("values") or {},
            user=acting_user(body))


def _manual_handlers(app: AsyncApp, manual: ManualActions) -> None:
    """The buttons, modals and shortcut of the team's own actions (bot/slack/manual_actions.py)."""

    @app.action(MANUAL_BUTTON)
    async def on_manual_button(ack: AsyncAck, body: dict[str, Any], action: dict[str, Any],
                               client: AsyncWebClient) -> None:
        await ack()
        container = body.get("container") or {}
        option = action.get("selected_option") or {}
        await manual.clicked(
            client, action_id=str(action.get("action_id", "")),
            value=str(option.get("value", "") if option else action.get("value", "")),
            channel=str((body.get("channel") or {}).get("id") or container.get("channel_id", "")),
            ts=str(container.get("message_ts") or (body.get("message") or {}).get("ts", "")),
            user=acting_user(body),
            trigger_id=str(body.get("trigger_id", "")))

    @app.action(manual_modals.CANNED_ACTION)
    async def on_canned(ack: AsyncAck, body: dict[str, Any], action: dict[str, Any],
                        client: AsyncWebClient) -> None:
        await ack()
        await manual.canned_chosen(
            client, view=body.get("view") or {},
            name=str((action.get("selected_option") or {}).get("value", "")),
            user=acting_user(body))

    @app.view(MANUAL_MODAL)
    async def on_manual_modal(ack: AsyncAck, body: dict[str, Any], view: dict[str, Any],
                              client: AsyncWebClient) -> None:
        await ack()
        await manual.submitted(
            client, callback_id=str(view.get("callback_id", "")),
            metadata=str(view.get("private_metadata", "")),
            values=(view.get("state") or {}).get("values") or {},
            user=acting_user(body))

    @app.shortcut(NEW_REQUEST)
    async def on_new_request(ack: AsyncAck, body: dict[str, Any],
                             client: AsyncWebClient) -> None:
        await ack()
        await manual.new_request_form(client, user=acting_user(body),
                                      trigger_id=str(body.get("trigger_id", "")))

    @app.view(manual_modals.NEW_MODAL)
    async def on_new_request_modal(ack: AsyncAck, body: dict[str, Any], view: dict[str, Any],
                                   client: AsyncWebClient) -> None:
        user = acting_user(body)
        checked = await manual.check_new_request(
            (view.get("state") or {}).get("values") or {}, user)
        if isinstance(checked, dict):  # shown next to the fields; the modal stays open
            await ack(response_action="errors", errors=checked)
            return
        await ack()
        await manual.open_new_request(client, checked, user)
