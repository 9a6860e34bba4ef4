"""Tone: VADER sentiment per sentence and per report.

VADER (Hutto & Gilbert 2014) scores a sentence from a lexicon of rated words plus rules for
negation, intensifiers, "but" and punctuation: ``pos``, ``neu`` and ``neg`` are the shares of
the sentence's sentiment-bearing mass, ``compound`` a normalised sum in [-1, 1]. It runs
through :class:`nltk.sentiment.vader.SentimentIntensityAnalyzer` with the lexicon file that
the ``vadersentiment`` package ships (``vaderSentiment/vader_lexicon.txt``); nothing is
downloaded. The analyzer is built once per process.

A report's score is the **unweighted mean of its sentence scores** (title sentences
included), so a long report is not more extreme than a short one and every sentence counts
alike; ``n_sentences`` says how many sentences the mean is over. A report with no sentences
gets NaN scores. Caveat: VADER was built for social-media text; on war news almost every
sentence is negative (killed, attack, wounded), so compare outlets with each other rather
than reading the sign of a score as "positive coverage".

Example:
    >>> from analysis.extract.text import document_sentences
    >>> doc, sents = extract_tone(document_sentences("d", "", "Aid arrived, a great relief. Twelve were killed."))
    >>> doc["n_sentences"], sents[0]["compound"] > 0 > sents[1]["compound"]
    (2, True)
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Sequence

from ..errors import InputError
from ..resources.registry import lexicon_path
from .text import Sentence

_SCORES = ("compound", "pos", "neu", "neg")


def _fast_classes():
    """nltk's VADER with an exact, faster ``SentiText._words_and_emoticons``.

    nltk builds, for every sentence, a dictionary of every punctuation mark glued before and
    after every word (17 x 2 x words entries) only to strip leading/trailing punctuation from
    tokens; here the same rule is applied token by token (a token ``w + p`` or ``p + w`` with
    ``p`` in ``PUNC_LIST`` and ``w`` a punctuation-free word of the sentence becomes ``w``).
    ``polarity_scores`` is nltk 3.10's, only constructing the faster class.
    """
    import string

    from nltk.sentiment.vader import SentimentIntensityAnalyzer, SentiText

    punct = string.punctuation
    # nltk's REGEX_REMOVE_PUNCTUATION deletes the characters of string.punctuation; nltk 3.10 runs
    # it through its ReDoS-guarded regex wrapper, which costs more than the whole rest of VADER
    delete_punct = str.maketrans("", "", punct)

    class _SentiText(SentiText):
        def _words_and_emoticons(self):
            words_only = {w for w in self.text.translate(delete_punct).split() if len(w) > 1}
            punc = frozenset(self.PUNC_LIST)
            out = []
            for we in self.text.split():
                if len(we) <= 1:
                    continue
                w = we.rstrip(punct)
                if len(w) < len(we) and we[len(w):] in punc and w in words_only:
                    we = w
                else:
                    w = we.lstrip(punct)
                    if len(w) < len(we) and we[: len(we) - len(w)] in punc and w in words_only:
                        we = w
                out.append(we)
            return out

    class _Analyzer(SentimentIntensityAnalyzer):
        def polarity_scores(self, text):
            sentitext = _SentiText(text, self.constants.PUNC_LIST, self.constants.REGEX_REMOVE_PUNCTUATION)
            sentiments = []
            words_and_emoticons = sentitext.words_and_emoticons
            first_index = {}
            for idx, token in enumerate(words_and_emoticons):
                first_index.setdefault(token, idx)
            for item in words_and_emoticons:
                valence = 0
                i = first_index[item]
                if (
                    i < len(words_and_emoticons) - 1
                    and item.lower() == "kind"
                    and words_and_emoticons[i + 1].lower() == "of"
                ) or item.lower() in self.constants.BOOSTER_DICT:
                    sentiments.append(valence)
                    continue
                sentiments = self.sentiment_valence(valence, sentitext, item, i, sentiments)
            sentiments = self._but_check(words_and_emoticons, sentiments)
            return self.score_valence(sentiments, text)

    return _Analyzer


def analyzer(path: str | Path | None = None):
    """The NLTK VADER analyzer over a VADER lexicon file (built once per file).

    Args:
        path: the lexicon file (default: the registry's ``vader``, the file the
            ``vadersentiment`` package ships).

    The lexicon's folder is added to ``nltk.data.path`` and the file is passed by name, so
    NLTK reads it without any downloaded data. NLTK 3.10's loader refuses files with more
    than one hard link (its guard against links out of a data folder), and installers such as
    ``uv`` hard-link package files from their cache; in that case the same file is read as
    UTF-8 text here and handed to the analyzer exactly as ``nltk.data.load`` would.
    """
    return _analyzer(str(Path(path) if path is not None else lexicon_path("vader")))


@lru_cache(maxsize=4)
def _analyzer(file: str):
    import nltk
    from nltk.sentiment.vader import VaderConstants

    SentimentIntensityAnalyzer = _fast_classes()

    path = Path(file)
    folder = str(path.parent)
    if folder not in nltk.data.path:
        nltk.data.path.append(folder)
    try:
        return SentimentIntensityAnalyzer(lexicon_file=path.name)
    except PermissionError:
        pass  # hard-linked file: read it ourselves below
    except LookupError as exc:  # pragma: no cover - only if nltk's resolver changes
        raise InputError(f"tone: NLTK could not load the VADER lexicon {path}: {exc}") from None
    sia = SentimentIntensityAnalyzer.__new__(SentimentIntensityAnalyzer)
    sia.lexicon_file = path.read_text(encoding="utf-8")
    sia.lexicon = sia.make_lex_dict()
    sia.constants = VaderConstants()
    return sia


def extract_tone(sentences: Sequence[Sentence], *, doc_id: str | None = None, vader: str | Path | None = None) -> tuple[dict, list[dict]]:
    """VADER tone of one document and of each of its sentences.

    Args:
        sentences: the sentences of one document (``analysis.extract.text.document_sentences``).
        doc_id: the id for the document record (default: the sentences' ``doc_id``; give it
            so that a document without sentences keeps its id).
        vader: the VADER lexicon file (default: the registry's ``vader``).

    Returns:
        ``(doc_record, sentence_records)``: the document's record has the keys of
        :data:`TONE_COLUMNS` (each score the mean of the sentence scores); each sentence
        record the keys of :data:`SENTENCE_TONE_COLUMNS`. For no sentences the document's
        scores are NaN and ``n_sentences`` is 0.

    Example:
        >>> from analysis.extract.text import document_sentences
        >>> doc, _ = extract_tone(document_sentences("d", "", "Peace is good."))
        >>> doc["doc_id"], doc["compound"] > 0
        ('d', True)
    """
    sia = analyzer(vader)
    rows: list[dict] = []
    for s in sentences:
        sc = sia.polarity_scores(s.text)
        rows.append(
            {
                "doc_id": s.doc_id,
                "part": s.part,
                "sent_id": s.sent_id,
                "start": s.start,
                "end": s.end,
                **{k: float(sc[k]) for k in _SCORES},
            }
        )
    n = len(rows)
    doc = {"doc_id": doc_id if doc_id is not None else (sentences[0].doc_id if n else "")}
    for k in _SCORES:
        doc[k] = sum(r[k] for r in rows) / n if n else float("nan")
    doc["n_sentences"] = n
    return doc, rows
