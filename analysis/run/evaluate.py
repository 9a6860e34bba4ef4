"""Evaluation: score the casualty-claim and actor extraction against gold JSONL files.

The gold format is the one of ``../shared/gold/`` (see ``GUIDELINES.md``): one JSON object
per report with ``doc_id``, ``title`` (may be null), ``text``, ``date``, ``claims`` and
``actors``. A file whose records have ``actors_annotated: false`` (claims only, such as
``outside-dev.jsonl``) skips the actor scores, including the source and perpetrator of claims;
one with ``claims_annotated: false`` (actors only, such as ``data/gold/muc4-actors.jsonl``)
skips the claim scores. A record without ``text`` takes its title, text and date from a
corpus that holds its ``doc_id`` (``corpus=``, e.g. ``../shared/data/muc4-dev.jsonl``). The
extraction runs on those texts, so the scores measure the rules, not the corpus loader.

Scores:

* numeric claims: precision/recall/F1 over the set of ``(category, min, max)`` per report
  (non-vague claims; a repeated toll counts once, as in the gold);
* vague claims: the same over ``(category, vague word)``;
* attributes on matched numeric claims: accuracy of ``qualifier``, ``scope``,
  ``source_actor`` and ``perpetrator_actor`` (gold ``"UNSURE"`` skipped; null = null is right);
* actors: micro precision/recall/F1 of the set of group ids per report, and F1 per group.

:func:`evaluate_all` scores several gold files, and MUC-4 DEV's answer keys with
:func:`analysis.run.muc4.score_muc4`, into one table (:func:`summary_table`).

Example:
    >>> ev = evaluate_gold("../shared/gold/dev.jsonl")      # doctest: +SKIP
    >>> print(ev.to_text())                                 # doctest: +SKIP
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

import pandas as pd

from ..errors import InputError, brief, printable
from ..extract.claims import extract_claims
from ..extract.document import Lexicons, load_lexicons
from ..extract.mentions import extract_mentions
from ..extract.text import Sentence, document_sentences
from ..io.decoding import json_value
from ..io.sanitize import write_csv
from ..paths import DATA_DIR, SHARED_DIR
from .muc4 import Muc4Score, load_muc4, muc4_claims, score_muc4

__all__ = [
    "ERROR_COLUMNS", "GROUP_COLUMNS", "Evaluation", "corpus_texts", "evaluate_all", "evaluate_gold",
    "gold_files", "prf", "read_gold", "summary_table", "summary_text",
]

#: Columns of :attr:`Evaluation.misses` and :attr:`Evaluation.false_alarms`.
ERROR_COLUMNS = ["doc_id", "category", "min", "max", "vague", "qualifier", "quote", "sentence"]
#: Columns of :attr:`Evaluation.per_group`.
GROUP_COLUMNS = ["actor_id", "gold", "predicted", "true_pos", "precision", "recall", "f1"]
#: Where ``evaluate`` looks with no file given: the shared gold sets and the project's own.
DEFAULT_GOLD_DIRS = (SHARED_DIR / "gold", DATA_DIR / "gold")
#: The MUC-4 DEV corpus with answer keys (texts for gold files that reference its ids).
MUC4_DEV = SHARED_DIR / "data" / "muc4-dev.jsonl"
_REQUIRED = ("doc_id", "claims", "actors")
_ATTRIBUTES = ("qualifier", "scope", "source_actor", "perpetrator_actor")
_ACTOR_ATTRIBUTES = ("source_actor", "perpetrator_actor")


@dataclass
class Evaluation:
    """The scores of one gold evaluation.

    Attributes:
        metrics: metric name -> value (P/R/F1 and accuracies, counts); None where the gold
            annotates nothing to score (actors of a claims-only file, no vague claims at all).
        misses: gold claims the extraction did not find (:data:`ERROR_COLUMNS`).
        false_alarms: extracted claims absent from the gold (:data:`ERROR_COLUMNS`).
        per_group: actor F1 per group id (:data:`GROUP_COLUMNS`), empty if actors unavailable.
        attribute_errors: matched claims whose attribute differs from the gold.
        path: the gold file.
        claims_annotated, actors_annotated: what the gold file annotates.
    """

    metrics: dict[str, float | None]
    misses: pd.DataFrame
    false_alarms: pd.DataFrame
    per_group: pd.DataFrame
    attribute_errors: pd.DataFrame = field(default_factory=pd.DataFrame)
    path: str = ""
    claims_annotated: bool = True
    actors_annotated: bool = True

    @property
    def name(self) -> str:
        """The gold file's name without ``.jsonl`` (a column of the summary table)."""
        return Path(self.path).stem

    def write(self, out_dir: str | Path) -> list[Path]:
        """Write ``metrics.csv``, ``per_group.csv``, ``misses.csv``, ``false_alarms.csv`` and
        ``attribute_errors.csv`` into ``out_dir`` (created if missing)."""
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        tables = {
            "metrics": pd.DataFrame(list(self.metrics.items()), columns=["metric", "value"]),
            "per_group": self.per_group,
            "misses": self.misses,
            "false_alarms": self.false_alarms,
            "attribute_errors": self.attribute_errors,
        }
        written = []
        for name, df in tables.items():
            path = out / f"{name}.csv"
            write_csv(df, path)
            written.append(path)
        return written

    def to_text(self) -> str:
        """The printed report: metrics, per-group actor F1, misses, false alarms."""
        lines = [f"Gold evaluation: {self.path}", "", "metric                         value"]
        for k, v in self.metrics.items():
            lines.append(f"{k:<30} {_cell(v):>7}")
        lines += ["", "Actor F1 per group"]
        if self.per_group.empty:
            lines.append("  (not available)")
        else:
            for r in self.per_group.itertuples(index=False):
                lines.append(f"  {r.actor_id:<12} gold {r.gold:>3}  pred {r.predicted:>3}  "
                             f"P {r.precision:.2f}  R {r.recall:.2f}  F1 {r.f1:.2f}")
        return "\n".join(lines) + "\n" + (self.errors_text() if self.claims_annotated else "")

    def errors_text(self) -> str:
        """The misses and false alarms, one line each."""
        lines: list[str] = []
        for title, df in (("Misses (in gold, not extracted)", self.misses),
                          ("False alarms (extracted, not in gold)", self.false_alarms)):
            lines += ["", f"{title}: {len(df)}"]
            for r in df.itertuples(index=False):
                num = r.vague if isinstance(r.vague, str) else (
                    f"{_int(r.min)}" if _int(r.min) == _int(r.max) else f"{_int(r.min)}-{_int(r.max)}")
                lines.append(f"  {r.doc_id:<12} {r.category:<10} {num:<12} {r.qualifier or '':<10} {r.quote}")
        return "\n".join(lines) + "\n"


