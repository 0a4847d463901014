"""Benchmarks: numbers about a live server, printed and written to reports/; nothing here is a test."""
