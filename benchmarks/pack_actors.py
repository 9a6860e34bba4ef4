"""Actor F1 of a conflict pack on an actors-only gold file whose texts stay in the corpus.

The gold (``data/gold/muc4-actors.jsonl``: doc_id and the set of group ids each report mentions,
no text) is joined with its texts from the corpus by ``doc_id``; the extraction's mentions
(the pack's names and the generic party phrases, resolved by context) give each report's set of
group ids, scored as ``python -m analysis evaluate`` scores actor sets: micro precision, recall
and F1 over (report, group) pairs, and F1 per group. ``--map DRAFTED=GOLD`` renames a pack's
group id before scoring (for a drafted pack whose ids are not yet the gold's: only a renaming,
no alias, kind or merge).

Usage:
    python benchmarks/pack_actors.py --pack muc4
    python benchmarks/pack_actors.py --pack /tmp/drafted --map SALVADORAN=SAL_GOV --map U_S=USA

Example:
    >>> s = score_actor_sets({"a": {"X", "Y"}, "b": {"Z"}}, {"a": {"X"}, "b": {"Z", "W"}})
    >>> round(s["precision"], 2), round(s["recall"], 2), round(s["f1"], 2)
    (0.67, 0.67, 0.67)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Mapping

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.extract.document import load_lexicons  # noqa: E402
from analysis.extract.mentions import extract_mentions  # noqa: E402
from analysis.extract.parties import party_matcher  # noqa: E402
from analysis.extract.text import document_sentences  # noqa: E402
from analysis.io.documents import load_corpus  # noqa: E402

GOLD = ROOT / "data" / "gold" / "muc4-actors.jsonl"
CORPUS = ROOT.parent / "shared" / "data" / "muc4-dev.jsonl"


def score_actor_sets(gold: Mapping[str, set[str]], predicted: Mapping[str, set[str]]) -> dict:
    """Micro P/R/F1 over (report, group) pairs of the reports in ``gold``, and counts per group."""
    tp = n_pred = n_gold = 0
    groups: dict[str, list[int]] = {}
    for doc, g in gold.items():
        p = predicted.get(doc, set())
        tp, n_pred, n_gold = tp + len(g & p), n_pred + len(p), n_gold + len(g)
        for gid in g | p:
            c = groups.setdefault(gid, [0, 0, 0])
            c[0], c[1], c[2] = c[0] + (gid in g), c[1] + (gid in p), c[2] + (gid in g and gid in p)
    prec = tp / n_pred if n_pred else 0.0
    rec = tp / n_gold if n_gold else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"reports": len(gold), "pairs_gold": n_gold, "pairs_predicted": n_pred, "true_pos": tp,
            "precision": prec, "recall": rec, "f1": f1, "per_group": groups}


def predicted_sets(gold_ids: list[str], *, pack: str, corpus: Path, rename: Mapping[str, str]) -> dict[str, set[str]]:
    """The group ids the extraction finds in each gold report (after ``rename``)."""
    lex = load_lexicons(pack=pack)
    docs = load_corpus(corpus).documents.set_index("doc_id")
    missing = [d for d in gold_ids if d not in docs.index]
    if missing:
        raise SystemExit(f"{corpus}: gold reports not in the corpus: {', '.join(missing[:5])}")
    out = {}
    parties = party_matcher(lex.paths["parties"])
    for doc_id in gold_ids:
        row = docs.loc[doc_id]
        title = row["title"] if isinstance(row["title"], str) else None
        sents = document_sentences(doc_id, title, row["text"])
        ms = extract_mentions(sents, dictionary=lex.actors, date=row["date"], parties=parties)
        out[doc_id] = {rename.get(m["actor_id"], m["actor_id"]) for m in ms if m["actor_id"]}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pack", default="muc4", help="pack name or folder (default muc4)")
    ap.add_argument("--gold", default=str(GOLD))
    ap.add_argument("--corpus", default=str(CORPUS))
    ap.add_argument("--map", action="append", default=[], metavar="DRAFTED=GOLD", help="rename a pack group id")
    ap.add_argument("--map-file", help="a file of DRAFTED=GOLD lines (# comments)")
    ap.add_argument("--per-group", action="store_true", help="also print F1 per group")
    a = ap.parse_args(argv)
    if not Path(a.corpus).is_file():
        print(f"skipped: {a.corpus} is absent (needs ../shared beside the project)")
        return 0
    gold = {}
    for line in Path(a.gold).read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            gold[r["doc_id"]] = set(r["actors"])
    lines = a.map + ([x.strip() for x in Path(a.map_file).read_text().splitlines()
                      if x.strip() and not x.startswith("#")] if a.map_file else [])
    rename = dict(x.split("=", 1) for x in lines)
    s = score_actor_sets(gold, predicted_sets(list(gold), pack=a.pack, corpus=Path(a.corpus), rename=rename))
    print(f"pack {a.pack}: {s['reports']} reports, {s['pairs_gold']} gold pairs, {s['pairs_predicted']} predicted, "
          f"{s['true_pos']} right: P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f}")
    if a.per_group:
        for gid, (g, p, t) in sorted(s["per_group"].items()):
            print(f"  {gid:<18} gold {g:>2} pred {p:>2} right {t:>2}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
