"""The storage package against real SQLite files and (with TEST_DATABASE_URL) PostgreSQL."""
