"""The learned intent model against the rules, on sources it never saw; its calibration; and
the model file.

Leave-one-source-out: for each source (a writer's set, the development set, the
datenanfragen.de letters), the model is fitted on every other source and scores the held-out
one; Platt scaling is fitted on the other sources' out-of-fold scores, so every figure here
is of mail unseen by both. Three readers are compared on each held-out source: the rules
alone (intents.classify without the hook), the model alone, and their combinations (the
model where the rules find nothing; a stacked per-intent logistic over both). Also printed:
a leave-one-language-out run on the letters (the model never saw that language), the
reliability table of the calibrated scores, and the ticket/triage threshold read from it.

Note the rules were written while reading most of these sets: their figures here are not of
unseen mail, the model's are.

Run: .venv/bin/python bench/learned_intents.py [--shared DIR] [--write]  (DIR: the development set)
(--write refits on everything and writes intents/learned/model.json.gz)
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from learned_data import ROOT, Example, load

from intents import CORE_INTENTS
from intents.learned.combine import TICKET_THRESHOLD, combine_intents
from intents.learned.features import features
from intents.learned.fit import Floats, decision, fit_logistic, fit_platt, rows, vocabulary
from intents.learned.model import MODEL_PATH, LearnedModel, sigmoid

INTENTS = CORE_INTENTS
Decide = Callable[[Example, dict[str, float]], set[str]]


def fit(train: Sequence[Example], docs: Sequence[set[str]]) -> tuple[list[str], Floats, Floats]:
    vocab_list = vocabulary(docs)
    vocab = {name: n for n, name in enumerate(vocab_list)}
    x = rows(docs, vocab)
    y = np.array([[intent in e.labels for intent in INTENTS] for e in train], dtype=float)
    weights, bias = fit_logistic(x, y, len(vocab_list))
    return vocab_list, weights, bias


def logits(vocab_list: list[str], weights: Floats, bias: Floats,
           docs: Sequence[set[str]]) -> Floats:
    vocab = {name: n for n, name in enumerate(vocab_list)}
    return decision(rows(docs, vocab), weights, bias)


def out_of_fold(examples: list[Example], docs: list[set[str]], group: list[str]) -> Floats:
    """Each example's logits from a model fitted without its group."""
    out = np.zeros((len(examples), len(INTENTS)))
    for held in sorted(set(group)):
        train = [n for n, g in enumerate(group) if g != held]
        test = [n for n, g in enumerate(group) if g == held]
        vocab_list, weights, bias = fit([examples[n] for n in train], [docs[n] for n in train])
        out[test] = logits(vocab_list, weights, bias, [docs[n] for n in test])
    return out


def calibrate_out_of_fold(z: Floats, y: Floats, group: list[str]) -> Floats:
    """Platt-scaled probabilities, each fitted on the other groups' out-of-fold logits."""
    p = np.zeros_like(z)
    for held in sorted(set(group)):
        mask = np.array([g == held for g in group])
        for k in range(z.shape[1]):
            a, b = fit_platt(z[~mask, k], y[~mask, k])
            p[mask, k] = sigmoid(a * z[mask, k] + b)
    return p


def scores_table(examples: Sequence[Example], got: Sequence[set[str]]) -> tuple[float, float]:
    """(macro-F1 over the four core intents, share of exactly right core sets)."""
    f1 = []
    for intent in INTENTS:
        tp = sum(intent in g and intent in e.core for e, g in zip(examples, got, strict=True))
        fp = sum(intent in g and intent not in e.core for e, g in zip(examples, got, strict=True))
        fn = sum(intent not in g and intent in e.core for e, g in zip(examples, got, strict=True))
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    exact = sum((g & set(INTENTS)) == e.core for e, g in zip(examples, got, strict=True))
    return sum(f1) / len(f1), exact / max(1, len(examples))


def fit_stack(features_: Floats, y: Floats) -> tuple[Floats, float]:
    """A small logistic (Newton) over dense stacking features, lightly penalised."""
    x = np.hstack([features_, np.ones((len(features_), 1))])
    w = np.zeros(x.shape[1])
    for _ in range(30):
        p = 1 / (1 + np.exp(-x @ w))
        grad = x.T @ (p - y) + 1e-2 * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + 1e-2 * np.eye(len(w))
        w -= np.linalg.solve(hess, grad)
    return w[:-1], float(w[-1])


def stack_inputs(examples: Sequence[Example], z: Floats, k: int) -> Floats:
    intent = INTENTS[k]
    rule = np.array([e.rules.scores.get(intent, 0.0) for e in examples])
    silent = np.array([not e.rules.intents for e in examples], dtype=float)
    return np.column_stack([rule, rule >= 0.5, z[:, k], z[:, k] * silent, silent])


