"""The learned intent model: its file is valid and checked, it loads lazily from the package,
a broken file leaves the rules to decide (and is counted), it speaks only where the rules
found nothing in a language they read, and a request in a language without rules (Danish,
Turkish, Finnish...) still goes honestly to triage instead of being guessed at."""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import intents.learned
from intents import CORE_INTENTS, classify
from intents.learned import model as model_file
from intents.learned import refine
from intents.learned.combine import combine_intents
from intents.learned.features import features
from intents.learned.model import MODEL_PATH, LearnedModel, ModelError, load, parse, sigmoid
from intents.models import Classification, InboundMail
from tests.intents.mailmaker import mail


@pytest.fixture
def fresh_model() -> Iterator[None]:
    intents.learned.forget()
    yield
    intents.learned.forget()


def _data() -> dict[str, Any]:
    data = json.loads(gzip.decompress(MODEL_PATH.read_bytes()))
    assert isinstance(data, dict)
    return data


def test_the_packaged_model_file_is_small_valid_and_covers_the_core_intents() -> None:
    assert MODEL_PATH.stat().st_size < 3_000_000
    found = load()
    assert found.intents == CORE_INTENTS
    assert len(found.vocab) > 1000
    assert found.weights.shape == (len(found.vocab), len(CORE_INTENTS))
    assert found.trained_on > 500
    assert 0.5 <= found.ticket_threshold < 1.0
    assert all(a > 0 for a, _ in found.platt)


def test_scores_are_probabilities_and_a_plain_request_scores_high() -> None:
    got = load().score("Please delete my account and every piece of data you keep on me.")
    assert set(got) == set(CORE_INTENTS)
    assert all(0.0 <= p <= 1.0 for p in got.values())
    assert got["erasure"] > 0.7
    assert got["erasure"] > max(got["access"], got["opt_out"], got["complaint"])


def _reference_score(found: LearnedModel, text: str, subject: str) -> dict[str, float]:
    """The score the slow way: every feature's name looked up, one intent at a time."""
    rows = [i for i in map(found.vocab.get, features(text, subject)) if i is not None]
    z = (found.weights[rows].sum(axis=0, dtype=np.float64) / np.sqrt(len(rows)) if rows
         else np.zeros(len(found.intents))) + found.bias
    return {intent: float(sigmoid(a * z[k] + b))
            for k, (intent, (a, b)) in enumerate(zip(found.intents, found.platt, strict=True))}


def test_rows_found_per_word_are_the_features_and_score_the_same() -> None:
    found = load()
    texts = ["", "Hi", "Please delete my account and every piece of data you keep on me.",
             "Bitte löschen Sie meine Daten. Danke! 12345 " * 3, "x " * 400, "ab-cd_ef 99"]
    for text in texts:
        for subject in ("", "Re: my data", "Löschung"):
            expected = {i for i in map(found.vocab.get, features(text, subject)) if i is not None}
            assert found.rows(text, subject) == expected
            assert found.score(text, subject) == _reference_score(found, text, subject)


@pytest.mark.parametrize(("field", "value", "why"), [
    ("format", 99, "format"),
    ("weights_sha256", "0" * 64, "checksum"),
    ("ticket_threshold", 0.2, "threshold"),
    ("platt", [[-1.0, 0.0]] * 4, "scaling"),
    ("bias", [0.0], "one bias"),
    ("vocab", ["w:x"] * 3, "vocab x intents"),
])
def test_a_file_that_fails_a_check_is_refused(field: str, value: object, why: str) -> None:
    data = _data()
    data[field] = value
    with pytest.raises(ModelError, match=why):
        parse(data)


def test_weights_that_are_not_finite_are_refused() -> None:
    data = _data()
    raw = bytearray(base64.b64decode(data["weights"]))
    raw[0:2] = b"\x00\x7c"  # float16 +inf
    data["weights"] = base64.b64encode(bytes(raw)).decode()
    data["weights_sha256"] = hashlib.sha256(bytes(raw)).hexdigest()
    with pytest.raises(ModelError, match="not finite"):
        parse(data)


# mtime=0: the same bytes in every xdist worker, so each collects the same test ids.
@pytest.mark.parametrize("content", [b"", b"not gzip", gzip.compress(b"{not json", mtime=0),
                                     gzip.compress(b"[]", mtime=0),
                                     gzip.compress(b'{"format": 1}', mtime=0)],
                         ids=["empty", "not-gzip", "not-json", "not-an-object", "no-weights"])
def test_an_unreadable_file_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "model.json.gz"
    path.write_bytes(content)
    with pytest.raises(ModelError):
        load(path)


def test_the_model_is_not_read_at_import_but_on_first_use(fresh_model: None) -> None:
    assert intents.learned._state == {}
    assert intents.learned.loaded_model() is not None
    assert intents.learned._state["model"] is intents.learned.loaded_model()  # read once


