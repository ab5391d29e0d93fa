"""Renderings of validation reports: JSON (the contract) and the terminal (rich)."""
