"""Benchmark: what one very long sentence or line costs ``extract`` (issue 16, case 4a).

Writes, in a temporary folder, one-report corpora that no real report resembles, runs
``python -m analysis extract`` on each in its own process, and prints its wall time, the peak
resident memory of that process and the size of the tables written:

* ``tolls``: one 11 KB sentence of 300 tolls strung with commas ("1 people were killed in
  village 1, 2 people were killed ...");
* ``line``: one line of common English words without any punctuation (``--mb`` megabytes,
  50 by default), the shape of a scraped page that lost its line breaks.

Usage:
    python benchmarks/long_lines.py            # both, the line at 50 MB (about two minutes)
    python benchmarks/long_lines.py --mb 5     # a quicker look
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDS = ("the of and a to in is you that it he was for on are as with his they at be this have from or one had by "
         "word but not what all were we when your can said there use an each which she do how their if will up other "
         "about out many then them these so some her would make like him into time has look two more write go see "
         "number no way could people my than first water been call who oil its now find long down day did get come "
         "made may part").split()


def tolls_text() -> str:
    return ", ".join(f"{i} people were killed in village {i}" for i in range(1, 300)) + "."


def line_text(megabytes: float) -> str:
    rng, out, n = random.Random(2), [], 0
    while n < megabytes * 1_000_000:
        w = rng.choice(WORDS)
        out.append(w)
        n += len(w) + 1
    return " ".join(out)


def measure(text: str, folder: Path) -> dict[str, float]:
    """Extract a one-report corpus in a child process: seconds, peak MB, MB written."""
    corpus, out = folder / "corpus", folder / "out"
    corpus.mkdir()
    (corpus / "a.txt").write_text(text, encoding="utf-8")
    env = {**os.environ, "CC_CACHE_DIR": str(folder / "cache")}
    started = time.time()
    subprocess.run([sys.executable, "-m", "analysis", "-q", "extract", str(corpus), "--out", str(out)],
                   check=True, cwd=ROOT, env=env)
    seconds = time.time() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the largest child so far
    written = sum(f.stat().st_size for f in out.glob("*.csv")) / 1e6
    return {"input MB": len(text.encode()) / 1e6, "seconds": seconds, "peak MB": peak, "tables MB": written}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=50, help="megabytes of the line without punctuation (default 50)")
    args = ap.parse_args(argv)
    for name, text in (("tolls", tolls_text()), ("line", line_text(args.mb))):
        with tempfile.TemporaryDirectory() as tmp:
            row = measure(text, Path(tmp))
        print(name, "  ".join(f"{k} {v:,.2f}" for k, v in row.items()), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
