"""`privacybot tickets export`: the requester's access pack from privacybot's own store.

    privacybot tickets export REF [--out FILE]          write the zip for the team to look at
    privacybot tickets export REF --send --by WHO       mail the requester a signed link to it

The pack (bot/workflow/pack.py) holds the requester's mails and ours, the history of their
request, the information Art. 15 requires quoted from the organisation's policy, and the
documents the team added in the ticket's Slack thread. The link works for
PRIVACYBOT_PACK_LINK_DAYS days (7 by default) and only for a verified requester; every
download is an event on the ticket. docs/accountability.md says more.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from bot.cli.common import DataDir, Ref, fail, load_settings, say, with_desk
from bot.cli.terminal import clean, echo
from bot.cli.tickets_group import tickets_app
from bot.desk import Desk
from bot.desk.export import Export
from bot.knowledge_base import build_knowledge_base, keep_embeddings_in


@tickets_app.command("export")
def export_command(
    reference: Ref,
    out: Annotated[Path | None, typer.Option(
        "--out", help="Where to write the zip (default: REF-your-data.zip here).")] = None,
    send: Annotated[bool, typer.Option(
        "--send", help="Mail the requester a signed link to their pack instead.")] = False,
    by: Annotated[str | None, typer.Option(
        "--by", help="Who is sending (with --send; recorded in the audit trail).")] = None,
    data_dir: DataDir = None,
) -> None:
    """Build the requester's access pack (a zip), or with --send mail them a link to it."""
    if send:
        if not by or not by.strip():
            fail("--send needs --by WHO")
        if out is not None:
            fail("give --out or --send, not both")
        say(with_desk(data_dir, lambda desk: desk.send_pack_link(reference, by or "", "cli")),
            "pack link sent")
        return
    if out is not None and out.exists():
        fail(f"{out} exists already; choose another --out")

    keep_embeddings_in(load_settings(data_dir).embeddings_dir)

    async def work(desk: Desk) -> Export:
        return await desk.export_pack(reference, build_knowledge_base(desk.config.orgs))

    export = with_desk(data_dir, work)
    target = out or Path(export.filename)
    try:
        with target.open("xb") as handle:  # never over a file that appeared meanwhile
            handle.write(export.data)
    except OSError as exc:
        fail(f"cannot write {target}: {exc.strerror or exc}")
    echo(f"{export.reference}: pack written to {clean(target)} ({export.mails} mails, "
         f"{export.events} history events, {export.files} files, {len(export.data)} bytes)")
