"""Reading a policy file: bytes -> text (UTF-8, then common fallbacks) -> Policy.

The only file access in the package; the caller names the file, nothing is searched for.
"""

from __future__ import annotations

from pathlib import Path

from knowledge.errors import PolicyError
from knowledge.models import Policy
from knowledge.parser import parse_policy

MAX_POLICY_BYTES = 5 * 1024 * 1024  # privacy policies are rarely over 200 KB
_BINARY_SIGNATURES = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"\xd0\xcf\x11\xe0", b"\x7fELF",
                      b"GIF8", b"\xff\xd8\xff")


def decode_policy(data: bytes, *, name: str = "the policy") -> str:
    """Text from bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252."""
    if not data.strip():
        raise PolicyError(f"{name} is empty")
    if data.startswith(_BINARY_SIGNATURES):
        raise PolicyError(f"{name} is a binary file (PDF, Word, archive or image), not text; "
                          "save it as plain text or Markdown")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise PolicyError(f"{name} cannot be decoded as UTF-16") from exc
    if b"\x00" in data[:8192]:
        raise PolicyError(f"{name} is a binary file, not text")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise PolicyError(f"{name} is not UTF-8 or Windows-1252 text")


def read_policy_file(path: Path, *, policy_id: str | None = None,
                     title: str | None = None) -> Policy:
    """Read and parse a plain-text or Markdown policy; PolicyError says what is wrong."""
    path = Path(path)
    try:
        if path.is_dir():
            raise PolicyError(f"policy file {path} is a directory")
        if path.stat().st_size > MAX_POLICY_BYTES:
            raise PolicyError(f"policy file {path} is larger than "
                              f"{MAX_POLICY_BYTES // (1024 * 1024)} MB; is it really a policy?")
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise PolicyError(f"policy file not found: {path}") from exc
    except OSError as exc:
        raise PolicyError(f"cannot read policy file {path}: {exc.strerror or exc}") from exc
    text = decode_policy(data, name=f"policy file {path}")
    try:
        return parse_policy(text, policy_id=policy_id or path.stem,
                            title=title or path.stem.replace("_", " ").replace("-", " "))
    except PolicyError as exc:
        raise PolicyError(f"policy file {path}: {exc}") from exc
