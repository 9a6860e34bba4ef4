"""Evaluation: score the casualty-claim and actor extraction against a gold JSONL file.

The gold format is the one of ``../shared/gold/`` (see ``GUIDELINES.md``): one JSON object
per report with ``doc_id``, ``title`` (may be null), ``text``, ``date``, ``claims`` and
``actors``. The extraction runs on the texts inside the gold file, so the scores measure the
rules, not the corpus loader.

Scores:

* numeric claims: precision/recall/F1 over the set of ``(category, min, max)`` per report
  (non-vague claims; a repeated toll counts once, as in the gold);
* vague claims: the same over ``(category, vague word)``;
* attributes on matched numeric claims: accuracy of ``qualifier``, ``scope``,
  ``source_actor`` and ``perpetrator_actor`` (gold ``"UNSURE"`` skipped; null = null is right);
* actors: micro precision/recall/F1 of the set of group ids per report, and F1 per group.

Example:
    >>> ev = evaluate_gold("../shared/gold/dev.jsonl")      # doctest: +SKIP
    >>> print(ev.to_text())                                 # doctest: +SKIP
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

import pandas as pd

from ..errors import InputError, brief, printable
from ..extract.claims import extract_claims
from ..extract.document import load_lexicons
from ..extract.mentions import extract_mentions
from ..extract.text import document_sentences
from ..io.decoding import json_value

__all__ = ["Evaluation", "ERROR_COLUMNS", "GROUP_COLUMNS", "evaluate_gold", "read_gold", "prf"]

#: Columns of :attr:`Evaluation.misses` and :attr:`Evaluation.false_alarms`.
ERROR_COLUMNS = ["doc_id", "category", "min", "max", "vague", "qualifier", "quote", "sentence"]
#: Columns of :attr:`Evaluation.per_group`.
GROUP_COLUMNS = ["actor_id", "gold", "predicted", "true_pos", "precision", "recall", "f1"]
_REQUIRED = ("doc_id", "text", "claims", "actors")
_ATTRIBUTES = ("qualifier", "scope", "source_actor", "perpetrator_actor")


@dataclass
class Evaluation:
    """The scores of one gold evaluation.

    Attributes:
        metrics: metric name -> value (P/R/F1 and accuracies, counts).
        misses: gold claims the extraction did not find (:data:`ERROR_COLUMNS`).
        false_alarms: extracted claims absent from the gold (:data:`ERROR_COLUMNS`).
        per_group: actor F1 per group id (:data:`GROUP_COLUMNS`), empty if actors unavailable.
        attribute_errors: matched claims whose attribute differs from the gold.
        path: the gold file.
    """

    metrics: dict[str, float]
    misses: pd.DataFrame
    false_alarms: pd.DataFrame
    per_group: pd.DataFrame
    attribute_errors: pd.DataFrame = field(default_factory=pd.DataFrame)
    path: str = ""

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
            df.to_csv(path, index=False, lineterminator="\n")
            written.append(path)
        return written

    def to_text(self) -> str:
        """The printed report: metrics, per-group actor F1, misses, false alarms."""
        lines = [f"Gold evaluation: {self.path}", "", "metric                         value"]
        for k, v in self.metrics.items():
            lines.append(f"{k:<30} {v:>7.3f}" if isinstance(v, float) else f"{k:<30} {v:>7}")
        lines += ["", "Actor F1 per group"]
        if self.per_group.empty:
            lines.append("  (not available)")
        else:
            for r in self.per_group.itertuples(index=False):
                lines.append(f"  {r.actor_id:<12} gold {r.gold:>3}  pred {r.predicted:>3}  "
                             f"P {r.precision:.2f}  R {r.recall:.2f}  F1 {r.f1:.2f}")
        for title, df in (("Misses (in gold, not extracted)", self.misses),
                          ("False alarms (extracted, not in gold)", self.false_alarms)):
            lines += ["", f"{title}: {len(df)}"]
            for r in df.itertuples(index=False):
                num = r.vague if isinstance(r.vague, str) else (
                    f"{_int(r.min)}" if _int(r.min) == _int(r.max) else f"{_int(r.min)}-{_int(r.max)}")
                lines.append(f"  {r.doc_id:<12} {r.category:<10} {num:<12} {r.qualifier or '':<10} {r.quote}")
        return "\n".join(lines) + "\n"


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


def read_gold(path: str | Path) -> list[dict[str, Any]]:
    """Read and validate a gold JSONL file.

    Raises:
        InputError: unreadable file, a line that is not UTF-8 or not a JSON object, or a
            missing or wrongly typed field (the message names the file and line).
    """
    p = Path(path)
    try:
        if not p.is_file():
            raise InputError(f"{p}: gold file not found")
        with p.open("rb") as fh:
            return [rec for lineno, raw in enumerate(fh, 1) if (rec := _gold_record(p, lineno, raw)) is not None]
    except OSError as exc:
        raise InputError(f"{printable(p, limit=120)}: cannot read the gold file ({exc.strerror})") from None


def _gold_record(p: Path, lineno: int, raw: bytes) -> dict[str, Any] | None:
    """One validated gold line (None for a blank line)."""
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
    return rec


def _claim_ok(c: dict[str, Any]) -> bool:
    def count(v: Any) -> bool:
        return v is None or (isinstance(v, int) and not isinstance(v, bool))

    texts = all(c.get(k) is None or isinstance(c.get(k), str) for k in ("qualifier", "vague", "quote", "scope",
                                                                        "source_actor", "perpetrator_actor"))
    return isinstance(c["category"], str) and count(c["min"]) and count(c["max"]) and texts


def _pick(preds: list[dict[str, Any]], quote: str | None, sent_starts: dict[int, int]) -> dict[str, Any]:
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


def _errors_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=ERROR_COLUMNS)
    return df.astype({"min": "Int64", "max": "Int64"})


def evaluate_gold(path: str | Path, *, lexicons: Mapping[str, str | Path] | None = None,
                  pack: str | Path | None = None) -> Evaluation:
    """Run the extraction on the texts of a gold file and score it.

    Args:
        path: a gold JSONL file (fields doc_id, title, text, date, claims, actors).
        lexicons: ``{name: path}`` overrides of the lexicon registry (default: the bundled ones).
        pack: the conflict pack, by name or folder (default: the Syria pack).

    Returns:
        An :class:`Evaluation`; ``print(ev.to_text())`` shows the report.

    Raises:
        InputError: a malformed gold file (names file and line).

    Example:
        >>> ev = evaluate_gold("../shared/gold/dev.jsonl")   # doctest: +SKIP
        >>> round(ev.metrics["numeric_f1"], 2)               # doctest: +SKIP
        0.96
    """
    gold = read_gold(path)
    lex = load_lexicons(lexicons, pack=pack)
    actor_dict = lex.actors
    tp = n_pred = n_gold = 0
    vtp = vn_pred = vn_gold = 0
    attr_hits = {a: 0 for a in _ATTRIBUTES}
    attr_total = {a: 0 for a in _ATTRIBUTES}
    misses: list[dict[str, Any]] = []
    false_alarms: list[dict[str, Any]] = []
    attr_errors: list[dict[str, Any]] = []
    group_counts: dict[str, list[int]] = {}
    atp = an_pred = an_gold = 0
    for rec in gold:
        doc_id = str(rec["doc_id"])
        sents = document_sentences(doc_id, rec.get("title"), rec.get("text"))
        date = rec.get("date")
        preds = extract_claims(sents, dictionary=actor_dict, date=date, words=lex.casualties)
        sent_starts = {s.sent_id: s.start for s in sents}
        # numeric
        pred_keys: dict[tuple, list[dict[str, Any]]] = {}
        pred_vague: dict[tuple, list[dict[str, Any]]] = {}
        for p in preds:
            if p["vague"]:
                pred_vague.setdefault((p["category"], p["vague"]), []).append(p)
            else:
                pred_keys.setdefault((p["category"], p["min"], p["max"]), []).append(p)
        gold_keys: dict[tuple, dict[str, Any]] = {}
        gold_vague: dict[tuple, dict[str, Any]] = {}
        for g in rec["claims"]:
            if g.get("vague") or g.get("min") is None:
                gold_vague.setdefault((g["category"], g.get("vague")), g)
            else:
                gold_keys.setdefault((g["category"], g["min"], g["max"]), g)
        n_pred += len(pred_keys)
        n_gold += len(gold_keys)
        vn_pred += len(pred_vague)
        vn_gold += len(gold_vague)
        for key, g in gold_keys.items():
            if key not in pred_keys:
                misses.append({"doc_id": doc_id, "category": key[0], "min": key[1], "max": key[2], "vague": None,
                               "qualifier": g.get("qualifier"), "quote": g.get("quote"), "sentence": None})
                continue
            tp += 1
            p = _pick(pred_keys[key], g.get("quote"), sent_starts)
            for a in _ATTRIBUTES:
                gv = g.get(a)
                if gv == "UNSURE":
                    continue
                attr_total[a] += 1
                if gv == p.get(a):
                    attr_hits[a] += 1
                else:
                    attr_errors.append({"doc_id": doc_id, "attribute": a, "gold": gv, "predicted": p.get(a),
                                        "category": key[0], "min": key[1], "quote": g.get("quote"),
                                        "sentence": p["sentence"]})
        for key, g in gold_vague.items():
            if key in pred_vague:
                vtp += 1
            else:
                misses.append({"doc_id": doc_id, "category": key[0], "min": None, "max": None, "vague": key[1],
                               "qualifier": "vague", "quote": g.get("quote"), "sentence": None})
        for key, ps in list(pred_keys.items()) + list(pred_vague.items()):
            if key in gold_keys or key in gold_vague:
                continue
            p = ps[0]
            false_alarms.append({"doc_id": doc_id, "category": p["category"], "min": p["min"], "max": p["max"],
                                 "vague": p["vague"], "qualifier": p["qualifier"], "quote": p["quote"],
                                 "sentence": p["sentence"]})
        # actors
        mentions = extract_mentions(sents, dictionary=actor_dict, date=date)
        pred_set = {m["actor_id"] for m in mentions if m.get("actor_id")}
        gold_set = set(rec["actors"])
        atp += len(pred_set & gold_set)
        an_pred += len(pred_set)
        an_gold += len(gold_set)
        for gid in pred_set | gold_set:
            c = group_counts.setdefault(gid, [0, 0, 0])
            c[0] += gid in gold_set
            c[1] += gid in pred_set
            c[2] += gid in gold_set and gid in pred_set
    p, r, f = prf(tp, n_pred, n_gold)
    vp, vr, vf = prf(vtp, vn_pred, vn_gold)
    metrics: dict[str, float] = {
        "reports": len(gold),
        "numeric_gold": n_gold, "numeric_predicted": n_pred, "numeric_matched": tp,
        "numeric_precision": p, "numeric_recall": r, "numeric_f1": f,
        "vague_gold": vn_gold, "vague_predicted": vn_pred, "vague_matched": vtp,
        "vague_precision": vp, "vague_recall": vr, "vague_f1": vf,
    }
    for a in _ATTRIBUTES:
        metrics[f"{a}_accuracy"] = attr_hits[a] / attr_total[a] if attr_total[a] else 0.0
    rows = []
    ap, ar, af = prf(atp, an_pred, an_gold)
    metrics.update({"actors_precision": ap, "actors_recall": ar, "actors_f1": af})
    for gid in sorted(group_counts):
        g_n, p_n, t_n = group_counts[gid]
        gp, gr, gf = prf(t_n, p_n, g_n)
        rows.append({"actor_id": gid, "gold": g_n, "predicted": p_n, "true_pos": t_n,
                     "precision": gp, "recall": gr, "f1": gf})
    return Evaluation(
        metrics=metrics,
        misses=_errors_frame(misses),
        false_alarms=_errors_frame(false_alarms),
        per_group=pd.DataFrame(rows, columns=GROUP_COLUMNS),
        attribute_errors=pd.DataFrame(attr_errors),
        path=str(path),
    )
