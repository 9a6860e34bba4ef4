"""MUC-4 DEV: recall of written answer-key counts, and false alarms on texts without casualties.

Extracts the casualty claims of the 1,300 MUC-4 DEV wire texts of ``../shared/data/muc4-dev.jsonl``
(Latin America 1988-90, upper case) and scores them with :func:`analysis.run.muc4.score_muc4`
(definitions there: recall over the key counts of 2 or more that the text writes; false alarms on
texts whose key has no casualties). ``python -m analysis evaluate`` prints the same two figures in
its table; this script adds the CPU time and lists of misses and false alarms.

Usage:
    python benchmarks/muc4_recall.py                     # table of figures
    python benchmarks/muc4_recall.py --misses 40 --false-alarms 40   # and examples of each
    python benchmarks/muc4_recall.py --out benchmarks/results/muc4   # CSVs of units and alarms
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Mapping

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # run from a checkout without installing the package

from analysis.errors import InputError  # noqa: E402
from analysis.run.muc4 import (  # noqa: E402  (the scoring lives in the package: evaluate uses it too)
    Muc4Score,
    load_muc4,
    muc4_claims,
    score_muc4,
    spellings,
    written_values,
)

__all__ = ["Muc4Score", "load_muc4", "main", "muc4_claims", "score_muc4", "spellings", "written_values"]

MUC4_DEV = ROOT.parent / "shared" / "data" / "muc4-dev.jsonl"


def _examples(score: Muc4Score, texts: Mapping[str, str], claims: Mapping[str, list], n_miss: int, n_fa: int) -> str:
    lines: list[str] = []
    misses = [u for u in score.units if u["written"] and not u["recalled"]]
    if n_miss:
        lines.append(f"\nMisses ({len(misses)}): doc_id category value | extracted (category, min)")
        for u in misses[:n_miss]:
            got = [(c["category"], c["min"]) for c in claims.get(u["doc_id"], []) if not c.get("vague")]
            lines.append(f"  {u['doc_id']} {u['category']:<8} {u['value']:>6} | {got}")
    if n_fa:
        fas = [a for a in score.alarms if a["claims"]]
        lines.append(f"\nFalse alarms ({len(fas)} texts): doc_id | category min quote")
        for a in fas[:n_fa]:
            for c in a["claims"]:
                lines.append(f"  {a['doc_id']} | {c['category']} {c['min']} {c.get('quote', '')!r}")
    return "\n".join(lines) + ("\n" if lines else "")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=str(MUC4_DEV), help="muc4-dev.jsonl (default: ../shared/data/)")
    ap.add_argument("--misses", type=int, default=0, help="print this many missed key units")
    ap.add_argument("--false-alarms", type=int, default=0, help="print this many texts with false alarms")
    ap.add_argument("--out", default=None, help="folder for units.csv and false_alarms.csv (never commit them)")
    args = ap.parse_args(argv)
    try:
        records = load_muc4(args.data)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    t0 = time.process_time()
    claims = muc4_claims(records)
    cpu = time.process_time() - t0
    texts = {r["doc_id"]: r["text"] for r in records}
    score = score_muc4(texts, {r["doc_id"]: r for r in records}, claims)
    print(f"MUC-4 DEV: {len(records)} texts, extraction {cpu:.1f} CPU s")
    print(score.to_text(), end="")
    print(_examples(score, texts, claims, args.misses, args.false_alarms), end="")
    if args.out:
        score.write(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
