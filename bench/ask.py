"""Benchmark `KnowledgeBase.ask`: time per question and index build time.

Two corpora: the two shipped policies, and a synthetic corpus of 500 policies (about 25,000
sections) made by recombining sentences of the seed policies under numbered headings, with
made-up organisation names and figures. Next to each, a plain baseline: rank_bm25's BM25Okapi
over blank-line paragraphs, lower-cased whitespace tokens. Prints figures; asserts nothing.

Each question is embedded afresh (semantic.py keeps repeated questions' embeddings; that cache
is cleared before each), and the index is built once with no embeddings cached on disk and
then again as after a restart (read from the disk cache): the second is the figure shown.
With --cache DIR the embeddings are kept in DIR instead of a fresh temporary folder, so a
second run skips the cold embedding (500 policies take about ten minutes to embed); the
"no embeddings cached" figure is then only what DIR held.

Run: .venv/bin/python bench/ask.py [--policies N] [--cache DIR]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from rank_bm25 import BM25Okapi

from knowledge import KnowledgeBase, Policy, embedding, parse_policy, read_policy_file
from knowledge.semantic import forget_questions

ROOT = Path(__file__).resolve().parent.parent
POLICIES = ROOT / "bot" / "defaults" / "policies"
DEV = ROOT.parent / "shared" / "eval" / "qa_dev.jsonl"
HELDOUT = ROOT / "tests" / "knowledge" / "heldout_qa.jsonl"
BLIND2 = ROOT / "tests" / "knowledge" / "blind2" / "blind2_qa.jsonl"  # staff wording, typos
BLIND6 = ROOT / "tests" / "knowledge" / "blind6" / "blind6_qa.jsonl"  # many it must decline
BLIND7 = ROOT / "tests" / "knowledge" / "blind7" / "blind7_qa.jsonl"  # app users' wording
EXTRA = ROOT / "tests" / "knowledge" / "fernhill_policy.md"
SECTIONS_PER_POLICY = 50


def questions() -> list[str]:
    found = []
    for path in (DEV, HELDOUT, BLIND2, BLIND6, BLIND7):
        if path.exists():
            found += [json.loads(line)["question"] for line in path.read_text().splitlines()
                      if line.strip()]
    return found or ["how long do we keep correspondence?", "what are cookies?"]


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]
    return statistics.median(ordered) * 1000, p99 * 1000


def timed(ask: Callable[[str], object], asked: list[str], repeat: int) -> tuple[float, float]:
    samples = []
    for _ in range(repeat):
        for question in asked:
            forget_questions()  # each question embedded afresh, as a new question would be
            started = time.perf_counter()
            ask(question)
            samples.append(time.perf_counter() - started)
    return percentiles(samples)


def synthetic_policies(count: int, seed: int = 7) -> list[tuple[str, str]]:
    """(id, text) for `count` made-up policies built from the seeds' sentences."""
    rng = random.Random(seed)
    source = " ".join(path.read_text(encoding="utf-8") for path in
                      (POLICIES / "aimigos.txt", POLICIES / "imgn.txt", EXTRA) if path.exists())
    source = re.sub(r"^\s*(?:#+|\||[-*•]\s).*$", "", source, flags=re.M)  # prose only
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", source)
                 if 6 <= len(s.split()) <= 40 and s.strip()[-1:] in ".!?"]
    headings = sorted({h.strip() for h in re.findall(
        r"^\s*\d+(?:\.\d+)*\.?\s+([A-Z][\w '’,/-]{3,45})$", source, re.M)})
    data_types = ["Correspondence", "Invoices", "CCTV footage", "Payroll records", "Applications",
                  "Website analytics", "Support tickets", "Contracts", "Call recordings"]
    policies = []
    for number in range(count):
        name = f"Org{number:03d} " + rng.choice(["Studio", "Cycles", "Bakery", "Clinic", "Labs"])
        parts = [f"{name} Privacy Policy", ""]
        for section in range(1, SECTIONS_PER_POLICY + 1):
            parts += [f"{section}. {rng.choice(headings)}", ""]
            if section % 10 == 7:
                parts += ["Data Type Retention Period"]
                parts += [f"{kind} {rng.randint(1, 9)} years" for kind in rng.sample(data_types, 4)]
                parts.append("")
                continue
            for _ in range(rng.randint(1, 3)):
                parts += [" ".join(rng.sample(sentences, rng.randint(1, 3))).replace(
                    "Aimigos Studio", name).replace("IMGN Studio", name), ""]
        policies.append((f"org{number:03d}", "\n".join(parts)))
    return policies


