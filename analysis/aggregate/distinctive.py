"""Distinctive words: which words set one outlet (or group of reports) apart from the others.

The method is the log-odds ratio with an informative Dirichlet prior of Monroe, Colaresi &
Quinn (2008), "Fightin' Words: Lexical Feature Selection and Evaluation for Identifying the
Content of Political Conflict", Political Analysis 16(4), section 3.5. For a word w with
counts y_a, y_b in the two groups (totals n_a, n_b) and prior pseudo-counts alpha_w
(alpha_0 = their sum over the vocabulary):

    delta_w = log[(y_a + alpha_w) / (n_a + alpha_0 - y_a - alpha_w)]
            - log[(y_b + alpha_w) / (n_b + alpha_0 - y_b - alpha_w)]
    var_w  ~= 1 / (y_a + alpha_w) + 1 / (y_b + alpha_w)
    z_w     = delta_w / sqrt(var_w)

A positive z means the word is more typical of group a; |z| > 1.96 is the usual "clearly
distinctive" line (it is a heuristic score, not a test corrected for the thousands of words
compared).

Prior: the word counts of the whole corpus, scaled so that alpha_0 is 1% of the corpus's
tokens (:data:`ALPHA0_SHARE`). The prior then carries the corpus's word frequencies but weighs
far less than any group of reports it is compared with, so it mainly smooths rare words
(a word seen twice in one outlet does not beat a word seen 200 times). Pass ``alpha0`` to
choose another strength.

Tokens: :func:`analysis.extract.text.words` (Treebank), lower case, alphabetic only, minus the stop
words of ``lexicons/stopwords.txt``, optionally stemmed with NLTK's Porter or Snowball
stemmer (they ship with nltk).

Example:
    >>> log_odds({"x": 3, "y": 1}, {"x": 1, "y": 3}, {"x": 1, "y": 1})[["term", "z"]].round(4).values.tolist()
    [['x', 1.6008], ['y', -1.6008]]
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from ..errors import InputError
from ..extract.text import words
from ..resources.wordlists import load_stopwords

#: Columns returned by :func:`log_odds`.
LOG_ODDS_COLUMNS = ["term", "count_a", "count_b", "delta", "var", "z"]
#: Columns returned by :func:`distinctive_words`.
DISTINCTIVE_COLUMNS = ["group", "term", "count_group", "count_rest", "delta", "z"]
#: Default prior strength: alpha_0 as a share of the corpus's tokens.
ALPHA0_SHARE = 0.01


@lru_cache(maxsize=2)
def _stemmer(kind: str):
    from nltk.stem import PorterStemmer
    from nltk.stem.snowball import SnowballStemmer

    return PorterStemmer() if kind == "porter" else SnowballStemmer("english")


def _stem_kind(stem: bool | str) -> str | None:
    if stem is False or stem is None:
        return None
    if stem is True:
        return "porter"
    if stem in ("porter", "snowball"):
        return stem
    raise InputError(f"stem={stem!r}: use False, True (Porter), 'porter' or 'snowball'")


def tokens(text: str, *, stopwords: Iterable[str] | None = None, stem: bool | str = False) -> list[str]:
    """The content tokens of a text: lower case, alphabetic, no stop words, optionally stemmed.

    Args:
        text: any string.
        stopwords: words to drop (default: the bundled ``stopwords.txt``).
        stem: False, True or ``"porter"`` (Porter stemmer), or ``"snowball"`` (English Snowball).

    Example:
        >>> tokens("The rebels shelled 3 villages. Families fled.")
        ['rebels', 'shelled', 'villages', 'families', 'fled']
        >>> tokens("The rebels shelled 3 villages.", stem=True)
        ['rebel', 'shell', 'villag']
    """
    stop = load_stopwords() if stopwords is None else frozenset(w.lower() for w in stopwords)
    # the Treebank tokenizer leaves the period on sentence ends inside a text ("fled." in
    # "They fled. Others stayed."): drop it so those words are not lost
    toks = [w for w in (t.lower().rstrip(".") for t in words(text or "")) if w.isalpha() and w not in stop]
    kind = _stem_kind(stem)
    if kind:
        st = _stemmer(kind)
        toks = [st.stem(w) for w in toks]
    return toks


@lru_cache(maxsize=16384)
def _text_counts(text: str, stop: frozenset[str], kind: str | None) -> Counter:
    """Token counts of one text, remembered: report batches count the same reports again and again."""
    return Counter(tokens(text, stopwords=stop, stem=kind or False))


def log_odds(
    counts_a: Mapping[str, int] | pd.Series,
    counts_b: Mapping[str, int] | pd.Series,
    prior: Mapping[str, float] | pd.Series,
    *,
    alpha0: float | None = None,
) -> pd.DataFrame:
    """Log-odds ratio with informative Dirichlet prior (Monroe, Colaresi & Quinn 2008).

    Args:
        counts_a: term -> count in group a.
        counts_b: term -> count in group b.
        prior: term -> prior pseudo-count alpha_w; must cover every term of a and b.
        alpha0: if given, the prior is rescaled so its counts sum to ``alpha0``; None uses
            the prior as given.

    Returns:
        Columns :data:`LOG_ODDS_COLUMNS`, one row per term of a or b, sorted by ``z``
        descending (most typical of a first), ties by term.

    Raises:
        InputError: a term without prior, or a non-positive prior count.

    Example:
        >>> log_odds({"x": 3, "y": 1}, {"x": 1, "y": 3}, {"x": 1, "y": 1})["delta"].round(4).tolist()
        [1.3863, -1.3863]
    """
    a = pd.Series(counts_a, dtype="float64")
    b = pd.Series(counts_b, dtype="float64")
    pr = pd.Series(prior, dtype="float64")
    vocab = sorted(set(a.index) | set(b.index))
    missing = [t for t in vocab if t not in pr.index]
    if missing:
        raise InputError(f"log_odds: the prior has no count for {len(missing)} term(s), e.g. {missing[:3]}; use corpus counts that include both groups")
    if (pr <= 0).any() or pr.isna().any():
        bad = pr[(pr <= 0) | pr.isna()].index[:3].tolist()
        raise InputError(f"log_odds: prior counts must be positive (e.g. {bad})")
    a0 = float(pr.sum())
    if alpha0 is not None:
        if alpha0 <= 0:
            raise InputError(f"log_odds: alpha0 must be positive, got {alpha0}")
        pr = pr * (alpha0 / a0)
        a0 = float(alpha0)
    n_a, n_b = float(a.sum()), float(b.sum())
    ya = a.reindex(vocab, fill_value=0.0).to_numpy()
    yb = b.reindex(vocab, fill_value=0.0).to_numpy()
    al = pr.reindex(vocab).to_numpy()
    delta = np.log((ya + al) / (n_a + a0 - ya - al)) - np.log((yb + al) / (n_b + a0 - yb - al))
    var = 1.0 / (ya + al) + 1.0 / (yb + al)
    out = pd.DataFrame(
        {"term": vocab, "count_a": ya.astype("int64"), "count_b": yb.astype("int64"), "delta": delta, "var": var, "z": delta / np.sqrt(var)}
    )
    out = out.sort_values(["z", "term"], ascending=[False, True], kind="mergesort").reset_index(drop=True)
    return out[LOG_ODDS_COLUMNS]


def distinctive_words(
    documents: pd.DataFrame,
    *,
    by: str = "source",
    group: str | None = None,
    other: str | None = None,
    stem: bool | str = False,
    min_count: int = 5,
    top: int | None = None,
    stopwords: Iterable[str] | str | Path | None = None,
    alpha0: float | None = None,
    columns: Sequence[str] = ("title", "text"),
) -> pd.DataFrame:
    """Words most typical of each group of documents, by Monroe et al.'s log-odds z-score.

    Each group (value of ``documents[by]``) is compared with the rest of the corpus; or only
    ``group`` with the rest; or ``group`` with ``other``. The prior is the whole corpus's
    counts scaled to ``alpha0`` (default :data:`ALPHA0_SHARE` of the corpus tokens).

    Args:
        documents: the ``documents`` table (needs ``by`` and the text ``columns``).
        by: the column that defines groups.
        group: compare only this group (default: every group, in sorted order).
        other: compare ``group`` with this group instead of with the rest.
        stem: False, True/``"porter"`` or ``"snowball"``.
        min_count: keep terms seen at least this often in the two sides together.
        top: keep the ``top`` terms per group (highest z); None keeps all, sorted.
        stopwords: a collection of words, a path to a stop-word file, or None for the bundled
            ``stopwords.txt``.
        alpha0: prior strength (sum of pseudo-counts); None for the default.
        columns: text columns joined per document (FA-KES repeats the title at the start of
            the text, so its title words count twice for every outlet alike).

    Returns:
        Columns :data:`DISTINCTIVE_COLUMNS` (``count_rest`` is the count in ``other`` when
        given), sorted by group, then z descending, then term.

    Raises:
        InputError: a missing column or an unknown group.

    Example:
        >>> docs = pd.DataFrame({"source": ["a", "b"], "title": ["", ""],
        ...                      "text": ["rebels rebels rebels army", "terrorists terrorists army"]})
        >>> distinctive_words(docs, min_count=1, top=1)[["group", "term"]].values.tolist()
        [['a', 'rebels'], ['b', 'terrorists']]
    """
    _check_columns(documents, by, columns, min_count)
    per_group = _group_counts(documents, by, columns, _stop_set(stopwords), _stem_kind(stem))
    corpus: Counter = Counter()
    for c in per_group.values():
        corpus.update(c)
    n_corpus = sum(corpus.values())
    _check_groups(per_group, by, group, other)
    if n_corpus == 0:
        return pd.DataFrame({c: pd.Series(dtype=t) for c, t in zip(DISTINCTIVE_COLUMNS, ["object", "object", "int64", "int64", "float64", "float64"])})
    a0 = float(alpha0) if alpha0 is not None else max(1.0, ALPHA0_SHARE * n_corpus)
    prior = pd.Series(corpus, dtype="float64")
    frames = []
    for g in [group] if group is not None else sorted(per_group):
        counts_g = per_group[g]
        rest = per_group[other] if other is not None else corpus - counts_g
        lo = log_odds(counts_g, rest, prior, alpha0=a0)
        lo = lo[(lo["count_a"] + lo["count_b"]) >= min_count]
        if top is not None:
            lo = lo.head(top)
        frames.append(
            pd.DataFrame(
                {"group": g, "term": lo["term"], "count_group": lo["count_a"], "count_rest": lo["count_b"], "delta": lo["delta"], "z": lo["z"]}
            )
        )
    out = pd.concat(frames, ignore_index=True)
    return out[DISTINCTIVE_COLUMNS].reset_index(drop=True)


def _check_columns(documents: pd.DataFrame, by: str, columns: Sequence[str], min_count: int) -> None:
    for col in (by, *columns):
        if col not in documents.columns:
            raise InputError(f"distinctive_words: documents table has no column {col!r}")
    if min_count < 1:
        raise InputError(f"distinctive_words: min_count must be >= 1, got {min_count}")


def _stop_set(stopwords: Iterable[str] | str | Path | None) -> frozenset[str]:
    """The stop words: a file, the bundled list (None) or the words given."""
    if isinstance(stopwords, (str, Path)):
        return load_stopwords(stopwords)
    if stopwords is None:
        return load_stopwords()
    return frozenset(w.lower() for w in stopwords)


def _group_counts(documents: pd.DataFrame, by: str, columns: Sequence[str], stop: frozenset[str],
                  kind: str | None) -> dict[str, Counter]:
    """Token counts per value of ``documents[by]`` over the joined text ``columns``."""
    groups = documents[by].fillna("").astype(str).to_numpy()
    texts = documents[list(columns)].fillna("").astype(str).agg("\n".join, axis=1).to_numpy()
    per_group: dict[str, Counter] = {}
    for g, t in zip(groups, texts):
        per_group.setdefault(g, Counter()).update(_text_counts(t, stop, kind))
    return per_group


def _check_groups(per_group: Mapping[str, Counter], by: str, group: str | None, other: str | None) -> None:
    if group is not None and group not in per_group:
        raise InputError(f"distinctive_words: no documents with {by}={group!r}; groups are {sorted(per_group)}")
    if other is not None:
        if group is None:
            raise InputError("distinctive_words: 'other' needs 'group'")
        if other not in per_group:
            raise InputError(f"distinctive_words: no documents with {by}={other!r}; groups are {sorted(per_group)}")