@pytest.mark.provokes_failure
def test_a_broken_model_file_leaves_the_rules_to_decide_and_is_counted(
        fresh_model: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from intents.failures import FAILURES
    broken = tmp_path / "model.json.gz"
    broken.write_bytes(b"\x1f\x8b broken")
    monkeypatch.setattr(model_file, "MODEL_PATH", broken)
    before = FAILURES.counts().get("learned_model", 0)
    assert refine("Please delete my account.", "", [], {"erasure": 0.2}, False, False) == (
        [], {"erasure": 0.2})
    assert intents.learned.score("Please delete my account.") == {}  # not read again
    assert FAILURES.counts().get("learned_model", 0) == before + 1


def test_where_the_rules_are_silent_a_sure_model_names_the_intent(fresh_model: None) -> None:
    got, scores = refine("I would like you to get rid of every bit of my personal data and "
                         "remove my account.", "", [], {"erasure": 0.0}, False, False)
    assert got == ["erasure"]
    assert scores["erasure"] >= load().ticket_threshold


def test_rules_decide_when_they_find_anything() -> None:
    chosen, who = combine_intents(["opt_out"], {"erasure": 0.99}, False, False)
    assert (chosen, who) == ({"opt_out"}, "rules")
    assert refine("x", "", ["opt_out"], {"opt_out": 0.9}, False, False)[0] == ["opt_out"]


@pytest.mark.parametrize(("not_read", "auto_reply"), [(True, False), (False, True)])
def test_the_model_names_nothing_for_automatic_mail_or_a_language_not_read(
        not_read: bool, auto_reply: bool) -> None:
    assert combine_intents([], {"erasure": 0.99}, not_read, auto_reply) == (set(), "none")


def test_only_a_sure_model_opens_a_ticket() -> None:
    assert combine_intents([], {"erasure": 0.95, "access": 0.6}, False, False) == (
        {"erasure"}, "model")
    assert combine_intents([], {"erasure": 0.6}, False, False) == (set(), "none")


def test_features_fold_accents_and_keep_the_subject_apart() -> None:
    got = features("Löschen Sie bitte", "Konto")
    assert {"w:loschen", "b:loschen sie", "c: lo", "c:chen ", "s:konto"} <= got
    assert features("") == set()


# New wordings in languages whose rules another writer added later (intents/rulesets/): read as
# what they ask, or left with no intent for the team in triage, never read as another right.
UNREAD_REQUESTS = {
    "da": ("erasure", "Sletning af mine data", "Hej,\n\nJeg har lukket min profil hos jer og "
           "ønsker nu, at I fjerner alle personoplysninger om mig fra jeres systemer. Bekræft "
           "venligst, når det er gjort.\n\nVenlig hilsen\nMads"),
    "tr": ("erasure", "Verilerimin silinmesi", "Merhaba,\n\nArtık hizmetinizi kullanmıyorum. "
           "Hesabımı kapatmanızı ve benimle ilgili tüm kişisel verileri silmenizi rica "
           "ediyorum. İşlem tamamlandığında bana bilgi verir misiniz?\n\nSaygılarımla\nEmre"),
    "fi": ("access", "Tietopyyntö", "Hei,\n\nhaluaisin saada kopion kaikista minua "
           "koskevista tiedoista, joita yrityksenne on tallentanut, sekä tiedon siitä, mihin "
           "niitä on käytetty.\n\nTerveisin\nAino"),
    "hu": ("opt_out", "Leiratkozás", "Jó napot!\n\nKérem, hogy a jövőben ne küldjenek nekem "
           "semmilyen reklám e-mailt vagy hírlevelet, és töröljenek a listáról.\n\n"
           "Köszönöm\nAnna"),
}


@pytest.mark.parametrize("code", sorted(UNREAD_REQUESTS))
def test_a_new_wording_in_a_newly_read_language_is_read_or_left_to_triage(code: str) -> None:
    intent, subject, body = UNREAD_REQUESTS[code]
    got = classify(mail(body, subject))
    assert (got.language, got.language_not_read) == (code, False)
    assert got.intents in ([intent], [])


def test_the_fit_learns_a_separable_toy_problem_and_platt_keeps_the_order() -> None:
    import numpy as np

    from intents.learned.fit import decision, fit_logistic, fit_platt, rows, vocabulary
    docs = [{"w:delete", "w:account"}, {"w:delete", "w:data"}, {"w:copy", "w:data"},
            {"w:copy", "w:account"}, {"w:hello"}]
    vocab_list = vocabulary(docs, min_df=1)
    assert vocab_list == sorted({name for doc in docs for name in doc})
    assert vocabulary(docs, min_df=2) == ["w:account", "w:copy", "w:data", "w:delete"]
    vocab = {name: n for n, name in enumerate(vocab_list)}
    y = np.array([[1, 0], [1, 0], [0, 1], [0, 1], [0, 0]], dtype=float)
    weights, bias = fit_logistic(rows(docs, vocab), y, len(vocab_list), steps=200)
    z = decision(rows(docs, vocab), weights, bias)
    assert ((z > 0) == (y > 0)).all()
    assert decision(rows([set()], vocab), weights, bias)[0].tolist() == bias.tolist()
    a, b = fit_platt(z[:, 0], y[:, 0])
    assert a > 0
    assert np.isfinite(b)


def test_where_the_rules_read_nothing_the_model_scores_and_the_intents_stay_the_rules() -> None:
    def read(text: str, **extra: object) -> Classification:
        return classify(InboundMail(text=text, subject="question", language="en",
                                    from_address="ann@example.org", **extra))

    learned = read("Who in your company can see my personal data?")
    assert learned.intents == []  # the rules read no request: a person decides in triage
    assert learned.scores["access"] >= 0.5  # what the triage card preselects
    ruled = read("Please delete my account and all my data.")
    assert ruled.intents == ["erasure"]
    assert ruled.scores["access"] < 0.5
    automatic = read("Who in your company can see my personal data?", auto_reply=True)
    assert automatic.scores["access"] < 0.5
