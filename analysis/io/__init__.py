"""Input and output: corpus loading, table contracts and files, the cache key, provenance, download.

Depends on ``resources`` only. Nothing here reads a sentence for meaning.
"""
