"""What an operator watches: structured logs without personal data, Prometheus metrics.

    configure_logging(settings)        # root logger: JSON or readable lines, redacted
    metrics = Metrics()                # one registry per service instance
    metrics.mails.labels("accepted").inc()

Below every channel: it imports nothing of the desk, the channels or Slack.
"""
