"""Shared fixtures for the knowledge tests: the seed policies, parsed once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge import KnowledgeBase, Policy, read_policy_file
from tests.knowledge.corpus import knowledge_base

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
POLICIES = ROOT / "bot" / "defaults" / "policies"
FERNHILL = HERE / "fernhill_policy.md"
PEBBLE = HERE / "pebble_policy.txt"


@pytest.fixture(scope="session")
def aimigos() -> Policy:
    return read_policy_file(POLICIES / "aimigos.txt", policy_id="aimigos", title="Aimigos Studio")


@pytest.fixture(scope="session")
def imgn() -> Policy:
    return read_policy_file(POLICIES / "imgn.txt", policy_id="imgn", title="IMGN Studio")


@pytest.fixture(scope="session")
def fernhill() -> Policy:
    return read_policy_file(FERNHILL, policy_id="fernhill", title="Fernhill Cycles")


@pytest.fixture(scope="session")
def pebble() -> Policy:
    return read_policy_file(PEBBLE, policy_id="pebble", title="Pebble Fitness")


@pytest.fixture(scope="session")
def kb(aimigos: Policy, imgn: Policy, fernhill: Policy, pebble: Policy) -> KnowledgeBase:
    """The organisations of heldout_orgs.toml: the two seeds and two fictional policies."""
    return KnowledgeBase.build([aimigos, imgn, fernhill, pebble])


# The organisations some question sets were written for (tests/knowledge/corpus.py), for the
# tests of the mechanisms those sets showed missing.
@pytest.fixture(scope="module")
def shop_and_app() -> KnowledgeBase:
    """The seeds, an online shop's flattened web page and a SaaS app's Markdown policy."""
    return knowledge_base(("aimigos", "imgn", "brambleway", "ledgerly"))


@pytest.fixture(scope="module")
def charity() -> KnowledgeBase:
    """The seeds and a wildlife charity's notice with a long retention table."""
    return knowledge_base(("aimigos", "imgn", "wetherby"))


@pytest.fixture(scope="module")
def school() -> KnowledgeBase:
    """The seeds and an online school's Markdown policy."""
    return knowledge_base(("aimigos", "imgn", "brightpath"))


@pytest.fixture(scope="module")
def kennels() -> KnowledgeBase:
    """The seeds and a dog boarding kennels' notice with question headings."""
    return knowledge_base(("aimigos", "imgn", "hollybank"))


@pytest.fixture(scope="module")
def clinic() -> KnowledgeBase:
    """The seeds and a physiotherapy clinic's notice with a "Q: / A:" section."""
    return knowledge_base(("aimigos", "imgn", "corrib"))
