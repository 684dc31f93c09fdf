"""Reading policy files: encodings, and a clear PolicyError for every kind of bad file."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge import PolicyError, read_policy_file


def test_reads_plain_text_and_names_it_after_the_file(tmp_path: Path) -> None:
    path = tmp_path / "acme_privacy.txt"
    path.write_text("Retention\n\nWe keep invoices for six years.\n", encoding="utf-8")
    policy = read_policy_file(path)
    assert policy.id == "acme_privacy"
    assert policy.title == "acme privacy"
    assert policy.units[0].quote == "We keep invoices for six years."


def test_utf8_bom_and_windows_1252_are_decoded(tmp_path: Path) -> None:
    bom = tmp_path / "bom.txt"
    bom.write_bytes("\ufeffFees\n\nA copy costs nothing.\n".encode())
    assert read_policy_file(bom).sections[0].heading == "Fees"
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("Fees\n\nA late fee is £10 – payable at once.\n".encode("cp1252"))
    assert "£10 – payable" in read_policy_file(legacy).units[0].quote


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"  \n\t\n", "empty"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary"),
        (b"PK\x03\x04\x14\x00\x06\x00", "binary"),
        (b"abc\x00\x00\x00def\x00", "binary"),
        (b"Policy\n\nbad bytes \x81\x8d\x8f\x90\x9d here\n", "not UTF-8"),
    ],
)
def test_bad_files_are_clear_policy_errors(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "policy.txt"
    path.write_bytes(content)
    with pytest.raises(PolicyError, match=message) as caught:
        read_policy_file(path)
    assert "\n" not in str(caught.value)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(PolicyError, match="not found"):
        read_policy_file(tmp_path / "nope.txt")
    with pytest.raises(PolicyError, match="directory"):
        read_policy_file(tmp_path)


def test_ten_megabyte_policy_is_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("w", encoding="utf-8") as out:
        line = "We keep records for a while and share them with nobody at all.\n"
        out.write(line * (10 * 1024 * 1024 // len(line) + 1))
    with pytest.raises(PolicyError, match="larger than 5 MB"):
        read_policy_file(path)


def test_policy_with_only_headings_has_nothing_to_answer(tmp_path: Path) -> None:
    path = tmp_path / "empty_sections.txt"
    path.write_text("1. Introduction\n\n2. Retention\n\nWe keep data for:\n", encoding="utf-8")
    with pytest.raises(PolicyError, match="no text that could answer"):
        read_policy_file(path)
