"""The roster schema (pydantic) and the domain tables shipped as package data."""