def baseline(texts: list[str]) -> tuple[BM25Okapi, float]:
    started = time.perf_counter()
    paragraphs = [p for text in texts for p in re.split(r"\n\s*\n", text) if p.strip()]
    bm25 = BM25Okapi([p.lower().split() for p in paragraphs])
    return bm25, time.perf_counter() - started


def report(label: str, policies: list[Policy], texts: list[str], asked: list[str],
           repeat: int, scoped: str | None, parse_seconds: float, cache: Path | None) -> None:
    with tempfile.TemporaryDirectory() as empty:
        embedding.use_disk_cache(cache or Path(empty))
        embedding.forget()
        started = time.perf_counter()
        KnowledgeBase.build(policies)
        cold = time.perf_counter() - started
        embedding.forget()  # kept on disk only: a restart
        started = time.perf_counter()
        kb = KnowledgeBase.build(policies)
        build = time.perf_counter() - started

    sections = sum(len(p.sections) for p in policies)
    units = sum(len(p.units) for p in policies)
    print(f"\n{label}: {len(policies)} policies, {sections:,} sections, {units:,} units")
    print(f"  privacybot  parse {parse_seconds:6.2f} s  index {build:6.2f} s  "
          f"(build total {parse_seconds + build:.2f} s; index "
          f"{1000 * build / len(policies):.1f} ms a policy)")
    print(f"  privacybot  index with no embeddings cached on disk {cold:6.2f} s")
    median, p99 = timed(lambda q: kb.ask(q), asked, repeat)
    print(f"  privacybot  across all      median {median:7.2f} ms   p99 {p99:7.2f} ms")
    if scoped:
        median, p99 = timed(lambda q: kb.ask(q, policy=scoped), asked, repeat)
        print(f"  privacybot  one policy      median {median:7.2f} ms   p99 {p99:7.2f} ms")
    bm25, seconds = baseline(texts)
    print(f"  rank_bm25   build {seconds:6.2f} s   ({len(bm25.doc_len):,} paragraphs)")
    median, p99 = timed(lambda q: bm25.get_scores(q.lower().split()), asked,
                        max(1, repeat // 4) if len(texts) > 10 else repeat)
    print(f"  rank_bm25   across all      median {median:7.2f} ms   p99 {p99:7.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--policies", type=int, default=500)
    parser.add_argument("--cache", type=Path, help="keep the policies' embeddings here")
    args = parser.parse_args()
    asked = questions()
    started = time.perf_counter()
    embedding.encoder()
    print(f"sentence-embedding model loaded in {time.perf_counter() - started:.2f} s")

    started = time.perf_counter()
    seeds = [read_policy_file(POLICIES / "aimigos.txt", policy_id="aimigos",
                              title="Aimigos Studio"),
             read_policy_file(POLICIES / "imgn.txt", policy_id="imgn", title="IMGN Studio")]
    seed_texts = [(POLICIES / f"{p.id}.txt").read_text(encoding="utf-8") for p in seeds]
    report("The two shipped policies", seeds, seed_texts, asked, repeat=10,
           scoped="aimigos", parse_seconds=time.perf_counter() - started, cache=args.cache)

    made = synthetic_policies(args.policies)
    started = time.perf_counter()
    synthetic = [parse_policy(text, policy_id=pid, title=pid) for pid, text in made]
    report(f"Synthetic corpus of {args.policies} policies", synthetic,
           [text for _, text in made], asked[:40], repeat=2, scoped=made[len(made) // 4][0],
           parse_seconds=time.perf_counter() - started, cache=args.cache)


if __name__ == "__main__":
    main()
