"""Aggregations: tables in, the frames each figure plots out; one module per notebook.

``overview`` serves 01-corpus-overview, ``casualties`` 02-casualties, ``actors`` 03-actors,
``framing`` 04-framing (with ``distinctive`` for its log-odds words).
"""
