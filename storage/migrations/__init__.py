"""privacybot's Alembic migrations (env.py, versions/): a package so that they ship with it."""