def stacked_out_of_fold(examples: list[Example], z: Floats, y: Floats,
                        group: list[str]) -> Floats:
    p = np.zeros_like(z)
    for held in sorted(set(group)):
        mask = np.array([g == held for g in group])
        for k in range(len(INTENTS)):
            inputs = stack_inputs(examples, z, k)
            w, b = fit_stack(inputs[~mask], y[~mask, k])
            p[mask, k] = sigmoid(inputs[mask] @ w + b)
    return p


def reliability(p: Floats, y: Floats, which: str = "all held-out mail") -> None:
    edges = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001]
    print(f"\nReliability of the calibrated model scores (every intent, {which})")
    print(f"{'score bin':>12} {'n':>6} {'mean score':>11} {'share true':>11}")
    flat_p, flat_y = p.ravel(), y.ravel()
    for low, high in itertools.pairwise(edges):
        mask = (flat_p >= low) & (flat_p < high)
        if mask.any():
            print(f"{low:5.1f}-{min(high, 1.0):4.1f}  {int(mask.sum()):6d} "
                  f"{flat_p[mask].mean():11.3f} {flat_y[mask].mean():11.3f}")
    print(f"Precision of the model's intents at or above a threshold ({which})")
    for t in (0.5, 0.6, 0.7, 0.8, 0.9):
        mask = flat_p >= t
        share = flat_y[mask].mean() if mask.any() else float("nan")
        print(f"  >= {t:.1f}: {int(mask.sum()):5d} intents, {share:.3f} right")


def report(name: str, examples: list[Example], group: list[str],
           decisions: dict[str, list[set[str]]]) -> dict[str, tuple[float, float]]:
    print(f"\n{name}: held-out exact / macro-F1 (core four)")
    print(f"{'source':<26}{'n':>5} " + " ".join(f"{k:>15}" for k in decisions))
    totals: dict[str, list[tuple[float, float, int]]] = {k: [] for k in decisions}
    for held in sorted(set(group)):
        idx = [n for n, g in enumerate(group) if g == held]
        cells = []
        for key, got in decisions.items():
            f1, exact = scores_table([examples[n] for n in idx], [got[n] for n in idx])
            totals[key].append((f1, exact, len(idx)))
            cells.append(f"{exact:6.3f} / {f1:5.3f}")
        print(f"{held:<26}{len(idx):>5} " + " ".join(f"{c:>15}" for c in cells))
    means = {k: (float(np.mean([t[1] for t in v])), float(np.mean([t[0] for t in v])))
             for k, v in totals.items()}
    pooled = {k: scores_table(examples, got) for k, got in decisions.items()}
    print(f"{'mean over sources':<31}" + " ".join(
        f"{means[k][0]:6.3f} / {means[k][1]:5.3f}".rjust(15) for k in decisions))
    print(f"{'pooled':<31}" + " ".join(
        f"{pooled[k][1]:6.3f} / {pooled[k][0]:5.3f}".rjust(15) for k in decisions))
    return means


