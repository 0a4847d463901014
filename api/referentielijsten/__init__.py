"""Embedded Referentielijsten API 0.6 (read-only): the gemeentelijke selectielijst and reference lists."""
