"""The configured organisations' policies, read and indexed into one KnowledgeBase, and the
answers a question gets from them.

A question asked of no policy in particular ("how long do we keep correspondence?") is a
question to every organisation: when several policies answer it, each organisation's answer is
given, named, instead of the best-ranked one alone. A question that names one organisation
("what is IMGN's address?") or is asked of one policy gets that one's answer.
"""

from __future__ import annotations

from pathlib import Path

from bot.organisations import Organisations
from knowledge import Answer, KnowledgeBase, read_policy_file
from knowledge.embedding import use_disk_cache


def keep_embeddings_in(directory: Path) -> None:
    """Let the knowledge base keep policies' embeddings in the settings' `embeddings_dir`
    between runs (embedding a policy takes seconds; reading it back, milliseconds)."""
    use_disk_cache(directory)


def build_knowledge_base(orgs: Organisations) -> KnowledgeBase:
    """Read each organisation's policy (id = organisation id, title = its name) and index them."""
    policies = [read_policy_file(org.policy, policy_id=org.id, title=org.name)
                for org in orgs.items]
    return KnowledgeBase.build(policies)


def answers(kb: KnowledgeBase, question: str, policy: str | None = None) -> list[Answer]:
    """The answer to give, or, asked of all policies, one per policy that answers.

    The first is what `kb.ask` gives (an abstention when no policy answers); the others are the
    answers of the remaining policies asked one by one, kept only where they answer, all in
    the knowledge base's order. When there are several, each cites its own policy only (the
    others speak for themselves). Always at least one.
    """
    first = kb.ask(question, policy=policy)
    if policy is not None or not first.answered or kb.named_policy(question) is not None:
        return [first]
    order = kb.policy_ids()
    found = {first.citations[0].policy: first}
    for other in order:
        if other not in found:
            answer = kb.ask(question, policy=other)
            if answer.answered:
                found[other] = answer
    if len(found) == 1:
        return [first]
    return [found[policy_id].model_copy(update={"citations": [
        citation for citation in found[policy_id].citations if citation.policy == policy_id]})
        for policy_id in order if policy_id in found]
