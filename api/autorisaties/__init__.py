"""Autorisaties API 1.1: applicaties and the autorisaties they hold."""
