"""The CMIS backend: documents, versions and relations in a CMIS 1.1 repository (CMIS.md)."""
