"""User data on disk: annotations, app state, file locations (no textual here)."""
