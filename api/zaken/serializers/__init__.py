"""Serializers of the Zaken API 1.7.0, one module per resource group."""
