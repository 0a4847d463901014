"""Autorisaties API 1.0: applicaties and the autorisaties they hold."""