def _cell(value: Any) -> str:
    """A metric as printed: 3 decimals for rates, integers as they are, "-" for nothing to score."""
    if value is None:
        return "-"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def _int(value: Any) -> Any:
    """An integer for display (pandas stores missing counts as NaN)."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return value


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts (0.0 when undefined).

    Example:
        >>> prf(8, 10, 16)
        (0.8, 0.5, 0.6153846153846154)
    """
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


# --------------------------------------------------------------------------- reading gold

def corpus_texts(paths: Iterable[str | Path]) -> dict[str, dict[str, Any]]:
    """doc_id -> {title, text, date} of every document of the corpora at ``paths``."""
    from ..io.documents import load_corpus

    out: dict[str, dict[str, Any]] = {}
    for path in paths:
        docs = load_corpus(path).documents
        for doc_id, title, text, date in zip(docs["doc_id"], docs["title"], docs["text"], docs["date"]):
            out[str(doc_id)] = {"title": title if isinstance(title, str) else None, "text": text,
                                "date": None if pd.isna(date) else str(date)[:10]}
    return out


def read_gold(path: str | Path, *, texts: Mapping[str, Mapping[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Read and validate a gold JSONL file.

    Args:
        path: the gold file.
        texts: doc_id -> {title, text, date} for records that carry no text (:func:`corpus_texts`).

    Raises:
        InputError: unreadable file, a line that is not UTF-8 or not a JSON object, a missing
            or wrongly typed field, or a record without text that ``texts`` does not hold (the
            message names the file and line).
    """
    p = Path(path)
    try:
        if not p.is_file():
            raise InputError(f"{p}: gold file not found")
        with p.open("rb") as fh:
            return [rec for lineno, raw in enumerate(fh, 1) if (rec := _gold_record(p, lineno, raw, texts)) is not None]
    except OSError as exc:
        raise InputError(f"{printable(p, limit=120)}: cannot read the gold file ({exc.strerror})") from None


def _gold_record(p: Path, lineno: int, raw: bytes, texts: Mapping[str, Mapping[str, Any]] | None
                 ) -> dict[str, Any] | None:
    """One validated gold line (None for a blank line); a record without ``text`` takes it from ``texts``."""
    where = f"{p}: line {lineno}"
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{where}: not valid UTF-8 (byte {exc.start + 1}); save the file as UTF-8") from None
    if not line.strip():
        return None
    try:
        rec = json_value(line)
    except ValueError as exc:
        raise InputError(f"{where}: not valid JSON ({exc}); fix or remove that line") from None
    if not isinstance(rec, dict):
        raise InputError(f"{where}: expected a JSON object per line")
    missing = [k for k in _REQUIRED if k not in rec]
    if missing:
        raise InputError(f"{where}: missing field(s) {', '.join(missing)}")
    if not isinstance(rec["doc_id"], (str, int)) or isinstance(rec["doc_id"], bool):
        raise InputError(f"{where}: 'doc_id' must be a string")
    for key in ("text", "title", "date"):
        if key in rec and not isinstance(rec[key], str) and not (key != "text" and rec[key] is None):
            raise InputError(f"{where}: {key!r} must be a string{'' if key == 'text' else ' or null'}, "
                             f"got {type(rec[key]).__name__}")
    if not isinstance(rec["claims"], list) or not isinstance(rec["actors"], list):
        raise InputError(f"{where}: 'claims' and 'actors' must be lists")
    if not all(isinstance(a, str) for a in rec["actors"]):
        raise InputError(f"{where}: 'actors' must be a list of group ids (strings)")
    for c in rec["claims"]:
        if not isinstance(c, dict) or "category" not in c or "min" not in c or "max" not in c:
            raise InputError(f"{where}: each claim needs category, min and max")
        if not _claim_ok(c):
            raise InputError(f"{where}: a claim's category, qualifier and vague must be strings, min and max "
                             f"whole numbers or null: {brief(c)}")
    return rec if "text" in rec else _with_text(rec, where, texts)


def _with_text(rec: dict[str, Any], where: str, texts: Mapping[str, Mapping[str, Any]] | None) -> dict[str, Any]:
    """A gold record without text, completed with the title, text and date of its doc_id in a corpus."""
    doc = (texts or {}).get(str(rec["doc_id"]))
    if doc is None:
        raise InputError(f"{where}: no 'text' for doc_id {printable(rec['doc_id'], limit=80)!r}; pass the corpus that "
                         "holds it with --corpus (e.g. ../shared/data/muc4-dev.jsonl)")
    return {**doc, **rec, "text": doc["text"]}


def _claim_ok(c: dict[str, Any]) -> bool:
    def count(v: Any) -> bool:
        return v is None or (isinstance(v, int) and not isinstance(v, bool))

    texts = all(c.get(k) is None or isinstance(c.get(k), str) for k in ("qualifier", "vague", "quote", "scope",
                                                                        "source_actor", "perpetrator_actor"))
    return isinstance(c["category"], str) and count(c["min"]) and count(c["max"]) and texts


def _needs_texts(path: str | Path) -> bool:
    """Whether any record of a gold file lacks ``text`` (a cheap scan before loading a corpus)."""
    try:
        with Path(path).open("rb") as fh:
            return any(line.strip() and b'"text"' not in line for line in fh)
    except OSError:
        return False  # read_gold names the problem


# --------------------------------------------------------------------------- scoring

@dataclass
class _Tally:
    """Running counts and error rows over the reports of one gold file."""

    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(
        ("tp", "n_pred", "n_gold", "vtp", "vn_pred", "vn_gold", "atp", "an_pred", "an_gold"), 0))
    attr_hits: dict[str, int] = field(default_factory=lambda: dict.fromkeys(_ATTRIBUTES, 0))
    attr_total: dict[str, int] = field(default_factory=lambda: dict.fromkeys(_ATTRIBUTES, 0))
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_alarms: list[dict[str, Any]] = field(default_factory=list)
    attr_errors: list[dict[str, Any]] = field(default_factory=list)
    groups: dict[str, list[int]] = field(default_factory=dict)


def _keyed(claims: Iterable[Mapping[str, Any]], *, vague: bool) -> dict[tuple, list[Mapping[str, Any]]]:
    """Claims by their key: (category, vague word) for vague ones, (category, min, max) for numeric."""
    out: dict[tuple, list[Mapping[str, Any]]] = {}
    for c in claims:
        is_vague = bool(c.get("vague")) or c.get("min") is None
        if is_vague == vague:
            key = (c["category"], c.get("vague")) if vague else (c["category"], c["min"], c["max"])
            out.setdefault(key, []).append(c)
    return out


def _pick(preds: list[Mapping[str, Any]], quote: str | None, sent_starts: dict[int, int]) -> Mapping[str, Any]:
    """Among predicted occurrences of one key, the one that best overlaps the gold quote."""
    if not quote or len(preds) == 1:
        return preds[0]
    q = " ".join(quote.split()).lower()
    best, best_score = preds[0], -1.0
    for p in preds:
        sent = " ".join(p["sentence"].split()).lower()
        pos = sent.find(q)
        if pos >= 0:
            lo = p["start"] - sent_starts.get(p["sent_id"], 0)
            hi = p["end"] - sent_starts.get(p["sent_id"], 0)
            overlap = max(0, min(hi, pos + len(q)) - max(lo, pos))
            score = 1000.0 + overlap - abs(lo - pos) / 1000.0
        else:
            qw = set(q.split())
            score = len(qw & set(sent.split())) / (len(qw) or 1)
        if score > best_score:
            best, best_score = p, score
    return best


def _error_row(doc_id: str, key: tuple, claim: Mapping[str, Any], *, gold: bool) -> dict[str, Any]:
    """A row of the misses (``gold``) or false alarms table."""
    vague = key[1] if len(key) == 2 else None
    lo, hi = (None, None) if len(key) == 2 else key[1:]
    return {"doc_id": doc_id, "category": key[0], "min": lo, "max": hi, "vague": vague,
            "qualifier": "vague" if vague and gold else claim.get("qualifier"), "quote": claim.get("quote"),
            "sentence": None if gold else claim.get("sentence")}


def _score_attributes(t: _Tally, doc_id: str, key: tuple, g: Mapping[str, Any], p: Mapping[str, Any],
                      attributes: tuple[str, ...]) -> None:
    """Accuracy of qualifier, scope, source and perpetrator on one matched claim."""
    for a in attributes:
        gv = g.get(a)
        if gv == "UNSURE":
            continue
        t.attr_total[a] += 1
        if gv == p.get(a):
            t.attr_hits[a] += 1
        else:
            t.attr_errors.append({"doc_id": doc_id, "attribute": a, "gold": gv, "predicted": p.get(a),
                                  "category": key[0], "min": key[1], "quote": g.get("quote"), "sentence": p["sentence"]})


def _score_claims(t: _Tally, rec: Mapping[str, Any], sents: list[Sentence], lex: Lexicons,
                  attributes: tuple[str, ...]) -> None:
    """Numeric and vague claims of one report against its gold claims."""
    doc_id = str(rec["doc_id"])
    preds = extract_claims(sents, dictionary=lex.actors if "source_actor" in attributes else False,
                           date=rec.get("date"), words=lex.casualties)
    sent_starts = {s.sent_id: s.start for s in sents}
    for vague, (tp, n_pred, n_gold) in ((False, ("tp", "n_pred", "n_gold")), (True, ("vtp", "vn_pred", "vn_gold"))):
        pred_keys, gold_keys = _keyed(preds, vague=vague), _keyed(rec["claims"], vague=vague)
        t.counts[n_pred] += len(pred_keys)
        t.counts[n_gold] += len(gold_keys)
        for key, gs in gold_keys.items():
            if key not in pred_keys:
                t.misses.append(_error_row(doc_id, key, gs[0], gold=True))
                continue
            t.counts[tp] += 1
            if not vague:
                _score_attributes(t, doc_id, key, gs[0], _pick(pred_keys[key], gs[0].get("quote"), sent_starts), attributes)
        t.false_alarms += [_error_row(doc_id, key, ps[0], gold=False) for key, ps in pred_keys.items() if key not in gold_keys]


def _score_actors(t: _Tally, rec: Mapping[str, Any], sents: list[Sentence], lex: Lexicons) -> None:
    """The set of group ids one report mentions against its gold set."""
    mentions = extract_mentions(sents, dictionary=lex.actors, date=rec.get("date"), parties=lex.party_matcher)
    pred_set = {m["actor_id"] for m in mentions if m.get("actor_id")}
    gold_set = set(rec["actors"])
    t.counts["atp"] += len(pred_set & gold_set)
    t.counts["an_pred"] += len(pred_set)
    t.counts["an_gold"] += len(gold_set)
    for gid in pred_set | gold_set:
        c = t.groups.setdefault(gid, [0, 0, 0])
        c[0] += gid in gold_set
        c[1] += gid in pred_set
        c[2] += gid in gold_set and gid in pred_set


def _prf_metrics(prefix: str, tp: int, n_pred: int, n_gold: int) -> dict[str, float | None]:
    """``{prefix}_precision/recall/f1``; None when neither gold nor extraction has any."""
    if not n_pred and not n_gold:
        return dict.fromkeys((f"{prefix}_precision", f"{prefix}_recall", f"{prefix}_f1"))
    p, r, f = prf(tp, n_pred, n_gold)
    return {f"{prefix}_precision": p, f"{prefix}_recall": r, f"{prefix}_f1": f}


def _metrics(t: _Tally, reports: int, claims_on: bool, actors_on: bool) -> dict[str, float | None]:
    """The metrics of a finished tally; the parts the gold does not annotate are None."""
    c = t.counts
    m: dict[str, float | None] = {"reports": reports}
    m.update({"numeric_gold": c["n_gold"], "numeric_predicted": c["n_pred"], "numeric_matched": c["tp"]}
             if claims_on else dict.fromkeys(("numeric_gold", "numeric_predicted", "numeric_matched")))
    m.update(_prf_metrics("numeric", c["tp"], c["n_pred"], c["n_gold"]) if claims_on else _prf_metrics("numeric", 0, 0, 0))
    m.update({"vague_gold": c["vn_gold"], "vague_predicted": c["vn_pred"], "vague_matched": c["vtp"]}
             if claims_on else dict.fromkeys(("vague_gold", "vague_predicted", "vague_matched")))
    m.update(_prf_metrics("vague", c["vtp"], c["vn_pred"], c["vn_gold"]))
    for a in _ATTRIBUTES:
        total = t.attr_total[a]
        m[f"{a}_accuracy"] = t.attr_hits[a] / total if total else None
    m.update(_prf_metrics("actors", c["atp"], c["an_pred"], c["an_gold"]) if actors_on else _prf_metrics("actors", 0, 0, 0))
    return m


def _per_group(t: _Tally) -> pd.DataFrame:
    rows = []
    for gid in sorted(t.groups):
        g_n, p_n, t_n = t.groups[gid]
        gp, gr, gf = prf(t_n, p_n, g_n)
        rows.append({"actor_id": gid, "gold": g_n, "predicted": p_n, "true_pos": t_n, "precision": gp, "recall": gr, "f1": gf})
    return pd.DataFrame(rows, columns=GROUP_COLUMNS)


def _errors_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=ERROR_COLUMNS)
    return df.astype({"min": "Int64", "max": "Int64"})


def evaluate_gold(path: str | Path, *, lexicons: Mapping[str, str | Path] | None = None,
                  corpus: Iterable[str | Path] | None = None, pack: str | Path | None = None) -> Evaluation:
    """Run the extraction on the texts of a gold file and score it.

    Args:
        path: a gold JSONL file (fields doc_id, title, text, date, claims, actors; optional
            ``claims_annotated`` / ``actors_annotated``, true by default).
        lexicons: ``{name: path}`` overrides of the lexicon registry (default: the bundled ones).
        corpus: corpora (paths) to take the texts from for records without ``text``.
        pack: the conflict pack whose group ids the gold uses (default: the records' ``pack``
            field when they all give one, else the Syria pack).

    Returns:
        An :class:`Evaluation`; ``print(ev.to_text())`` shows the report.

    Raises:
        InputError: a malformed gold file, or a record without text in no given corpus.

    Example:
        >>> ev = evaluate_gold("../shared/gold/dev.jsonl")   # doctest: +SKIP
        >>> round(ev.metrics["numeric_f1"], 2)               # doctest: +SKIP
        0.99
    """
    texts = corpus_texts(corpus) if corpus and Path(path).is_file() and _needs_texts(path) else None
    gold = read_gold(path, texts=texts)
    lex = load_lexicons(lexicons, pack=pack or _gold_pack(gold))
    claims_on = all(rec.get("claims_annotated", True) for rec in gold)
    actors_on = all(rec.get("actors_annotated", True) for rec in gold)
    attributes = _ATTRIBUTES if actors_on else tuple(a for a in _ATTRIBUTES if a not in _ACTOR_ATTRIBUTES)
    t = _Tally()
    for rec in gold:
        sents = document_sentences(str(rec["doc_id"]), rec.get("title"), rec.get("text"))
        if claims_on:
            _score_claims(t, rec, sents, lex, attributes)
        if actors_on:
            _score_actors(t, rec, sents, lex)
    return Evaluation(metrics=_metrics(t, len(gold), claims_on, actors_on), misses=_errors_frame(t.misses),
                      false_alarms=_errors_frame(t.false_alarms), per_group=_per_group(t),
                      attribute_errors=pd.DataFrame(t.attr_errors), path=str(path),
                      claims_annotated=claims_on, actors_annotated=actors_on)


# --------------------------------------------------------------------------- several files, one table

def _gold_pack(gold: list[dict[str, Any]]) -> str | None:
    """The pack a gold file's records name (``"pack": "muc4"``), when they all name the same one."""
    packs = {rec.get("pack") for rec in gold}
    return packs.pop() if len(packs) == 1 else None


def gold_files(paths: Iterable[str | Path] | None = None) -> list[Path]:
    """The gold files at ``paths`` (files, or folders read for ``*.jsonl``); by default
    :data:`DEFAULT_GOLD_DIRS` (the shared gold sets, then the project's ``data/gold``).

    Raises:
        InputError: a path that does not exist, or no gold file at all.
    """
    given = list(paths or [])
    out: list[Path] = []
    for p in (Path(x) for x in (given or DEFAULT_GOLD_DIRS)):
        if p.is_dir():
            out += sorted(p.glob("*.jsonl"))
        elif p.is_file():
            out.append(p)
        elif given:
            raise InputError(f"{p}: no such gold file or folder")
    if not out:
        raise InputError(f"no gold files in {', '.join(str(p) for p in (given or DEFAULT_GOLD_DIRS))}; "
                         "pass a gold JSONL file or folder")
    return out


def evaluate_all(paths: Iterable[str | Path] | None = None, *, corpus: Iterable[str | Path] | None = None,
                 lexicons: Mapping[str, str | Path] | None = None,
                 muc4: str | Path | None = None, pack: str | Path | None = None) -> tuple[list[Evaluation], Muc4Score | None]:
    """Score every gold file of :func:`gold_files` and, if ``muc4`` is a MUC-4 keyed corpus, its key counts.

    Records without text take theirs from ``corpus`` (default: the ``muc4`` file when given).
    """
    corpora = list(corpus or ([muc4] if muc4 else []))
    evaluations = [evaluate_gold(p, lexicons=lexicons, corpus=corpora, pack=pack) for p in gold_files(paths)]
    if muc4 is None:
        return evaluations, None
    records = load_muc4(muc4)
    lex = load_lexicons(lexicons)
    claims = muc4_claims(records, words=lex.casualties)
    score = score_muc4({r["doc_id"]: r["text"] for r in records}, {r["doc_id"]: r for r in records}, claims)
    return evaluations, score


#: Rows of the summary table: (label, metric key); MUC-4 rows read :class:`Muc4Score` metrics.
_SUMMARY_ROWS = [
    ("reports", "reports"), ("numeric claims in gold", "numeric_gold"), ("  extracted", "numeric_predicted"),
    ("  matched", "numeric_matched"), ("numeric precision", "numeric_precision"), ("numeric recall", "numeric_recall"),
    ("numeric F1", "numeric_f1"), ("vague claims F1", "vague_f1"), ("qualifier accuracy", "qualifier_accuracy"),
    ("scope accuracy", "scope_accuracy"), ("source_actor accuracy", "source_actor_accuracy"),
    ("perpetrator_actor accuracy", "perpetrator_actor_accuracy"), ("actor sets precision", "actors_precision"),
    ("actor sets recall", "actors_recall"), ("actor sets F1", "actors_f1"),
]
_MUC4_ROWS = [
    ("reports", "texts"), ("MUC-4 key counts written (>= 2)", "units"), ("MUC-4 recall, same category", "recall"),
    ("MUC-4 recall, any category", "recall_any_category"), ("texts without casualties", "fa_texts"),
    ("false-alarm rate (numeric)", "false_alarm_rate"), ("false-alarm rate (incl. vague)", "false_alarm_rate_vague"),
]


def summary_table(evaluations: list[Evaluation], muc4: Muc4Score | None = None, *, muc4_name: str = "muc4-dev") -> pd.DataFrame:
    """One table: a row per metric, a column per gold file (and MUC-4 DEV); None where not scored."""
    columns = {ev.name: {label: ev.metrics.get(key) for label, key in _SUMMARY_ROWS} for ev in evaluations}
    rows = [label for label, _ in _SUMMARY_ROWS]
    if muc4 is not None:
        rows += [label for label, _ in _MUC4_ROWS if label not in rows]
        columns[muc4_name] = {label: muc4.metrics.get(key) for label, key in _MUC4_ROWS}
    return pd.DataFrame([[columns[c].get(r) for c in columns] for r in rows], index=rows, columns=list(columns),
                        dtype=object)


def summary_text(table: pd.DataFrame) -> str:
    """The summary table as printed text (rates to 3 decimals, "-" where not scored)."""
    width = max(len(str(i)) for i in table.index) + 2
    col = max(12, *(len(str(c)) + 2 for c in table.columns))
    lines = [" " * width + "".join(f"{c:>{col}}" for c in table.columns)]
    for label, row in table.iterrows():
        lines.append(f"{label:<{width}}" + "".join(f"{_cell(_number(v)):>{col}}" for v in row))
    return "\n".join(lines) + "\n"


def _number(value: Any) -> Any:
    """None for nothing to score (also a missing cell), else the value."""
    return None if value is None or (isinstance(value, float) and pd.isna(value)) else value
