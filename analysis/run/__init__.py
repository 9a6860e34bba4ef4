"""Runs: the corpus as partitions, the local and Dask engines, the cached pipeline, gold evaluation.

Maps ``extract`` over a corpus and writes the tables through ``io``.
"""
