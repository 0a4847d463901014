"""Documenten API 1.5.0: documents through the configured backend (storage_backends)."""
