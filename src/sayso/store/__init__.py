"""The corpus store: schema, migrations, ingest, queries, reprints and export.

Import the concept you need (``sayso.store.ingest``, ``sayso.store.query``, …); this package
module stays empty so that opening a store never imports Dask or pyarrow.
"""