def speed(shared: Path) -> None:
    """CPU time of the packaged model per typical mail (bench/classify.py's), and of
    classify with and without the hook `refine` (which runs the model where the rules are
    silent)."""
    import classify as typical  # bench/classify.py: the same typical mails

    import intents.learned
    from intents import classify, read_message

    typical.DEV = shared / "eval" / "mail_dev.jsonl"
    mails = [read_message(typical._typical(body, n))
             for n, body in enumerate(typical._bodies() * 10)]
    started = time.perf_counter()
    intents.learned.loaded_model()
    print(f"first load of the model: {time.perf_counter() - started:.2f} s")
    start = time.process_time()
    for mail in mails:
        intents.learned.score(mail.text, mail.subject)
    each = (time.process_time() - start) / len(mails)
    print(f"model score: {each * 1000:.3f} ms per typical mail (CPU time)")
    start = time.process_time()
    for mail in mails:
        classify(mail)
    plain = (time.process_time() - start) / len(mails)
    start = time.process_time()
    silent = 0
    for mail in mails:
        got = classify(mail)
        silent += not got.intents
        intents.learned.refine(mail.text, mail.subject, got.intents, got.scores,
                               got.language_not_read, mail.auto_reply)
    hooked = (time.process_time() - start) / len(mails)
    print(f"classify alone {plain * 1000:.3f} ms, with the hook {hooked * 1000:.3f} ms per "
          f"typical mail ({silent} of {len(mails)} reach the model)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--speed", action="store_true",
                        help="only time the packaged model and the hook on typical mail")
    args = parser.parse_args()
    if args.speed:
        speed(args.shared)
        return
    started = time.perf_counter()
    examples = load(args.shared if args.shared.is_dir() else None)
    docs = [features(e.mail.text, e.mail.subject) for e in examples]
    y = np.array([[i in e.labels for i in INTENTS] for e in examples], dtype=float)
    sources = [e.source for e in examples]
    print(f"{len(examples)} examples from {len(set(sources))} sources")

    z = out_of_fold(examples, docs, sources)
    p = calibrate_out_of_fold(z, y, sources)
    stacked = stacked_out_of_fold(examples, z, y, sources)
    rules = [set(e.rules.intents) for e in examples]
    model = [{i for k, i in enumerate(INTENTS) if p[n, k] >= 0.5} for n in range(len(examples))]
    fallback = [combine_intents(e.rules.intents, dict(zip(INTENTS, p[n], strict=True)),
                                e.rules.language_not_read, e.mail.auto_reply)[0]
                for n, e in enumerate(examples)]
    loose = [combine_intents(e.rules.intents, dict(zip(INTENTS, p[n], strict=True)),
                             e.rules.language_not_read, e.mail.auto_reply, 0.5)[0]
             for n, e in enumerate(examples)]
    stack = [{i for k, i in enumerate(INTENTS) if stacked[n, k] >= 0.5}
             | (set(e.rules.intents) - set(INTENTS)) for n, e in enumerate(examples)]
    report("Leave one source out", examples, sources,
           {"rules": rules, "model": model, "fallback@0.5": loose,
            f"fallback@{TICKET_THRESHOLD}": fallback, "stacked": stack})
    silent = [n for n, e in enumerate(examples)
              if not e.rules.intents and not e.rules.language_not_read and not e.mail.auto_reply]
    asked = sum(bool(examples[n].core) for n in silent)
    print(f"\nThe rules found nothing in {len(silent)} held-out mails in languages they read: "
          f"{asked} of them ask for a core intent, {len(silent) - asked} ask none.")
    for t in (0.5, 0.7, 0.9):
        named = [n for n in silent if p[n].max() >= t]
        right = sum({i for k, i in enumerate(INTENTS) if p[n, k] >= t} == examples[n].core
                    for n in named)
        print(f"  model at >= {t}: names intents for {len(named)}, exactly right {right}")
    asking = [n for n in silent if examples[n].core]
    top = sum(INTENTS[int(np.argmax(p[n]))] in examples[n].core for n in asking)
    print(f"  of the {len(asking)} that ask: the model's top intent is one asked in {top}")
    for n in asking:  # what the rules miss, for whoever writes them next
        guess = INTENTS[int(np.argmax(p[n]))]
        print(f"    {examples[n].source}/{examples[n].id}: asks {sorted(examples[n].core)}, "
              f"model's top {guess} {p[n].max():.2f}")
    reliability(p[silent], y[silent], "where the rules found nothing")
    reliability(p, y)

    letters = [n for n, e in enumerate(examples) if e.source == "datenanfragen"]
    if letters:
        # A language the model never saw: hold out each language's letters, and fit without
        # any example in that language (mail sets included).
        by_lang = [examples[n].lang for n in letters]
        zl = np.zeros((len(letters), len(INTENTS)))
        for lang in sorted(set(by_lang)):
            train = [n for n, e in enumerate(examples) if e.lang != lang]
            test = [n for n, m in zip(letters, by_lang, strict=True) if m == lang]
            vocab_list, weights, bias = fit([examples[n] for n in train], [docs[n] for n in train])
            zl[[letters.index(n) for n in test]] = logits(vocab_list, weights, bias,
                                                           [docs[n] for n in test])
        platt = [fit_platt(z[:, k], y[:, k]) for k in range(len(INTENTS))]
        pl = np.column_stack([sigmoid(a * zl[:, k] + b) for k, (a, b) in enumerate(platt)])
        sub = [examples[n] for n in letters]
        report("Letters, leave one language out (model never saw the language)", sub, by_lang, {
            "rules": [rules[n] for n in letters],
            "model": [{i for k, i in enumerate(INTENTS) if pl[m, k] >= 0.5}
                      for m in range(len(letters))],
            "rules+fallback": [combine_intents(sub[m].rules.intents,
                                               dict(zip(INTENTS, pl[m], strict=True)),
                                               sub[m].rules.language_not_read,
                                               sub[m].mail.auto_reply)[0]
                               for m in range(len(letters))]})

    if args.write:
        vocab_list, weights, bias = fit(examples, docs)
        platt = [fit_platt(z[:, k], y[:, k]) for k in range(len(INTENTS))]
        LearnedModel.build(INTENTS, vocab_list, weights, bias, platt,
                           TICKET_THRESHOLD, len(examples),
                           sorted(set(sources))).save(MODEL_PATH)
        print(f"\nwrote {MODEL_PATH.relative_to(ROOT)} ({MODEL_PATH.stat().st_size:,} bytes)")
    print(f"\n{time.perf_counter() - started:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
