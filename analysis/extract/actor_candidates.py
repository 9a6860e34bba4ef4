"""Unknown actors: frequent capitalised names that the actor dictionary does not cover.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Any, Iterable, Sequence

import pandas as pd

from ..resources.vocabulary import (
    MONTH_ABBREVIATIONS,
    MONTHS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
)
from .actor_dictionary import ActorDictionary
from .actor_lexicon import default_dictionary

CANDIDATE_COLUMNS = ["name", "count", "n_docs", "example_doc_id", "example_sentence"]

_LOCATIVE = re.compile(r"\b(?:in|near|outside|around|into|across|towards?|from|at|of the town of|of the city of|province of|countryside of)\s+(?:the\s+)?$", re.I)

_CAP_SEQ = re.compile(r"\b(?:[A-Z][\w’'-]*[a-z][\w’'-]*|[A-Z]{2,})(?:\s+(?:(?:al|el|bin|ibn|de|of|for|the|and)[-\s]+)?(?:[A-Z][\w’'-]*[a-z][\w’'-]*|[A-Z]{2,}))*")

_SKIP_WORDS = frozenset(
    """the a an this that these those it its he she they we i in on at by for from with after before
    but and or as if when while since during meanwhile however also there here his her their our
    syria syrian syrians middle east news photo video related read more
    according today yesterday earlier later last next some many several most one two three four
    five six seven eight nine ten other others following all both each local more security""".split()
) | frozenset(MONTHS + MONTH_ABBREVIATIONS + WEEKDAYS + WEEKDAY_ABBREVIATIONS)


def actor_candidates(sentence_lists: Iterable[Sequence[Any]], *, dictionary: ActorDictionary | None = None, min_count: int = 2, places: Iterable[str] = ()) -> pd.DataFrame:
    """Frequent capitalised names that the actor dictionary does not cover.

    Capitalised word sequences ("Jaish al-Umma", "Abu Mohammad") are counted over all
    sentences, after dropping words covered by the dictionary, sentence-initial common words,
    months and weekdays, names in ``places`` (e.g. the corpus's locations), and names that
    mostly follow a locative preposition ("in X", "near X": places). Use it to find actors to
    add to a user dictionary.

    Args:
        sentence_lists: one Sentence list per document.
        dictionary: the actor dictionary; the bundled one by default.
        min_count: the minimum number of occurrences.
        places: place names to leave out (compared case-insensitively).

    Returns:
        A DataFrame with :data:`CANDIDATE_COLUMNS`, sorted by count (descending) then name.

    Example:
        >>> from analysis.extract.text import document_sentences
        >>> docs = [document_sentences(f"d{i}", None, "The Lions Brigade attacked. SANA said so.") for i in range(2)]
        >>> actor_candidates(docs)[["name", "count", "n_docs"]].values.tolist()
        [['Lions Brigade', 2, 2]]
    """

    d = dictionary or default_dictionary()
    skip_places = {p.lower() for p in places}
    known = d.one_word_names()
    drop = _SKIP_WORDS | known
    counts: Counter[str] = Counter()
    locative: Counter[str] = Counter()
    docs: dict[str, set[str]] = defaultdict(set)
    example: dict[str, tuple[str, str]] = {}
    for sents in sentence_lists:
        for s in sents:
            text = s.text
            covered = bytearray(len(text))
            for m in d.find(text):
                covered[m.start : m.end] = b"\x01" * (m.end - m.start)
            if sum(c.isupper() for c in text) > 0.5 * max(1, sum(c.isalpha() for c in text)):
                continue  # an all-caps headline
            for m in _CAP_SEQ.finditer(text):
                if any(covered[m.start() : m.end()]):
                    continue
                words = m.group().split()
                words = [re.sub(r"(?:['’]s?|(?<=[a-z]{3})s)$", "", w) if w.lower().rstrip("s’'") in known else w for w in words]
                while words and words[0].lower().strip("’'") in drop:
                    words = words[1:]
                while words and words[-1].lower() in drop | {"of", "for", "the", "and", "al", "el", "de"}:
                    words = words[:-1]
                if not words or len(words) == 1 and text[: m.start()].strip(" \"“'‘(") == "":
                    continue  # a capitalised first word of a sentence is not a name
                name = re.sub(r"(?:['’]s|['’])$", "", " ".join(words))
                if name.lower() in skip_places or name.lower() in _SKIP_WORDS or len(name) < 3:
                    continue
                counts[name] += 1
                if _LOCATIVE.search(text, max(0, m.start() - 12), m.start()):
                    locative[name] += 1
                docs[name].add(s.doc_id)
                example.setdefault(name, (s.doc_id, text))
    rows = [
        {"name": n, "count": c, "n_docs": len(docs[n]), "example_doc_id": example[n][0], "example_sentence": example[n][1]}
        for n, c in counts.items() if c >= min_count and locative[n] * 2 < c  # mostly "in X": a place
    ]
    df = pd.DataFrame(rows, columns=CANDIDATE_COLUMNS)
    return df.sort_values(["count", "name"], ascending=[False, True], kind="stable").reset_index(drop=True)
