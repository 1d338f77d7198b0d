"""Evaluation against public gold data and peer tools."""
