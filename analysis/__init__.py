"""conflict-coverage: casualty tolls, actors and framing across news reports on a war.

The helper module behind the notebooks: pure functions that read a corpus and return tidy
pandas DataFrames whose columns are a documented contract (see README.md). Every extracted
item keeps its document id, part, sentence id and character offsets, so a number in a figure
can be traced back to the sentence that states it.

Example:
    >>> import analysis
    >>> tables = analysis.load_tables("data/demo")          # doctest: +SKIP
    >>> tables.claims[["doc_id", "category", "min", "qualifier", "sentence"]].head()   # doctest: +SKIP

Public names are imported lazily, so ``python -m analysis --help`` stays quick.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

#: public name -> module that defines it
_EXPORTS = {
    "InputError": "errors",
    "LexiconError": "errors",
    "Sentence": "text",
    "document_sentences": "text",
    "split_sentences": "text",
    "quote_spans": "text",
    "words": "text",
    "load_corpus": "corpus",
    "iter_records": "corpus",
    "load_tables": "pipeline",
    "read_tables": "pipeline",
    "extract_corpus": "pipeline",
    "extract_to_dir": "pipeline",
    "extract_document": "pipeline",
    "Tables": "pipeline",
    "extract_claims": "casualties",
    "find_quantities": "numbers",
    "parse_number": "numbers",
    "load_actor_dictionary": "actors",
    "default_dictionary": "actors",
    "extract_mentions": "actors",
    "actor_candidates": "actors",
    "extract_attributions": "attribution",
    "extract_labels": "framing",
    "extract_frames": "framing",
    "label_shares": "framing",
    "extract_tone": "tone",
    "distinctive_words": "distinctive",
    "log_odds": "distinctive",
    "evaluate_gold": "evaluate",
    "open_report": "notebook",
    "run_reports": "report",
    "save_figure": "plots",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'analysis' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
