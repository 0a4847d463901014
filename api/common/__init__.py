"""ZGW machinery shared by every component; the only importer of vng_api_common."""
