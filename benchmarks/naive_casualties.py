"""Naive casualty script: a reference point for the benchmarks, not part of the package.

What a quick one-off script would do: read each report's text with the standard library and
take every "<number> ... killed/dead/wounded/injured" with one regular expression, without
sentences, sources, actors or qualifiers. Its speed is the floor for "how fast can one read the
texts and run a regex over them"; its output is deliberately crude.

Usage:
    python benchmarks/naive_casualties.py CORPUS.csv|CORPUS.jsonl --out claims.csv
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from pathlib import Path
from typing import Iterator

NUMBER_THEN_TOLL = re.compile(
    r"\b(\d{1,3}(?:,\d{3})+|\d+)\s+(?:[A-Za-z-]+\s+){0,3}?(?:were\s+|have\s+been\s+|had\s+been\s+)?"
    r"(killed|dead|died|deaths|wounded|injured|hurt)\b",
    re.IGNORECASE,
)
CATEGORY = {"killed": "killed", "dead": "killed", "died": "killed", "deaths": "killed",
            "wounded": "injured", "injured": "injured", "hurt": "injured"}


def iter_texts(path: Path) -> Iterator[tuple[str, str]]:
    """(doc id, text) of each report of a FA-KES-style CSV or a JSONL file, streamed."""
    if path.suffix.lower() == ".csv":
        csv.field_size_limit(sys.maxsize)
        with open(path, encoding="utf-8-sig", errors="replace", newline="") as fh:
            for i, row in enumerate(csv.DictReader(fh)):
                text = row.get("article_content") or row.get("text") or ""
                yield row.get("doc_id") or f"fakes-{i}", (row.get("article_title") or row.get("title") or "") + "\n" + text
    else:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    rec = json.loads(line)
                    yield rec.get("doc_id", ""), (rec.get("title") or "") + "\n" + (rec.get("text") or "")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    started = time.perf_counter()
    n_docs = n_claims = 0
    with open(args.out, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["doc_id", "category", "number"])
        for doc_id, text in iter_texts(args.corpus):
            n_docs += 1
            for m in NUMBER_THEN_TOLL.finditer(text):
                w.writerow([doc_id, CATEGORY[m.group(2).lower()], int(m.group(1).replace(",", ""))])
                n_claims += 1
    print(json.dumps({"n_documents": n_docs, "n_claims": n_claims, "seconds": time.perf_counter() - started}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
