"""`privacybot ask`: answer a question from the configured policies or from a policy file.

One question: `privacybot ask [--policy ORG | --policy-file PATH] [--json] QUESTION`.
A batch: `privacybot ask --json --batch FILE` reads JSON lines {"id", "question", "policy"} and
writes one JSON line per input, in order; a bad line gets an {"id", "error"} line of its own.

Asked of no policy in particular, a question several organisations' policies answer gets each
one's answer, named (bot/knowledge_base.py `answers`). Text: one block per organisation. JSON:
still one object per question with the usual keys, where `answer` holds one line per
organisation ("Aimigos Studio: ..."), `citations` each one's citations in turn, `confidence`
the lowest of theirs, and `answers` the organisations' own answers in the single-answer shape
(plus "policy" and "organisation"). Questions asked here are not recorded for `privacybot
gaps` (it runs without a database and on policy files given on the spot).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer

from bot.cli.common import DataDir, JsonFlag, fail, load_orgs, load_settings
from bot.cli.terminal import clean, clean_block, echo, json_text
from bot.knowledge_base import answers, build_knowledge_base, keep_embeddings_in
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
    """Answer a question from the privacy policy, quoted and cited, or say it doesn't say.

    Without --policy every organisation whose policy answers is given, named. Questions asked
    with `privacybot ask` are not recorded (`privacybot gaps` lists Slack's only)."""
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
    found = answers(kb, question, policy=policy or default_policy)
    echo(json_text(answers_json(found)) if json_output else human_all(found))


def _knowledge_base(policy_file: Path | None,
                    data_dir: Path | None) -> tuple[KnowledgeBase, str | None]:
    settings = load_settings(data_dir)
    keep_embeddings_in(settings.embeddings_dir)
    if policy_file is not None:
        policy = read_policy_file(policy_file)
        return KnowledgeBase.build([policy]), policy.id
    return build_knowledge_base(load_orgs(settings)), None


def answer_json(answer: Answer, item_id: Any = None) -> dict[str, Any]:
    """The documented batch/--json shape of one answer."""
    return {
        "id": item_id,
        "answered": answer.answered,
        "answer": answer.answer,
        "confidence": answer.confidence,
        "citations": [
            {"policy": c.policy, "section": c.section, "heading": c.heading, "path": c.path,
             "quote": c.quote, "links": list(c.links)}
            for c in answer.citations
        ],
        "pointers": [
            {"policy": c.policy, "section": c.section, "heading": c.heading, "path": c.path}
            for c in answer.pointers
        ],
    }


def answers_json(found: list[Answer], item_id: Any = None) -> dict[str, Any]:
    """One object for a question: one answer as it is; several, each named, in one."""
    if len(found) == 1:
        return answer_json(found[0], item_id)
    each = [{"policy": a.citations[0].policy, "organisation": a.citations[0].organisation}
            | answer_json(a) for a in found]
    for item in each:
        del item["id"]
    return {
        "id": item_id,
        "answered": True,
        "answer": "\n".join(f"{item['organisation']}: {item['answer']}" for item in each),
        "confidence": min(a.confidence for a in found),
        "citations": [citation for item in each for citation in item["citations"]],
        "pointers": [],
        "answers": each,
    }


def human_all(found: list[Answer]) -> str:
    """One answer as `human`; several as one block each, headed by its organisation."""
    if len(found) == 1:
        return human(found[0])
    return "\n\n".join(f"{clean(a.citations[0].organisation)}:\n{human(a)}" for a in found)


def human(answer: Answer) -> str:
    """Answer, quote and where it comes from, for a person at a terminal."""
    if not answer.answered:
        lines = [clean_block(answer.answer)]
        for pointer in answer.pointers:
            lines.append(f"  see: {clean(pointer.organisation)}, "
                         f"{clean(pointer.path) or 'opening text'}")
        return "\n".join(lines)
    first = answer.citations[0]
    lines = [clean_block(answer.answer), ""]
    if first.quote.strip() != answer.answer.strip():
        lines += [f"  \"{clean_block(first.quote)}\"", ""]
    lines.append(f"  {clean(_source(first.organisation))}, {clean(first.path) or 'opening text'}"
                 f"  (confidence {answer.confidence:.2f})")
    lines += [f"  link: {clean(link)}" for link in first.links]  # the quote keeps link text only
    for other in answer.citations[1:]:
        lines.append(f"  also: {clean(other.organisation)}, {clean(other.path) or 'opening text'}"
                     f": \"{clean(_short(other.quote))}\"")
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
            out.write(json_text(_batch_line(kb, line, number, default_policy)) + "\n")
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
        return answers_json(answers(kb, question, policy=policy), item_id)
    except KnowledgeError as exc:
        return {"id": item_id, "error": f"line {number}: {exc}"}
