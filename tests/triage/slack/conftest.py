"""The Slack suite's fixtures (fake Slack, signed requests, the real app) for triage cards."""

from tests.slack.conftest import desk, fake, orgs, service, settings, slack

__all__ = ["desk", "fake", "orgs", "service", "settings", "slack"]
