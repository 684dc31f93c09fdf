"""`privacybot ask`: one question, --json, --batch, --policy-file, and bad input as one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import app
from bot.cli.common import run_cli

FERNHILL = Path(__file__).resolve().parent / "knowledge" / "fernhill_policy.md"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = run_cli(app, ["ask", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_human_answer_has_answer_quote_and_source(capsys: pytest.CaptureFixture[str],
                                                  tmp_path: Path) -> None:
    code, out, err = _run(capsys, "--policy", "aimigos", "--data-dir", str(tmp_path),
                          "how long do we keep correspondence?")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "Correspondence: 3 years from last contact"
    assert '"Correspondence 3 years from last contact"' in out
    assert "Aimigos Studio privacy policy, 7. Data Retention > 7.1 How Long We Keep" in out


def test_json_answer_shape(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--json", "--policy", "imgn", "Does IMGN sell personal data?")
    assert code == 0
    data = json.loads(out)
    assert data["answered"] is True
    assert "do not and will not sell" in data["answer"]
    assert set(data["citations"][0]) == {"policy", "section", "heading", "path", "quote",
                                               "links"}
    assert data["citations"][0]["policy"] == "imgn"
    assert 0.5 <= data["confidence"] <= 1


def test_json_citation_carries_link_targets_the_quote_left_out(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    policy = tmp_path / "linked.md"
    policy.write_text("# Example Ltd privacy policy\n\n## Complaints\n\n"
                      "You can complain to the [Information Commissioner's Office]"
                      "(https://ico.org.uk/make-a-complaint/).\n", encoding="utf-8")
    code, out, _ = _run(capsys, "--json", "--policy-file", str(policy),
                        "who can people complain to?")
    assert code == 0
    citation = json.loads(out)["citations"][0]
    assert citation["links"] == ["https://ico.org.uk/make-a-complaint/"]
    assert "https://" not in citation["quote"]


def test_abstention_is_said_plainly(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--policy", "aimigos", "How do I book annual leave?")
    assert code == 0
    assert out.startswith("The policy doesn't say")


def test_batch_answers_every_line_in_order_and_reports_bad_lines(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    batch = tmp_path / "questions.jsonl"
    batch.write_text("\n".join([
        json.dumps({"id": "a", "question": "What are cookies?", "policy": "aimigos"}),
        "{not json",
        json.dumps({"id": "b", "question": "", "policy": "imgn"}),
        json.dumps({"id": "c", "question": "cookies?", "policy": "nobody"}),
        json.dumps({"id": "d", "question": 42}),
        json.dumps({"id": "e", "question": "What is the ICO's phone number?", "policy": None}),
    ]) + "\n", encoding="utf-8")
    code, out, _ = _run(capsys, "--json", "--batch", str(batch))
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [row.get("id") for row in rows] == ["a", None, "b", "c", "d", "e"]
    assert "small text files" in rows[0]["answer"]
    assert "not JSON" in rows[1]["error"]
    assert "empty" in rows[2]["error"]
    assert "unknown policy" in rows[3]["error"]
    assert "must be a string" in rows[4]["error"]
    assert "0303 123 1113" in rows[5]["answer"] + rows[5]["citations"][0]["quote"]
    assert set(rows[0]) >= {"id", "answered", "answer", "confidence", "citations"}


def test_policy_file_of_your_own(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "--policy-file", str(FERNHILL), "--json",
                          "How long is CCTV footage kept?")
    assert code == 0, err
    data = json.loads(out)
    assert "30 days" in data["answer"]
    assert data["citations"][0]["policy"] == "fernhill_policy"


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "not found"), (b"", "empty"), (b"%PDF-1.4\n\x00\x01", "binary"),
     (b"Policy\n\n\x81\x8d\x8f\x90 bytes\n", "not UTF-8")],
)
def test_bad_policy_file_is_one_line_error(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                           content: bytes | None, message: str) -> None:
    path = tmp_path / "policy.txt"
    if content is not None:
        path.write_bytes(content)
    code, out, err = _run(capsys, "--policy-file", str(path), "anything?")
    assert code == 1
    assert out == ""
    assert err.startswith("privacybot: error: ")
    assert message in err
    assert len(err.strip().splitlines()) == 1


def test_policy_file_without_headings_still_answers(capsys: pytest.CaptureFixture[str],
                                                    tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("We keep invoices for six years. We never sell your data.", encoding="utf-8")
    code, out, _ = _run(capsys, "--policy-file", str(path), "how long are invoices kept?")
    assert code == 0
    assert out.startswith("We keep invoices for six years.")


def test_ten_megabyte_policy_file_is_refused(capsys: pytest.CaptureFixture[str],
                                             tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"We keep data. " * (10 * 1024 * 1024 // 14 + 1))
    code, _, err = _run(capsys, "--policy-file", str(path), "how long?")
    assert code == 1
    assert "larger than 5 MB" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [(["--policy", "aimigos", ""], "the question is empty"),
     (["--policy", "nobody", "cookies?"], "unknown policy 'nobody'"),
     (["--policy", "aimigos", "--policy-file", "x.txt", "q"], "not both"),
     ([], "give a QUESTION")],
)
def test_bad_arguments_are_one_line_errors(capsys: pytest.CaptureFixture[str], argv: list[str],
                                           message: str) -> None:
    code, _, err = _run(capsys, *argv)
    assert code == 1
    assert message in err
    assert len(err.strip().splitlines()) == 1


def test_ten_thousand_character_question(capsys: pytest.CaptureFixture[str]) -> None:
    question = ("how long do we keep correspondence and what about parking " * 200)[:10_000]
    code, out, _ = _run(capsys, "--json", "--policy", "aimigos", question)
    assert code == 0
    assert isinstance(json.loads(out)["answered"], bool)


def test_unscoped_question_gets_each_organisations_answer_named(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Issue 16.13: both policies say how long correspondence is kept; both answers, named."""
    question = "how long do we keep correspondence?"
    code, out, err = _run(capsys, "--data-dir", str(tmp_path), question)
    assert code == 0, err
    aimigos, imgn = out.split("\n\n  IMGN")[0], out.split("IMGN Studio:\n", 1)[1]
    assert out.startswith("Aimigos Studio:\nCorrespondence: 3 years from last contact")
    assert "IMGN Studio privacy policy" not in aimigos
    assert "as long as necessary" in imgn
    assert "IMGN Studio privacy policy, 1. How long we will use your information" in imgn

    code, out, _ = _run(capsys, "--json", question)
    data = json.loads(out)
    assert data["answered"] is True
    assert data["answer"].splitlines()[0] == (
        "Aimigos Studio: Correspondence: 3 years from last contact")
    assert data["answer"].splitlines()[1].startswith("IMGN Studio: ")
    assert [(a["policy"], a["organisation"]) for a in data["answers"]] == [
        ("aimigos", "Aimigos Studio"), ("imgn", "IMGN Studio")]
    assert {c["policy"] for c in data["citations"]} == {"aimigos", "imgn"}
    assert data["confidence"] == min(a["confidence"] for a in data["answers"])

    batch = tmp_path / "q.jsonl"
    batch.write_text("\n".join(json.dumps(item) for item in [
        {"id": 1, "question": question, "policy": None},
        {"id": 2, "question": question, "policy": "imgn"},
        {"id": 3, "question": "What is IMGN Studio's email address?", "policy": None},
    ]) + "\n", encoding="utf-8")
    code, out, _ = _run(capsys, "--json", "--batch", str(batch))
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [row["id"] for row in rows] == [1, 2, 3]  # one line per input, in order
    assert len(rows[0]["answers"]) == 2
    assert "answers" not in rows[1]
    assert {c["policy"] for c in rows[1]["citations"]} == {"imgn"}
    assert "answers" not in rows[2]  # a question naming one organisation is about that one
    assert "studio@imgnstudio.com" in rows[2]["answer"]


def test_ask_and_gaps_say_cli_questions_are_not_recorded(
        capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["ask", "--help"], ["gaps", "--help"]):
        assert run_cli(app, argv) == 0
        assert "Questions asked with `privacybot ask` are not recorded" in " ".join(
            capsys.readouterr().out.replace("│", " ").split())


def test_a_quoted_link_shows_its_text_and_its_target_apart(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    policy = tmp_path / "policy.md"
    policy.write_text("# Example Ltd Privacy Notice\n\n## Cookies\n\nWe do not use advertising "
                      "cookies. Full details are in our [Cookie Policy]"
                      "(https://example.org/cookies).\n", encoding="utf-8")
    code, out, err = _run(capsys, "--policy-file", str(policy), "where is the cookie policy?")
    assert code == 0, err
    assert out.splitlines()[0] == "Full details are in our Cookie Policy."
    assert "  link: https://example.org/cookies" in out.splitlines()
