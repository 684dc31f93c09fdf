"""The configured organisations' policies, read and indexed into one KnowledgeBase."""

from __future__ import annotations

from bot.organisations import Organisations
from knowledge import KnowledgeBase, read_policy_file


def build_knowledge_base(orgs: Organisations) -> KnowledgeBase:
    """Read each organisation's policy (id = organisation id, title = its name) and index them."""
    policies = [read_policy_file(org.policy, policy_id=org.id, title=org.name)
                for org in orgs.items]
    return KnowledgeBase.build(policies)
