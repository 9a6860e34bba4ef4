"""conflict-coverage: casualty tolls, actors and framing across news reports on a war.

The helper module behind the notebooks: pure functions that read a corpus and return tidy
pandas DataFrames whose columns are a documented contract (see ``../shared/DESIGN.md`` and
README.md). Every extracted item keeps its document id, part, sentence id and character
offsets, so a number in a figure can be traced back to the sentence that states it.
"""

from __future__ import annotations

__version__ = "0.1.0"

from .errors import InputError, LexiconError  # noqa: E402
from .text import Sentence, document_sentences, quote_spans, split_sentences, words  # noqa: E402

__all__ = [
    "__version__",
    "InputError",
    "LexiconError",
    "Sentence",
    "document_sentences",
    "quote_spans",
    "split_sentences",
    "words",
]
