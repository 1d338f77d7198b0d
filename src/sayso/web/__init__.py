"""The web reader: ``sayso serve`` pages and JSON API over the corpus store."""
