"""`privacybot ask`: answer a question from the configured policies or from a policy file.

One question: `privacybot ask [--policy ORG | --policy-file PATH] [--json] QUESTION`.
A batch: `privacybot ask --json --batch FILE` reads JSON lines {"id", "question", "policy"} and
writes one JSON line per input, in order; a bad line gets an {"id", "error"} line of its own.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer

from bot.cli.common import DataDir, JsonFlag, fail, load_orgs, load_settings
from bot.knowledge_base import build_knowledge_base
from knowledge import Answer, KnowledgeBase, KnowledgeError, read_policy_file

PolicyOption = Annotated[str | None, typer.Option(
    "--policy", help="Organisation id to ask about (default: all organisations).")]
PolicyFileOption = Annotated[Path | None, typer.Option(
    "--policy-file", help="Ask a policy file (text, Markdown or a saved web page) instead.")]
BatchOption = Annotated[Path | None, typer.Option(
    "--batch", help='JSON lines {"id", "question", "policy"}; "-" reads stdin.')]
QuestionArg = Annotated[str | None, typer.Argument(help="The question, in plain words.")]


def register(app: typer.Typer) -> None:
    """Add `ask` to the root app."""
    app.command("ask")(ask)


def ask(question: QuestionArg = None, policy: PolicyOption = None,
        policy_file: PolicyFileOption = None, batch: BatchOption = None,
        json_output: JsonFlag = False, data_dir: DataDir = None) -> None:
    """Answer a question from the privacy policy, quoted and cited, or say it doesn't say."""
    if policy and policy_file:
        fail("give --policy or --policy-file, not both")
    if batch is None and question is None:
        fail("give a QUESTION (or --batch FILE)")
    if batch is not None and question is not None:
        fail("give a QUESTION or --batch FILE, not both")
    kb, default_policy = _knowledge_base(policy_file, data_dir)
    if batch is not None:
        _run_batch(kb, batch, default_policy, sys.stdout)
        return
    assert question is not None
    answer = kb.ask(question, policy=policy or default_policy)
    typer.echo(json.dumps(answer_json(answer), ensure_ascii=False) if json_output
               else human(answer))


def _knowledge_base(policy_file: Path | None,
                    data_dir: Path | None) -> tuple[KnowledgeBase, str | None]:
    if policy_file is not None:
        policy = read_policy_file(policy_file)
        return KnowledgeBase.build([policy]), policy.id
    return build_knowledge_base(load_orgs(load_settings(data_dir))), None


def answer_json(answer: Answer, item_id: Any = None) -> dict[str, Any]:
    """The batch/--json shape DESIGN.md fixes."""
    return {
        "id": item_id,
        "answered": answer.answered,
        "answer": answer.answer,
        "confidence": answer.confidence,
        "citations": [
            {"policy": c.policy, "section": c.section, "heading": c.heading, "path": c.path,
             "quote": c.quote}
            for c in answer.citations
        ],
        "pointers": [
            {"policy": c.policy, "section": c.section, "heading": c.heading, "path": c.path}
            for c in answer.pointers
        ],
    }


def human(answer: Answer) -> str:
    """Answer, quote and where it comes from, for a person at a terminal."""
    if not answer.answered:
        lines = [answer.answer]
        for pointer in answer.pointers:
            lines.append(f"  see: {pointer.organisation}, {pointer.path or 'opening text'}")
        return "\n".join(lines)
    first = answer.citations[0]
    lines = [answer.answer, ""]
    if first.quote.strip() != answer.answer.strip():
        lines += [f"  \"{first.quote}\"", ""]
    lines.append(f"  {_source(first.organisation)}, {first.path or 'opening text'}"
                 f"  (confidence {answer.confidence:.2f})")
    for other in answer.citations[1:]:
        lines.append(f"  also: {other.organisation}, {other.path or 'opening text'}: "
                     f"\"{_short(other.quote)}\"")
    return "\n".join(lines)


def _source(organisation: str) -> str:
    """ "Aimigos Studio privacy policy"; a file's own name when it already says policy."""
    return organisation if "polic" in organisation.lower() else f"{organisation} privacy policy"


def _short(text: str, limit: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _run_batch(kb: KnowledgeBase, batch: Path, default_policy: str | None,
               out: TextIO) -> None:
    try:
        source = sys.stdin if str(batch) == "-" else batch.open(encoding="utf-8",
                                                                 errors="replace")
    except OSError as exc:
        fail(f"cannot read batch file {batch}: {exc.strerror or exc}")
    with source:
        for number, line in enumerate(source, start=1):
            if not line.strip():
                continue
            out.write(json.dumps(_batch_line(kb, line, number, default_policy),
                                 ensure_ascii=False) + "\n")
            out.flush()


def _batch_line(kb: KnowledgeBase, line: str, number: int,
                default_policy: str | None) -> dict[str, Any]:
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        return {"id": None, "error": f"line {number}: not JSON: {exc.msg}"}
    if not isinstance(item, dict):
        return {"id": None, "error": f"line {number}: expected a JSON object"}
    item_id = item.get("id")
    question, policy = item.get("question"), item.get("policy") or default_policy
    if not isinstance(question, str):
        return {"id": item_id, "error": f"line {number}: \"question\" must be a string"}
    if policy is not None and not isinstance(policy, str):
        return {"id": item_id, "error": f"line {number}: \"policy\" must be a string or null"}
    try:
        return answer_json(kb.ask(question, policy=policy), item_id)
    except KnowledgeError as exc:
        return {"id": item_id, "error": f"line {number}: {exc}"}
