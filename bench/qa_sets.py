"""Question sets for fitting and measuring the knowledge base, read from where they live.

- The project's own sets (tests/knowledge: heldout, blind, blind2 ... blind10, and the shared
  development set when QA_DEV names it), each item grouped by the policy it is asked of, so that
  folds split by policy.
- PolicyQA (Ahmad et al. 2020, MIT; SQuAD-style spans over OPP-115 policies): the directory
  holding its dev.json and test.json, from POLICYQA_DIR or --policyqa. Each policy is its
  paragraphs joined, and each question is asked of the whole policy.
- The ten public policies of bench/unseen_policies (staff questions written by an outside
  writer): the folder holding the policy texts, from UNSEEN_POLICIES or --unseen (the texts
  are not kept here; that folder's README says where they come from).

Nothing is downloaded: a set that is absent is skipped with a message. Used by
bench/fit_knowledge.py and bench/policyqa.py.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from knowledge import Answer, KnowledgeBase, Model, Policy, parse_policy, read_policy_file

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests" / "knowledge"
UNSEEN = ROOT / "bench" / "unseen_policies"
UNSEEN_FORMATS = (".md", ".txt", ".html")
# (name, organisations file, questions): blind4 asks blind3's organisations.
PROJECT_SETS = (
    ("heldout", TESTS / "heldout_orgs.toml", TESTS / "heldout_qa.jsonl"),
    ("blind", TESTS / "heldout_orgs.toml", TESTS / "blind_qa.jsonl"),
    *((f"blind{n}", TESTS / f"blind{n}" / f"blind{n}_orgs.toml",
       TESTS / f"blind{n}" / f"blind{n}_qa.jsonl") for n in (2, 3, 5, 6, 7, 8, 9, 10)),
    ("blind4", TESTS / "blind3" / "blind3_orgs.toml", TESTS / "blind4" / "blind4_qa.jsonl"),
)


@dataclass
class Item:
    """One question: where it is asked, how to tell a right answer, and its fold group."""

    set: str
    group: str  # the policy it is asked of (folds never split one)
    question: str
    policy: str | None
    abstain: bool = False
    expect: list[str] = field(default_factory=list)  # phrases one of which a right answer holds
    section: str | None = None  # text the first citation's heading or path must hold
    gold: list[str] = field(default_factory=list)  # PolicyQA: spans a right answer contains


@dataclass
class QASet:
    """Questions over the policies of one knowledge base."""

    name: str
    policies: list[Policy]
    items: list[Item]
    text: str = ""  # PolicyQA: the policy's paragraphs, blank-line separated

    def knowledge_base(self, model: Model | None = None) -> KnowledgeBase:
        return KnowledgeBase.build(self.policies, model)


def norm(text: object) -> str:
    return re.sub(r"\s+", " ", str(text or "")).strip().lower()


def squash(text: str) -> str:
    """Letters and digits only, single-spaced: spans compare whatever the punctuation."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text.lower()).split())


def unit_right(item: Item, answer: str, quote: str, where: str) -> bool:
    """Would answering with this unit be right? (tests/knowledge/test_eval.py's rule, or for
    PolicyQA: the unit's text contains a gold span.)"""
    if item.abstain:
        return False
    if item.gold:
        text = squash(f"{answer} {quote}")
        return any(squash(gold) and squash(gold) in text for gold in item.gold)
    text = norm(answer) + " " + norm(quote)
    return (any(norm(e) in text for e in item.expect)
            and (not item.section or norm(item.section) in norm(where)))


def right(item: Item, answer: Answer) -> bool:
    if item.abstain:
        return not answer.answered
    if not answer.answered:
        return False
    first = answer.citations[0]
    return unit_right(item, answer.answer, first.quote, f"{first.heading} {first.path}")


def _organisations(path: Path) -> list[Policy]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return [read_policy_file(path.parent / org["policy"], policy_id=org["id"], title=org["name"])
            for org in data["organisation"]]


def project_sets(dev: Path | None = None) -> list[QASet]:
    """The project's own sets; the development set too when `dev` (or QA_DEV) names it."""
    sets = list(PROJECT_SETS)
    dev = dev or (Path(os.environ["QA_DEV"]) if os.environ.get("QA_DEV") else None)
    if dev is not None and dev.exists():
        sets.append(("dev", TESTS / "heldout_orgs.toml", dev))
    found = []
    for name, orgs, questions in sets:
        if not questions.exists():
            print(f"skipping {name}: {questions} not found", file=sys.stderr)
            continue
        items = []
        for line in questions.read_text(encoding="utf-8").splitlines():
            if line.strip():
                raw = json.loads(line)
                policy = raw.get("policy")
                items.append(Item(set=name, group=policy or f"all:{name}",
                                  question=raw["question"], policy=policy,
                                  abstain=bool(raw.get("abstain")),
                                  expect=list(raw.get("expect") or []),
                                  section=raw.get("section")))
        found.append(QASet(name, _organisations(orgs), items))
    return found


