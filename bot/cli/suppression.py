"""`privacybot suppression`: the organisations' do-not-market lists, for people and for the
marketing tools.

    privacybot suppression list [--org ORG] [--json] [--limit N] [--offset N]
    privacybot suppression add ADDRESS --org ORG --by WHO
    privacybot suppression remove ADDRESS --org ORG --by WHO
    privacybot suppression check ADDRESS --org ORG [--json]
    privacybot suppression export [--org ORG] [--output FILE]      (CSV)

Addresses are normalised the organisation's way (case, "+tag"), so any spelling finds its
entry.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from bot.cli.common import DataDir, JsonFlag, fail, with_desk
from bot.cli.paging import DEFAULT_LIMIT, Limit, Offset, counted, footer
from bot.cli.terminal import clean, echo, json_text

Address = Annotated[str, typer.Argument(help="An email address.")]
Org = Annotated[str, typer.Option("--org", help="Organisation id.")]
OrgFilter = Annotated[str | None, typer.Option("--org", help="Only this organisation.")]
By = Annotated[str, typer.Option("--by", help="Who is acting (recorded in the audit trail).")]

suppression_app = typer.Typer(help="Suppression lists: who must get no marketing.",
                              no_args_is_help=True)


@suppression_app.command("list")
def list_command(org: OrgFilter = None, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0,
                 as_json: JsonFlag = False, data_dir: DataDir = None) -> None:
    """Suppressed addresses, by organisation and address (`export` gives them all as CSV)."""
    page = with_desk(data_dir, lambda desk: desk.suppression_page(org, limit=limit,
                                                                  offset=offset))
    if as_json:
        echo(json_text([{"organisation": e.organisation, "address": e.address,
                         "added_at": e.added_at.isoformat(), "source": e.source,
                         "added_by": e.added_by} for e in page.items], indent=2))
    for entry in [] if as_json else page.items:
        echo(f"{clean(entry.organisation):<10} {clean(entry.address):<40} "
             f"{entry.added_at:%Y-%m-%d} {clean(entry.source)}")
    footer(len(page.items), page.total, offset, "suppressed address",
           plural="suppressed addresses", as_json=as_json)


@suppression_app.command("add")
def add_command(address: Address, org: Org, by: By, data_dir: DataDir = None) -> None:
    """Suppress an address (idempotent)."""
    result = with_desk(data_dir, lambda desk: desk.suppression_add(org, address, by, "cli"))
    echo(f"{clean(result.address)}: {'added to' if result.added else 'already on'} "
         f"the {result.organisation} suppression list")


@suppression_app.command("remove")
def remove_command(address: Address, org: Org, by: By, data_dir: DataDir = None) -> None:
    """Take an address off the list."""
    removed = with_desk(data_dir, lambda desk: desk.suppression_remove(org, address, by, "cli"))
    if not removed:
        fail(f"{clean(address)} is not on the {clean(org)} suppression list")
    echo(f"{clean(address)}: removed from the {clean(org)} suppression list")


@suppression_app.command("check")
def check_command(address: Address, org: Org, as_json: JsonFlag = False,
                  data_dir: DataDir = None) -> None:
    """Whether an address is suppressed; exit status 0 either way."""
    result = with_desk(data_dir, lambda desk: desk.suppression_check(org, address))
    if as_json:
        echo(json_text(result.model_dump(mode="json")))
    elif result.suppressed:
        echo(f"{clean(result.address)}: suppressed since {result.added_at:%Y-%m-%d} "
             f"({clean(result.source)})")
    else:
        echo(f"{clean(result.address)}: not suppressed")


@suppression_app.command("export")
def export_command(
    org: OrgFilter = None,
    output: Annotated[Path | None, typer.Option("--output", help="Write to this file.")] = None,
    data_dir: DataDir = None,
) -> None:
    """CSV (organisation,address,added_at,source) to stdout or a file."""
    text = with_desk(data_dir, lambda desk: desk.suppression_export(org))
    if output is None:
        echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}")
    echo(f"wrote {counted(len(text.splitlines()) - 1, 'address', 'addresses')} to {output}")


def register(app: typer.Typer) -> None:
    """Add `suppression` to the root app."""
    app.add_typer(suppression_app, name="suppression")
