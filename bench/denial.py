"""Benchmark: intents.find_denial per reply, the check every joined reply from a requester
gets before any code in it is tried (bot/desk/intake.py).

Times a short reply, a denial, and replies at and past the size read (MAX_TEXT characters
of own words: a denial is said near the top). Prints figures; asserts nothing.
Run: .venv/bin/python bench/denial.py

Measured 7 Dec 2026 (shared 2-core machine under load 6, CPU time): short reply 0.05 ms,
a denial 0.05 ms, 4,000 characters of prose 2-4 ms (about 20 ms before reading stopped at
MAX_TEXT = 4,000 characters), any longer reply the same, 200 KB of bare negations 5.5 ms.
"""

from __future__ import annotations

import time

from intents.denial import MAX_TEXT, find_denial

PROSE = ("Please delete all the personal data you hold about me, I do not want my account any "
         "more. ")
CASES = {
    "short reply with a code": "Yes, that was me: 123 456. Thanks, Ann",
    "denial": "I never sent this, do NOT do anything. Who are you?",
    f"prose, {MAX_TEXT} chars": (PROSE * 100)[:MAX_TEXT],
    "prose, 200 KB": PROSE * 2200,
    "negations only, 200 KB": "i did not " * 20_000,
}


def main() -> None:
    for name, text in CASES.items():
        runs = 2000 if len(text) < 1000 else 100
        start = time.process_time()
        for _ in range(runs):
            find_denial(text)
        per = (time.process_time() - start) / runs * 1000
        print(f"{name:28s} {len(text):8,d} chars  {per:8.3f} ms per reply")


if __name__ == "__main__":
    main()
