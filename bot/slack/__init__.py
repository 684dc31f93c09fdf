"""privacybot in Slack: staff questions answered from the policy, tickets the team acts on.

Entry point: bot.slack.service.SlackService. Block building (answer_blocks, ticket_blocks,
list_blocks, modals, history, escape) is pure and tested without an event loop.
"""
