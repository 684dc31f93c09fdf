"""storage: see DESIGN.md. Public API is re-exported here as it lands."""
