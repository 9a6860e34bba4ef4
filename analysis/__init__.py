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
    "Sentence": "extract.text",
    "document_sentences": "extract.text",
    "split_sentences": "extract.text",
    "quote_spans": "extract.text",
    "words": "extract.text",
    "load_corpus": "io.documents",
    "iter_records": "io.corpus",
    "load_tables": "run.pipeline",
    "read_tables": "io.tables",
    "extract_corpus": "run.pipeline",
    "extract_to_dir": "run.pipeline",
    "extract_document": "extract.document",
    "Tables": "io.tables",
    "extract_claims": "extract.claims",
    "find_quantities": "extract.numbers",
    "parse_number": "extract.numbers",
    "load_pack": "resources.packs",
    "draft_pack": "run.draft",
    "load_actor_dictionary": "extract.actor_lexicon",
    "default_dictionary": "extract.actor_lexicon",
    "extract_mentions": "extract.mentions",
    "actor_candidates": "extract.actor_candidates",
    "extract_attributions": "extract.attribution",
    "extract_labels": "extract.labels",
    "extract_frames": "extract.frames",
    "label_shares": "aggregate.framing",
    "event_groups": "aggregate.events",
    "extract_tone": "extract.tone",
    "distinctive_words": "aggregate.distinctive",
    "log_odds": "aggregate.distinctive",
    "evaluate_gold": "run.evaluate",
    "open_report": "report.session",
    "run_reports": "report.batch",
    "save_figure": "report.plots",
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
