"""privacybot's service: settings, the rights workflow, use cases, channels, CLI and wiring."""
