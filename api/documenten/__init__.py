"""Documenten API 1.7.0: documents through the configured backend (storage_backends)."""