def policyqa_dir(given: str | None) -> Path | None:
    """The PolicyQA directory from the argument or POLICYQA_DIR, if it holds the data."""
    path = given or os.environ.get("POLICYQA_DIR")
    if not path or not (Path(path) / "test.json").exists():
        print("PolicyQA not found: give --policyqa DIR or POLICYQA_DIR (a directory with "
              "dev.json and test.json from github.com/wasiahmad/PolicyQA); skipping it",
              file=sys.stderr)
        return None
    return Path(path)


def policyqa(directory: Path, split: str) -> Iterator[QASet]:
    """One set per policy of a PolicyQA split: its paragraphs in order, its questions."""
    data = json.loads((directory / f"{split}.json").read_text(encoding="utf-8"))
    for number, entry in enumerate(data["data"]):
        paragraphs = sorted(entry["paragraphs"], key=lambda paragraph: paragraph["index"])
        text = "\n\n".join(paragraph["context"].strip() for paragraph in paragraphs)
        policy_id = f"pqa{split}{number}"
        policy = parse_policy(text, policy_id=policy_id, title=entry["title"])
        items = [Item(set=f"policyqa-{split}", group=policy_id, question=qa["question"],
                      policy=policy_id, gold=[answer["text"] for answer in qa["answers"]])
                 for paragraph in paragraphs for qa in paragraph["qas"]]
        yield QASet(f"policyqa-{split}:{entry['title']}", [policy], items, text)


def unseen_policy_sets(folder: Path | None = None, questions: Path = UNSEEN,
                       tag: str = "") -> list[QASet]:
    """The policies of a bench/unseen_policies folder (`questions`: the first ten by default)
    with their staff questions, one set each (its own knowledge base, as
    bench/unseen_policies.py asks them); [] when the texts are absent. `tag` (a later
    writer's folder name) goes into the set's name: "unseen:second_writer/slug"."""
    given = folder or (Path(os.environ["UNSEEN_POLICIES"])
                       if os.environ.get("UNSEEN_POLICIES") else None)
    if given is None or not given.is_dir():
        print("unseen policies not found: give --unseen DIR or UNSEEN_POLICIES (the texts "
              "bench/unseen_policies/README.md names); skipping them", file=sys.stderr)
        return []
    found = []
    prefix = f"unseen:{tag}/" if tag else "unseen:"
    for path in sorted(questions.glob("*_qa.jsonl")):
        slug = path.name.removesuffix("_qa.jsonl")
        texts = [given / f"{slug}{suffix}" for suffix in UNSEEN_FORMATS
                 if (given / f"{slug}{suffix}").exists()]
        if not texts:
            print(f"skipping {slug}: no policy text in {given}", file=sys.stderr)
            continue
        items = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                raw = json.loads(line)
                items.append(Item(set=f"{prefix}{slug}", group=f"{prefix}{slug}",
                                  question=raw["question"], policy=None,
                                  abstain=bool(raw.get("abstain")),
                                  expect=list(raw.get("expect") or []),
                                  section=raw.get("section")))
        found.append(QASet(f"{prefix}{slug}", [read_policy_file(texts[0])], items))
    return found


# The later writers' folders of bench/unseen_policies, beside the first ten at its top.
WRITERS = ("second_writer", "third_writer", "fourth_writer")


def every_unseen_set(root: Path | None) -> list[QASet]:
    """Every writer's policies of bench/unseen_policies whose texts are under `root` (or
    UNSEEN_ROOT): the first ten in root/first, the others in root/<writer folder>."""
    given = root or (Path(os.environ["UNSEEN_ROOT"]) if os.environ.get("UNSEEN_ROOT")
                     else None)
    if given is None or not given.is_dir():
        print("unseen policy texts not found: give --unseen-root DIR or UNSEEN_ROOT; "
              "skipping them", file=sys.stderr)
        return []
    sets = unseen_policy_sets(given / "first")
    for writer in WRITERS:
        sets += unseen_policy_sets(given / writer, UNSEEN / writer, writer)
    return sets
