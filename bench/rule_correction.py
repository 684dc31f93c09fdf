"""A learned correction of the rules, judged leave one source out on mail the rules were not
tuned on (issue 15). Tried and not shipped: docs/evaluation.md, "A learned correction of the
rules".

Each mail goes through read_message and the rules alone (intents.classifier._classify) and
its trace (bench/correction_features.Trace: the rules' scores, every match with its weight,
whether it was cancelled or weakened and the kind of its sentence, the mail's shape and its
words) becomes one feature row per core intent. A per-intent logistic regression (or
gradient-boosted stumps) over those rows, optionally with a word model's logit, is fitted on
the other sources and scores the held-out one.

Sources: the untuned sets (bench/unseen_mail's round5_studios and inbox_realism, and every
*.jsonl in --extra folders), each a source, each held out in turn. The tuned sets
(tests/intents/*_mail.jsonl, which the rules were fitted to) and the tests' hand-written
wordings (--wordings, collected by bench/correction_wordings.py) join the training side
only, at --tuned-weight. The word model is fitted on the tuned sets only (out of fold for
their own rows). bench/unseen_mail/shared_inbox8_mail.jsonl is never read.

Decisions compared on each held-out source: the rules alone; the correction at 0.5
(corr@0.5); the correction only allowed to overrule the rules past a margin (gated: add at
p >= t_add, drop at p < t_drop, one pair per intent chosen on out-of-fold predictions of the
training sources). Also printed: the mails made right and made wrong, a sign test, and with
--score-wordings how many of the tests' wordings (each one the rules pass) it would change.

Run: PYTHONPATH=.:bench .venv/bin/python bench/rule_correction.py --extra DIR --words
     --tuned-weight 1 --l2 1 [--wordings W.jsonl | --score-wordings W.jsonl] [--stumps] [--wrong]
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from correction_features import FEATURE_NAMES, Correction, Match, Trace, WordModel, features
from numpy.typing import NDArray
from unseen_mail import as_mail, macro_f1

import intents.learned
from intents import CORE_INTENTS, InboundMail, read_message
from intents.classifier import (
    MAX_CHARS,
    _classify,
    _drop_service_grievances,
    _hits,
    _read_clauses,
    _read_objections,
    _scores,
)
from intents.clauses import read_clauses
from intents.learned.fit import Rows, rows, vocabulary
from intents.learned.fit import fit_logistic as fit_words_logistic
from intents.textnorm import fold

ROOT = Path(__file__).resolve().parent.parent
UNSEEN = ROOT / "bench" / "unseen_mail"
UNTUNED = ("round5_studios_mail.jsonl", "inbox_realism_mail.jsonl")
FORBIDDEN = "shared_inbox8_mail.jsonl"
IGNORED_RULE = "clause-complaint-request-ignored"
TUNED = ROOT / "tests" / "intents"
INTENTS = CORE_INTENTS
Floats = NDArray[np.float64]
WORDS = [False]
WORD_MODEL: list[WordModel] = []
ALL_WORDS = [False]


@dataclass(frozen=True)
class Item:
    id: str
    source: str
    tuned: bool
    labels: frozenset[str]
    rules: frozenset[str]
    trace: Trace
    model: tuple[float, ...]
    words: tuple[float, ...] = (0.0, 0.0, 0.0, 0.0)
    trace_text: str = ""  # the mail's subject and text, for listings


def trace_of(mail: InboundMail) -> Trace:
    """The rules' result on the mail (intents.classifier._classify: the rules alone, without
    the learned reader's hook) and what they saw: the body's matches as _classify leaves
    them (the subject's when the body has none), each with its sentence's kind."""
    result = _classify(mail)
    body = mail.text[:MAX_CHARS]
    reading = read_clauses(fold(body))
    folded = reading.text
    hits = _read_clauses(reading, _hits(folded))
    _drop_service_grievances(folded, hits)
    _read_objections(folded, hits)
    in_body = bool(hits)
    if not hits and mail.subject:
        hits = _hits(fold(mail.subject))
    _scores(hits)  # marks the matches it drops as cancelled
    matches = []
    for hit in hits:
        clause = reading.clause_at(hit.start) if in_body else None
        matches.append(Match(hit.rule.intent, hit.weight, hit.rule.weight, hit.cancelled,
                             clause.kind if clause is not None else "", hit.threat,
                             hit.reference))
    return Trace(scores=dict(result.scores), intents=tuple(result.intents),
                 matches=tuple(matches), language=mail.language,
                 language_read=not result.language_not_read, auto_reply=mail.auto_reply,
                 shape=reading.shape, sentences=len(reading.bounds),
                 questions=reading.text.count("?"), words=len(reading.words),
                 quoted=bool(mail.quoted),
                 forwarded=bool(result.forwarded_from or result.forwarded_from_name),
                 forwards=bool(mail.forwards),
                 ignored=any(hit.rule.id == IGNORED_RULE for hit in hits),
                 subject_read=not in_body and bool(hits), tokens=reading.words)


def load_items(path: Path, source: str, tuned: bool) -> list[Item]:
    if path.name == FORBIDDEN:
        raise SystemExit(f"{FORBIDDEN} is kept for the lead's final test")
    items = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if not line.strip():
            continue
        raw = json.loads(line)
        mail = read_message(as_mail(raw, n))
        trace = trace_of(mail)
        p = intents.learned.score(mail.text, mail.subject)
        items.append(Item(str(raw["id"]), source, tuned,
                          frozenset(raw["labels"]) & frozenset(INTENTS),
                          frozenset(trace.intents) & frozenset(INTENTS), trace,
                          tuple(p.get(i, 0.0) for i in INTENTS)))
    return items


def load_wordings(path: Path, half: int | None = None) -> list[Item]:
    """The tests' hand-written wordings (bench/correction_wordings.py), a tuned source; with
    `half` (0 or 1) only every other one, so one half can train and the other be scored."""
    items = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if half is not None and n % 2 != half:
            continue
        raw = json.loads(line)
        mail = InboundMail.model_validate(raw["mail"])
        trace = trace_of(mail)
        p = intents.learned.score(mail.text, mail.subject)
        items.append(Item(f"w{n}", "wordings", True, frozenset(raw["labels"]),
                          frozenset(trace.intents) & frozenset(INTENTS), trace,
                          tuple(p.get(i, 0.0) for i in INTENTS),
                          trace_text=f"[{mail.subject}] {mail.text}"))
    return items


def matrix(items: Sequence[Item], k: int, with_model: bool) -> Floats:
    rows = []
    for item in items:
        row = features(item.trace, INTENTS[k], item.words[k] if WORDS[0] else None)
        if WORDS[0] and ALL_WORDS[0]:
            row += [item.words[j] / 4.0 for j in range(len(INTENTS)) if j != k]
        if with_model:
            p = min(max(item.model[k], 1e-4), 1 - 1e-4)
            row += [float(np.log(p / (1 - p))) / 4, float(p >= 0.5)]
        rows.append(row)
    return np.array(rows, dtype=float)


def fit_logistic(x: Floats, y: Floats, w: Floats, l2: float) -> tuple[Floats, Floats, Floats]:
    """(weights, mean, scale): a weighted logistic regression by Newton's method over
    standardised features, the bias unpenalised."""
    mean = np.average(x, axis=0, weights=w)
    scale = np.sqrt(np.average((x - mean) ** 2, axis=0, weights=w)) + 1e-6
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    beta = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], l2)
    penalty[-1] = 1e-6
    for _ in range(40):
        p = 1 / (1 + np.exp(-np.clip(z @ beta, -30, 30)))
        grad = z.T @ (w * (p - y)) + penalty * beta
        hess = (z * (w * p * (1 - p))[:, None]).T @ z + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return beta, mean, scale


def predict(model: tuple[Floats, Floats, Floats], x: Floats) -> Floats:
    beta, mean, scale = model
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    return 1 / (1 + np.exp(-np.clip(z @ beta, -30, 30)))


Stump = tuple[int, float, float, float]  # feature, split, value below, value at or above


def fit_stumps(x: Floats, y: Floats, w: Floats, rounds: int = 150, rate: float = 0.1,
               min_weight: float = 5.0) -> tuple[float, list[Stump]]:
    """Gradient-boosted stumps on the log loss (one Newton step per leaf)."""
    prior = float(np.clip(np.average(y, weights=w), 1e-3, 1 - 1e-3))
    base = float(np.log(prior / (1 - prior)))
    f = np.full(len(y), base)
    stumps: list[Stump] = []
    splits = [np.unique(np.quantile(x[:, j], np.linspace(0.05, 0.95, 16))) for j in
              range(x.shape[1])]
    for _ in range(rounds):
        p = 1 / (1 + np.exp(-f))
        g, h = w * (y - p), w * p * (1 - p)
        best: tuple[float, Stump] | None = None
        for j in range(x.shape[1]):
            for t in splits[j]:
                right = x[:, j] >= t
                hl, hr = h[~right].sum(), h[right].sum()
                if w[~right].sum() < min_weight or w[right].sum() < min_weight:
                    continue
                gl, gr = g[~right].sum(), g[right].sum()
                gain = gl * gl / (hl + 1.0) + gr * gr / (hr + 1.0)
                if best is None or gain > best[0]:
                    best = (gain, (j, float(t), float(gl / (hl + 1.0)), float(gr / (hr + 1.0))))
        if best is None:
            break
        j, t, vl, vr = best[1]
        stump = (j, t, rate * vl, rate * vr)
        stumps.append(stump)
        f += np.where(x[:, j] >= t, stump[3], stump[2])
    return base, stumps


def predict_stumps(model: tuple[float, list[Stump]], x: Floats) -> Floats:
    base, stumps = model
    f = np.full(len(x), base)
    for j, t, vl, vr in stumps:
        f += np.where(x[:, j] >= t, vr, vl)
    p: Floats = 1 / (1 + np.exp(-f))
    return p


def fit_predict(train: Sequence[Item], test: Sequence[Item], args: argparse.Namespace) -> Floats:
    out = np.zeros((len(test), len(INTENTS)))
    w = np.array([args.tuned_weight if i.tuned else 1.0 for i in train])
    for k, intent in enumerate(INTENTS):
        y = np.array([intent in i.labels for i in train], dtype=float)
        if args.stumps:
            stumps = fit_stumps(matrix(train, k, args.model), y, w)
            out[:, k] = predict_stumps(stumps, matrix(test, k, args.model))
            continue
        model = fit_logistic(matrix(train, k, args.model), y, w, args.l2)
        out[:, k] = predict(model, matrix(test, k, args.model))
    if not args.model and not args.stumps and WORDS[0] and not ALL_WORDS[0]:
        # The same figures by the live code path (an untuned item's word logits are the
        # full word model's, which the correction holds).
        live = fit_correction(train, args, [(0.5, 0.5)] * len(INTENTS))
        check = np.array([[live.probabilities(i.trace)[x] for x in INTENTS] for i in test])
        assert np.allclose(check, out, atol=1e-6), "the live path disagrees with the fit"
    return out


def fit_correction(train: Sequence[Item], args: argparse.Namespace,
                   margins: Sequence[tuple[float, float]]) -> Correction:
    """The correction fitted on the items, as the classifier would run it."""
    w = np.array([args.tuned_weight if i.tuned else 1.0 for i in train])
    coef, bias = [], []
    for k, intent in enumerate(INTENTS):
        y = np.array([intent in i.labels for i in train], dtype=float)
        beta, mean, scale = fit_logistic(matrix(train, k, False), y, w, args.l2)
        coef.append(beta[:-1] / scale)
        bias.append(beta[-1] - float(np.sum(beta[:-1] * mean / scale)))
    return Correction(INTENTS, np.array(coef), np.array(bias), tuple(margins), WORD_MODEL[0],
                      tuple(sorted({i.source for i in train if not i.tuned or w.any()})),
                      int((w > 0).sum()))


def macro_exact(items: Sequence[Item], got: Sequence[frozenset[str]]) -> tuple[float, float]:
    """(macro-F1 over the core intents, share of exactly right sets), as bench/unseen_mail.py
    scores them."""
    pairs = [(set(i.labels), set(g)) for i, g in zip(items, got, strict=True)]
    exact = sum(want == found for want, found in pairs) / max(1, len(pairs))
    return macro_f1(pairs), exact


def plain(items: Sequence[Item], p: Floats, threshold: float = 0.5) -> list[frozenset[str]]:
    return [frozenset(INTENTS[k] for k in range(len(INTENTS)) if p[n, k] >= threshold)
            for n in range(len(items))]


def gated(items: Sequence[Item], p: Floats,
          margins: Sequence[tuple[float, float]]) -> list[frozenset[str]]:
    """The rules' intents, an intent added at p >= t_add and dropped at p < t_drop."""
    out = []
    for n, item in enumerate(items):
        got = set(item.rules)
        for k, intent in enumerate(INTENTS):
            add, drop = margins[k]
            if intent not in got and p[n, k] >= add:
                got.add(intent)
            elif intent in got and p[n, k] < drop:
                got.discard(intent)
        out.append(frozenset(got))
    return out


ADD = (0.5, 0.6, 0.7, 0.8, 0.9, 1.01)
DROP = (0.0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5)


def choose_margins(items: Sequence[Item], p: Floats) -> list[tuple[float, float]]:
    """Per intent, the (t_add, t_drop) that gets most of that intent's decisions right on
    out-of-fold predictions; ties go to the pair that changes the rules least."""
    chosen = []
    for k, intent in enumerate(INTENTS):
        best: tuple[int, float, float] | None = None
        for add in ADD:
            for drop in DROP:
                right = 0
                for n, item in enumerate(items):
                    held = intent in item.rules
                    if not held and p[n, k] >= add:
                        held = True
                    elif held and p[n, k] < drop:
                        held = False
                    right += held == (intent in item.labels)
                key = (right, add, -drop)
                if best is None or key > (best[0], best[1], -best[2]):
                    best = (right, add, drop)
        assert best is not None
        chosen.append((best[1], best[2]))
    return chosen


def out_of_fold(train: Sequence[Item], args: argparse.Namespace) -> tuple[list[Item], Floats]:
    """Out-of-fold predictions on the untuned training items (each of their sources left
    out in turn; the tuned items always train)."""
    untuned = sorted({i.source for i in train if not i.tuned})
    held_items: list[Item] = []
    rows: list[Floats] = []
    for source in untuned:
        inner_train = [i for i in train if i.source != source]
        if not any(not i.tuned or args.tuned_weight > 0 for i in inner_train):
            continue
        inner_test = [i for i in train if i.source == source]
        held_items += inner_test
        rows.append(fit_predict(inner_train, inner_test, args))
    return held_items, np.vstack(rows) if rows else np.zeros((0, len(INTENTS)))


def word_rows(items: Sequence[Item], vocab: dict[str, int]) -> Rows:
    return rows([set(i.trace.tokens) for i in items], vocab)


def fit_words(train: Sequence[Item], min_df: int = 2) -> WordModel:
    """The word model fitted on the items (intents.learned.fit's logistic)."""
    vocab_list = vocabulary([set(i.trace.tokens) for i in train], min_df=min_df,
                            max_size=20_000)
    vocab = {name: n for n, name in enumerate(vocab_list)}
    y = np.array([[intent in i.labels for intent in INTENTS] for i in train], dtype=float)
    weights, bias = fit_words_logistic(word_rows(train, vocab), y, len(vocab_list),
                                       l2=1e-5, steps=60, rate=0.2)
    # float16, as the file keeps them
    return WordModel(vocab, weights.astype(np.float16).astype(np.float64), bias)


def with_word_logits(items: list[Item]) -> tuple[WordModel, list[Item]]:
    """Each item with its word model's logits: for a tuned item from a model fitted without
    its source, for an untuned one from the model fitted on every tuned source (the word
    model never sees untuned mail)."""
    tuned = [i for i in items if i.tuned]
    full = fit_words(tuned)
    logits: dict[int, list[float]] = {}
    for source in sorted({i.source for i in tuned}):
        model = fit_words([i for i in tuned if i.source != source])
        for n, item in enumerate(items):
            if item.source == source:
                logits[n] = model.logits(item.trace.tokens)
    return full, [replace(item, words=tuple(logits[n] if item.tuned
                                            else full.logits(item.trace.tokens)))
                  for n, item in enumerate(items)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--extra", type=Path, action="append", default=[],
                        help="a folder of further untuned *.jsonl sets (each a source)")
    parser.add_argument("--tuned-weight", type=float, default=0.0,
                        help="weight of the tuned sets' mails in the fit (0: left out)")
    parser.add_argument("--l2", type=float, default=3.0)
    parser.add_argument("--words", action="store_true",
                        help="add a word model's logit (fitted on the tuned sets) as a feature")
    parser.add_argument("--wrong", action="store_true", help="list every mail changed")
    parser.add_argument("--wordings", type=Path,
                        help="the tests' wordings (bench/correction_wordings.py), a tuned source")
    parser.add_argument("--score-wordings", type=Path,
                        help="also score the tests' wordings with a correction fitted on "
                             "every other source (they stay out of its fit; the same file as "
                             "--wordings: the even lines train, the odd ones are scored)")
    parser.add_argument("--no-tuned-sets", action="store_true",
                        help="leave tests/intents/*_mail.jsonl out (the wordings may stay)")
    parser.add_argument("--stumps", action="store_true",
                        help="gradient-boosted stumps instead of the logistic regression")
    parser.add_argument("--all-words", action="store_true",
                        help="every intent's word logit in each intent's row")
    parser.add_argument("--model", action="store_true",
                        help="add the packaged n-gram model's score as a feature")
    args = parser.parse_args()
    items: list[Item] = []
    for name in UNTUNED:
        items += load_items(UNSEEN / name, name.removesuffix("_mail.jsonl"), False)
    for folder in args.extra:
        for path in sorted(folder.glob("*.jsonl")):
            items += load_items(path, path.stem.removesuffix("_mail"), False)
    halves = args.wordings is not None and args.wordings == args.score_wordings
    if args.tuned_weight > 0 or args.words:
        if not args.no_tuned_sets:
            for path in sorted(TUNED.glob("*_mail.jsonl")):
                items += load_items(path, path.name.removesuffix("_mail.jsonl"), True)
        if args.wordings:
            items += load_wordings(args.wordings, 0 if halves else None)
    ALL_WORDS[0] = args.all_words
    if args.words:
        WORDS[0] = True
        full, items = with_word_logits(items)
        WORD_MODEL.append(full)
    if args.tuned_weight <= 0:
        items = [i for i in items if not i.tuned]
    untuned = [i for i in items if not i.tuned]
    sources = sorted({i.source for i in untuned})
    print(f"{len(untuned)} untuned mails in {len(sources)} sources, "
          f"{len(items) - len(untuned)} tuned (weight {args.tuned_weight}), "
          f"{len(FEATURE_NAMES) + 2 * args.model + args.words} features, l2 {args.l2}",
          file=sys.stderr)
    decisions: dict[str, list[frozenset[str]]] = {"rules": [], "corr@0.5": [], "gated": []}
    order: list[Item] = []
    for source in sources:
        train = [i for i in items if i.source != source]
        test = [i for i in untuned if i.source == source]
        p = fit_predict(train, test, args)
        oof_items, oof_p = out_of_fold(train, args)
        margins = choose_margins(oof_items, oof_p) if oof_items else [(0.5, 0.5)] * 4
        order += test
        decisions["rules"] += [i.rules for i in test]
        decisions["corr@0.5"] += plain(test, p)
        decisions["gated"] += gated(test, p, margins)
        print(f"  {source}: margins " + ", ".join(f"{INTENTS[k]} +{a:.2f}/-{d:.2f}"
                                               for k, (a, d) in enumerate(margins)),
              file=sys.stderr)
    if args.score_wordings:
        wordings = load_wordings(args.score_wordings, 1 if halves else None)
        if WORDS[0]:
            wordings = [replace(i, words=tuple(WORD_MODEL[0].logits(i.trace.tokens)))
                        for i in wordings]
        p = fit_predict(items, wordings, args)
        oof_items, oof_p = out_of_fold(items, args)
        margins = choose_margins(oof_items, oof_p)
        for key, got in (("corr@0.5", plain(wordings, p)), ("gated", gated(wordings, p, margins))):
            changed = sum(g != i.rules for i, g in zip(wordings, got, strict=True))
            print(f"the tests' {len(wordings)} wordings, {key}: {changed} changed against the "
                  "rules (each classified by a test that passes with the rules)")
            if args.wrong:
                for i, g in zip(wordings, got, strict=True):
                    if g != i.rules:
                        text = " ".join((i.trace_text or "").split())[:160]
                        print(f"    {sorted(i.rules)} -> {sorted(g)}: {text}")
    print(f"{'held-out source':<24}{'n':>4}  " + "  ".join(f"{k:>15}" for k in decisions))
    for source in [*sources, "pooled"]:
        idx = [n for n, i in enumerate(order) if source in ("pooled", i.source)]
        cells = []
        for got in decisions.values():
            f1, exact = macro_exact([order[n] for n in idx], [got[n] for n in idx])
            cells.append(f"{exact:6.1%} / {f1:.3f}")
        print(f"{source:<24}{len(idx):>4}  " + "  ".join(f"{c:>15}" for c in cells))
    print("mails changed against the rules' (made right / made wrong / changed, still wrong);"
          " one-sided sign test")
    for key, got in decisions.items():
        if key == "rules":
            continue
        fixed = sum(g == i.labels != i.rules for i, g in zip(order, got, strict=True))
        broke = sum(i.rules == i.labels != g for i, g in zip(order, got, strict=True))
        other = sum(g != i.rules and i.labels not in (g, i.rules)
                    for i, g in zip(order, got, strict=True))
        n = fixed + broke
        tail = sum(math.comb(n, j) for j in range(fixed, n + 1)) / 2**n if n else 1.0
        print(f"  {key}: {fixed} / {broke} / {other}, p = {tail:.3f}")
        if args.wrong:
            for i, g in zip(order, got, strict=True):
                if g != i.rules:
                    mark = "+" if g == i.labels else "-" if i.rules == i.labels else "~"
                    print(f"    {mark} {i.source} {i.id}: rules {sorted(i.rules)} -> "
                          f"{sorted(g)}, labels {sorted(i.labels)}")


if __name__ == "__main__":
    main()
