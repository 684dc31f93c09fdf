"""glibc's malloc, set for a long-running server that receives big mail.

Two glibc defaults make the resident size of `privacybot serve` climb round after round
under large mail, though Python frees everything:

- the mmap threshold is dynamic: once a large buffer (a 24 MB mail) is freed, glibc raises
  the threshold to its size, so later buffers of that size come from the heap, where
  fragmentation keeps the memory from going back to the system;
- every thread that allocates may get its own arena (up to 8 per core), and the executor
  threads that parse large mail each keep theirs.

`tune_malloc` fixes the threshold at glibc's own default (128 KiB, so large buffers are
always mapped and unmapped) and allows 2 arenas. bench/soak.py measured it (docs/intake.md,
Figures): after each round of twelve 24 MB mails, 166-177 MB resident instead of 323-448 MB,
and a lower peak. `serve` calls it at start unless PRIVACYBOT_MALLOC_TUNING=0 (then glibc
keeps what its own MALLOC_ARENA_MAX, MALLOC_MMAP_THRESHOLD_ or GLIBC_TUNABLES say). On a
C library other than glibc it does nothing.
"""

from __future__ import annotations

import ctypes
import logging

log = logging.getLogger(__name__)

# mallopt parameters, from glibc's malloc.h
M_MMAP_THRESHOLD = -3
M_ARENA_MAX = -8
MMAP_THRESHOLD = 128 * 1024
ARENA_MAX = 2


def tune_malloc() -> bool:
    """Set glibc's mmap threshold and arena count; False where there is no glibc."""
    try:
        libc = ctypes.CDLL(None)
        libc.gnu_get_libc_version  # noqa: B018 - only glibc has it
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    done = bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)) and bool(
        mallopt(M_ARENA_MAX, ARENA_MAX))
    if not done:
        log.warning("memory: glibc refused the malloc settings; keeping its defaults")
    return done
