"""The database backend: document metadata and versions in PostgreSQL, content in a Django storage."""
