"""Per-document rules: sentences, numbers, casualty claims, actors, attributions, labels, frames, tone.

Pure functions, text in and records out; ``document.extract_document`` runs them all on one
report. Depends on ``io`` (column contracts) and ``resources``.
"""
