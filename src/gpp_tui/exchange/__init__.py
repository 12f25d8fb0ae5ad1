"""Share and carry annotations: export, cite, import and merge (no textual here)."""
