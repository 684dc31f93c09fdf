"""The policies the question sets of this folder are asked over, read and built once each."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from knowledge import KnowledgeBase, Policy, read_policy_file

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent.parent / "bot" / "defaults" / "policies"

# Policy id -> its file and its organisation's name.
POLICY_FILES: dict[str, tuple[Path, str]] = {
    "aimigos": (SEEDS / "aimigos.txt", "Aimigos Studio"),
    "imgn": (SEEDS / "imgn.txt", "IMGN Studio"),
    "fernhill": (HERE / "fernhill_policy.md", "Fernhill Cycles"),
    "pebble": (HERE / "pebble_policy.txt", "Pebble Fitness"),
    "brambleway": (HERE / "blind2" / "brambleway_policy.txt", "Brambleway Home"),
    "ledgerly": (HERE / "blind2" / "ledgerly_policy.md", "Ledgerly"),
    "harbourlane": (HERE / "blind3" / "harbourlane_policy.txt", "Harbour Lane Dental Practice"),
    "puzzlepine": (HERE / "blind5" / "puzzlepine_policy.txt", "Puzzlepine Games"),
    "wetherby": (HERE / "blind6" / "wetherby_policy.txt", "Wetherby Moor Wildlife Trust"),
    "brightpath": (HERE / "blind7" / "brightpath_policy.md", "BrightPath Online School"),
    "hollybank": (HERE / "blind8" / "hollybank_policy.md", "Hollybank Kennels & Grooming"),
    "corrib": (HERE / "blind9" / "corrib_policy.txt",
               "Corrib Physiotherapy & Sports Injury Clinic"),
    "colmena": (HERE / "blind10" / "colmena_policy.md", "Colmena Coworking & Events"),
}


@cache
def policy(policy_id: str) -> Policy:
    path, title = POLICY_FILES[policy_id]
    return read_policy_file(path, policy_id=policy_id, title=title)


@cache
def knowledge_base(policy_ids: tuple[str, ...]) -> KnowledgeBase:
    return KnowledgeBase.build([policy(pid) for pid in policy_ids])
