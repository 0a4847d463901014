"""Writes of the Zaken API with their rules (zrc-*), one transaction each, one module per resource group."""
