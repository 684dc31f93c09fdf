"""bot/memory.py: with glibc's malloc tuned, memory freed by Python goes back to the system
even after a large buffer has been freed (glibc's dynamic mmap threshold would otherwise
serve later large buffers from the heap, which keeps them resident)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# A 24 MB buffer freed (glibc now maps only buffers over 24 MB), then twenty 1 MB buffers of
# which only the last is kept, as a server's mails come and go: the resident growth, in MB.
_SCRIPT = """
import sys
from bot.memory import tune_malloc
if sys.argv[1] == "tuned":
    assert tune_malloc()
def rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
big = b"x" * (24 << 20)
del big
before = rss()
kept = [b"y" * (1 << 20) for _ in range(20)]
for index in range(19):
    kept[index] = None
print(rss() - before)
"""


def _growth(mode: str) -> float:
    out = subprocess.run([sys.executable, "-c", _SCRIPT, mode], cwd=ROOT, check=True,
                         capture_output=True, text=True, env={"PYTHONPATH": str(ROOT)})
    return float(out.stdout)


def test_freed_buffers_go_back_to_the_system() -> None:
    if not Path("/proc/self/status").exists():
        pytest.skip("needs /proc")
    untuned, tuned = _growth("plain"), _growth("tuned")
    if untuned < 10:
        pytest.skip(f"this C library returns freed memory anyway ({untuned:.1f} MB kept)")
    assert tuned < 3, (tuned, untuned)
